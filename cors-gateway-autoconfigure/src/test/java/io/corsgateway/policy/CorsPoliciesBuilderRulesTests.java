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

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rules of {@link CorsPoliciesBuilder} beyond single-field validation: which scopes make
 * the policies origin-dependent, the order of services and of routes, ids of routes, and
 * the path parser.
 *
 * @author cors-gateway authors
 */
class CorsPoliciesBuilderRulesTests {

	private static final String SHOP = "https://shop.example.com";

	private static CorsPolicy find(CorsPolicies policies, String path, String method) {
		return policies.find("api.example.com", PathContainer.parsePath(path), method);
	}

	@Test
	void routeThatNamesMethodsComesBeforeAnEquallySpecificRouteThatDoesNot() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("any", (any) -> any.paths("/orders/{id}"))
						.route("writes", (writes) -> writes.paths("/orders/{id}").methods("PUT")))
			.build();
		assertThat(find(policies, "/orders/1", "PUT").getId()).isEqualTo("orders.writes");
		assertThat(find(policies, "/orders/1", "GET").getId()).isEqualTo("orders.any");
	}

	@Test
	void serviceThatNamesHostsComesBeforeAnEquallySpecificServiceThatDoesNot() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("everywhere", (everywhere) -> everywhere.paths("/orders/**").allowedOrigins(SHOP))
			.service("api", (api) -> api.paths("/orders/**").hosts("api.example.com").allowedOrigins(SHOP))
			.build();
		assertThat(find(policies, "/orders/1", "GET").getId()).isEqualTo("api");
		assertThat(policies.find("www.example.com", PathContainer.parsePath("/orders/1"), "GET").getId())
			.isEqualTo("everywhere");
	}

	@Test
	void routeWithAnInvalidIdFailsStartupNamingTheRoute() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("re.funds", (refunds) -> refunds.paths("/orders/*/refunds")));
		assertThatExceptionOfType(InvalidCorsPolicyException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
				assertThat(error.property()).isEqualTo("cors.services.orders.routes.re.funds");
				assertThat(error.value()).isEqualTo("re.funds");
			}));
	}

	@Test
	void emptyIdFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP));
		assertThatExceptionOfType(InvalidCorsPolicyException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.value()).isEqualTo("")));
	}

	@Test
	void idsMayHoldLettersDigitsHyphensAndUnderscores() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("Orders-v2_EU",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("refund-2_a", (refunds) -> refunds.paths("/orders/*/refunds")))
			.build();
		assertThat(find(policies, "/orders/1/refunds", "GET").getId()).isEqualTo("Orders-v2_EU.refund-2_a");
	}

	@Test
	void servicesAreListedInDeclarationOrderAndCannotBeChangedThroughTheList() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("b", (b) -> b.paths("/b/**"))
			.service("a", (a) -> a.paths("/a/**"))
			.service("b", (b) -> b.allowedOrigins(SHOP));
		assertThat(builder.getServices()).extracting(ServiceSpec::getId).containsExactly("b", "a");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> builder.getServices().clear());
	}

	@Test
	void removedServiceIsNotBuilt() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
			.removeService("orders")
			.build();
		assertThat(find(policies, "/orders/1", "GET")).isNull();
	}

	@Test
	void pathsFollowTheGivenParser() {
		PathPatternParser caseInsensitive = new PathPatternParser();
		caseInsensitive.setCaseSensitive(false);
		CorsPolicies policies = CorsPolicies.builder()
			.pathPatternParser(caseInsensitive)
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds")))
			.build();
		assertThat(find(policies, "/ORDERS/1", "GET").getId()).isEqualTo("orders");
		assertThat(find(policies, "/Orders/1/Refunds", "GET").getId()).isEqualTo("orders.refunds");
	}

}
