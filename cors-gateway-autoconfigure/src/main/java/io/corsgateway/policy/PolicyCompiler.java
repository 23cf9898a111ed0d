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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Compiles the policy of one scope: checks each level's field values once (with the check
 * each {@link PolicyField} names, and each origin set reference against the sets),
 * resolves every field, replaces origin set references by the sets' members, applies the
 * credential checks, adds the origins of the applications that apply to the scope, and
 * builds the {@link CorsPolicy} from shared {@link CompiledParts}.
 *
 * @author cors-gateway authors
 */
final class PolicyCompiler {

	private final PolicyErrors errors;

	private final OriginSets originSets;

	private final CompiledParts parts = new CompiledParts();

	private final CredentialChecks credentialChecks;

	private final Map<PolicySpec<?>, Boolean> checkedLevels = new IdentityHashMap<>();

	private final ResolvedPolicy.Resolver resolver = new ResolvedPolicy.Resolver();

	PolicyCompiler(PolicyErrors errors, OriginSets originSets) {
		this.errors = errors;
		this.originSets = originSets;
		this.credentialChecks = new CredentialChecks(this.parts, errors);
	}

	/**
	 * Compile the policy that the given levels resolve to.
	 * @param serviceId the service of the scope, or {@code null} for the defaults
	 * @param routeId the route of the scope, or {@code null} for a service or the
	 * defaults
	 * @param levels the levels, most specific first, ending with the defaults
	 * @param applications the applications that apply to the scope, already checked
	 * @return the compiled policy; when errors were recorded it may be incomplete
	 */
	CorsPolicy compile(@Nullable String serviceId, @Nullable String routeId, List<PolicySpec<?>> levels,
			List<AppliedApplication> applications) {
		for (PolicySpec<?> level : levels) {
			if (this.checkedLevels.put(level, Boolean.TRUE) == null) {
				for (PolicyField<?> field : PolicyField.all()) {
					checkField(level, field);
				}
				List<String> origins = level.get(PolicyField.ALLOWED_ORIGINS);
				if (origins != null) {
					this.originSets.checkReferences(
							level.getPropertyPrefix() + "." + PolicyField.ALLOWED_ORIGINS.getName(), origins,
							this.errors);
				}
			}
		}
		ResolvedPolicy policy = this.resolver.resolve(levels);
		ResolvedField<List<String>> configured = policy.get(PolicyField.ALLOWED_ORIGINS);
		List<OriginEntry> origins = this.originSets.expand(configured.source(),
				policy.value(PolicyField.ALLOWED_ORIGINS));
		this.credentialChecks.check(policy, origins);
		checkPrivateNetwork(policy);
		return newPolicy(serviceId, routeId, policy, allowedOrigins(policy, origins, applications), applications);
	}

	// The scope's own origins with sets expanded, then the applications' origins, each
	// once by its normalized form. Without sets and applications the configured list is
	// kept, so that policies inheriting one list still share it.
	private List<String> allowedOrigins(ResolvedPolicy policy, List<OriginEntry> origins,
			List<AppliedApplication> applications) {
		List<String> configured = policy.value(PolicyField.ALLOWED_ORIGINS);
		if (applications.isEmpty() && !OriginSets.hasReference(configured)) {
			return configured;
		}
		Map<String, String> union = new LinkedHashMap<>();
		origins.forEach((origin) -> add(union, origin));
		applications.forEach((application) -> application.origins().forEach((origin) -> add(union, origin)));
		return List.copyOf(union.values());
	}

	private void add(Map<String, String> union, OriginEntry origin) {
		OriginRule rule = this.parts.originRule(origin.value());
		union.putIfAbsent((rule != null) ? rule.normalized() : origin.value(), origin.value());
	}

	// Private Network Access asks the private server whether this public origin may call
	// it: '*' would answer yes for every site on the internet, and so would 'null', which
	// any site's sandboxed iframes send.
	private void checkPrivateNetwork(ResolvedPolicy policy) {
		if (!policy.isTrue(PolicyField.ALLOW_PRIVATE_NETWORK)) {
			return;
		}
		ResolvedField<List<String>> origins = policy.get(PolicyField.ALLOWED_ORIGINS);
		List<String> values = origins.value();
		if (values == null) {
			return;
		}
		String setBy = policy.get(PolicyField.ALLOW_PRIVATE_NETWORK).source();
		int index = values.indexOf("*");
		if (index >= 0) {
			this.errors.error(origins.source() + "[" + index + "]", "*",
					"A '*' origin cannot be combined with " + "allow-private-network: true (set by " + setBy
							+ "): any site on the internet could then reach "
							+ "this server on the user's private network. List the origins of the pages that need it.");
		}
		index = values.indexOf("null");
		if (index >= 0) {
			this.errors.error(origins.source() + "[" + index + "]", "null", "The 'null' origin cannot be combined "
					+ "with allow-private-network: true (set by " + setBy + "): any site can send it from a "
					+ "sandboxed iframe and could then reach this server on the user's private network. Remove "
					+ "'null' from this scope, or serve the page that needs private network access from an origin "
					+ "of its own and list that.");
		}
		checkPrivateNetworkPatterns(policy, setBy);
	}

	// A pattern such as https://.* is '*' written as a regular expression. With
	// credentials the credential checks already refuse such a pattern, so it is reported
	// once, there.
	private void checkPrivateNetworkPatterns(ResolvedPolicy policy, String setBy) {
		if (policy.isTrue(PolicyField.ALLOW_CREDENTIALS)) {
			return;
		}
		ResolvedField<List<String>> patterns = policy.get(PolicyField.ALLOWED_ORIGIN_PATTERNS);
		List<String> regexes = patterns.value();
		if (regexes == null) {
			return;
		}
		for (int i = 0; i < regexes.size(); i++) {
			String regex = regexes.get(i);
			if (!this.parts.isJudgeablePattern(regex)) {
				continue;
			}
			if (OriginPatternSafety.refusal(regex, true, setBy) != null) {
				this.errors.error(patterns.source() + "[" + i + "]", regex, "This pattern cannot be proven to match "
						+ "only origins of domains it names, so combined with allow-private-network: true (set by "
						+ setBy + ") it could let sites you do not know reach this server on the user's private "
						+ "network. Name the domains, such as https://[a-z0-9-]+\\.example\\.com, or list the "
						+ "origins in allowed-origins.");
			}
		}
	}

	private <T> void checkField(PolicySpec<?> level, PolicyField<T> field) {
		T value = level.get(field);
		if (value != null) {
			field.check(level.getPropertyPrefix(), value, this.errors);
		}
	}

	/**
	 * The one place a {@link CorsPolicy} is created: from the resolved fields, the
	 * allowed origins after origin sets and applications, and the shared compiled parts
	 * they select.
	 */
	private CorsPolicy newPolicy(@Nullable String serviceId, @Nullable String routeId, ResolvedPolicy policy,
			List<String> allowedOrigins, List<AppliedApplication> applications) {
		boolean allowCredentials = policy.isTrue(PolicyField.ALLOW_CREDENTIALS);
		OriginMatcher origins = this.parts.originMatcher(allowedOrigins,
				policy.value(PolicyField.ALLOWED_ORIGIN_PATTERNS), allowCredentials);
		CorsPolicy.PresetLists lists = CorsPolicy.PresetLists.of(policy);
		List<String> headers = lists.allowedHeaders();
		// With credentials browsers read a '*' header value literally (Fetch), but the
		// filter never sends one: it names the requested headers.
		AllowedHeaders allowedHeaders = this.parts.allowedHeaders(headers, headers.contains("*"));
		List<String> applicationIds = new ArrayList<>(applications.size());
		applications.forEach((application) -> applicationIds.add(application.application().id()));
		return new CorsPolicy(serviceId, routeId, policy, allowedOrigins, applicationIds, lists, origins,
				this.parts.methodSet(lists.methods()), allowedHeaders, this.parts::headerValues);
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
