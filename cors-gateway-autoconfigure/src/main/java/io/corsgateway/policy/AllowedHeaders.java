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

/**
 * The compiled {@code allowed-headers} of a policy: which names an
 * {@code Access-Control-Request-Headers} value may list, and the value to answer with.
 *
 * @author cors-gateway authors
 */
final class AllowedHeaders {

	private final RegionSet headers;

	private final boolean anyHeader;

	AllowedHeaders(RegionSet headers, boolean anyHeader) {
		this.headers = headers;
		this.anyHeader = anyHeader;
	}

	/**
	 * Evaluate an {@code Access-Control-Request-Headers} value: every listed name must be
	 * allowed. Spaces and empty entries are tolerated; the work is bounded by
	 * {@link #CorsPolicy.MAX_REQUEST_HEADERS_LENGTH}.
	 * @param requested the header value, or {@code null} when absent
	 * @return the value to send as {@code Access-Control-Allow-Headers} (empty when
	 * nothing was requested), or {@code null} when the request must be refused
	 */
	@Nullable String allowedRequestHeaders(@Nullable String requested) {
		if (requested == null) {
			return "";
		}
		int length = requested.length();
		if (length > CorsPolicy.MAX_REQUEST_HEADERS_LENGTH) {
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
				if (++count > CorsPolicy.MAX_REQUEST_HEADER_COUNT || !HttpSyntax.isToken(requested, start, end)
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
	 * Why an {@code Access-Control-Request-Headers} value that
	 * {@link #allowedRequestHeaders(String)} refused is refused: only asked on the
	 * rejection path, so the allowed path stays a single pass.
	 */
	CorsPolicy.Refusal refusal(String requested) {
		if (requested.length() > CorsPolicy.MAX_REQUEST_HEADERS_LENGTH) {
			return new CorsPolicy.Refusal(DecisionReason.TOO_MANY_REQUEST_HEADERS, null);
		}
		int count = 0;
		for (String entry : requested.split(",", -1)) {
			String name = strip(entry);
			if (name.isEmpty()) {
				continue;
			}
			if (++count > CorsPolicy.MAX_REQUEST_HEADER_COUNT) {
				return new CorsPolicy.Refusal(DecisionReason.TOO_MANY_REQUEST_HEADERS, null);
			}
			if (!HttpSyntax.isToken(name)) {
				return new CorsPolicy.Refusal(DecisionReason.MALFORMED_REQUEST_HEADERS, name);
			}
			if (!allowsHeader(name, 0, name.length())) {
				return new CorsPolicy.Refusal(DecisionReason.HEADER_NOT_ALLOWED, name);
			}
		}
		throw new IllegalStateException("Request headers '" + requested + "' are allowed");
	}

	private static String strip(String entry) {
		int start = 0;
		int end = entry.length();
		while (start < end && isWhitespace(entry.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(entry.charAt(end - 1))) {
			end--;
		}
		return entry.substring(start, end);
	}

}
