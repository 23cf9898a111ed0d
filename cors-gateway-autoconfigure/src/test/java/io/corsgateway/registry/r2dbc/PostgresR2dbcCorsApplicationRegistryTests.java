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

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link R2dbcCorsApplicationRegistry} against a real PostgreSQL server: the one of the
 * R2DBC URL in the environment variable {@value #URL_VARIABLE}, or else
 * {@value #DEFAULT_URL}. {@code .ci/run} starts one when it runs as root; elsewhere,
 * without a server, these tests are skipped and say why.
 *
 * @author cors-gateway authors
 */
class PostgresR2dbcCorsApplicationRegistryTests extends R2dbcRegistryContract {

	static final String URL_VARIABLE = "CORS_GATEWAY_TEST_POSTGRES_URL";

	static final String DEFAULT_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

	private static final String URL = (System.getenv(URL_VARIABLE) != null) ? System.getenv(URL_VARIABLE) : DEFAULT_URL;

	private static boolean available;

	// Asked once: every test is then skipped with the same message, which the build log
	// shows once as well.
	@BeforeAll
	static void askWhetherPostgresAnswers() {
		available = answers();
		if (!available) {
			System.out.println(skipMessage());
		}
	}

	private static String skipMessage() {
		// The URL without its password, if it has one.
		String shown = URL.replaceFirst("(://[^:/@]*):[^@/]*@", "$1:***@");
		return "PostgreSQL tests skipped: no PostgreSQL answered at " + shown + ". Start one there, or set "
				+ URL_VARIABLE + " to the r2dbc:postgresql:// URL of a database where the tests may create and drop "
				+ "tables; .ci/run installs and starts one when it runs as root.";
	}

	private static boolean answers() {
		try {
			return Mono
				.usingWhen(ConnectionFactories.get(URL).create(),
						(connection) -> Mono.from(connection.createStatement("SELECT 1").execute())
							.flatMap((result) -> Mono.from(result.map((row, metadata) -> 1))),
						Connection::close)
				.blockOptional(Duration.ofSeconds(10))
				.isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	protected ConnectionFactory connectionFactory() {
		assumeTrue(available, PostgresR2dbcCorsApplicationRegistryTests::skipMessage);
		return ConnectionFactories.get(URL);
	}

	@Override
	protected boolean nullsSortFirst() {
		return false;
	}

}
