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

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.CommaList;
import io.corsgateway.internal.http.HttpSyntax;

/**
 * The compiled {@code allowed-headers} of a policy: which names an
 * {@code Access-Control-Request-Headers} value may list, and the value to answer with.
 *
 * @author cors-gateway authors
 */
final class AllowedHeaders {

	// Results of scan(); a negative value other than TOO_MANY locates a refused entry.
	private static final int TOO_MANY = Integer.MIN_VALUE;

	private static final int NONE = 0;

	private static final int CANONICAL = 1;

	private static final int NOT_CANONICAL = 2;

	private final RegionSet headers;

	private final boolean anyHeader;

	AllowedHeaders(RegionSet headers, boolean anyHeader) {
		this.headers = headers;
		this.anyHeader = anyHeader;
	}

	/**
	 * Evaluate an {@code Access-Control-Request-Headers} value: every listed name must be
	 * allowed. Spaces and empty entries are tolerated; the work is bounded by
	 * {@link CorsPolicy#MAX_REQUEST_HEADERS_LENGTH}.
	 * @param requested the header value, or {@code null} when absent
	 * @return the value to send as {@code Access-Control-Allow-Headers} (empty when
	 * nothing was requested), or {@code null} when the request must be refused
	 */
	@Nullable String allowedRequestHeaders(@Nullable String requested) {
		if (requested == null) {
			return "";
		}
		int scan = scan(requested);
		return switch (scan) {
			case NONE -> "";
			case CANONICAL -> requested;
			case NOT_CANONICAL -> canonicalHeaderList(requested);
			default -> null;
		};
	}

	/**
	 * Why a value that {@link #allowedRequestHeaders(String)} refused is refused: only
	 * asked on the rejection path, which walks the value a second time so that the
	 * allowed path stays one pass.
	 */
	CorsPolicy.Refusal refusal(String requested) {
		int scan = scan(requested);
		if (scan >= NONE) {
			throw new IllegalStateException("Request headers '" + requested + "' are allowed");
		}
		if (scan == TOO_MANY) {
			return new CorsPolicy.Refusal(DecisionReason.TOO_MANY_REQUEST_HEADERS, null);
		}
		int start = -scan - 1;
		String name = requested.substring(start,
				CommaList.trimEnd(requested, start, CommaList.entryEnd(requested, start)));
		return new CorsPolicy.Refusal(
				HttpSyntax.isToken(name) ? DecisionReason.HEADER_NOT_ALLOWED : DecisionReason.MALFORMED_REQUEST_HEADERS,
				name);
	}

	/**
	 * One walk over the list: {@link #NONE} when it names no header, {@link #CANONICAL}
	 * when every name is allowed and the value is already the comma-joined names,
	 * {@link #NOT_CANONICAL} when they are allowed but spaces or empty entries must go,
	 * {@link #TOO_MANY} when the value is too long or names too many, or
	 * {@code -(start + 1)} for the first entry that is not an allowed token.
	 */
	private int scan(String requested) {
		int length = requested.length();
		if (length > CorsPolicy.MAX_REQUEST_HEADERS_LENGTH) {
			return TOO_MANY;
		}
		boolean canonical = true;
		int count = 0;
		for (int from = 0, end; from <= length; from = end + 1) {
			end = CommaList.entryEnd(requested, from);
			int start = CommaList.trimStart(requested, from, end);
			int stop = CommaList.trimEnd(requested, start, end);
			canonical &= start == from && stop == end && start != stop;
			if (start == stop) {
				continue;
			}
			if (++count > CorsPolicy.MAX_REQUEST_HEADER_COUNT) {
				return TOO_MANY;
			}
			if (!HttpSyntax.isToken(requested, start, stop) || !allowsHeader(requested, start, stop)) {
				return -(start + 1);
			}
		}
		return (count == 0) ? NONE : canonical ? CANONICAL : NOT_CANONICAL;
	}

	private boolean allowsHeader(String names, int from, int to) {
		// A '*' in allowed-headers is the wildcard, never a header named '*', which the
		// answer would echo as a wildcard.
		if (to - from == 1 && names.charAt(from) == '*') {
			return false;
		}
		if (this.headers.contains(names, from, to)) {
			return true;
		}
		// Fetch: a '*' in Access-Control-Allow-Headers never covers Authorization.
		return this.anyHeader
				&& !(to - from == 13 && Ascii.regionMatchesIgnoreCase(names, from, "authorization", 0, 13));
	}

	private static String canonicalHeaderList(String requested) {
		StringBuilder canonical = new StringBuilder(requested.length());
		for (int from = 0, end; from <= requested.length(); from = end + 1) {
			end = CommaList.entryEnd(requested, from);
			int start = CommaList.trimStart(requested, from, end);
			int stop = CommaList.trimEnd(requested, start, end);
			if (start != stop) {
				if (canonical.length() > 0) {
					canonical.append(',');
				}
				canonical.append(requested, start, stop);
			}
		}
		return canonical.toString();
	}

}
