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

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link HostMatcher}: which host patterns are valid (DNS names of at most 253
 * characters made of letters, digits, hyphens, dots and underscores), how a request host
 * is read before matching, and what a subdomain wildcard covers.
 *
 * @author cors-gateway authors
 */
class HostMatcherTests {

	@Test
	void hostOfOnlyDotsNamesNoHost() {
		assertThat(HostMatcher.canonicalHost(".")).isEmpty();
		assertThat(HostMatcher.canonicalHost("...")).isEmpty();
	}

	@Test
	void hostWithLeadingTrailingAndEmptyLabelsIsReadWithoutThem() {
		assertThat(HostMatcher.canonicalHost(".api..example.com.")).isEqualTo("api.example.com");
		assertThat(HostMatcher.canonicalHost("api.example.com")).isEqualTo("api.example.com");
	}

	@Test
	void hostNameOfTheDnsMaximumOf253CharactersIsValid() {
		String host = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
		assertThat(host).hasSize(253);
		assertThat(HostMatcher.isValidPattern(host)).isTrue();
		assertThat(HostMatcher.isValidPattern("*." + host)).isTrue();
		assertThat(HostMatcher.isValidPattern(host + "e")).isFalse();
	}

	@Test
	void lettersDigitsHyphenDotAndUnderscoreAreTheOnlyValidCharacters() {
		assertThat(List.of("a", "z", "A", "Z", "0", "9", "a-b", "a.b", "_dmarc.example.com"))
			.allSatisfy((host) -> assertThat(HostMatcher.isValidPattern(host)).as(host).isTrue());
	}

	@Test
	void charactersNextToTheValidRangesAreInvalid() {
		// The neighbours in ASCII of a-z, A-Z and 0-9, and characters routers treat
		// specially.
		assertThat(List.of("`", "{", "@", "[", "/", ":", "a b", "a:8080", "a/b", "a%2e", "é"))
			.allSatisfy((host) -> assertThat(HostMatcher.isValidPattern(host)).as(host).isFalse());
	}

	@Test
	void subdomainWildcardDoesNotMatchItsDotPrefixedDomainAlone() {
		HostMatcher matcher = HostMatcher.of(List.of("*.example.com"));
		assertThat(matcher.matches(".example.com")).isFalse();
		assertThat(matcher.matches("example.com")).isFalse();
		assertThat(matcher.matches("a.example.com")).isTrue();
		assertThat(matcher.matches("A.Example.COM")).isTrue();
	}

	@Test
	void patternSpeltWithLettersTheJdkFoldsOntoAsciiIsInvalid() {
		// Character.toLowerCase reads the Kelvin sign as 'k' and U+0130 as 'i'.
		assertThat(List.of("\u212Aelvin.example", "*.\u212Aelvin.example", "\u0130nternal.example"))
			.allSatisfy((host) -> assertThat(HostMatcher.isValidPattern(host)).as(host).isFalse());
	}

	@Test
	void requestHostSpeltWithTheKelvinSignMatchesNoAsciiHost() {
		String host = "\u212Aelvin.example";
		assertThat(host.toLowerCase(Locale.ROOT)).isEqualTo("kelvin.example");
		assertThat(HostMatcher.of(List.of("kelvin.example")).matches(host)).isFalse();
		assertThat(HostMatcher.of(List.of("*.kelvin.example")).matches("api." + host)).isFalse();
		assertThat(HostMatcher.of(List.of("*.example")).matches(host)).isTrue();
	}

	@Test
	void requestHostIsMatchedIgnoringAsciiCase() {
		assertThat(HostMatcher.of(List.of("kelvin.example")).matches("KELVIN.Example")).isTrue();
		assertThat(HostMatcher.of(List.of("*.kelvin.example")).matches("API.KELVIN.EXAMPLE")).isTrue();
		assertThat(HostMatcher.of(List.of("Kelvin.Example")).matches("kelvin.example")).isTrue();
	}

}
