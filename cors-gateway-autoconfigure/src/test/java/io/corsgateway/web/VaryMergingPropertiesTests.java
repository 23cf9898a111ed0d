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
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import io.corsgateway.policy.CorsDecision;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of {@link CorsResponseHeaders#mergeVary} on generated {@code Vary}
 * lines: random case, spaces and tabs around tokens, empty elements, {@code *} and
 * several lines.
 *
 * @author cors-gateway authors
 */
class VaryMergingPropertiesTests {

	private static final List<String> TOKENS = List.of("Origin", "Accept", "Accept-Encoding", "Cookie",
			"Access-Control-Request-Method", "Access-Control-Request-Headers", "Origin-Agent-Cluster", "X-Origin", "*",
			"*x");

	@Property(tries = 1000)
	void mergedVaryNeverLosesAnExistingToken(@ForAll("varyLines") List<String> lines,
			@ForAll("added") CorsDecision.Vary added, @ForAll EditedHeaders.Store store) {
		List<String> merged = merge(store, lines, added);
		Set<String> result = VaryMergingTests.foldedTokens(merged.get(0));
		for (String line : lines) {
			assertThat(result).containsAll(VaryMergingTests.foldedTokens(line));
		}
	}

	@Property(tries = 1000)
	void mergedVaryCoversEveryAddedTokenUnlessItIsStar(@ForAll("varyLines") List<String> lines,
			@ForAll("added") CorsDecision.Vary added, @ForAll EditedHeaders.Store store) {
		Set<String> result = VaryMergingTests.foldedTokens(merge(store, lines, added).get(0));
		if (!result.contains("*")) {
			for (String token : added.tokens()) {
				assertThat(result).contains(token.toLowerCase(Locale.ROOT));
			}
		}
	}

	@Property(tries = 1000)
	void mergedVaryIsOneLineWithoutCaseInsensitiveDuplicatesWhenRewritten(@ForAll("varyLines") List<String> lines,
			@ForAll("added") CorsDecision.Vary added, @ForAll EditedHeaders.Store store) {
		List<String> merged = merge(store, lines, added);
		assertThat(merged).hasSize(1);
		if (!merged.equals(lines)) {
			List<String> tokens = new ArrayList<>();
			for (String token : merged.get(0).split(", ")) {
				tokens.add(token.toLowerCase(Locale.ROOT));
			}
			assertThat(tokens).doesNotHaveDuplicates().doesNotContain("");
		}
	}

	@Property(tries = 1000)
	void mergingAgainChangesNothing(@ForAll("varyLines") List<String> lines, @ForAll("added") CorsDecision.Vary added,
			@ForAll EditedHeaders.Store store) {
		List<String> once = merge(store, lines, added);
		assertThat(merge(store, once, added)).isEqualTo(once);
	}

	private static List<String> merge(EditedHeaders.Store store, List<String> lines, CorsDecision.Vary added) {
		EditedHeaders headers = EditedHeaders.vary(store, lines.toArray(new String[0]));
		headers.mergeVary(added);
		return headers.view().get(HttpHeaders.VARY);
	}

	@Provide
	Arbitrary<CorsDecision.Vary> added() {
		return Arbitraries.of(CorsDecision.Vary.ORIGIN, CorsDecision.Vary.PREFLIGHT);
	}

	@Provide
	Arbitrary<List<String>> varyLines() {
		Arbitrary<String> token = Combinators
			.combine(Arbitraries.of(TOKENS), Arbitraries.of(Case.values()), whitespace(), whitespace())
			.as((name, shape, before, after) -> before + shape.apply(name) + after);
		Arbitrary<String> element = Arbitraries.frequencyOf(Tuple.of(6, token), Tuple.of(1, whitespace()));
		Arbitrary<String> line = element.list().ofMinSize(1).ofMaxSize(5).map((elements) -> String.join(",", elements));
		return line.list().ofMinSize(1).ofMaxSize(3);
	}

	private static Arbitrary<String> whitespace() {
		return Arbitraries.of("", "", " ", "\t", " \t ");
	}

	enum Case {

		AS_IS, LOWER, UPPER;

		String apply(String token) {
			return switch (this) {
				case AS_IS -> token;
				case LOWER -> token.toLowerCase(Locale.ROOT);
				case UPPER -> token.toUpperCase(Locale.ROOT);
			};
		}

	}

}
