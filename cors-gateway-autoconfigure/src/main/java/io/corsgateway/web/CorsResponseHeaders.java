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
 * <p>
 * The edits are written once, against the few line operations a header store offers;
 * {@link #SPRING} performs them through Spring's {@link HttpHeaders}, and
 * {@link NettyCorsResponseHeaders} directly on Reactor Netty's response headers, with
 * header names whose hash is computed once instead of on every lookup.
 *
 * @param <H> the type of the header store
 * @author cors-gateway authors
 */
abstract class CorsResponseHeaders<H> {

	/**
	 * The edits through Spring's {@link HttpHeaders}, whatever backs them.
	 */
	static final CorsResponseHeaders<HttpHeaders> SPRING = new SpringHeaders();

	private static final CorsHeader[] HEADERS = CorsHeader.values();

	/**
	 * Give every CORS response header the decision's value or remove it, and add the
	 * decision's {@code Vary} tokens.
	 * @param headers the response headers
	 * @param decision the decision whose values the response carries
	 */
	final void repair(H headers, CorsDecision decision) {
		for (CorsHeader header : HEADERS) {
			ensure(headers, header, decision.getHeaderValue(header));
		}
		CorsDecision.Vary vary = decision.getVary();
		if (vary != CorsDecision.Vary.NOTHING) {
			mergeVary(headers, vary);
		}
	}

	/**
	 * Make one CORS response header hold exactly the given value, or be absent where the
	 * value is {@code null}: a handler's or upstream's value is replaced, duplicates
	 * collapse, and a header that already holds the right value is not written again.
	 * @param headers the response headers
	 * @param header the header
	 * @param wanted the value, or {@code null} for none
	 */
	final void ensure(H headers, CorsHeader header, @Nullable String wanted) {
		String first = first(headers, header);
		if (wanted == null) {
			if (first != null) {
				remove(headers, header);
			}
			return;
		}
		// The list only when the first line is already right: it may have a second.
		if (first == null || !wanted.equals(first) || all(headers, header).size() != 1) {
			set(headers, header, wanted);
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
	final void mergeVary(H headers, CorsDecision.Vary vary) {
		if (firstVary(headers) == null) {
			setVary(headers, vary.value());
			return;
		}
		List<String> existing = allVary(headers);
		List<String> tokens = vary.tokens();
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
		// One set, which also copes with value lists that handlers made immutable.
		setVary(headers, String.join(", ", merged.values()));
	}

	/**
	 * The first line of a header.
	 * @param headers the response headers
	 * @param header the header
	 * @return its first value, or {@code null} when it has none
	 */
	abstract @Nullable String first(H headers, CorsHeader header);

	/**
	 * Every line of a header that has one at least.
	 * @param headers the response headers
	 * @param header the header
	 * @return its values
	 */
	abstract List<String> all(H headers, CorsHeader header);

	/**
	 * Replace every line of a header with one.
	 * @param headers the response headers
	 * @param header the header
	 * @param value the value
	 */
	abstract void set(H headers, CorsHeader header, String value);

	/**
	 * Remove every line of a header.
	 * @param headers the response headers
	 * @param header the header
	 */
	abstract void remove(H headers, CorsHeader header);

	/**
	 * The first {@code Vary} line.
	 * @param headers the response headers
	 * @return its value, or {@code null} when there is none
	 */
	abstract @Nullable String firstVary(H headers);

	/**
	 * Every {@code Vary} line, when there is one at least.
	 * @param headers the response headers
	 * @return the values
	 */
	abstract List<String> allVary(H headers);

	/**
	 * Replace every {@code Vary} line with one.
	 * @param headers the response headers
	 * @param value the value
	 */
	abstract void setVary(H headers, String value);

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

	/**
	 * The edits through Spring's {@link HttpHeaders}: lookups use lower-case names, which
	 * case-insensitive maps then need not lower-case a copy of.
	 */
	private static final class SpringHeaders extends CorsResponseHeaders<HttpHeaders> {

		private static final String VARY_LOOKUP = "vary";

		@Override
		@Nullable String first(HttpHeaders headers, CorsHeader header) {
			return headers.getFirst(header.lowerCaseName());
		}

		@Override
		List<String> all(HttpHeaders headers, CorsHeader header) {
			List<String> values = headers.get(header.lowerCaseName());
			return (values != null) ? values : List.of();
		}

		@Override
		void set(HttpHeaders headers, CorsHeader header, String value) {
			headers.set(header.headerName(), value);
		}

		@Override
		void remove(HttpHeaders headers, CorsHeader header) {
			headers.remove(header.lowerCaseName());
		}

		@Override
		@Nullable String firstVary(HttpHeaders headers) {
			return headers.getFirst(VARY_LOOKUP);
		}

		@Override
		List<String> allVary(HttpHeaders headers) {
			List<String> values = headers.get(VARY_LOOKUP);
			return (values != null) ? values : List.of();
		}

		@Override
		void setVary(HttpHeaders headers, String value) {
			headers.set(HttpHeaders.VARY, value);
		}

	}

}
