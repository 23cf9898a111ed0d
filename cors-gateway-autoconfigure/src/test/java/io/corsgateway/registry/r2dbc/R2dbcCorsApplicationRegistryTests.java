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
package io.corsgateway.registry.r2dbc;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the settings and lifecycle of {@link R2dbcCorsApplicationRegistry} that need
 * no table; its reads are tested against real databases by the subclasses of
 * {@link R2dbcRegistryContract}.
 *
 * @author cors-gateway authors
 */
class R2dbcCorsApplicationRegistryTests {

	// Never connected to: nothing here reads the table.
	private final DatabaseClient client = DatabaseClient
		.create(ConnectionFactories.get("r2dbc:h2:mem:///never-connected"));

	@Test
	void builderStartsFromTheDefaults() {
		R2dbcCorsApplicationRegistry registry = R2dbcCorsApplicationRegistry.builder(this.client).build();
		assertThat(registry.getTable()).isEqualTo("cors_application");
		assertThat(registry.getPollInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(registry.getStartupTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(registry.getApplications()).isEmpty();
		assertThat(registry.getSkippedRows()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "apps", "_apps", "Cors_Application_2", "registry.cors_application" })
	void tableNameMayBeAPlainIdentifierAfterASchemaName(String table) {
		assertThat(R2dbcCorsApplicationRegistry.builder(this.client).table(table).build().getTable()).isEqualTo(table);
	}

	@Test
	void tableNameMayHaveSixtyThreeCharacters() {
		String table = "a".repeat(63);
		assertThat(R2dbcCorsApplicationRegistry.builder(this.client).table(table).build().getTable()).isEqualTo(table);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "apps; DROP TABLE apps", "apps--", "\"apps\"", "`apps`", "apps x", "1apps",
			"a.b.c", ".apps", "apps.", "app-list", "apps\n" })
	void tableNameThatIsNotAPlainIdentifierIsRefused(String table) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> R2dbcCorsApplicationRegistry.builder(this.client).table(table))
			.withMessageStartingWith("The table name '")
			.withMessageContaining("is not a plain SQL identifier. The name goes into the query unquoted")
			.withMessageEndingWith("Use a name such as cors_application or registry.cors_application.")
			.withMessageNotContaining("\n");
	}

	@Test
	void tableNameOfSixtyFourCharactersIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> R2dbcCorsApplicationRegistry.builder(this.client).table("a".repeat(64)))
			.withMessageContaining("at most 63 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "PT-1S" })
	void pollIntervalMustBePositive(String interval) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> R2dbcCorsApplicationRegistry.builder(this.client).pollInterval(Duration.parse(interval)))
			.withMessage("The poll interval must be positive, but is " + interval + ". It is the longest a change of "
					+ "the table takes to reach this gateway instance: use a duration such as 10s.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "PT-1S" })
	void startupTimeoutMustBePositive(String timeout) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> R2dbcCorsApplicationRegistry.builder(this.client).startupTimeout(Duration.parse(timeout)))
			.withMessage("The startup timeout must be positive, but is " + timeout + ". It bounds how long startup "
					+ "waits for the table and how long a poll may take: use a duration such as 10s.");
	}

	@Test
	void startPollsUntilStop() {
		R2dbcCorsApplicationRegistry registry = R2dbcCorsApplicationRegistry.builder(this.client).build();
		assertThat(registry.isRunning()).isFalse();
		registry.start();
		registry.start();
		assertThat(registry.isRunning()).isTrue();
		registry.stop();
		assertThat(registry.isRunning()).isFalse();
		registry.stop();
		assertThat(registry.isRunning()).isFalse();
		assertThat(registry.isAutoStartup()).isTrue();
	}

	@Test
	void missingArgumentsAreRefusedWhereTheyAreGiven() {
		R2dbcCorsApplicationRegistry.Builder builder = R2dbcCorsApplicationRegistry.builder(this.client);
		assertThatIllegalArgumentException().isThrownBy(() -> R2dbcCorsApplicationRegistry.builder(null))
			.withMessage("'client' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.table(null))
			.withMessage("'table' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.pollInterval(null))
			.withMessage("'pollInterval' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.startupTimeout(null))
			.withMessage("'startupTimeout' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.scheduler(null))
			.withMessage("'scheduler' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.build().addChangeListener(null))
			.withMessage("'listener' must not be null");
	}

}
