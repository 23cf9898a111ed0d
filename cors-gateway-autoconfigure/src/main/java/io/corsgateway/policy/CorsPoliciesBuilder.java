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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.corsgateway.routing.HostMatcher;
import io.corsgateway.routing.PathPatternIndex;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Fluent builder of {@link CorsPolicies}, used by the properties mapper and by Java
 * configuration alike, so that both go through the same validation. {@link #build()}
 * reports every error at once.
 *
 * <pre class="code">
 * CorsPolicies policies = CorsPolicies.builder()
 *     .defaults((defaults) -&gt; defaults.allowedMethods("GET", "POST"))
 *     .service("orders", (orders) -&gt; orders.paths("/orders/**")
 *         .allowedOrigins("https://shop.example.com")
 *         .allowCredentials(true)
 *         .route("refunds", (refunds) -&gt; refunds.paths("/orders/{id}/refunds").methods("POST")))
 *     .build();
 * </pre>
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPoliciesBuilder {

	private final DefaultsSpec defaults = new DefaultsSpec();

	private final Map<String, ServiceSpec> services = new LinkedHashMap<>();

	private PathPatternParser pathPatternParser = PathPatternParser.defaultInstance;

	CorsPoliciesBuilder() {
	}

	/**
	 * Adjust the defaults inherited by every service and route.
	 * @param customizer adjusts the defaults
	 * @return this builder
	 */
	public CorsPoliciesBuilder defaults(Consumer<DefaultsSpec> customizer) {
		customizer.accept(this.defaults);
		return this;
	}

	/**
	 * Configure the service with the given id, creating it on first use; services are
	 * matched in the order they were first declared when their paths are equally
	 * specific.
	 * @param serviceId the service id, used in logs and error messages
	 * @param customizer adjusts the service
	 * @return this builder
	 */
	public CorsPoliciesBuilder service(String serviceId, Consumer<ServiceSpec> customizer) {
		customizer.accept(this.services.computeIfAbsent(serviceId, ServiceSpec::new));
		return this;
	}

	/**
	 * Remove the service with the given id, if present.
	 * @param serviceId the service id
	 * @return this builder
	 */
	public CorsPoliciesBuilder removeService(String serviceId) {
		this.services.remove(serviceId);
		return this;
	}

	/**
	 * Use another parser for {@code paths}, for example one configured for
	 * case-insensitive matching.
	 * @param parser the parser
	 * @return this builder
	 */
	public CorsPoliciesBuilder pathPatternParser(PathPatternParser parser) {
		this.pathPatternParser = parser;
		return this;
	}

	public DefaultsSpec getDefaults() {
		return this.defaults;
	}

	/**
	 * The services in declaration order.
	 * @return the services
	 */
	public Collection<ServiceSpec> getServices() {
		return Collections.unmodifiableCollection(this.services.values());
	}

	/**
	 * Validate and compile the policies.
	 * @return the immutable compiled policies
	 * @throws InvalidCorsPolicyException listing every error when the configuration is
	 * invalid
	 */
	public CorsPolicies build() {
		PolicyErrors compiler = new PolicyErrors();
		PolicyCompiler policyCompiler = new PolicyCompiler(compiler);
		PathPatternRelations relations = new PathPatternRelations(this.pathPatternParser);
		CorsPolicy defaultsPolicy = policyCompiler.compile(null, null,
				PolicyCompiler.levels(null, null, this.defaults));
		PathPatternIndex.Builder<CorsPolicies.Service> serviceIndex = PathPatternIndex.builder(this.pathPatternParser);
		List<Claim> serviceClaims = new ArrayList<>();
		Map<String, String> serviceIds = new HashMap<>();
		for (ServiceSpec service : this.services.values()) {
			String prefix = service.getPropertyPrefix();
			checkId(compiler, prefix, service.getId());
			checkUniqueServiceId(compiler, service, serviceIds);
			CorsPolicy servicePolicy = policyCompiler.compile(service.getId(), null,
					PolicyCompiler.levels(null, service, this.defaults));
			List<String> hosts = validHosts(compiler, prefix, service.getHosts());
			List<IndexedPattern> servicePaths = parsePaths(compiler, prefix + ".paths", service.getPaths());
			boolean allPathsParsed = !servicePaths.isEmpty() && servicePaths.size() == service.getPaths().size();
			PathPatternIndex.Builder<CorsPolicies.Route> routeIndex = PathPatternIndex.builder(this.pathPatternParser);
			List<Claim> routeClaims = new ArrayList<>();
			Map<String, String> routeIds = new HashMap<>();
			for (RouteSpec route : service.getRoutes()) {
				String routePrefix = route.getPropertyPrefix();
				checkId(compiler, routePrefix, route.getId());
				checkUniqueRouteId(compiler, service, route, routeIds);
				List<String> methods = route.getMethods();
				if (methods != null) {
					FieldChecks.routeMethods(routePrefix + ".methods", methods, compiler);
				}
				if (methods != null && methods.isEmpty()) {
					compiler.error(routePrefix + ".methods", methods, "An empty methods list matches no request, so "
							+ "this route can never be chosen. Remove methods to match every method, or list the "
							+ "methods the route is for, such as [POST].");
				}
				CorsPolicy routePolicy = policyCompiler.compile(service.getId(), route.getId(),
						PolicyCompiler.levels(route, service, this.defaults));
				CorsPolicies.Route compiled = new CorsPolicies.Route(route.getId(),
						(methods != null) ? Set.copyOf(methods) : null, routePolicy);
				int priority = (methods != null) ? 0 : 1;
				for (IndexedPattern path : parsePaths(compiler, routePrefix + ".paths", route.getPaths())) {
					routeIndex.add(path.pattern(), compiled, priority);
					if (methods == null || !methods.isEmpty()) {
						routeClaims.add(new Claim(route.getId(), path.property(), path.pattern(), priority,
								compiled.methods()));
					}
					if (allPathsParsed) {
						checkRouteWithinService(compiler, relations, path, service.getId(), servicePaths);
					}
				}
			}
			reportShadowed(compiler, relations, routeClaims, CorsPoliciesBuilder::methodsCover,
					(winner) -> "Route '" + winner.owner() + "' of service '" + service.getId() + "'", "route",
					"method", "Merge the two routes, or give them different methods.");
			CorsPolicies.Service compiled = new CorsPolicies.Service(service.getId(), HostMatcher.of(hosts),
					servicePolicy, routeIndex.build());
			int priority = service.getHosts().isEmpty() ? 1 : 0;
			for (IndexedPattern path : servicePaths) {
				serviceIndex.add(path.pattern(), compiled, priority);
				serviceClaims.add(new Claim(service.getId(), path.property(), path.pattern(), priority,
						hosts.isEmpty() ? null : lowerCase(hosts)));
			}
		}
		reportShadowed(compiler, relations, serviceClaims, CorsPoliciesBuilder::hostsCover,
				(winner) -> "Service '" + winner.owner() + "'", "service", "host",
				"Merge the services, or tell them apart with hosts.");
		List<PolicyError> errors = compiler.errors();
		if (!errors.isEmpty()) {
			throw new InvalidCorsPolicyException(errors);
		}
		CorsPolicy fallback = (defaultsPolicy.isEnabled() && defaultsPolicy.allowsSomeOrigin()) ? defaultsPolicy : null;
		return new CorsPolicies(fallback, serviceIndex.build(), compiler.warnings());
	}

	// Hosts are compared ignoring case, as requests are matched. A trailing dot names the
	// same host (the fully qualified form), so it is removed with a warning rather than
	// refused.
	private static List<String> validHosts(PolicyErrors compiler, String prefix, List<String> hosts) {
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			String host = hosts.get(i);
			String property = prefix + ".hosts[" + i + "]";
			String withoutDot = (host != null && host.endsWith(".")) ? host.substring(0, host.length() - 1) : null;
			if (withoutDot != null && HostMatcher.isValidPattern(withoutDot)) {
				compiler.warning(property, host, "The trailing dot was removed: '" + host + "' is the fully "
						+ "qualified form of '" + withoutDot + "', the same host. Write '" + withoutDot + "'.");
				valid.add(withoutDot);
			}
			else if (host == null || !HostMatcher.isValidPattern(host)) {
				compiler.error(property, host, "A host must be a domain name such as api.example.com, or '*.' "
						+ "followed by one such as *.example.com; no scheme, port or path.");
			}
			else {
				valid.add(host);
			}
		}
		return valid;
	}

	private static void checkId(PolicyErrors compiler, String property, String id) {
		if (id.isEmpty() || !id.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
			compiler.error(property, id, "An id may contain only letters, digits, '-' and '_'; it names the scope in "
					+ "logs and errors. Rename it, for example to 'orders'.");
		}
	}

	// Spring Boot's relaxed binding takes ids that differ only in case or '-' for one
	// name, and an environment variable can only spell the lower-case id without '-':
	// CORS_SERVICES_ORDERAPI_ALLOWEDORIGINS adds a service 'orderapi' next to a declared
	// 'orderApi', which then shadows it.
	private static String bindingKey(String id) {
		return id.toLowerCase(Locale.ROOT).replace("-", "");
	}

	private static void checkUniqueServiceId(PolicyErrors compiler, ServiceSpec service, Map<String, String> seen) {
		String key = bindingKey(service.getId());
		String other = seen.putIfAbsent(key, service.getId());
		if (other != null) {
			compiler.error(service.getPropertyPrefix(), service.getId(), "The service ids '" + other + "' and '"
					+ service.getId() + "' differ only in case or '-', which Spring Boot's relaxed binding takes for "
					+ "one name: an environment variable such as CORS_SERVICES_" + key.toUpperCase(Locale.ROOT)
					+ "_ALLOWEDORIGINS binds to the id '" + key + "', a second service next to the declared one. "
					+ "Use one id of lower-case letters and digits, such as '" + key + "', in every property source.");
		}
	}

	private static void checkUniqueRouteId(PolicyErrors compiler, ServiceSpec service, RouteSpec route,
			Map<String, String> seen) {
		String key = bindingKey(route.getId());
		String other = seen.putIfAbsent(key, route.getId());
		if (other != null) {
			compiler.error(route.getPropertyPrefix(), route.getId(), "The route ids '" + other + "' and '"
					+ route.getId() + "' of service '" + service.getId() + "' differ only in case or '-', which "
					+ "Spring Boot's relaxed binding takes for one name: an environment variable such as CORS_SERVICES_"
					+ bindingKey(service.getId()).toUpperCase(Locale.ROOT) + "_ROUTES_" + key.toUpperCase(Locale.ROOT)
					+ "_METHODS binds to the route id '" + key + "', a second route next to the declared one. Use one "
					+ "id of lower-case letters and digits, such as '" + key + "', in every property source.");
		}
	}

	/**
	 * Report each path pattern that can never select its owner: another owner has a
	 * pattern matching the same paths (equal up to variable names and the spelling of
	 * {@code **}), is ranked before it by the index (specificity, then priority, then
	 * declaration order), and covers every host (for services) or method (for routes)
	 * that it names.
	 */
	private static void reportShadowed(PolicyErrors compiler, PathPatternRelations relations, List<Claim> claims,
			BiPredicate<@Nullable Set<String>, @Nullable Set<String>> covers, Function<Claim, String> ownerName,
			String kind, String scope, String fix) {
		Map<String, List<Claim>> groups = new LinkedHashMap<>();
		for (Claim claim : claims) {
			groups.computeIfAbsent(relations.canonical(claim.pattern().getPatternString()), (key) -> new ArrayList<>())
				.add(claim);
		}
		Set<Claim> reported = new HashSet<>();
		for (List<Claim> group : groups.values()) {
			for (int later = 1; later < group.size(); later++) {
				for (int earlier = 0; earlier < later; earlier++) {
					Claim first = group.get(earlier);
					Claim second = group.get(later);
					// Ids equal for the binder are reported once, as ids.
					if (bindingKey(first.owner()).equals(bindingKey(second.owner()))) {
						continue;
					}
					int rank = PathPattern.SPECIFICITY_COMPARATOR.compare(first.pattern(), second.pattern());
					rank = (rank != 0) ? rank : Integer.compare(first.priority(), second.priority());
					Claim winner = (rank <= 0) ? first : second;
					Claim loser = (rank <= 0) ? second : first;
					if (!reported.contains(loser) && covers.test(winner.scope(), loser.scope())) {
						reported.add(loser);
						String winnerPattern = winner.pattern().getPatternString();
						String same = winnerPattern.equals(loser.pattern().getPatternString()) ? "this path pattern"
								: "the path pattern '" + winnerPattern + "', which matches the same paths,";
						compiler.error(loser.property(), loser.pattern().getPatternString(),
								ownerName.apply(winner) + " already has " + same + " for every " + scope + " of this "
										+ kind + ", and is chosen first, so this pattern can never select this " + kind
										+ ". " + fix);
					}
				}
			}
		}
	}

	// Whether every request the loser's hosts match goes to the winner, with the matching
	// rule requests get: '*.example.com' covers 'a.example.com' and '*.a.example.com',
	// not 'example.com'.
	private static boolean hostsCover(@Nullable Set<String> winner, @Nullable Set<String> loser) {
		if (winner == null) {
			return true;
		}
		HostMatcher matcher = HostMatcher.of(List.copyOf(winner));
		return loser != null && loser.stream().allMatch(matcher::matches);
	}

	// Whether every request the loser's methods match goes to the winner, with the
	// matching rule requests get (ignoring case, GET also taking HEAD).
	private static boolean methodsCover(@Nullable Set<String> winner, @Nullable Set<String> loser) {
		return winner == null || (loser != null
				&& loser.stream().allMatch((method) -> CorsPolicies.Route.matchesMethod(winner, method)));
	}

	/**
	 * A route is only looked at for requests that selected its service, so a route
	 * pattern that shares no path with any of the service's patterns never applies. This
	 * is an error only when {@link PathPatternRelations#overlap} proves that no path
	 * matches both; when it cannot tell, a warning asks to check.
	 */
	private static void checkRouteWithinService(PolicyErrors compiler, PathPatternRelations relations,
			IndexedPattern route, String serviceId, List<IndexedPattern> servicePaths) {
		boolean undecided = false;
		for (IndexedPattern servicePath : servicePaths) {
			PathPatternRelations.Overlap overlap = relations.overlap(route.pattern().getPatternString(),
					servicePath.pattern().getPatternString());
			if (overlap == PathPatternRelations.Overlap.SOME) {
				return;
			}
			undecided |= overlap == PathPatternRelations.Overlap.UNKNOWN;
		}
		List<String> patterns = servicePaths.stream().map((path) -> path.pattern().getPatternString()).toList();
		if (undecided) {
			compiler.warning(route.property(), route.pattern().getPatternString(), "cors-gateway cannot tell whether "
					+ "this route pattern matches any path that the paths of service '" + serviceId + "' " + patterns
					+ " match. A route is only looked at for requests that selected its service, so if none does, "
					+ "the route never applies. Check that some path matches both.");
		}
		else {
			compiler.error(route.property(), route.pattern().getPatternString(), "This route pattern matches no path "
					+ "that the paths of service '" + serviceId + "' " + patterns + " match. A route is only looked "
					+ "at for requests that selected its service, so this route can never apply. Use a pattern within "
					+ "the service's paths, or move the route to the service whose paths it matches.");
		}
	}

	private static Set<String> lowerCase(List<String> hosts) {
		Set<String> lower = new HashSet<>();
		for (String host : hosts) {
			lower.add(host.toLowerCase(Locale.ROOT));
		}
		return lower;
	}

	private List<IndexedPattern> parsePaths(PolicyErrors compiler, String property, @Nullable List<String> paths) {
		if (paths == null || paths.isEmpty()) {
			compiler.error(property, null, "At least one path pattern is required, such as /orders/**; without one "
					+ "this scope can never match a request.");
			return List.of();
		}
		List<IndexedPattern> parsed = new ArrayList<>(paths.size());
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			String name = property + "[" + i + "]";
			if (path == null || !path.startsWith("/")) {
				compiler.error(name, path, "A path pattern must start with '/', such as /orders/**.");
				continue;
			}
			try {
				parsed.add(new IndexedPattern(name, this.pathPatternParser.parse(path)));
			}
			catch (PatternParseException ex) {
				compiler.error(name, path, "The path pattern does not parse: " + ex.getMessage()
						+ ". Use Spring PathPattern syntax, such as /orders/**, /orders/{id} or /files/{*path}.");
			}
		}
		return parsed;
	}

	private record IndexedPattern(String property, PathPattern pattern) {

	}

	/**
	 * One path pattern of a service or a route, with what else selects it: the lower-case
	 * hosts of a service or the upper-case methods of a route, {@code null} for all.
	 */
	private record Claim(String owner, String property, PathPattern pattern, int priority,
			@Nullable Set<String> scope) {

	}

}
