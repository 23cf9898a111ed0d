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

import io.corsgateway.actuate.CorsRequestMetrics;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the metrics part of {@link CorsGatewayAutoConfiguration}: the
 * {@link CorsRequestMetrics} listener and its wiring into the filter.
 *
 * @author cors-gateway authors
 */
class CorsMetricsAutoConfigurationTests {

	private static final String SHOP = "https://shop.example.com";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
		.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP);

	@Test
	void metricsListenerIsRegisteredWhenThereIsAMeterRegistry() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CorsRequestMetrics.class));
	}

	@Test
	void metricsListenerIsRegisteredWithTheRegistryOfBootsMetricsAutoConfiguration() {
		// Sorted by name alone, ours would come first and find no registry yet: the
		// registry is seen only because the auto-configuration runs after Boot's.
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(MeterRegistry.class)
				.hasSingleBean(CorsRequestMetrics.class));
	}

	@Test
	void noMetricsListenerWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsGatewayWebFilter.class)
			.doesNotHaveBean(CorsRequestMetrics.class));
	}

	@Test
	void noMetricsListenerWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CorsGatewayWebFilter.class)
				.doesNotHaveBean(CorsRequestMetrics.class));
	}

	@Test
	void metricsListenerBacksOffToAUserBean() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		CorsRequestMetrics userMetrics = new CorsRequestMetrics(registry);
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("userMetrics", CorsRequestMetrics.class, () -> userMetrics)
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsRequestMetrics.class);
				assertThat(context.getBean(CorsRequestMetrics.class)).isSameAs(userMetrics);
			});
	}

	@Test
	void filterCountsRequestsWithTheAutoConfiguredListener() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
					CodecsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context)
					.configureClient()
					.baseUrl("https://api.example.com")
					.build();
				client.options()
					.uri("/orders/1")
					.header(HttpHeaders.ORIGIN, "https://evil.example.net")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
					.exchange()
					.expectStatus()
					.isForbidden();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(CorsRequestMetrics.METRIC_NAME)
					.tags("service", "orders", "kind", "PREFLIGHT_REJECTED", "reason", "ORIGIN_NOT_ALLOWED")
					.counter()
					.count()).isEqualTo(1);
			});
	}

}
