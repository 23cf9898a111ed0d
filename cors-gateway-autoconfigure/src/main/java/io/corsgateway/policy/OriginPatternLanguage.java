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
import java.util.List;

/**
 * What the strings a parsed {@link OriginPatternNode} matches can be, read from the tree
 * alone: its branches once alternations are expanded, the characters it can match or end
 * with, whether it matches the empty string, its longest match, and the literal text of a
 * run of single-character items. Every answer over-approximates, so that a proof built on
 * them holds for the pattern itself.
 *
 * @author cors-gateway authors
 */
final class OriginPatternLanguage {

	/** Most branches an expanded pattern may have before it is refused as unprovable. */
	static final int MAX_BRANCHES = 64;

	private OriginPatternLanguage() {
	}

	// Alternations distributed over concatenation; each branch is a list of
	// OriginChars and Repeat items.
	static List<List<OriginPatternNode>> expand(OriginPatternNode node) {
		if (node instanceof OriginChars) {
			return List.of(List.of(node));
		}
		if (node instanceof OriginPatternNode.Repeat repeat) {
			if (repeat.max() == 0) {
				return List.of(List.of());
			}
			return (repeat.min() == 1 && repeat.max() == 1) ? expand(repeat.body()) : List.of(List.of(node));
		}
		if (node instanceof OriginPatternNode.Alternation alternation) {
			List<List<OriginPatternNode>> branches = new ArrayList<>();
			for (OriginPatternNode alternative : alternation.alternatives()) {
				branches.addAll(expand(alternative));
				checkCount(branches.size());
			}
			return branches;
		}
		List<List<OriginPatternNode>> branches = List.of(List.of());
		for (OriginPatternNode item : ((OriginPatternNode.Concatenation) node).items()) {
			List<List<OriginPatternNode>> next = new ArrayList<>();
			for (List<OriginPatternNode> tail : expand(item)) {
				for (List<OriginPatternNode> head : branches) {
					List<OriginPatternNode> branch = new ArrayList<>(head);
					branch.addAll(tail);
					next.add(branch);
				}
				checkCount(next.size());
			}
			branches = next;
		}
		return branches;
	}

	private static void checkCount(int branches) {
		if (branches > MAX_BRANCHES) {
			throw new TooManyBranches();
		}
	}

	static boolean nullable(OriginPatternNode node) {
		if (node instanceof OriginChars) {
			return false;
		}
		if (node instanceof OriginPatternNode.Repeat repeat) {
			return repeat.min() == 0 || nullable(repeat.body());
		}
		if (node instanceof OriginPatternNode.Alternation alternation) {
			return alternation.alternatives().stream().anyMatch(OriginPatternLanguage::nullable);
		}
		return ((OriginPatternNode.Concatenation) node).items().stream().allMatch(OriginPatternLanguage::nullable);
	}

	// Every character the node can match.
	static OriginChars chars(OriginPatternNode node) {
		if (node instanceof OriginChars chars) {
			return chars;
		}
		if (node instanceof OriginPatternNode.Repeat repeat) {
			return (repeat.max() == 0) ? OriginChars.NONE : chars(repeat.body());
		}
		List<OriginPatternNode> parts = (node instanceof OriginPatternNode.Alternation alternation)
				? alternation.alternatives() : ((OriginPatternNode.Concatenation) node).items();
		OriginChars all = OriginChars.NONE;
		for (OriginPatternNode part : parts) {
			all = all.union(chars(part));
		}
		return all;
	}

	// Every character that can end a non-empty string the node matches.
	static OriginChars lastChars(OriginPatternNode node) {
		if (node instanceof OriginChars chars) {
			return chars;
		}
		if (node instanceof OriginPatternNode.Repeat repeat) {
			return (repeat.max() == 0) ? OriginChars.NONE : lastChars(repeat.body());
		}
		if (node instanceof OriginPatternNode.Alternation alternation) {
			OriginChars all = OriginChars.NONE;
			for (OriginPatternNode alternative : alternation.alternatives()) {
				all = all.union(lastChars(alternative));
			}
			return all;
		}
		return lastChars(((OriginPatternNode.Concatenation) node).items());
	}

	static OriginChars lastChars(List<OriginPatternNode> items) {
		OriginChars all = OriginChars.NONE;
		for (int i = items.size() - 1; i >= 0; i--) {
			all = all.union(lastChars(items.get(i)));
			if (!nullable(items.get(i))) {
				break;
			}
		}
		return all;
	}

	// The longest string the node matches, or Integer.MAX_VALUE when unbounded.
	static int maxLength(OriginPatternNode node) {
		if (node instanceof OriginChars) {
			return 1;
		}
		if (node instanceof OriginPatternNode.Repeat repeat) {
			int body = maxLength(repeat.body());
			if (body == 0 || repeat.max() == 0) {
				return 0;
			}
			return (repeat.max() == -1 || body == Integer.MAX_VALUE) ? Integer.MAX_VALUE
					: (int) Math.min(Integer.MAX_VALUE, (long) body * repeat.max());
		}
		if (node instanceof OriginPatternNode.Alternation alternation) {
			return alternation.alternatives().stream().mapToInt(OriginPatternLanguage::maxLength).max().orElse(0);
		}
		long sum = 0;
		for (OriginPatternNode item : ((OriginPatternNode.Concatenation) node).items()) {
			sum += maxLength(item);
		}
		return (int) Math.min(Integer.MAX_VALUE, sum);
	}

	// The one character an item can match, or -1.
	static int literalAt(List<OriginPatternNode> items, int index) {
		return (index < items.size() && items.get(index) instanceof OriginChars chars) ? chars.single() : -1;
	}

	// Where the trailing run of single-character items starts.
	static int literalSuffixStart(List<OriginPatternNode> items) {
		int start = items.size();
		while (start > 0 && literalAt(items, start - 1) != -1) {
			start--;
		}
		return start;
	}

	// The characters of single-character items from the given index; a character
	// class of several characters reads as '?'.
	static String text(List<OriginPatternNode> items, int from) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i < items.size(); i++) {
			int c = literalAt(items, i);
			text.append((c != -1) ? (char) c : '?');
		}
		return text.toString();
	}

	/**
	 * The pattern expands to more than {@link #MAX_BRANCHES} branches.
	 */
	static final class TooManyBranches extends RuntimeException {

		TooManyBranches() {
			super(null, null, false, false);
		}

	}

}
