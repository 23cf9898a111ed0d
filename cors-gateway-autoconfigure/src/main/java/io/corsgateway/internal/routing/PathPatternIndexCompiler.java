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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.util.pattern.PathPattern;

/**
 * Compiles the patterns a {@link PathPatternIndex.Builder} holds into the index's segment
 * tree: ranks them by specificity, classifies each pattern's segments (literal, variable,
 * or something only the pattern itself can match) and places it at its node.
 *
 * @param <T> the type of indexed values
 * @author cors-gateway authors
 */
final class PathPatternIndexCompiler<T> {

	private static final Pattern LITERAL_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,=@:-]+");

	private static final Pattern VARIABLE_SEGMENT = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

	private final boolean segmentMatching;

	private final boolean caseSensitive;

	private final Map<String, String> segments;

	// The literal children of each node while the tree is built; the nodes only get
	// them, in their lookup form, once every pattern is placed.
	private final Map<SegmentNode<T>, Map<String, SegmentNode<T>>> literalChildren = new IdentityHashMap<>();

	/**
	 * Create a compiler.
	 * @param segmentMatching whether the tree may decide literal segments itself (the
	 * patterns come from a parser of HTTP paths)
	 * @param caseSensitive whether literal segments compare case-sensitively
	 * @param segments the segment strings already held, each mapped to itself; the tree
	 * holds these instances for equal segments and adds its own
	 */
	PathPatternIndexCompiler(boolean segmentMatching, boolean caseSensitive, Map<String, String> segments) {
		this.segmentMatching = segmentMatching;
		this.caseSensitive = caseSensitive;
		this.segments = segments;
	}

	@SuppressWarnings("unchecked")
	PathPatternIndex<T> compile(List<Pending<T>> pending) {
		List<Pending<T>> ranked = new ArrayList<>(pending);
		ranked.sort(Comparator.comparing(Pending<T>::pattern, PathPattern.SPECIFICITY_COMPARATOR)
			.thenComparingInt(Pending::priority)
			.thenComparingInt(Pending::order));
		Map<SegmentNode<T>, List<List<IndexEntry<T>>>> entriesByNode = new HashMap<>();
		SegmentNode<T> root = new SegmentNode<>();
		for (int rank = 0; rank < ranked.size(); rank++) {
			Pending<T> next = ranked.get(rank);
			IndexEntry<T> entry = new IndexEntry<>(next.pattern(), next.value(), rank);
			place(root, entry, entriesByNode);
		}
		entriesByNode.forEach((node, lists) -> {
			node.exactEntries = toArray(lists.get(0));
			node.prefixEntries = toArray(lists.get(1));
			node.confirmedEntries = toArray(lists.get(2));
		});
		this.literalChildren.forEach(SegmentNode::setLiteralChildren);
		return new PathPatternIndex<>(root, ranked.size(), !this.caseSensitive);
	}

	@SuppressWarnings("unchecked")
	private static <T> IndexEntry<T>[] toArray(List<IndexEntry<T>> entries) {
		return entries.isEmpty() ? SegmentNode.NO_ENTRIES : entries.toArray(new IndexEntry[0]);
	}

	private void place(SegmentNode<T> root, IndexEntry<T> entry,
			Map<SegmentNode<T>, List<List<IndexEntry<T>>>> entriesByNode) {
		String text = entry.pattern().getPatternString();
		String[] segments = text.startsWith("/") ? text.substring(1).split("/", -1) : new String[] { "" };
		SegmentNode<T> node = root;
		int kind = 0;
		int count = segments.length;
		if (!this.segmentMatching) {
			// Another parser may match literals differently: every pattern is
			// confirmed.
			kind = 2;
			count = 0;
		}
		else if (segments[count - 1].equals("**")) {
			// A trailing ** makes a prefix of the segments before it.
			kind = 1;
			count--;
		}
		for (int i = 0; i < count; i++) {
			String segment = segments[i];
			if (LITERAL_SEGMENT.matcher(segment).matches()) {
				String key = this.caseSensitive ? segment : PathPatternIndex.foldCase(segment);
				node = this.literalChildren.computeIfAbsent(node, (parent) -> new HashMap<>())
					.computeIfAbsent(this.segments.computeIfAbsent(key, Function.identity()),
							(literal) -> new SegmentNode<>());
			}
			else if (VARIABLE_SEGMENT.matcher(segment).matches()) {
				if (node.variableChild == null) {
					node.variableChild = new SegmentNode<>();
				}
				node = node.variableChild;
			}
			else {
				kind = 2;
				break;
			}
		}
		boolean confirmable = kind == 2 || (kind == 1 && node == root);
		entriesByNode.computeIfAbsent(node, (key) -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
			.get(kind)
			.add(confirmable ? entry : new IndexEntry<>(null, entry.value(), entry.rank()));
	}

	/**
	 * A pattern as added to the builder.
	 *
	 * @param <T> the type of the value
	 * @param pattern the parsed pattern
	 * @param value the value it leads to
	 * @param priority the tie-breaking priority among equally specific patterns
	 * @param order the position of the addition
	 */
	record Pending<T>(PathPattern pattern, T value, int priority, int order) {

	}

}
