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
package io.corsgateway.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches a request host against exact hosts and subdomain wildcards
 * ({@code *.example.com}, which covers one or more labels below the domain but not the
 * domain itself), case-insensitively. An empty matcher matches every host.
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
			String lower = pattern.toLowerCase(Locale.ROOT);
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
	 * Whether the value is an exact host name or {@code *.} followed by a domain name.
	 * @param pattern the configured host pattern
	 * @return whether it is valid
	 */
	public static boolean isValidPattern(String pattern) {
		String host = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
		if (host.isEmpty() || host.length() > 253 || host.startsWith(".") || host.endsWith(".")
				|| host.contains("..")) {
			return false;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = Character.toLowerCase(host.charAt(i));
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
				return false;
			}
		}
		return true;
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
			if (host.length() > suffix.length()
					&& host.regionMatches(true, host.length() - suffix.length(), suffix, 0, suffix.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean contains(Set<String> hosts, String host) {
		return !hosts.isEmpty() && (hosts.contains(host) || hosts.contains(host.toLowerCase(Locale.ROOT)));
	}

}
