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

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What a policy answers that is the same for every request, rendered once when the policy
 * is compiled: the header values of an allowed actual request and of an allowed
 * preflight, and the decisions that depend on nothing but the policy. Evaluating a
 * request then only completes these with the request's origin, method and headers.
 *
 * @author cors-gateway authors
 */
final class PolicyAnswers {

	private static final int HEADER_COUNT = CorsHeader.values().length;

	// Indexed by CorsHeader ordinal, without the values that depend on the request.
	private final @Nullable String[] actualValues;

	private final @Nullable String[] preflightValues;

	// The preflight values with Access-Control-Allow-Private-Network: true, for a policy
	// that allows private network access; otherwise the same array as preflightValues.
	private final @Nullable String[] privateNetworkPreflightValues;

	private final CorsPolicy policy;

	private final @Nullable HttpStatus preflightStatus;

	private final CorsDecision withoutOrigin;

	private final CorsDecision fromSameOrigin;

	// Only a disabled policy has one: an enabled policy never answers with it.
	private final @Nullable CorsDecision disabled;

	private final @Nullable CorsDecision anyOriginAllowed;

	// The usual refusals, which name no detail from the request.
	private final CorsDecision actualFromOriginNotAllowed;

	private final CorsDecision preflightFromOriginNotAllowed;

	PolicyAnswers(CorsPolicy policy, UnaryOperator<@Nullable String[]> shared) {
		this.policy = policy;
		this.preflightStatus = policy.isPreflightContinue() ? null : HttpStatus.valueOf(policy.getPreflightStatus());
		@Nullable String[] actualValues = new String[HEADER_COUNT];
		@Nullable String[] preflightValues = new String[HEADER_COUNT];
		String credentials = policy.isAllowCredentials() ? "true" : null;
		actualValues[CorsHeader.ALLOW_CREDENTIALS.ordinal()] = credentials;
		actualValues[CorsHeader.EXPOSE_HEADERS.ordinal()] = policy.getExposedHeaders().isEmpty() ? null
				: String.join(", ", policy.getExposedHeaders());
		preflightValues[CorsHeader.ALLOW_CREDENTIALS.ordinal()] = credentials;
		Duration maxAge = policy.getMaxAge();
		// -1 seconds disables caching: browsers read 0 as "do not cache".
		preflightValues[CorsHeader.MAX_AGE.ordinal()] = (maxAge != null)
				? Long.toString(Math.max(maxAge.getSeconds(), 0)) : null;
		@Nullable String[] privateNetworkPreflightValues = preflightValues;
		if (policy.isAllowPrivateNetwork()) {
			privateNetworkPreflightValues = preflightValues.clone();
			privateNetworkPreflightValues[CorsHeader.ALLOW_PRIVATE_NETWORK.ordinal()] = "true";
		}
		// Never written after this: policies with equal values share one array.
		this.actualValues = shared.apply(actualValues);
		this.preflightValues = shared.apply(preflightValues);
		this.privateNetworkPreflightValues = shared.apply(privateNetworkPreflightValues);
		this.withoutOrigin = CorsDecision.notCors(policy, DecisionReason.NO_ORIGIN, this.actualValues);
		this.fromSameOrigin = CorsDecision.notCors(policy, DecisionReason.SAME_ORIGIN, this.actualValues);
		this.disabled = policy.isEnabled() ? null : CorsDecision.disabled(policy);
		this.anyOriginAllowed = policy.isOriginDependent() ? null
				: CorsDecision.actualAllowed(policy, "*", this.actualValues);
		this.actualFromOriginNotAllowed = CorsDecision.actualRefused(policy, DecisionReason.ORIGIN_NOT_ALLOWED, null);
		this.preflightFromOriginNotAllowed = CorsDecision.preflightRejected(policy, DecisionReason.ORIGIN_NOT_ALLOWED,
				null);
	}

	/** The decision for a request without {@code Origin}. */
	CorsDecision withoutOrigin() {
		return this.withoutOrigin;
	}

	/** The decision for a request from its own origin. */
	CorsDecision fromSameOrigin() {
		return this.fromSameOrigin;
	}

	/** The decision for any request while the policy is disabled. */
	CorsDecision disabled() {
		CorsDecision disabled = this.disabled;
		return (disabled != null) ? disabled : CorsDecision.disabled(this.policy);
	}

	/** The decision for an allowed actual request from the given origin. */
	CorsDecision actualAllowed(String origin) {
		CorsDecision anyOrigin = this.anyOriginAllowed;
		return (anyOrigin != null) ? anyOrigin : CorsDecision.actualAllowed(this.policy, origin, this.actualValues);
	}

	/** The decision for an actual request refused for the given reason. */
	CorsDecision actualRefused(DecisionReason reason, @Nullable String detail) {
		return (reason == DecisionReason.ORIGIN_NOT_ALLOWED && detail == null) ? this.actualFromOriginNotAllowed
				: CorsDecision.actualRefused(this.policy, reason, detail);
	}

	/** The decision for a preflight rejected for the given reason. */
	CorsDecision preflightRejected(DecisionReason reason, @Nullable String detail) {
		return (reason == DecisionReason.ORIGIN_NOT_ALLOWED && detail == null) ? this.preflightFromOriginNotAllowed
				: CorsDecision.preflightRejected(this.policy, reason, detail);
	}

	/**
	 * The decision for an allowed preflight, which asked for private network access when
	 * {@code privateNetwork} is true.
	 */
	CorsDecision preflightAllowed(String origin, String method, String allowedHeaders, boolean privateNetwork) {
		return CorsDecision.preflightAllowed(this.policy, origin, method, allowedHeaders,
				privateNetwork ? this.privateNetworkPreflightValues : this.preflightValues);
	}

	/**
	 * The decision for a WebSocket handshake the policy lets through. Made on demand:
	 * handshakes are rare, and a large configuration would hold one per policy.
	 */
	CorsDecision websocketHandshake() {
		return CorsDecision.websocketHandshake(this.policy);
	}

	/** The decision for a WebSocket handshake from an origin the policy refuses. */
	CorsDecision websocketRefused() {
		return CorsDecision.websocketRefused(this.policy);
	}

	/**
	 * The status the filter answers an allowed preflight with.
	 * @return the status, or {@code null} when allowed preflights continue to the handler
	 */
	@Nullable HttpStatus preflightStatus() {
		return this.preflightStatus;
	}

	/** The rendered value of a preflight header that does not depend on the request. */
	@Nullable String preflightValue(CorsHeader header) {
		return this.preflightValues[header.ordinal()];
	}

}
