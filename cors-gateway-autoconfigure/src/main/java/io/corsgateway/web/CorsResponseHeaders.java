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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.CommaList;
import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsHeader;

import org.springframework.http.HttpHeaders;

/**
 * Response header edits shared by every branch of the protocol: giving each CORS response
 * header the policy's value whatever a handler or an upstream set, and merging
 * {@code Vary} tokens without duplicating or dropping any.
 *
 * @author cors-gateway authors
 */
final class CorsResponseHeaders {

	private static final String VARY_LOOKUP = "vary";

	private CorsResponseHeaders() {
	}

	/**
	 * Make one CORS response header hold exactly the given value, or be absent where the
	 * value is {@code null}: a handler's or upstream's value is replaced, duplicates
	 * collapse, and a header that already holds the right value is not written again.
	 * @param headers the response headers
	 * @param header the header
	 * @param wanted the value, or {@code null} for none
	 */
	static void ensure(HttpHeaders headers, CorsHeader header, @Nullable String wanted) {
		if (wanted == null) {
			if (headers.getFirst(header.lowerCaseName()) != null) {
				headers.remove(header.lowerCaseName());
			}
			return;
		}
		List<String> current = headers.get(header.lowerCaseName());
		if (current == null || current.size() != 1 || !wanted.equals(current.get(0))) {
			headers.set(header.headerName(), wanted);
		}
	}

	/**
	 * Add each token to {@code Vary} unless it is already there (case-insensitively) or
	 * {@code Vary: *} already covers it. Other tokens are kept, and several {@code Vary}
	 * lines, such as one of ours and one a handler added, are merged into one line
	 * without duplicates.
	 * @param headers the response headers
	 * @param vary the request headers to name
	 */
	static void mergeVary(HttpHeaders headers, CorsDecision.Vary vary) {
		List<String> tokens = vary.tokens();
		List<String> existing = headers.get(VARY_LOOKUP);
		if (existing == null || existing.isEmpty()) {
			headers.set(HttpHeaders.VARY, vary.value());
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

	private static boolean containsAll(List<String> values, List<String> tokens) {
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
