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

/**
 * A compiled service as {@link CorsPolicies#getServices()} lists it: what selects it, its
 * own policy and its routes. It is a read-only view for diagnostics; requests are matched
 * by the compiled route index, not by these lists.
 *
 * @param id the service id
 * @param paths the path patterns as configured
 * @param hosts the hosts as configured, a trailing dot removed; empty when the service
 * matches every host
 * @param policy the service's own policy: the service's fields over the defaults
 * @param routes the service's routes in declaration order
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record ServiceScope(String id, List<String> paths, List<String> hosts, CorsPolicy policy,
		List<RouteScope> routes) {

	/**
	 * Create a view of a service.
	 */
	public ServiceScope {
		paths = List.copyOf(paths);
		hosts = List.copyOf(hosts);
		routes = List.copyOf(routes);
	}

}
