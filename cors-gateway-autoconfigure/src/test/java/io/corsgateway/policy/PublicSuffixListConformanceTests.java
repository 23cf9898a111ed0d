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

import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link PublicSuffixes} and its bundled list against Apache HttpClient 5, a test
 * dependency whose version the Spring Boot BOM manages: an independent implementation of
 * the same algorithm, and a copy of the list that gets newer as Spring Boot does.
 *
 * @author cors-gateway authors
 */
class PublicSuffixListConformanceTests {

	private static final String VERSION_PREFIX = "// VERSION: ";

	private static String read(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String bundledList() throws IOException {
		InputStream in = PublicSuffixes.class.getResourceAsStream("public_suffix_list.dat");
		assertThat(in).isNotNull();
		return read(in);
	}

	private static String version(String list) {
		return list.lines()
			.filter((line) -> line.startsWith(VERSION_PREFIX))
			.map((line) -> line.substring(VERSION_PREFIX.length()).strip())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void bundledListHasTheIcannAndThePrivateSection() throws IOException {
		assertThat(bundledList()).contains("// ===BEGIN ICANN DOMAINS===", "// ===END ICANN DOMAINS===",
				"// ===BEGIN PRIVATE DOMAINS===", "// ===END PRIVATE DOMAINS===");
	}

	@Test
	void bundledListIsNotOlderThanTheOneApacheHttpClientShips() throws IOException {
		InputStream in = PublicSuffixMatcher.class.getClassLoader()
			.getResourceAsStream("org/publicsuffix/list/effective_tld_names.dat");
		assertThat(in).isNotNull();
		String theirs = version(read(in));
		assertThat(PublicSuffixes.listVersion())
			.as("The bundled Public Suffix List (%s) is older than the one Apache HttpClient ships (%s). "
					+ "Refresh it as docs/security.md says under 'Subdomain wildcards over public suffixes'.",
					PublicSuffixes.listVersion(), theirs)
			.isGreaterThanOrEqualTo(theirs);
	}

	@Test
	void agreesWithApacheHttpClientAtAndBelowEveryRule() throws IOException {
		// HttpClient reads our copy, so the two implementations see the same rules.
		URL list = PublicSuffixes.class.getResource("public_suffix_list.dat");
		assertThat(list).isNotNull();
		PublicSuffixMatcher matcher = PublicSuffixMatcherLoader.load(list);
		Set<String> domains = new LinkedHashSet<>();
		List<String> skipped = new ArrayList<>();
		for (String line : bundledList().lines().toList()) {
			String rule = line.strip();
			if (rule.isEmpty() || rule.startsWith("//")) {
				continue;
			}
			String name = rule.replace("!", "").replace("*", "any");
			try {
				// HttpClient compares in Unicode through the JDK's IDNA 2003 tables,
				// which lack a few newer scripts; only those rules are left out.
				IDN.toASCII(name);
			}
			catch (IllegalArgumentException ex) {
				skipped.add(rule);
				continue;
			}
			String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
			domains.addAll(List.of(ascii, "x." + ascii, "x.y." + ascii));
		}
		List<String> disagreements = new ArrayList<>();
		for (String domain : domains) {
			String expected = matcher.getDomainRoot(domain);
			if (PublicSuffixes.isPublicSuffix(domain) != (expected == null)
					|| !Objects.equals(PublicSuffixes.registrableDomain(domain), expected)) {
				disagreements.add(domain + " (HttpClient's registrable domain: " + expected + ")");
			}
		}
		assertThat(skipped).hasSizeLessThan(5);
		assertThat(domains).hasSizeGreaterThan(30_000);
		assertThat(disagreements).isEmpty();
	}

}
