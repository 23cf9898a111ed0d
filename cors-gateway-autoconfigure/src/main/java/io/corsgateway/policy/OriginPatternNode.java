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

/**
 * A node of the tree that {@link OriginPatternParser} reads from an RE2 pattern and that
 * over-approximates the pattern's language: a set of characters ({@link OriginChars}), a
 * sequence, alternatives, or a repetition.
 *
 * @author cors-gateway authors
 */
sealed interface OriginPatternNode
		permits OriginChars, OriginPatternNode.Concatenation, OriginPatternNode.Alternation, OriginPatternNode.Repeat {

	/**
	 * Items matched one after the other; without items, the empty string (the parser
	 * reads zero-width assertions as one).
	 *
	 * @param items the items in order
	 */
	record Concatenation(List<OriginPatternNode> items) implements OriginPatternNode {

	}

	/**
	 * Alternatives, any of which may match.
	 *
	 * @param alternatives the alternatives in order
	 */
	record Alternation(List<OriginPatternNode> alternatives) implements OriginPatternNode {

	}

	/**
	 * A repetition; {@code max} is -1 when unbounded.
	 *
	 * @param body what is repeated
	 * @param min the fewest repetitions
	 * @param max the most repetitions, or -1 when unbounded
	 */
	record Repeat(OriginPatternNode body, int min, int max) implements OriginPatternNode {

	}

}
