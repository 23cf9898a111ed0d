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
package io.corsgateway.internal.routing;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PathPatternIndex}.
 *
 * @author cors-gateway authors
 */
class PathPatternIndexTests {

	private static final BiPredicate<String, String> ANY = (value, argument) -> true;

	private final PathPatternParser parser = PathPatternParser.defaultInstance;

	private PathPatternIndex<String> index(String... patterns) {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder();
		for (String pattern : patterns) {
			builder.add(this.parser.parse(pattern), pattern);
		}
		return builder.build();
	}

	private static String find(PathPatternIndex<String> index, String path) {
		return index.find(PathContainer.parsePath(path), ANY, "");
	}

	@Test
	void findsTheMostSpecificPatternAcrossBranches() {
		PathPatternIndex<String> index = index("/**", "/orders/**", "/orders/{id}", "/orders/{id}/refunds",
				"/orders/special");
		assertThat(find(index, "/orders/special")).isEqualTo("/orders/special");
		assertThat(find(index, "/orders/7")).isEqualTo("/orders/{id}");
		assertThat(find(index, "/orders/7/refunds")).isEqualTo("/orders/{id}/refunds");
		assertThat(find(index, "/orders/7/lines/1")).isEqualTo("/orders/**");
		assertThat(find(index, "/catalog")).isEqualTo("/**");
	}

	@Test
	void returnsNullWhenNothingMatches() {
		PathPatternIndex<String> index = index("/orders/**", "/catalog/{id}");
		assertThat(find(index, "/catalog/1/2")).isNull();
		assertThat(find(index, "/other")).isNull();
	}

	@Test
	void patternsStartingWithAVariableAreTriedForEveryPath() {
		PathPatternIndex<String> index = index("/{tenant}/orders", "/static/orders");
		assertThat(find(index, "/acme/orders")).isEqualTo("/{tenant}/orders");
		assertThat(find(index, "/static/orders")).isEqualTo("/static/orders");
	}

	@Test
	void filterRejectedCandidatesFallBackToLessSpecificPatterns() {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder();
		builder.add(this.parser.parse("/orders/{id}"), "specific");
		builder.add(this.parser.parse("/orders/**"), "general");
		PathPatternIndex<String> index = builder.build();
		assertThat(index.find(PathContainer.parsePath("/orders/1"), (value, arg) -> !value.equals(arg), "specific"))
			.isEqualTo("general");
	}

	@Test
	void scalesToManyServicesWithoutLosingPrecision() {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder();
		for (int i = 0; i < 1000; i++) {
			builder.add(this.parser.parse("/svc" + i + "/**"), "svc" + i);
			builder.add(this.parser.parse("/svc" + i + "/items/{id}"), "svc" + i + "-item");
		}
		PathPatternIndex<String> index = builder.build();
		assertThat(index.size()).isEqualTo(2000);
		assertThat(find(index, "/svc999/items/7")).isEqualTo("svc999-item");
		assertThat(find(index, "/svc998/other")).isEqualTo("svc998");
		assertThat(find(index, "/svc1000/items/7")).isNull();
	}

	@Test // gh-7
	void caseInsensitiveParserMatchesLiteralsIgnoringCaseAsItsPatternsDo() {
		PathPatternParser caseInsensitive = new PathPatternParser();
		caseInsensitive.setCaseSensitive(false);
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder(caseInsensitive);
		for (String pattern : List.of("/**", "/Admin/**", "/orders/{id}/Refunds", "/files/*.TXT")) {
			builder.add(caseInsensitive.parse(pattern), pattern);
		}
		PathPatternIndex<String> index = builder.build();
		for (String path : List.of("/admin/x", "/ADMIN/x", "/aDmIn", "/orders/1/REFUNDS", "/files/A.txt",
				"/\u212Aelvin", "/catalog", "/admin\u017F/x")) {
			String linear = Stream.of("/Admin/**", "/orders/{id}/Refunds", "/files/*.TXT", "/**")
				.filter((pattern) -> caseInsensitive.parse(pattern).matches(PathContainer.parsePath(path)))
				.findFirst()
				.orElse(null);
			assertThat(find(index, path)).as(path).isEqualTo(linear);
		}
		assertThat(find(index, "/ADMIN/x")).isEqualTo("/Admin/**");
	}

	@Test
	void foldedKeysAreEqualExactlyWhenStringsAreEqualIgnoringCase() {
		List<String> samples = List.of("admin", "ADMIN", "Admin", "\u212A", "k", "K", "\u017F", "s", "S", "\u0130", "i",
				"I", "\u0131", "\u00DF", "ss", "\u03A3", "\u03C3", "\u03C2");
		for (String a : samples) {
			for (String b : samples) {
				if (a.length() == b.length()) {
					assertThat(PathPatternIndex.foldCase(a).equals(PathPatternIndex.foldCase(b))).as("%s ~ %s", a, b)
						.isEqualTo(a.equalsIgnoreCase(b));
				}
			}
		}
	}

	@Test
	void hostMatcherMatchesExactHostsAndSubdomainsCaseInsensitively() {
		HostMatcher matcher = HostMatcher.of(java.util.List.of("api.example.com", "*.corp.example"));
		assertThat(matcher.matches("api.example.com")).isTrue();
		assertThat(matcher.matches("API.Example.com")).isTrue();
		assertThat(matcher.matches("a.corp.example")).isTrue();
		assertThat(matcher.matches("a.b.CORP.example")).isTrue();
		assertThat(matcher.matches("corp.example")).isFalse();
		assertThat(matcher.matches("evilcorp.example")).isFalse();
		assertThat(HostMatcher.of(java.util.List.of()).matches("anything")).isTrue();
	}

}
