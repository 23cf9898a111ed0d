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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.routing.HostMatcher;

import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds configuration that can never apply: a service or route pattern that another one
 * always wins over, and a route pattern outside its service's paths.
 *
 * @author cors-gateway authors
 */
final class Reachability {

	private final PathPatternRelations relations;

	private final PolicyErrors errors;

	Reachability(PathPatternRelations relations, PolicyErrors errors) {
		this.relations = relations;
		this.errors = errors;
	}

	void reportShadowedServices(List<Claim> claims) {
		reportShadowed(claims, Reachability::hostsCover, (winner) -> "Service '" + winner.owner() + "'", "service",
				"host", "Merge the services, or tell them apart with hosts.");
	}

	void reportShadowedRoutes(String serviceId, List<Claim> claims) {
		reportShadowed(claims, Reachability::methodsCover,
				(winner) -> "Route '" + winner.owner() + "' of service '" + serviceId + "'", "route", "method",
				"Merge the two routes, or give them different methods.");
	}

	/**
	 * Report each path pattern that can never select its owner: another owner has a
	 * pattern matching the same paths (equal up to variable names and the spelling of
	 * {@code **}), is ranked before it by the index (specificity, then priority, then
	 * declaration order), and covers every host (for services) or method (for routes)
	 * that it names.
	 */
	private void reportShadowed(List<Claim> claims, BiPredicate<@Nullable Set<String>, @Nullable Set<String>> covers,
			Function<Claim, String> ownerName, String kind, String scope, String fix) {
		Map<PathKey, List<Claim>> groups = new LinkedHashMap<>();
		for (Claim claim : claims) {
			groups.computeIfAbsent(PathKey.of(this.relations, claim.pattern()), (key) -> new ArrayList<>()).add(claim);
		}
		Set<Claim> reported = new HashSet<>();
		for (List<Claim> group : groups.values()) {
			for (int later = 1; later < group.size(); later++) {
				for (int earlier = 0; earlier < later; earlier++) {
					Claim first = group.get(earlier);
					Claim second = group.get(later);
					// Ids equal for the binder are reported once, as ids.
					if (BindingKey.of(first.owner()).equals(BindingKey.of(second.owner()))) {
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
						this.errors.error(loser.property(), loser.pattern().getPatternString(),
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
	void checkRouteWithinService(ScopeChecks.IndexedPattern route, String serviceId,
			List<ScopeChecks.IndexedPattern> servicePaths) {
		boolean undecided = false;
		for (ScopeChecks.IndexedPattern servicePath : servicePaths) {
			PathPatternRelations.Overlap overlap = this.relations.overlap(route.pattern().getPatternString(),
					servicePath.pattern().getPatternString());
			if (overlap == PathPatternRelations.Overlap.SOME) {
				return;
			}
			undecided |= overlap == PathPatternRelations.Overlap.UNKNOWN;
		}
		List<String> patterns = servicePaths.stream().map((path) -> path.pattern().getPatternString()).toList();
		if (undecided) {
			this.errors.warning(route.property(), route.pattern().getPatternString(), "cors-gateway cannot tell "
					+ "whether this route pattern matches any path that the paths of service '" + serviceId + "' "
					+ patterns + " match. A route is only looked at for requests that selected its service, so if "
					+ "none does, the route never applies. Check that some path matches both.");
		}
		else {
			this.errors.error(route.property(), route.pattern().getPatternString(), "This route pattern matches no "
					+ "path that the paths of service '" + serviceId + "' " + patterns + " match. A route is only "
					+ "looked at for requests that selected its service, so this route can never apply. Use a pattern "
					+ "within the service's paths, or move the route to the service whose paths it matches.");
		}
	}

	/**
	 * One path pattern of a service or a route, with what else selects it: the lower-case
	 * hosts of a service or the upper-case methods of a route, {@code null} for all.
	 *
	 * @param owner the id of the service or route
	 * @param property the property path of the pattern
	 * @param pattern the pattern
	 * @param priority the index priority, lower first
	 * @param scope the hosts or methods, or {@code null} for all
	 */
	record Claim(String owner, String property, PathPattern pattern, int priority, @Nullable Set<String> scope) {

	}

	/**
	 * The canonical form of a path pattern: patterns with equal keys match the same
	 * paths.
	 */
	private record PathKey(String canonical) {

		static PathKey of(PathPatternRelations relations, PathPattern pattern) {
			return new PathKey(relations.canonical(pattern.getPatternString()));
		}

	}

}
