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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.routing.HostMatcher;
import io.corsgateway.internal.routing.PathPatternIndex;

import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Compiles the specs a {@link CorsPoliciesBuilder} holds into immutable
 * {@link CorsPolicies}: the origin sets ({@link OriginSets}), the applications and the
 * scopes they apply to ({@link ApplicationBinder}), each scope's policy
 * ({@link PolicyCompiler}), the checks of what selects it ({@link ScopeChecks},
 * {@link Reachability}) and the route indexes. Every problem goes to one
 * {@link PolicyErrors}; when it holds an error at the end, one
 * {@link InvalidCorsPolicyException} reports them all.
 *
 * @author cors-gateway authors
 */
final class CorsPoliciesCompiler {

	private final PathPatternParser parser;

	private final PolicyErrors errors;

	private final ScopeChecks scopes;

	private final Reachability reachability;

	CorsPoliciesCompiler(PathPatternParser parser, PolicyErrors errors) {
		this.parser = parser;
		this.errors = errors;
		this.scopes = new ScopeChecks(parser, errors);
		this.reachability = new Reachability(new PathPatternRelations(parser), errors);
	}

	/**
	 * Check and compile the given specs.
	 * @param defaults the defaults
	 * @param services the services in declaration order
	 * @param originSets the origin sets by name, in declaration order
	 * @param applications the declared applications
	 * @param registeredApplications the applications of registries, each skipped with
	 * warnings when it is invalid
	 * @return the compiled policies
	 * @throws InvalidCorsPolicyException when the collector holds an error, found here or
	 * recorded before
	 */
	CorsPolicies compile(DefaultsSpec defaults, Collection<ServiceSpec> services, Map<String, List<String>> originSets,
			Collection<CorsApplication> applications, Collection<CorsApplication> registeredApplications) {
		OriginSets sets = OriginSets.compile(originSets, this.errors);
		PolicyCompiler policies = new PolicyCompiler(this.errors, sets);
		ApplicationBinder binder = new ApplicationBinder(sets, defaults, services, this.errors);
		binder.bind(applications, registeredApplications);
		CorsPolicy defaultsPolicy = policies.compile(null, null, PolicyCompiler.levels(null, null, defaults),
				List.of());
		// Every index of this build holds one String for equal literal segments, and the
		// id string where a segment equals a service's or route's id: with thousands of
		// services, each with its own "/<id>/**" path and an "items" route, the copies
		// add up.
		Map<String, String> segments = new HashMap<>();
		PathPatternIndex.Builder<CorsPolicies.Service> serviceIndex = PathPatternIndex.builder(this.parser, segments);
		List<Reachability.Claim> serviceClaims = new ArrayList<>();
		List<ServiceScope> scopes = new ArrayList<>();
		Map<BindingKey, String> serviceIds = new HashMap<>();
		for (ServiceSpec service : services) {
			this.scopes.checkId(service.getPropertyPrefix(), service.getId());
			this.scopes.checkUniqueServiceId(service, serviceIds);
			CorsPolicy servicePolicy = policies.compile(service.getId(), null,
					PolicyCompiler.levels(null, service, defaults), binder.of(service.getId(), null));
			List<String> hosts = this.scopes.validHosts(service.getPropertyPrefix(), service.getHosts());
			List<ScopeChecks.IndexedPattern> paths = this.scopes.parsePaths(service.getPropertyPrefix() + ".paths",
					service.getPaths());
			List<RouteScope> routeScopes = new ArrayList<>();
			segments.putIfAbsent(service.getId(), service.getId());
			CorsPolicies.Service compiled = new CorsPolicies.Service(service.getId(), HostMatcher.of(hosts),
					servicePolicy, compileRoutes(service, defaults, paths, routeScopes, policies, binder, segments));
			scopes.add(new ServiceScope(service.getId(), service.getPaths(), hosts, servicePolicy, routeScopes));
			int priority = service.getHosts().isEmpty() ? 1 : 0;
			for (ScopeChecks.IndexedPattern path : paths) {
				serviceIndex.add(path.pattern(), compiled, priority);
				serviceClaims.add(new Reachability.Claim(service.getId(), path.property(), path.pattern(), priority,
						hosts.isEmpty() ? null : lowerCase(hosts)));
			}
		}
		this.reachability.reportShadowedServices(serviceClaims);
		sets.reportUnreferenced(this.errors);
		if (this.errors.hasErrors()) {
			throw new InvalidCorsPolicyException(this.errors.errors());
		}
		return new CorsPolicies(defaultsPolicy, serviceIndex.build(), scopes, sets.configured(), binder.applied(),
				this.errors.warnings());
	}

	private PathPatternIndex<CorsPolicies.Route> compileRoutes(ServiceSpec service, DefaultsSpec defaults,
			List<ScopeChecks.IndexedPattern> servicePaths, List<RouteScope> scopes, PolicyCompiler policies,
			ApplicationBinder applications, Map<String, String> segments) {
		// A route outside its service can only be told when every service path parsed.
		boolean allPathsParsed = !servicePaths.isEmpty() && servicePaths.size() == service.getPaths().size();
		PathPatternIndex.Builder<CorsPolicies.Route> routeIndex = PathPatternIndex.builder(this.parser, segments);
		List<Reachability.Claim> routeClaims = new ArrayList<>();
		Map<BindingKey, String> routeIds = new HashMap<>();
		for (RouteSpec route : service.getRoutes()) {
			this.scopes.checkId(route.getPropertyPrefix(), route.getId());
			this.scopes.checkUniqueRouteId(service, route, routeIds);
			this.scopes.checkRouteMethods(route);
			segments.putIfAbsent(route.getId(), route.getId());
			List<String> methods = route.getMethods();
			CorsPolicy routePolicy = policies.compile(service.getId(), route.getId(),
					PolicyCompiler.levels(route, service, defaults), applications.of(service.getId(), route.getId()));
			CorsPolicies.Route compiled = new CorsPolicies.Route(route.getId(),
					(methods != null) ? Set.copyOf(methods) : null, routePolicy);
			scopes.add(new RouteScope(route.getId(), route.getPaths(), methods, routePolicy));
			int priority = (methods != null) ? 0 : 1;
			for (ScopeChecks.IndexedPattern path : this.scopes.parsePaths(route.getPropertyPrefix() + ".paths",
					route.getPaths())) {
				routeIndex.add(path.pattern(), compiled, priority);
				if (methods == null || !methods.isEmpty()) {
					routeClaims.add(new Reachability.Claim(route.getId(), path.property(), path.pattern(), priority,
							compiled.methods()));
				}
				if (allPathsParsed) {
					this.reachability.checkRouteWithinService(path, service.getId(), servicePaths);
				}
			}
		}
		this.reachability.reportShadowedRoutes(service.getId(), routeClaims);
		return routeIndex.build();
	}

	private static Set<String> lowerCase(List<String> hosts) {
		Set<String> lower = new HashSet<>();
		for (String host : hosts) {
			lower.add(Ascii.toLowerCase(host));
		}
		return lower;
	}

}
