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

	// Indexed by CorsHeader ordinal; the origin is held apart so that the values of an
	// allowed actual request are the policy's precomputed array plus one field.
	private static final @Nullable String[] NO_VALUES = new String[CorsHeader.values().length];

	private static final CorsDecision AMBIGUOUS_PATH = new CorsDecision(Kind.REFUSED, Reason.AMBIGUOUS_PATH, null, null,
			null, NO_VALUES, Vary.NOTHING, HttpStatus.BAD_REQUEST);

	private static final CorsDecision NO_POLICY = new CorsDecision(Kind.NOT_APPLIED, Reason.NO_POLICY, null, null, null,
			NO_VALUES, Vary.NOTHING, null);

	private final Kind kind;

	private final Reason reason;

	private final @Nullable String detail;

	private final @Nullable CorsPolicy policy;

	private final @Nullable String allowOrigin;

	private final @Nullable String[] values;

	private final Vary vary;

	private final @Nullable HttpStatus answerStatus;

	private CorsDecision(Kind kind, Reason reason, @Nullable String detail, @Nullable CorsPolicy policy,
			@Nullable String allowOrigin, @Nullable String[] values, Vary vary, @Nullable HttpStatus answerStatus) {
		this.kind = kind;
		this.reason = reason;
		this.detail = detail;
		this.policy = policy;
		this.allowOrigin = allowOrigin;
		this.values = values;
		this.vary = vary;
		this.answerStatus = answerStatus;
	}

	/**
	 * The decision for a request refused before any policy is chosen because its path is
	 * ambiguous: answered with 400, no CORS header.
	 * @return the decision
	 */
	public static CorsDecision ambiguousPath() {
		return AMBIGUOUS_PATH;
	}

	static CorsDecision noPolicy() {
		return NO_POLICY;
	}

	static CorsDecision disabled(CorsPolicy policy) {
		return new CorsDecision(Kind.NOT_APPLIED, Reason.SCOPE_DISABLED, null, policy, null, NO_VALUES, Vary.NOTHING,
				null);
	}

	/**
	 * A request without CORS: in a {@code *} scope it gets the scope's headers like any
	 * other, so that a cached response fits every later request; elsewhere it gets none
	 * and varies on {@code Origin}.
	 */
	static CorsDecision notCors(CorsPolicy policy, Reason reason) {
		if (policy.isOriginDependent()) {
			return new CorsDecision(Kind.NOT_CORS, reason, null, policy, null, NO_VALUES, Vary.ORIGIN, null);
		}
		return new CorsDecision(Kind.NOT_CORS, reason, null, policy, "*", policy.actualValues(), Vary.NOTHING, null);
	}

	static CorsDecision actualAllowed(CorsPolicy policy, String origin) {
		boolean originDependent = policy.isOriginDependent();
		return new CorsDecision(Kind.ACTUAL_ALLOWED, originDependent ? Reason.ORIGIN_ALLOWED : Reason.ANY_ORIGIN, null,
				policy, originDependent ? origin : "*", policy.actualValues(),
				originDependent ? Vary.ORIGIN : Vary.NOTHING, null);
	}

	static CorsDecision actualRefused(CorsPolicy policy, Reason reason, @Nullable String detail) {
		boolean reject = policy.isRejectDisallowedOrigins();
		return new CorsDecision(reject ? Kind.ACTUAL_REJECTED : Kind.ACTUAL_LET_THROUGH, reason, detail, policy, null,
				NO_VALUES, Vary.ORIGIN, reject ? HttpStatus.FORBIDDEN : null);
	}

	static CorsDecision preflightAllowed(CorsPolicy policy, String origin, String method, String allowedHeaders) {
		boolean originDependent = policy.isOriginDependent();
		@Nullable String[] values = policy.preflightValues();
		values[CorsHeader.ALLOW_METHODS.ordinal()] = method;
		values[CorsHeader.ALLOW_HEADERS.ordinal()] = allowedHeaders.isEmpty() ? null : allowedHeaders;
		return new CorsDecision(Kind.PREFLIGHT_ALLOWED, originDependent ? Reason.ORIGIN_ALLOWED : Reason.ANY_ORIGIN,
				null, policy, policy.allowOriginValue(origin), values, Vary.PREFLIGHT,
				policy.isPreflightContinue() ? null : HttpStatus.valueOf(policy.getPreflightStatus()));
	}

	static CorsDecision preflightRejected(CorsPolicy policy, Reason reason, @Nullable String detail) {
		return new CorsDecision(Kind.PREFLIGHT_REJECTED, reason, detail, policy, null, NO_VALUES, Vary.PREFLIGHT,
				HttpStatus.FORBIDDEN);
	}

	/**
	 * What kind of request this is and what happens to it.
	 * @return the kind
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Why the request is treated so.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * What the reason is about, where it names one thing: the refused request header for
	 * {@link Reason#HEADER_NOT_ALLOWED} and {@link Reason#MALFORMED_REQUEST_HEADERS}, the
	 * refused method for {@link Reason#METHOD_NOT_ALLOWED} and
	 * {@link Reason#FORBIDDEN_METHOD}.
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
	 * The value the response must carry for a CORS header.
	 * @param header the header
	 * @return the value, or {@code null} when the response must not carry the header
	 */
	public @Nullable String getHeaderValue(CorsHeader header) {
		return (header == CorsHeader.ALLOW_ORIGIN) ? this.allowOrigin : this.values[header.ordinal()];
	}

	/**
	 * The request headers the response varies on, which {@code Vary} must name.
	 * @return the request headers
	 */
	public Vary getVary() {
		return this.vary;
	}

	/**
	 * Whether the filter stays out entirely: no policy applies or the scope is disabled,
	 * so neither the request nor the response is touched.
	 * @return whether the decision leaves the exchange alone
	 */
	public boolean isApplied() {
		return this.kind != Kind.NOT_APPLIED;
	}

	/**
	 * The status of the answer the filter gives without calling the handler.
	 * @return the status, or {@code null} when the request goes on to the handler
	 */
	public @Nullable HttpStatus getAnswerStatus() {
		return this.answerStatus;
	}

	@Override
	public String toString() {
		CorsPolicy policy = this.policy;
		return this.kind + " (" + this.reason + ((this.detail != null) ? ": " + this.detail : "") + ")"
				+ ((policy != null) ? " by policy '" + policy.getId() + "'" : "");
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
		PREFLIGHT("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");

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

	/**
	 * What kind of request a decision is about and what happens to it.
	 */
	public enum Kind {

		/**
		 * No enabled policy covers the request (no service matched and the defaults allow
		 * no origin, or the scope is disabled): request and response are left alone.
		 */
		NOT_APPLIED,

		/**
		 * A request without {@code Origin}, or from the request's own origin: it goes on
		 * to the handler, and downstream CORS headers are replaced.
		 */
		NOT_CORS,

		/** A preflight that is allowed: answered, or passed on with CORS headers. */
		PREFLIGHT_ALLOWED,

		/** A preflight that is refused: answered with 403 without CORS headers. */
		PREFLIGHT_REJECTED,

		/**
		 * An actual request that is allowed: it reaches the handler with CORS headers.
		 */
		ACTUAL_ALLOWED,

		/** An actual request that is refused: answered with 403 without CORS headers. */
		ACTUAL_REJECTED,

		/**
		 * An actual request that is not allowed in a scope that does not reject: it
		 * reaches the handler, and the response carries no CORS header.
		 */
		ACTUAL_LET_THROUGH,

		/**
		 * A request refused before any policy is chosen, such as one with an ambiguous
		 * path: answered with 400.
		 */
		REFUSED

	}

	/**
	 * Why a request is treated as its decision says: a closed list, so that logs, metrics
	 * and tests can rely on it.
	 */
	public enum Reason {

		/** No service matched and the defaults allow no origin. */
		NO_POLICY,

		/** The policy of the request's scope has {@code enabled: false}. */
		SCOPE_DISABLED,

		/** The request has no {@code Origin}. */
		NO_ORIGIN,

		/** The {@code Origin} is the request's own. */
		SAME_ORIGIN,

		/** The origin is allowed by name, subdomain, port wildcard or pattern. */
		ORIGIN_ALLOWED,

		/** The scope allows any origin ({@code *}) without credentials. */
		ANY_ORIGIN,

		/** The origin is well-formed but not allowed. */
		ORIGIN_NOT_ALLOWED,

		/** The {@code Origin} value is not a serialized origin. */
		MALFORMED_ORIGIN,

		/** The request has several {@code Origin} lines. */
		SEVERAL_ORIGINS,

		/** The method (or, for a preflight, the requested method) is not allowed. */
		METHOD_NOT_ALLOWED,

		/**
		 * The method is one Fetch forbids ({@code CONNECT}, {@code TRACE},
		 * {@code TRACK}), which no policy allows.
		 */
		FORBIDDEN_METHOD,

		/** The requested method is not an HTTP token, or is too long. */
		MALFORMED_METHOD,

		/** The preflight has several {@code Access-Control-Request-Method} lines. */
		SEVERAL_REQUEST_METHODS,

		/** A header named in {@code Access-Control-Request-Headers} is not allowed. */
		HEADER_NOT_ALLOWED,

		/** An entry of {@code Access-Control-Request-Headers} is not an HTTP token. */
		MALFORMED_REQUEST_HEADERS,

		/**
		 * {@code Access-Control-Request-Headers} is too long or names too many headers.
		 */
		TOO_MANY_REQUEST_HEADERS,

		/** The path could be read differently by a server behind the filter. */
		AMBIGUOUS_PATH

	}

}
