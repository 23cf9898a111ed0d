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
import java.util.UUID;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the R2DBC registry part of {@link CorsGatewayAutoConfiguration}: when the
 * {@link R2dbcCorsApplicationRegistry} is registered, how the
 * {@code cors.registry.r2dbc.*} properties configure it, and its place in the
 * application's startup and shutdown. Each test has an in-memory H2 database of its own.
 *
 * @author cors-gateway authors
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsR2dbcRegistryAutoConfigurationTests {

	private final String url = "r2dbc:h2:mem:///cors_autoconfig_" + UUID.randomUUID() + "?options=DB_CLOSE_DELAY=-1";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, R2dbcAutoConfiguration.class))
		.withPropertyValues("spring.r2dbc.url=" + this.url);

	@Test
	void noRegistryUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConnectionFactory.class)
			.doesNotHaveBean(R2dbcCorsApplicationRegistry.class));
	}

	@Test
	void registryWhenEnabledWithAConnectionFactory() {
		// Sorted by name alone, ours would come first and find no ConnectionFactory yet:
		// it is seen only because the auto-configuration runs after Boot's R2DBC one.
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(R2dbcCorsApplicationRegistry.class);
			R2dbcCorsApplicationRegistry registry = context.getBean(R2dbcCorsApplicationRegistry.class);
			assertThat(registry.getTable()).isEqualTo("cors_application");
			assertThat(registry.getPollInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(registry.getStartupTimeout()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void registryDisabledExplicitly() {
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(R2dbcCorsApplicationRegistry.class));
	}

	@Test
	void noRegistryWithoutAConnectionFactory() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
			.withPropertyValues("cors.registry.r2dbc.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(R2dbcCorsApplicationRegistry.class));
	}

	@Test
	void noRegistryWithoutSpringR2dbc() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DatabaseClient.class))
			.withBean(ConnectionFactory.class, () -> ConnectionFactories.get(this.url))
			.withPropertyValues("cors.registry.r2dbc.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(R2dbcCorsApplicationRegistry.class));
	}

	@Test
	void registryBacksOffToAUserRegistryOfTheSameType() {
		R2dbcCorsApplicationRegistry userRegistry = R2dbcCorsApplicationRegistry
			.builder(DatabaseClient.create(ConnectionFactories.get(this.url)))
			.table("user_applications")
			.build();
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true")
			.withBean("userRegistry", R2dbcCorsApplicationRegistry.class, () -> userRegistry)
			.run((context) -> {
				assertThat(context).hasSingleBean(R2dbcCorsApplicationRegistry.class);
				assertThat(context.getBean(R2dbcCorsApplicationRegistry.class)).isSameAs(userRegistry);
			});
	}

	@Test
	void propertiesSetTheTableAndTheDurations() {
		this.contextRunner
			.withPropertyValues("cors.registry.r2dbc.enabled=true", "cors.registry.r2dbc.table=registry.applications",
					"cors.registry.r2dbc.poll-interval=30", "cors.registry.r2dbc.startup-timeout=500ms")
			.run((context) -> {
				R2dbcCorsApplicationRegistry registry = context.getBean(R2dbcCorsApplicationRegistry.class);
				assertThat(registry.getTable()).isEqualTo("registry.applications");
				assertThat(registry.getPollInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(registry.getStartupTimeout()).isEqualTo(Duration.ofMillis(500));
			});
	}

	@Test
	void defaultsOfThePropertiesAreThoseOfTheRegistry() {
		CorsGatewayProperties.R2dbc defaults = new CorsGatewayProperties().getRegistry().getR2dbc();
		assertThat(defaults.isEnabled()).isFalse();
		assertThat(defaults.getTable()).isEqualTo(R2dbcCorsApplicationRegistry.DEFAULT_TABLE);
		assertThat(defaults.getPollInterval()).isEqualTo(R2dbcCorsApplicationRegistry.DEFAULT_POLL_INTERVAL);
		assertThat(defaults.getStartupTimeout()).isEqualTo(R2dbcCorsApplicationRegistry.DEFAULT_STARTUP_TIMEOUT);
	}

	@Test
	void tableNameThatIsNotAPlainIdentifierFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("cors.registry.r2dbc.enabled=true",
					"cors.registry.r2dbc.table=cors_application; DROP TABLE orders")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
						assertThat(ex.getName()).isEqualTo("cors.registry.r2dbc.table");
						assertThat(ex.getValue()).isEqualTo("cors_application; DROP TABLE orders");
						assertThat(ex.getReason()).startsWith("The table name 'cors_application; DROP TABLE orders' "
								+ "is not a plain SQL identifier.");
					});
			});
	}

	@Test
	void pollIntervalOfZeroFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true", "cors.registry.r2dbc.poll-interval=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("cors.registry.r2dbc.poll-interval"))
				.hasMessageContaining("The poll interval must be positive"));
	}

	@Test
	void negativeStartupTimeoutFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("cors.registry.r2dbc.enabled=true", "cors.registry.r2dbc.startup-timeout=-1s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("cors.registry.r2dbc.startup-timeout"))
				.hasMessageContaining("The startup timeout must be positive"));
	}

	@Test
	void misspeltRegistryKeyFailsStartupWithASuggestion() {
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true", "cors.registry.r2dbc.pol-interval=5s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("cors.registry.r2dbc.pol-interval")
				.hasMessageContaining("Did you mean 'poll-interval'?"));
	}

	@Test
	void bootsSqlInitializationCreatesAndFillsTheTableBeforeTheFirstRead(CapturedOutput output) {
		// The first read happens when the bean is created: it finds the row only because
		// the bean waits for the database initialization.
		this.contextRunner.withConfiguration(AutoConfigurations.of(R2dbcInitializationAutoConfiguration.class))
			.withPropertyValues("cors.registry.r2dbc.enabled=true",
					"spring.sql.init.schema-locations=" + R2dbcCorsApplicationRegistry.SCHEMA_LOCATION,
					"spring.sql.init.data-locations=classpath:io/corsgateway/registry/r2dbc/test-data.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(R2dbcCorsApplicationRegistry.class).getApplications())
					.extracting((application) -> application.id() + " " + application.origins())
					.containsExactly("portal [https://portal.example]");
				assertThat(output.getOut()).doesNotContain("CORS registry: cannot read table");
			});
	}

	@Test
	void missingTableLetsTheApplicationStart(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(R2dbcCorsApplicationRegistry.class).getApplications()).isEmpty();
			assertThat(output.getOut()).contains("CORS registry: cannot read table 'cors_application'");
		});
	}

	@Test
	void registryPollsWhileTheContextRunsAndStopsWhenItCloses() {
		this.contextRunner.withPropertyValues("cors.registry.r2dbc.enabled=true").run((context) -> {
			R2dbcCorsApplicationRegistry registry = context.getBean(R2dbcCorsApplicationRegistry.class);
			assertThat(registry.isRunning()).isTrue();
			((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
			assertThat(registry.isRunning()).isFalse();
		});
	}

}
