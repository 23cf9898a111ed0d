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
package io.corsgateway.docs;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link R2dbcRegistryExample} reads the table as the registry guide says, on
 * an in-memory H2 database made with the schema script.
 *
 * @author cors-gateway authors
 */
class R2dbcRegistryExampleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ConnectionFactory database = ConnectionFactories
		.get("r2dbc:h2:mem:///docs_" + UUID.randomUUID() + "?options=DB_CLOSE_DELAY=-1");

	@Test
	void exampleReadsTheStoredApplicationsAtOnce() {
		new ResourceDatabasePopulator(new ClassPathResource("io/corsgateway/registry/r2dbc/schema.sql"))
			.populate(this.database)
			.block(TIMEOUT);
		DatabaseClient.create(this.database)
			.sql("INSERT INTO cors_application (id, origins, services) "
					+ "VALUES ('partner-portal', 'https://portal.partner.example', 'catalog orders/refunds')")
			.then()
			.block(TIMEOUT);
		CountDownLatch changed = new CountDownLatch(1);
		try (R2dbcRegistryExample example = new R2dbcRegistryExample(this.database, changed::countDown)) {
			assertThat(example.getApplications())
				.containsExactly(new CorsApplication("partner-portal", List.of("https://portal.partner.example"),
						List.of("catalog", "orders/refunds"), "cors_application[id=partner-portal]"));
			// The first read found the row: that is a change from no applications.
			assertThat(changed.getCount()).isZero();
		}
	}

	@Test
	void schemaLocationThatTheGuideNamesExists() {
		assertThat(new DefaultResourceLoader().getResource(R2dbcCorsApplicationRegistry.SCHEMA_LOCATION).exists())
			.isTrue();
	}

}
