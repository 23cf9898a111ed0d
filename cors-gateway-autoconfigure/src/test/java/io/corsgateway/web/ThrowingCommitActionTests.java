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

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule of the response repair: a downstream commit action that throws while the server
 * completes a response the handler left without a body (outside the filter chain, where
 * no error reaches this filter) still leaves only the policy's CORS headers.
 *
 * @author cors-gateway authors
 */
class ThrowingCommitActionTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	@Test
	void commitActionThatThrowsAfterTheChainCompletedStillLeavesNoForeignCorsHeader() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("lenient",
					(lenient) -> lenient.paths("/lenient/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
			.build();
		WebFilter throwingAction = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> {
				HttpHeaders headers = exchange.getResponse().getHeaders();
				headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, EVIL);
				headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
				throw new IllegalStateException("commit action threw");
			});
			return chain.filter(exchange);
		};
		HttpHandler handler = WebHttpHandlerBuilder.webHandler((exchange) -> Mono.empty())
			.filters((list) -> list.addAll(List.of(new CorsGatewayWebFilter(policies), throwingAction)))
			.build();
		MockServerHttpResponse response = new MockServerHttpResponse();
		handler.handle(
				MockServerHttpRequest.get("https://api.example.com/lenient/1").header(HttpHeaders.ORIGIN, EVIL).build(),
				response)
			.onErrorComplete()
			.block(Duration.ofSeconds(5));
		assertThat(response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
		assertThat(response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isNull();
	}

}
