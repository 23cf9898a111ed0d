/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.corsgateway.sample;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the sample gateway proxies a real WebSocket through Spring Cloud Gateway for
 * an origin its {@code live} service allows, and refuses the handshake of any other
 * origin with 403 before the upstream is contacted.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.upstream.port=0")
class WebSocketSampleTests {

	private static final String SHOP = "https://shop.example";

	private static final String ADMIN = "https://admin.shop.example";

	private static final String EVIL = "https://evil.example";

	// Bounds a broken exchange, not a timed assertion: a working one ends at once.
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();

	@Test
	void allowedOriginOpensTheWebSocketAndAMessageRoundTrips() {
		List<String> received = new CopyOnWriteArrayList<>();
		AtomicReference<HttpHeaders> handshakeResponse = new AtomicReference<>();
		long before = this.upstream.getRequestCount();
		this.client.execute(uri("/ws/orders"), origin(SHOP), (session) -> {
			handshakeResponse.set(session.getHandshakeInfo().getHeaders());
			return session.send(Mono.just(session.textMessage("ping")))
				.and(session.receive().map(WebSocketMessage::getPayloadAsText).take(2).doOnNext(received::add));
		}).block(TIMEOUT);
		assertThat(received).containsExactly(UpstreamServer.GREETING_PREFIX + "/ws/orders",
				UpstreamServer.ECHO_PREFIX + "ping");
		assertThat(this.upstream.getRequestCount()).isEqualTo(before + 1);
		// The upstream's 101 carries "Access-Control-Allow-Origin: *"; the browser's does
		// not, nor any other CORS header.
		assertThat(handshakeResponse.get().headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"));
	}

	@Test
	void disallowedOriginIsRefusedWith403BeforeTheUpstream() {
		long before = this.upstream.getRequestCount();
		assertThatExceptionOfType(WebSocketClientHandshakeException.class).isThrownBy(
				() -> this.client.execute(uri("/ws/orders"), origin(EVIL), (session) -> session.close()).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.response().status().code()).isEqualTo(403));
		assertThat(this.upstream.getRequestCount()).isEqualTo(before);
	}

	@Test
	void routeOriginsReplaceTheServicesForTheHandshake() {
		long before = this.upstream.getRequestCount();
		assertThatExceptionOfType(WebSocketClientHandshakeException.class)
			.isThrownBy(
					() -> this.client.execute(uri("/ws/operations/feed"), origin(SHOP), (session) -> session.close())
						.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.response().status().code()).isEqualTo(403));
		assertThat(this.upstream.getRequestCount()).isEqualTo(before);
	}

	@Test
	void routesOwnOriginOpensTheWebSocket() {
		List<String> received = new CopyOnWriteArrayList<>();
		this.client
			.execute(uri("/ws/operations/feed"), origin(ADMIN),
					(session) -> session.receive()
						.map(WebSocketMessage::getPayloadAsText)
						.take(1)
						.doOnNext(received::add)
						.then())
			.block(TIMEOUT);
		assertThat(received).containsExactly(UpstreamServer.GREETING_PREFIX + "/ws/operations/feed");
	}

	private URI uri(String path) {
		return URI.create("ws://localhost:" + this.port + path);
	}

	private static HttpHeaders origin(String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		return headers;
	}

}
