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

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static io.corsgateway.policy.PolicyErrorAssertions.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the edges of policy validation: values refused at the first index of a list,
 * the fix each credentials error suggests, the max-age cap, and where an unescaped dot in
 * an origin pattern is found.
 *
 * @author cors-gateway authors
 */
class PolicyCompilerEdgeTests {

	private static final String PATTERNS = "cors.services.orders.allowed-origin-patterns";

	private static CorsPoliciesBuilder orders(Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder().service("orders", (orders) -> customizer.accept(orders.paths("/orders/**")));
	}

	private static CorsPolicy ordersPolicy(CorsPolicies policies) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	@Test
	void nullOriginFirstInTheListIsRefusedWithCredentials() {
		assertOnlyError(
				orders((orders) -> orders.allowedOrigins("null", "https://shop.example.com").allowCredentials(true)),
				"cors.services.orders.allowed-origins[0]", "null",
				"The 'null' origin cannot be combined with allow-credentials: true");
	}

	@Test
	void wildcardOriginWithCredentialsSuggestsOriginPatterns() {
		assertOnlyError(orders((orders) -> orders.allowedOrigins("*").allowCredentials(true)),
				"cors.services.orders.allowed-origins[0]", "*", "List the origins, or use allowed-origin-patterns.");
	}

	@Test
	void wildcardExposedHeadersWithCredentialsSuggestOnlyListingThem() {
		List<PolicyError> errors = errorsOf(orders((orders) -> orders.allowedOrigins("https://shop.example.com")
			.exposedHeaders("*")
			.allowCredentials(true)));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.services.orders.exposed-headers[0]");
			assertThat(error.reason()).endsWith("List the header names scripts need, such as X-Request-Id.")
				.doesNotContain("allowed-origin-patterns");
		});
	}

	@Test
	void maxAgeOfExactlySixHundredSecondsIsAcceptedWithoutAWarning() {
		CorsPolicies policies = orders(
				(orders) -> orders.allowedOrigins("https://shop.example.com").maxAge(Duration.ofSeconds(600)))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(ordersPolicy(policies).getMaxAge()).isEqualTo(Duration.ofSeconds(600));
		assertThat(ordersPolicy(policies).answers().preflightValue(CorsHeader.MAX_AGE)).isEqualTo("600");
	}

	@Test
	void maxAgeOneSecondAboveWebKitsCapNamesWebKitOnly() {
		assertThat(maxAgeWarning(601)).contains("some cap it below 601 s: WebKit (Safari) at 600 s.")
			.doesNotContain("Chromium")
			.doesNotContain("Firefox");
	}

	@Test
	void maxAgeOfChromiumsCapNamesWebKitOnly() {
		assertThat(maxAgeWarning(7200)).contains(": WebKit (Safari) at 600 s.").doesNotContain("Chromium");
	}

	@Test
	void maxAgeOneSecondAboveChromiumsCapNamesWebKitAndChromium() {
		assertThat(maxAgeWarning(7201)).contains(": WebKit (Safari) at 600 s, Chromium (Chrome, Edge) at 7200 s.")
			.doesNotContain("Firefox");
	}

	@Test
	void maxAgeOfFirefoxsCapDoesNotNameFirefox() {
		assertThat(maxAgeWarning(86400)).doesNotContain("Firefox");
	}

	@Test
	void maxAgeOneSecondAboveOneDayNamesEveryBrowser() {
		assertThat(maxAgeWarning(86401)).contains(
				": WebKit (Safari) at 600 s, Chromium (Chrome, Edge) at 7200 s, Firefox at 86400 s. They keep the answer "
						+ "for that long and then send a new preflight.");
	}

	@Test
	void maxAgeOfMinusOneIsNotWarnedAbout() {
		CorsPolicies policies = orders(
				(orders) -> orders.allowedOrigins("https://shop.example.com").maxAge(Duration.ofSeconds(-1)))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
	}

	private static String maxAgeWarning(long seconds) {
		CorsPolicies policies = orders(
				(orders) -> orders.allowedOrigins("https://shop.example.com").maxAge(Duration.ofSeconds(seconds)))
			.build();
		assertThat(ordersPolicy(policies).answers().preflightValue(CorsHeader.MAX_AGE))
			.isEqualTo(Long.toString(seconds));
		PolicyError warning = policies.getWarnings().get(0);
		assertThat(policies.getWarnings()).hasSize(1);
		assertThat(warning.property()).isEqualTo("cors.services.orders.max-age");
		assertThat(warning.value()).isEqualTo(seconds + "s");
		return warning.reason();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".shop\\.example\\.com", "https://shop\\.example\\.com.", "https://[a-z]+.example\\.com" })
	void unescapedDotFirstLastOrAfterAQuantifierIsRefused(String pattern) {
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns(pattern)), PATTERNS + "[0]", pattern,
				"The '.' at index " + pattern.replace("\\.", "__").indexOf('.') + " is unescaped");
	}

	@Test
	void patternRefusedForAnUnescapedDotGetsNoSecondErrorWithCredentials() {
		String pattern = ".shop\\.example\\.com";
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns(pattern).allowCredentials(true)),
				PATTERNS + "[0]", pattern, "The '.' at index 0 is unescaped");
	}

	@Test
	void unescapedDotAfterAClosedQuoteIsRefused() {
		String pattern = "https://\\Qshop\\E.example\\.com";
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns(pattern)), PATTERNS + "[0]", pattern,
				"The '.' at index 16 is unescaped");
	}

	@Test
	void dotsInAdjacentQuotedSectionsAreLiteral() {
		CorsPolicy policy = ordersPolicy(
				orders((orders) -> orders.allowedOriginPatterns("https://\\Qshop.\\E\\Qexample.com\\E")).build());
		assertThat(policy.allowsOrigin("https://shop.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://shopXexample.com")).isFalse();
	}

	@Test
	void policyNamesItsScopeWhenPrinted() {
		CorsPolicy policy = ordersPolicy(orders((orders) -> orders.allowedOrigins("https://shop.example.com")).build());
		assertThat(policy).hasToString("CorsPolicy '" + policy.getId() + "'");
		assertThat(policy.getId()).contains("orders");
	}

}
