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
package io.corsgateway.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.CommaList;

import org.springframework.http.HttpHeaders;

/**
 * Response header edits shared by every branch of the protocol: giving each CORS response
 * header the policy's value whatever a handler or an upstream set, and merging
 * {@code Vary} tokens without duplicating or dropping any.
 *
 * @author cors-gateway authors
 */
final class CorsResponseHeaders {

	static final String VARY_ORIGIN = "Origin";

	static final String[] VARY_PREFLIGHT = { "Origin", "Access-Control-Request-Method",
			"Access-Control-Request-Headers" };

	private static final String[] VARY_ORIGIN_ONLY = { VARY_ORIGIN };

	/** The CORS response headers browsers read, in the order of the value arrays. */
	static final String[] NAMES = { HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_MAX_AGE,
			HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Access-Control-Allow-Private-Network" };

	static final int ALLOW_ORIGIN = 0;

	static final int ALLOW_CREDENTIALS = 1;

	static final int ALLOW_METHODS = 2;

	static final int ALLOW_HEADERS = 3;

	static final int MAX_AGE = 4;

	static final int EXPOSE_HEADERS = 5;

	static final int ALLOW_PRIVATE_NETWORK = 6;

	// Lookups by lower-case name: case-insensitive maps then lower-case no copy of the
	// name.
	private static final String[] LOWER_CASE_NAMES = Arrays.stream(NAMES)
		.map((name) -> name.toLowerCase(Locale.ROOT))
		.toArray(String[]::new);

	private static final String VARY_LOOKUP = "vary";

	private static final String VARY_PREFLIGHT_VALUE = String.join(", ", VARY_PREFLIGHT);

	private CorsResponseHeaders() {
	}

	/**
	 * Make one CORS response header hold exactly the given value, or be absent where the
	 * value is {@code null}: a handler's or upstream's value is replaced, duplicates
	 * collapse, and a header that already holds the right value is not written again.
	 * @param headers the response headers
	 * @param index the header, an index into {@link #NAMES}
	 * @param wanted the value, or {@code null} for none
	 */
	static void ensure(HttpHeaders headers, int index, @Nullable String wanted) {
		if (wanted == null) {
			if (headers.getFirst(LOWER_CASE_NAMES[index]) != null) {
				headers.remove(LOWER_CASE_NAMES[index]);
			}
			return;
		}
		List<String> current = headers.get(LOWER_CASE_NAMES[index]);
		if (current == null || current.size() != 1 || !wanted.equals(current.get(0))) {
			headers.set(NAMES[index], wanted);
		}
	}

	static void varyOnOrigin(HttpHeaders headers) {
		mergeVary(headers, VARY_ORIGIN_ONLY);
	}

	/**
	 * Add each token to {@code Vary} unless it is already there (case-insensitively) or
	 * {@code Vary: *} already covers it. Other tokens are kept, and several {@code Vary}
	 * lines, such as one of ours and one a handler added, are merged into one line
	 * without duplicates.
	 * @param headers the response headers
	 * @param tokens the tokens to add
	 */
	static void mergeVary(HttpHeaders headers, String[] tokens) {
		List<String> existing = headers.get(VARY_LOOKUP);
		if (existing == null || existing.isEmpty()) {
			headers.set(HttpHeaders.VARY, (tokens.length == 1) ? tokens[0]
					: (tokens == VARY_PREFLIGHT) ? VARY_PREFLIGHT_VALUE : String.join(", ", tokens));
			return;
		}
		if (existing.size() == 1 && containsAll(existing, tokens)) {
			return;
		}
		Map<String, String> merged = new LinkedHashMap<>();
		for (String value : existing) {
			for (int from = 0, end; from <= value.length(); from = end + 1) {
				end = CommaList.entryEnd(value, from);
				int start = CommaList.trimStart(value, from, end);
				int stop = CommaList.trimEnd(value, start, end);
				if (start < stop) {
					String token = value.substring(start, stop);
					merged.putIfAbsent(Ascii.toLowerCase(token), token);
				}
			}
		}
		if (!merged.containsKey("*")) {
			for (String token : tokens) {
				merged.putIfAbsent(Ascii.toLowerCase(token), token);
			}
		}
		// set() also copes with value lists that handlers made immutable.
		headers.set(HttpHeaders.VARY, String.join(", ", merged.values()));
	}

	private static boolean containsAll(List<String> values, String[] tokens) {
		for (String token : tokens) {
			if (!containsToken(values, token)) {
				return false;
			}
		}
		return true;
	}

	// Only ASCII letters fold: with String.regionMatches(true, ...) a handler's Origin
	// spelt with a dotless i (U+0131) would pass for ours, and the response would not
	// vary on the real one.
	private static boolean containsToken(List<String> values, String token) {
		for (String value : values) {
			for (int from = 0, end; from < value.length(); from = end + 1) {
				end = CommaList.entryEnd(value, from);
				int start = CommaList.trimStart(value, from, end);
				int tokenLength = CommaList.trimEnd(value, start, end) - start;
				if ((tokenLength == 1 && value.charAt(start) == '*') || (tokenLength == token.length()
						&& Ascii.regionMatchesIgnoreCase(value, start, token, 0, tokenLength))) {
					return true;
				}
			}
		}
		return false;
	}

}
