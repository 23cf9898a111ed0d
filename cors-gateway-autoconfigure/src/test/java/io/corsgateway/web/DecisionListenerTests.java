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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every decision of {@link CorsGatewayWebFilter} goes to its listeners, once, with the
 * request facts it was made from; and the opt-in reason header names the reason of the
 * filter's own rejections only.
 *
 * @author cors-gateway authors
 */
class DecisionListenerTests {

	private static final String SHOP = "https://shop.example.com";

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP).allowedMethods("GET", "PUT"))
		.service("legacy", (legacy) -> legacy.paths("/legacy/**").enabled(false))
		.build());

	@Test
	void everyListenerIsToldOfEveryDecisionInOrder() {
		List<String> calls = new ArrayList<>();
		this.filter.setDecisionListeners(List.of((request, decision) -> calls.add("first " + decision.getKind()),
				(request, decision) -> calls.add("second " + decision.getKind())));
		run(get("/orders/1", SHOP));
		run(get("/elsewhere", SHOP));
		assertThat(calls).containsExactly("first ACTUAL_ALLOWED", "second ACTUAL_ALLOWED", "first NOT_APPLIED",
				"second NOT_APPLIED");
	}

	@Test
	void listenerGetsTheRequestFactsAndTheDecisionTheFilterApplies() {
		List<CorsRequest> requests = new ArrayList<>();
		List<CorsDecision> decisions = new ArrayList<>();
		this.filter.setDecisionListeners(List.of((request, decision) -> {
			requests.add(request);
			decisions.add(decision);
		}));
		MockServerWebExchange exchange = run(MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(requests).singleElement().satisfies((request) -> {
			assertThat(request.origin()).isEqualTo("https://evil.example");
			assertThat(request.requestMethod()).isEqualTo("PUT");
			assertThat(request.path().value()).isEqualTo("/orders/1");
		});
		assertThat(decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.getKind()).isEqualTo(DecisionKind.PREFLIGHT_REJECTED);
			assertThat(decision.getReason()).isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
			assertThat(decision.getServiceLabel()).isEqualTo("orders");
		});
	}

	@Test
	void listenersAreToldOfRefusalsAndOfScopesTheFilterLeavesAlone() {
		List<DecisionReason> reasons = new ArrayList<>();
		this.filter.setDecisionListeners(List.of((request, decision) -> reasons.add(decision.getReason())));
		run(get("/orders/%2e%2e/admin", SHOP));
		run(get("/legacy/1", SHOP));
		assertThat(reasons).containsExactly(DecisionReason.AMBIGUOUS_PATH, DecisionReason.SCOPE_DISABLED);
	}

	@Test
	void settingNoListenersStopsTellingTheOnesSetBefore() {
		AtomicInteger calls = new AtomicInteger();
		this.filter.setDecisionListeners(List.of((request, decision) -> calls.incrementAndGet()));
		this.filter.setDecisionListeners(List.of());
		run(get("/orders/1", SHOP));
		assertThat(calls).hasValue(0);
		assertThat(this.handlerCalls).hasValue(1);
	}

	@Test
	void listenerThatThrowsFailsNeitherTheRequestNorTheListenersAfterIt() {
		List<String> told = new ArrayList<>();
		this.filter.setDecisionListeners(List.of((request, decision) -> {
			throw new IllegalStateException("metrics backend down");
		}, (request, decision) -> told.add(decision.getKind().name())));
		run(get("/orders/1", SHOP));
		MockServerWebExchange rejected = run(get("/orders/1", "https://evil.example"));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(rejected.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(told).containsExactly("ACTUAL_ALLOWED", "ACTUAL_REJECTED");
	}

	@Test
	void firstListenerFailureIsLoggedAtWarnAndLaterOnesAtDebug() {
		Logger logger = (Logger) LoggerFactory.getLogger(CorsGatewayWebFilter.class);
		Level previousLevel = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		try {
			this.filter.setDecisionListeners(List.of((request, decision) -> {
				throw new IllegalStateException("metrics backend down");
			}));
			run(get("/orders/1", SHOP));
			run(get("/orders/2", SHOP));
			run(get("/orders/3", SHOP));
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(previousLevel);
		}
		assertThat(appender.list).extracting(ILoggingEvent::getLevel)
			.containsExactly(Level.WARN, Level.DEBUG, Level.DEBUG);
		assertThat(appender.list.get(0).getFormattedMessage()).contains("failed; the request goes on");
		assertThat(appender.list).allMatch((event) -> event.getThrowableProxy() != null
				&& event.getThrowableProxy().getMessage().equals("metrics backend down"));
	}

	@Test
	void singleListenerThatThrowsDoesNotFailTheRequest() {
		this.filter.setDecisionListeners(List.of((request, decision) -> {
			throw new IllegalStateException("metrics backend down");
		}));
		MockServerWebExchange exchange = run(get("/orders/1", SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		exchange.getResponse().setComplete().block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(SHOP);
	}

	@Test
	void listenersMustNotBeNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.filter.setDecisionListeners(null))
			.withMessage("'listeners' must not be null");
	}

	@Test
	void reasonHeaderIsOffByDefault() {
		assertThat(this.filter.isDebugHeaders()).isFalse();
		MockServerWebExchange exchange = run(preflight(SHOP, "DELETE"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER)).isNull();
	}

	@Test
	void reasonHeaderNamesTheReasonOfARejectedPreflight() {
		this.filter.setDebugHeaders(true);
		MockServerWebExchange exchange = run(preflight(SHOP, "DELETE"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER))
			.containsExactly("METHOD_NOT_ALLOWED");
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void reasonHeaderNamesTheReasonOfRejectedActualRequestsAndRefusals() {
		this.filter.setDebugHeaders(true);
		MockServerWebExchange rejected = run(get("/orders/1", "https://evil.example"));
		MockServerWebExchange refused = run(get("/orders/%2e%2e/admin", SHOP));
		assertThat(rejected.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER))
			.containsExactly("ORIGIN_NOT_ALLOWED");
		assertThat(refused.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER))
			.containsExactly("AMBIGUOUS_PATH");
		assertThat(this.handlerCalls).hasValue(0);
	}

	@Test
	void reasonHeaderValueIsTheReasonOfARejectionWhileDebugHeadersAreOn() {
		CorsDecision rejected = this.filter.getPolicies()
			.evaluate(CorsRequest.of("GET", URI.create("https://api.example.com/orders/1"), originHeaders()));
		CorsDecision allowed = this.filter.getPolicies()
			.evaluate(CorsRequest.of("OPTIONS", URI.create("https://api.example.com/orders/1"), preflightHeaders()));
		assertThat(this.filter.getReasonHeaderValue(rejected)).isNull();
		this.filter.setDebugHeaders(true);
		assertThat(this.filter.getReasonHeaderValue(rejected)).isEqualTo("ORIGIN_NOT_ALLOWED");
		assertThat(allowed.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(this.filter.getReasonHeaderValue(allowed)).isNull();
	}

	private static HttpHeaders originHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin("https://evil.example");
		return headers;
	}

	private static HttpHeaders preflightHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(SHOP);
		headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT");
		return headers;
	}

	@Test
	void reasonHeaderIsNotAddedToAllowedRequests() {
		this.filter.setDebugHeaders(true);
		MockServerWebExchange preflight = run(preflight(SHOP, "PUT"));
		MockServerWebExchange actual = run(get("/orders/1", SHOP));
		assertThat(preflight.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(preflight.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER)).isNull();
		assertThat(actual.getResponse().getHeaders().get(CorsGatewayWebFilter.REASON_HEADER)).isNull();
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, (filtered) -> {
			this.handlerCalls.incrementAndGet();
			return Mono.empty();
		}).block(Duration.ofSeconds(5));
		return exchange;
	}

	private static MockServerHttpRequest.BaseBuilder<?> preflight(String origin, String method) {
		return MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
	}

	private static MockServerHttpRequest.BaseBuilder<?> get(String path, String origin) {
		return MockServerHttpRequest.get("https://api.example.com" + path).header(HttpHeaders.ORIGIN, origin);
	}

}
