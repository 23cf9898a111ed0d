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

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the proof that a credentialed {@code allowed-origin-patterns} entry matches
 * only https origins (or loopback http ones) of domains its author named, read from the
 * pattern's structure (gh-7). Each refused pattern is one that the earlier textual checks
 * accepted, and each test shows the hole it opened.
 *
 * @author cors-gateway authors
 */
class OriginPatternSafetyTests {

	private static final String PROPERTY = "cors.services.orders.allowed-origin-patterns[0]";

	private static final String SET_BY = "(set by cors.services.orders.allow-credentials)";

	private static CorsPoliciesBuilder credentialed(String pattern) {
		return CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**").allowedOriginPatterns(pattern).allowCredentials(true));
	}

	private static CorsPolicy policy(CorsPoliciesBuilder builder) {
		CorsPolicy policy = builder.build().find("api.example.org", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	private static void assertRefused(String pattern, String... reasonParts) {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class,
				credentialed(pattern)::build);
		assertThat(ex).as("build() must refuse the credentialed pattern %s", pattern).isNotNull();
		assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo(PROPERTY);
			assertThat(error.value()).isEqualTo(pattern);
			assertThat(error.reason()).contains(SET_BY).contains(reasonParts);
		});
	}

	// The hole each refused pattern opens, shown with RE2J itself: the origin is
	// well-formed, so the gateway would hand it to the pattern.
	private static void assertMatches(String pattern, String origin) {
		assertThat(Pattern.compile(pattern).matches(origin)).as("%s matches %s", pattern, origin).isTrue();
	}

	@Test
	void anySiteUnderATopLevelDomainIsRefused() {
		assertMatches("https://.*\\.com", "https://attacker.com");
		assertRefused("https://.*\\.com", "public suffix 'com'", "https://[a-z0-9-]+\\.example\\.com");
	}

	@Test
	void anySiteUnderSeveralTopLevelDomainsIsRefused() {
		assertMatches("https://[\\w-]+\\.(com|net|org)", "https://attacker.net");
		assertRefused("https://[\\w-]+\\.(com|net|org)", "public suffix 'com'");
	}

	@Test
	void domainWithoutALabelBoundaryBeforeItIsRefused() {
		assertMatches("https://.*example\\.com", "https://notexample.com");
		assertRefused("https://.*example\\.com", "'notexample.com'", "public suffix 'com'");
	}

	@Test
	void caseInsensitivePlainHttpPatternIsRefused() {
		assertMatches("(?i)http://app\\.example\\.com", "http://app.example.com");
		assertRefused("(?i)http://app\\.example\\.com", "The pattern accepts plain http:// origins");
	}

	@Test
	void plainHttpInANonCapturingAlternationIsRefused() {
		assertMatches("(?:http|https)://app\\.example\\.com", "http://app.example.com");
		assertRefused("(?:http|https)://app\\.example\\.com", "The pattern accepts plain http:// origins");
	}

	@Test
	void plainHttpInALaterTopLevelAlternativeIsRefused() {
		assertMatches("https://a\\.x|http://b\\.x", "http://b.x");
		assertRefused("https://a\\.x|http://b\\.x", "The pattern accepts plain http:// origins");
	}

	@Test
	void patternThatDoesNotStartWithItsSchemeIsRefused() {
		assertMatches(".*\\.example\\.com", "http://app.example.com");
		assertRefused(".*\\.example\\.com", "does not start with https://");
	}

	@Test
	void patternWhoseHostDoesNotEndWithANamedDomainIsRefused() {
		assertMatches("https://www\\.example\\.com.*", "https://www.example.com.evil.net");
		assertRefused("https://www\\.example\\.com.*", "does not end with a domain written out after a '.'");
	}

	@Test
	void loopbackPrefixFollowedByAnythingIsRefused() {
		assertMatches("http://127\\..*", "http://127.attacker.example");
		assertRefused("http://127\\..*", "does not end with a domain");
	}

	@Test
	void subdomainsOfASharedHostingSuffixAreRefused() {
		assertRefused("https://[a-z0-9-]+\\.github\\.io", "public suffix 'github.io'");
	}

	@Test // gh-7
	void domainWithPublicSuffixesBelowItIsRefused() {
		assertMatches("https://([a-z0-9-]+\\.)*run\\.app", "https://attacker-x7-uc.a.run.app");
		assertRefused("https://([a-z0-9-]+\\.)*run\\.app", "rule '*.run.app'");
		assertRefused("https://[a-z0-9-]+\\.r\\.appspot\\.com", "rule '*.r.appspot.com'");
		assertRefused("https://.*\\.amazonaws\\.com", "below 'amazonaws.com'");
	}

	@Test
	void domainOwnedBelowASuffixThatHasRulesAboveItIsAccepted() {
		CorsPolicy policy = policy(credentialed("https://[a-z0-9-]+\\.mysite\\.a\\.run\\.app"));
		assertThat(policy.allowsOrigin("https://eu.mysite.a.run.app")).isTrue();
		assertThat(policy.allowsOrigin("https://eu.attacker.a.run.app")).isFalse();
	}

	@Test
	void numericSuffixThatCouldEndAnIpAddressIsRefused() {
		assertMatches("https://.*\\.0\\.1", "https://10.0.0.1");
		assertRefused("https://.*\\.0\\.1", "does not end with a domain");
	}

	@Test
	void unsupportedSyntaxIsRefusedAsUnprovable() {
		assertRefused("https://[[:alpha:]]+\\.example\\.com", "'[:'", "cannot read");
	}

	@Test
	void patternWithMoreThan64AlternativesIsRefused() {
		String pattern = "https://(a|b|c|d|e)\\.(a|b|c|d|e)\\.(a|b|c)\\.example\\.com";
		assertRefused(pattern, "more than 64 alternatives", "Split it");
	}

	@Test
	void patternWith64AlternativesIsAccepted() {
		CorsPolicy policy = policy(credentialed("https://(a|b|c|d)\\.(a|b|c|d)\\.(a|b|c|d)\\.example\\.com"));
		assertThat(policy.allowsOrigin("https://d.c.b.example.com")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://[a-z0-9-]+\\.partner\\.example", "https://([a-z0-9-]+\\.)*example\\.com",
			"https://app\\.example\\.com(:[0-9]+)?", "^https://[a-z0-9-]+\\.example\\.com$",
			"\\Ahttps://(?P<tenant>[a-z0-9-]+)\\.example\\.com\\z", "https://.+\\.example\\.com",
			"https://(www\\.)?example\\.com", "https://(eu|us)-[a-z]+\\.example\\.com:8443",
			"https://[a-z]+-app\\.example\\.co\\.uk", "https://(?:app|admin)\\.example\\.com(?::\\d{2,5})??" })
	void patternThatNamesItsOwnHttpsDomainIsAccepted(String pattern) {
		CorsPolicies policies = credentialed(pattern).build();
		assertThat(policies.getWarnings()).isEmpty();
		CorsPolicy policy = policy(credentialed(pattern));
		assertThat(policy.allowsOrigin("https://attacker.com")).isFalse();
		assertThat(policy.allowsOrigin("https://evil.example.com.attacker.com")).isFalse();
	}

	@Test
	void domainWrittenOutIsTrustedEvenBelowAnotherSite() {
		// The proof bounds the pattern to the domain it spells out; whether you own
		// that domain is yours to check (docs/security.md).
		CorsPolicy policy = policy(credentialed("https://[a-z]+\\.example\\.com\\.evil\\.net"));
		assertThat(policy.allowsOrigin("https://www.example.com.evil.net")).isTrue();
	}

	@Test
	void acceptedPatternStillMatchesItsOwnSites() {
		CorsPolicy policy = policy(credentialed("https://([a-z0-9-]+\\.)*example\\.com(:[0-9]+)?"));
		assertThat(policy.allowsOrigin("https://example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://a.b.example.com:8443")).isTrue();
		assertThat(policy.allowsOrigin("https://notexample.com")).isFalse();
		assertThat(policy.allowsOrigin("http://a.example.com")).isFalse();
	}

	@Test
	void caseInsensitivePatternIsReadAsTheLowerCaseOriginsBrowsersSend() {
		CorsPolicy policy = policy(credentialed("(?i)HTTPS://[A-Z0-9-]+\\.EXAMPLE\\.COM"));
		assertThat(policy.allowsOrigin("https://app.example.com")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost(:[0-9]+)?", "http://127\\.0\\.0\\.1:[0-9]+",
			"http://[a-z0-9-]+\\.localhost(:\\d+)?", "http://\\[::1\\](:[0-9]+)?", "http://\\[::1\\]:[0-9]+",
			"https?://localhost:3000", "http://127\\.0\\.0\\.[0-9]{1,3}(:[0-9]+)?" })
	void plainHttpLoopbackPatternIsAcceptedWithoutAllowInsecureOrigins(String pattern) {
		CorsPolicy policy = policy(credentialed(pattern));
		assertThat(policy.allowsOrigin("http://app.example.com")).isFalse();
	}

	@Test
	void plainHttpLoopbackPatternMatchesLoopbackOrigins() {
		CorsPolicy policy = policy(credentialed("http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?"));
		assertThat(policy.allowsOrigin("http://localhost:3000")).isTrue();
		assertThat(policy.allowsOrigin("http://127.0.0.1")).isTrue();
	}

	@Test
	void plainHttpPatternIsAcceptedWithAllowInsecureOrigins() {
		CorsPolicy policy = policy(CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOriginPatterns("http://app\\.example\\.com")
						.allowCredentials(true)
						.allowInsecureOrigins(true)));
		assertThat(policy.allowsOrigin("http://app.example.com")).isTrue();
	}

	@Test
	void allowInsecureOriginsDoesNotLiftTheNamedDomainRequirement() {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class,
				CorsPolicies.builder()
					.service("orders",
							(orders) -> orders.paths("/orders/**")
								.allowedOriginPatterns("https?://.*\\.com")
								.allowCredentials(true)
								.allowInsecureOrigins(true))::build);
		assertThat(ex).isNotNull();
		assertThat(ex.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.reason()).contains("public suffix 'com'"));
	}

	@Test
	void patternWithoutCredentialsNeedsNoProof() {
		CorsPolicy policy = policy(CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOriginPatterns("https://.*\\.com")));
		assertThat(policy.allowsOrigin("https://attacker.com")).isTrue();
	}

	@Test
	void refusalNamesTheInheritedPatternAndTheLevelThatSetCredentials() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOriginPatterns("https://.*\\.com"))
			.service("orders", (orders) -> orders.paths("/orders/**").allowCredentials(true));
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class, builder::build);
		assertThat(ex).isNotNull();
		assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.defaults.allowed-origin-patterns[0]");
			assertThat(error.reason()).contains(SET_BY);
		});
	}

	// Patterns built from the pieces people write, good and bad: whatever the proof
	// accepts must never match a host of a domain the test did not name, nor plain http
	// to a host that is not loopback, nor another scheme.
	@Property(tries = 3000)
	void acceptedPatternNeverMatchesAnotherSite(@ForAll("patterns") String pattern,
			@ForAll("foreignOrigins") List<String> origins) {
		CorsPolicies policies;
		try {
			policies = credentialed(pattern).build();
		}
		catch (InvalidCorsPolicyException ex) {
			Statistics.label("accepted").collect(false);
			return;
		}
		Statistics.label("accepted").collect(true);
		Statistics.label("accepted").coverage((coverage) -> coverage.check(true).percentage((percent) -> percent > 10));
		CorsPolicy policy = policies.find("api.example.org", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		for (String origin : origins) {
			assertThat(policy.allowsOrigin(origin)).as("%s allows %s", pattern, origin).isFalse();
		}
	}

	@Provide
	Arbitrary<String> patterns() {
		Arbitrary<String> anchor = Arbitraries.of("", "", "^", "\\A");
		Arbitrary<String> scheme = Arbitraries.of("https://", "https://", "http://", "https?://", "(?i)HTTPS://",
				"(?:http|https)://", "http[s]?://", "[hH]ttps://", ".*", "(ht|f)tps?://", "https:\\/\\/", "");
		Arbitrary<String> prefix = Arbitraries.of("", ".*", ".+", "[a-z0-9-]+", "([a-z0-9-]+\\.)*", "(www\\.)?",
				"[\\w-]+", "[^.]+", "(eu|us)", "[a-z]+-", "\\d+", "127\\.", "[^/]+", "(.*\\.)?", "(\\.|x)*", "\\.");
		Arbitrary<String> separator = Arbitraries.of("\\.", "\\.", "", "-", ".", "[.]", "\\-");
		Arbitrary<String> domain = Arbitraries.of("example\\.com", "com", "co\\.uk", "example\\.co\\.uk", "localhost",
				"github\\.io", "0\\.1", "(com|net)", "example\\.(com|net)", "example\\.com|.*", "(?i:EXAMPLE\\.COM)",
				"0\\.0\\.1", "\\[::1\\]", "ex(ample)?\\.com", "com\\.evil", "");
		Arbitrary<String> tail = Arbitraries.of("", "", "(:[0-9]+)?", ":8443", ".*", "(:\\d+)*", "$", "\\z",
				"(:[0-9]+|\\.evil\\.net)?", ":[0-9a-z.]+", "(\\.evil)?", "/");
		return Combinators.combine(anchor, scheme, prefix, separator, domain, tail)
			.as((a, s, p, sep, d, t) -> a + s + p + sep + d + t)
			.filter((pattern) -> {
				try {
					Pattern.compile(pattern);
					return true;
				}
				catch (RuntimeException ex) {
					return false;
				}
			});
	}

	@Provide
	Arbitrary<List<String>> foreignOrigins() {
		Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(6);
		Arbitrary<String> foreignDomain = Arbitraries.of("evil.net", "attacker.com", "notexample.com", "evilcom",
				"example.com.evil.net", "example.co.uk.evil.net", "attacker.co.uk", "attacker.github.io",
				"localhost.evil.net", "127.attacker.example", "10.0.0.1", "1.0.0.1", "com.evil.net", "xample.com",
				"example.net.evil.net", "examplexcom.evil.net");
		Arbitrary<String> foreignHost = Combinators.combine(label, foreignDomain, Arbitraries.of(true, false))
			.as((l, d, sub) -> (sub && !d.matches("[0-9.]+")) ? l + "." + d : d);
		Arbitrary<String> ownHost = Combinators.combine(label, Arbitraries.of("example.com", "example.co.uk"))
			.as((l, d) -> l + "." + d);
		Arbitrary<String> port = Arbitraries.of("", "", ":8443", ":1");
		Arbitrary<String> httpsForeign = Combinators.combine(foreignHost, port).as((h, p) -> "https://" + h + p);
		Arbitrary<String> insecure = Combinators.combine(Arbitraries.oneOf(foreignHost, ownHost), port)
			.as((h, p) -> "http://" + h + p);
		Arbitrary<String> otherScheme = Combinators
			.combine(Arbitraries.of("ftp", "wss", "chrome-extension", "httpsx", "xhttps"), ownHost, port)
			.as((s, h, p) -> s + "://" + h + p);
		return Arbitraries.oneOf(httpsForeign, insecure, otherScheme).list().ofMinSize(1).ofMaxSize(8);
	}

}
