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

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.LogText;

import org.springframework.http.HttpStatus;

/**
 * The answer of {@link CorsPolicies#evaluate(CorsRequest)} to one request: what kind of
 * request it is, why it is treated so, which policy decided, and the exact value of every
 * CORS response header. A decision is immutable and holds no reference to the request, so
 * the filter, a log line, a metric or an endpoint can all read the same value.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsDecision {

	/**
	 * The {@linkplain #getServiceLabel() service label} of a decision the defaults made.
	 * Ids cannot contain parentheses, so no service is named so.
	 */
	public static final String DEFAULTS_LABEL = "(defaults)";

	/**
	 * The {@linkplain #getServiceLabel() service} or {@linkplain #getRouteLabel() route
	 * label} of a decision made without a policy or without a route.
	 */
	public static final String NONE_LABEL = "(none)";

	// Indexed by CorsHeader ordinal. The values that depend on the request (origin,
	// method, headers) are held apart, so that the array is always one the policy
	// rendered once and shares.
	private static final @Nullable String[] NO_VALUES = new String[CorsHeader.values().length];

	private static final CorsDecision AMBIGUOUS_PATH = new CorsDecision(DecisionKind.REFUSED,
			DecisionReason.AMBIGUOUS_PATH, null, null, NO_VALUES);

	private static final CorsDecision NO_POLICY = new CorsDecision(DecisionKind.NOT_APPLIED, DecisionReason.NO_POLICY,
			null, null, NO_VALUES);

	private final DecisionKind kind;

	private final DecisionReason reason;

	private final @Nullable String detail;

	private final @Nullable CorsPolicy policy;

	private final @Nullable String[] values;

	private final @Nullable String allowOrigin;

	private final @Nullable String allowMethods;

	private final @Nullable String allowHeaders;

	private CorsDecision(DecisionKind kind, DecisionReason reason, @Nullable String detail, @Nullable CorsPolicy policy,
			@Nullable String[] values) {
		this(kind, reason, detail, policy, values, null, null, null);
	}

	private CorsDecision(DecisionKind kind, DecisionReason reason, @Nullable String detail, @Nullable CorsPolicy policy,
			@Nullable String[] values, @Nullable String allowOrigin, @Nullable String allowMethods,
			@Nullable String allowHeaders) {
		this.kind = kind;
		this.reason = reason;
		this.detail = detail;
		this.policy = policy;
		this.values = values;
		this.allowOrigin = allowOrigin;
		this.allowMethods = allowMethods;
		this.allowHeaders = allowHeaders;
	}

	// A request refused before any policy is chosen because its path is ambiguous:
	// answered with 400, no CORS header.
	static CorsDecision ambiguousPath() {
		return AMBIGUOUS_PATH;
	}

	static CorsDecision noPolicy() {
		return NO_POLICY;
	}

	static CorsDecision disabled(CorsPolicy policy) {
		return new CorsDecision(DecisionKind.NOT_APPLIED, DecisionReason.SCOPE_DISABLED, null, policy, NO_VALUES);
	}

	/**
	 * A request without CORS: in a {@code *} scope it gets the scope's headers like any
	 * other, so that a cached response fits every later request; elsewhere it gets none
	 * and varies on {@code Origin}.
	 */
	static CorsDecision notCors(CorsPolicy policy, DecisionReason reason, @Nullable String[] actualValues) {
		if (policy.isOriginDependent()) {
			return new CorsDecision(DecisionKind.NOT_CORS, reason, null, policy, NO_VALUES);
		}
		return new CorsDecision(DecisionKind.NOT_CORS, reason, null, policy, actualValues, "*", null, null);
	}

	static CorsDecision actualAllowed(CorsPolicy policy, String origin, @Nullable String[] actualValues) {
		return new CorsDecision(DecisionKind.ACTUAL_ALLOWED,
				policy.isOriginDependent() ? DecisionReason.ORIGIN_ALLOWED : DecisionReason.ANY_ORIGIN, null, policy,
				actualValues, policy.allowOriginValue(origin), null, null);
	}

	static CorsDecision actualRefused(CorsPolicy policy, DecisionReason reason, @Nullable String detail) {
		return new CorsDecision(
				policy.isRejectDisallowedOrigins() ? DecisionKind.ACTUAL_REJECTED : DecisionKind.ACTUAL_LET_THROUGH,
				reason, detail, policy, NO_VALUES);
	}

	static CorsDecision preflightAllowed(CorsPolicy policy, String origin, String method, String allowedHeaders,
			@Nullable String[] preflightValues) {
		return new CorsDecision(DecisionKind.PREFLIGHT_ALLOWED,
				policy.isOriginDependent() ? DecisionReason.ORIGIN_ALLOWED : DecisionReason.ANY_ORIGIN, null, policy,
				preflightValues, policy.allowOriginValue(origin), method,
				allowedHeaders.isEmpty() ? null : allowedHeaders);
	}

	// No CORS header: browsers read none on a WebSocket upgrade, and the filter removes a
	// handler's.
	static CorsDecision websocketHandshake(CorsPolicy policy) {
		return new CorsDecision(DecisionKind.NOT_CORS, DecisionReason.WEBSOCKET_HANDSHAKE, null, policy, NO_VALUES);
	}

	// Refused whatever reject-disallowed-origins says: letting it through would open the
	// connection, which no browser check stops afterwards.
	static CorsDecision websocketRefused(CorsPolicy policy) {
		return new CorsDecision(DecisionKind.ACTUAL_REJECTED, DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED, null, policy,
				NO_VALUES);
	}

	static CorsDecision preflightRejected(CorsPolicy policy, DecisionReason reason, @Nullable String detail) {
		return new CorsDecision(DecisionKind.PREFLIGHT_REJECTED, reason, detail, policy, NO_VALUES);
	}

	/**
	 * What kind of request this is and what happens to it.
	 * @return the kind
	 */
	public DecisionKind getKind() {
		return this.kind;
	}

	/**
	 * Why the request is treated so.
	 * @return the reason
	 */
	public DecisionReason getReason() {
		return this.reason;
	}

	/**
	 * What the reason is about, where it names one thing: the refused request header for
	 * {@link DecisionReason#HEADER_NOT_ALLOWED} and
	 * {@link DecisionReason#MALFORMED_REQUEST_HEADERS}, the refused method for
	 * {@link DecisionReason#METHOD_NOT_ALLOWED}, {@link DecisionReason#FORBIDDEN_METHOD}
	 * and {@link DecisionReason#MALFORMED_METHOD}. It comes from the request: escape it
	 * before writing it anywhere, as {@link #toString()} does.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

	/**
	 * The policy that decided.
	 * @return the policy, or {@code null} when none applies or none was looked for
	 */
	public @Nullable CorsPolicy getPolicy() {
		return this.policy;
	}

	/**
	 * The id of the service whose policy decided.
	 * @return the service id, or {@code null} for the defaults or when no policy applies
	 */
	public @Nullable String getServiceId() {
		CorsPolicy policy = this.policy;
		return (policy != null) ? policy.getServiceId() : null;
	}

	/**
	 * The id of the route whose policy decided.
	 * @return the route id, or {@code null} when a service's own policy, the defaults or
	 * no policy decided
	 */
	public @Nullable String getRouteId() {
		CorsPolicy policy = this.policy;
		return (policy != null) ? policy.getRouteId() : null;
	}

	/**
	 * The service that decided, as log lines, metric tags and the actuator endpoint name
	 * it.
	 * @return the service id, {@value #DEFAULTS_LABEL} when the defaults decided, or
	 * {@value #NONE_LABEL} when no policy did
	 */
	public String getServiceLabel() {
		CorsPolicy policy = this.policy;
		if (policy == null) {
			return NONE_LABEL;
		}
		String serviceId = policy.getServiceId();
		return (serviceId != null) ? serviceId : DEFAULTS_LABEL;
	}

	/**
	 * The route that decided, as log lines, metric tags and the actuator endpoint name
	 * it.
	 * @return the route id, or {@value #NONE_LABEL} when no route decided
	 */
	public String getRouteLabel() {
		String routeId = getRouteId();
		return (routeId != null) ? routeId : NONE_LABEL;
	}

	/**
	 * The value the response must carry for a CORS header.
	 * @param header the header
	 * @return the value, or {@code null} when the response must not carry the header
	 */
	public @Nullable String getHeaderValue(CorsHeader header) {
		return switch (header) {
			case ALLOW_ORIGIN -> this.allowOrigin;
			case ALLOW_METHODS -> this.allowMethods;
			case ALLOW_HEADERS -> this.allowHeaders;
			case TIMING_ALLOW_ORIGIN -> timingAllowOrigin();
			default -> this.values[header.ordinal()];
		};
	}

	// The allowed origin (or '*') of an actual response, where the policy sends it. A
	// WebSocket handshake has no allowed origin, so it gets none.
	private @Nullable String timingAllowOrigin() {
		CorsPolicy policy = this.policy;
		return (policy != null && policy.isTimingAllowOrigin()
				&& (this.kind == DecisionKind.ACTUAL_ALLOWED || this.kind == DecisionKind.NOT_CORS)) ? this.allowOrigin
						: null;
	}

	/**
	 * The request headers the response varies on, which {@code Vary} must name.
	 * @return the request headers
	 */
	public Vary getVary() {
		CorsPolicy policy = this.policy;
		return switch (this.kind) {
			case PREFLIGHT_ALLOWED, PREFLIGHT_REJECTED ->
				(policy != null && policy.isAllowPrivateNetwork()) ? Vary.PRIVATE_NETWORK_PREFLIGHT : Vary.PREFLIGHT;
			case ACTUAL_REJECTED, ACTUAL_LET_THROUGH -> Vary.ORIGIN;
			// A '*' scope answers every request alike.
			case NOT_CORS, ACTUAL_ALLOWED ->
				(policy != null && policy.isOriginDependent()) ? Vary.ORIGIN : Vary.NOTHING;
			case NOT_APPLIED, REFUSED -> Vary.NOTHING;
		};
	}

	/**
	 * Whether the filter stays out entirely: no policy applies or the scope is disabled,
	 * so neither the request nor the response is touched.
	 * @return whether the decision leaves the exchange alone
	 */
	public boolean isApplied() {
		return this.kind != DecisionKind.NOT_APPLIED;
	}

	/**
	 * Whether the filter enforces this decision. A decision of a
	 * {@linkplain CorsPolicy#isReportOnly() report-only} policy is only logged and
	 * counted: the filter leaves request and response alone, as for a decision that is
	 * not {@linkplain #isApplied() applied}. A refusal made before any policy is chosen
	 * (an ambiguous path) is always enforced.
	 * @return whether the decision is enforced
	 */
	public boolean isEnforced() {
		CorsPolicy policy = this.policy;
		return policy == null || !policy.isReportOnly();
	}

	/**
	 * The status of the answer the filter gives without calling the handler.
	 * @return the status, or {@code null} when the request goes on to the handler
	 */
	public @Nullable HttpStatus getAnswerStatus() {
		CorsPolicy policy = this.policy;
		return switch (this.kind) {
			case REFUSED -> HttpStatus.BAD_REQUEST;
			case PREFLIGHT_REJECTED, ACTUAL_REJECTED -> HttpStatus.FORBIDDEN;
			case PREFLIGHT_ALLOWED -> (policy != null) ? policy.answers().preflightStatus() : null;
			default -> null;
		};
	}

	@Override
	public String toString() {
		CorsPolicy policy = this.policy;
		return this.kind + " (" + this.reason + ((this.detail != null) ? ": " + LogText.printable(this.detail) : "")
				+ ")" + ((policy != null) ? " by policy '" + policy.getId() + "'" : "");
	}

	/**
	 * The request headers a response varies on, which its {@code Vary} header must name
	 * besides any others.
	 */
	public enum Vary {

		/** The response is the same whatever the request's CORS headers. */
		NOTHING(),

		/** The response depends on {@code Origin}. */
		ORIGIN("Origin"),

		/** A preflight answer depends on the origin and on what it asks for. */
		PREFLIGHT("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"),

		/**
		 * A preflight answer of a policy that allows private network access, which also
		 * depends on whether the preflight asks for it.
		 */
		PRIVATE_NETWORK_PREFLIGHT("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers",
				"Access-Control-Request-Private-Network");

		private final List<String> tokens;

		private final String value;

		Vary(String... tokens) {
			this.tokens = List.of(tokens);
			this.value = String.join(", ", tokens);
		}

		/**
		 * The header names.
		 * @return the names, possibly none
		 */
		public List<String> tokens() {
			return this.tokens;
		}

		/**
		 * The names as one {@code Vary} value.
		 * @return the names joined with {@code ", "}
		 */
		public String value() {
			return this.value;
		}

	}

}
