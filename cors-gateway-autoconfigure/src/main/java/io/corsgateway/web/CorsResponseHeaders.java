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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * Response header edits shared by every branch of the protocol: removing CORS headers
 * that a handler or an upstream set, and merging {@code Vary} tokens without duplicating
 * or dropping any.
 *
 * @author cors-gateway authors
 */
final class CorsResponseHeaders {

	static final String VARY_ORIGIN = "Origin";

	static final String[] VARY_PREFLIGHT = { "Origin", "Access-Control-Request-Method",
			"Access-Control-Request-Headers" };

	private static final String[] VARY_ORIGIN_ONLY = { VARY_ORIGIN };

	private static final String ACCESS_CONTROL_PREFIX = "access-control-";

	private CorsResponseHeaders() {
	}

	/**
	 * Remove every {@code Access-Control-*} response header, so that the policy's
	 * decision is the only one a browser sees.
	 * @param headers the response headers
	 */
	static void removeAccessControlHeaders(HttpHeaders headers) {
		List<String> found = null;
		for (String name : headers.headerNames()) {
			if (name.regionMatches(true, 0, ACCESS_CONTROL_PREFIX, 0, ACCESS_CONTROL_PREFIX.length())) {
				if (found == null) {
					found = new ArrayList<>(4);
				}
				found.add(name);
			}
		}
		if (found != null) {
			found.forEach(headers::remove);
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
		List<String> existing = headers.get(HttpHeaders.VARY);
		if (existing == null || existing.isEmpty()) {
			headers.set(HttpHeaders.VARY, (tokens.length == 1) ? tokens[0] : String.join(", ", tokens));
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

	private static boolean containsAll(List<String> values, String[] tokens) {
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
