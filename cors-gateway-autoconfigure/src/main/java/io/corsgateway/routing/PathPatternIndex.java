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
package io.corsgateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.util.pattern.PathPattern;

/**
 * An immutable index from path patterns to values that finds the most specific matching
 * pattern without scanning every pattern: patterns hang in a tree under their leading
 * literal segments, and a lookup only tries the patterns on the branch the request path
 * walks.
 *
 * @param <T> the type of indexed values
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class PathPatternIndex<T> {

	private final Node<T> root;

	private final int size;

	private PathPatternIndex(Node<T> root, int size) {
		this.root = root;
		this.size = size;
	}

	/**
	 * Start an index.
	 * @param <T> the type of indexed values
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * The number of indexed patterns.
	 * @return the number of patterns
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Find the value of the most specific pattern that matches the path and whose value
	 * the filter accepts; patterns equally specific are tried in the order they were
	 * added.
	 * @param <A> the type of the filter argument
	 * @param path the path within the application
	 * @param filter tests a candidate value against {@code argument}
	 * @param argument passed to the filter, so that callers need not allocate a closure
	 * @return the value, or {@code null} when no pattern matches
	 */
	public <A> @Nullable T find(PathContainer path, BiPredicate<? super T, A> filter, A argument) {
		Entry<T> best = null;
		Node<T> node = this.root;
		best = bestAt(node, path, filter, argument, null);
		List<Element> elements = path.elements();
		for (int i = 0, count = elements.size(); i < count && node.children != null; i++) {
			if (elements.get(i) instanceof PathSegment segment) {
				node = node.children.get(segment.valueToMatch());
				if (node == null) {
					break;
				}
				best = bestAt(node, path, filter, argument, best);
			}
		}
		return (best != null) ? best.value : null;
	}

	private static <T, A> @Nullable Entry<T> bestAt(Node<T> node, PathContainer path, BiPredicate<? super T, A> filter,
			A argument, @Nullable Entry<T> best) {
		for (Entry<T> entry : node.entries) {
			if (best != null && entry.rank > best.rank) {
				return best;
			}
			if (filter.test(entry.value, argument) && entry.pattern.matches(path)) {
				return entry;
			}
		}
		return best;
	}

	// Before build() the rank holds the caller's priority; afterwards the overall
	// position.
	private record Entry<T>(PathPattern pattern, T value, int rank) {

	}

	private static final class Node<T> {

		@SuppressWarnings("unchecked")
		private Entry<T>[] entries = new Entry[0];

		private @Nullable Map<String, Node<T>> children;

	}

	/**
	 * Collects patterns and builds an immutable {@link PathPatternIndex}.
	 *
	 * @param <T> the type of indexed values
	 */
	public static final class Builder<T> {

		private final List<Entry<T>> entries = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add a pattern.
		 * @param pattern the parsed pattern
		 * @param value the value it leads to
		 * @return this builder
		 */
		public Builder<T> add(PathPattern pattern, T value) {
			return add(pattern, value, 0);
		}

		/**
		 * Add a pattern with a tie-breaking priority.
		 * @param pattern the parsed pattern
		 * @param value the value it leads to
		 * @param priority among equally specific patterns, lower priorities are tried
		 * first; equal priorities keep the order of addition
		 * @return this builder
		 */
		public Builder<T> add(PathPattern pattern, T value, int priority) {
			this.entries.add(new Entry<>(pattern, value, priority));
			return this;
		}

		/**
		 * Build the index.
		 * @return the immutable index
		 */
		@SuppressWarnings("unchecked")
		public PathPatternIndex<T> build() {
			List<Entry<T>> ranked = new ArrayList<>(this.entries);
			// List.sort is stable: equally specific patterns keep their declaration
			// order.
			ranked.sort(Comparator.comparing(Entry<T>::pattern, PathPattern.SPECIFICITY_COMPARATOR)
				.thenComparingInt(Entry::rank));
			Map<Node<T>, List<Entry<T>>> entriesByNode = new HashMap<>();
			Node<T> root = new Node<>();
			for (int rank = 0; rank < ranked.size(); rank++) {
				Entry<T> entry = ranked.get(rank);
				Node<T> node = root;
				for (String literal : leadingLiterals(entry.pattern.getPatternString())) {
					if (node.children == null) {
						node.children = new HashMap<>();
					}
					node = node.children.computeIfAbsent(literal, (key) -> new Node<>());
				}
				entriesByNode.computeIfAbsent(node, (key) -> new ArrayList<>())
					.add(new Entry<>(entry.pattern, entry.value, rank));
			}
			entriesByNode.forEach((node, nodeEntries) -> node.entries = nodeEntries.toArray(new Entry[0]));
			return new PathPatternIndex<>(root, ranked.size());
		}

		private static List<String> leadingLiterals(String pattern) {
			List<String> literals = new ArrayList<>();
			for (String segment : pattern.split("/")) {
				if (segment.isEmpty()) {
					continue;
				}
				if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
						|| segment.indexOf('}') >= 0 || segment.indexOf(';') >= 0) {
					break;
				}
				literals.add(segment);
			}
			return literals;
		}

	}

}
