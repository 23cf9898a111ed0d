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

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.policy.PolicyField;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code cors.origin-sets} and {@code cors.applications}: binding from YAML and
 * properties, mapping onto the builder, and the startup failures they can cause (gh-10).
 *
 * @author cors-gateway authors
 */
@ExtendWith(OutputCaptureExtension.class)
class OriginSetAndApplicationPropertiesTests {

	private static final String SHOP = "https://shop.example";

	private static final String ACME = "https://acme.partner.example";

	private static final String PORTAL = "https://portal.partner.example";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class));

	private ReactiveWebApplicationContextRunner withYaml(String yaml) throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
				new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
		return this.contextRunner.withInitializer((context) -> sources
			.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source)));
	}

	private static CorsPolicy find(CorsPolicies policies, String path) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	@Test
	void setReferenceBindsFromFlowAndBlockYaml() throws Exception {
		withYaml("""
				cors:
				  origin-sets:
				    partners: [https://acme.partner.example, https://*.globex.example]
				  services:
				    orders:
				      paths: [/orders/**]
				      allowed-origins: [https://shop.example, set:partners]
				    catalog:
				      paths: [/catalog/**]
				      allowed-origins:
				        - https://shop.example
				        - set:partners
				""").run((context) -> {
			assertThat(context).hasNotFailed();
			CorsPolicies policies = context.getBean(CorsPolicies.class);
			for (String path : List.of("/orders/1", "/catalog/1")) {
				CorsPolicy policy = find(policies, path);
				assertThat(policy.getResolvedField(PolicyField.ALLOWED_ORIGINS).value()).as(path)
					.containsExactly(SHOP, "set:partners");
				assertThat(policy.allowsOrigin(ACME)).as(path).isTrue();
				assertThat(policy.allowsOrigin("https://eu.globex.example")).as(path).isTrue();
			}
			assertThat(policies.getOriginSets()).containsOnlyKeys("partners");
		});
	}

	@Test
	void applicationsBindFromYamlWithTheirPropertyPathAsSource() throws Exception {
		withYaml("""
				cors:
				  services:
				    orders:
				      paths: [/orders/**]
				      allowed-origins: [https://shop.example]
				      routes:
				        refunds:
				          paths: ["/orders/*/refunds"]
				    catalog:
				      paths: [/catalog/**]
				      allowed-origins: [https://shop.example]
				  applications:
				    partner-portal:
				      origins: [https://portal.partner.example]
				      services: [catalog, orders/refunds]
				""").run((context) -> {
			assertThat(context).hasNotFailed();
			CorsPolicies policies = context.getBean(CorsPolicies.class);
			assertThat(policies.getApplications()).singleElement().satisfies((application) -> {
				assertThat(application.id()).isEqualTo("partner-portal");
				assertThat(application.source()).isEqualTo("cors.applications.partner-portal");
				assertThat(application.services()).containsExactly("catalog", "orders/refunds");
			});
			assertThat(find(policies, "/catalog/1").allowsOrigin(PORTAL)).isTrue();
			assertThat(find(policies, "/orders/1/refunds").allowsOrigin(PORTAL)).isTrue();
			assertThat(find(policies, "/orders/1").allowsOrigin(PORTAL)).isFalse();
		});
	}

	@Test
	void setsAndApplicationsBindFromProperties() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
					"cors.origin-sets.partners=" + ACME + ",https://globex.partner.example",
					"cors.applications.portal.origins[0]=" + PORTAL, "cors.applications.portal.origins[1]=set:partners",
					"cors.applications.portal.services=orders")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(find(context.getBean(CorsPolicies.class), "/orders/1").getAllowedOrigins())
					.containsExactly(SHOP, PORTAL, ACME, "https://globex.partner.example");
			});
	}

	@Test
	void unknownServiceOfAnApplicationFailsStartupWithTheFailureAnalysis() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
					"cors.applications.portal.origins=" + PORTAL, "cors.applications.portal.services=ordrs")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause()
					.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
							(ex) -> assertThat(ex.getErrors()).extracting(PolicyError::property)
								.containsExactly("cors.applications.portal.services[0]"));
				FailureAnalysis analysis = new InvalidCorsPolicyFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("The CORS configuration has 1 error:")
					.contains("Property: cors.applications.portal.services[0]")
					.contains("Value: 'ordrs'")
					.contains("No service is named 'ordrs'; the services are 'orders'.");
			});
	}

	@Test
	void unknownSetFailsStartupAtTheReferencingProperty() {
		this.contextRunner.withPropertyValues("cors.services.orders.paths=/orders/**",
				"cors.services.orders.allowed-origins=" + SHOP + ",set:partner", "cors.origin-sets.partners=" + ACME)
			.run((context) -> {
				FailureAnalysis analysis = new InvalidCorsPolicyFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property: cors.services.orders.allowed-origins[1]")
					.contains("Value: 'set:partner'")
					.contains("the origin sets are 'partners'");
			});
	}

	@Test
	void misspeltApplicationKeyIsReportedWithASuggestion() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
					"cors.applications.portal.origin=" + PORTAL, "cors.applications.portal.services=orders")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
						(ex) -> assertThat(ex.getErrors()).first().satisfies((error) -> {
							assertThat(error.property()).isEqualTo("cors.applications.portal.origin");
							assertThat(error.reason()).contains("Did you mean 'origins'?");
						})));
	}

	@Test
	void setThatNothingReferencesIsLoggedAtStartup(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
					"cors.origin-sets.partners=" + ACME)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("CORS configuration: cors.origin-sets.partners: No allowed-origins entry");
			});
	}

	@Test
	void customizersCanAddSetsAndApplications() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=" + SHOP + ",set:partners")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CorsPolicy orders = find(context.getBean(CorsPolicies.class), "/orders/1");
				assertThat(orders.getAllowedOrigins()).containsExactly(SHOP, ACME, PORTAL);
				assertThat(orders.getApplicationIds()).containsExactly("portal");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		CorsPolicyCustomizer partners() {
			return (builder) -> builder.originSet("partners", List.of(ACME))
				.application(new CorsApplication("portal", List.of(PORTAL), List.of("orders"), "PartnerCustomizer"));
		}

	}

}
