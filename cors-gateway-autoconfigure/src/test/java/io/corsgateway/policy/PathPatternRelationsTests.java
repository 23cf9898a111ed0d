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

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.corsgateway.policy.PathPatternRelations.Overlap;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PathPatternRelations}: equivalent patterns share a key, and the
 * overlap answer is never wrong when it is not {@code UNKNOWN}. Each case is checked
 * against Spring's {@code PathPattern} on sample paths.
 *
 * @author cors-gateway authors
 */
class PathPatternRelationsTests {

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private static final List<String> SAMPLE_PATHS = List.of("", "/", "/orders", "/orders/", "/orders/1", "/orders/abc",
			"/orders/1/refunds", "/orders/1/refunds/2", "/orders/1/2/refunds", "/customers/1", "/events/a/stream",
			"/stream", "/a/b/c/stream", "/orders//refunds", "/orders/report.csv");

	private final PathPatternRelations relations = new PathPatternRelations(PARSER);

	private static List<String> matchedSamples(String pattern) {
		PathPattern parsed = PARSER.parse(pattern);
		return SAMPLE_PATHS.stream().filter((path) -> parsed.matches(PathContainer.parsePath(path))).toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ',
			value = { "/orders/** /orders/{*rest}", "/orders/{id} /orders/{other}", "/{*path}/stream /**/stream",
					"/orders/{id:[0-9]+}/x /orders/{n:[0-9]+}/x", "/orders/v{major}.{minor} /orders/v{a}.{b}" })
	void patternsThatMatchTheSamePathsShareAKey(String first, String second) {
		assertThat(this.relations.canonical(first)).isEqualTo(this.relations.canonical(second));
		assertThat(matchedSamples(first)).isEqualTo(matchedSamples(second));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ', value = { "/orders /orders/", "/orders/* /orders/{id}", "/orders/** /orders/*",
			"/Orders/** /orders/**", "/orders/{id:[0-9]+} /orders/{id:[a-z]+}" })
	void patternsThatMatchOtherPathsHaveOtherKeys(String first, String second) {
		assertThat(this.relations.canonical(first)).isNotEqualTo(this.relations.canonical(second));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ',
			value = { "/customers/{id} /orders/**", "/orders/{id}/refunds /orders/{id}", "/orders /orders/",
					"/orders/1 /orders/{id:[a-z]+}", "/orders/{id}/refunds /**/stream", "/orders/x/** /orders/z/**",
					"/orders/{id} /orders/a/b/**" })
	void patternsThatExcludeEachOtherDoNotOverlap(String first, String second) {
		assertThat(this.relations.overlap(first, second)).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap(second, first)).isEqualTo(Overlap.NONE);
		assertThat(matchedSamples(first)).noneMatch(matchedSamples(second)::contains);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ',
			value = { "/orders/** /orders/{id}/refunds", "/orders/{id} /orders/*", "/** /customers/1",
					"/orders/** /orders", "/orders/** /orders/", "/**/stream /events/{*rest}",
					"/orders/{id}/refunds /orders/{n:[0-9]+}/refunds", "/orders/*.csv /orders/report.csv",
					"/orders/{id}/** /**/refunds" })
	void patternsThatShareAPathOverlap(String first, String second) {
		assertThat(this.relations.overlap(first, second)).isEqualTo(Overlap.SOME);
		assertThat(this.relations.overlap(second, first)).isEqualTo(Overlap.SOME);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ', value = { "/orders/{id:[0-9]+} /orders/{name:[a-z]+}", "/orders/a* /orders/b*",
			"/orders/%7Bid%7D /orders/{id:[a-z]+}" })
	void patternsThatTheComparisonCannotDecideAreUnknown(String first, String second) {
		assertThat(this.relations.overlap(first, second)).isEqualTo(Overlap.UNKNOWN);
	}

}
