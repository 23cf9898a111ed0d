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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the literal segment strings that the indexes of one build share.
 *
 * @author cors-gateway authors
 */
class PathPatternIndexSegmentSharingTests {

	private final PathPatternParser parser = PathPatternParser.defaultInstance;

	@Test
	void indexesBuiltWithOneMapHoldOneStringForAnEqualSegment() {
		Map<String, String> segments = new HashMap<>();
		PathPatternIndex<String> first = index(segments, "/a/items/{id}");
		PathPatternIndex<String> second = index(segments, "/b/items/{id}");
		String firstItems = onlyLiteral(onlyChild(root(first)));
		String secondItems = onlyLiteral(onlyChild(root(second)));
		assertThat(firstItems).isEqualTo("items").isSameAs(secondItems);
		assertThat(find(first, "/a/items/7")).isEqualTo("/a/items/{id}");
		assertThat(find(second, "/b/items/7")).isEqualTo("/b/items/{id}");
		assertThat(find(second, "/a/items/7")).isNull();
	}

	@Test
	void indexHoldsTheStringAlreadyInTheMapForAnEqualSegment() {
		String id = new String("orders");
		Map<String, String> segments = new HashMap<>(Map.of(id, id));
		PathPatternIndex<String> index = index(segments, "/orders/**");
		assertThat(onlyLiteral(root(index))).isSameAs(id);
		assertThat(find(index, "/orders/7")).isEqualTo("/orders/**");
	}

	@Test
	void caseInsensitiveIndexSharesTheFoldedSegment() {
		Map<String, String> segments = new HashMap<>();
		PathPatternParser caseInsensitive = new PathPatternParser();
		caseInsensitive.setCaseSensitive(false);
		PathPatternIndex<String> first = index(caseInsensitive, segments, "/a/Items/{id}");
		PathPatternIndex<String> second = index(caseInsensitive, segments, "/b/ITEMS/{id}");
		assertThat(onlyLiteral(onlyChild(root(first)))).isEqualTo("items")
			.isSameAs(onlyLiteral(onlyChild(root(second))));
		assertThat(find(second, "/B/items/7")).isEqualTo("/b/ITEMS/{id}");
	}

	@Test
	void builderWithoutAMapStillSharesEqualSegmentsWithinTheIndex() {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder(this.parser);
		builder.add(this.parser.parse("/a/items/{id}"), "a");
		builder.add(this.parser.parse("/b/items"), "b");
		PathPatternIndex<String> index = builder.build();
		SegmentNode<String> root = root(index);
		List<String> children = root.literalSegments();
		assertThat(children).containsExactlyInAnyOrder("a", "b");
		String underA = onlyLiteral(root.literalChild("a"));
		String underB = onlyLiteral(root.literalChild("b"));
		assertThat(underA).isEqualTo("items").isSameAs(underB);
	}

	private PathPatternIndex<String> index(Map<String, String> segments, String pattern) {
		return index(this.parser, segments, pattern);
	}

	private static PathPatternIndex<String> index(PathPatternParser parser, Map<String, String> segments,
			String pattern) {
		PathPatternIndex.Builder<String> builder = PathPatternIndex.builder(parser, segments);
		builder.add(parser.parse(pattern), pattern);
		return builder.build();
	}

	private static String find(PathPatternIndex<String> index, String path) {
		return index.find(PathContainer.parsePath(path), (value, argument) -> true, "");
	}

	@SuppressWarnings("unchecked")
	private static SegmentNode<String> root(PathPatternIndex<String> index) {
		return (SegmentNode<String>) ReflectionTestUtils.getField(index, "root");
	}

	private static SegmentNode<String> onlyChild(SegmentNode<String> node) {
		return node.literalChild(onlyLiteral(node));
	}

	private static String onlyLiteral(SegmentNode<String> node) {
		List<String> segments = node.literalSegments();
		assertThat(segments).hasSize(1);
		return segments.get(0);
	}

}
