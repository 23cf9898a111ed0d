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
package io.corsgateway.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.corsgateway.actuate.CorsEndpoint;
import io.corsgateway.actuate.CorsHealthIndicator;
import io.corsgateway.actuate.CorsReloadMetrics;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.corsgateway.autoconfigure.CorsReloadAutoConfigurationTests.change;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link CorsGatewayAutoConfiguration} reports reloads through Actuator:
 * the {@code cors} health indicator, the reload meters and the {@code reload} section of
 * the {@code cors} endpoint.
 *
 * @author cors-gateway authors
 */
class CorsReloadActuatorAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
		.withPropertyValues("cors.services.orders.paths=/orders/**",
				"cors.services.orders.allowed-origins=https://shop.example");

	@Test
	void healthIndicatorIsRegisteredAsCors() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CorsHealthIndicator.class).hasBean("corsHealthIndicator");
			assertThat(context.getBean(CorsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.cors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsHealthIndicator.class)
				.hasSingleBean(CorsPolicyReloader.class));
	}

	@Test
	void healthIndicatorIsDisabledWithTheDefaultsOfHealthIndicators() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutBootsHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsHealthIndicator.class)
				.hasSingleBean(CorsPolicyReloader.class));
	}

	@Test
	void healthIndicatorBacksOffToAUserBean() {
		this.contextRunner
			.withBean("userHealth", CorsHealthIndicator.class,
					() -> new CorsHealthIndicator(
							new CorsPolicyReloader(new CorsGatewayWebFilter(CorsPolicies.builder().build()),
									() -> CorsPolicies.builder().build())))
			.run((context) -> assertThat(context).hasSingleBean(CorsHealthIndicator.class)
				.doesNotHaveBean("corsHealthIndicator"));
	}

	@Test
	void healthIndicatorReportsAFailedReloadOfTheContext() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.orders.max-age=abc");
			context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(context.getBean(CorsHealthIndicator.class).health().getDetails()).containsEntry("reload",
					"FAILED");
		});
	}

	@Test
	void reloadMetricsAreRegisteredWithAMeterRegistry() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(CorsReloadMetrics.class);
			context.getBean(CorsPolicyReloader.class).reload("test");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(CorsReloadMetrics.RELOADS_METRIC_NAME)
				.tag("outcome", "success")
				.functionCounter()
				.count()).isOne();
			assertThat(registry.get(CorsReloadMetrics.FAILING_METRIC_NAME).gauge().value()).isZero();
		});
	}

	@Test
	void noReloadMetricsWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CorsReloadMetrics.class));
	}

	@Test
	void noReloadMetricsWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(CorsReloadMetrics.class));
	}

	@Test
	void reloadMetricsBackOffToAUserBean() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("userReloadMetrics", CorsReloadMetrics.class,
					() -> new CorsReloadMetrics(
							new CorsPolicyReloader(new CorsGatewayWebFilter(CorsPolicies.builder().build()),
									() -> CorsPolicies.builder().build()),
							new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).hasSingleBean(CorsReloadMetrics.class)
				.doesNotHaveBean("corsReloadMetrics"));
	}

	@Test
	void endpointShowsTheLastFailedReloadOverHttp() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
					JacksonAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
					CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=cors")
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsEndpoint.class);
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				client.get()
					.uri("/actuator/cors")
					.exchange()
					.expectBody()
					.jsonPath("$.reload.lastLoad.trigger")
					.isEqualTo("startup")
					.jsonPath("$.reload.lastFailure")
					.doesNotExist()
					.jsonPath("$.reload.failing")
					.isEqualTo(false);
				change(context, "cors.services.orders.max-age=abc");
				context.getBean(CorsPolicyReloader.class).reload("test");
				client.get()
					.uri("/actuator/cors")
					.exchange()
					.expectBody()
					.jsonPath("$.reload.failing")
					.isEqualTo(true)
					.jsonPath("$.reload.lastFailure.trigger")
					.isEqualTo("test")
					.jsonPath("$.reload.lastFailure.errors[0].property")
					.isEqualTo("cors.services.orders.max-age")
					.jsonPath("$.reload.lastFailure.errors[0].value")
					.isEqualTo("abc")
					.jsonPath("$.reload.lastFailure.errors[0].reason")
					.value((reason) -> assertThat((String) reason).startsWith("Cannot be bound to java.time.Duration"));
			});
	}

}
