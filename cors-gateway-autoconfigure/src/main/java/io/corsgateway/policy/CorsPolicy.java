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

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.HttpSyntax;

/**
 * One resolved and compiled CORS policy: everything a request needs is precomputed, so
 * that evaluating a request only looks values up.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPolicy {

	/**
	 * Longest {@code Access-Control-Request-Headers} value evaluated; longer ones are
	 * refused.
	 */
	public static final int MAX_REQUEST_HEADERS_LENGTH = 4096;

	/** Most header names one preflight may ask for; more are refused. */
	public static final int MAX_REQUEST_HEADER_COUNT = 64;

	/** Longest method token evaluated. */
	public static final int MAX_METHOD_LENGTH = 32;

	private final String id;

	private final boolean enabled;

	private final OriginMatcher origins;

	private final Set<String> methods;

	private final boolean anyMethod;

	private final RegionSet headers;

	private final boolean anyHeader;

	private final boolean allowCredentials;

	private final @Nullable String exposedHeaders;

	private final @Nullable String maxAge;

	private final boolean preflightContinue;

	private final int preflightStatus;

	private final boolean rejectDisallowedOrigins;

	CorsPolicy(String id, boolean enabled, OriginMatcher origins, Set<String> methods, boolean anyMethod,
			RegionSet headers, boolean anyHeader, boolean allowCredentials, @Nullable String exposedHeaders,
			@Nullable String maxAge, boolean preflightContinue, int preflightStatus, boolean rejectDisallowedOrigins) {
		this.id = id;
		this.enabled = enabled;
		this.origins = origins;
		this.methods = methods;
		this.anyMethod = anyMethod;
		this.headers = headers;
		this.anyHeader = anyHeader;
		this.allowCredentials = allowCredentials;
		this.exposedHeaders = exposedHeaders;
		this.maxAge = maxAge;
		this.preflightContinue = preflightContinue;
		this.preflightStatus = preflightStatus;
		this.rejectDisallowedOrigins = rejectDisallowedOrigins;
	}

	/**
	 * The policy's id: {@code defaults}, a service id, or {@code service.route}.
	 * @return the id used in logs and diagnostics
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Whether CORS processing applies; a disabled scope is left alone entirely.
	 * @return whether the policy is enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Whether the response to an allowed origin names that origin, so that caches must
	 * key responses on {@code Origin}.
	 * @return whether responses vary by origin
	 */
	public boolean isOriginDependent() {
		return !this.origins.isAnyOrigin();
	}

	/**
	 * Whether any origin at all can be allowed by this policy.
	 * @return whether some origin is allowed
	 */
	public boolean allowsSomeOrigin() {
		return this.origins.allowsSomeOrigin();
	}

	/**
	 * Whether the request origin is allowed.
	 * @param origin the value of the request's {@code Origin} header
	 * @return whether the origin is allowed
	 */
	public boolean allowsOrigin(String origin) {
		return this.origins.matches(origin);
	}

	/**
	 * The {@code Access-Control-Allow-Origin} value for an allowed origin.
	 * @param origin the allowed request origin
	 * @return {@code *} or the origin itself
	 */
	public String allowOriginValue(String origin) {
		return this.origins.isAnyOrigin() ? "*" : origin;
	}

	/**
	 * Whether the method, compared case-sensitively, is allowed.
	 * @param method the request method or {@code Access-Control-Request-Method}
	 * @return whether the method is allowed
	 */
	public boolean allowsMethod(String method) {
		if (this.methods.contains(method)) {
			return true;
		}
		return this.anyMethod && method.length() <= MAX_METHOD_LENGTH && HttpSyntax.isToken(method)
		// Fetch forbids them in any case; '*' never stands for them.
				&& !HttpSyntax.isForbiddenMethod(method);
	}

	/**
	 * Evaluate an {@code Access-Control-Request-Headers} value: every listed name must be
	 * allowed. Spaces and empty entries are tolerated; the work is bounded by
	 * {@link #MAX_REQUEST_HEADERS_LENGTH}.
	 * @param requested the header value, or {@code null} when absent
	 * @return the value to send as {@code Access-Control-Allow-Headers} (empty when
	 * nothing was requested), or {@code null} when the request must be refused
	 */
	public @Nullable String allowedRequestHeaders(@Nullable String requested) {
		if (requested == null) {
			return "";
		}
		int length = requested.length();
		if (length > MAX_REQUEST_HEADERS_LENGTH) {
			return null;
		}
		boolean canonical = true;
		int count = 0;
		int position = 0;
		while (position <= length) {
			int comma = requested.indexOf(',', position);
			int entryEnd = (comma < 0) ? length : comma;
			int start = position;
			int end = entryEnd;
			while (start < end && isWhitespace(requested.charAt(start))) {
				start++;
			}
			while (end > start && isWhitespace(requested.charAt(end - 1))) {
				end--;
			}
			if (start == end) {
				canonical = false;
			}
			else {
				if (start != position || end != entryEnd) {
					canonical = false;
				}
				if (++count > MAX_REQUEST_HEADER_COUNT || !HttpSyntax.isToken(requested, start, end)
						|| !allowsHeader(requested, start, end)) {
					return null;
				}
			}
			position = entryEnd + 1;
		}
		if (count == 0) {
			return "";
		}
		return canonical ? requested : canonicalHeaderList(requested);
	}

	private boolean allowsHeader(String names, int from, int to) {
		if (this.headers.contains(names, from, to)) {
			return true;
		}
		// Fetch: a '*' in Access-Control-Allow-Headers never covers Authorization.
		return this.anyHeader && !(to - from == 13 && names.regionMatches(true, from, "authorization", 0, 13));
	}

	private static String canonicalHeaderList(String requested) {
		StringBuilder canonical = new StringBuilder(requested.length());
		for (String name : requested.split(",")) {
			String trimmed = name.strip();
			if (!trimmed.isEmpty()) {
				if (canonical.length() > 0) {
					canonical.append(',');
				}
				canonical.append(trimmed);
			}
		}
		return canonical.toString();
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Whether {@code Access-Control-Allow-Credentials: true} is sent.
	 * @return whether credentials are allowed
	 */
	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	/**
	 * The precomputed {@code Access-Control-Expose-Headers} value.
	 * @return the value, or {@code null} when no header is exposed
	 */
	public @Nullable String getExposedHeaders() {
		return this.exposedHeaders;
	}

	/**
	 * The precomputed {@code Access-Control-Max-Age} value.
	 * @return the value in seconds, or {@code null} when the header is omitted
	 */
	public @Nullable String getMaxAge() {
		return this.maxAge;
	}

	/**
	 * Whether allowed preflights continue to the handler.
	 * @return whether preflights continue
	 */
	public boolean isPreflightContinue() {
		return this.preflightContinue;
	}

	/**
	 * The status of a successful preflight answered by the filter.
	 * @return 200 or 204
	 */
	public int getPreflightStatus() {
		return this.preflightStatus;
	}

	/**
	 * Whether disallowed actual requests are answered with 403.
	 * @return whether disallowed origins are rejected
	 */
	public boolean isRejectDisallowedOrigins() {
		return this.rejectDisallowedOrigins;
	}

	@Override
	public String toString() {
		return "CorsPolicy '" + this.id + "'";
	}

}
