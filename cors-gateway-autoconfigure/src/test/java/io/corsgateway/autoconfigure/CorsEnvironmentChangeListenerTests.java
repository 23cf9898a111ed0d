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

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadStatus;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import static io.corsgateway.autoconfigure.CorsReloadAutoConfigurationTests.change;
import static io.corsgateway.autoconfigure.CorsReloadAutoConfigurationTests.preflightStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the Spring Cloud Context part of {@link CorsGatewayAutoConfiguration}: an
 * {@link EnvironmentChangeEvent} that names a {@code cors} key reloads the policies, as
 * Spring Cloud publishes it after {@code /actuator/refresh}, a bus refresh or a
 * configuration server change.
 *
 * @author cors-gateway authors
 */
class CorsEnvironmentChangeListenerTests {

	private static final String SHOP = "https://shop.example";

	private static final String PARTNER = "https://partner.example";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
		.withPropertyValues("cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP);

	@Test
	void listenerIsRegisteredWithSpringCloudContext() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsEnvironmentChangeListener.class));
	}

	@Test
	void noListenerWithoutSpringCloudContextButTheReloaderStays() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CorsEnvironmentChangeListener.class)
				.hasSingleBean(CorsPolicyReloader.class));
	}

	@Test
	void changeOfACorsKeyReloadsThePolicies() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.orders.allowed-origins=" + SHOP + "," + PARTNER);
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("cors.services.orders.allowed-origins")));
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
			ReloadStatus status = context.getBean(CorsPolicyReloader.class).getStatus();
			assertThat(status.lastLoad().trigger())
				.isEqualTo("environment change: cors.services.orders.allowed-origins");
			assertThat(status.successCount()).isOne();
		});
	}

	@Test
	void changeNamedAsAnEnvironmentVariableReloadsThePolicies() {
		this.contextRunner.run((context) -> {
			change(context, "CORS_SERVICES_ORDERS_ALLOWEDORIGINS=" + PARTNER);
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("CORS_SERVICES_ORDERS_ALLOWEDORIGINS")));
			assertThat(context.getBean(CorsPolicyReloader.class).getStatus().successCount()).isOne();
		});
	}

	@Test
	void changeOfOtherKeysOnlyDoesNotReload() {
		this.contextRunner.run((context) -> {
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("server.port", "corsage.size", "logging")));
			ReloadStatus status = context.getBean(CorsPolicyReloader.class).getStatus();
			assertThat(status.successCount() + status.failureCount()).isZero();
		});
	}

	@Test
	void changeOfAKeyThatACorsValueReadsThroughAPlaceholderReloadsThePolicies() {
		// Spring Cloud names the keys whose values changed as their property sources hold
		// them, before placeholders are resolved: the cors key itself is not named.
		this.contextRunner
			.withPropertyValues("cors.services.orders.allowed-origins=${partner.origins}", "partner.origins=" + SHOP)
			.run((context) -> {
				assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
				change(context, "partner.origins=" + SHOP + "," + PARTNER);
				context.publishEvent(new EnvironmentChangeEvent(context, Set.of("partner.origins")));
				assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
				assertThat(context.getBean(CorsPolicyReloader.class).getStatus().lastLoad().trigger())
					.isEqualTo("environment change: partner.origins");
			});
	}

	@Test
	void invalidChangeIsAFailedReloadAndTheEventStillCompletes() {
		this.contextRunner.run((context) -> {
			change(context, "cors.services.orders.allow-credentials=true", "cors.services.orders.allowed-origins=*");
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("cors.services.orders.allow-credentials")));
			ReloadStatus status = context.getBean(CorsPolicyReloader.class).getStatus();
			assertThat(status.failing()).isTrue();
			assertThat(preflightStatus(context, SHOP)).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@Test
	void manyKeysAreNamedUpToFiveInTheTrigger() {
		this.contextRunner.run((context) -> {
			Set<String> keys = new LinkedHashSet<>();
			for (int i = 0; i < 7; i++) {
				keys.add("cors.services.orders.allowed-origins[" + i + "]");
			}
			context.publishEvent(new EnvironmentChangeEvent(context, keys));
			assertThat(context.getBean(CorsPolicyReloader.class).getStatus().lastLoad().trigger())
				.isEqualTo("environment change: cors.services.orders.allowed-origins[0], "
						+ "cors.services.orders.allowed-origins[1], cors.services.orders.allowed-origins[2], "
						+ "cors.services.orders.allowed-origins[3], cors.services.orders.allowed-origins[4] and 2 more");
		});
	}

	@Test
	void reloadIsRecordedWhenSpringCloudsRebinderFailsOnTheSameChange() {
		// The rebinder throws when a value cannot be bound, which stops the listeners
		// after it and fails the refresh: the reload has been attempted, and its failure
		// recorded, before that.
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesRebinderAutoConfiguration.class))
			.run((context) -> {
				change(context, "cors.defaults.max-age=abc");
				// Spring Cloud publishes the event with the context as its source.
				Throwable thrown = catchThrowable(
						() -> context.publishEvent(new EnvironmentChangeEvent(context.getSourceApplicationContext(),
								Set.of("cors.defaults.max-age"))));
				assertThat(thrown).hasMessageContaining("cors-" + CorsGatewayProperties.class.getName());
				ReloadStatus status = context.getBean(CorsPolicyReloader.class).getStatus();
				assertThat(status.failing()).isTrue();
				assertThat(status.lastFailure().errors()).singleElement()
					.satisfies((error) -> assertThat(error.property()).isEqualTo("cors.defaults.max-age"));
				assertThat(preflightStatus(context, SHOP)).isEqualTo(HttpStatus.NO_CONTENT);
			});
	}

	@Test
	void reloadRunsBeforeOtherListenersOfTheEvent() {
		// A user's listener is found before ours; only the order of the listeners puts
		// ours first, so that a listener that throws cannot keep the reload from running.
		this.contextRunner.withUserConfiguration(ThrowingListenerConfiguration.class).run((context) -> {
			change(context, "cors.services.orders.allowed-origins=" + PARTNER);
			Throwable thrown = catchThrowable(() -> context
				.publishEvent(new EnvironmentChangeEvent(context, Set.of("cors.services.orders.allowed-origins"))));
			assertThat(thrown).hasMessage("Rebinding failed");
			assertThat(context.getBean(CorsPolicyReloader.class).getStatus().successCount()).isOne();
			assertThat(preflightStatus(context, PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "cors.defaults.max-age", "CORS.DEFAULTS.MAX-AGE", "Cors.Defaults.maxAge",
			"CORS_DEFAULTS_MAXAGE", "cors[defaults].max-age", "cors" })
	void keysOfCorsAreRecognisedInEveryForm(String key) {
		assertThat(CorsEnvironmentChangeListener.isCorsKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "corsage.size", "CORSAGE", "server.cors.enabled", "spring.cors", "cor", "",
			"management.endpoint.cors.access" })
	void otherKeysAreNotKeysOfCors(String key) {
		assertThat(CorsEnvironmentChangeListener.isCorsKey(key)).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingListenerConfiguration {

		@Bean
		ApplicationListener<EnvironmentChangeEvent> throwingListener() {
			return new ThrowingListener();
		}

	}

	static class ThrowingListener implements ApplicationListener<EnvironmentChangeEvent> {

		@Override
		public void onApplicationEvent(EnvironmentChangeEvent event) {
			throw new IllegalStateException("Rebinding failed");
		}

	}

}
