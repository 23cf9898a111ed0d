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

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the origin forms {@code allowed-origins} and {@code allowed-origin-patterns}
 * accept.
 *
 * @author cors-gateway authors
 */
class OriginMatchingTests {

	private static CorsPolicy policy(Consumer<ServiceSpec> service) {
		CorsPolicies policies = CorsPolicies.builder()
			.service("test", (spec) -> service.accept(spec.paths("/**")))
			.build();
		return policies.find("localhost", PathContainer.parsePath("/x"), "GET");
	}

	@Test
	void exactOriginMatchesByteForByte() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("https://shop.example.com"));
		assertThat(policy.allowsOrigin("https://shop.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://shop.example.com:8443")).isFalse();
		assertThat(policy.allowsOrigin("http://shop.example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://shop.example.co")).isFalse();
	}

	@Test
	void exactOriginWithPortMatchesOnlyThatPort() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("https://shop.example.com:8443"));
		assertThat(policy.allowsOrigin("https://shop.example.com:8443")).isTrue();
		assertThat(policy.allowsOrigin("https://shop.example.com")).isFalse();
	}

	@Test
	void wildcardAllowsEveryWellFormedOriginAndAnswersStar() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("*"));
		assertThat(policy.allowsOrigin("https://anything.example")).isTrue();
		assertThat(policy.allowOriginValue("https://anything.example")).isEqualTo("*");
		assertThat(policy.isOriginDependent()).isFalse();
	}

	@Test
	void wildcardCoversTheNullOriginWithoutCredentials() { // gh-7
		CorsPolicy policy = policy((s) -> s.allowedOrigins("*"));
		assertThat(policy.allowsOrigin("null")).isTrue();
		assertThat(policy.allowOriginValue("null")).isEqualTo("*");
	}

	@Test
	void wildcardDoesNotCoverMalformedSpellingsOfTheNullOrigin() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("*"));
		assertThat(policy.allowsOrigin("NULL")).isFalse();
		assertThat(policy.allowsOrigin("null ")).isFalse();
		assertThat(policy.allowsOrigin("nul")).isFalse();
	}

	@Test
	void nullOriginIsAllowedOnlyWhenListedLiterally() {
		assertThat(policy((s) -> s.allowedOrigins("null")).allowsOrigin("null")).isTrue();
		assertThat(policy((s) -> s.allowedOrigins("https://a.example")).allowsOrigin("null")).isFalse();
		assertThat(policy((s) -> s.allowedOriginPatterns(".*")).allowsOrigin("null")).isFalse();
	}

	@Test
	void subdomainWildcardCoversOneOrMoreLabelsButNeverTheApex() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("https://*.example.com"));
		assertThat(policy.allowsOrigin("https://a.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://a.b.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://aexample.com")).isFalse();
		assertThat(policy.allowsOrigin("http://a.example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://a.example.com:8443")).isFalse();
		assertThat(policy.allowsOrigin("https://a.example.com.evil.net")).isFalse();
	}

	@Test
	void subdomainWildcardWithPortMatchesThatPortOnly() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("https://*.example.com:8443"));
		assertThat(policy.allowsOrigin("https://a.example.com:8443")).isTrue();
		assertThat(policy.allowsOrigin("https://a.example.com")).isFalse();
	}

	@Test
	void portWildcardMatchesAnyPortOfThatHost() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("http://localhost:*"));
		assertThat(policy.allowsOrigin("http://localhost:3000")).isTrue();
		assertThat(policy.allowsOrigin("http://localhost:65535")).isTrue();
		assertThat(policy.allowsOrigin("http://localhost")).isTrue();
		assertThat(policy.allowsOrigin("https://localhost:3000")).isFalse();
		assertThat(policy.allowsOrigin("http://localhost.evil.net:3000")).isFalse();
		assertThat(policy.allowsOrigin("http://localhost:99999")).isFalse();
	}

	@Test
	void subdomainAndPortWildcardsCombine() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("http://*.localhost:*"));
		assertThat(policy.allowsOrigin("http://app.localhost:5173")).isTrue();
		assertThat(policy.allowsOrigin("http://localhost:5173")).isFalse();
	}

	@Test
	void originPatternMustMatchTheWholeOrigin() {
		CorsPolicy policy = policy((s) -> s.allowedOriginPatterns("https://[a-z]+\\.partner\\.example"));
		assertThat(policy.allowsOrigin("https://acme.partner.example")).isTrue();
		assertThat(policy.allowsOrigin("https://acme.partner.example.evil.net")).isFalse();
		assertThat(policy.allowsOrigin("https://evil.net/https://acme.partner.example")).isFalse();
		assertThat(policy.allowsOrigin("https://acme-1.partner.example")).isFalse();
	}

	@Test
	void defaultPortAndUpperCaseInConfigurationAreNormalizedToWhatBrowsersSend() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("test", (spec) -> spec.paths("/**").allowedOrigins("HTTPS://Shop.Example.com:443"))
			.build();
		CorsPolicy policy = policies.find("localhost", PathContainer.parsePath("/x"), "GET");
		assertThat(policy.allowsOrigin("https://shop.example.com")).isTrue();
		assertThat(policies.getWarnings()).extracting(PolicyError::property)
			.contains("cors.services.test.allowed-origins[0]");
	}

	@Test
	void requestOriginsThatBrowsersNeverSendAreNotAllowed() {
		CorsPolicy policy = policy((s) -> s.allowedOrigins("https://*.example.com", "http://localhost:*"));
		assertThat(policy.allowsOrigin("https://A.example.com")).isFalse();
		assertThat(policy.allowsOrigin("https://a.example.com:443")).isFalse();
		assertThat(policy.allowsOrigin("https://a.example.com/")).isFalse();
		assertThat(policy.allowsOrigin("https://user@a.example.com")).isFalse();
		assertThat(policy.allowsOrigin("http://localhost:03000")).isFalse();
		assertThat(policy.allowsOrigin("https://a..example.com")).isFalse();
	}

}
