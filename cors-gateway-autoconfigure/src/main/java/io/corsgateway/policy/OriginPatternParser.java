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

import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser of the RE2 syntax that RE2J accepts, for patterns that
 * already compiled. It reproduces how RE2J groups its input (a quantifier binds to the
 * last character of a {@code \Q...\E} run, a flag group is no operand, a {@code {} that
 * is not a repetition is a literal) and refuses every construct it does not know. Zero-
 * width assertions ({@code ^ $ \A \z \b \B}) are dropped, and characters are read by
 * {@link OriginPatternReader}, so the tree over-approximates the pattern's language.
 *
 * @author cors-gateway authors
 */
final class OriginPatternParser extends OriginPatternReader {

	OriginPatternParser(String regex) {
		super(regex);
	}

	OriginPatternNode parse() {
		OriginPatternNode node = alternation();
		if (this.pos != this.regex.length()) {
			throw new UnreadablePatternException("an unbalanced ')'");
		}
		return node;
	}

	private OriginPatternNode alternation() {
		List<OriginPatternNode> alternatives = new ArrayList<>();
		alternatives.add(concatenation());
		while (more() && peek() == '|') {
			this.pos++;
			alternatives.add(concatenation());
		}
		return (alternatives.size() == 1) ? alternatives.get(0) : new OriginPatternNode.Alternation(alternatives);
	}

	private OriginPatternNode concatenation() {
		List<OriginPatternNode> items = new ArrayList<>();
		while (more() && peek() != '|' && peek() != ')') {
			int c = peek();
			if (c == '*' || c == '+' || c == '?' || (c == '{' && repetitionEnd() != -1)) {
				if (items.isEmpty()) {
					throw new UnreadablePatternException("a quantifier with nothing before it");
				}
				items.set(items.size() - 1, quantified(items.get(items.size() - 1)));
			}
			else if (this.regex.startsWith("\\Q", this.pos)) {
				int end = this.regex.indexOf("\\E", this.pos + 2);
				String quoted = this.regex.substring(this.pos + 2, (end != -1) ? end : this.regex.length());
				this.pos = (end != -1) ? end + 2 : this.regex.length();
				quoted.codePoints().forEach((codePoint) -> items.add(literal(codePoint)));
			}
			else if (this.regex.startsWith("(?", this.pos) && !this.regex.startsWith("(?P<", this.pos)
					&& !this.regex.startsWith("(?<", this.pos)) {
				OriginPatternNode group = flagsOrGroup();
				if (group != null) {
					items.add(group);
				}
			}
			else {
				items.add(atom());
			}
		}
		return new OriginPatternNode.Concatenation(items);
	}

	private OriginPatternNode quantified(OriginPatternNode operand) {
		int c = peek();
		int min;
		int max;
		if (c == '{') {
			int end = repetitionEnd();
			String[] bounds = this.regex.substring(this.pos + 1, end).split(",", -1);
			min = Integer.parseInt(bounds[0]);
			max = (bounds.length == 1) ? min : (bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]));
			this.pos = end + 1;
		}
		else {
			min = (c == '+') ? 1 : 0;
			max = (c == '?') ? 1 : -1;
			this.pos++;
		}
		if (more() && peek() == '?') {
			// Lazy: the same language.
			this.pos++;
		}
		return new OriginPatternNode.Repeat(operand, min, max);
	}

	// The index of the '}' of a repetition {n}, {n,} or {n,m} at pos (RE2J: no
	// leading zeros), or -1 when the '{' is a literal.
	private int repetitionEnd() {
		int i = this.pos + 1;
		int digits = skipNumber(i);
		if (digits == -1) {
			return -1;
		}
		i = digits;
		if (i < this.regex.length() && this.regex.charAt(i) == ',') {
			i++;
			if (i < this.regex.length() && this.regex.charAt(i) != '}') {
				i = skipNumber(i);
				if (i == -1) {
					return -1;
				}
			}
		}
		return (i < this.regex.length() && this.regex.charAt(i) == '}') ? i : -1;
	}

	private int skipNumber(int from) {
		int i = from;
		while (i < this.regex.length() && this.regex.charAt(i) >= '0' && this.regex.charAt(i) <= '9') {
			i++;
		}
		if (i == from || (i - from > 1 && this.regex.charAt(from) == '0') || i - from > 4) {
			return -1;
		}
		return i;
	}

	// (?flags) or (?flags:...). Flags only change case folding, line anchors, what
	// '.' matches and greediness, none of which the over-approximation depends on.
	private @Nullable OriginPatternNode flagsOrGroup() {
		int start = this.pos;
		this.pos += 2;
		while (more() && "imsU-".indexOf(peek()) >= 0) {
			this.pos++;
		}
		if (!more() || (peek() != ')' && peek() != ':')) {
			throw new UnreadablePatternException("the group syntax '"
					+ this.regex.substring(start, Math.min(this.pos + 1, this.regex.length())) + "'");
		}
		if (peek() == ')') {
			this.pos++;
			return null;
		}
		this.pos++;
		return groupBody();
	}

	private OriginPatternNode groupBody() {
		OriginPatternNode body = alternation();
		if (!more() || peek() != ')') {
			throw new UnreadablePatternException("an unbalanced '('");
		}
		this.pos++;
		return body;
	}

	private OriginPatternNode atom() {
		int c = peek();
		switch (c) {
			case '(' -> {
				if (this.regex.startsWith("(?", this.pos)) {
					int nameEnd = this.regex.indexOf('>', this.pos);
					if (nameEnd == -1) {
						throw new UnreadablePatternException("an unterminated group name");
					}
					this.pos = nameEnd + 1;
				}
				else {
					this.pos++;
				}
				return groupBody();
			}
			case '[' -> {
				return characterClass();
			}
			case '.' -> {
				this.pos++;
				return OriginChars.ORIGIN_ALPHABET;
			}
			case '^', '$' -> {
				this.pos++;
				return new OriginPatternNode.Concatenation(List.of());
			}
			case '\\' -> {
				return escape();
			}
			default -> {
				int codePoint = this.regex.codePointAt(this.pos);
				this.pos += Character.charCount(codePoint);
				return literal(codePoint);
			}
		}
	}

	private OriginPatternNode escape() {
		if (this.pos + 1 >= this.regex.length()) {
			throw new UnreadablePatternException("a trailing '\\'");
		}
		char next = this.regex.charAt(this.pos + 1);
		if ("AzbB".indexOf(next) >= 0) {
			// Zero-width: dropping it can only widen the language.
			this.pos += 2;
			return new OriginPatternNode.Concatenation(List.of());
		}
		OriginChars.Builder builder = new OriginChars.Builder();
		if (classEscape(builder)) {
			return builder.build(false);
		}
		return literal(characterEscape());
	}

}
