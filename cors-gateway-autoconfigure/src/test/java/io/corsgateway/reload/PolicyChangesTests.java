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
package io.corsgateway.reload;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPoliciesBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PolicyChanges}: which scopes a reload reports as changed, added or
 * removed.
 *
 * @author cors-gateway authors
 */
class PolicyChangesTests {

	private static CorsPoliciesBuilder base() {
		return CorsPolicies.builder()
			.defaults((defaults) -> defaults.maxAge(Duration.ofMinutes(30)))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").methods("POST")));
	}

	@Test
	void equalPoliciesHaveNoChanges() {
		PolicyChanges changes = PolicyChanges.between(base().build(), base().build());
		assertThat(changes.isEmpty()).isTrue();
		assertThat(changes.all()).isEmpty();
		assertThat(changes).hasToString("no scope changed");
	}

	@Test
	void changedDefaultsChangeEveryScopeThatInheritsThem() {
		CorsPolicies after = base().defaults((defaults) -> defaults.maxAge(Duration.ofMinutes(5))).build();
		assertThat(PolicyChanges.between(base().build(), after).changed()).containsExactly("cors.defaults",
				"cors.services.orders", "cors.services.orders.routes.refunds");
	}

	@Test
	void aRouteChangeIsNamedByTheRoutesPrefix() {
		CorsPolicies after = base()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").methods("POST", "PUT")))
			.build();
		assertThat(PolicyChanges.between(base().build(), after).changed())
			.containsExactly("cors.services.orders.routes.refunds");
	}

	@Test
	void aChangeOfPathsOrHostsAloneIsAChange() {
		CorsPolicies after = base()
			.service("orders",
					(orders) -> orders.paths("/orders/**", "/basket/**")
						.hosts("api.shop.example")
						.allowedOrigins("https://shop.example")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").methods("POST")))
			.build();
		assertThat(PolicyChanges.between(base().build(), after).changed()).containsExactly("cors.services.orders");
	}

	@Test
	void theDefaultsAndAServiceNamedDefaultsAreToldApart() {
		CorsPolicies after = base().service("defaults", (service) -> service.paths("/defaults/**")).build();
		PolicyChanges changes = PolicyChanges.between(base().build(), after);
		assertThat(changes.added()).containsExactly("cors.services.defaults");
		assertThat(changes.changed()).isEmpty();
	}

	@Test
	void descriptionListsChangedAddedAndRemoved() {
		CorsPolicies before = base().service("catalog", (catalog) -> catalog.paths("/catalog/**")).build();
		CorsPolicies after = base().defaults((defaults) -> defaults.maxAge(Duration.ofMinutes(5)))
			.service("admin", (admin) -> admin.paths("/admin/**"))
			.build();
		assertThat(PolicyChanges.between(before, after)).hasToString("changed cors.defaults, cors.services.orders, "
				+ "cors.services.orders.routes.refunds; added cors.services.admin; removed cors.services.catalog");
	}

}
