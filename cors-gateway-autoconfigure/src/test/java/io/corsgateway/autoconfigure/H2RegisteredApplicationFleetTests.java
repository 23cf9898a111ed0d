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

import java.util.UUID;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/**
 * {@link RegisteredApplicationFleetContract} on an in-memory H2 database, which both
 * instances reach by its name.
 *
 * @author cors-gateway authors
 */
class H2RegisteredApplicationFleetTests extends RegisteredApplicationFleetContract {

	// Kept while the JVM runs, so that every connection factory sees the same database.
	private static final String URL = "r2dbc:h2:mem:///cors_fleet_" + UUID.randomUUID() + "?options=DB_CLOSE_DELAY=-1";

	@Override
	protected String url() {
		return URL;
	}

	@Override
	protected ConnectionFactory connectionFactory() {
		return ConnectionFactories.get(URL);
	}

}
