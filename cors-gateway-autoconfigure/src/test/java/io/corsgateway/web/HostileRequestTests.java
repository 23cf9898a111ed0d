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
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsGatewayWebFilter} under hostile requests: malformed {@code Origin}
 * values, oversized or malformed {@code Access-Control-Request-*} headers. None may be
 * reflected, raise an exception, produce a 5xx or reach the handler (gh-3).
 *
 * @author cors-gateway authors
 */
class HostileRequestTests {

	private static final String SHOP = "https://shop.example.com";

	private static final int ONE_MEGABYTE = 1 << 20;

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsPolicies policies = CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP, "https://*.shop.example.com")
					.allowedOriginPatterns("https://[a-z]+\\.partner\\.example\\.net")
					.allowedMethods("GET", "POST", "PUT")
					.allowedHeaders("Content-Type", "X-Request-Id")
					.allowCredentials(true))
		.service("catalog",
				(catalog) -> catalog.paths("/catalog/**").allowedOrigins("*").allowedMethods("*").allowedHeaders("*"))
		.service("lenient",
				(lenient) -> lenient.paths("/lenient/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		.build();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(this.policies);

	// A handler or upstream that would hand out credentials to anyone if its headers
	// survived.
	private final WebFilterChain reflectingUpstream = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, (origin != null) ? origin.replaceAll("[\r\n]", "") : "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		return exchange.getResponse().setComplete();
	};

	// The opaque origin 'null' is well-formed, and '*' serves it (gh-7).
	static Stream<String> originsMalformedForAWildcardPolicy() {
		return malformedOrigins().filter((origin) -> !origin.equals("null"));
	}

	static Stream<String> malformedOrigins() {
		return Stream.of("garbage", "", " ", "https://", "https://" + "a.".repeat(4096) + "shop.example.com",
				SHOP + "\r\nSet-Cookie: session=stolen", SHOP + "\n", "\r\n" + SHOP, SHOP + "\u0000",
				"https://shöp.example.com", "https://shop.example.com\u212a", "https://xn--shp-sna.example.com\u00a0",
				SHOP + ", https://evil.example.net", SHOP + " " + SHOP, "https://user@shop.example.com",
				"https://evil.example.net@shop.example.com", SHOP + "/", SHOP + "/path", SHOP + "?q", SHOP + "#f",
				"null", "NULL", "HTTPS://SHOP.EXAMPLE.COM", "https://Shop.example.com", "https://EU.shop.example.com",
				SHOP + ":443", "https://eu.shop.example.com:443", "HTTPS://API.EXAMPLE.COM",
				"https://api.example.com:443", SHOP + ".", "https://.shop.example.com", "https://eu..shop.example.com",
				SHOP + ":", SHOP + ":0443", SHOP + ":65536", "https://[::1", "https://www.partner.example.net/",
				"https://WWW.partner.example.net", "*", "https://*.shop.example.com");
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.reflectingUpstream).block(Duration.ofSeconds(5));
		return exchange;
	}

	private static MockServerHttpRequest.BaseBuilder<?> preflight(String path, String origin, String method) {
		return MockServerHttpRequest.options("https://api.example.com" + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
	}

	private static HttpHeaders headersOf(ServerWebExchange exchange) {
		return exchange.getResponse().getHeaders();
	}

	private void assertRejectedBeforeTheHandler(ServerWebExchange exchange) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(headersOf(exchange).headerNames())
			.noneMatch((name) -> name.regionMatches(true, 0, "access-control-", 0, 15));
		assertThat(this.handlerCalls).hasValue(0);
	}

	@ParameterizedTest(name = "[{index}]")
	@MethodSource("malformedOrigins")
	void preflightWithAMalformedOriginIsRejectedBeforeTheHandler(String origin) {
		assertRejectedBeforeTheHandler(run(preflight("/orders/1", origin, "GET")));
	}

	@ParameterizedTest(name = "[{index}]")
	@MethodSource("malformedOrigins")
	void actualRequestWithAMalformedOriginIsRejectedBeforeTheHandler(String origin) {
		assertRejectedBeforeTheHandler(
				run(MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, origin)));
	}

	@ParameterizedTest(name = "[{index}]")
	@MethodSource("originsMalformedForAWildcardPolicy")
	void malformedOriginIsNeverAnsweredByAWildcardPolicy(String origin) {
		assertRejectedBeforeTheHandler(run(preflight("/catalog/1", origin, "GET")));
	}

	@ParameterizedTest(name = "[{index}]")
	@MethodSource("malformedOrigins")
	void malformedOriginThatReachesTheHandlerGetsNoCorsHeaders(String origin) {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.get("https://api.example.com/lenient/1").header(HttpHeaders.ORIGIN, origin));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
		assertThat(headersOf(exchange).containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isFalse();
		assertThat(headersOf(exchange).containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
	}

	@Test
	void upperCaseFormOfTheGatewaysOwnOriginIsNotTakenForASameOriginRequest() {
		// Browsers serialize origins in lower case; only the request URI is folded.
		assertThat(TestRequests.isSameOrigin("https://api.example.com", URI.create("https://API.example.com/x")))
			.isTrue();
		assertThat(TestRequests.isSameOrigin("HTTPS://API.EXAMPLE.COM", URI.create("https://api.example.com/x")))
			.isFalse();
		assertThat(TestRequests.isSameOrigin("https://api.example.\u212aom", URI.create("https://api.example.kom/x")))
			.isFalse();
		assertRejectedBeforeTheHandler(run(preflight("/orders/1", "https://API.example.com", "GET")));
	}

	@Test
	void severalOriginHeadersAreRejectedEvenWhenTheFirstIsAllowed() {
		assertRejectedBeforeTheHandler(run(MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP, "https://evil.example.net")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")));
	}

	@Test
	void severalIdenticalOriginHeadersAreRejected() {
		assertRejectedBeforeTheHandler(run(
				MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, SHOP, SHOP)));
	}

	@Test
	void wellFormedOriginsOfTheSamePolicyAreAllowed() {
		// The positive control for the rejections above: the same policy answers
		// the origins it names.
		for (String origin : new String[] { SHOP, "https://eu.shop.example.com", "https://www.partner.example.net" }) {
			MockServerWebExchange exchange = run(preflight("/orders/1", origin, "PUT"));
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(origin);
		}
		assertThat(this.handlerCalls).hasValue(0);
	}

	// The evaluation of Access-Control-Request-Headers is bounded by counting, not by
	// timing: CorsPolicy.allowedRequestHeaders compares the length with
	// MAX_REQUEST_HEADERS_LENGTH before reading a single character, so a longer value
	// costs one comparison. Within the limit each character is visited a fixed number of
	// times (the comma search, trimming, the token check, the set lookup's hash and, for
	// a list that needs it, one canonicalizing pass), and the scan stops at the 65th name
	// or at the first name that is not an allowed token. So the work never exceeds a
	// small constant times MAX_REQUEST_HEADERS_LENGTH, whatever the input.

	@Test
	void oneMegabyteOfRequestHeadersIsRejected() {
		assertRejectedBeforeTheHandler(run(preflight("/orders/1", SHOP, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x".repeat(ONE_MEGABYTE))));
	}

	@Test
	void oneHundredThousandCommasInRequestHeadersAreRejected() {
		assertRejectedBeforeTheHandler(run(preflight("/orders/1", SHOP, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, ",".repeat(100_000))));
	}

	@Test
	void oneMegabyteOfAllowedHeaderNamesIsRejectedEvenByAWildcardPolicy() {
		String names = String.join(",", Collections.nCopies(ONE_MEGABYTE / 13, "content-type"));
		assertRejectedBeforeTheHandler(
				run(preflight("/catalog/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names)));
	}

	@Test
	void requestHeadersAtTheLengthLimitAreEvaluated() {
		String names = "content-type" + " ".repeat(CorsPolicy.MAX_REQUEST_HEADERS_LENGTH - 12);
		MockServerWebExchange exchange = run(
				preflight("/orders/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("content-type");
	}

	@Test
	void requestHeadersOneCharacterOverTheLengthLimitAreRejected() {
		String names = "content-type" + " ".repeat(CorsPolicy.MAX_REQUEST_HEADERS_LENGTH - 11);
		assertRejectedBeforeTheHandler(
				run(preflight("/orders/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names)));
	}

	@Test
	void requestHeadersAtTheCountLimitAreEvaluated() {
		String names = String.join(",", Collections.nCopies(CorsPolicy.MAX_REQUEST_HEADER_COUNT, "x-request-id"));
		MockServerWebExchange exchange = run(
				preflight("/orders/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void requestHeadersOverTheCountLimitAreRejected() {
		String names = String.join(",", Collections.nCopies(CorsPolicy.MAX_REQUEST_HEADER_COUNT + 1, "x-request-id"));
		assertRejectedBeforeTheHandler(
				run(preflight("/orders/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "content-type x-request-id", "content-type;x-request-id", "content-type:",
			"content-type\r\nx-injected: 1", "content-type\u0000", "cöntent-type", "content-type,\"x-request-id\"",
			"content-type,(x)", "content-type,x-request-id/1", "content-type,\u212aey" })
	void requestHeadersThatAreNotTokensAreRejected(String names) {
		assertRejectedBeforeTheHandler(
				run(preflight("/catalog/1", SHOP, "GET").header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, names)));
	}

	@Test
	void oneMegabyteRequestMethodIsRejected() {
		assertRejectedBeforeTheHandler(run(preflight("/orders/1", SHOP, "G".repeat(ONE_MEGABYTE))));
	}

	@Test
	void oneMegabyteRequestMethodIsRejectedEvenByAWildcardPolicy() {
		// One hash for the set lookup, then the length is compared with
		// MAX_METHOD_LENGTH before the token check reads the method again.
		assertRejectedBeforeTheHandler(run(preflight("/catalog/1", SHOP, "G".repeat(ONE_MEGABYTE))));
	}

	@Test
	void requestMethodOverTheLengthLimitIsRejectedByAWildcardPolicy() {
		assertRejectedBeforeTheHandler(
				run(preflight("/catalog/1", SHOP, "X".repeat(CorsPolicy.MAX_METHOD_LENGTH + 1))));
	}

	@Test
	void requestMethodAtTheLengthLimitIsAllowedByAWildcardPolicy() {
		String method = "X".repeat(CorsPolicy.MAX_METHOD_LENGTH);
		MockServerWebExchange exchange = run(preflight("/catalog/1", SHOP, method));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(headersOf(exchange).get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly(method);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "GET POST", "GET,POST", "GET\r\nX-Injected: 1", "GET\u0000", "GÉT" })
	void requestMethodThatIsNotATokenIsRejectedEvenByAWildcardPolicy(String method) {
		assertRejectedBeforeTheHandler(run(preflight("/catalog/1", SHOP, method)));
	}

	@Test
	void oneHundredThousandCommasAsRequestMethodAreRejected() {
		assertRejectedBeforeTheHandler(run(preflight("/catalog/1", SHOP, ",".repeat(100_000))));
	}

}
