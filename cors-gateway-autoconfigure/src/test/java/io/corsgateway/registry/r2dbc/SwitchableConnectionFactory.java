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

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A connection factory that tests can take down, as if the database were stopped or
 * unreachable, or make hang, as if it never answered; its connections are those of the
 * real database otherwise.
 *
 * @author cors-gateway authors
 */
final class SwitchableConnectionFactory implements ConnectionFactory {

	private final ConnectionFactory database;

	private volatile State state = State.UP;

	SwitchableConnectionFactory(ConnectionFactory database) {
		this.database = database;
	}

	@Override
	public Publisher<? extends Connection> create() {
		return Mono.defer(() -> switch (this.state) {
			case UP -> Mono.from(this.database.create());
			case DOWN -> Mono.error(new R2dbcNonTransientResourceException("Connection refused (database down)"));
			case HANGING -> Mono.never();
		});
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.database.getMetadata();
	}

	void up() {
		this.state = State.UP;
	}

	void down() {
		this.state = State.DOWN;
	}

	void hang() {
		this.state = State.HANGING;
	}

	private enum State {

		UP, DOWN, HANGING

	}

}
