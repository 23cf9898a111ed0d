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
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A route inside a service: path patterns, optional methods, and policy fields that
 * override the service's.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class RouteSpec extends PolicySpec<RouteSpec> {

	private final String serviceId;

	private final String id;

	private List<String> paths = List.of();

	private @Nullable List<String> methods;

	RouteSpec(String serviceId, String id) {
		super(propertyPrefix(PolicyLevel.ROUTE, serviceId, id), PolicyLevel.ROUTE);
		this.serviceId = serviceId;
		this.id = id;
	}

	String getServiceId() {
		return this.serviceId;
	}

	public String getId() {
		return this.id;
	}

	/**
	 * Set the path patterns ({@code PathPattern} syntax) this route matches.
	 * @param paths the path patterns
	 * @return this spec
	 */
	public RouteSpec paths(List<String> paths) {
		this.paths = List.copyOf(paths);
		return this;
	}

	/**
	 * Varargs form of {@link #paths(List)}.
	 * @param paths the path patterns
	 * @return this spec
	 */
	public RouteSpec paths(String... paths) {
		return paths(Arrays.asList(paths));
	}

	/**
	 * Set the request methods this route matches, compared ignoring case with the request
	 * method or, for a preflight, with {@code Access-Control-Request-Method}; a
	 * {@code GET} route also matches {@code HEAD}. {@code null} matches every method.
	 * @param methods the methods, or {@code null} for all
	 * @return this spec
	 */
	public RouteSpec methods(@Nullable List<String> methods) {
		this.methods = (methods != null) ? List.copyOf(methods) : null;
		return this;
	}

	/**
	 * Varargs form of {@link #methods(List)}.
	 * @param methods the methods
	 * @return this spec
	 */
	public RouteSpec methods(String... methods) {
		return methods(Arrays.asList(methods));
	}

	public List<String> getPaths() {
		return this.paths;
	}

	public @Nullable List<String> getMethods() {
		return this.methods;
	}

}
