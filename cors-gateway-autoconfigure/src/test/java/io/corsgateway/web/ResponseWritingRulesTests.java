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

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rules of the responses the filter lets through: the CORS headers are the policy's
 * however the body goes out (all at once, streamed, or none), {@code Vary: Origin} is
 * sent exactly when the answer depends on the origin, and requests without a host are
 * routed like any other.
 *
 * @author cors-gateway authors
 */
class ResponseWritingRulesTests {

	private static final String SHOP = "https://shop.example.com";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP)
					.exposedHeaders("ETag")
					.allowCredentials(true))
		.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("*"))
		.service("admin", (admin) -> admin.paths("/admin/**").hosts("admin.example.com").allowedOrigins(SHOP))
		.build());

	private static void copyPermissiveHeaders(ServerHttpResponse response) {
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Internal-Secret");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "false");
	}

	private static Flux<DataBuffer> body(String... parts) {
		return Flux.fromArray(parts)
			.map((part) -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request, WebFilterChain chain) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
		return exchange;
	}

	private static MockServerHttpRequest.BaseBuilder<?> get(String path) {
		return MockServerHttpRequest.get("https://api.example.com" + path).header(HttpHeaders.ORIGIN, SHOP);
	}

	private static void assertPolicyHeaders(MockServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("ETag");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).containsExactly("true");
	}

	@Test
	void streamedResponseGetsThePolicysHeadersInsteadOfTheHandlers() {
		MockServerWebExchange exchange = run(get("/orders/feed"), (filtered) -> {
			ServerHttpResponse response = filtered.getResponse();
			copyPermissiveHeaders(response);
			return response.writeAndFlushWith(Flux.just(body("event: 1\n\n"), body("event: 2\n\n")));
		});
		assertPolicyHeaders(exchange);
		assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("event: 1\n\nevent: 2\n\n");
	}

	@Test
	void responseWithABodyGetsThePolicysHeadersInsteadOfTheHandlers() {
		MockServerWebExchange exchange = run(get("/orders/1"), (filtered) -> {
			ServerHttpResponse response = filtered.getResponse();
			copyPermissiveHeaders(response);
			return response.writeWith(body("{}"));
		});
		assertPolicyHeaders(exchange);
		assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("{}");
	}

	@Test
	void responseWithoutABodyGetsThePolicysHeadersInsteadOfTheHandlers() {
		MockServerWebExchange exchange = run(get("/orders/1"), (filtered) -> {
			ServerHttpResponse response = filtered.getResponse();
			copyPermissiveHeaders(response);
			response.setStatusCode(HttpStatus.NO_CONTENT);
			return response.setComplete();
		});
		assertPolicyHeaders(exchange);
	}

	@Test
	void allowedRequestOnAnAnyOriginPolicyDoesNotVaryOnOrigin() {
		MockServerWebExchange exchange = run(get("/catalog/1"), (filtered) -> filtered.getResponse().setComplete());
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("*");
		assertThat(exchange.getResponse().getHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
	}

	@Test
	void allowedRequestOnAListedOriginPolicyVariesOnOrigin() {
		MockServerWebExchange exchange = run(get("/orders/1"), (filtered) -> filtered.getResponse().setComplete());
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@Test
	void requestWithoutAHostIsRoutedOnlyToServicesThatNameNoHost() {
		MockServerWebExchange orders = run(MockServerHttpRequest.get("/orders/1").header(HttpHeaders.ORIGIN, SHOP),
				(filtered) -> filtered.getResponse().setComplete());
		assertThat(orders.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly(SHOP);
		MockServerWebExchange admin = run(
				MockServerHttpRequest.get("/admin/1").header(HttpHeaders.ORIGIN, "https://evil.example.net"),
				(filtered) -> filtered.getResponse().setComplete());
		assertThat(admin.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void filterNeedsPolicies() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorsGatewayWebFilter(null))
			.withMessage("'policies' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.filter.setPolicies(null))
			.withMessage("'policies' must not be null");
	}

}
