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

import io.r2dbc.spi.ConnectionFactory;

import io.corsgateway.PostgresTestDatabase;

/**
 * {@link R2dbcCorsApplicationRegistry} against a real PostgreSQL server
 * ({@link PostgresTestDatabase}); elsewhere, without a server, these tests are skipped
 * and say why.
 *
 * @author cors-gateway authors
 */
class PostgresR2dbcCorsApplicationRegistryTests extends R2dbcRegistryContract {

	@Override
	protected ConnectionFactory connectionFactory() {
		return PostgresTestDatabase.connectionFactory();
	}

	@Override
	protected boolean nullsSortFirst() {
		return false;
	}

}
