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

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.InvalidCorsPolicyException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that services and routes can be overridden from environment variables, and that
 * ids an environment variable cannot spell fail startup with a message that says so
 * instead of a misleading duplicate-path error.
 *
 * @author cors-gateway authors
 */
class EnvironmentVariableOverrideTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class));

	// As in an application: environment variables take precedence over application.yml.
	private ReactiveWebApplicationContextRunner run(Map<String, Object> variables, Map<String, Object> yaml) {
		return this.contextRunner.withInitializer((context) -> {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							variables));
			sources.addLast(new MapPropertySource("application.yml", yaml));
		});
	}

	private static CorsPolicy find(CorsPolicies policies, String path, String method) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), method);
		assertThat(policy).isNotNull();
		return policy;
	}

	@Test
	void lowerCaseServiceIdIsOverriddenFromAnEnvironmentVariable() {
		run(Map.of("CORS_SERVICES_ORDERS_ALLOWEDORIGINS", "https://env.example,https://other.example"),
				Map.of("cors.services.orders.paths", "/orders/**", "cors.services.orders.allowed-origins",
						"https://yaml.example"))
			.run((context) -> {
				CorsPolicy policy = find(context.getBean(CorsPolicies.class), "/orders/1", "GET");
				assertThat(policy.allowsOrigin("https://env.example")).isTrue();
				assertThat(policy.allowsOrigin("https://other.example")).isTrue();
				assertThat(policy.allowsOrigin("https://yaml.example")).isFalse();
			});
	}

	@Test
	void lowerCaseRouteIdIsOverriddenFromAnEnvironmentVariable() {
		run(Map.of("CORS_SERVICES_ORDERS_ROUTES_REFUNDS_METHODS", "PUT"),
				Map.of("cors.services.orders.paths", "/orders/**", "cors.services.orders.allowed-origins",
						"https://shop.example", "cors.services.orders.routes.refunds.paths", "/orders/{id}/refunds",
						"cors.services.orders.routes.refunds.methods", "POST"))
			.run((context) -> {
				CorsPolicies policies = context.getBean(CorsPolicies.class);
				assertThat(find(policies, "/orders/1/refunds", "PUT").getId()).isEqualTo("orders.refunds");
				assertThat(find(policies, "/orders/1/refunds", "POST").getId()).isEqualTo("orders");
			});
	}

	@Test
	void upperCaseServiceIdSetFromAnEnvironmentVariableFailsStartupNamingBothIds() {
		run(Map.of("CORS_SERVICES_ORDERAPI_ALLOWEDORIGINS", "https://env.example"),
				Map.of("cors.services.orderApi.paths", "/orders/**", "cors.services.orderApi.allowed-origins",
						"https://yaml.example"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
							(ex) -> assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
								assertThat(error.reason()).contains("'orderApi'", "'orderapi'",
										"CORS_SERVICES_ORDERAPI_ALLOWEDORIGINS",
										"Use one id of lower-case letters and digits, such as 'orderapi'");
								assertThat(error.reason()).doesNotContain("already has");
							}));
			});
	}

}
