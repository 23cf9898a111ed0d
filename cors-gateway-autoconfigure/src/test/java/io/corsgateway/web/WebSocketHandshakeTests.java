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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of WebSocket handshakes: browsers send {@code Origin} with a handshake but apply
 * no CORS to it, so the filter refuses a handshake from an origin the scope does not
 * allow with 403 before the upgrade ({@code websocket-origin-check}, on by default), and
 * lets every other handshake through without any CORS header.
 *
 * @author cors-gateway authors
 */
class WebSocketHandshakeTests {

	private static final String API = "https://api.example.com";

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final List<CorsDecision> decisions = new ArrayList<>();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(
			CorsPolicies.builder()
				.service("live", (live) -> live.paths("/live/**")
					.allowedOrigins(SHOP)
					.allowCredentials(true)
					.route("unchecked", (route) -> route.paths("/live/unchecked/**").websocketOriginCheck(false)))
				.service("feed",
						(feed) -> feed.paths("/feed/**")
							.allowedOrigins(SHOP)
							.websocketOriginCheck(false)
							.route("checked", (route) -> route.paths("/feed/checked/**").websocketOriginCheck(true))
							.route("inherits", (route) -> route.paths("/feed/inherits/**").allowedOrigins(API)))
				.service("public", (open) -> open.paths("/public/**").allowedOrigins("*"))
				.service("closed", (closed) -> closed.paths("/closed/**"))
				.service("lenient",
						(lenient) -> lenient.paths("/lenient/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
				.service("trial", (trial) -> trial.paths("/trial/**").allowedOrigins(SHOP).reportOnly(true))
				.build());

	// A handler that upgrades, with the permissive CORS headers many WebSocket servers
	// send: none of them may reach the client through the filter.
	private final WebFilterChain upgrade = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		headers.set(HttpHeaders.UPGRADE, "websocket");
		exchange.getResponse().setStatusCode(HttpStatus.SWITCHING_PROTOCOLS);
		return exchange.getResponse().setComplete();
	};

	WebSocketHandshakeTests() {
		this.filter.setDecisionListeners(List.of((request, decision) -> this.decisions.add(decision)));
	}

	@Test
	void handshakeFromAnAllowedOriginReachesTheHandlerWithoutCorsHeaders() {
		MockServerWebExchange exchange = run(handshake("/live/1", SHOP));
		assertUpgraded(exchange);
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.NOT_CORS);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
			assertThat(decision.getServiceId()).isEqualTo("live");
		});
	}

	@Test
	void handshakeFromADisallowedOriginIsRefusedBeforeTheHandler() {
		MockServerWebExchange exchange = run(handshake("/live/1", EVIL));
		assertRefused(exchange);
	}

	@Test
	void refusedHandshakeIsToldToListenersWithItsKindAndReason() {
		run(handshake("/live/1", EVIL));
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED);
			assertThat(decision.getServiceId()).isEqualTo("live");
			assertThat(decision.isEnforced()).isTrue();
		});
	}

	@Test
	void refusedHandshakeNamesItsReasonInTheDebugHeader() {
		this.filter.setDebugHeaders(true);
		MockServerWebExchange exchange = run(handshake("/live/1", EVIL));
		assertThat(exchange.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER))
			.containsExactly("WEBSOCKET_ORIGIN_NOT_ALLOWED");
	}

	@Test
	void handshakeIsRefusedEvenWhereDisallowedOriginsAreNotRejected() {
		// Letting it through would open the connection, which no browser check stops
		// afterwards.
		assertRefused(run(handshake("/lenient/1", EVIL)));
	}

	@Test
	void handshakeWithAMalformedOriginIsRefused() {
		assertRefused(run(handshake("/live/1", "shop.example.com")));
	}

	@Test
	void handshakeWithTwoOriginLinesIsRefusedEvenWhenBothAreAllowed() {
		assertRefused(run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, SHOP, SHOP)
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")));
	}

	@Test
	void handshakeWithTwoOriginLinesIsRefusedEvenWhenTheFirstIsTheRequestsOwn() {
		assertRefused(run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, API, EVIL)
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")));
	}

	@Test
	void handshakeFromTheRequestsOwnOriginPasses() {
		assertUpgraded(run(handshake("/live/1", API)));
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
	}

	@Test
	void handshakeWithoutOriginIsTreatedAsAnyRequestWithoutOrigin() {
		// A non-browser client: it could send any Origin it liked, so there is nothing to
		// check, and the request is the scope's like any other without Origin.
		MockServerWebExchange exchange = run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade"));
		assertUpgraded(exchange);
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.NOT_CORS);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.NO_ORIGIN);
		});
	}

	@Test
	void routeWithTheCheckOffLetsAnyOriginThrough() {
		assertUpgraded(run(handshake("/live/unchecked/1", EVIL)));
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getReason()).isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
			assertThat(decision.getRouteId()).isEqualTo("unchecked");
		});
	}

	@Test
	void serviceWithTheCheckOffLetsAnyOriginThrough() {
		assertUpgraded(run(handshake("/feed/1", EVIL)));
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
	}

	@Test
	void routeInheritsTheServicesCheckOffEvenWithItsOwnOrigins() {
		assertUpgraded(run(handshake("/feed/inherits/1", EVIL)));
	}

	@Test
	void routeTurnsTheCheckBackOnInsideAServiceWithTheCheckOff() {
		assertRefused(run(handshake("/feed/checked/1", EVIL)));
		assertThat(this.decisions).singleElement().extracting(CorsDecision::getRouteId).isEqualTo("checked");
	}

	@Test
	void routeWithTheCheckBackOnStillLetsItsAllowedOriginsThrough() {
		assertUpgraded(run(handshake("/feed/checked/1", SHOP)));
	}

	@Test
	void starScopeLetsAnyOriginThroughWithoutCorsHeaders() {
		assertUpgraded(run(handshake("/public/1", EVIL)));
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
	}

	@Test
	void scopeThatAllowsNoOriginRefusesEveryCrossOriginHandshake() {
		MockServerWebExchange exchange = run(handshake("/closed/1", EVIL));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED);
	}

	@Test
	void reportOnlyScopeReportsTheRefusalAndLetsTheHandshakeThrough() {
		MockServerWebExchange exchange = run(handshake("/trial/1", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SWITCHING_PROTOCOLS);
		// Report-only leaves the response as the handler made it, its CORS headers too.
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly("*");
		assertThat(this.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED);
			assertThat(decision.isEnforced()).isFalse();
		});
	}

	@Test
	void upgradeTokenIsMatchedWithoutRegardToCase() {
		assertRefused(run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "WebSocket")));
	}

	@Test
	void upgradeTokenIsFoundInAList() {
		assertRefused(run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "foo, websocket")));
	}

	@Test
	void upgradeTokenIsFoundOnALaterLine() {
		assertRefused(run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "h2c", " websocket ")));
	}

	@Test
	void upgradeToAnotherProtocolIsAnOrdinaryRequest() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.get(API + "/live/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "websocketx, h2c"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
	}

	@Test
	void postWithUpgradeWebsocketIsNotAHandshake() {
		// RFC 6455 opens a WebSocket with GET only: a POST is judged as a CORS request,
		// which in a scope with the check off still refuses a disallowed origin.
		MockServerWebExchange exchange = run(MockServerHttpRequest.post(API + "/live/unchecked/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.UPGRADE, "websocket"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
	}

	@Test
	void allowedPostWithUpgradeWebsocketGetsCorsHeaders() {
		MockServerWebExchange exchange = run(MockServerHttpRequest.post(API + "/live/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.UPGRADE, "websocket"));
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly(SHOP);
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getKind)
			.isEqualTo(DecisionKind.ACTUAL_ALLOWED);
	}

	@Test
	void requestFactsMarkOnlyAGetWithOriginAndUpgradeWebsocketAsAHandshake() {
		assertThat(facts("GET", EVIL, "websocket").websocketHandshake()).isTrue();
		assertThat(facts("GET", EVIL, "WEBSOCKET").websocketHandshake()).isTrue();
		assertThat(facts("GET", EVIL, "h2c,websocket").websocketHandshake()).isTrue();
		assertThat(facts("GET", EVIL, null).websocketHandshake()).isFalse();
		assertThat(facts("GET", EVIL, "web socket").websocketHandshake()).isFalse();
		assertThat(facts("GET", EVIL, "").websocketHandshake()).isFalse();
		assertThat(facts("GET", null, "websocket").websocketHandshake()).isFalse();
		assertThat(facts("POST", EVIL, "websocket").websocketHandshake()).isFalse();
		assertThat(facts("OPTIONS", EVIL, "websocket").websocketHandshake()).isFalse();
	}

	private static CorsRequest facts(String method, String origin, String upgrade) {
		HttpHeaders headers = new HttpHeaders();
		if (origin != null) {
			headers.set(HttpHeaders.ORIGIN, origin);
		}
		if (upgrade != null) {
			headers.set(HttpHeaders.UPGRADE, upgrade);
		}
		return CorsRequest.of(method, URI.create(API + "/live/1"), headers);
	}

	private void assertUpgraded(MockServerWebExchange exchange) {
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SWITCHING_PROTOCOLS);
		assertThat(exchange.getResponse().getHeaders().headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"))
			.contains(HttpHeaders.UPGRADE);
	}

	private void assertRefused(MockServerWebExchange exchange) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(exchange.getResponse().getHeaders().headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"));
		assertThat(this.decisions).singleElement()
			.extracting(CorsDecision::getReason)
			.isEqualTo(DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED);
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.upgrade).block(Duration.ofSeconds(5));
		return exchange;
	}

	// What a browser sends: GET, Origin, Connection: Upgrade and Upgrade: websocket.
	private static MockServerHttpRequest.BaseBuilder<?> handshake(String path, String origin) {
		return MockServerHttpRequest.get(API + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header(HttpHeaders.UPGRADE, "websocket")
			.header("Sec-WebSocket-Version", "13")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
	}

}
