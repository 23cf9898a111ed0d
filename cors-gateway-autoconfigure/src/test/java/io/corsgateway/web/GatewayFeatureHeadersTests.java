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

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the filter sends for the gateway features a policy turns on: credentialed
 * {@code *} methods and headers answered by naming what was asked, Timing-Allow-Origin,
 * Private Network Access, and presets; each through the filter with an upstream that sets
 * its own headers.
 *
 * @author cors-gateway authors
 */
class GatewayFeatureHeadersTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private static final String TIMING_ALLOW_ORIGIN = "Timing-Allow-Origin";

	private static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

	private static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("account",
				(account) -> account.paths("/account/**")
					.allowedOrigins(SHOP)
					.allowCredentials(true)
					.allowedMethods("*")
					.allowedHeaders("*"))
		.service("session",
				(session) -> session.paths("/session/**")
					.allowedOrigins(SHOP)
					.allowCredentials(true)
					.allowedHeaders("*", "Authorization"))
		.service("assets",
				(assets) -> assets.paths("/assets/**")
					.allowedOrigins(SHOP)
					.timingAllowOrigin(true)
					.route("untimed", (route) -> route.paths("/assets/untimed/**").timingAllowOrigin(false))
					.route("legacy", (route) -> route.paths("/assets/legacy/**").rejectDisallowedOrigins(false)))
		.service("images", (images) -> images.paths("/images/**").allowedOrigins("*").timingAllowOrigin(true))
		.service("plain", (plain) -> plain.paths("/plain/**").allowedOrigins(SHOP))
		.service("printer",
				(printer) -> printer.paths("/printer/**")
					.allowedOrigins(SHOP)
					.allowedMethods("GET", "POST")
					.allowPrivateNetwork(true))
		.service("mcp",
				(mcp) -> mcp.paths("/mcp/**")
					.allowedOrigins(SHOP)
					.allowCredentials(true)
					.allowedHeaders("X-Tenant")
					.exposedHeaders("X-Trace-Id")
					.presets("mcp"))
		.build());

	// An upstream that sends permissive CORS headers of its own, which the policy's
	// decision replaces.
	private final WebFilterChain upstream = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(TIMING_ALLOW_ORIGIN, "*");
		headers.set(ALLOW_PRIVATE_NETWORK, "true");
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		return exchange.getResponse().setComplete();
	};

	@Test
	void credentialedAnyMethodIsAnsweredWithTheRequestedMethod() {
		HttpHeaders headers = answered(preflight("/account/1", SHOP, "PATCH"));
		assertThat(headers.get("Access-Control-Allow-Methods")).containsExactly("PATCH");
		assertThat(headers.get("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(headers.get("Access-Control-Allow-Origin")).containsExactly(SHOP);
	}

	@Test
	void credentialedAnyMethodStillRefusesForbiddenMethods() {
		MockServerWebExchange exchange = run(preflight("/account/1", SHOP, "TRACE"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void credentialedAnyMethodAllowsTheActualRequest() {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.put("https://api.example.com/account/1").header(HttpHeaders.ORIGIN, SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(SHOP);
	}

	@Test
	void credentialedAnyHeaderIsAnsweredWithTheRequestedHeadersNeverWithAStar() {
		HttpHeaders headers = answered(preflight("/account/1", SHOP, "POST").header("Access-Control-Request-Headers",
				"content-type,x-tenant"));
		assertThat(headers.get("Access-Control-Allow-Headers")).containsExactly("content-type,x-tenant");
		assertThat(headers.getFirst("Access-Control-Allow-Methods")).isEqualTo("POST");
	}

	@Test
	void credentialedAnyHeaderDoesNotCoverAuthorization() {
		MockServerWebExchange exchange = run(preflight("/account/1", SHOP, "GET")
			.header("Access-Control-Request-Headers", "authorization,x-tenant"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void requestedMethodNamedStarIsNotCoveredByAStarSoNoStarIsEverSent() {
		MockServerWebExchange exchange = run(preflight("/account/1", SHOP, "*"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Methods")).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void requestedHeaderNamedStarIsNotCoveredByAStarSoNoStarIsEverSent() {
		MockServerWebExchange exchange = run(
				preflight("/account/1", SHOP, "GET").header("Access-Control-Request-Headers", "x-tenant, *"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Headers")).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void authorizationListedByNameNextToAStarIsAllowed() {
		HttpHeaders headers = answered(preflight("/session/1", SHOP, "GET").header("Access-Control-Request-Headers",
				"authorization,x-tenant"));
		assertThat(headers.get("Access-Control-Allow-Headers")).containsExactly("authorization,x-tenant");
	}

	@Test
	void timingAllowOriginNamesTheAllowedOriginOnActualResponses() {
		MockServerWebExchange exchange = run(get("/assets/app.js", SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void timingAllowOriginIsStarInAStarScope() {
		MockServerWebExchange exchange = run(get("/images/logo.png", EVIL));
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).containsExactly("*");
	}

	@Test
	void timingAllowOriginIsStarWithoutOriginInAStarScope() {
		// An <img> loads without Origin (no-cors): '*' lets any page read its timing.
		MockServerWebExchange exchange = run(MockServerHttpRequest.get("https://api.example.com/images/logo.png"));
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).containsExactly("*");
	}

	@Test
	void disallowedOriginIsRejectedWithoutTimingAllowOrigin() {
		MockServerWebExchange exchange = run(get("/assets/app.js", EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void timingAllowOriginOfTheUpstreamIsRemovedForADisallowedOriginLetThrough() {
		MockServerWebExchange exchange = run(get("/assets/legacy/app.js", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).isNull();
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void timingAllowOriginIsNotSentOnPreflights() {
		HttpHeaders headers = answered(preflight("/assets/app.js", SHOP, "GET"));
		assertThat(headers.get(TIMING_ALLOW_ORIGIN)).isNull();
	}

	@Test
	void timingAllowOriginTurnedOffByARouteRemovesTheUpstreamsValue() {
		MockServerWebExchange exchange = run(get("/assets/untimed/app.js", SHOP));
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(SHOP);
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).isNull();
	}

	@Test
	void timingAllowOriginIsOffByDefaultAndTheUpstreamsStarIsRemoved() {
		MockServerWebExchange exchange = run(get("/plain/1", SHOP));
		assertThat(exchange.getResponse().getHeaders().get(TIMING_ALLOW_ORIGIN)).isNull();
	}

	@Test
	void privateNetworkPreflightIsAllowedWhereThePolicyAllowsIt() {
		HttpHeaders headers = answered(
				preflight("/printer/jobs", SHOP, "POST").header(REQUEST_PRIVATE_NETWORK, "true"));
		assertThat(headers.get(ALLOW_PRIVATE_NETWORK)).containsExactly("true");
		assertThat(headers.getVary()).contains(REQUEST_PRIVATE_NETWORK);
	}

	@Test
	void privateNetworkHeaderIsNotSentToAPreflightThatDoesNotAskForIt() {
		HttpHeaders headers = answered(preflight("/printer/jobs", SHOP, "POST"));
		assertThat(headers.get(ALLOW_PRIVATE_NETWORK)).isNull();
		assertThat(headers.getVary()).contains(REQUEST_PRIVATE_NETWORK);
	}

	@Test
	void privateNetworkHeaderIsNotSentWhereThePolicyDoesNotAllowIt() {
		HttpHeaders headers = answered(preflight("/plain/1", SHOP, "POST").header(REQUEST_PRIVATE_NETWORK, "true"));
		assertThat(headers.get(ALLOW_PRIVATE_NETWORK)).isNull();
		assertThat(headers.getVary()).doesNotContain(REQUEST_PRIVATE_NETWORK);
	}

	@Test
	void privateNetworkHeaderIsNeverSentOnActualResponses() {
		MockServerWebExchange exchange = run(get("/printer/jobs", SHOP).header(REQUEST_PRIVATE_NETWORK, "true"));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getHeaders().get(ALLOW_PRIVATE_NETWORK)).isNull();
	}

	@Test
	void privateNetworkPreflightFromADisallowedOriginIsRejected() {
		MockServerWebExchange exchange = run(
				preflight("/printer/jobs", EVIL, "POST").header(REQUEST_PRIVATE_NETWORK, "true"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get(ALLOW_PRIVATE_NETWORK)).isNull();
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void presetHeadersAndMethodsAreAllowedNextToTheScopesOwn() {
		HttpHeaders headers = answered(preflight("/mcp", SHOP, "DELETE").header("Access-Control-Request-Headers",
				"authorization,content-type,last-event-id,mcp-protocol-version,mcp-session-id,x-tenant"));
		assertThat(headers.get("Access-Control-Allow-Methods")).containsExactly("DELETE");
		assertThat(headers.getFirst("Access-Control-Allow-Headers")).contains("mcp-session-id");
	}

	@Test
	void presetDoesNotAllowWhatItDoesNotName() {
		MockServerWebExchange exchange = run(
				preflight("/mcp", SHOP, "POST").header("Access-Control-Request-Headers", "x-other"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void presetExposedHeadersFollowTheScopesOwn() {
		MockServerWebExchange exchange = run(get("/mcp", SHOP));
		assertThat(exchange.getResponse().getHeaders().get("Access-Control-Expose-Headers"))
			.containsExactly("X-Trace-Id, Mcp-Session-Id, WWW-Authenticate");
	}

	// An allowed preflight, answered by the filter without reaching the upstream.
	private HttpHeaders answered(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = run(request);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.handlerCalls).hasValue(0);
		return exchange.getResponse().getHeaders();
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.upstream).block();
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
