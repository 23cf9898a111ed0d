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

import java.util.UUID;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/**
 * {@link R2dbcCorsApplicationRegistry} against an in-memory H2 database, which every
 * build has.
 *
 * @author cors-gateway authors
 */
class H2R2dbcCorsApplicationRegistryTests extends R2dbcRegistryContract {

	// Kept while the JVM runs (DB_CLOSE_DELAY=-1), so that the connections the tests and
	// the registries open one after the other all see the same database.
	private static final String URL = "r2dbc:h2:mem:///cors_registry_" + UUID.randomUUID()
			+ "?options=DB_CLOSE_DELAY=-1";

	@Override
	protected ConnectionFactory connectionFactory() {
		return ConnectionFactories.get(URL);
	}

	@Override
	protected boolean nullsSortFirst() {
		return true;
	}

}
