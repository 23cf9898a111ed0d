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
 * What kind of request a decision is about and what happens to it.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum DecisionKind {

	/**
	 * No enabled policy covers the request (no service matched and the defaults allow no
	 * origin, or the scope is disabled): request and response are left alone.
	 */
	NOT_APPLIED,

	/**
	 * A request without {@code Origin}, or from the request's own origin: it goes on to
	 * the handler, and downstream CORS headers are replaced.
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
	 * An actual request that is not allowed in a scope that does not reject: it reaches
	 * the handler, and the response carries no CORS header.
	 */
	ACTUAL_LET_THROUGH,

	/**
	 * A request refused before any policy is chosen, such as one with an ambiguous path:
	 * answered with 400.
	 */
	REFUSED

}
