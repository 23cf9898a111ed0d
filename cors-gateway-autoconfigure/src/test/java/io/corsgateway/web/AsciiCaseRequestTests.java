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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests spelt with letters that the JDK folds onto ASCII ones: the filter compares
 * hosts and {@code Vary} tokens ignoring the case of ASCII letters only, so the Kelvin
 * sign (U+212A) is not {@code k} and the dotless i (U+0131) is not {@code i}.
 *
 * @author cors-gateway authors
 */
class AsciiCaseRequestTests {

	private static final String APP = "https://app.example.com";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("kelvin", (kelvin) -> kelvin.paths("/**").hosts("kelvin.example").allowedOrigins(APP))
		.service("other", (other) -> other.paths("/**").allowedOrigins("https://other.example.com"))
		.build());

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request, WebFilterChain chain) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
		return exchange;
	}

	private MockServerWebExchange preflight(String uri) {
		return run(MockServerHttpRequest.method(HttpMethod.OPTIONS, URI.create(uri))
			.header(HttpHeaders.ORIGIN, APP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"), (exchange) -> {
				this.handlerCalls.incrementAndGet();
				return exchange.getResponse().setComplete();
			});
	}

	@Test
	void preflightToAHostSpeltWithTheKelvinSignGetsThePolicyOfNoAsciiHost() {
		// java.net.URI gives up on the host; the filter reads it from the raw authority.
		MockServerWebExchange exchange = preflight("http://\u212Aelvin.example/items");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void preflightToTheAsciiHostInAnotherCaseGetsItsPolicy() {
		MockServerWebExchange exchange = preflight("http://KELVIN.example/items");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(APP);
	}

	@Test
	void handlersVaryTokenSpeltWithADotlessIDoesNotStandForOrigin() {
		String lookalike = "Or\u0131gin";
		assertThat(lookalike.regionMatches(true, 0, "Origin", 0, 6)).isTrue();
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.get("http://kelvin.example/items").header(HttpHeaders.ORIGIN, APP), (ex) -> {
					ex.getResponse().getHeaders().set(HttpHeaders.VARY, lookalike);
					return ex.getResponse().setComplete();
				});
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.VARY))
			.containsExactly(lookalike + ", " + "Origin");
	}

}
