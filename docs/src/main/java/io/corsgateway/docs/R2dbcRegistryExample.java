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

import io.r2dbc.spi.ConnectionFactory;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Example of the R2DBC registry without Spring Boot: built on a connection factory, read
 * once, then polled until closed.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class R2dbcRegistryExample implements AutoCloseable {

	private final R2dbcCorsApplicationRegistry registry;

	/**
	 * Read the registry table of the given database, and keep reading it.
	 * @param connectionFactory the database that holds the table
	 * @param onChange what to do when the applications change, such as rebuilding the
	 * policies
	 */
	public R2dbcRegistryExample(ConnectionFactory connectionFactory, Runnable onChange) {
		// tag::plain[]
		R2dbcCorsApplicationRegistry registry = R2dbcCorsApplicationRegistry
			.builder(DatabaseClient.create(connectionFactory))
			.table("cors_application")
			.pollInterval(Duration.ofSeconds(10))
			.build();
		// Told on a bounded elastic thread after each change.
		registry.addChangeListener(onChange);
		// The first read, which waits at most the startup timeout.
		registry.afterPropertiesSet();
		// Then a read every poll interval, until stop().
		registry.start();
		// end::plain[]
		this.registry = registry;
	}

	/**
	 * The applications of the last read.
	 * @return the applications
	 */
	public List<CorsApplication> getApplications() {
		return this.registry.getApplications();
	}

	/**
	 * Stop polling.
	 */
	@Override
	public void close() {
		this.registry.stop();
	}

}
