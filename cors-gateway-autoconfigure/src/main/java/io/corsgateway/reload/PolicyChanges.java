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
package io.corsgateway.reload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.RouteScope;
import io.corsgateway.policy.ServiceScope;

/**
 * Which policies differ between two compiled {@link CorsPolicies}: each scope (the
 * defaults, every service and every route) is described by what decides requests (its
 * paths, hosts and methods, every resolved field with the level and property that set it,
 * and the origins it allows), and two scopes of the same name differ when their
 * descriptions do. Only used to tell operators what a reload changed; the reload swaps
 * the new policies in whatever this finds.
 *
 * @param added the scopes only the new policies have
 * @param removed the scopes only the old policies had
 * @param changed the scopes both have, described differently
 * @author cors-gateway authors
 */
record PolicyChanges(List<String> added, List<String> removed, List<String> changed) {

	static PolicyChanges between(CorsPolicies before, CorsPolicies after) {
		Map<String, List<Object>> old = describe(before);
		Map<String, List<Object>> now = describe(after);
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		now.forEach((scope, description) -> {
			List<Object> previous = old.get(scope);
			if (previous == null) {
				added.add(scope);
			}
			else if (!previous.equals(description)) {
				changed.add(scope);
			}
		});
		List<String> removed = new ArrayList<>(old.keySet());
		removed.removeAll(now.keySet());
		return new PolicyChanges(added, removed, changed);
	}

	boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	/**
	 * Every scope, added, removed or changed, in that order.
	 */
	List<String> all() {
		List<String> all = new ArrayList<>(this.added);
		all.addAll(this.removed);
		all.addAll(this.changed);
		return all;
	}

	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		if (!this.changed.isEmpty()) {
			parts.add("changed " + String.join(", ", this.changed));
		}
		if (!this.added.isEmpty()) {
			parts.add("added " + String.join(", ", this.added));
		}
		if (!this.removed.isEmpty()) {
			parts.add("removed " + String.join(", ", this.removed));
		}
		return parts.isEmpty() ? "no scope changed" : String.join("; ", parts);
	}

	// Scopes are named by their property prefix, so that the defaults and a service
	// named "defaults" are told apart.
	private static Map<String, List<Object>> describe(CorsPolicies policies) {
		Map<String, List<Object>> scopes = new LinkedHashMap<>();
		List<Object> defaults = describe(policies.getDefaults());
		defaults.add(policies.isDefaultsFallback());
		scopes.put("cors.defaults", defaults);
		for (ServiceScope service : policies.getServices()) {
			String prefix = "cors.services." + service.id();
			List<Object> description = describe(service.policy());
			description.add(service.paths());
			description.add(service.hosts());
			scopes.put(prefix, description);
			for (RouteScope route : service.routes()) {
				List<Object> routeDescription = describe(route.policy());
				routeDescription.add(route.paths());
				routeDescription.add(String.valueOf(route.methods()));
				scopes.put(prefix + ".routes." + route.id(), routeDescription);
			}
		}
		return scopes;
	}

	// The resolved fields say what was configured and where; the origin lists say what
	// is allowed after any expansion the compiler does.
	private static List<Object> describe(CorsPolicy policy) {
		List<Object> description = new ArrayList<>(policy.getResolvedFields());
		description.add(policy.getAllowedOrigins());
		description.add(policy.getAllowedOriginPatterns());
		return description;
	}

}
