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

import io.corsgateway.internal.http.Ascii;

/**
 * The CORS response headers a browser reads. A {@link CorsDecision} gives each of them a
 * value or none, and the filter makes every response carry exactly those values.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum CorsHeader {

	/** {@code Access-Control-Allow-Origin}: the allowed origin, or {@code *}. */
	ALLOW_ORIGIN("Access-Control-Allow-Origin"),

	/** {@code Access-Control-Allow-Credentials}: {@code true} or absent. */
	ALLOW_CREDENTIALS("Access-Control-Allow-Credentials"),

	/**
	 * {@code Access-Control-Allow-Methods}: on allowed preflights, the requested method.
	 */
	ALLOW_METHODS("Access-Control-Allow-Methods"),

	/**
	 * {@code Access-Control-Allow-Headers}: on allowed preflights, the requested headers.
	 */
	ALLOW_HEADERS("Access-Control-Allow-Headers"),

	/**
	 * {@code Access-Control-Max-Age}: on allowed preflights, seconds to cache the answer.
	 */
	MAX_AGE("Access-Control-Max-Age"),

	/** {@code Access-Control-Expose-Headers}: on allowed actual requests. */
	EXPOSE_HEADERS("Access-Control-Expose-Headers"),

	/**
	 * {@code Access-Control-Allow-Private-Network}: {@code true} on allowed preflights
	 * that ask for private network access where the policy allows it, absent otherwise.
	 */
	ALLOW_PRIVATE_NETWORK("Access-Control-Allow-Private-Network"),

	/**
	 * {@code Timing-Allow-Origin} (Resource Timing): where the policy sends it, the
	 * allowed origin (or {@code *} in a {@code *} scope) on allowed actual responses, and
	 * {@code *} on responses without CORS (no {@code Origin}, or the request's own) in a
	 * {@code *} scope; absent otherwise (preflights, refusals, WebSocket handshakes), so
	 * that a handler's value cannot reveal timing details to origins the policy does not
	 * allow.
	 */
	TIMING_ALLOW_ORIGIN("Timing-Allow-Origin");

	private final String headerName;

	private final String lowerCaseName;

	CorsHeader(String headerName) {
		this.headerName = headerName;
		this.lowerCaseName = Ascii.toLowerCase(headerName);
	}

	/**
	 * The header name as sent.
	 * @return the name, such as {@code Access-Control-Allow-Origin}
	 */
	public String headerName() {
		return this.headerName;
	}

	/**
	 * The header name in lower case, for lookups in case-insensitive header maps that
	 * then need not lower-case a copy.
	 * @return the lower-case name
	 */
	public String lowerCaseName() {
		return this.lowerCaseName;
	}

}
