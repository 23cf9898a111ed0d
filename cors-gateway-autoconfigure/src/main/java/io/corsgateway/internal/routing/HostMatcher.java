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
package io.corsgateway.internal.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.HttpSyntax;

/**
 * Matches a request host against exact hosts and subdomain wildcards
 * ({@code *.example.com}, which covers one or more labels below the domain but not the
 * domain itself), ignoring the case of ASCII letters only: a request host spelt with a
 * letter that the JDK folds onto an ASCII one (the Kelvin sign onto {@code k}) is another
 * host. An empty matcher matches every host.
 * <p>
 * Internal: this class is not API. It is public only so that the policies can use it, and
 * may change in any release.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class HostMatcher {

	private static final HostMatcher ANY = new HostMatcher(Set.of(), List.of());

	private final Set<String> exactHosts;

	private final List<String> parentSuffixes;

	private HostMatcher(Set<String> exactHosts, List<String> parentSuffixes) {
		this.exactHosts = exactHosts;
		this.parentSuffixes = parentSuffixes;
	}

	/**
	 * Compile host patterns; callers validate them first with
	 * {@link #isValidPattern(String)}.
	 * @param patterns exact hosts or {@code *.}-prefixed domains
	 * @return the matcher
	 */
	public static HostMatcher of(List<String> patterns) {
		if (patterns.isEmpty()) {
			return ANY;
		}
		Set<String> exact = new HashSet<>();
		List<String> suffixes = new ArrayList<>();
		for (String pattern : patterns) {
			String lower = Ascii.toLowerCase(pattern);
			if (lower.startsWith("*.")) {
				suffixes.add(lower.substring(1));
			}
			else {
				exact.add(lower);
			}
		}
		return new HostMatcher(Set.copyOf(exact), List.copyOf(suffixes));
	}

	/**
	 * The form of a request host that host patterns are matched against: a fully
	 * qualified {@code example.com.} and a host with empty labels
	 * ({@code a..example.com}, which some routers read as {@code a.example.com}) name the
	 * host without them, so that neither escapes a service's {@code hosts} to a laxer
	 * service.
	 * @param host the request host, without port
	 * @return the host without empty labels
	 */
	public static String canonicalHost(String host) {
		int length = host.length();
		if (length == 0 || (host.charAt(length - 1) != '.' && host.charAt(0) != '.' && !host.contains(".."))) {
			return host;
		}
		StringBuilder canonical = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = host.charAt(i);
			if (c != '.' || (canonical.length() > 0 && canonical.charAt(canonical.length() - 1) != '.')) {
				canonical.append(c);
			}
		}
		int end = canonical.length();
		while (end > 0 && canonical.charAt(end - 1) == '.') {
			end--;
		}
		return canonical.substring(0, end);
	}

	/**
	 * Whether the value is an exact host name or {@code *.} followed by a domain name, as
	 * {@link HttpSyntax#isHostName(String, int, int)} defines a host name.
	 * @param pattern the configured host pattern
	 * @return whether it is valid
	 */
	public static boolean isValidPattern(String pattern) {
		int start = pattern.startsWith("*.") ? 2 : 0;
		return HttpSyntax.isHostName(pattern, start, pattern.length());
	}

	/**
	 * Whether this matcher accepts every host.
	 * @return whether no host was configured
	 */
	public boolean matchesAnyHost() {
		return this.exactHosts.isEmpty() && this.parentSuffixes.isEmpty();
	}

	/**
	 * Whether the request host matches.
	 * @param host the request host, without port
	 * @return whether it matches
	 */
	public boolean matches(String host) {
		if (matchesAnyHost()) {
			return true;
		}
		if (contains(this.exactHosts, host)) {
			return true;
		}
		for (String suffix : this.parentSuffixes) {
			if (host.length() > suffix.length() && Ascii.regionMatchesIgnoreCase(host, host.length() - suffix.length(),
					suffix, 0, suffix.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean contains(Set<String> hosts, String host) {
		// Lowering allocates only for a host that holds an upper-case letter.
		return !hosts.isEmpty() && hosts.contains(Ascii.toLowerCase(host));
	}

}
