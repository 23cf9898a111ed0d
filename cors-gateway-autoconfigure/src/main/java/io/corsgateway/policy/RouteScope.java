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
package io.corsgateway.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A compiled route as {@link ServiceScope#routes()} lists it: what selects it and its
 * policy. It is a read-only view for diagnostics.
 *
 * @param id the route id
 * @param paths the path patterns as configured
 * @param methods the methods the route matches as configured, or {@code null} when it
 * matches every method
 * @param policy the route's policy: the route's fields over the service's over the
 * defaults
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record RouteScope(String id, List<String> paths, @Nullable List<String> methods, CorsPolicy policy) {

	/**
	 * Create a view of a route.
	 */
	public RouteScope {
		paths = List.copyOf(paths);
		methods = (methods != null) ? List.copyOf(methods) : null;
	}

}
