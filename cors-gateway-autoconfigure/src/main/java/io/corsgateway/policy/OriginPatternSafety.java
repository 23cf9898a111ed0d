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

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.HttpSyntax;

/**
 * Proves, from the structure of an RE2J regular expression, that a credentialed
 * {@code allowed-origin-patterns} entry can only match https origins (or plain http
 * origins of loopback hosts) whose host is a domain the pattern names literally, or
 * refuses it. This class is the judgement: it reads the expanded branches of the tree and
 * words the refusals.
 * <p>
 * The proof relies on two facts about {@link OriginMatcher}, and on nothing else:
 * <ol>
 * <li>a pattern only ever sees a value that passed
 * {@link HttpSyntax#requestOriginHostEnd}: a lower-case scheme, {@code ://}, a host that
 * is either domain labels of {@code [a-z0-9_-]} separated by single dots or a bracketed
 * IPv6 address, then optionally {@code :} and decimal digits, and nothing else (so only
 * the characters of {@link OriginChars#ORIGIN_ALPHABET} occur, and a {@code :} after the
 * scheme's is either inside brackets or the port separator);</li>
 * <li>a pattern is applied with {@code Pattern.matches}, which matches the whole value,
 * so anchors add nothing.</li>
 * </ol>
 * The pattern is parsed by a small parser of RE2 syntax ({@link OriginPatternParser})
 * into a tree that over-approximates its language ({@link OriginPatternLanguage} answers
 * what the tree can match): zero-width assertions ({@code ^ $ \A \z \b \B}) are dropped,
 * every character set is reduced to the characters that can occur in an origin, and every
 * letter is read case-insensitively whatever the flags (browsers send lower-case origins,
 * so {@code (?i)} is folded, never trusted). Anything the parser does not know is
 * refused. Alternations are expanded into branches (at most
 * {@value OriginPatternLanguage#MAX_BRANCHES}), and each branch must read, after
 * expansion: the literal scheme {@code https://} (or {@code http://}, or {@code http}
 * with an optional {@code s}), a host part, and a port tail ({@code :} and digits,
 * possibly in an optional group). The host part must either be provably loopback, or end
 * with a literal domain {@code D} at a label boundary: the whole host is literal, or
 * {@code D} follows a literal {@code .}, or everything before {@code D} ends with
 * {@code .} or is empty. {@code D} must then be a domain name that is not a public
 * suffix. Given fact 1, such a branch can only match a host equal to or below {@code D}:
 * what precedes {@code D} is free, but the value ends right after {@code D} and its port.
 *
 * @author cors-gateway authors
 */
final class OriginPatternSafety {

	private static final OriginChars DOT = OriginChars.of(".");

	private static final OriginChars DIGITS_AND_DOTS = OriginChars.DIGITS.union(DOT);

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
			OriginPatternNode tree = new OriginPatternParser(regex).parse();
			for (List<OriginPatternNode> branch : OriginPatternLanguage.expand(tree)) {
				String refusal = checkBranch(branch, insecureAllowed, setBy);
				if (refusal != null) {
					return refusal;
				}
			}
			return null;
		}
		catch (UnreadablePatternException ex) {
			return ex.getMessage() + " so it cannot be proven that the pattern matches only your own sites, as " + setBy
					+ " requires. Write it with literals, character classes such as [a-z0-9-], groups, "
					+ "alternatives and quantifiers only, such as " + EXAMPLES + ".";
		}
		catch (OriginPatternLanguage.TooManyBranches ex) {
			return "The pattern expands to more than " + OriginPatternLanguage.MAX_BRANCHES + " alternatives, too "
					+ "many to prove that each one matches only your own sites, as " + setBy + " requires. Split it "
					+ "into several allowed-origin-patterns entries.";
		}
	}

	private static @Nullable String checkBranch(List<OriginPatternNode> branch, boolean insecureAllowed, String setBy) {
		if (branch.stream().anyMatch((item) -> item instanceof OriginChars chars && chars.isEmpty())) {
			// A required character that no origin contains: the branch matches nothing.
			return null;
		}
		int i = 0;
		for (char c : "http".toCharArray()) {
			if (OriginPatternLanguage.literalAt(branch, i++) != c) {
				return schemeRefusal(setBy);
			}
		}
		boolean http;
		if (OriginPatternLanguage.literalAt(branch, i) == 's') {
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
			if (OriginPatternLanguage.literalAt(branch, i++) != c) {
				return schemeRefusal(setBy);
			}
		}
		List<OriginPatternNode> host = withoutPortTail(branch.subList(i, branch.size()));
		if (isLoopback(host)) {
			return null;
		}
		int literalStart = OriginPatternLanguage.literalSuffixStart(host);
		// A host written out in full is one named host, like an allowed-origins entry.
		String refusal = (literalStart == 0) ? null : namedDomainRefusal(host.subList(0, literalStart),
				OriginPatternLanguage.text(host, literalStart), setBy);
		if (refusal == null && http && !insecureAllowed) {
			return "The pattern accepts plain http:// origins of hosts other than loopback (localhost, *.localhost, "
					+ "127.x.x.x, [::1]), which cannot be combined with " + setBy + ": anyone on the network path "
					+ "can read and alter the page that sends credentialed requests. Match https:// only, or set "
					+ "allow-insecure-origins: true on this scope if you accept that risk.";
		}
		return refusal;
	}

	private static @Nullable String namedDomainRefusal(List<OriginPatternNode> free, String suffix, String setBy) {
		boolean boundaryBefore = DOT.containsAll(OriginPatternLanguage.lastChars(free));
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
	private static boolean isLoopback(List<OriginPatternNode> host) {
		int start = OriginPatternLanguage.literalSuffixStart(host);
		String suffix = OriginPatternLanguage.text(host, start);
		if (start == 0) {
			return OriginRule.isLoopback(suffix);
		}
		if (OriginPatternLanguage.text(host.subList(0, Math.min(4, host.size())), 0).equals("127.")
				&& host.stream().allMatch((item) -> DIGITS_AND_DOTS.containsAll(OriginPatternLanguage.chars(item)))) {
			return true;
		}
		boolean boundaryBefore = DOT.containsAll(OriginPatternLanguage.lastChars(host.subList(0, start)));
		return (boundaryBefore && suffix.equals("localhost")) || suffix.endsWith(".localhost");
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

	private static boolean isOptionalS(OriginPatternNode node) {
		return node instanceof OriginPatternNode.Repeat repeat && repeat.min() == 0
				&& OriginPatternLanguage.maxLength(repeat) <= 1
				&& OriginChars.of("s").containsAll(OriginPatternLanguage.chars(repeat.body()));
	}

	// Removes a trailing port: an optional item whose every alternative is ':' and
	// digits, or the last literal ':' when only digits follow it. Everything after the
	// host in a well-formed origin is ':' and digits, and the host itself never ends
	// with such a tail, so what remains must match the host exactly.
	private static List<OriginPatternNode> withoutPortTail(List<OriginPatternNode> items) {
		if (!items.isEmpty() && items.get(items.size() - 1) instanceof OriginPatternNode.Repeat repeat
				&& repeat.min() == 0 && repeat.max() == 1) {
			boolean port = true;
			for (List<OriginPatternNode> alternative : OriginPatternLanguage.expand(repeat.body())) {
				port &= alternative.isEmpty() || isPort(alternative);
			}
			if (port) {
				return items.subList(0, items.size() - 1);
			}
		}
		for (int i = items.size() - 1; i >= 0; i--) {
			if (OriginPatternLanguage.literalAt(items, i) == ':') {
				return isPort(items.subList(i, items.size())) ? items.subList(0, i) : items;
			}
		}
		return items;
	}

	private static boolean isPort(List<OriginPatternNode> items) {
		return OriginPatternLanguage.literalAt(items, 0) == ':' && items.stream()
			.skip(1)
			.allMatch((item) -> OriginChars.DIGITS.containsAll(OriginPatternLanguage.chars(item)));
	}

}
