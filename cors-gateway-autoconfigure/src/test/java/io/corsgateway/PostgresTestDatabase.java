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
package io.corsgateway;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real PostgreSQL server the tests use when one answers: the one of the R2DBC URL in
 * the environment variable {@value #URL_VARIABLE}, or else {@value #DEFAULT_URL}.
 * {@code .ci/run} starts one when it runs as root; elsewhere, without a server, the tests
 * that need it are skipped and say why.
 *
 * @author cors-gateway authors
 */
public final class PostgresTestDatabase {

	/** The environment variable that names the database. */
	public static final String URL_VARIABLE = "CORS_GATEWAY_TEST_POSTGRES_URL";

	/** The database used when the variable is not set. */
	public static final String DEFAULT_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

	/** The URL of the database. */
	public static final String URL = (System.getenv(URL_VARIABLE) != null) ? System.getenv(URL_VARIABLE) : DEFAULT_URL;

	// Asked once per test JVM: every test needing the server is then skipped with the
	// same
	// message.
	private static volatile Boolean available;

	private PostgresTestDatabase() {
	}

	/**
	 * A connection factory of the database, or the calling test skipped when no server
	 * answers.
	 * @return the connection factory
	 */
	public static ConnectionFactory connectionFactory() {
		assumeAvailable();
		return ConnectionFactories.get(URL);
	}

	/**
	 * Skip the calling test, saying why, when no server answers.
	 */
	public static void assumeAvailable() {
		assumeTrue(isAvailable(), PostgresTestDatabase::skipMessage);
	}

	/**
	 * Whether a server answers at {@link #URL}, asked once.
	 * @return whether it answers
	 */
	public static boolean isAvailable() {
		Boolean answer = available;
		if (answer == null) {
			answer = answers();
			if (!answer) {
				System.out.println(skipMessage());
			}
			available = answer;
		}
		return answer;
	}

	/**
	 * Why the tests that need the server are skipped.
	 * @return the message
	 */
	public static String skipMessage() {
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

}
