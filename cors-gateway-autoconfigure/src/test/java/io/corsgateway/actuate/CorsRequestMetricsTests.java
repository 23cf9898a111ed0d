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
package io.corsgateway.actuate;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsRequestMetrics}: the counter the real filter feeds, without a
 * Spring context.
 *
 * @author cors-gateway authors
 */
class CorsRequestMetricsTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicInteger handlerCalls = new AtomicInteger();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(policies(false));

	private final WebFilterChain handler = (exchange) -> {
		this.handlerCalls.incrementAndGet();
		return exchange.getResponse().setComplete();
	};

	private static CorsPolicies policies(boolean ordersReportOnly) {
		return CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.allowedMethods("GET", "POST")
						.reportOnly(ordersReportOnly ? true : null)
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").methods("POST")))
			.service("trial", (trial) -> trial.paths("/trial/**").allowedOrigins(SHOP).reportOnly(true))
			.build();
	}

	@BeforeEach
	void countDecisions() {
		this.filter.setDecisionListeners(List.of(new CorsRequestMetrics(this.registry)));
	}

	@Test
	void allowedPreflightIsCountedOnceWithServiceRouteKindAndReason() {
		MockServerWebExchange exchange = run(preflight("/orders/7/refunds", SHOP, "POST"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(onlyCounter().getId().getTags()).containsExactlyInAnyOrder(Tag.of("service", "orders"),
				Tag.of("route", "refunds"), Tag.of("kind", "PREFLIGHT_ALLOWED"), Tag.of("reason", "ORIGIN_ALLOWED"),
				Tag.of("enforced", "true"));
		assertThat(onlyCounter().count()).isEqualTo(1);
	}

	@Test
	void rejectedPreflightIsCountedWithItsReason() {
		MockServerWebExchange exchange = run(preflight("/orders/7", EVIL, "GET"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(onlyCounter().getId().getTags()).containsExactlyInAnyOrder(Tag.of("service", "orders"),
				Tag.of("route", "(none)"), Tag.of("kind", "PREFLIGHT_REJECTED"), Tag.of("reason", "ORIGIN_NOT_ALLOWED"),
				Tag.of("enforced", "true"));
		assertThat(onlyCounter().count()).isEqualTo(1);
	}

	@Test
	void rejectionsForDifferentReasonsAreDifferentSeries() {
		run(preflight("/orders/7", EVIL, "GET"));
		run(preflight("/orders/7", SHOP, "DELETE"));
		assertThat(counters()).hasSize(2)
			.extracting((counter) -> counter.getId().getTag("reason"))
			.containsExactlyInAnyOrder("ORIGIN_NOT_ALLOWED", "METHOD_NOT_ALLOWED");
		assertThat(counters()).allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(1));
	}

	@Test
	void reportOnlyDecisionIsCountedAsNotEnforced() {
		MockServerWebExchange exchange = run(get("/trial/1", EVIL));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
		assertThat(onlyCounter().getId().getTags()).containsExactlyInAnyOrder(Tag.of("service", "trial"),
				Tag.of("route", "(none)"), Tag.of("kind", "ACTUAL_REJECTED"), Tag.of("reason", "ORIGIN_NOT_ALLOWED"),
				Tag.of("enforced", "false"));
		assertThat(onlyCounter().count()).isEqualTo(1);
	}

	@Test
	void requestWithoutPolicyIsCountedUnderNone() {
		run(get("/elsewhere", SHOP));
		assertThat(this.handlerCalls).hasValue(1);
		assertThat(onlyCounter().getId().getTags()).containsExactlyInAnyOrder(Tag.of("service", "(none)"),
				Tag.of("route", "(none)"), Tag.of("kind", "NOT_APPLIED"), Tag.of("reason", "NO_POLICY"),
				Tag.of("enforced", "true"));
		assertThat(onlyCounter().count()).isEqualTo(1);
	}

	@Test
	void ambiguousPathIsCountedAsRefusedUnderNone() {
		MockServerWebExchange exchange = run(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://api.example.com/orders/%2e%2e/admin"))
					.header(HttpHeaders.ORIGIN, SHOP));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(onlyCounter().getId().getTags()).containsExactlyInAnyOrder(Tag.of("service", "(none)"),
				Tag.of("route", "(none)"), Tag.of("kind", "REFUSED"), Tag.of("reason", "AMBIGUOUS_PATH"),
				Tag.of("enforced", "true"));
		assertThat(onlyCounter().count()).isEqualTo(1);
	}

	@Test
	void aThousandOriginsAndPathsMakeOneSeries() {
		for (int i = 0; i < 1000; i++) {
			run(get("/orders/" + i, "https://client" + i + ".example.org"));
		}
		assertThat(onlyCounter().count()).isEqualTo(1000);
		assertThat(onlyCounter().getId().getTags()).extracting(Tag::getValue)
			.noneMatch((value) -> value.contains("client") || value.contains("/orders"));
	}

	@Test
	void policiesSwappedInAtRuntimeFindTheCountersOfThoseTheyReplace() {
		run(get("/orders/1", EVIL));
		Counter first = onlyCounter();
		this.registry.remove(first);
		for (int i = 0; i < 100; i++) {
			this.filter.setPolicies(policies(false));
			run(get("/orders/2", EVIL));
		}
		// Found by policy id, not registered again for each new policy object.
		assertThat(counters()).isEmpty();
		assertThat(first.count()).isEqualTo(101);
	}

	@Test
	void policySwappedToReportOnlyCountsUnderANewSeries() {
		run(get("/orders/1", EVIL));
		this.filter.setPolicies(policies(true));
		run(get("/orders/2", EVIL));
		assertThat(counters()).extracting((counter) -> counter.getId().getTag("enforced"))
			.containsExactlyInAnyOrder("true", "false");
	}

	@Test
	void serviceNamedDefaultsAndTheDefaultsCountApart() {
		this.filter.setPolicies(CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins(SHOP))
			.service("defaults", (service) -> service.paths("/defaults/**").allowedOrigins(SHOP))
			.build());
		run(get("/elsewhere", EVIL));
		run(get("/defaults/1", EVIL));
		assertThat(counters()).hasSize(2)
			.extracting((counter) -> counter.getId().getTag("service"))
			.containsExactlyInAnyOrder("(defaults)", "defaults");
		assertThat(counters()).allMatch((counter) -> counter.count() == 1);
	}

	@Test
	void counterIsLookedUpOnceAndReusedForLaterRequests() {
		run(get("/orders/1", EVIL));
		Counter first = onlyCounter();
		// Once removed from the registry, the counter can only be reached through the
		// listener's own slot: a listener that asked the registry again would register
		// a new one. (So a counter removed from the registry by hand goes on counting
		// where nobody reads it: the Javadoc says so.)
		this.registry.remove(first);
		run(get("/orders/2", EVIL));
		run(get("/orders/3", EVIL));
		assertThat(counters()).isEmpty();
		assertThat(first.count()).isEqualTo(3);
	}

	@Test
	void theSameDecisionInAnotherPolicyIsAnotherSeries() {
		run(get("/orders/1", EVIL));
		run(get("/trial/1", EVIL));
		assertThat(counters()).hasSize(2)
			.extracting((counter) -> counter.getId().getTag("service"))
			.containsExactlyInAnyOrder("orders", "trial");
	}

	private Collection<Counter> counters() {
		return this.registry.find(CorsRequestMetrics.METRIC_NAME).counters();
	}

	private Counter onlyCounter() {
		Collection<Counter> counters = counters();
		assertThat(counters).hasSize(1);
		assertThat(this.registry.getMeters()).extracting(Meter::getId).hasSize(1);
		return counters.iterator().next();
	}

	private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, this.handler).block(Duration.ofSeconds(5));
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
