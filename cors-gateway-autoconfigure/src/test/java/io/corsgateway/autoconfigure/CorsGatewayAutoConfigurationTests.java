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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.web.CorsDecisionListener;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsGatewayAutoConfiguration}.
 *
 * @author cors-gateway authors
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsGatewayAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class));

	private static CorsPolicy find(CorsPolicies policies, String path) {
		return policies.find("localhost", PathContainer.parsePath(path), "GET");
	}

	@Test
	void registersPoliciesAndFilterInAReactiveApplication() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://shop.example")
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsPolicies.class).hasSingleBean(CorsGatewayWebFilter.class);
				assertThat(find(context.getBean(CorsPolicies.class), "/orders/1").allowsOrigin("https://shop.example"))
					.isTrue();
			});
	}

	@Test
	void filterRunsBeforeSpringSecurityByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CorsGatewayWebFilter.class).getOrder())
			.isEqualTo(CorsGatewayWebFilter.DEFAULT_ORDER)
			.isLessThan(-100));
	}

	@Test
	void filterOrderCanBeConfigured() {
		this.contextRunner.withPropertyValues("cors.filter-order=42")
			.run((context) -> assertThat(context.getBean(CorsGatewayWebFilter.class).getOrder()).isEqualTo(42));
	}

	@Test // gh-7
	void ambiguousPathsAreRefusedByDefault() {
		this.contextRunner.run(
				(context) -> assertThat(context.getBean(CorsGatewayWebFilter.class).isRejectAmbiguousPaths()).isTrue());
	}

	@Test // gh-7
	void refusingAmbiguousPathsCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("cors.reject-ambiguous-paths=false")
			.run((context) -> assertThat(context.getBean(CorsGatewayWebFilter.class).isRejectAmbiguousPaths())
				.isFalse());
	}

	@Test
	void reasonHeadersAreOffByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(CorsGatewayWebFilter.class).isDebugHeaders()).isFalse());
	}

	@Test
	void reasonHeadersCanBeTurnedOnWithAWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cors.debug-headers=true").run((context) -> {
			assertThat(context.getBean(CorsGatewayWebFilter.class).isDebugHeaders()).isTrue();
			assertThat(output).contains("cors.debug-headers = 'true'").contains("remove it in production");
		});
	}

	@Test
	void noWarningAboutReasonHeadersWhenTheyAreOff(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).doesNotContain("cors.debug-headers"));
	}

	@Test
	void decisionListenerBeansAreToldOfEveryDecisionInOrder() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class)
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://shop.example")
			.run((context) -> {
				List<String> told = context.getBean("told", List.class);
				MockServerWebExchange exchange = MockServerWebExchange
					.from(MockServerHttpRequest.get("/orders/1").header("Origin", "https://evil.example"));
				context.getBean(CorsGatewayWebFilter.class)
					.filter(exchange, (filtered) -> Mono.error(new AssertionError("The handler must not run")))
					.block(Duration.ofSeconds(5));
				assertThat(told).containsExactly("first ORIGIN_NOT_ALLOWED", "second ORIGIN_NOT_ALLOWED");
			});
	}

	@Test // gh-7
	void pathsCanBeMatchedIgnoringCase() {
		this.contextRunner
			.withPropertyValues("cors.case-sensitive-paths=false", "cors.services.admin.paths=/admin/**",
					"cors.services.admin.allowed-origins=https://admin.example.com")
			.run((context) -> assertThat(context.getBean(CorsPolicies.class)
				.find("api.example.com", PathContainer.parsePath("/ADMIN/users"), "GET")).isNotNull());
	}

	@Test
	void pathsAreMatchedCaseSensitivelyByDefault() {
		this.contextRunner
			.withPropertyValues("cors.services.admin.paths=/admin/**",
					"cors.services.admin.allowed-origins=https://admin.example.com")
			.run((context) -> assertThat(context.getBean(CorsPolicies.class)
				.find("api.example.com", PathContainer.parsePath("/ADMIN/users"), "GET")).isNull());
	}

	@Test
	void nothingIsRegisteredWhenDisabled() {
		this.contextRunner.withPropertyValues("cors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsGatewayWebFilter.class)
				.doesNotHaveBean(CorsPolicies.class));
	}

	@Test
	void nothingIsRegisteredInAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsGatewayWebFilter.class)
				.doesNotHaveBean(CorsPolicies.class));
	}

	@Test
	void nothingIsRegisteredWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsGatewayWebFilter.class));
	}

	@Test
	void userPoliciesMakeOursBackOff() {
		this.contextRunner.withUserConfiguration(UserPoliciesConfiguration.class)
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://ignored.example")
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsPolicies.class);
				CorsPolicies policies = context.getBean(CorsPolicies.class);
				assertThat(policies).isSameAs(context.getBean("userPolicies"));
				assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(policies);
			});
	}

	@Test
	void userFilterMakesOursBackOff() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CorsGatewayWebFilter.class);
			assertThat(context.getBean(CorsGatewayWebFilter.class)).isSameAs(context.getBean("userFilter"));
		});
	}

	@Test
	void springCorsConfigurationSourceDoesNotSwitchUsOff() {
		this.contextRunner.withBean(CorsConfigurationSource.class, UrlBasedCorsConfigurationSource::new)
			.run((context) -> assertThat(context).hasSingleBean(CorsGatewayWebFilter.class));
	}

	@Test
	void customizersAdjustBoundPoliciesInOrder() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://shop.example")
			.run((context) -> {
				CorsPolicy policy = find(context.getBean(CorsPolicies.class), "/orders/1");
				assertThat(policy.allowsOrigin("https://second.example")).isTrue();
				assertThat(policy.allowsOrigin("https://shop.example")).isFalse();
			});
	}

	@Test
	void invalidConfigurationFailsStartupWithEveryError() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allow-credentials=true",
					"cors.services.orders.allowed-origins[0]=*",
					"cors.services.orders.allowed-origins[1]=https://a.example/",
					"cors.services.catalog.allowed-origins=https://b.example")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidCorsPolicyException.class)
					.hasMessageContaining("cors.services.orders.allowed-origins[0]")
					.hasMessageContaining("cors.services.orders.allowed-origins[1]")
					.hasMessageContaining("cors.services.catalog.paths");
			});
	}

	@Test
	void misspeltKeyFailsStartup() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-orgins=https://a.example")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("cors.services.orders.allowed-orgins")
					.hasMessageContaining("Did you mean 'allowed-origins'?");
			});
	}

	@Test
	void misspeltKeyThatIsTheOnlyErrorIsReportedOnce() {
		this.contextRunner
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.alowed-origins=https://a.example")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause()
					.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
							(ex) -> assertThat(ex.getErrors()).extracting(PolicyError::property)
								.containsExactly("cors.services.orders.alowed-origins"))
					.hasMessageStartingWith("1 CORS setting is invalid:");
				FailureAnalysis analysis = new InvalidCorsPolicyFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("The CORS configuration has 1 error:");
			});
	}

	@Test
	void misspeltKeyIsReportedOnceBeforeTheOtherErrors() {
		this.contextRunner.withPropertyValues("cors.services.orders.paths=/orders/**",
				"cors.services.orders.alowed-origins=https://a.example", "cors.services.orders.allowed-methods=TRACE")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
						(ex) -> assertThat(ex.getErrors()).extracting(PolicyError::property)
							.containsExactly("cors.services.orders.alowed-origins",
									"cors.services.orders.allowed-methods[0]")));
	}

	@Test
	void emptyRoutesMapInYamlStarts() throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
				new ByteArrayResource("""
						cors:
						  services:
						    orders:
						      paths: [/orders/**]
						      allowed-origins: [https://shop.example]
						      routes: {}
						""".getBytes(StandardCharsets.UTF_8)));
		this.contextRunner
			.withInitializer((context) -> sources
				.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CorsGatewayProperties.class).getServices().get("orders").getRoutes())
					.isEmpty();
				assertThat(find(context.getBean(CorsPolicies.class), "/orders/1").getId()).isEqualTo("orders");
			});
	}

	@Test
	void emptyRouteMethodsInYamlFailStartup() throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
				new ByteArrayResource("""
						cors:
						  services:
						    orders:
						      paths: [/orders/**]
						      allowed-origins: [https://shop.example]
						      routes:
						        refunds:
						          paths: ["/orders/{id}/refunds"]
						          methods: []
						""".getBytes(StandardCharsets.UTF_8)));
		this.contextRunner
			.withInitializer((context) -> sources
				.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source)))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidCorsPolicyException.class,
						(ex) -> assertThat(ex.getErrors()).extracting(PolicyError::property)
							.containsExactly("cors.services.orders.routes.refunds.methods")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserPoliciesConfiguration {

		@Bean
		CorsPolicies userPolicies() {
			return CorsPolicies.builder()
				.service("mine", (mine) -> mine.paths("/mine/**").allowedOrigins("https://mine.example"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		CorsGatewayWebFilter userFilter() {
			return new CorsGatewayWebFilter(CorsPolicies.builder().build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		CorsPolicyCustomizer second() {
			return (builder) -> builder.service("orders", (orders) -> orders.allowedOrigins("https://second.example"));
		}

		@Bean
		@Order(1)
		CorsPolicyCustomizer first() {
			return (builder) -> builder.service("orders", (orders) -> orders.allowedOrigins("https://first.example"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		List<String> told() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		@Order(2)
		CorsDecisionListener second(List<String> told) {
			return (request, decision) -> told.add("second " + decision.getReason());
		}

		@Bean
		@Order(1)
		CorsDecisionListener first(List<String> told) {
			return (request, decision) -> told.add("first " + decision.getReason());
		}

	}

}
