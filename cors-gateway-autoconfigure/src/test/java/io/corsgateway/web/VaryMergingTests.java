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

import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
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

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void absentVaryBecomesTheSingleToken(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void absentVaryBecomesThePreflightTokensOnOneLine(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@ParameterizedTest
	@EnumSource(names = { "ORIGIN", "PREFLIGHT" })
	void absentVaryBecomesTheTokensJoinedByCommaAndSpace(CorsDecision.Vary vary) {
		HttpHeaders headers = new HttpHeaders();
		CorsResponseHeaders.SPRING.mergeVary(headers, vary);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly(String.join(", ", vary.tokens()));
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void varyWithNoLinesIsTreatedAsAbsent(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.put(HttpHeaders.VARY, List.of());
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void emptyVaryLineGetsTheTokenWithoutAStrayComma(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenIsAppendedAfterTheExistingTokensInTheirOrder(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding, Accept-Language");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept-Language, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenAlreadyPresentInAnotherCaseLeavesTheLineUntouched(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "accept-encoding, ORIGIN");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("accept-encoding, ORIGIN");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenAlreadyPresentFirstLeavesTheLineUntouched(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Origin,Accept-Encoding");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin,Accept-Encoding");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenSurroundedByTabsAndSpacesCountsAsPresent(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding,\t Origin \t");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding,\t Origin \t");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenAfterEmptyElementsCountsAsPresent(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, ",, ,\t,Origin,");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly(",, ,\t,Origin,");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokensThatOnlyContainTheTokenDoNotCountAsIt(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Origin-Agent-Cluster, X-Origin, Origi, Origins");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin-Agent-Cluster, X-Origin, Origi, Origins, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void emptyElementsAndSurroundingWhitespaceAreDroppedWhenTheLineIsRewritten(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, " ,\tAccept-Encoding\t,, Accept ,");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void starAloneAlreadyVariesOnEverything(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "*");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("*");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void starAmongOtherTokensAlreadyVariesOnEverything(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding, \t*\t ");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, \t*\t ");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void starOnAnotherLineIsKeptAndNoTokenIsAdded(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding", "*");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, *");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenStartingWithAStarIsNotTheStar(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "*x");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("*x, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void severalLinesAreMergedIntoOneWithoutDuplicates(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Origin, Accept-Encoding", "accept-encoding, Accept-Language",
				"ORIGIN");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin, Accept-Encoding, Accept-Language");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void severalLinesThatLackTheTokenAreMergedWithIt(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding", "Accept-Language");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Accept-Language, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void tokenOnTheSecondLineOfSeveralCountsAsPresent(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding", "Origin");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void preflightTokensMissingFromTheLineAreAddedKeepingThePresentOnesSpelling(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "origin");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void preflightTokensAllPresentInAnyOrderLeaveTheLineUntouched(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store,
				"access-control-request-headers,Access-Control-Request-Method, origin");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("access-control-request-headers,Access-Control-Request-Method, origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void onlyTheLastPreflightTokenMissingIsStillAdded(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Origin, Access-Control-Request-Method");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		assertThat(headers.get(HttpHeaders.VARY))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void immutableVaryLinesOfAHandlerAreReplacedNotModified(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.put(HttpHeaders.VARY, List.of("Accept-Encoding"));
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void varyThatAlreadyHoldsTheTokenIsNotWrittenAgain() {
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(vary("Accept-Encoding, Origin"));
		CorsResponseHeaders.SPRING.mergeVary(readOnly, CorsDecision.Vary.ORIGIN);
		assertThat(readOnly.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@Test
	void nettyVaryThatAlreadyHoldsTheTokenIsNotWrittenAgain() {
		ReadOnlyHttpHeaders readOnly = new ReadOnlyHttpHeaders(false, HttpHeaders.VARY, "Accept-Encoding, Origin");
		NettyCorsResponseHeaders.INSTANCE.mergeVary(readOnly, CorsDecision.Vary.ORIGIN);
		assertThat(readOnly.getAll(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void varyNamedInLowerCaseIsFound(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.add("vary", "Accept-Encoding");
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void mergingTwiceGivesTheSameLineAsMergingOnce(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.vary(store, "Accept-Encoding", "accept");
		HttpHeaders headers = edited.view();
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
		List<String> once = List.copyOf(headers.get(HttpHeaders.VARY));
		edited.mergeVary(CorsDecision.Vary.PREFLIGHT);
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
