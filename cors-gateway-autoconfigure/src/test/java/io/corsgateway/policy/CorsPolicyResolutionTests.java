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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link CorsPolicies} resolves fields (route &gt; service &gt; defaults
 * &gt; built-in) and finds the policy of a request.
 *
 * @author cors-gateway authors
 */
class CorsPolicyResolutionTests {

	private static CorsPolicy find(CorsPolicies policies, String path, String method) {
		return policies.find("api.example.com", PathContainer.parsePath(path), method);
	}

	@Test
	void builtInDefaultsApplyWhenNoLevelSetsAField() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://a.example"))
			.build();
		CorsPolicy policy = find(policies, "/orders/1", "GET");
		assertThat(policy.allowsMethod("GET")).isTrue();
		assertThat(policy.allowsMethod("HEAD")).isTrue();
		assertThat(policy.allowsMethod("POST")).isTrue();
		assertThat(policy.allowsMethod("PUT")).isFalse();
		assertThat(policy.isAllowCredentials()).isFalse();
		assertThat(policy.getMaxAge()).isNull();
		assertThat(policy.getPreflightStatus()).isEqualTo(204);
		assertThat(policy.isRejectDisallowedOrigins()).isTrue();
		assertThat(policy.isPreflightContinue()).isFalse();
		assertThat(policy.isEnabled()).isTrue();
		assertThat(policy.allowedRequestHeaders("x-custom")).isNull();
	}

	@Test
	void routeFieldOverridesServiceFieldWhichOverridesDefaults() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.maxAge(Duration.ofMinutes(1)).allowedMethods("GET"))
			.service("orders", (orders) -> orders.paths("/orders/**")
				.allowedOrigins("https://shop.example")
				.maxAge(Duration.ofMinutes(2))
				.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").maxAge(Duration.ofMinutes(3))))
			.build();
		assertThat(find(policies, "/orders/1/refunds", "GET").getMaxAge()).isEqualTo(Duration.ofSeconds(180));
		assertThat(find(policies, "/orders/1", "GET").getMaxAge()).isEqualTo(Duration.ofSeconds(120));
		assertThat(find(policies, "/orders/1/refunds", "GET").allowsMethod("GET")).isTrue();
		assertThat(find(policies, "/orders/1/refunds", "GET").allowsMethod("POST")).isFalse();
	}

	@Test
	void aSetListReplacesTheInheritedListInsteadOfAddingToIt() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("https://default.example"))
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://shop.example"))
			.build();
		CorsPolicy policy = find(policies, "/orders/1", "GET");
		assertThat(policy.allowsOrigin("https://shop.example")).isTrue();
		assertThat(policy.allowsOrigin("https://default.example")).isFalse();
	}

	@Test
	void anEmptyListReplacesTooAndAllowsNothing() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedHeaders("X-Default"))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.allowedHeaders(java.util.List.of()))
			.build();
		assertThat(find(policies, "/orders/1", "GET").allowedRequestHeaders("x-default")).isNull();
	}

	@Test
	void unsetFieldInheritsFromTheService() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**")
				.allowedOrigins("https://shop.example")
				.allowCredentials(true)
				.route("refunds",
						(refunds) -> refunds.paths("/orders/*/refunds").allowedOrigins("https://admin.example")))
			.build();
		CorsPolicy refunds = find(policies, "/orders/1/refunds", "GET");
		assertThat(refunds.getId()).isEqualTo("orders.refunds");
		assertThat(refunds.isAllowCredentials()).isTrue();
		assertThat(refunds.allowsOrigin("https://admin.example")).isTrue();
		assertThat(refunds.allowsOrigin("https://shop.example")).isFalse();
	}

	@Test
	void mostSpecificServicePatternWins() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("all", (all) -> all.paths("/**").allowedOrigins("https://all.example"))
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://orders.example"))
			.service("order", (order) -> order.paths("/orders/{id}").allowedOrigins("https://order.example"))
			.build();
		assertThat(find(policies, "/orders/1", "GET").getId()).isEqualTo("order");
		assertThat(find(policies, "/orders/1/lines", "GET").getId()).isEqualTo("orders");
		assertThat(find(policies, "/catalog", "GET").getId()).isEqualTo("all");
	}

	@Test
	void declarationOrderBreaksTiesBetweenEquallySpecificPatterns() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("first", (first) -> first.paths("/{a}/items").allowedOrigins("https://first.example"))
			.service("second", (second) -> second.paths("/items/{b}").allowedOrigins("https://second.example"))
			.build();
		assertThat(find(policies, "/items/items", "GET").getId()).isEqualTo("first");
		CorsPolicies reversed = CorsPolicies.builder()
			.service("second", (second) -> second.paths("/items/{b}").allowedOrigins("https://second.example"))
			.service("first", (first) -> first.paths("/{a}/items").allowedOrigins("https://first.example"))
			.build();
		assertThat(find(reversed, "/items/items", "GET").getId()).isEqualTo("second");
	}

	@Test
	void servicesWithHostsMatchOnlyThoseHosts() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("public", (service) -> service.paths("/orders/**").allowedOrigins("https://a.example"))
			.service("internal",
					(service) -> service.paths("/orders/**")
						.hosts("internal.example.com", "*.corp.example")
						.allowedOrigins("https://b.example"))
			.build();
		PathContainer path = PathContainer.parsePath("/orders/1");
		assertThat(policies.find("internal.example.com", path, "GET").getId()).isEqualTo("internal");
		assertThat(policies.find("INTERNAL.example.com", path, "GET").getId()).isEqualTo("internal");
		assertThat(policies.find("eu.corp.example", path, "GET").getId()).isEqualTo("internal");
		assertThat(policies.find("corp.example", path, "GET").getId()).isEqualTo("public");
		assertThat(policies.find("api.example.com", path, "GET").getId()).isEqualTo("public");
	}

	@Test
	void routeMethodsSelectTheRouteAndOtherMethodsFallBackToTheService() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.route("create", (create) -> create.paths("/orders").methods("POST"))
						.route("read", (read) -> read.paths("/orders").methods("GET")))
			.build();
		assertThat(find(policies, "/orders", "POST").getId()).isEqualTo("orders.create");
		assertThat(find(policies, "/orders", "GET").getId()).isEqualTo("orders.read");
		assertThat(find(policies, "/orders", "DELETE").getId()).isEqualTo("orders");
	}

	@Test
	void requestOutsideEveryServiceGetsNoPolicyWhenDefaultsAllowNoOrigin() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedMethods("GET"))
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://shop.example"))
			.build();
		assertThat(find(policies, "/catalog", "GET")).isNull();
	}

	@Test
	void requestOutsideEveryServiceGetsTheDefaultsWhenTheyAllowAnOrigin() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("https://shop.example"))
			.build();
		assertThat(find(policies, "/catalog", "GET").getId()).isEqualTo("defaults");
	}

	@Test
	void compiledPartsAreSharedBetweenRoutesWithEqualInputs() {
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		builder.service("orders", (orders) -> {
			orders.paths("/orders/**").allowedOrigins("https://shop.example", "https://*.shop.example");
			for (int i = 0; i < 3; i++) {
				orders.route("r" + i, (route) -> route.paths("/orders/r" + route.getId()));
			}
		});
		CorsPolicies policies = builder.build();
		CorsPolicy first = find(policies, "/orders/rr0", "GET");
		CorsPolicy second = find(policies, "/orders/rr1", "GET");
		assertThat(first.getId()).isEqualTo("orders.r0");
		assertThat(second.getId()).isEqualTo("orders.r1");
		assertThat(ReflectionTestUtils.getField(first, "origins")).isNotNull()
			.isSameAs(ReflectionTestUtils.getField(second, "origins"));
	}

}
