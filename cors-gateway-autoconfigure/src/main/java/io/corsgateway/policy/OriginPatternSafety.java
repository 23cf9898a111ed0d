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

import io.corsgateway.internal.http.HttpSyntax;

/**
 * Proves, from the structure of an RE2J regular expression, that a credentialed
 * {@code allowed-origin-patterns} entry can only match https origins (or plain http
 * origins of loopback hosts) whose host is a domain the pattern names literally, or
 * refuses it.
 * <p>
 * The proof relies on two facts about {@link OriginMatcher}, and on nothing else:
 * <ol>
 * <li>a pattern only ever sees a value that passed
 * {@link HttpSyntax#requestOriginHostEnd}: a lower-case scheme, {@code ://}, a host that
 * is either domain labels of {@code [a-z0-9_-]} separated by single dots or a bracketed
 * IPv6 address, then optionally {@code :} and decimal digits, and nothing else (so only
 * the characters of {@link #ORIGIN_ALPHABET} occur, and a {@code :} after the scheme's is
 * either inside brackets or the port separator);</li>
 * <li>a pattern is applied with {@code Pattern.matches}, which matches the whole value,
 * so anchors add nothing.</li>
 * </ol>
 * The pattern is parsed by a small parser of RE2 syntax into a tree that
 * over-approximates its language: zero-width assertions ({@code ^ $ \A \z \b \B}) are
 * dropped, every character set is reduced to the characters that can occur in an origin,
 * and every letter is read case-insensitively whatever the flags (browsers send
 * lower-case origins, so {@code (?i)} is folded, never trusted). Anything the parser does
 * not know is refused. Alternations are expanded into branches (at most
 * {@value #MAX_BRANCHES}), and each branch must read, after expansion: the literal scheme
 * {@code https://} (or {@code http://}, or {@code http} with an optional {@code s}), a
 * host part, and a port tail ({@code :} and digits, possibly in an optional group). The
 * host part must either be provably loopback, or end with a literal domain {@code D} at a
 * label boundary: the whole host is literal, or {@code D} follows a literal {@code .}, or
 * everything before {@code D} ends with {@code .} or is empty. {@code D} must then be a
 * domain name that is not a public suffix. Given fact 1, such a branch can only match a
 * host equal to or below {@code D}: what precedes {@code D} is free, but the value ends
 * right after {@code D} and its port.
 *
 * @author cors-gateway authors
 */
final class OriginPatternSafety {

	/** Most branches an expanded pattern may have before it is refused as unprovable. */
	static final int MAX_BRANCHES = 64;

	// Characters of a serialized origin as HttpSyntax.requestOriginHostEnd accepts it.
	private static final Chars ORIGIN_ALPHABET = Chars.range('a', 'z')
		.union(Chars.range('0', '9'))
		.union(Chars.of("+-.:/[]_"));

	private static final Chars LETTERS = Chars.range('a', 'z');

	private static final Chars DIGITS = Chars.range('0', '9');

	private static final Chars WORD = LETTERS.union(DIGITS).union(Chars.of("_"));

	private static final Chars DOT = Chars.of(".");

	private static final Chars DIGITS_AND_DOTS = DIGITS.union(DOT);

	private static final String EXAMPLES = "https://[a-z0-9-]+\\.example\\.com or https://([a-z0-9-]+\\.)*example\\.com";

	private OriginPatternSafety() {
	}

	/**
	 * Check a credentialed pattern.
	 * @param regex a pattern that compiles with RE2J
	 * @param insecureAllowed whether {@code allow-insecure-origins} is true
	 * @param credentialsProperty the property that set {@code allow-credentials}
	 * @return why the pattern is refused, or {@code null} when it is proven safe
	 */
	static @Nullable String refusal(String regex, boolean insecureAllowed, String credentialsProperty) {
		String setBy = "allow-credentials: true (set by " + credentialsProperty + ")";
		try {
			Node tree = new Parser(regex).parse();
			for (List<Node> branch : expand(tree)) {
				String refusal = checkBranch(branch, insecureAllowed, setBy);
				if (refusal != null) {
					return refusal;
				}
			}
			return null;
		}
		catch (Unprovable ex) {
			return ex.getMessage() + " so it cannot be proven that the pattern matches only your own sites, as " + setBy
					+ " requires. Write it with literals, character classes such as [a-z0-9-], groups, "
					+ "alternatives and quantifiers only, such as " + EXAMPLES + ".";
		}
		catch (TooManyBranches ex) {
			return "The pattern expands to more than " + MAX_BRANCHES + " alternatives, too many to prove that "
					+ "each one matches only your own sites, as " + setBy + " requires. Split it into several "
					+ "allowed-origin-patterns entries.";
		}
	}

	private static @Nullable String checkBranch(List<Node> branch, boolean insecureAllowed, String setBy) {
		if (branch.stream().anyMatch((item) -> item instanceof Chars chars && chars.isEmpty())) {
			// A required character that no origin contains: the branch matches nothing.
			return null;
		}
		int i = 0;
		for (char c : "http".toCharArray()) {
			if (literalAt(branch, i++) != c) {
				return schemeRefusal(setBy);
			}
		}
		boolean http;
		if (literalAt(branch, i) == 's') {
			http = false;
			i++;
		}
		else if (branch.size() > i && isOptionalS(branch.get(i))) {
			http = true;
			i++;
		}
		else {
			http = true;
		}
		for (char c : "://".toCharArray()) {
			if (literalAt(branch, i++) != c) {
				return schemeRefusal(setBy);
			}
		}
		List<Node> host = withoutPortTail(branch.subList(i, branch.size()));
		if (isLoopback(host)) {
			return null;
		}
		int literalStart = literalSuffixStart(host);
		// A host written out in full is one named host, like an allowed-origins entry.
		String refusal = (literalStart == 0) ? null
				: namedDomainRefusal(host.subList(0, literalStart), text(host, literalStart), setBy);
		if (refusal == null && http && !insecureAllowed) {
			return "The pattern accepts plain http:// origins of hosts other than loopback (localhost, *.localhost, "
					+ "127.x.x.x, [::1]), which cannot be combined with " + setBy + ": anyone on the network path "
					+ "can read and alter the page that sends credentialed requests. Match https:// only, or set "
					+ "allow-insecure-origins: true on this scope if you accept that risk.";
		}
		return refusal;
	}

	private static @Nullable String namedDomainRefusal(List<Node> free, String suffix, String setBy) {
		boolean boundaryBefore = DOT.containsAll(lastChars(free));
		String domain;
		if (boundaryBefore) {
			domain = suffix;
		}
		else {
			int dot = suffix.indexOf('.');
			domain = (dot < 0) ? "" : suffix.substring(dot + 1);
		}
		if (!isDomainName(domain)) {
			return "The pattern's host does not end with a domain written out after a '.', so it can match hosts "
					+ "of sites you do not own. With " + setBy + " end the host with your own domain, such as "
					+ EXAMPLES + ", optionally followed by a port such as (:[0-9]+)?.";
		}
		if (PublicSuffixes.isPublicSuffix(domain) && !OriginRule.PRIVATE_SINGLE_LABELS.contains(domain)) {
			String unbounded = (boundaryBefore || suffix.startsWith(".")) ? ""
					: "The '" + suffix + "' that ends the host does not follow a literal '.', so hosts such as 'not"
							+ suffix + "' match it too. ";
			return unbounded + "The pattern matches hosts under the public suffix '" + domain + "', where anyone "
					+ "can register a domain, so it cannot be combined with " + setBy + ". Name your own domain "
					+ "after a literal '.', such as " + EXAMPLES + ".";
		}
		String suffixBelow = PublicSuffixes.publicSuffixBelow(domain);
		if (suffixBelow != null) {
			return "The pattern matches hosts below '" + domain + "', which include public suffixes (the Public "
					+ "Suffix List's rule '" + suffixBelow + "') where anyone can get a name, so it cannot be "
					+ "combined with " + setBy + ". Write out the "
					+ "domain you own below that suffix after the last wildcard, or list your origins one by one.";
		}
		return null;
	}

	private static String schemeRefusal(String setBy) {
		return "The pattern does not start with https:// written out, so it can match origins of other schemes, "
				+ "plain http:// included. With " + setBy + " a pattern must spell its scheme literally (http:// "
				+ "only for loopback hosts), such as " + EXAMPLES + ".";
	}

	// A host that can only be loopback: written out (localhost, a.localhost, 127.0.0.1,
	// [::1]), anything ending in '.localhost' at a label boundary, or '127.' followed
	// by digits and dots only.
	private static boolean isLoopback(List<Node> host) {
		int start = literalSuffixStart(host);
		String suffix = text(host, start);
		if (start == 0) {
			return OriginRule.isLoopback(suffix);
		}
		if (text(host.subList(0, Math.min(4, host.size())), 0).equals("127.")
				&& host.stream().allMatch((item) -> DIGITS_AND_DOTS.containsAll(chars(item)))) {
			return true;
		}
		boolean boundaryBefore = DOT.containsAll(lastChars(host.subList(0, start)));
		return (boundaryBefore && suffix.equals("localhost")) || suffix.endsWith(".localhost");
	}

	// Where the trailing run of single-character items starts.
	private static int literalSuffixStart(List<Node> items) {
		int start = items.size();
		while (start > 0 && literalAt(items, start - 1) != -1) {
			start--;
		}
		return start;
	}

	// The characters of single-character items from the given index; a character
	// class of several characters reads as '?'.
	private static String text(List<Node> items, int from) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i < items.size(); i++) {
			int c = literalAt(items, i);
			text.append((c != -1) ? (char) c : '?');
		}
		return text.toString();
	}

	// Labels of letters, digits, '-' and '_', the last with a letter so that the suffix
	// of an IPv4 address never counts as a domain.
	private static boolean isDomainName(String domain) {
		if (HttpSyntax.hostEnd(domain, 0, domain.length()) != domain.length() || domain.startsWith("[")) {
			return false;
		}
		String last = domain.substring(domain.lastIndexOf('.') + 1);
		return last.chars().anyMatch((c) -> c >= 'a' && c <= 'z');
	}

	private static boolean isOptionalS(Node node) {
		return node instanceof Repeat repeat && repeat.min() == 0 && maxLength(repeat) <= 1
				&& Chars.of("s").containsAll(chars(repeat.body()));
	}

	// Removes a trailing port: an optional item whose every alternative is ':' and
	// digits, or the last literal ':' when only digits follow it. Everything after the
	// host in a well-formed origin is ':' and digits, and the host itself never ends
	// with such a tail, so what remains must match the host exactly.
	private static List<Node> withoutPortTail(List<Node> items) {
		if (!items.isEmpty() && items.get(items.size() - 1) instanceof Repeat repeat && repeat.min() == 0
				&& repeat.max() == 1) {
			boolean port = true;
			for (List<Node> alternative : expand(repeat.body())) {
				port &= alternative.isEmpty() || isPort(alternative);
			}
			if (port) {
				return items.subList(0, items.size() - 1);
			}
		}
		for (int i = items.size() - 1; i >= 0; i--) {
			if (literalAt(items, i) == ':') {
				return isPort(items.subList(i, items.size())) ? items.subList(0, i) : items;
			}
		}
		return items;
	}

	private static boolean isPort(List<Node> items) {
		return literalAt(items, 0) == ':' && items.stream().skip(1).allMatch((item) -> DIGITS.containsAll(chars(item)));
	}

	// The one character an item can match, or -1.
	private static int literalAt(List<Node> items, int index) {
		return (index < items.size() && items.get(index) instanceof Chars chars) ? chars.single() : -1;
	}

	// Alternations distributed over concatenation; each branch is a list of Chars and
	// Repeat items.
	private static List<List<Node>> expand(Node node) {
		if (node instanceof Chars) {
			return List.of(List.of(node));
		}
		if (node instanceof Repeat repeat) {
			if (repeat.max() == 0) {
				return List.of(List.of());
			}
			return (repeat.min() == 1 && repeat.max() == 1) ? expand(repeat.body()) : List.of(List.of(node));
		}
		if (node instanceof Alternation alternation) {
			List<List<Node>> branches = new ArrayList<>();
			for (Node alternative : alternation.alternatives()) {
				branches.addAll(expand(alternative));
				checkCount(branches.size());
			}
			return branches;
		}
		List<List<Node>> branches = List.of(List.of());
		for (Node item : ((Concatenation) node).items()) {
			List<List<Node>> next = new ArrayList<>();
			for (List<Node> tail : expand(item)) {
				for (List<Node> head : branches) {
					List<Node> branch = new ArrayList<>(head);
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

	private static boolean nullable(Node node) {
		if (node instanceof Chars) {
			return false;
		}
		if (node instanceof Repeat repeat) {
			return repeat.min() == 0 || nullable(repeat.body());
		}
		if (node instanceof Alternation alternation) {
			return alternation.alternatives().stream().anyMatch(OriginPatternSafety::nullable);
		}
		return ((Concatenation) node).items().stream().allMatch(OriginPatternSafety::nullable);
	}

	// Every character the node can match.
	private static Chars chars(Node node) {
		if (node instanceof Chars chars) {
			return chars;
		}
		if (node instanceof Repeat repeat) {
			return (repeat.max() == 0) ? Chars.NONE : chars(repeat.body());
		}
		List<Node> parts = (node instanceof Alternation alternation) ? alternation.alternatives()
				: ((Concatenation) node).items();
		Chars all = Chars.NONE;
		for (Node part : parts) {
			all = all.union(chars(part));
		}
		return all;
	}

	// Every character that can end a non-empty string the node matches.
	private static Chars lastChars(Node node) {
		if (node instanceof Chars chars) {
			return chars;
		}
		if (node instanceof Repeat repeat) {
			return (repeat.max() == 0) ? Chars.NONE : lastChars(repeat.body());
		}
		if (node instanceof Alternation alternation) {
			Chars all = Chars.NONE;
			for (Node alternative : alternation.alternatives()) {
				all = all.union(lastChars(alternative));
			}
			return all;
		}
		return lastChars(((Concatenation) node).items());
	}

	private static Chars lastChars(List<Node> items) {
		Chars all = Chars.NONE;
		for (int i = items.size() - 1; i >= 0; i--) {
			all = all.union(lastChars(items.get(i)));
			if (!nullable(items.get(i))) {
				break;
			}
		}
		return all;
	}

	// The longest string the node matches, or Integer.MAX_VALUE when unbounded.
	private static int maxLength(Node node) {
		if (node instanceof Chars) {
			return 1;
		}
		if (node instanceof Repeat repeat) {
			int body = maxLength(repeat.body());
			if (body == 0 || repeat.max() == 0) {
				return 0;
			}
			return (repeat.max() == -1 || body == Integer.MAX_VALUE) ? Integer.MAX_VALUE
					: (int) Math.min(Integer.MAX_VALUE, (long) body * repeat.max());
		}
		if (node instanceof Alternation alternation) {
			return alternation.alternatives().stream().mapToInt(OriginPatternSafety::maxLength).max().orElse(0);
		}
		long sum = 0;
		for (Node item : ((Concatenation) node).items()) {
			sum += maxLength(item);
		}
		return (int) Math.min(Integer.MAX_VALUE, sum);
	}

	private sealed interface Node permits Chars, Concatenation, Alternation, Repeat {

	}

	private record Concatenation(List<Node> items) implements Node {

	}

	private record Alternation(List<Node> alternatives) implements Node {

	}

	/**
	 * A repetition; {@code max} is -1 when unbounded.
	 */
	private record Repeat(Node body, int min, int max) implements Node {

	}

	/**
	 * A set of ASCII characters, as two 64-bit masks.
	 */
	private record Chars(long low, long high) implements Node {

		static final Chars NONE = new Chars(0, 0);

		static Chars of(String characters) {
			Chars chars = NONE;
			for (int i = 0; i < characters.length(); i++) {
				chars = chars.with(characters.charAt(i));
			}
			return chars;
		}

		static Chars range(int from, int to) {
			Chars chars = NONE;
			for (int c = Math.max(from, 0); c <= Math.min(to, 127); c++) {
				chars = chars.with(c);
			}
			return chars;
		}

		Chars with(int c) {
			return (c < 64) ? new Chars(this.low | (1L << c), this.high) : new Chars(this.low, this.high | (1L << c));
		}

		Chars union(Chars other) {
			return new Chars(this.low | other.low, this.high | other.high);
		}

		Chars intersection(Chars other) {
			return new Chars(this.low & other.low, this.high & other.high);
		}

		boolean containsAll(Chars other) {
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
		Chars folded() {
			long upper = (this.high >>> ('A' - 64)) & ((1L << 26) - 1);
			return new Chars(this.low, this.high | (upper << ('a' - 64)));
		}

	}

	/**
	 * A set under construction: ASCII characters, plus whether a non-ASCII one is in.
	 */
	private static final class CharsBuilder {

		private Chars ascii = Chars.NONE;

		private boolean nonAscii;

		void add(int from, int to) {
			this.ascii = this.ascii.union(Chars.range(from, to));
			this.nonAscii |= to > 127;
		}

		void add(Chars chars) {
			this.ascii = this.ascii.union(chars);
		}

		// A non-ASCII character may fold to an ASCII letter (the Kelvin sign to 'k',
		// the long s to 's'), so any non-ASCII member stands for every letter. A negated
		// class holds every non-ASCII character, so, like a complement escape, it is
		// taken as any origin character.
		Chars build(boolean negated) {
			if (negated) {
				return ORIGIN_ALPHABET;
			}
			Chars set = this.nonAscii ? this.ascii.union(LETTERS) : this.ascii;
			return set.folded().intersection(ORIGIN_ALPHABET);
		}

	}

	/**
	 * A recursive-descent parser of the RE2 syntax that RE2J accepts, for patterns that
	 * already compiled. It reproduces how RE2J groups its input (a quantifier binds to
	 * the last character of a {@code \Q...\E} run, a flag group is no operand, a
	 * {@code {} that is not a repetition is a literal) and refuses every construct it
	 * does not know.
	 */
	private static final class Parser {

		private final String regex;

		private int pos;

		Parser(String regex) {
			this.regex = regex;
		}

		Node parse() {
			Node node = alternation();
			if (this.pos != this.regex.length()) {
				throw new Unprovable("an unbalanced ')'");
			}
			return node;
		}

		private Node alternation() {
			List<Node> alternatives = new ArrayList<>();
			alternatives.add(concatenation());
			while (more() && peek() == '|') {
				this.pos++;
				alternatives.add(concatenation());
			}
			return (alternatives.size() == 1) ? alternatives.get(0) : new Alternation(alternatives);
		}

		private Node concatenation() {
			List<Node> items = new ArrayList<>();
			while (more() && peek() != '|' && peek() != ')') {
				int c = peek();
				if (c == '*' || c == '+' || c == '?' || (c == '{' && repetitionEnd() != -1)) {
					if (items.isEmpty()) {
						throw new Unprovable("a quantifier with nothing before it");
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
					Node group = flagsOrGroup();
					if (group != null) {
						items.add(group);
					}
				}
				else {
					items.add(atom());
				}
			}
			return new Concatenation(items);
		}

		private Node quantified(Node operand) {
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
			return new Repeat(operand, min, max);
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
		private @Nullable Node flagsOrGroup() {
			int start = this.pos;
			this.pos += 2;
			while (more() && "imsU-".indexOf(peek()) >= 0) {
				this.pos++;
			}
			if (!more() || (peek() != ')' && peek() != ':')) {
				throw new Unprovable("the group syntax '"
						+ this.regex.substring(start, Math.min(this.pos + 1, this.regex.length())) + "'");
			}
			if (peek() == ')') {
				this.pos++;
				return null;
			}
			this.pos++;
			return groupBody();
		}

		private Node groupBody() {
			Node body = alternation();
			if (!more() || peek() != ')') {
				throw new Unprovable("an unbalanced '('");
			}
			this.pos++;
			return body;
		}

		private Node atom() {
			int c = peek();
			switch (c) {
				case '(' -> {
					if (this.regex.startsWith("(?", this.pos)) {
						int nameEnd = this.regex.indexOf('>', this.pos);
						if (nameEnd == -1) {
							throw new Unprovable("an unterminated group name");
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
					return ORIGIN_ALPHABET;
				}
				case '^', '$' -> {
					this.pos++;
					return new Concatenation(List.of());
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

		private Node escape() {
			if (this.pos + 1 >= this.regex.length()) {
				throw new Unprovable("a trailing '\\'");
			}
			char next = this.regex.charAt(this.pos + 1);
			if ("AzbB".indexOf(next) >= 0) {
				// Zero-width: dropping it can only widen the language.
				this.pos += 2;
				return new Concatenation(List.of());
			}
			CharsBuilder builder = new CharsBuilder();
			if (classEscape(builder)) {
				return builder.build(false);
			}
			return literal(characterEscape());
		}

		// \d \D \s \S \w \W and \p{...} \P{...}, into builder; false if not one of these.
		private boolean classEscape(CharsBuilder builder) {
			char next = this.regex.charAt(this.pos + 1);
			switch (next) {
				case 'd' -> builder.add(DIGITS);
				case 'w' -> builder.add(WORD);
				case 's' -> {
					// White space: no origin contains any.
				}
				// A complement holds non-ASCII characters, which may fold to any letter,
				// so it is taken as any origin character: no set that holds every letter
				// can be a label boundary, a port digit or a scheme letter.
				case 'D', 'W', 'S' -> builder.add(ORIGIN_ALPHABET);
				case 'p', 'P' -> {
					// A Unicode class: taken as any character.
					int end = (this.pos + 2 < this.regex.length() && this.regex.charAt(this.pos + 2) == '{')
							? this.regex.indexOf('}', this.pos + 2) : this.pos + 2;
					if (end == -1 || end >= this.regex.length()) {
						throw new Unprovable("an unterminated '\\p{'");
					}
					builder.add(ORIGIN_ALPHABET);
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

		private int characterEscape() {
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
				default -> throw new Unprovable("the escape '" + this.regex.substring(start, this.pos) + "'");
			}
		}

		private int hexEscape(int start) {
			int end;
			int from;
			if (more() && peek() == '{') {
				from = this.pos + 1;
				end = this.regex.indexOf('}', from);
				if (end == -1) {
					throw new Unprovable("an unterminated '\\x{'");
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
				throw new Unprovable("the escape '" + this.regex.substring(start, this.pos) + "'");
			}
		}

		private Node characterClass() {
			int start = this.pos;
			this.pos++;
			boolean negated = more() && peek() == '^';
			if (negated) {
				this.pos++;
			}
			CharsBuilder builder = new CharsBuilder();
			boolean first = true;
			while (more() && (peek() != ']' || first)) {
				first = false;
				if (this.regex.startsWith("[:", this.pos)) {
					throw new Unprovable("the POSIX class syntax '[:'");
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
				throw new Unprovable("the unterminated class '" + this.regex.substring(start) + "'");
			}
			this.pos++;
			return builder.build(negated);
		}

		private int classCharacter() {
			if (peek() == '\\') {
				if (this.pos + 1 >= this.regex.length()) {
					throw new Unprovable("a trailing '\\'");
				}
				return characterEscape();
			}
			int codePoint = this.regex.codePointAt(this.pos);
			this.pos += Character.charCount(codePoint);
			return codePoint;
		}

		private static Chars literal(int codePoint) {
			CharsBuilder builder = new CharsBuilder();
			builder.add(codePoint, codePoint);
			return builder.build(false);
		}

		private boolean more() {
			return this.pos < this.regex.length();
		}

		private int peek() {
			return this.regex.charAt(this.pos);
		}

	}

	/**
	 * The pattern uses syntax the parser does not read; the message names it.
	 */
	private static final class Unprovable extends RuntimeException {

		Unprovable(String syntax) {
			super("The pattern uses " + syntax + ", which the credentials check cannot read,", null, false, false);
		}

	}

	private static final class TooManyBranches extends RuntimeException {

		TooManyBranches() {
			super(null, null, false, false);
		}

	}

}
