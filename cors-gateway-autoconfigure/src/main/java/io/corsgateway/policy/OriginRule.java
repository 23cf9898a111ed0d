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
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.HttpSyntax;

/**
 * One entry of {@code allowed-origins}, parsed and normalized at startup.
 *
 * @param kind what the entry matches
 * @param scheme the scheme, or {@code null} for {@link Kind#ANY} and {@link Kind#NULL}
 * @param host the exact host, or for {@link Kind#SUBDOMAINS} the parent domain
 * @param port the port, {@link #NO_PORT} when absent or {@link #ANY_PORT} for {@code :*}
 * @param normalized the serialized form the entry stands for
 * @author cors-gateway authors
 */
record OriginRule(Kind kind, @Nullable String scheme, @Nullable String host, int port, String normalized) {

	static final int NO_PORT = -1;

	static final int ANY_PORT = -2;

	// Special-use single labels (RFC 6761 localhost and test, RFC 6762 local, ICANN's
	// internal) that no one can register below on the public internet and that commonly
	// carry development subdomains. The Public Suffix List does not name them, so its
	// implicit '*' rule makes them public suffixes: allow them here.
	static final Set<String> PRIVATE_SINGLE_LABELS = Set.of("localhost", "internal", "test", "local");

	enum Kind {

		/** {@code *}: every well-formed origin. */
		ANY,

		/** The opaque origin, written {@code null}. */
		NULL,

		/** One serialized origin. */
		EXACT,

		/**
		 * Every origin one or more labels below a domain: {@code https://*.example.com}.
		 */
		SUBDOMAINS

	}

	/**
	 * Whether the origin uses plain HTTP to a host other than loopback.
	 * @return whether the origin is insecure
	 */
	boolean isInsecure() {
		return "http".equals(this.scheme) && this.host != null && !isLoopback(this.host);
	}

	// Only an IPv4 literal starting with 127 is loopback: 127.attacker.example is a
	// domain name like any other.
	static boolean isLoopback(String host) {
		return host.equals("localhost") || host.equals("[::1]") || host.endsWith(".localhost")
				|| (host.startsWith("127.") && host.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9')));
	}

	/**
	 * Parse one configured origin.
	 * @param value the configured value
	 * @param problems receives a sentence for each reason the value is refused
	 * @param warnings receives a sentence for each normalization applied
	 * @return the rule, or {@code null} when {@code problems} received a reason
	 */
	static @Nullable OriginRule parse(String value, List<String> problems, List<String> warnings) {
		if (value.isEmpty() || value.isBlank()) {
			problems
				.add("An origin cannot be empty. Remove the entry or write an origin such as https://app.example.com.");
			return null;
		}
		if (value.equals("*")) {
			return new OriginRule(Kind.ANY, null, null, NO_PORT, "*");
		}
		if (value.equals("null")) {
			return new OriginRule(Kind.NULL, null, null, NO_PORT, "null");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= ' ' || c >= 127) {
				problems.add("An origin cannot contain whitespace, control or non-ASCII characters. "
						+ "Write internationalized hosts in their punycode (xn--) form and remove spaces.");
				return null;
			}
		}
		int schemeEnd = value.indexOf("://");
		if (schemeEnd <= 0) {
			problems.add("An origin must start with a scheme, such as https://" + value + ".");
			return null;
		}
		String scheme = Ascii.toLowerCase(value.substring(0, schemeEnd));
		if (!scheme.equals("https") && !scheme.equals("http")) {
			problems.add("The scheme '" + value.substring(0, schemeEnd) + "' is not supported: browsers send "
					+ "https:// or http:// origins to web APIs. Use allowed-origin-patterns for other schemes.");
			return null;
		}
		String rest = value.substring(schemeEnd + 3);
		int end = authorityEnd(rest);
		if (end > 0 && end < rest.length()) {
			problems.add("An origin is scheme://host[:port] only, without a path, query, fragment or trailing "
					+ "slash. Write '" + value.substring(0, schemeEnd + 3) + rest.substring(0, end) + "'.");
			return null;
		}
		if (rest.indexOf('@') >= 0) {
			problems.add("An origin cannot contain user information ('user@'). Remove everything up to the '@'.");
			return null;
		}
		// With nothing before a path ('https:///app.example.com') there is no host to
		// suggest keeping: the empty authority fails the host check instead.
		String written = rest.substring(0, end);
		boolean subdomains = written.startsWith("*.");
		String authority = subdomains ? written.substring(2) : written;
		String lowerAuthority = Ascii.toLowerCase(authority);
		if (!lowerAuthority.equals(authority)) {
			warnings.add("Upper-case letters were lowered: browsers send lower-case origins.");
		}
		if (!scheme.equals(value.substring(0, schemeEnd))) {
			warnings.add("The scheme was lowered to '" + scheme + "': browsers send lower-case origins.");
		}
		if (lowerAuthority.indexOf('*') >= 0 && !lowerAuthority.endsWith(":*")) {
			problems.add("A wildcard is allowed only as the whole first label ('https://*.example.com') or "
					+ "as the whole port ('http://localhost:*'). Use allowed-origin-patterns for other shapes.");
			return null;
		}
		int hostEnd = HttpSyntax.hostEnd(lowerAuthority, 0, lowerAuthority.length());
		if (hostEnd < 0) {
			problems.add("The host is empty or malformed: it must be a domain name (letters, digits, '-', "
					+ "'.' with no empty label), an IPv4 address or a bracketed IPv6 address.");
			return null;
		}
		String host = lowerAuthority.substring(0, hostEnd);
		int port = NO_PORT;
		if (hostEnd < lowerAuthority.length()) {
			String portText = lowerAuthority.substring(hostEnd + 1);
			if (portText.equals("*")) {
				port = ANY_PORT;
			}
			else {
				port = HttpSyntax.parsePort(portText, 0, portText.length());
				if (port < 0) {
					problems.add("The port '" + portText + "' is not a number from 1 to 65535 without leading zeros.");
					return null;
				}
				if (port == HttpSyntax.defaultPort(scheme)) {
					warnings
						.add("The default port :" + port + " was removed: browsers omit it from the Origin header.");
					port = NO_PORT;
				}
			}
		}
		if (subdomains) {
			String problem = checkWildcardParent(host);
			if (problem != null) {
				problems.add(problem);
				return null;
			}
		}
		String normalized = scheme + "://" + (subdomains ? "*." : "") + host + portSuffix(port);
		// The entry as written when it is already normalized, as most are: the matcher
		// then keeps the configured string instead of an equal copy.
		if (normalized.equals(value)) {
			normalized = value;
		}
		return new OriginRule(subdomains ? Kind.SUBDOMAINS : Kind.EXACT, scheme, host, port, normalized);
	}

	private static @Nullable String checkWildcardParent(String parent) {
		if (parent.startsWith("[") || parent.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'))) {
			return "A subdomain wildcard needs a domain name, not an IP address.";
		}
		if (PublicSuffixes.isPublicSuffix(parent) && !PRIVATE_SINGLE_LABELS.contains(parent)) {
			return "'*." + parent + "' would allow every site registered under the public suffix '" + parent
					+ "', which anyone can register. Name your own domain, such as '*.example." + parent + "'.";
		}
		String suffixBelow = PublicSuffixes.publicSuffixBelow(parent);
		if (suffixBelow != null) {
			return "'*." + parent + "' would also allow sites under public suffixes below '" + parent
					+ "' (the Public Suffix List's rule '" + suffixBelow + "'), where anyone can get a name. "
					+ "Name the domain you own below that suffix instead, or list your origins one by one.";
		}
		return null;
	}

	private static String portSuffix(int port) {
		return switch (port) {
			case NO_PORT -> "";
			case ANY_PORT -> ":*";
			default -> ":" + port;
		};
	}

	// The index of the first '/', '?' or '#', or the length when there is none.
	private static int authorityEnd(String text) {
		for (int i = 0; i < text.length(); i++) {
			if ("/?#".indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

}
