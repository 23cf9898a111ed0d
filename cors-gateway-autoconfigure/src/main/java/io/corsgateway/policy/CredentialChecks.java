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
 * The checks of a resolved policy that allows credentials: they combine fields, possibly
 * set at different levels, so each error names the value and the property that set
 * {@code allow-credentials}.
 *
 * @author cors-gateway authors
 */
final class CredentialChecks {

	private final CompiledParts parts;

	private final PolicyErrors errors;

	CredentialChecks(CompiledParts parts, PolicyErrors errors) {
		this.parts = parts;
		this.errors = errors;
	}

	/**
	 * Check a resolved policy.
	 * @param policy the policy
	 * @param origins the policy's own allowed origins with origin sets replaced by their
	 * members, so that a set's member is checked in every scope that references the set
	 */
	void check(ResolvedPolicy policy, List<OriginEntry> origins) {
		ResolvedField<Boolean> credentials = policy.get(PolicyField.ALLOW_CREDENTIALS);
		if (!policy.isTrue(PolicyField.ALLOW_CREDENTIALS)) {
			return;
		}
		ResolvedField<List<String>> configured = policy.get(PolicyField.ALLOWED_ORIGINS);
		// A '*' in allowed-methods or allowed-headers is answered by naming what the
		// preflight asked for, which credentialed responses may do. A '*' origin or
		// exposed header cannot be answered that way: echoing any origin would hand every
		// site the user's data, and the exposed headers are sent before any is known.
		checkNoWildcard(configured, credentials);
		checkNoWildcard(policy.get(PolicyField.EXPOSED_HEADERS), credentials);
		checkNoNullOrigin(configured, credentials);
		boolean insecureAllowed = policy.isTrue(PolicyField.ALLOW_INSECURE_ORIGINS);
		if (!insecureAllowed) {
			checkSecureOrigins(origins, credentials);
		}
		checkCredentialedPatterns(policy.get(PolicyField.ALLOWED_ORIGIN_PATTERNS), credentials, insecureAllowed);
	}

	private void checkNoWildcard(ResolvedField<List<String>> field, ResolvedField<Boolean> credentials) {
		int index = values(field).indexOf("*");
		if (index < 0) {
			return;
		}
		if (field.field() == PolicyField.ALLOWED_ORIGINS) {
			this.errors.error(field.source() + "[" + index + "]", "*", "A '*' origin cannot be combined with "
					+ "allow-credentials: true (set by " + credentials.source() + "): every site could then read "
					+ "responses made with the user's cookies, and browsers refuse a literal '*' in a credentialed "
					+ "response anyway. List the origins, or use allowed-origin-patterns.");
		}
		else {
			this.errors.error(field.source() + "[" + index + "]", "*",
					"A '*' exposed header cannot be combined " + "with allow-credentials: true (set by "
							+ credentials.source() + "): browsers read it in a "
							+ "credentialed response as a header named '*', so scripts could read none of the headers "
							+ "meant. List the header names scripts need, such as X-Request-Id.");
		}
	}

	// With credentials a pattern must be proven, from its structure, to match only https
	// (or loopback http) origins of domains it names. A pattern already refused for its
	// syntax gets no second error.
	private void checkCredentialedPatterns(ResolvedField<List<String>> patterns, ResolvedField<Boolean> credentials,
			boolean insecureAllowed) {
		List<String> regexes = values(patterns);
		for (int i = 0; i < regexes.size(); i++) {
			String regex = regexes.get(i);
			if (!this.parts.isJudgeablePattern(regex)) {
				continue;
			}
			String refusal = OriginPatternSafety.refusal(regex, insecureAllowed, credentials.source());
			if (refusal != null) {
				this.errors.error(patterns.source() + "[" + i + "]", regex, refusal);
			}
		}
	}

	// An origin set cannot hold '*' or 'null', so only this rule needs its members.
	private void checkSecureOrigins(List<OriginEntry> origins, ResolvedField<Boolean> credentials) {
		for (OriginEntry origin : origins) {
			OriginRule rule = this.parts.originRule(origin.value());
			if (rule == null || !rule.isInsecure()) {
				continue;
			}
			if (origin.reference() == null) {
				this.errors.error(origin.property(), origin.value(),
						"A plain http:// origin cannot be combined with allow-credentials: true (set by "
								+ credentials.source() + "): anyone on the network path can read and alter the "
								+ "page that sends credentialed requests. Use https://, or set "
								+ "allow-insecure-origins: true on this scope if you accept that risk.");
			}
			else {
				this.errors.error(origin.property(), origin.value(),
						"A plain http:// origin cannot be combined with allow-credentials: true (set by "
								+ credentials.source() + "), and " + origin.reference() + " brings this origin set "
								+ "into a scope with credentials: anyone on the network path can read and alter the "
								+ "page that sends credentialed requests. Use https:// in the set, reference a set "
								+ "without http:// origins there, or set allow-insecure-origins: true on that scope "
								+ "if you accept that risk.");
			}
		}
	}

	private void checkNoNullOrigin(ResolvedField<List<String>> origins, ResolvedField<Boolean> credentials) {
		int index = values(origins).indexOf("null");
		if (index >= 0) {
			this.errors.error(origins.source() + "[" + index + "]", "null", "The 'null' origin cannot be combined "
					+ "with allow-credentials: true (set by " + credentials.source() + "): sandboxed iframes, data: "
					+ "URLs and redirects of any site send 'null', so every site could read credentialed responses. "
					+ "Serve the page from an origin of its own and list that origin.");
		}
	}

	// List fields have a built-in default, so they always resolve to a list.
	private static List<String> values(ResolvedField<List<String>> field) {
		List<String> values = field.value();
		return (values != null) ? values : List.of();
	}

}
