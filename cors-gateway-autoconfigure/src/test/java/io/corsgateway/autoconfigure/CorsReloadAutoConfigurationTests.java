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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.registry.CorsApplicationRegistry;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadResult;
import io.corsgateway.reload.ReloadResult.Outcome;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reload part of {@link CorsGatewayAutoConfiguration}: the
 * {@link CorsPolicyReloader} bean rebuilds the policies from the {@code cors.*}
 * properties as the environment holds them, through the same path as the startup build,
 * and never replaces policies the application supplies.
 *
 * @author cors-gateway authors
 */
class CorsReloadAutoConfigurationTests {

	private static final String SHOP = "https://shop.example";

	private static final String PARTNER = "https://partner.example";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
		.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP);

	// Property sources added first win over the ones the context started with, as a
	// refreshed configuration does.
	static void change(AssertableReactiveWebApplicationContext context, String... properties) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			values.put(property.substring(0, equals), property.substring(equals + 1));
		}
		String name = "change-" + context.getEnvironment().getPropertySources().size();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, values));
	}

	static HttpStatus preflightStatus(AssertableReactiveWebApplicationContext context, String origin) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.options("https://api.example.com/orders/1")
				.header(HttpHeaders.ORIGIN, origin)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"));
		context.getBean(CorsGatewayWebFilter.class)
			.filter(exchange, (filtered) -> Mono.error(new AssertionError("A preflight must be answered")))
			.block(Duration.ofSeconds(5));
		return (HttpStatus) exchange.getResponse().getStatusCode();
	}

	@Test
	void reloaderIsRegistered() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsPolicyReloader.class));
	}

	@Test
	void reloaderBacksOffToAUserBean() {
		this.contextRunner.withUserConfiguration(UserReloaderConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CorsPolicyReloader.class);
			assertThat(context.getBean(CorsPolicyReloader.class))
				.isSameAs(context.getBean(UserReloaderConfiguration.class).reloader);
		});
	}

	@Test
	void reloadAppliesThePropertiesAsTheEnvironmentHoldsThemNow() {
		this.contextRunner.run((context) -> {
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
			change(context, "cors.services.orders.allowed-origins=" + SHOP + "," + PARTNER);
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.outcome()).isEqualTo(Outcome.CHANGED);
			assertThat(result.changedPolicies()).containsExactly("cors.services.orders");
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@Test
	void reloadCanAddAService() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.admin.paths=/admin/**", "cors.services.admin.allowed-origins=" + PARTNER);
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.changedPolicies()).containsExactly("cors.services.admin");
			assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies().getServices())
				.extracting((service) -> service.id())
				.containsExactlyInAnyOrder("orders", "admin");
		});
	}

	@Test
	void reloadAppliesChangedOriginSetsAndApplications() {
		this.contextRunner
			.withPropertyValues("cors.origin-sets.partners=https://old.partner.example",
					"cors.services.orders.allowed-origins=" + SHOP + ",set:partners")
			.run((context) -> {
				change(context, "cors.origin-sets.partners=" + PARTNER,
						"cors.applications.kiosk.origins=https://kiosk.example",
						"cors.applications.kiosk.services=orders");
				ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
				assertThat(result.changedPolicies()).containsExactly("cors.services.orders");
				assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
				assertThat(preflightStatus(context, "https://kiosk.example")).isEqualTo(HttpStatus.NO_CONTENT);
				assertThat(preflightStatus(context, "https://old.partner.example")).isEqualTo(HttpStatus.FORBIDDEN);
			});
	}

	@Test
	void reloadLeavesTheBoundPropertiesBeanAlone() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.orders.allowed-origins=" + PARTNER);
			context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(context.getBean(CorsGatewayProperties.class).getServices().get("orders").getAllowedOrigins())
				.containsExactly(SHOP);
		});
	}

	@Test
	void valueThatCannotBeBoundFailsTheReloadNamingTheProperty() {
		this.contextRunner.run((context) -> {
			CorsPolicies before = context.getBean(CorsGatewayWebFilter.class).getPolicies();
			change(context, "cors.defaults.max-age=abc");
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.errors()).singleElement().satisfies((error) -> {
				assertThat(error.property()).isEqualTo("cors.defaults.max-age");
				assertThat(error.value()).isEqualTo("abc");
				assertThat(error.reason()).startsWith("Cannot be bound to java.time.Duration: ")
					.contains("'abc' is not a valid duration")
					.contains("It is set in \"cors.defaults.max-age\" from property source \"change-")
					.endsWith("Correct the value; the policies in force stay until then.");
			});
			assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(before);
			assertThat(context.getBean(CorsGatewayProperties.class).getDefaults().getMaxAge()).isNull();
		});
	}

	@Test
	void invalidValueFailsTheReloadWithItsPropertyPathAndKeepsThePolicies() {
		this.contextRunner.run((context) -> {
			CorsPolicies before = context.getBean(CorsGatewayWebFilter.class).getPolicies();
			change(context, "cors.services.orders.allowed-origins=*", "cors.services.orders.allow-credentials=true");
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.errors()).extracting(PolicyError::property)
				.containsExactly("cors.services.orders.allowed-origins[0]");
			assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(before);
			assertThat(preflightStatus(context, SHOP)).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@Test
	void unknownKeyFailsTheReload() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.orders.allowed-orgins=" + PARTNER);
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.errors()).singleElement().satisfies((error) -> {
				assertThat(error.property()).isEqualTo("cors.services.orders.allowed-orgins");
				assertThat(error.reason()).contains("Did you mean 'allowed-origins'?");
			});
		});
	}

	@Test
	void customizersAreAppliedOnEveryReload() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			change(context, "cors.services.orders.max-age=10m");
			assertThat(context.getBean(CorsPolicyReloader.class).reload("test").isSuccess()).isTrue();
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(
					context.getBean(CorsGatewayWebFilter.class).getPolicies().getServices().get(0).policy().getMaxAge())
				.isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void caseSensitivePathsIsReloaded() {
		this.contextRunner.run((context) -> {
			change(context, "cors.case-sensitive-paths=false");
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			// Applied, although no scope is described differently.
			assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
			assertThat(result.newWarnings()).isEmpty();
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.options("https://api.example.com/ORDERS/1")
					.header(HttpHeaders.ORIGIN, SHOP)
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"));
			context.getBean(CorsGatewayWebFilter.class)
				.filter(exchange, (filtered) -> Mono.error(new AssertionError("A preflight must be answered")))
				.block(Duration.ofSeconds(5));
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@Test
	void settingsOfTheFilterAreReadAtStartupOnlyAndAChangeWarnsThatARestartIsNeeded() {
		this.contextRunner.run((context) -> {
			change(context, "cors.filter-order=5", "cors.debug-headers=true", "cors.reject-ambiguous-paths=false",
					"cors.enabled=false");
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.newWarnings()).extracting(PolicyError::property)
				.containsExactly("cors.enabled", "cors.filter-order", "cors.reject-ambiguous-paths",
						"cors.debug-headers");
			assertThat(result.newWarnings()).first()
				.satisfies((warning) -> assertThat(warning.reason()).startsWith("Changed from 'true' since startup")
					.contains("restart the application to apply it"));
			CorsGatewayWebFilter filter = context.getBean(CorsGatewayWebFilter.class);
			assertThat(filter.getOrder()).isEqualTo(CorsGatewayWebFilter.DEFAULT_ORDER);
			assertThat(filter.isDebugHeaders()).isFalse();
			assertThat(filter.isRejectAmbiguousPaths()).isTrue();
			assertThat(filter.getPolicies().getWarnings()).containsAll(result.newWarnings());
		});
	}

	@Test
	void settingsOfTheRegistryAreReadAtStartupOnlyAndAChangeWarnsThatARestartIsNeeded() {
		this.contextRunner.run((context) -> {
			change(context, "cors.registry.r2dbc.enabled=true", "cors.registry.r2dbc.table=other_table",
					"cors.registry.r2dbc.poll-interval=1s", "cors.registry.r2dbc.startup-timeout=2s");
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.newWarnings()).extracting(PolicyError::property)
				.containsExactly("cors.registry.r2dbc.enabled", "cors.registry.r2dbc.table",
						"cors.registry.r2dbc.poll-interval", "cors.registry.r2dbc.startup-timeout");
			assertThat(result.newWarnings()).first()
				.satisfies((warning) -> assertThat(warning.reason()).startsWith("Changed from 'false' since startup")
					.contains("restart the application to apply it"));
		});
	}

	@Test
	void restartWarningIsNotANewWarningOnTheNextReload() {
		this.contextRunner.run((context) -> {
			change(context, "cors.filter-order=5");
			CorsPolicyReloader reloader = context.getBean(CorsPolicyReloader.class);
			assertThat(reloader.reload("first").newWarnings()).hasSize(1);
			assertThat(reloader.reload("second").newWarnings()).isEmpty();
		});
	}

	@Test
	void ownCorsPoliciesBeanIsNeverReplacedByAReload() {
		this.contextRunner.withUserConfiguration(UserPoliciesConfiguration.class).run((context) -> {
			CorsPolicies own = context.getBean(CorsPolicies.class);
			change(context, "cors.services.orders.allowed-origins=" + PARTNER);
			ReloadResult result = context.getBean(CorsPolicyReloader.class).reload("test");
			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.errors()).singleElement()
				.satisfies((error) -> assertThat(error.reason()).contains("own CorsPolicies bean"));
			assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(own);
		});
	}

	@Test
	void changeReportedByARegistryReloadsThePoliciesWithItsApplications() {
		this.contextRunner.withUserConfiguration(ChangingRegistryConfiguration.class).run((context) -> {
			ChangingRegistryConfiguration registry = context.getBean(ChangingRegistryConfiguration.class);
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
			registry.register(new CorsApplication("partner", List.of(PARTNER), List.of("orders"), "test registry"));
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(context.getBean(CorsPolicyReloader.class).getStatus().lastLoad().trigger())
				.isEqualTo("applications changed in ChangingRegistry");
		});
	}

	@Test
	void registryChangeDoesNotReloadAnOwnCorsPoliciesBean() {
		this.contextRunner.withUserConfiguration(UserPoliciesConfiguration.class, ChangingRegistryConfiguration.class)
			.run((context) -> {
				CorsPolicies own = context.getBean(CorsPolicies.class);
				context.getBean(ChangingRegistryConfiguration.class)
					.register(new CorsApplication("partner", List.of(PARTNER), List.of("orders"), "test registry"));
				CorsPolicyReloader reloader = context.getBean(CorsPolicyReloader.class);
				// No reload was attempted, so none failed and none is reported.
				assertThat(reloader.getStatus().failureCount()).isZero();
				assertThat(reloader.getStatus().lastLoad().trigger()).isEqualTo(CorsPolicyReloader.STARTUP_TRIGGER);
				assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(own);
			});
	}

	@Test
	void ownFilterWithPoliciesOfItsOwnIsNeverReplacedByAReload() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			CorsGatewayWebFilter filter = context.getBean(CorsGatewayWebFilter.class);
			CorsPolicies own = filter.getPolicies();
			assertThat(own).isNotSameAs(context.getBean(CorsPolicies.class));
			change(context, "cors.services.orders.allowed-origins=" + PARTNER);
			assertThat(context.getBean(CorsPolicyReloader.class).reload("test").outcome()).isEqualTo(Outcome.FAILED);
			assertThat(filter.getPolicies()).isSameAs(own);
		});
	}

	@Test
	void ownFilterWithTheAutoConfiguredPoliciesIsReloaded() {
		this.contextRunner.withUserConfiguration(UserFilterWithPropertiesConfiguration.class).run((context) -> {
			change(context, "cors.services.orders.allowed-origins=" + PARTNER);
			assertThat(context.getBean(CorsPolicyReloader.class).reload("test").isSuccess()).isTrue();
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserReloaderConfiguration {

		final CorsPolicyReloader reloader = new CorsPolicyReloader(
				new CorsGatewayWebFilter(CorsPolicies.builder().build()), () -> CorsPolicies.builder().build());

		@Bean
		CorsPolicyReloader userReloader() {
			return this.reloader;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChangingRegistryConfiguration {

		private final ChangingRegistry registry = new ChangingRegistry();

		@Bean
		CorsApplicationRegistry changingRegistry() {
			return this.registry;
		}

		void register(CorsApplication application) {
			this.registry.applications = List.of(application);
			this.registry.listeners.forEach(Runnable::run);
		}

	}

	static final class ChangingRegistry implements CorsApplicationRegistry {

		private volatile List<CorsApplication> applications = List.of();

		private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

		@Override
		public List<CorsApplication> getApplications() {
			return this.applications;
		}

		@Override
		public void addChangeListener(Runnable listener) {
			this.listeners.add(listener);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPoliciesConfiguration {

		@Bean
		CorsPolicies userPolicies() {
			return CorsPolicies.builder()
				.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		CorsGatewayWebFilter userFilter() {
			return new CorsGatewayWebFilter(CorsPolicies.builder()
				.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterWithPropertiesConfiguration {

		@Bean
		CorsGatewayWebFilter userFilter(CorsPolicies corsPolicies) {
			CorsGatewayWebFilter filter = new CorsGatewayWebFilter(corsPolicies);
			filter.setOrder(0);
			return filter;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		CorsPolicyCustomizer partnerOrigins() {
			return (builder) -> builder.service("orders", (orders) -> orders.allowedOrigins(SHOP, PARTNER));
		}

	}

}
