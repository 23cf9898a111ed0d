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
package io.corsgateway.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebSocket handshakes through the filter: a handshake from an origin the scope does not
 * allow never reaches the upstream, whatever the scope's other settings, and one the
 * scope allows reaches it without CORS headers.
 *
 * @author cors-gateway authors
 */
class WebSocketHandshakeTrickTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("live", (live) -> live.paths("/live/**").allowedOrigins(SHOP))
		.service("legacy", (legacy) -> legacy.paths("/legacy/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		// Same-origin pages and non-browser clients only: no cross-origin page may use
		// it.
		.service("internal", (internal) -> internal.paths("/internal/**"))
		.service("watched", (watched) -> watched.paths("/watched/**").allowedOrigins(SHOP).reportOnly(true))
		.build());

	private final WebFilterChain upstream = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		exchange.getResponse().getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		exchange.getResponse().setStatusCode(HttpStatus.SWITCHING_PROTOCOLS);
		return exchange.getResponse().setComplete();
	};

	@Test
	void handshakeFromAnAllowedOriginReachesTheUpstreamWithoutCorsHeaders() {
		MockServerWebExchange exchange = run(handshake("/live/feed", SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "WebSocket", "WEBSOCKET", " websocket ", "h2c, websocket", "websocket,",
			"foo,\twebsocket" })
	void handshakeFromADisallowedOriginIsRefusedWhateverTheSpellingOfUpgrade(String upgrade) {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/live/feed")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, upgrade));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void handshakeWithWebsocketOnASecondUpgradeLineIsRefused() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/live/feed")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "h2c", "websocket"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void handshakeFromADisallowedOriginIsRefusedWhereOrdinaryRequestsAreLetThrough() {
		MockServerWebExchange exchange = run(handshake("/legacy/feed", EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void handshakeWithTwoOriginsIsRefused() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/live/feed")
			.header(HttpHeaders.ORIGIN, SHOP, EVIL)
			.header(HttpHeaders.UPGRADE, "websocket"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void ordinaryCrossOriginRequestToAScopeWithoutOriginsIsRejected() {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.get("https://api.example.com/internal/feed").header(HttpHeaders.ORIGIN, EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	// A scope that allows no origin allows no cross-origin page to open a connection
	// either: browsers check nothing on a WebSocket, so letting it through would hand
	// every site a connection with the user's cookies.
	@Test
	void handshakeFromAnyOriginIsRefusedInAScopeThatAllowsNoOrigin() {
		MockServerWebExchange exchange = run(handshake("/internal/feed", EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void sameOriginHandshakeReachesAScopeThatAllowsNoOrigin() {
		run(handshake("/internal/feed", "https://api.example.com"));
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void handshakeWithoutOriginReachesTheUpstream() {
		run(MockServerHttpRequest.get("https://api.example.com/internal/feed")
			.header(HttpHeaders.UPGRADE, "websocket"));
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void handshakeFromADisallowedOriginOnlyReportedInAReportOnlyScope() {
		MockServerWebExchange exchange = run(handshake("/watched/feed", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("*");
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.upstream).block();
		return exchange;
	}

	private static MockServerHttpRequest.BaseBuilder<?> handshake(String path, String origin) {
		return MockServerHttpRequest.get("https://api.example.com" + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header(HttpHeaders.UPGRADE, "websocket");
	}

}
