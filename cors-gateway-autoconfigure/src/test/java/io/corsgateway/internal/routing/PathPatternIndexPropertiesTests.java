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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests: {@link PathPatternIndex} answers exactly what a linear scan of
 * {@link PathPattern}s sorted by specificity answers, for generated patterns and paths.
 *
 * @author cors-gateway authors
 */
class PathPatternIndexPropertiesTests {

	private static final List<String> SEGMENTS = List.of("a", "b", "orders", "v1.0", "{id}", "{x}", "*", "**",
			"{*rest}", "a*", "{n:[0-9]+}", "?b", "");

	private static final List<String> PATH_SEGMENTS = List.of("a", "b", "orders", "v1.0", "42", "ab", "", "a;m=1",
			"%61");

	@Property(tries = 2000)
	void indexAgreesWithALinearScan(@ForAll("patternSets") List<String> patterns, @ForAll("paths") List<String> paths) {
		List<PathPattern> parsed = new ArrayList<>();
		PathPatternIndex.Builder<Integer> builder = PathPatternIndex.builder();
		for (String pattern : patterns) {
			PathPattern pathPattern;
			try {
				pathPattern = PathPatternParser.defaultInstance.parse(pattern);
			}
			catch (RuntimeException ex) {
				continue;
			}
			builder.add(pathPattern, parsed.size(), parsed.size() % 2);
			parsed.add(pathPattern);
		}
		PathPatternIndex<Integer> index = builder.build();
		for (String path : paths) {
			PathContainer container = PathContainer.parsePath(path);
			assertThat(index.find(container, (value, arg) -> true, "")).as("%s in %s", path, patterns)
				.isEqualTo(linearScan(parsed, container));
		}
	}

	private static Integer linearScan(List<PathPattern> patterns, PathContainer path) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> patterns.get(i), PathPattern.SPECIFICITY_COMPARATOR)
			.thenComparingInt((i) -> i % 2)
			.thenComparingInt((i) -> i));
		for (Integer i : order) {
			if (patterns.get(i).matches(path)) {
				return i;
			}
		}
		return null;
	}

	@Provide
	Arbitrary<List<String>> patternSets() {
		Arbitrary<String> pattern = Arbitraries.of(SEGMENTS)
			.list()
			.ofMinSize(0)
			.ofMaxSize(4)
			.map((segments) -> "/" + String.join("/", segments));
		return pattern.list().ofMinSize(1).ofMaxSize(12);
	}

	@Provide
	Arbitrary<List<String>> paths() {
		Arbitrary<String> path = Combinators
			.combine(Arbitraries.of(PATH_SEGMENTS).list().ofMinSize(0).ofMaxSize(5), Arbitraries.of("", "/", "//"))
			.as((segments, trailer) -> "/" + String.join("/", segments) + trailer);
		path = Arbitraries.oneOf(path, Arbitraries.of("", "a", "a/b", "//", "//a", "/a//b", "/;x=1", "/a/;x=1/b"));
		return path.list().ofMinSize(1).ofMaxSize(8);
	}

}
