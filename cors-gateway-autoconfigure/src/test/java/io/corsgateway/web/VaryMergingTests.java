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

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsgateway.policy.CorsDecision;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link CorsResponseHeaders#mergeVary}: {@code Vary} is a comma-separated list
 * of case-insensitive tokens with optional spaces and tabs around each, empty elements
 * allowed, possibly spread over several header lines (RFC 9110 sections 5.6.1 and
 * 12.5.5). {@link VaryMergingPropertiesTests} checks the same rules on generated values.
 *
 * @author cors-gateway authors
 */
class VaryMergingTests {

	private static HttpHeaders vary(String... lines) {
		HttpHeaders headers = new HttpHeaders();
		for (String line : lines) {
			headers.add(HttpHeaders.VARY, line);
		}
		return headers;
	}

	@Test
	void absentVaryBecomesTheSingleToken() {
		HttpHeaders headers = new HttpHeaders();
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@Test
	void absentVaryBecomesThePreflightTokensOnOneLine() {
		HttpHeaders headers = new HttpHeaders();
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@ParameterizedTest
	@EnumSource(names = { "ORIGIN", "PREFLIGHT" })
	void absentVaryBecomesTheTokensJoinedByCommaAndSpace(CorsDecision.Vary vary) {
		HttpHeaders headers = new HttpHeaders();
		CorsResponseHeaders.mergeVary(headers, vary);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly(String.join(", ", vary.tokens()));
	}

	@Test
	void varyWithNoLinesIsTreatedAsAbsent() {
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.VARY, List.of());
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@Test
	void emptyVaryLineGetsTheTokenWithoutAStrayComma() {
		HttpHeaders headers = vary("");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@Test
	void tokenIsAppendedAfterTheExistingTokensInTheirOrder() {
		HttpHeaders headers = vary("Accept-Encoding, Accept-Language");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept-Language, Origin");
	}

	@Test
	void tokenAlreadyPresentInAnotherCaseLeavesTheLineUntouched() {
		HttpHeaders headers = vary("accept-encoding, ORIGIN");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("accept-encoding, ORIGIN");
	}

	@Test
	void tokenAlreadyPresentFirstLeavesTheLineUntouched() {
		HttpHeaders headers = vary("Origin,Accept-Encoding");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin,Accept-Encoding");
	}

	@Test
	void tokenSurroundedByTabsAndSpacesCountsAsPresent() {
		HttpHeaders headers = vary("Accept-Encoding,\t Origin \t");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding,\t Origin \t");
	}

	@Test
	void tokenAfterEmptyElementsCountsAsPresent() {
		HttpHeaders headers = vary(",, ,\t,Origin,");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly(",, ,\t,Origin,");
	}

	@Test
	void tokensThatOnlyContainTheTokenDoNotCountAsIt() {
		HttpHeaders headers = vary("Origin-Agent-Cluster, X-Origin, Origi, Origins");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin-Agent-Cluster, X-Origin, Origi, Origins, Origin");
	}

	@Test
	void emptyElementsAndSurroundingWhitespaceAreDroppedWhenTheLineIsRewritten() {
		HttpHeaders headers = vary(" ,\tAccept-Encoding\t,, Accept ,");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept, Origin");
	}

	@Test
	void starAloneAlreadyVariesOnEverything() {
		HttpHeaders headers = vary("*");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("*");
	}

	@Test
	void starAmongOtherTokensAlreadyVariesOnEverything() {
		HttpHeaders headers = vary("Accept-Encoding, \t*\t ");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, \t*\t ");
	}

	@Test
	void starOnAnotherLineIsKeptAndNoTokenIsAdded() {
		HttpHeaders headers = vary("Accept-Encoding", "*");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, *");
	}

	@Test
	void tokenStartingWithAStarIsNotTheStar() {
		HttpHeaders headers = vary("*x");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("*x, Origin");
	}

	@Test
	void severalLinesAreMergedIntoOneWithoutDuplicates() {
		HttpHeaders headers = vary("Origin, Accept-Encoding", "accept-encoding, Accept-Language", "ORIGIN");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin, Accept-Encoding, Accept-Language");
	}

	@Test
	void severalLinesThatLackTheTokenAreMergedWithIt() {
		HttpHeaders headers = vary("Accept-Encoding", "Accept-Language");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept-Language, Origin");
	}

	@Test
	void tokenOnTheSecondLineOfSeveralCountsAsPresent() {
		HttpHeaders headers = vary("Accept-Encoding", "Origin");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void preflightTokensMissingFromTheLineAreAddedKeepingThePresentOnesSpelling() {
		HttpHeaders headers = vary("origin");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@Test
	void preflightTokensAllPresentInAnyOrderLeaveTheLineUntouched() {
		HttpHeaders headers = vary("access-control-request-headers,Access-Control-Request-Method, origin");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("access-control-request-headers,Access-Control-Request-Method, origin");
	}

	@Test
	void onlyTheLastPreflightTokenMissingIsStillAdded() {
		HttpHeaders headers = vary("Origin, Access-Control-Request-Method");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@Test
	void immutableVaryLinesOfAHandlerAreReplacedNotModified() {
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.VARY, List.of("Accept-Encoding"));
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void varyThatAlreadyHoldsTheTokenIsNotWrittenAgain() {
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(vary("Accept-Encoding, Origin"));
		CorsResponseHeaders.mergeVary(readOnly, CorsDecision.Vary.ORIGIN);
		assertThat(readOnly.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void varyNamedInLowerCaseIsFound() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("vary", "Accept-Encoding");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void mergingTwiceGivesTheSameLineAsMergingOnce() {
		HttpHeaders headers = vary("Accept-Encoding", "accept");
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		List<String> once = List.copyOf(headers.get(HttpHeaders.VARY));
		CorsResponseHeaders.mergeVary(headers, CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY)).isEqualTo(once);
		assertThat(foldedTokens(once.get(0))).hasSize(5);
	}

	static Set<String> foldedTokens(String line) {
		Set<String> tokens = new HashSet<>();
		for (String token : line.split(",")) {
			String trimmed = token.strip();
			if (!trimmed.isEmpty()) {
				tokens.add(trimmed.toLowerCase(Locale.ROOT));
			}
		}
		return tokens;
	}

}
