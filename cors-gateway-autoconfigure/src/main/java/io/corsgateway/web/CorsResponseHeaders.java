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
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
			for (String token : value.split(",")) {
				String trimmed = token.strip();
				if (!trimmed.isEmpty()) {
					merged.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
				}
			}
		}
		if (!merged.containsKey("*")) {
			for (String token : tokens) {
				merged.putIfAbsent(token.toLowerCase(Locale.ROOT), token);
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

	private static boolean containsToken(List<String> values, String token) {
		for (String value : values) {
			int position = 0;
			int length = value.length();
			while (position < length) {
				int comma = value.indexOf(',', position);
				int end = (comma < 0) ? length : comma;
				int start = position;
				while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
					start++;
				}
				int stop = end;
				while (stop > start && (value.charAt(stop - 1) == ' ' || value.charAt(stop - 1) == '\t')) {
					stop--;
				}
				int tokenLength = stop - start;
				if ((tokenLength == 1 && value.charAt(start) == '*')
						|| (tokenLength == token.length() && value.regionMatches(true, start, token, 0, tokenLength))) {
					return true;
				}
				position = end + 1;
			}
		}
		return false;
	}

}
