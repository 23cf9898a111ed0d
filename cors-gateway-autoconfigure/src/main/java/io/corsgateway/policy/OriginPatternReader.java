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

/**
 * Reads the characters of an RE2 pattern for {@link OriginPatternParser}: literals,
 * escapes and character classes, each as the {@link OriginChars} of origin characters it
 * can match. Every letter is read case-insensitively whatever the flags, and anything not
 * known is refused with an {@link UnreadablePatternException}.
 *
 * @author cors-gateway authors
 */
abstract class OriginPatternReader {

	protected final String regex;

	protected int pos;

	OriginPatternReader(String regex) {
		this.regex = regex;
	}

	// \d \D \s \S \w \W and \p{...} \P{...}, into builder; false if not one of these.
	final boolean classEscape(OriginChars.Builder builder) {
		char next = this.regex.charAt(this.pos + 1);
		switch (next) {
			case 'd' -> builder.add(OriginChars.DIGITS);
			case 'w' -> builder.add(OriginChars.WORD);
			case 's' -> {
				// White space: no origin contains any.
			}
			// A complement holds non-ASCII characters, which may fold to any letter,
			// so it is taken as any origin character: no set that holds every letter
			// can be a label boundary, a port digit or a scheme letter.
			case 'D', 'W', 'S' -> builder.add(OriginChars.ORIGIN_ALPHABET);
			case 'p', 'P' -> {
				// A Unicode class: taken as any character.
				int end = (this.pos + 2 < this.regex.length() && this.regex.charAt(this.pos + 2) == '{')
						? this.regex.indexOf('}', this.pos + 2) : this.pos + 2;
				if (end == -1 || end >= this.regex.length()) {
					throw new UnreadablePatternException("an unterminated '\\p{'");
				}
				builder.add(OriginChars.ORIGIN_ALPHABET);
				this.pos = end + 1;
				return true;
			}
			default -> {
				return false;
			}
		}
		this.pos += 2;
		return true;
	}

	final int characterEscape() {
		int start = this.pos;
		char c = this.regex.charAt(this.pos + 1);
		this.pos += 2;
		if (c < 128 && !Character.isLetterOrDigit(c)) {
			return c;
		}
		switch (c) {
			case 'a', 'f', 'n', 'r', 't', 'v' -> {
				return "\007\f\n\r\t\013".charAt("afnrtv".indexOf(c));
			}
			case 'x' -> {
				return hexEscape(start);
			}
			default ->
				throw new UnreadablePatternException("the escape '" + this.regex.substring(start, this.pos) + "'");
		}
	}

	private int hexEscape(int start) {
		int end;
		int from;
		if (more() && peek() == '{') {
			from = this.pos + 1;
			end = this.regex.indexOf('}', from);
			if (end == -1) {
				throw new UnreadablePatternException("an unterminated '\\x{'");
			}
			this.pos = end + 1;
		}
		else {
			from = this.pos;
			end = this.pos + 2;
			this.pos = end;
		}
		try {
			return Integer.parseInt(this.regex.substring(from, Math.min(end, this.regex.length())), 16);
		}
		catch (NumberFormatException ex) {
			throw new UnreadablePatternException("the escape '" + this.regex.substring(start, this.pos) + "'");
		}
	}

	final OriginChars characterClass() {
		int start = this.pos;
		this.pos++;
		boolean negated = more() && peek() == '^';
		if (negated) {
			this.pos++;
		}
		OriginChars.Builder builder = new OriginChars.Builder();
		boolean first = true;
		while (more() && (peek() != ']' || first)) {
			first = false;
			if (this.regex.startsWith("[:", this.pos)) {
				throw new UnreadablePatternException("the POSIX class syntax '[:'");
			}
			if (peek() == '\\' && this.pos + 1 < this.regex.length() && classEscape(builder)) {
				continue;
			}
			int from = classCharacter();
			int to = from;
			if (more() && peek() == '-' && this.pos + 1 < this.regex.length()
					&& this.regex.charAt(this.pos + 1) != ']') {
				this.pos++;
				to = classCharacter();
			}
			builder.add(from, to);
		}
		if (!more()) {
			throw new UnreadablePatternException("the unterminated class '" + this.regex.substring(start) + "'");
		}
		this.pos++;
		return builder.build(negated);
	}

	private int classCharacter() {
		if (peek() == '\\') {
			if (this.pos + 1 >= this.regex.length()) {
				throw new UnreadablePatternException("a trailing '\\'");
			}
			return characterEscape();
		}
		int codePoint = this.regex.codePointAt(this.pos);
		this.pos += Character.charCount(codePoint);
		return codePoint;
	}

	static OriginChars literal(int codePoint) {
		OriginChars.Builder builder = new OriginChars.Builder();
		builder.add(codePoint, codePoint);
		return builder.build(false);
	}

	final boolean more() {
		return this.pos < this.regex.length();
	}

	final int peek() {
		return this.regex.charAt(this.pos);
	}

}
