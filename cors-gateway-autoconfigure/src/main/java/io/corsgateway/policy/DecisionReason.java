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

/**
 * Why a request is treated as its decision says: a closed list, so that logs, metrics and
 * tests can rely on it.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum DecisionReason {

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
	 * The method is one Fetch forbids ({@code CONNECT}, {@code TRACE}, {@code TRACK}),
	 * which no policy allows.
	 */
	FORBIDDEN_METHOD,

	/**
	 * The method (or, for a preflight, the requested method) is not an HTTP token, or is
	 * too long.
	 */
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

	/**
	 * A WebSocket handshake the scope lets through without CORS headers (browsers apply
	 * no CORS to WebSocket): its origin is allowed or its own, or the scope does not
	 * check handshakes ({@code websocket-origin-check: false}). A handshake without
	 * {@code Origin} is {@link #NO_ORIGIN}, like any request without one.
	 */
	WEBSOCKET_HANDSHAKE,

	/**
	 * A WebSocket handshake from an origin the scope does not allow, refused with 403
	 * before the upgrade ({@code websocket-origin-check}).
	 */
	WEBSOCKET_ORIGIN_NOT_ALLOWED,

	/** The path could be read differently by a server behind the filter. */
	AMBIGUOUS_PATH

}
