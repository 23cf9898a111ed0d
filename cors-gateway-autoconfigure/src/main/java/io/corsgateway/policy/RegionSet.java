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

import java.util.Collection;

import io.corsgateway.internal.http.Ascii;

/**
 * Immutable open-addressing set of ASCII strings that answers whether a region of another
 * string is a member, so that the request path can test header names and host suffixes
 * without allocating a substring for each candidate.
 *
 * @author cors-gateway authors
 */
final class RegionSet {

	private static final RegionSet EMPTY_CASE_SENSITIVE = new RegionSet(java.util.List.of(), false);

	private final String[] slots;

	private final int mask;

	private final boolean ignoreCase;

	private final int size;

	/**
	 * The set of the given members, sharing one instance for every empty set.
	 * @param members the members
	 * @param ignoreCase whether ASCII letters compare case-insensitively
	 * @return the set
	 */
	static RegionSet of(Collection<String> members, boolean ignoreCase) {
		return members.isEmpty() ? EMPTY_CASE_SENSITIVE : new RegionSet(members, ignoreCase);
	}

	private RegionSet(Collection<String> members, boolean ignoreCase) {
		this.ignoreCase = ignoreCase;
		// The smallest power of two above 1.5 times the size: at least one slot stays
		// empty,
		// which ends every probe.
		int capacity = Integer.highestOneBit(Math.max(2, members.size() + members.size() / 2 + 1) - 1) << 1;
		this.slots = new String[capacity];
		this.mask = capacity - 1;
		int count = 0;
		for (String member : members) {
			if (!contains(member, 0, member.length())) {
				insert(member);
				count++;
			}
		}
		this.size = count;
	}

	private void insert(String member) {
		int index = hash(member, 0, member.length()) & this.mask;
		while (this.slots[index] != null) {
			index = (index + 1) & this.mask;
		}
		this.slots[index] = member;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	boolean contains(String text) {
		return contains(text, 0, text.length());
	}

	/**
	 * Whether {@code text.substring(from, to)} is a member.
	 * @param text the text holding the region
	 * @param from the first index of the region, inclusive
	 * @param to the last index of the region, exclusive
	 * @return whether the region is a member
	 */
	boolean contains(String text, int from, int to) {
		int length = to - from;
		int index = hash(text, from, to) & this.mask;
		String candidate;
		while ((candidate = this.slots[index]) != null) {
			if (candidate.length() == length && regionEquals(candidate, text, from)) {
				return true;
			}
			index = (index + 1) & this.mask;
		}
		return false;
	}

	// Only ASCII letters fold: String.regionMatches(true, ...) would also fold characters
	// such as the Kelvin sign onto 'k', which no header name or host may contain.
	private boolean regionEquals(String member, String text, int from) {
		for (int i = 0; i < member.length(); i++) {
			if (fold(member.charAt(i)) != fold(text.charAt(from + i))) {
				return false;
			}
		}
		return true;
	}

	private char fold(char c) {
		return this.ignoreCase ? Ascii.toLowerCase(c) : c;
	}

	private int hash(String text, int from, int to) {
		int hash = 0;
		for (int i = from; i < to; i++) {
			hash = 31 * hash + fold(text.charAt(i));
		}
		return hash ^ (hash >>> 16);
	}

}
