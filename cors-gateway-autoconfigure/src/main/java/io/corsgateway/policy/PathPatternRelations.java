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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.routing.PathPatternIndex;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Startup-time questions about pairs of path patterns, asked to find configuration that
 * can never apply: whether two patterns match the same paths, and whether two patterns
 * can match a common path at all. Never used on the request path.
 *
 * @author cors-gateway authors
 */
final class PathPatternRelations {

	private static final Pattern SIMPLE_VARIABLE = Pattern.compile("\\{[^{}:*]+}");

	private final PathPatternParser parser;

	PathPatternRelations(PathPatternParser parser) {
		this.parser = parser;
	}

	/**
	 * Whether two patterns can match a common path.
	 */
	enum Overlap {

		/** No path matches both patterns. */
		NONE,

		/** Some path matches both patterns. */
		SOME,

		/** The segment-by-segment comparison cannot tell. */
		UNKNOWN

	}

	/**
	 * A form of the pattern that two patterns share when they differ only in ways that do
	 * not change what they match: variable names ({@code {id}} and {@code {other}}), and
	 * {@code **} written as a capture of the rest ({@code {*rest}}). Spring's
	 * {@code PathPattern} matches {@code /orders/**} and {@code /orders/{*rest}} against
	 * exactly the same paths, and treats {@code /orders} and {@code /orders/} as
	 * different, so trailing slashes are kept. Literal text is lowered only when the
	 * parser ignores case; regular expressions are kept as written.
	 * @param pattern the pattern as written
	 * @return the equivalence key
	 */
	String canonical(String pattern) {
		StringBuilder key = new StringBuilder(pattern.length());
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c != '{') {
				key.append(this.parser.isCaseSensitive() ? c : PathPatternIndex.fold(c));
				i++;
				continue;
			}
			int end = closingBrace(pattern, i);
			if (end == pattern.length()) {
				// Not parsable anyway: keep the rest as written.
				key.append(pattern, i, pattern.length());
				break;
			}
			String variable = pattern.substring(i + 1, end);
			int colon = variable.indexOf(':');
			if (variable.startsWith("*")) {
				key.append("**");
			}
			else if (colon >= 0) {
				key.append("{:").append(variable, colon + 1, variable.length()).append('}');
			}
			else {
				key.append("{}");
			}
			i = end + 1;
		}
		return key.toString();
	}

	// The index of the brace that closes the one at open, or the pattern's length when
	// none does.
	private static int closingBrace(String pattern, int open) {
		int depth = 0;
		for (int i = open; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return pattern.length();
	}

	/**
	 * Whether some path can match both patterns, decided conservatively: the answer is
	 * {@link Overlap#NONE} only when the patterns provably exclude each other, and
	 * {@link Overlap#SOME} only when a common path provably exists.
	 * <p>
	 * The rule: each pattern is split into segments, with at most one rest element
	 * ({@code **} or {@code {*name}}, which matches any number of segments, none
	 * included). Segments are aligned from the start up to the first rest element, and
	 * from the end after it; when neither pattern has a rest element they must have the
	 * same number of segments, and when one has, the other needs at least as many
	 * segments as it fixes. Two aligned segments are compared as follows: two literals
	 * must be equal; a literal and a pattern segment are decided by matching the literal
	 * against that segment with the parser itself; a segment-wide wildcard ({@code *} or
	 * {@code {name}}) shares a value with any pattern segment; any other pair (two
	 * regular expressions, two partial wildcards) is undecided. Segments that only one
	 * pattern constrains (the other's rest element absorbs them) never decide anything. A
	 * custom separator, encoded characters and matrix variables make the whole answer
	 * undecided.
	 * @param first a pattern as written
	 * @param second another pattern as written
	 * @return whether a path can match both
	 */
	Overlap overlap(String first, String second) {
		if (this.parser.getPathOptions().separator() != '/') {
			return Overlap.UNKNOWN;
		}
		Shape a = Shape.of(first);
		Shape b = Shape.of(second);
		if (a == null || b == null) {
			return Overlap.UNKNOWN;
		}
		if (!a.rest && !b.rest) {
			if (a.prefix.size() != b.prefix.size()) {
				return Overlap.NONE;
			}
			return compare(a.prefix, b.prefix, a.prefix.size(), false);
		}
		if (!a.rest || !b.rest) {
			Shape fixed = a.rest ? b : a;
			Shape open = a.rest ? a : b;
			int count = fixed.prefix.size();
			if (count < open.prefix.size() + open.suffix.size()) {
				return Overlap.NONE;
			}
			return combine(compare(fixed.prefix, open.prefix, open.prefix.size(), false),
					compare(fixed.prefix, open.suffix, open.suffix.size(), true));
		}
		return combine(compare(a.prefix, b.prefix, Math.min(a.prefix.size(), b.prefix.size()), false),
				compare(a.suffix, b.suffix, Math.min(a.suffix.size(), b.suffix.size()), true));
	}

	// Compares count segments, from the start or from the end of both lists.
	private Overlap compare(List<String> first, List<String> second, int count, boolean fromEnd) {
		Overlap result = Overlap.SOME;
		for (int i = 0; i < count; i++) {
			String x = fromEnd ? first.get(first.size() - 1 - i) : first.get(i);
			String y = fromEnd ? second.get(second.size() - 1 - i) : second.get(i);
			result = combine(result, compareSegments(x, y));
			if (result == Overlap.NONE) {
				return result;
			}
		}
		return result;
	}

	private Overlap compareSegments(String x, String y) {
		boolean literalX = isLiteral(x);
		boolean literalY = isLiteral(y);
		if (literalX && literalY) {
			// Folded as the index folds, so that what is reported as shadowed is what
			// routing
			// would confuse.
			return (this.parser.isCaseSensitive() ? x.equals(y)
					: PathPatternIndex.foldCase(x).equals(PathPatternIndex.foldCase(y))) ? Overlap.SOME : Overlap.NONE;
		}
		if (literalX || literalY) {
			String literal = literalX ? x : y;
			String pattern = literalX ? y : x;
			// The pattern matches decoded segment values; a literal with an escape or a
			// matrix variable would need decoding rules to compare.
			if (literal.indexOf('%') >= 0 || literal.indexOf(';') >= 0) {
				return Overlap.UNKNOWN;
			}
			try {
				return this.parser.parse("/" + pattern).matches(PathContainer.parsePath("/" + literal)) ? Overlap.SOME
						: Overlap.NONE;
			}
			catch (PatternParseException ex) {
				return Overlap.UNKNOWN;
			}
		}
		// A segment-wide wildcard matches every non-empty segment, and any other pattern
		// segment matches some non-empty segment.
		return (isSegmentWildcard(x) || isSegmentWildcard(y)) ? Overlap.SOME : Overlap.UNKNOWN;
	}

	private static Overlap combine(Overlap first, Overlap second) {
		if (first == Overlap.NONE || second == Overlap.NONE) {
			return Overlap.NONE;
		}
		return (first == Overlap.UNKNOWN || second == Overlap.UNKNOWN) ? Overlap.UNKNOWN : Overlap.SOME;
	}

	private static boolean isLiteral(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '*' || c == '?' || c == '{' || c == '}') {
				return false;
			}
		}
		return true;
	}

	private static boolean isSegmentWildcard(String segment) {
		return segment.equals("*") || SIMPLE_VARIABLE.matcher(segment).matches();
	}

	private static boolean isRest(String segment) {
		return segment.equals("**") || (segment.startsWith("{*") && segment.endsWith("}"));
	}

	/**
	 * A pattern's segments: without a rest element all of them are in {@code prefix};
	 * with one, the segments before it are in {@code prefix} and those after it in
	 * {@code suffix}.
	 */
	private record Shape(List<String> prefix, boolean rest, List<String> suffix) {

		static @Nullable Shape of(String pattern) {
			if (!pattern.startsWith("/")) {
				return null;
			}
			List<String> segments = Arrays.asList(pattern.substring(1).split("/", -1));
			int restIndex = -1;
			for (int i = 0; i < segments.size(); i++) {
				String segment = segments.get(i);
				if (!balanced(segment)) {
					// A brace spans a separator: leave such patterns undecided.
					return null;
				}
				if (isRest(segment)) {
					if (restIndex >= 0) {
						return null;
					}
					restIndex = i;
				}
			}
			if (restIndex < 0) {
				return new Shape(segments, false, List.of());
			}
			return new Shape(new ArrayList<>(segments.subList(0, restIndex)), true,
					new ArrayList<>(segments.subList(restIndex + 1, segments.size())));
		}

		private static boolean balanced(String segment) {
			int depth = 0;
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
				if (depth < 0) {
					return false;
				}
			}
			return depth == 0;
		}

	}

}
