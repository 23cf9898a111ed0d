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

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A service: the path patterns and optional hosts it answers for, policy fields that
 * override the defaults, and routes that override the service.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class ServiceSpec extends PolicySpec<ServiceSpec> {

	private final String id;

	private List<String> paths = List.of();

	private List<String> hosts = List.of();

	private final Map<String, RouteSpec> routes = new LinkedHashMap<>();

	ServiceSpec(String id) {
		super(propertyPrefix(PolicyLevel.SERVICE, id, null), PolicyLevel.SERVICE);
		this.id = id;
	}

	public String getId() {
		return this.id;
	}

	/**
	 * Set the path patterns ({@code PathPattern} syntax) this service matches.
	 * @param paths the path patterns, at least one
	 * @return this spec
	 */
	public ServiceSpec paths(List<String> paths) {
		this.paths = List.copyOf(paths);
		return this;
	}

	/**
	 * Varargs form of {@link #paths(List)}.
	 * @param paths the path patterns
	 * @return this spec
	 */
	public ServiceSpec paths(String... paths) {
		return paths(Arrays.asList(paths));
	}

	/**
	 * Set the hosts this service matches, exact ({@code api.example.com}) or subdomain
	 * wildcards ({@code *.example.com}); empty matches every host.
	 * @param hosts the host patterns
	 * @return this spec
	 */
	public ServiceSpec hosts(List<String> hosts) {
		this.hosts = List.copyOf(hosts);
		return this;
	}

	/**
	 * Varargs form of {@link #hosts(List)}.
	 * @param hosts the host patterns
	 * @return this spec
	 */
	public ServiceSpec hosts(String... hosts) {
		return hosts(Arrays.asList(hosts));
	}

	/**
	 * Configure the route with the given id, creating it on first use.
	 * @param routeId the route id, used in logs and error messages
	 * @param customizer adjusts the route
	 * @return this spec
	 */
	public ServiceSpec route(String routeId, Consumer<RouteSpec> customizer) {
		customizer.accept(this.routes.computeIfAbsent(routeId, (id) -> new RouteSpec(this.id, id)));
		return this;
	}

	/**
	 * Remove the route with the given id, if present.
	 * @param routeId the route id
	 * @return this spec
	 */
	public ServiceSpec removeRoute(String routeId) {
		this.routes.remove(routeId);
		return this;
	}

	public List<String> getPaths() {
		return this.paths;
	}

	public List<String> getHosts() {
		return this.hosts;
	}

	/**
	 * The routes in declaration order.
	 * @return the routes
	 */
	public Collection<RouteSpec> getRoutes() {
		return Collections.unmodifiableCollection(this.routes.values());
	}

}
