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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Compiles the policy of one scope: checks each level's field values once (with the check
 * each {@link PolicyField} names), resolves every field, applies the credential checks,
 * and builds the {@link CorsPolicy} from shared {@link CompiledParts}.
 *
 * @author cors-gateway authors
 */
final class PolicyCompiler {

	private final PolicyErrors errors;

	private final CompiledParts parts = new CompiledParts();

	private final CredentialChecks credentialChecks;

	private final Map<PolicySpec<?>, Boolean> checkedLevels = new IdentityHashMap<>();

	PolicyCompiler(PolicyErrors errors) {
		this.errors = errors;
		this.credentialChecks = new CredentialChecks(this.parts, errors);
	}

	/**
	 * Compile the policy that the given levels resolve to.
	 * @param serviceId the service of the scope, or {@code null} for the defaults
	 * @param routeId the route of the scope, or {@code null} for a service or the
	 * defaults
	 * @param levels the levels, most specific first, ending with the defaults
	 * @return the compiled policy; when errors were recorded it may be incomplete
	 */
	CorsPolicy compile(@Nullable String serviceId, @Nullable String routeId, List<PolicySpec<?>> levels) {
		for (PolicySpec<?> level : levels) {
			if (this.checkedLevels.put(level, Boolean.TRUE) == null) {
				for (PolicyField<?> field : PolicyField.all()) {
					checkField(level, field);
				}
			}
		}
		ResolvedPolicy policy = ResolvedPolicy.resolve(levels);
		this.credentialChecks.check(policy);
		return newPolicy(serviceId, routeId, policy);
	}

	private <T> void checkField(PolicySpec<?> level, PolicyField<T> field) {
		T value = level.get(field);
		if (value != null) {
			field.check(level.getPropertyPrefix(), value, this.errors);
		}
	}

	/**
	 * The one place a {@link CorsPolicy} is created: from the resolved fields and the
	 * shared compiled parts they select.
	 */
	private CorsPolicy newPolicy(@Nullable String serviceId, @Nullable String routeId, ResolvedPolicy policy) {
		boolean allowCredentials = policy.isTrue(PolicyField.ALLOW_CREDENTIALS);
		OriginMatcher origins = this.parts.originMatcher(policy.value(PolicyField.ALLOWED_ORIGINS),
				policy.value(PolicyField.ALLOWED_ORIGIN_PATTERNS), allowCredentials);
		List<String> headers = policy.value(PolicyField.ALLOWED_HEADERS);
		// With credentials browsers read '*' literally (Fetch), so it means "any" only
		// without them.
		AllowedHeaders allowedHeaders = this.parts.allowedHeaders(headers, !allowCredentials && headers.contains("*"));
		return new CorsPolicy(serviceId, routeId, policy, origins,
				this.parts.methodSet(policy.value(PolicyField.ALLOWED_METHODS)), allowedHeaders);
	}

	static List<PolicySpec<?>> levels(@Nullable PolicySpec<?> route, @Nullable PolicySpec<?> service,
			PolicySpec<?> defaults) {
		List<PolicySpec<?>> levels = new ArrayList<>(3);
		if (route != null) {
			levels.add(route);
		}
		if (service != null) {
			levels.add(service);
		}
		levels.add(defaults);
		return Collections.unmodifiableList(levels);
	}

}
