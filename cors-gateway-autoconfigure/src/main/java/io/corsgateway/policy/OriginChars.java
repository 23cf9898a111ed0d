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

import io.corsgateway.internal.http.HttpSyntax;

/**
 * A set of ASCII characters, as two 64-bit masks: what one item of a parsed
 * {@code allowed-origin-patterns} entry can match. The constants name the characters that
 * matter to {@link OriginPatternSafety}.
 *
 * @param low the characters 0 to 63, one bit each
 * @param high the characters 64 to 127, one bit each
 * @author cors-gateway authors
 */
record OriginChars(long low, long high) implements OriginPatternNode {

	static final OriginChars NONE = new OriginChars(0, 0);

	/**
	 * Characters of a serialized origin as {@link HttpSyntax#requestOriginHostEnd}
	 * accepts it.
	 */
	static final OriginChars ORIGIN_ALPHABET = range('a', 'z').union(range('0', '9')).union(of("+-.:/[]_"));

	static final OriginChars LETTERS = range('a', 'z');

	static final OriginChars DIGITS = range('0', '9');

	static final OriginChars WORD = LETTERS.union(DIGITS).union(of("_"));

	static OriginChars of(String characters) {
		OriginChars chars = NONE;
		for (int i = 0; i < characters.length(); i++) {
			chars = chars.with(characters.charAt(i));
		}
		return chars;
	}

	static OriginChars range(int from, int to) {
		OriginChars chars = NONE;
		for (int c = Math.max(from, 0); c <= Math.min(to, 127); c++) {
			chars = chars.with(c);
		}
		return chars;
	}

	OriginChars with(int c) {
		return (c < 64) ? new OriginChars(this.low | (1L << c), this.high)
				: new OriginChars(this.low, this.high | (1L << c));
	}

	OriginChars union(OriginChars other) {
		return new OriginChars(this.low | other.low, this.high | other.high);
	}

	OriginChars intersection(OriginChars other) {
		return new OriginChars(this.low & other.low, this.high & other.high);
	}

	boolean containsAll(OriginChars other) {
		return (other.low & ~this.low) == 0 && (other.high & ~this.high) == 0;
	}

	boolean isEmpty() {
		return this.low == 0 && this.high == 0;
	}

	int single() {
		int count = Long.bitCount(this.low) + Long.bitCount(this.high);
		if (count != 1) {
			return -1;
		}
		return (this.low != 0) ? Long.numberOfTrailingZeros(this.low) : 64 + Long.numberOfTrailingZeros(this.high);
	}

	// Upper-case letters become lower-case ones: origins contain no upper case, and
	// whatever the flags, this can only widen what the set is taken to match.
	OriginChars folded() {
		long upper = (this.high >>> ('A' - 64)) & ((1L << 26) - 1);
		return new OriginChars(this.low, this.high | (upper << ('a' - 64)));
	}

	/**
	 * A set under construction: ASCII characters, plus whether a non-ASCII one is in.
	 */
	static final class Builder {

		private OriginChars ascii = NONE;

		private boolean nonAscii;

		void add(int from, int to) {
			this.ascii = this.ascii.union(range(from, to));
			this.nonAscii |= to > 127;
		}

		void add(OriginChars chars) {
			this.ascii = this.ascii.union(chars);
		}

		// A non-ASCII character may fold to an ASCII letter (the Kelvin sign to 'k',
		// the long s to 's'), so any non-ASCII member stands for every letter. A negated
		// class holds every non-ASCII character, so, like a complement escape, it is
		// taken as any origin character.
		OriginChars build(boolean negated) {
			if (negated) {
				return ORIGIN_ALPHABET;
			}
			OriginChars set = this.nonAscii ? this.ascii.union(LETTERS) : this.ascii;
			return set.folded().intersection(ORIGIN_ALPHABET);
		}

	}

}
