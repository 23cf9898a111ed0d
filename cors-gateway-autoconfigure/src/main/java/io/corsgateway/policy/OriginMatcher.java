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

import com.google.re2j.Pattern;

import io.corsgateway.internal.http.HttpSyntax;

/**
 * The compiled form of {@code allowed-origins} and {@code allowed-origin-patterns}: a
 * hash set for exact origins, host-suffix sets for subdomain and port wildcards, and RE2J
 * patterns, which only ever see values that are well-formed serialized origins.
 *
 * @author cors-gateway authors
 */
final class OriginMatcher {

	private static final Pattern[] NO_PATTERNS = {};

	private final boolean anyOrigin;

	private final RegionSet exact;

	private final RegionSet httpsSubdomainTails;

	private final RegionSet httpSubdomainTails;

	private final RegionSet httpsAnyPortSubdomainTails;

	private final RegionSet httpAnyPortSubdomainTails;

	private final RegionSet anyPortOrigins;

	private final Pattern[] patterns;

	private final boolean needsParsing;

	OriginMatcher(List<OriginRule> rules, List<Pattern> patterns, boolean allowCredentials) {
		List<String> exact = new ArrayList<>();
		List<String> httpsTails = new ArrayList<>();
		List<String> httpTails = new ArrayList<>();
		List<String> httpsAnyPortTails = new ArrayList<>();
		List<String> httpAnyPortTails = new ArrayList<>();
		List<String> anyPort = new ArrayList<>();
		boolean any = false;
		for (OriginRule rule : rules) {
			switch (rule.kind()) {
				// '*' never means "reflect any origin" with credentials: it matches
				// nothing then.
				case ANY -> any = !allowCredentials;
				case NULL -> exact.add("null");
				case EXACT -> {
					if (rule.port() == OriginRule.ANY_PORT) {
						anyPort.add(rule.scheme() + "://" + rule.host());
					}
					else {
						exact.add(rule.normalized());
					}
				}
				case SUBDOMAINS -> {
					boolean https = "https".equals(rule.scheme());
					if (rule.port() == OriginRule.ANY_PORT) {
						(https ? httpsAnyPortTails : httpAnyPortTails).add("." + rule.host());
					}
					else {
						String port = (rule.port() == OriginRule.NO_PORT) ? "" : ":" + rule.port();
						(https ? httpsTails : httpTails).add("." + rule.host() + port);
					}
				}
			}
		}
		this.anyOrigin = any;
		this.exact = RegionSet.of(exact, false);
		this.httpsSubdomainTails = RegionSet.of(httpsTails, false);
		this.httpSubdomainTails = RegionSet.of(httpTails, false);
		this.httpsAnyPortSubdomainTails = RegionSet.of(httpsAnyPortTails, false);
		this.httpAnyPortSubdomainTails = RegionSet.of(httpAnyPortTails, false);
		this.anyPortOrigins = RegionSet.of(anyPort, false);
		// Most scopes have no pattern: they share one empty array.
		this.patterns = patterns.isEmpty() ? NO_PATTERNS : patterns.toArray(new Pattern[0]);
		this.needsParsing = any || !httpsTails.isEmpty() || !httpTails.isEmpty() || !httpsAnyPortTails.isEmpty()
				|| !httpAnyPortTails.isEmpty() || !anyPort.isEmpty() || this.patterns.length > 0;
	}

	boolean isAnyOrigin() {
		return this.anyOrigin;
	}

	boolean allowsSomeOrigin() {
		return this.needsParsing || !this.exact.isEmpty();
	}

	boolean matches(String origin) {
		// Exact entries were validated and normalized at startup, so a hit is
		// well-formed.
		if (this.exact.contains(origin)) {
			return true;
		}
		if (!this.needsParsing) {
			return false;
		}
		int schemeEnd = origin.indexOf("://");
		int hostEnd = HttpSyntax.requestOriginHostEnd(origin, schemeEnd);
		if (hostEnd < 0) {
			// '*' (never credentialed) serves the opaque origin of sandboxed documents
			// like any other: the response names no origin, so nothing is reflected.
			return this.anyOrigin && origin.equals("null");
		}
		if (this.anyOrigin || this.anyPortOrigins.contains(origin, 0, hostEnd)
				|| matchesSubdomain(origin, schemeEnd, hostEnd)) {
			return true;
		}
		for (Pattern pattern : this.patterns) {
			if (pattern.matches(origin)) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesSubdomain(String origin, int schemeEnd, int hostEnd) {
		// Only http and https have default ports in an origin, and subdomain entries.
		int defaultPort = HttpSyntax.originDefaultPort(origin, schemeEnd);
		if (defaultPort < 0) {
			return false;
		}
		boolean https = defaultPort == 443;
		RegionSet tails = https ? this.httpsSubdomainTails : this.httpSubdomainTails;
		RegionSet anyPortTails = https ? this.httpsAnyPortSubdomainTails : this.httpAnyPortSubdomainTails;
		if (tails.isEmpty() && anyPortTails.isEmpty()) {
			return false;
		}
		// Each dot after the first label starts a parent domain: at least one label stays
		// in
		// front, so '*.example.com' never covers the apex.
		for (int dot = origin.indexOf('.', schemeEnd + 4); dot > 0
				&& dot < hostEnd; dot = origin.indexOf('.', dot + 1)) {
			if (tails.contains(origin, dot, origin.length()) || anyPortTails.contains(origin, dot, hostEnd)) {
				return true;
			}
		}
		return false;
	}

}
