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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The origin-spoofing classes that PortSwigger's CORS research and CORScanner probe for,
 * each against exact origins, subdomain wildcards and regular expressions (gh-3). Each
 * test also shows an origin the same policy allows, so that a refusal cannot come from a
 * policy that allows nothing.
 *
 * @author cors-gateway authors
 */
class OriginSpoofingTests {

	private static final PathContainer PATH = PathContainer.parsePath("/api/1");

	private static CorsPolicy allowedOrigins(String... origins) {
		return policy(CorsPolicies.builder()
			.service("api", (api) -> api.paths("/api/**").allowedOrigins(origins).allowCredentials(true)));
	}

	private static CorsPolicy allowedOriginPatterns(String... patterns) {
		return policy(CorsPolicies.builder()
			.service("api", (api) -> api.paths("/api/**").allowedOriginPatterns(patterns).allowCredentials(true)));
	}

	private static CorsPolicy policy(CorsPoliciesBuilder builder) {
		CorsPolicy policy = builder.build().find("api.example.org", PATH, "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	@Test
	void prefixMatchOnAnExactOriginIsRefused() {
		CorsPolicy policy = allowedOrigins("https://example.com");
		assertThat(policy.allowsOrigin("https://example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://example.com.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://example.comevil.net")).isFalse();
	}

	@Test
	void prefixMatchOnASubdomainWildcardIsRefused() {
		CorsPolicy policy = allowedOrigins("https://*.example.com");
		assertThat(policy.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://www.example.com.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://example.com.evil.net")).isFalse();
	}

	@Test
	void prefixMatchOnAPatternIsRefusedBecausePatternsMatchWholeOrigins() {
		CorsPolicy policy = allowedOriginPatterns("https://([a-z0-9-]+\\.)*example\\.com");
		assertThat(policy.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://example.com.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.com.evil.net")).isFalse();
	}

	@Test
	void suffixMatchWithoutADotOnASubdomainWildcardIsRefused() {
		CorsPolicy policy = allowedOrigins("https://*.example.com");
		assertThat(policy.allowsOrigin("https://a.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://evilexample.com")).isFalse();
		assertThat(policy.allowsOrigin("https://a.evilexample.com")).isFalse();
	}

	@Test
	void suffixMatchWithoutADotOnAnExactOriginOrPatternIsRefused() {
		CorsPolicy exact = allowedOrigins("https://example.com");
		CorsPolicy pattern = allowedOriginPatterns("https://([a-z]+\\.)?example\\.com");
		assertThat(pattern.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(exact.allowsOrigin("https://evilexample.com")).isFalse();
		assertThat(pattern.allowsOrigin("https://evilexample.com")).isFalse();
	}

	@Test
	void correctlyEscapedPatternRefusesAnyCharacterInPlaceOfTheDot() {
		CorsPolicy policy = allowedOriginPatterns("https://www\\.example\\.com");
		assertThat(policy.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://wwwXexample.com")).isFalse();
		assertThat(policy.allowsOrigin("https://www-example.com")).isFalse();
	}

	@Test
	void patternWithAnUnescapedDotCannotBeDeployed() {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class,
				() -> allowedOriginPatterns("https://www.example\\.com"));
		assertThat(ex).isNotNull();
		assertThat(ex.getErrors()).extracting(PolicyError::reason)
			.singleElement()
			.asString()
			.contains("'https://wwwXexample\\.com' would be allowed too");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.example.com_.evil.net", "https://www.example.com`.evil.net",
			"https://www.example.com%60.evil.net", "https://www.example.com!.evil.net",
			"https://www.example.com&.evil.net", "https://www.example.com'.evil.net",
			"https://www.example.com\".evil.net", "https://www.example.com=.evil.net",
			"https://www.example.com+.evil.net", "https://www.example.com$.evil.net",
			"https://www.example.com,.evil.net", "https://www.example.com;.evil.net",
			"https://www.example.com{.evil.net", "https://www.example.com}.evil.net",
			"https://www.example.com~.evil.net", "https://www.example.com|.evil.net",
			"https://www.example.com^.evil.net", "https://www.example.com(.evil.net" })
	void specialCharacterAfterTheAllowedHostIsRefused(String origin) {
		CorsPolicy exact = allowedOrigins("https://www.example.com");
		CorsPolicy subdomains = allowedOrigins("https://*.example.com");
		CorsPolicy pattern = allowedOriginPatterns("https://[a-z]+\\.example\\.com");
		assertThat(exact.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(subdomains.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(pattern.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(exact.allowsOrigin(origin)).isFalse();
		assertThat(subdomains.allowsOrigin(origin)).isFalse();
		assertThat(pattern.allowsOrigin(origin)).isFalse();
	}

	@Test
	void laxPatternStillNeverSeesMalformedOrigins() {
		// The pattern would match each of these strings, but none is a well-formed
		// origin, so the pattern never sees them. (It still allows
		// https://www.example.com.evil.net, which is well-formed, so with credentials
		// the pattern is refused at startup: OriginPatternSafetyTests.)
		CorsPolicy policy = policy(CorsPolicies.builder()
			.service("api", (api) -> api.paths("/api/**").allowedOriginPatterns("https://www\\.example\\.com.*")));
		assertThat(policy.allowsOrigin("https://www.example.com:8443")).isTrue();
		assertThat(policy.allowsOrigin("https://www.example.com`.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.com%60.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.com!.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.com/.evil.net")).isFalse();
	}

	@Test
	void httpOriginIsRefusedWhereHttpsIsAllowed() {
		CorsPolicy exact = allowedOrigins("https://example.com");
		CorsPolicy subdomains = allowedOrigins("https://*.example.com");
		CorsPolicy pattern = allowedOriginPatterns("https://[a-z]+\\.example\\.com");
		assertThat(exact.allowsOrigin("https://example.com")).isTrue();
		assertThat(exact.allowsOrigin("http://example.com")).isFalse();
		assertThat(subdomains.allowsOrigin("http://www.example.com")).isFalse();
		assertThat(pattern.allowsOrigin("http://www.example.com")).isFalse();
	}

	@Test
	void otherPortsAreRefusedUnlessTheEntryAllowsAnyPort() {
		CorsPolicy exact = allowedOrigins("https://example.com");
		CorsPolicy subdomains = allowedOrigins("https://*.example.com");
		CorsPolicy withPort = allowedOrigins("https://example.com:8443");
		CorsPolicy anyPort = allowedOrigins("https://example.com:*");
		assertThat(exact.allowsOrigin("https://example.com:8443")).isFalse();
		assertThat(subdomains.allowsOrigin("https://www.example.com:8443")).isFalse();
		assertThat(withPort.allowsOrigin("https://example.com")).isFalse();
		assertThat(withPort.allowsOrigin("https://example.com:8444")).isFalse();
		assertThat(withPort.allowsOrigin("https://example.com:8443")).isTrue();
		assertThat(anyPort.allowsOrigin("https://example.com:8443")).isTrue();
		assertThat(anyPort.allowsOrigin("https://example.com")).isTrue();
		assertThat(anyPort.allowsOrigin("https://www.example.com:8443")).isFalse();
	}

	@Test
	void nullOriginIsRefusedUnlessListedLiterallyOrServedByAnyOrigin() {
		// 'null' with credentials fails startup, so this policy is not credentialed.
		CorsPolicy listed = policy(
				CorsPolicies.builder().service("api", (api) -> api.paths("/api/**").allowedOrigins("null")));
		CorsPolicy exact = allowedOrigins("https://example.com");
		CorsPolicy pattern = allowedOriginPatterns("https://[a-z]+\\.example\\.com");
		CorsPolicy any = policy(
				CorsPolicies.builder().service("api", (api) -> api.paths("/api/**").allowedOrigins("*")));
		assertThat(listed.allowsOrigin("null")).isTrue();
		assertThat(exact.allowsOrigin("null")).isFalse();
		assertThat(pattern.allowsOrigin("null")).isFalse();
		assertThat(any.allowsOrigin("https://example.com")).isTrue();
		assertThat(listed.allowsOrigin("NULL")).isFalse();
		assertThat(listed.allowsOrigin("null ")).isFalse();
	}

	@Test
	void nullOriginIsNotMatchedByAPatternThatWouldMatchTheWord() {
		// Without credentials: with them, '[a-z]+' is refused at startup.
		CorsPolicy policy = policy(CorsPolicies.builder()
			.service("api",
					(api) -> api.paths("/api/**").allowedOriginPatterns("https://[a-z]+\\.example\\.com", "[a-z]+")));
		assertThat(policy.allowsOrigin("https://www.example.com")).isTrue();
		assertThat(policy.allowsOrigin("null")).isFalse();
	}

	@Test
	void subdomainIsRefusedWhenOnlyTheApexIsListed() {
		CorsPolicy policy = allowedOrigins("https://example.com");
		assertThat(policy.allowsOrigin("https://example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://evil.example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.com")).isFalse();
	}

	@Test
	void apexIsRefusedWhenOnlySubdomainsAreListed() {
		CorsPolicy policy = allowedOrigins("https://*.example.com", "https://*.example.com:*");
		assertThat(policy.allowsOrigin("https://a.b.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://example.com:8443")).isFalse();
		assertThat(policy.allowsOrigin("https://.example.com")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.com/.example.com", "https://evil.com?.example.com",
			"https://evil.com#.example.com", "https://evil.com\\.example.com", "https://evil.com@app.example.com",
			"https://evil.com:443.example.com", "https://evil.com .example.com", "https://evil.com\t.example.com",
			"https://[::1].example.com", "https://evil.com:1/.example.com" })
	void patternCannotBeFooledByAnythingButAWellFormedOrigin(String origin) {
		// The pattern's '.+' would match each of these strings; only well-formed
		// origins reach it.
		CorsPolicy policy = allowedOriginPatterns("https://.+\\.example\\.com");
		assertThat(policy.allowsOrigin("https://app.example.com")).isTrue();
		assertThat(origin).matches("https://.+\\.example\\.com");
		assertThat(policy.allowsOrigin(origin)).isFalse();
	}

	@Test
	void upperCaseOrDefaultPortFormsOfAnAllowedOriginAreRefused() {
		CorsPolicy policy = allowedOrigins("https://example.com", "https://*.example.net");
		assertThat(policy.allowsOrigin("https://example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://EXAMPLE.com")).isFalse();
		assertThat(policy.allowsOrigin("HTTPS://example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://example.com:443")).isFalse();
		assertThat(policy.allowsOrigin("https://www.EXAMPLE.net")).isFalse();
		assertThat(policy.allowsOrigin("https://www.example.net:443")).isFalse();
	}

}
