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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlaygroundHandler}, served by a bare Reactor Netty server in front of
 * a stand-in for the {@code check} operation.
 *
 * @author cors-gateway authors
 */
class PlaygroundHandlerTests {

	private final List<String> endpointRequests = new CopyOnWriteArrayList<>();

	private final AtomicInteger endpointLookups = new AtomicInteger();

	private @Nullable String endpointBase;

	private DisposableServer endpoint;

	private DisposableServer playground;

	private WebTestClient client;

	@BeforeEach
	void startServers() {
		// Answers as the check operation would, with a CORS header of its own that the
		// proxy must not pass on, and 400 for a path without a slash.
		this.endpoint = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.endpointRequests.add(request.uri());
			response.header("Access-Control-Allow-Origin", "*");
			if (request.uri().contains("path=bad")) {
				return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("{\"status\":400}"));
			}
			return response.sendString(Mono.just("{\"kind\":\"ACTUAL_ALLOWED\"}"));
		}).bindNow();
		this.endpointBase = "http://127.0.0.1:" + this.endpoint.port() + "/actuator";
		Supplier<@Nullable String> base = () -> {
			this.endpointLookups.incrementAndGet();
			return this.endpointBase;
		};
		PlaygroundHandler handler = new PlaygroundHandler(base);
		this.playground = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> handler.handles(request.fullPath()) ? handler.handle(request, response)
					: response.status(HttpResponseStatus.NOT_FOUND).send())
			.bindNow();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.playground.port()).build();
	}

	@AfterEach
	void stopServers() {
		this.playground.disposeNow();
		this.endpoint.disposeNow();
	}

	@Test
	void checkPassesTheQueryOnToTheCheckOperationAsIs() {
		this.client.get()
			.uri(URI.create("http://127.0.0.1:" + this.playground.port() + PlaygroundHandler.CHECK_PATH
					+ "?path=/orders/1&origin=https%3A%2F%2Fshop.example&method=OPTIONS"))
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody()
			.json("{\"kind\":\"ACTUAL_ALLOWED\"}");
		assertThat(this.endpointRequests)
			.containsExactly("/actuator/cors/check?path=/orders/1&origin=https%3A%2F%2Fshop.example&method=OPTIONS");
	}

	@Test
	void checkPassesTheOperationsStatusOn() {
		this.client.get()
			.uri(PlaygroundHandler.CHECK_PATH + "?path=bad")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.json("{\"status\":400}");
	}

	@Test
	void requestToAnotherHostNameIsRefusedWithoutAskingTheCheckOperation() {
		// A site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name.
		this.client.get()
			.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
			.header(HttpHeaders.HOST, "attacker.example:" + this.playground.port())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("The playground answers requests to 127.0.0.1, localhost or [::1] only: "
					+ "open it by one of these names.");
		assertThat(this.endpointLookups).hasValue(0);
		assertThat(this.endpointRequests).isEmpty();
	}

	@Test
	void namesThatOnlyResembleLoopbackAreRefused() {
		// Names a rebinding site can take: each resolves wherever its owner wants.
		for (String host : List.of("127.0.0.1.nip.io", "localhost.", "localhost.attacker.example",
				"127.0.0.1.attacker.example:1", "[::1].attacker.example")) {
			this.client.get()
				.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
				.header(HttpHeaders.HOST, host)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(this.endpointLookups).hasValue(0);
		assertThat(this.endpointRequests).isEmpty();
	}

	@Test
	void loopbackNamesAreAnswered() {
		for (String host : List.of("localhost", "LOCALHOST:1", "[::1]:1", "127.0.0.1")) {
			this.client.get()
				.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
				.header(HttpHeaders.HOST, host)
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(this.endpointRequests).hasSize(4);
	}

	@Test
	void otherMethodThanGetIsRefusedWithoutAskingTheCheckOperation() {
		this.client.post()
			.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET");
		assertThat(this.endpointLookups).hasValue(0);
		assertThat(this.endpointRequests).isEmpty();
	}

	@Test
	void checkAnswers503UntilTheManagementPortIsKnown() {
		this.endpointBase = null;
		this.client.get()
			.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.error")
			.value((String error) -> assertThat(error).contains("not started yet"));
		assertThat(this.endpointRequests).isEmpty();
	}

	@Test
	void checkAnswers502WhenTheOperationDoesNotAnswer() {
		this.endpointBase = "http://127.0.0.1:" + this.endpoint.port() + "/actuator";
		this.endpoint.disposeNow();
		this.client.get()
			.uri(PlaygroundHandler.CHECK_PATH + "?path=/orders/1")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.error")
			.value((String error) -> assertThat(error).contains(this.endpointBase + "/cors/check?path=/orders/1")
				.contains("management.endpoints.web.exposure.include"));
	}

	@Test
	void pageIsServedAsHtml() {
		this.client.get()
			.uri(PlaygroundHandler.PAGE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=utf-8")
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<title>cors-gateway playground</title>"));
	}

	@Test
	void actuatorBaseUriIsOnTheManagementPortAndAddress() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.management.port", "8081")
			.withProperty("local.server.port", "8080")
			.withProperty("management.server.address", "127.0.0.1");
		assertThat(PlaygroundHandler.actuatorBaseUri(environment).get()).isEqualTo("http://127.0.0.1:8081/actuator");
	}

	@Test
	void actuatorBaseUriFollowsTheBasePaths() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.management.port", "8081")
			.withProperty("management.server.base-path", "/manage/")
			.withProperty("management.endpoints.web.base-path", "/ops");
		assertThat(PlaygroundHandler.actuatorBaseUri(environment).get()).isEqualTo("http://127.0.0.1:8081/manage/ops");
	}

	@Test
	void actuatorBaseUriReachesAWildcardOrIpv6AddressOnLoopback() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.management.port", "8081")
			.withProperty("management.server.address", "0.0.0.0");
		assertThat(PlaygroundHandler.actuatorBaseUri(environment).get()).isEqualTo("http://127.0.0.1:8081/actuator");
		environment.setProperty("management.server.address", "::1");
		assertThat(PlaygroundHandler.actuatorBaseUri(environment).get()).isEqualTo("http://[::1]:8081/actuator");
	}

	@Test
	void actuatorBaseUriIsOnTheServerPortWithoutAManagementPort() {
		// The management server's address and base path apply to a separate port only.
		MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8080")
			.withProperty("management.server.address", "192.0.2.1")
			.withProperty("management.server.base-path", "/manage");
		assertThat(PlaygroundHandler.actuatorBaseUri(environment).get()).isEqualTo("http://127.0.0.1:8080/actuator");
	}

	@Test
	void actuatorBaseUriIsUnknownBeforeAnyServerStarted() {
		assertThat(PlaygroundHandler.actuatorBaseUri(new MockEnvironment()).get()).isNull();
	}

}
