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

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule of preflight handling: several {@code Access-Control-Request-Headers} field lines
 * mean the same as one line joining them with commas (RFC 9110 section 5.3).
 *
 * @author cors-gateway authors
 */
class RequestHeaderLinesTests {

	private static final String SHOP = "https://shop.example.com";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP)
					.allowedHeaders("Content-Type", "X-Request-Id"))
		.build());

	private MockServerWebExchange preflight(String... requestHeaderLines) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name());
		for (String line : requestHeaderLines) {
			request.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, line);
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, (chained) -> Mono.empty()).block();
		return exchange;
	}

	@Test
	void requestedHeadersOnSeveralLinesAreAllowedTogether() {
		MockServerWebExchange exchange = preflight("content-type", "x-request-id");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
			.containsExactly("content-type,x-request-id");
	}

	@Test
	void disallowedHeaderOnALaterLineRejectsThePreflight() {
		MockServerWebExchange exchange = preflight("content-type", "x-not-allowed");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).isNull();
	}

	@Test
	void singleRequestedHeaderLineIsEchoedAsSent() {
		MockServerWebExchange exchange = preflight("x-request-id");
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
			.containsExactly("x-request-id");
	}

}
