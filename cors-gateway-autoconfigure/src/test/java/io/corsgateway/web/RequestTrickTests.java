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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that no spelling of the host, path or method of a request selects a laxer policy
 * than the one its handler will serve it under, and that the Fetch edge cases of the
 * request headers are decided as the standard says (gh-7).
 *
 * @author cors-gateway authors
 */
class RequestTrickTests {

	private static final String ADMIN = "https://admin.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsPolicies policies = CorsPolicies.builder()
		.service("internal",
				(internal) -> internal.hosts("api.example.com")
					.paths("/**")
					.allowedOrigins(ADMIN)
					.allowCredentials(true))
		.service("public", (open) -> open.paths("/**").allowedOrigins("*").allowedMethods("*").allowedHeaders("*"))
		.service("orders",
				(orders) -> orders.hosts("shop.example.com")
					.paths("/orders/**")
					.allowedOrigins("*")
					.allowedMethods("*")
					.allowedHeaders("content-type", "x-request-id")
					.route("admin",
							(admin) -> admin.paths("/orders/admin/**")
								.methods("GET", "PATCH")
								.allowedOrigins(ADMIN)
								.allowedMethods("GET", "HEAD", "PATCH")))
		.build();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(this.policies);

	private final WebFilterChain handler = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		return exchange.getResponse().setComplete();
	};

	private ServerWebExchange run(ServerHttpRequest request) {
		MockServerWebExchange exchange = MockServerWebExchange.from((MockServerHttpRequest) request);
		this.filter.filter(exchange, this.handler).block(Duration.ofSeconds(5));
		return exchange;
	}

	private ServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		return run(request.build());
	}

	private ServerWebExchange run(ServerWebExchange exchange) {
		this.filter.filter(exchange, this.handler).block(Duration.ofSeconds(5));
		return exchange;
	}

	private void assertRejectedBeforeTheHandler(ServerWebExchange exchange, HttpStatus status) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
		assertThat(exchange.getResponse().getHeaders().headerNames())
			.noneMatch((name) -> name.regionMatches(true, 0, "access-control-", 0, 15));
		assertThat(this.handlerCalls).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.example.com.", "API.EXAMPLE.COM.", "api..example.com", "api.example.com..",
			".api.example.com" })
	void hostSpellingDoesNotEscapeAServicesHosts(String host) {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.get("https://" + host + "/data").header(HttpHeaders.ORIGIN, EVIL).build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@Test
	void forwardedHostWithATrailingDotDoesNotEscapeAServicesHosts() {
		MockServerHttpRequest request = MockServerHttpRequest.get("https://gateway.internal/data")
			.header("X-Forwarded-Host", "api.example.com.")
			.header(HttpHeaders.ORIGIN, EVIL)
			.build();
		ServerHttpRequest forwarded = new ForwardedHeaderTransformer().apply(request);
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		assertRejectedBeforeTheHandler(run(exchange.mutate().request(forwarded).build()), HttpStatus.FORBIDDEN);
	}

	@Test
	void hostWithATrailingDotGetsItsServicesPolicy() {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.get("https://api.example.com./data").header(HttpHeaders.ORIGIN, ADMIN).build());
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(ADMIN);
		assertThat(this.handlerCalls).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders/..;/admin", "/orders/..%2fadmin", "/orders/..%2Fadmin", "/orders/%2e%2e/admin",
			"/orders/%2E%2E/admin", "/orders/%2e./admin", "/orders/./admin", "/orders/.;x=1/admin",
			"/orders/..;jsessionid=1/admin", "/orders//admin", "//admin", "/orders/%252e%252e/admin",
			"/orders/%5c../admin", "/orders/..", "/orders/..%3b/admin", "/orders/..%3B/admin", "/orders/%00/admin" })
	void ambiguousPathIsRefusedBeforeAnyPolicyIsChosen(String path) {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://shop.example.com" + path))
					.header(HttpHeaders.ORIGIN, EVIL)
					.build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.BAD_REQUEST);
	}

	@Test
	void ambiguousPathWithoutOriginIsRefusedToo() {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://shop.example.com/orders/..;/admin"))
					.build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.BAD_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders/.well-known/x", "/orders/a..b", "/orders/", "/orders;v=1/1", "/orders/%41",
			"/orders/1.0/..x", "/orders/%20x" })
	void unambiguousPathsAreServed(String path) {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://shop.example.com" + path))
					.header(HttpHeaders.ORIGIN, EVIL)
					.build());
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void ambiguousPathsPassWhenTheirRefusalIsTurnedOff() {
		this.filter.setRejectAmbiguousPaths(false);
		ServerWebExchange exchange = run(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://shop.example.com/orders/..;/admin"))
					.header(HttpHeaders.ORIGIN, EVIL)
					.build());
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void pathCaseDoesNotEscapeAServiceWhenPathsAreMatchedIgnoringCase() {
		PathPatternParser caseInsensitive = new PathPatternParser();
		caseInsensitive.setCaseSensitive(false);
		CorsPolicies policies = CorsPolicies.builder()
			.pathPatternParser(caseInsensitive)
			.service("admin", (admin) -> admin.paths("/admin/**").allowedOrigins(ADMIN).allowCredentials(true))
			.service("open", (open) -> open.paths("/**").allowedOrigins("*"))
			.build();
		for (String path : List.of("/ADMIN/secret", "/Admin/Secret", "/admin/secret")) {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("https://shop.example.com" + path).header(HttpHeaders.ORIGIN, EVIL));
			new CorsGatewayWebFilter(policies).filter(exchange, this.handler).block(Duration.ofSeconds(5));
			assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void headRequestFollowsItsGetRoute() {
		ServerWebExchange exchange = run(MockServerHttpRequest.head("https://shop.example.com/orders/admin/users")
			.header(HttpHeaders.ORIGIN, EVIL)
			.build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@Test
	void headRequestFromTheRoutesOriginIsServedUnderTheRoute() {
		ServerWebExchange exchange = run(MockServerHttpRequest.head("https://shop.example.com/orders/admin/users")
			.header(HttpHeaders.ORIGIN, ADMIN)
			.build());
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(ADMIN);
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void preflightForALowerCaseMethodStillSelectsTheRoute() {
		ServerWebExchange exchange = run(preflight("/orders/admin/users", EVIL, "patch"));
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@Test
	void allowedMethodsStayCaseSensitiveOnceTheRouteIsSelected() {
		// Fetch upper-cases only the standard methods; 'patch' is not 'PATCH'.
		ServerWebExchange exchange = run(preflight("/orders/admin/users", ADMIN, "patch"));
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
		ServerWebExchange upperCase = run(preflight("/orders/admin/users", ADMIN, "PATCH"));
		assertThat(upperCase.getResponse().getHeaders().getAccessControlAllowMethods())
			.containsExactly(HttpMethod.PATCH);
	}

	@Test
	void requestHeadersSentAsSeveralLinesAreCombined() {
		ServerWebExchange exchange = run(
				preflight("/orders/1", EVIL, "PUT").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-request-id")
					.build());
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
			.containsExactly("content-type,x-request-id");
	}

	@Test
	void disallowedHeaderInALaterRequestHeadersLineIsRefused() {
		ServerWebExchange exchange = run(
				preflight("/orders/1", EVIL, "PUT").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
					.build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@Test
	void severalRequestMethodLinesAreRefused() {
		ServerWebExchange exchange = run(
				preflight("/orders/1", EVIL, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT").build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "TRACE", "TRACK", "connect", "trace", "track", "Trace", "tRaCk" })
	void anyMethodNeverCoversForbiddenMethods(String method) {
		ServerWebExchange exchange = run(preflight("/orders/1", EVIL, method).build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	@Test
	void anyMethodStillCoversOtherMethods() {
		ServerWebExchange exchange = run(preflight("/orders/1", EVIL, "PROPFIND").build());
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
			.containsExactly("PROPFIND");
	}

	@Test
	void anyOriginScopeServesTheOpaqueOriginWithAWildcard() {
		ServerWebExchange exchange = run(MockServerHttpRequest.get("https://shop.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, "null")
			.build());
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("*");
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void anyOriginScopeAnswersAPreflightFromTheOpaqueOrigin() {
		ServerWebExchange exchange = run(preflight("/orders/1", "null", "PUT").build());
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("*");
	}

	@Test
	void credentialedScopeStillRefusesTheOpaqueOrigin() {
		ServerWebExchange exchange = run(
				MockServerHttpRequest.get("https://api.example.com/data").header(HttpHeaders.ORIGIN, "null").build());
		assertRejectedBeforeTheHandler(exchange, HttpStatus.FORBIDDEN);
	}

	private static MockServerHttpRequest.BaseBuilder<?> preflight(String path, String origin, String method) {
		return MockServerHttpRequest.options("https://shop.example.com" + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
	}

}
