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
package io.corsgateway.policy;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import io.corsgateway.internal.routing.PathPatternIndex;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what compiled {@link CorsPolicies} hold once instead of once per scope: the
 * literal segments of the route indexes, the ids their paths repeat, the origin strings
 * of the matcher and the decisions kept in advance.
 *
 * @author cors-gateway authors
 */
class CorsPoliciesSharingTests {

	private static final String SHOP = "https://shop.example.com";

	private final CorsPolicies policies = CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP)
					.route("order-items", (items) -> items.paths("/orders/items/{id}")))
		.service("carts",
				(carts) -> carts.paths("/carts/**")
					.allowedOrigins(SHOP)
					.route("cart-items", (items) -> items.paths("/carts/items/{id}")))
		.build();

	// The route ids differ from the segment, so that only the segments the indexes
	// share can make the two strings one.
	@Test
	void routeIndexesOfServicesHoldOneStringForAnEqualLiteralSegment() {
		Object ordersItems = onlyLiteralChild(onlyLiteralChild(routesRoot(service("/orders/1"))));
		Object cartsItems = onlyLiteralChild(onlyLiteralChild(routesRoot(service("/carts/1"))));
		String ordersSegment = onlyLiteral(onlyLiteralChild(routesRoot(service("/orders/1"))));
		String cartsSegment = onlyLiteral(onlyLiteralChild(routesRoot(service("/carts/1"))));
		assertThat(ordersSegment).isEqualTo("items").isSameAs(cartsSegment);
		assertThat(ordersItems).isNotSameAs(cartsItems);
		assertThat(routeId("/orders/items/7")).isEqualTo("order-items");
		assertThat(routeId("/carts/items/7")).isEqualTo("cart-items");
	}

	@Test
	void pathSegmentEqualToTheServiceIdIsTheIdString() {
		CorsPolicies.Service orders = service("/orders/1");
		assertThat(onlyLiteral(routesRoot(orders))).isEqualTo("orders").isSameAs(orders.id());
		Object servicesRoot = ReflectionTestUtils.getField(ReflectionTestUtils.getField(this.policies, "services"),
				"root");
		Object literalChildren = Objects.requireNonNull(ReflectionTestUtils.getField(servicesRoot, "literalChildren"));
		assertThat(((Map<?, ?>) literalChildren).keySet())
			.anySatisfy((segment) -> assertThat(segment).isSameAs(orders.id()));
	}

	@Test
	void originMatcherHoldsTheConfiguredOriginStrings() {
		CorsPolicy orders = this.policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		String configured = orders.getAllowedOrigins().get(0);
		Object exact = ReflectionTestUtils.getField(ReflectionTestUtils.getField(orders, "origins"), "exact");
		String[] slots = (String[]) Objects.requireNonNull(ReflectionTestUtils.getField(exact, "slots"));
		assertThat(Arrays.stream(slots).filter(Objects::nonNull)).singleElement()
			.satisfies((held) -> assertThat(held).isSameAs(configured));
	}

	@Test
	void enabledPolicyKeepsNoDisabledDecision() {
		CorsPolicy orders = this.policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(ReflectionTestUtils.getField(orders.answers(), "disabled")).isNull();
		assertThat(this.policies.evaluate(request("/orders/1")).getReason()).isEqualTo(DecisionReason.ORIGIN_ALLOWED);
	}

	@Test
	void disabledPolicyAnswersWithTheDecisionItKeeps() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP).enabled(false))
			.build();
		CorsDecision first = policies.evaluate(request("/orders/1"));
		assertThat(first.getKind()).isEqualTo(DecisionKind.NOT_APPLIED);
		assertThat(first.getReason()).isEqualTo(DecisionReason.SCOPE_DISABLED);
		assertThat(first.getServiceId()).isEqualTo("orders");
		assertThat(policies.evaluate(request("/orders/2"))).isSameAs(first);
		assertThat(ReflectionTestUtils.getField(first.getPolicy().answers(), "disabled")).isSameAs(first);
	}

	private CorsPolicies.Service service(String path) {
		@SuppressWarnings("unchecked")
		PathPatternIndex<CorsPolicies.Service> services = (PathPatternIndex<CorsPolicies.Service>) ReflectionTestUtils
			.getField(this.policies, "services");
		return Objects.requireNonNull(services).find(PathContainer.parsePath(path), (service, argument) -> true, "");
	}

	private String routeId(String path) {
		CorsPolicy policy = this.policies.find("api.example.com", PathContainer.parsePath(path), "GET");
		return policy.getRouteId();
	}

	private static Object routesRoot(CorsPolicies.Service service) {
		return Objects.requireNonNull(ReflectionTestUtils.getField(service.routes(), "root"));
	}

	private static Object onlyLiteralChild(Object node) {
		return Objects.requireNonNull(ReflectionTestUtils.getField(node, "onlyLiteralChild"));
	}

	private static String onlyLiteral(Object node) {
		return (String) Objects.requireNonNull(ReflectionTestUtils.getField(node, "onlyLiteral"));
	}

	private static CorsRequest request(String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(SHOP);
		return CorsRequest.of("GET", URI.create("https://api.example.com" + path), headers);
	}

}
