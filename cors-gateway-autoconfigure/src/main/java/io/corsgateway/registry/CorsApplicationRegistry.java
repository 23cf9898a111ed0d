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
package io.corsgateway.registry;

import java.util.List;

import io.corsgateway.policy.CorsApplication;

/**
 * A source of {@linkplain CorsApplication registered applications} kept outside the
 * configuration, such as a database shared by every gateway instance. The policies are
 * built from the configuration plus every registry's applications, and rebuilt when a
 * registry reports a change. An application a registry supplies is validated on its own:
 * an invalid one is skipped and reported, and never keeps the others from applying.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public interface CorsApplicationRegistry {

	/**
	 * The applications registered now. Called off the request path, each time the
	 * policies are built; it must answer without waiting for I/O, so a registry backed by
	 * a store returns the last snapshot it read.
	 * @return the applications, in a stable order
	 */
	List<CorsApplication> getApplications();

	/**
	 * Register a callback to run after the registered applications changed; the policies
	 * are then rebuilt. The default registers nothing: a registry that never changes.
	 * @param listener the callback
	 */
	default void addChangeListener(Runnable listener) {
	}

}
