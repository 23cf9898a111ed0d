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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An immutable index from path patterns to values that finds the most specific matching
 * pattern without scanning every pattern. Patterns are stored in a tree of path segments:
 * literal segments are hash-map children, {@code {name}} segments a variable child, and a
 * trailing {@code /**} marks a prefix. A lookup walks the request's segments down that
 * tree; patterns the tree cannot express (regular expressions, partial wildcards,
 * captures of the rest) hang under their leading literal segments and are confirmed with
 * {@link PathPattern#matches(PathContainer)}.
 * <p>
 * This class holds the lookup; its {@link Builder} collects the patterns, and a
 * package-private compiler ranks them and builds the tree.
 * <p>
 * Internal: this class is not API. It is public only so that the policies can use it, and
 * may change in any release.
 *
 * @param <T> the type of indexed values
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class PathPatternIndex<T> {

	private final SegmentNode<T> root;

	private final int size;

	private final boolean foldCase;

	PathPatternIndex(SegmentNode<T> root, int size, boolean foldCase) {
		this.root = root;
		this.size = size;
		this.foldCase = foldCase;
	}

	/**
	 * Start an index for patterns parsed by {@link PathPatternParser#defaultInstance}.
	 * @param <T> the type of indexed values
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>(true, true, new HashMap<>());
	}

	/**
	 * Start an index for patterns from the given parser. The segment tree reproduces
	 * literal matching for parsers of HTTP paths, case-sensitive or not; patterns from
	 * parsers with other path options are always confirmed by the pattern itself.
	 * @param <T> the type of indexed values
	 * @param parser the parser the patterns come from
	 * @return a builder
	 */
	public static <T> Builder<T> builder(PathPatternParser parser) {
		return builder(parser, new HashMap<>());
	}

	/**
	 * Start an index for patterns from the given parser that holds its literal segments
	 * as the strings of {@code segments}: the indexes of one build given the same map
	 * hold one {@code String} for equal segments (such as an {@code items} route that
	 * every service has), and a caller may put in strings it holds anyway (such as
	 * service ids) for the tree to hold as well. The map is only used while the index is
	 * built.
	 * @param <T> the type of indexed values
	 * @param parser the parser the patterns come from
	 * @param segments strings each mapped to itself; the build adds the segments it does
	 * not find
	 * @return a builder
	 */
	public static <T> Builder<T> builder(PathPatternParser parser, Map<String, String> segments) {
		return new Builder<>(parser.getPathOptions() == PathContainer.Options.HTTP_PATH, parser.isCaseSensitive(),
				segments);
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
	 * the filter accepts; among equally specific patterns, the lower priority and then
	 * the earlier addition wins.
	 * @param <A> the type of the filter argument
	 * @param path the path within the application
	 * @param filter tests a candidate value against {@code argument}
	 * @param argument passed to the filter, so that callers need not allocate a closure
	 * @return the value, or {@code null} when no pattern matches
	 */
	public <A> @Nullable T find(PathContainer path, BiPredicate<? super T, A> filter, A argument) {
		List<Element> elements = path.elements();
		// The tree only descends through separator + segment pairs, so it matches exactly
		// what the patterns would, except for a prefix at the root of a path that does
		// not
		// start with a separator: that case is left to the pattern.
		boolean unrooted = !elements.isEmpty() && !isSeparator(elements.get(0).value());
		IndexEntry<T> best = search(this.root, 0, path, elements, unrooted, this.foldCase, filter, argument, null);
		return (best != null) ? best.value() : null;
	}

	// Plain parameters rather than a lookup object: the request path allocates nothing
	// here.
	private static <T, A> @Nullable IndexEntry<T> search(SegmentNode<T> node, int index, PathContainer path,
			List<Element> elements, boolean unrooted, boolean foldCase, BiPredicate<? super T, A> filter, A argument,
			@Nullable IndexEntry<T> best) {
		best = consider(node.prefixEntries, unrooted && index == 0, path, filter, argument, best);
		best = consider(node.confirmedEntries, true, path, filter, argument, best);
		int count = elements.size();
		if (index == count) {
			best = consider(node.exactEntries, false, path, filter, argument, best);
		}
		String value = (index + 1 < count) ? segmentAfter(elements, index) : "";
		// No literal or variable child takes an empty value.
		if (!value.isEmpty()) {
			SegmentNode<T> child = node.literalChild(foldCase ? foldCase(value) : value);
			if (child != null) {
				best = search(child, index + 2, path, elements, unrooted, foldCase, filter, argument, best);
			}
			if (node.variableChild != null) {
				best = search(node.variableChild, index + 2, path, elements, unrooted, foldCase, filter, argument,
						best);
			}
		}
		return best;
	}

	/**
	 * The value to match of the segment that follows the separator at {@code index}, or
	 * the empty string when there is no such pair. Elements are told apart by their
	 * value, not by type checks: on JDK 17, alternating {@code instanceof} checks against
	 * the interfaces of one class thrash HotSpot's secondary-supers cache (JDK-8180450)
	 * and cost more than the rest of the lookup.
	 */
	private static String segmentAfter(List<Element> elements, int index) {
		if (!isSeparator(elements.get(index).value())) {
			return "";
		}
		Element next = elements.get(index + 1);
		String value = next.value();
		if (isSeparator(value)) {
			return "";
		}
		// Only an encoded character or a matrix parameter makes the raw value differ from
		// the decoded one that patterns are matched against.
		if (value.indexOf('%') >= 0 || value.indexOf(';') >= 0) {
			return (next instanceof PathSegment segment) ? segment.valueToMatch() : "";
		}
		return value;
	}

	/**
	 * The key under which a case-insensitive pattern finds a segment: two strings of
	 * equal length are equal ignoring case, as {@link String#equalsIgnoreCase} and so a
	 * case-insensitive {@link PathPattern} compare them, exactly when their keys are
	 * equal. Allocates only when a character changes.
	 * <p>
	 * This is the one comparison that folds beyond ASCII on purpose (unlike
	 * {@link io.corsgateway.internal.http.Ascii}): the tree stands in for Spring's
	 * patterns, which the handler's router also uses, so it must match exactly the paths
	 * they match. Folding less would let a path that spells {@code /kadmin} with the
	 * Kelvin sign (U+212A) reach the handler of {@code /kadmin} under another policy than
	 * that route's.
	 * @param value a path segment
	 * @return its case-insensitive key
	 */
	public static String foldCase(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (fold(c) != c) {
				char[] folded = value.toCharArray();
				for (int j = i; j < folded.length; j++) {
					folded[j] = fold(folded[j]);
				}
				return new String(folded);
			}
		}
		return value;
	}

	/**
	 * The key of one character, as {@link #foldCase(String)} folds it.
	 * @param c the character
	 * @return its case-insensitive key
	 */
	public static char fold(char c) {
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	private static boolean isSeparator(String value) {
		return value.length() == 1 && value.charAt(0) == '/';
	}

	// Entries are sorted by rank, so the first acceptable one is the best of its array.
	private static <T, A> @Nullable IndexEntry<T> consider(IndexEntry<T>[] entries, boolean confirm, PathContainer path,
			BiPredicate<? super T, A> filter, A argument, @Nullable IndexEntry<T> best) {
		for (IndexEntry<T> entry : entries) {
			if (best != null && entry.rank() > best.rank()) {
				return best;
			}
			PathPattern pattern = entry.pattern();
			if (filter.test(entry.value(), argument) && (!confirm || pattern == null || pattern.matches(path))) {
				return entry;
			}
		}
		return best;
	}

	/**
	 * Collects patterns and builds an immutable {@link PathPatternIndex}.
	 *
	 * @param <T> the type of indexed values
	 */
	public static final class Builder<T> {

		private final boolean segmentMatching;

		private final boolean caseSensitive;

		private final Map<String, String> segments;

		private final List<PathPatternIndexCompiler.Pending<T>> pending = new ArrayList<>();

		private Builder(boolean segmentMatching, boolean caseSensitive, Map<String, String> segments) {
			this.segmentMatching = segmentMatching;
			this.caseSensitive = caseSensitive;
			this.segments = segments;
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
			this.pending.add(new PathPatternIndexCompiler.Pending<>(pattern, value, priority, this.pending.size()));
			return this;
		}

		/**
		 * Build the index.
		 * @return the immutable index
		 */
		public PathPatternIndex<T> build() {
			return new PathPatternIndexCompiler<T>(this.segmentMatching, this.caseSensitive, this.segments)
				.compile(this.pending);
		}

	}

}
