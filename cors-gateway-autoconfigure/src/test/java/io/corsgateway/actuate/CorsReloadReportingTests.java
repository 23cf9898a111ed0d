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

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import io.corsgateway.actuate.CorsEndpoint.ErrorDescriptor;
import io.corsgateway.actuate.CorsEndpoint.ReloadDescriptor;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what the actuator integrations report about reloads, without a Spring
 * context: the {@code reload} section of {@link CorsEndpoint}, the
 * {@link CorsHealthIndicator} and the {@link CorsReloadMetrics}.
 *
 * @author cors-gateway authors
 */
class CorsReloadReportingTests {

	private static final String SHOP = "https://shop.example";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(valid(SHOP));

	private final AtomicReference<Supplier<CorsPolicies>> next = new AtomicReference<>(
			() -> valid(SHOP, "https://partner.example"));

	private final CorsPolicyReloader reloader = new CorsPolicyReloader(this.filter, () -> this.next.get().get());

	private static CorsPolicies valid(String... origins) {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(origins))
			.build();
	}

	private static CorsPolicies invalid() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("*").allowCredentials(true))
			.build();
	}

	private void failReload(String trigger) {
		this.next.set(CorsReloadReportingTests::invalid);
		assertThat(this.reloader.reload(trigger).isSuccess()).isFalse();
	}

	@Test
	void endpointWithoutAReloaderHasNoReloadSection() {
		assertThat(new CorsEndpoint(this.filter).policies().reload()).isNull();
	}

	@Test
	void endpointShowsTheStartupLoad() {
		ReloadDescriptor reload = new CorsEndpoint(this.filter, this.reloader).policies().reload();
		assertThat(reload.lastLoad().trigger()).isEqualTo(CorsPolicyReloader.STARTUP_TRIGGER);
		assertThat(reload.lastLoad().time()).isEqualTo(this.reloader.getStatus().lastLoad().time().toString());
		assertThat(reload.lastFailure()).isNull();
		assertThat(reload.failing()).isFalse();
	}

	@Test
	void endpointShowsTheLastFailedReloadWithItsErrors() {
		failReload("broken");
		ReloadDescriptor reload = new CorsEndpoint(this.filter, this.reloader).policies().reload();
		assertThat(reload.failing()).isTrue();
		assertThat(reload.failureCount()).isOne();
		assertThat(reload.lastFailure().trigger()).isEqualTo("broken");
		assertThat(reload.lastFailure().errors()).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.services.orders.allowed-origins[0]");
			assertThat(error.value()).isEqualTo("*");
			assertThat(error.reason()).isNotEmpty();
		});
		// The policies shown are still the ones in force.
		assertThat(new CorsEndpoint(this.filter, this.reloader).policies()
			.services()
			.get(0)
			.policy()
			.fields()
			.get("allowed-origins")
			.value()).isEqualTo(List.of(SHOP));
	}

	@Test
	void endpointShowsTheReloadedPoliciesAndKeepsTheLastFailure() {
		failReload("broken");
		this.next.set(() -> valid("https://partner.example"));
		this.reloader.reload("fixed");
		CorsEndpoint.CorsDescriptor description = new CorsEndpoint(this.filter, this.reloader).policies();
		assertThat(description.reload().lastLoad().trigger()).isEqualTo("fixed");
		assertThat(description.reload().failing()).isFalse();
		assertThat(description.reload().lastFailure().errors()).extracting(ErrorDescriptor::property)
			.containsExactly("cors.services.orders.allowed-origins[0]");
		assertThat(description.services().get(0).policy().fields().get("allowed-origins").value())
			.isEqualTo(List.of("https://partner.example"));
	}

	@Test
	void healthIsUpWithTheLoadOfThePoliciesInForce() {
		Health health = new CorsHealthIndicator(this.reloader).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("reload", "OK")
			.containsEntry("loadedBy", CorsPolicyReloader.STARTUP_TRIGGER)
			.containsEntry("loadedAt", this.reloader.getStatus().lastLoad().time().toString())
			.doesNotContainKey("errors");
	}

	@Test
	void healthStaysUpAfterAFailedReloadAndCarriesTheFailure() {
		failReload("environment change: cors.services.orders.allowed-origins");
		Health health = new CorsHealthIndicator(this.reloader).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("reload", "FAILED")
			.containsEntry("failedBy", "environment change: cors.services.orders.allowed-origins")
			.containsEntry("failedAt", this.reloader.getStatus().lastFailure().time().toString())
			.containsEntry("loadedBy", CorsPolicyReloader.STARTUP_TRIGGER);
		assertThat(health.getDetails().get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.asString()
			.startsWith("cors.services.orders.allowed-origins[0] = '*': ");
	}

	@Test
	void healthIsOkAgainAfterASuccessfulReload() {
		failReload("broken");
		this.next.set(() -> valid(SHOP));
		this.reloader.reload("fixed");
		Health health = new CorsHealthIndicator(this.reloader).health();
		assertThat(health.getDetails()).containsEntry("reload", "OK")
			.containsEntry("loadedBy", "fixed")
			.doesNotContainKeys("failedAt", "errors");
	}

}
