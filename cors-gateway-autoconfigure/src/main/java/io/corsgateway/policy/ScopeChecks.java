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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.routing.HostMatcher;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * The checks of what selects a scope, apart from its policy fields: service and route ids
 * and their uniqueness for the binder, hosts, paths and route methods. Whether a scope
 * can ever be selected at all is {@link Reachability}'s job.
 *
 * @author cors-gateway authors
 */
final class ScopeChecks {

	private final PathPatternParser parser;

	private final PolicyErrors errors;

	ScopeChecks(PathPatternParser parser, PolicyErrors errors) {
		this.parser = parser;
		this.errors = errors;
	}

	void checkId(String property, String id) {
		if (!isValidId(id)) {
			this.errors.error(property, id, "An id may contain only letters, digits, '-' and '_'; it names the scope "
					+ "in logs and errors. Rename it, for example to 'orders'.");
		}
	}

	/**
	 * Whether the given text is a valid id of a service, route, origin set or
	 * application: letters, digits, {@code -} and {@code _}, at least one.
	 * @param id the id
	 * @return whether it is valid
	 */
	static boolean isValidId(String id) {
		return !id.isEmpty() && id.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	/**
	 * Report a service whose id the binder takes for the id of a service seen before.
	 * @param service the service
	 * @param seen the ids seen so far by binding key, updated
	 */
	void checkUniqueServiceId(ServiceSpec service, Map<BindingKey, String> seen) {
		BindingKey key = BindingKey.of(service.getId());
		String other = seen.putIfAbsent(key, service.getId());
		if (other != null) {
			this.errors.error(service.getPropertyPrefix(), service.getId(), "The service ids '" + other + "' and '"
					+ service.getId() + "' differ only in case or '-', which Spring Boot's relaxed binding takes for "
					+ "one name: an environment variable such as CORS_SERVICES_" + key.environmentForm()
					+ "_ALLOWEDORIGINS binds to the id '" + key.value() + "', a second service next to the declared "
					+ "one. Use one id of lower-case letters and digits, such as '" + key.value() + "', in every "
					+ "property source.");
		}
	}

	/**
	 * Report a route whose id the binder takes for the id of a route of the same service
	 * seen before.
	 * @param service the service of the route
	 * @param route the route
	 * @param seen the route ids of the service seen so far by binding key, updated
	 */
	void checkUniqueRouteId(ServiceSpec service, RouteSpec route, Map<BindingKey, String> seen) {
		BindingKey key = BindingKey.of(route.getId());
		String other = seen.putIfAbsent(key, route.getId());
		if (other != null) {
			this.errors.error(route.getPropertyPrefix(), route.getId(), "The route ids '" + other + "' and '"
					+ route.getId() + "' of service '" + service.getId() + "' differ only in case or '-', which "
					+ "Spring Boot's relaxed binding takes for one name: an environment variable such as CORS_SERVICES_"
					+ BindingKey.of(service.getId()).environmentForm() + "_ROUTES_" + key.environmentForm()
					+ "_METHODS binds to the route id '" + key.value() + "', a second route next to the declared one. "
					+ "Use one id of lower-case letters and digits, such as '" + key.value() + "', in every property "
					+ "source.");
		}
	}

	// Hosts are compared ignoring case, as requests are matched. A trailing dot names the
	// same host (the fully qualified form), so it is removed with a warning rather than
	// refused.
	List<String> validHosts(String prefix, List<String> hosts) {
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			String host = hosts.get(i);
			String property = prefix + ".hosts[" + i + "]";
			String withoutDot = (host != null && host.endsWith(".")) ? host.substring(0, host.length() - 1) : null;
			if (withoutDot != null && HostMatcher.isValidPattern(withoutDot)) {
				this.errors.warning(property, host, "The trailing dot was removed: '" + host + "' is the fully "
						+ "qualified form of '" + withoutDot + "', the same host. Write '" + withoutDot + "'.");
				valid.add(withoutDot);
			}
			else if (host == null || !HostMatcher.isValidPattern(host)) {
				this.errors.error(property, host, "A host must be a domain name such as api.example.com, or '*.' "
						+ "followed by one such as *.example.com; no scheme, port or path.");
			}
			else {
				valid.add(host);
			}
		}
		return valid;
	}

	/**
	 * Check a route's methods, which select the route: compared ignoring case, no
	 * {@code *}, and never empty.
	 * @param route the route
	 */
	void checkRouteMethods(RouteSpec route) {
		List<String> methods = route.getMethods();
		if (methods == null) {
			return;
		}
		String property = route.getPropertyPrefix() + ".methods";
		FieldChecks.routeMethods(property, methods, this.errors);
		if (methods.isEmpty()) {
			this.errors.error(property, methods, "An empty methods list matches no request, so this route can never "
					+ "be chosen. Remove methods to match every method, or list the methods the route is for, such "
					+ "as [POST].");
		}
	}

	List<IndexedPattern> parsePaths(String property, @Nullable List<String> paths) {
		if (paths == null || paths.isEmpty()) {
			this.errors.error(property, null, "At least one path pattern is required, such as /orders/**; without "
					+ "one this scope can never match a request.");
			return List.of();
		}
		List<IndexedPattern> parsed = new ArrayList<>(paths.size());
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			String name = property + "[" + i + "]";
			if (path == null || !path.startsWith("/")) {
				this.errors.error(name, path, "A path pattern must start with '/', such as /orders/**.");
				continue;
			}
			try {
				parsed.add(new IndexedPattern(name, this.parser.parse(path)));
			}
			catch (PatternParseException ex) {
				this.errors.error(name, path, "The path pattern does not parse: " + ex.getMessage()
						+ ". Use Spring PathPattern syntax, such as /orders/**, /orders/{id} or /files/{*path}.");
			}
		}
		return parsed;
	}

	/**
	 * A parsed path pattern with the property it was configured under.
	 *
	 * @param property the property path, with its list index
	 * @param pattern the parsed pattern
	 */
	record IndexedPattern(String property, PathPattern pattern) {

	}

}
