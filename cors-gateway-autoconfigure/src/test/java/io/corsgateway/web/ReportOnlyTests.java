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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A report-only scope computes and tells every decision, and then leaves request and
 * response exactly as the handler made them: nothing is rejected, and no header is added,
 * removed or changed, so that an upstream that still does its own CORS keeps doing it.
 *
 * @author cors-gateway authors
 */
class ReportOnlyTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final List<CorsDecision> decisions = new ArrayList<>();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("trial",
				(trial) -> trial.paths("/trial/**")
					.allowedOrigins(SHOP)
					.allowedMethods("GET", "PUT")
					.exposedHeaders("X-Trace-Id")
					.reportOnly(true)
					.route("enforced", (route) -> route.paths("/trial/enforced/**").reportOnly(false)))
		.build());

	// An upstream that does its own CORS: whatever it sets must reach the client as is.
	private final WebFilterChain upstream = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, DELETE");
		headers.add(HttpHeaders.VARY, "Accept-Encoding");
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		return exchange.getResponse().setComplete();
	};

	ReportOnlyTests() {
		this.filter.setDecisionListeners(List.of((request, decision) -> this.decisions.add(decision)));
		this.filter.setDebugHeaders(true);
	}

	@Test
	void preflightFromADisallowedOriginReachesTheUpstreamAndGetsItsAnswer() {
		MockServerWebExchange exchange = run(preflight("/trial/1", EVIL, "PUT"));
		assertThat(this.handlerCalls).hasValue(1);
		assertUpstreamHeadersOnly(exchange);
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.PREFLIGHT_REJECTED);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
			assertThat(decision.isEnforced()).isFalse();
		});
	}

	@Test
	void allowedPreflightIsNotAnsweredByTheFilter() {
		MockServerWebExchange exchange = run(preflight("/trial/1", SHOP, "PUT"));
		assertThat(this.handlerCalls).hasValue(1);
		assertUpstreamHeadersOnly(exchange);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getKind)
			.isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
	}

	@Test
	void actualRequestFromADisallowedOriginIsNotRejected() {
		MockServerWebExchange exchange = run(get("/trial/1", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertUpstreamHeadersOnly(exchange);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getKind)
			.isEqualTo(DecisionKind.ACTUAL_REJECTED);
	}

	@Test
	void allowedActualRequestGetsNoHeaderFromThePolicy() {
		MockServerWebExchange exchange = run(get("/trial/1", SHOP));
		assertUpstreamHeadersOnly(exchange);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Expose-Headers")).isNull();
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getKind)
			.isEqualTo(DecisionKind.ACTUAL_ALLOWED);
	}

	@Test
	void requestWithoutOriginKeepsTheUpstreamsCorsHeaders() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/trial/1"));
		assertUpstreamHeadersOnly(exchange);
		assertThat(this.decisions).singleElement().extracting(CorsDecision::getKind).isEqualTo(DecisionKind.NOT_CORS);
	}

	@Test
	void handlerThatFailsKeepsItsErrorAndGetsNoCorsHeader() {
		IllegalStateException failure = new IllegalStateException("upstream down");
		MockServerWebExchange exchange = MockServerWebExchange.from(get("/trial/1", SHOP));
		assertThatException()
			.isThrownBy(
					() -> this.filter.filter(exchange, (filtered) -> Mono.error(failure)).block(Duration.ofSeconds(5)))
			.isSameAs(failure);
		exchange.getResponse().setComplete().block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getHeaders().headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"))
			.doesNotContain(HttpHeaders.VARY);
	}

	@Test
	void handlerThatThrowsKeepsItsExceptionAndGetsNoCorsHeader() {
		IllegalStateException failure = new IllegalStateException("handler bug");
		MockServerWebExchange exchange = MockServerWebExchange.from(get("/trial/1", SHOP));
		assertThatException().isThrownBy(() -> this.filter.filter(exchange, (filtered) -> {
			throw failure;
		})).isSameAs(failure);
		exchange.getResponse().setComplete().block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getHeaders().headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"));
	}

	@Test
	void routeThatIsNotReportOnlyInsideAReportOnlyServiceIsEnforced() {
		MockServerWebExchange exchange = run(preflight("/trial/enforced/1", EVIL, "PUT"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(this.decisions).singleElement().extracting(CorsDecision::isEnforced).isEqualTo(true);
	}

	@Test
	void ambiguousPathIsRefusedEvenInAReportOnlyScope() {
		MockServerWebExchange exchange = run(get("/trial/%2e%2e/admin", SHOP));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.handlerCalls).hasValue(0);
	}

	private void assertUpstreamHeadersOnly(MockServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("GET, POST, PUT, DELETE");
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding");
		assertThat(headers.get(CorsGatewayWebFilter.REASON_HEADER)).isNull();
		assertThat(headers.headerNames()).hasSize(3);
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.upstream).block(Duration.ofSeconds(5));
		return exchange;
	}

	private static MockServerHttpRequest.BaseBuilder<?> preflight(String path, String origin, String method) {
		return MockServerHttpRequest.options("https://api.example.com" + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
	}

	private static MockServerHttpRequest.BaseBuilder<?> get(String path, String origin) {
		return MockServerHttpRequest.get("https://api.example.com" + path).header(HttpHeaders.ORIGIN, origin);
	}

}
