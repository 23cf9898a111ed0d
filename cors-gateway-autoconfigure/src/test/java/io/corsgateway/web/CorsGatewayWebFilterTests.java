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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPoliciesBuilder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsGatewayWebFilter}: the CORS protocol, without a Spring context.
 *
 * @author cors-gateway authors
 */
class CorsGatewayWebFilterTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsPolicies policies = CorsPolicies.builder()
		.defaults((defaults) -> defaults.allowedMethods("GET", "HEAD", "POST"))
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP, "https://*.shop.example.com")
					.allowedMethods("GET", "POST", "PUT")
					.allowedHeaders("Content-Type", "X-Request-Id", "Authorization")
					.exposedHeaders("X-Total-Count", "ETag")
					.allowCredentials(true)
					.maxAge(Duration.ofMinutes(30))
					.route("refunds",
							(refunds) -> refunds.paths("/orders/{id}/refunds")
								.methods("POST")
								.allowedOrigins("https://admin.example.com")))
		.service("catalog",
				(catalog) -> catalog.paths("/catalog/**").allowedOrigins("*").allowedHeaders("*").allowedMethods("*"))
		.service("legacy", (legacy) -> legacy.paths("/legacy/**").enabled(false))
		.service("lenient",
				(lenient) -> lenient.paths("/lenient/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		.service("continued",
				(continued) -> continued.paths("/continued/**").allowedOrigins(SHOP).preflightContinue(true))
		.service("ok",
				(ok) -> ok.paths("/ok/**").allowedOrigins(SHOP).preflightStatus(200).maxAge(Duration.ofSeconds(-1)))
		.build();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(this.policies);

	// A stand-in for a handler or proxied upstream that sets its own CORS headers.
	private final WebFilterChain permissiveUpstream = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
		headers.add(HttpHeaders.VARY, "Accept-Encoding");
		return exchange.getResponse().setComplete();
	};

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		return run(request, this.permissiveUpstream);
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request, WebFilterChain chain) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
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

	private static HttpHeaders headersOf(ServerWebExchange exchange) {
		return exchange.getResponse().getHeaders();
	}

	// Vary must come as one line without duplicates; the order of its tokens is free.
	private static List<String> varyTokens(ServerWebExchange exchange) {
		List<String> lines = headersOf(exchange).get(HttpHeaders.VARY);
		assertThat(lines).hasSize(1);
		return Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
	}

	private static void assertNoAccessControlHeaders(ServerWebExchange exchange) {
		assertThat(headersOf(exchange).headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"));
	}

	@Test
	void allowedPreflightIsAnsweredByTheFilterWithoutCallingTheHandler() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-request-id"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		HttpHeaders headers = headersOf(exchange);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).containsExactly("true");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("PUT");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("content-type,x-request-id");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).containsExactly("1800");
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
		assertThat(exchange.getResponse().getBodyAsString().block()).isEmpty();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void preflightStatusCanBe200AndMaxAgeMinusOneSendsZero() {
		MockServerWebExchange exchange = run(preflight("/ok/x", SHOP, "GET"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).containsExactly("0");
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void preflightWithoutMaxAgeOmitsTheHeader() {
		MockServerWebExchange exchange = run(preflight("/lenient/x", SHOP, "GET"));
		assertThat(headersOf(exchange).containsHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isFalse();
		assertThat(headersOf(exchange).containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
	}

	@Test
	void preflightFromDisallowedOriginIsRejectedWithoutAnyCorsHeader() {
		MockServerWebExchange exchange = run(preflight("/orders/1", EVIL, "GET"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
		assertThat(headersOf(exchange).get(HttpHeaders.VARY)).isNotEmpty();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void preflightForDisallowedMethodIsRejected() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "DELETE"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void methodsCompareCaseSensitively() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "put"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
	}

	@Test
	void preflightWithOneDisallowedHeaderIsRejectedWithNothingPartiallyAdvertised() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-not-allowed"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void requestedHeaderNamesCompareCaseInsensitivelyAndToleratesSpacesAndEmptyEntries() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, " Content-Type , ,X-REQUEST-ID,"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
			.containsExactly("Content-Type,X-REQUEST-ID");
	}

	@Test
	void wildcardOriginWithoutCredentialsAnswersStarAndEchoesMethodAndHeaders() {
		MockServerWebExchange exchange = run(preflight("/catalog/items", EVIL, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-anything"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		HttpHeaders headers = headersOf(exchange);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("PATCH");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("x-anything");
		assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
	}

	@Test
	void wildcardHeadersNeverCoverAuthorization() {
		MockServerWebExchange exchange = run(preflight("/catalog/items", EVIL, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-anything,authorization"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
	}

	@Test
	void explicitlyListedAuthorizationIsAllowed() {
		MockServerWebExchange exchange = run(preflight("/orders/1", SHOP, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("authorization");
	}

	@Test
	void optionsWithoutRequestMethodIsNotAPreflightAndReachesTheHandler() {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.options("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void actualRequestFromAllowedOriginReplacesUpstreamCorsHeaders() {
		MockServerWebExchange exchange = run(get("/orders/1", SHOP));
		HttpHeaders headers = headersOf(exchange);
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).containsExactly("true");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("X-Total-Count, ETag");
		assertThat(headers.containsHeader("Access-Control-Allow-Methods")).isFalse();
		assertThat(varyTokens(exchange)).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
	}

	@Test
	void actualRequestFromSubdomainOfWildcardIsAllowed() {
		MockServerWebExchange exchange = run(get("/orders/1", "https://eu.shop.example.com"));
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("https://eu.shop.example.com");
	}

	@Test
	void actualRequestFromDisallowedOriginIsRejectedBeforeTheHandler() {
		MockServerWebExchange exchange = run(get("/orders/1", EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
		assertThat(headersOf(exchange).get(HttpHeaders.VARY)).containsExactly("Origin");
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void disallowedOriginPassesWithoutCorsHeadersWhenRejectionIsOff() {
		MockServerWebExchange exchange = run(get("/lenient/1", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
		assertNoAccessControlHeaders(exchange);
		assertThat(varyTokens(exchange)).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
	}

	@Test
	void actualRequestWithDisallowedMethodIsRejected() {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.delete("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, SHOP));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void routeOverridesServiceOrigins() {
		MockServerWebExchange admin = run(preflight("/orders/7/refunds", "https://admin.example.com", "POST"));
		assertThat(admin.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(admin).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("https://admin.example.com");
		MockServerWebExchange shop = run(preflight("/orders/7/refunds", SHOP, "POST"));
		assertThat(shop.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void routeMethodsAreComparedWithTheRequestedMethodOfAPreflight() {
		// GET is not a refunds method, so the service policy applies and the shop is
		// allowed.
		MockServerWebExchange exchange = run(preflight("/orders/7/refunds", SHOP, "GET"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void requestWithoutOriginPassesThroughWithoutDownstreamCorsHeadersAndWithVary() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/orders/1"));
		assertThat(this.handlerCalls).hasValue(1);
		assertNoAccessControlHeaders(exchange);
		assertThat(varyTokens(exchange)).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
	}

	@Test
	void requestWithoutOriginOnWildcardScopeGetsNoVary() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/catalog/1"));
		assertThat(headersOf(exchange).get(HttpHeaders.VARY)).containsExactly("Accept-Encoding");
	}

	@Test
	void sameOriginRequestIsNotACorsRequest() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.post("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, "https://api.example.com"));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
		assertThat(varyTokens(exchange)).containsExactlyInAnyOrder("Accept-Encoding", "Origin");
	}

	@Test
	void sameOriginComparisonIncludesThePort() {
		assertThat(TestRequests.isSameOrigin("http://localhost:8080", URI.create("http://localhost:8080/x"))).isTrue();
		assertThat(TestRequests.isSameOrigin("http://localhost:8081", URI.create("http://localhost:8080/x"))).isFalse();
		assertThat(TestRequests.isSameOrigin("https://a.example", URI.create("https://a.example:443/x"))).isTrue();
		assertThat(TestRequests.isSameOrigin("http://a.example", URI.create("https://a.example/x"))).isFalse();
		assertThat(TestRequests.isSameOrigin("https://a.example.evil", URI.create("https://a.example/x"))).isFalse();
	}

	@Test
	void disabledScopeIsLeftAloneEntirely() {
		MockServerWebExchange exchange = run(get("/legacy/1", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
		assertThat(headersOf(exchange).get(HttpHeaders.VARY)).containsExactly("Accept-Encoding");
	}

	@Test
	void requestOutsideEveryServiceIsLeftAloneWhenDefaultsAllowNoOrigin() {
		MockServerWebExchange exchange = run(get("/elsewhere", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
	}

	@Test
	void requestOutsideEveryServiceGetsTheDefaultsWhenTheyAllowAnOrigin() {
		CorsGatewayWebFilter withDefaults = new CorsGatewayWebFilter(
				CorsPolicies.builder().defaults((defaults) -> defaults.allowedOrigins(SHOP)).build());
		MockServerWebExchange exchange = MockServerWebExchange.from(get("/elsewhere", EVIL));
		withDefaults.filter(exchange, this.permissiveUpstream).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void preflightContinueReachesTheHandlerWithCorsHeadersApplied() {
		MockServerWebExchange exchange = run(preflight("/continued/1", SHOP, "GET"));
		assertThat(this.handlerCalls).hasValue(1);
		HttpHeaders headers = headersOf(exchange);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("GET");
		assertThat(varyTokens(exchange)).containsExactlyInAnyOrder("Accept-Encoding", "Origin",
				"Access-Control-Request-Method", "Access-Control-Request-Headers");
	}

	@Test
	void varyIsNeverDuplicatedWhenUpstreamAlreadyVariesOnOrigin() {
		WebFilterChain upstream = (exchange) -> {
			exchange.getResponse().getHeaders().add(HttpHeaders.VARY, "origin, Accept-Encoding");
			return exchange.getResponse().setComplete();
		};
		MockServerWebExchange exchange = run(get("/orders/1", SHOP), upstream);
		// Vary tokens are field names, compared ignoring case.
		assertThat(varyTokens(exchange)).usingElementComparator(String.CASE_INSENSITIVE_ORDER)
			.containsExactlyInAnyOrder("Origin", "Accept-Encoding");
	}

	@Test
	void errorResponsesCarryTheSameCorsHeaders() {
		WebFilterChain failing = (exchange) -> {
			exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
			return exchange.getResponse().setComplete();
		};
		MockServerWebExchange exchange = run(get("/orders/1", SHOP), failing);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void policiesCanBeSwappedAtRuntime() {
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		builder.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(EVIL));
		this.filter.setPolicies(builder.build());
		MockServerWebExchange exchange = run(get("/orders/1", EVIL));
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(EVIL);
	}

	@Test
	void policiesAreSwappedOnlyWhenTheExpectedOnesAreInForce() {
		CorsPolicies before = this.filter.getPolicies();
		CorsPolicies evil = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(EVIL))
			.build();
		CorsPolicies other = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://other.example"))
			.build();
		assertThat(this.filter.compareAndSetPolicies(other, evil)).isFalse();
		assertThat(this.filter.getPolicies()).isSameAs(before);
		assertThat(this.filter.compareAndSetPolicies(before, evil)).isTrue();
		assertThat(this.filter.getPolicies()).isSameAs(evil);
	}

	@Test
	void defaultOrderRunsBeforeSpringSecurity() {
		assertThat(this.filter.getOrder()).isLessThan(-100);
	}

}
