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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;

/**
 * The Public Suffix List (publicsuffix.org), both its ICANN and its PRIVATE section, with
 * its wildcard ({@code *.ck}) and exception ({@code !www.ck}) rules, as the algorithm on
 * publicsuffix.org/list defines them. Used at startup to refuse subdomain wildcards that
 * would cover domains anyone can register, such as {@code *.co.uk}, {@code *.eu.org} or
 * {@code *.github.io}; never per request.
 * <p>
 * The list is a dated copy bundled as {@code public_suffix_list.dat} next to this class
 * and parsed once, the first time a domain is looked up. Its {@code VERSION} line is
 * {@link #listVersion()}; docs/security.md says how to refresh it and why a copy rather
 * than a library: Apache HttpClient 5 ships the list, but on the classpath it would make
 * Spring's {@code RestClient} and Boot's HTTP client detection switch to it; Guava adds 3
 * MB and four more dependencies, at whatever Guava version the application settles on.
 *
 * @author cors-gateway authors
 */
final class PublicSuffixes {

	private static final String RESOURCE = "public_suffix_list.dat";

	private PublicSuffixes() {
	}

	/**
	 * Whether a domain is itself a public suffix: a name under which anyone can register
	 * a domain or get a site, such as {@code com}, {@code co.uk}, {@code k12.ca.us},
	 * {@code eu.org}, {@code github.io} or any label below a wildcard rule
	 * ({@code anything.ck}). As the list's algorithm says, a single label the list does
	 * not name ({@code localhost}, {@code internal}) counts as a public suffix too.
	 * @param domain a lower-case ASCII domain name (internationalized labels in their
	 * {@code xn--} form) without a trailing dot
	 * @return whether the domain is a public suffix
	 */
	static boolean isPublicSuffix(String domain) {
		return publicSuffixOf(domain).length() == domain.length();
	}

	/**
	 * The registrable domain a name belongs to: its public suffix plus the one label in
	 * front of it, such as {@code example.co.uk} for {@code shop.example.co.uk}. A domain
	 * is strictly below a public suffix exactly when this is not {@code null}.
	 * @param domain a lower-case ASCII domain name (internationalized labels in their
	 * {@code xn--} form) without a trailing dot
	 * @return the registrable domain, or {@code null} when the domain is itself a public
	 * suffix
	 */
	static @Nullable String registrableDomain(String domain) {
		String suffix = publicSuffixOf(domain);
		if (suffix.length() == domain.length()) {
			return null;
		}
		int start = domain.lastIndexOf('.', domain.length() - suffix.length() - 2);
		return domain.substring(start + 1);
	}

	/**
	 * A public suffix strictly below a domain, if the list has one: {@code *.run.app}
	 * below {@code run.app}, {@code s3.amazonaws.com} below {@code amazonaws.com}. A
	 * subdomain wildcard or pattern over such a domain covers names that anyone can
	 * register, although the domain itself is not a public suffix.
	 * @param domain a lower-case ASCII domain name without a trailing dot
	 * @return a rule of the list below the domain, as the list writes it, or {@code null}
	 * when there is none
	 */
	static @Nullable String publicSuffixBelow(String domain) {
		return Rules.INSTANCE.suffixesBelow.get(domain);
	}

	/**
	 * The {@code VERSION} line of the bundled list, such as
	 * {@code 2026-07-25_14-20-03_UTC}.
	 * @return the version of the bundled list
	 */
	static String listVersion() {
		return Rules.INSTANCE.version;
	}

	// The longest suffix of the domain that is a public suffix, following
	// publicsuffix.org/list: an exception rule prevails over every other matching
	// rule, otherwise the matching rule with most labels, otherwise the implicit '*'.
	private static String publicSuffixOf(String domain) {
		Rules rules = Rules.INSTANCE;
		for (int start = 0; start >= 0; start = nextLabel(domain, start)) {
			String suffix = domain.substring(start);
			if (rules.exceptions.contains(suffix)) {
				// An exception rule has two labels at least: its parent is the suffix.
				return domain.substring(nextLabel(domain, start));
			}
		}
		for (int start = 0; start >= 0; start = nextLabel(domain, start)) {
			String suffix = domain.substring(start);
			int next = nextLabel(domain, start);
			if (rules.normal.contains(suffix) || (next >= 0 && rules.wildcards.contains(domain.substring(next)))) {
				return suffix;
			}
		}
		return domain.substring(domain.lastIndexOf('.') + 1);
	}

	private static int nextLabel(String domain, int start) {
		int dot = domain.indexOf('.', start);
		return (dot < 0) ? -1 : dot + 1;
	}

	/**
	 * The parsed list, loaded once when first used. Immutable data, not mutable state.
	 */
	private static final class Rules {

		static final Rules INSTANCE = load();

		final String version;

		// Normal rules: 'co.uk'.
		final Set<String> normal;

		// Parents of wildcard rules: 'ck' for '*.ck'.
		final Set<String> wildcards;

		// Exception rules without their '!': 'www.ck'.
		final Set<String> exceptions;

		// Every domain with a normal or wildcard rule strictly below it, to one such
		// rule: 'run.app' to '*.run.app', 'amazonaws.com' to 's3.amazonaws.com'.
		final Map<String, String> suffixesBelow;

		private Rules(String version, Set<String> normal, Set<String> wildcards, Set<String> exceptions) {
			this.version = version;
			this.normal = normal;
			this.wildcards = wildcards;
			this.exceptions = exceptions;
			Map<String, String> below = new HashMap<>();
			normal.forEach((rule) -> addParents(below, rule));
			wildcards.forEach((parent) -> addParents(below, "*." + parent));
			this.suffixesBelow = Map.copyOf(below);
		}

		// Maps each domain above the rule's to the rule; where several rules lie below
		// one domain, the shortest, then the first in alphabetical order, so that
		// messages name the nearest rule and do not vary between runs.
		private static void addParents(Map<String, String> below, String rule) {
			String domain = rule.startsWith("*.") ? rule.substring(1) : rule;
			for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
				below.merge(domain.substring(dot + 1), rule, PublicSuffixes.Rules::nearer);
			}
		}

		private static Rules load() {
			String version = "unknown";
			Set<String> normal = new HashSet<>();
			Set<String> wildcards = new HashSet<>();
			Set<String> exceptions = new HashSet<>();
			try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The Public Suffix List '" + RESOURCE
							+ "' is missing from the classpath next to " + PublicSuffixes.class.getName() + ".");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					line = line.strip();
					if (line.startsWith("// VERSION: ")) {
						version = line.substring("// VERSION: ".length());
					}
					if (line.isEmpty() || line.startsWith("//")) {
						continue;
					}
					// A rule is the first whitespace-separated word of its line.
					String rule = line.split("\\s", 2)[0];
					if (rule.startsWith("!")) {
						exceptions.add(toAscii(rule.substring(1)));
					}
					else if (rule.startsWith("*.")) {
						wildcards.add(toAscii(rule.substring(2)));
					}
					else {
						normal.add(toAscii(rule));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Public Suffix List '" + RESOURCE + "'.", ex);
			}
			return new Rules(version, Set.copyOf(normal), Set.copyOf(wildcards), Set.copyOf(exceptions));
		}

		private static String nearer(String first, String second) {
			int byLength = Integer.compare(first.length(), second.length());
			return (byLength < 0 || (byLength == 0 && first.compareTo(second) <= 0)) ? first : second;
		}

		// The list writes internationalized rules in Unicode; origins carry the xn--
		// form. The list is already lower case and normalized, so unassigned code points
		// (newer than the JDK's IDNA 2003 tables) only need punycode.
		private static String toAscii(String rule) {
			return Ascii.toLowerCase(IDN.toASCII(rule, IDN.ALLOW_UNASSIGNED));
		}

	}

}
