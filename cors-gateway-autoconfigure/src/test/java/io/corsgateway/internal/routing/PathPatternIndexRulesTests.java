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

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link PathPatternIndex} that the generated patterns of
 * {@link PathPatternIndexPropertiesTests} do not reach: other parsers, patterns without a
 * leading slash, ties, and the size.
 *
 * @author cors-gateway authors
 */
class PathPatternIndexRulesTests {

	private static String find(PathPatternIndex<String> index, String path) {
		return index.find(PathContainer.parsePath(path), (value, argument) -> true, "");
	}

	private static PathPatternIndex.Builder<String> add(PathPatternIndex.Builder<String> builder, String pattern) {
		return builder.add(PathPatternParser.defaultInstance.parse(pattern), pattern);
	}

	@Test
	void sizeIsTheNumberOfPatternsAdded() {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder();
		assertThat(builder.build().size()).isZero();
		add(add(add(builder, "/a/**"), "/a/**"), "/b/{id}");
		assertThat(builder.build().size()).isEqualTo(3);
	}

	@Test
	void literalsOfACaseInsensitiveParserMatchInAnyCase() {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		PathPatternIndex<String> index = PathPatternIndex.<String>builder(parser)
			.add(parser.parse("/orders/{id}"), "order")
			.add(parser.parse("/orders/**"), "orders")
			.build();
		assertThat(find(index, "/ORDERS/1")).isEqualTo("order");
		assertThat(find(index, "/Orders/1/items")).isEqualTo("orders");
		assertThat(find(index, "/other")).isNull();
	}

	@Test
	void theDefaultParserPassedExplicitlyMatchesLiteralsCaseSensitively() {
		PathPatternIndex<String> index = add(PathPatternIndex.builder(PathPatternParser.defaultInstance), "/orders/**")
			.build();
		assertThat(find(index, "/orders/1")).isEqualTo("/orders/**");
		assertThat(find(index, "/ORDERS/1")).isNull();
	}

	@Test
	void patternWithoutLeadingSlashMatchesWhatThePatternMatches() {
		PathPatternIndex<String> index = add(add(PathPatternIndex.builder(), "orders/{id}"), "/elsewhere").build();
		assertThat(find(index, "orders/1")).isEqualTo("orders/{id}");
		assertThat(find(index, "rders/1")).isNull();
		assertThat(find(index, "/orders/1")).isNull();
	}

	@Test
	void equallySpecificPatternsKeepTheOrderOfAddition() {
		PathPatternIndex<String> index = PathPatternIndex.<String>builder()
			.add(PathPatternParser.defaultInstance.parse("/orders/{id}"), "first")
			.add(PathPatternParser.defaultInstance.parse("/orders/{key}"), "second")
			.build();
		assertThat(find(index, "/orders/1")).isEqualTo("first");
	}

	@Test
	void lowerPriorityWinsAmongEquallySpecificPatterns() {
		PathPatternIndex<String> index = PathPatternIndex.<String>builder()
			.add(PathPatternParser.defaultInstance.parse("/orders/{id}"), "first", 1)
			.add(PathPatternParser.defaultInstance.parse("/orders/{key}"), "second", 0)
			.build();
		assertThat(find(index, "/orders/1")).isEqualTo("second");
	}

	@Test
	void moreSpecificPatternWinsWhateverItsPriority() {
		PathPatternIndex<String> index = PathPatternIndex.<String>builder()
			.add(PathPatternParser.defaultInstance.parse("/orders/**"), "prefix", 0)
			.add(PathPatternParser.defaultInstance.parse("/orders/{id}"), "variable", 9)
			.build();
		assertThat(find(index, "/orders/1")).isEqualTo("variable");
	}

	@Test
	void manyLiteralSiblingsAreToldApart() {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder();
		for (String name : new String[] { "orders", "carts", "users", "files" }) {
			add(builder, "/" + name + "/**");
		}
		PathPatternIndex<String> index = builder.build();
		assertThat(find(index, "/carts/1")).isEqualTo("/carts/**");
		assertThat(find(index, "/files")).isEqualTo("/files/**");
		assertThat(find(index, "/payments/1")).isNull();
	}

	@Test
	void encodedAndMatrixSegmentsMatchTheirDecodedLiteral() {
		PathPatternIndex<String> index = add(PathPatternIndex.builder(), "/orders/{id}").build();
		assertThat(find(index, "/%6Frders/1")).isEqualTo("/orders/{id}");
		assertThat(find(index, "/orders;v=1/1")).isEqualTo("/orders/{id}");
	}

	@Test
	void variableSegmentNeverMatchesAnEmptySegment() {
		PathPatternIndex<String> index = add(PathPatternIndex.builder(), "/orders/{id}/items").build();
		assertThat(find(index, "/orders//items")).isNull();
		assertThat(find(index, "/orders/1/items")).isEqualTo("/orders/{id}/items");
	}

}
