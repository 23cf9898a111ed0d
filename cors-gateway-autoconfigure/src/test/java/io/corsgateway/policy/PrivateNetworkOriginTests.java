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

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private Network Access is refused at startup for every origin that any site can send,
 * not only for {@code *}: {@code null} too, and patterns not proven to stay within named
 * domains.
 *
 * @author cors-gateway authors
 */
class PrivateNetworkOriginTests {

	private static final String SHOP = "https://shop.example.com";

	// Any site can frame a sandboxed iframe, whose requests say Origin: null.
	@Test
	void privateNetworkAccessWithTheNullOriginFailsStartup() {
		assertOnlyError(CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**").allowedOrigins(SHOP, "null").allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origins[1]", "null", "allow-private-network: true");
	}

	@Test
	void privateNetworkAccessWithAPatternMatchingEveryHttpsOriginFailsStartup() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("printer",
							(printer) -> printer.paths("/printer/**")
								.allowedOriginPatterns("https://.*")
								.allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origin-patterns[0]", "https://.*",
				"combined with allow-private-network: true (set by cors.services.printer.allow-private-network)");
	}

	@Test
	void privateNetworkAccessWithAPatternNamingTheDomainIsAccepted() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**")
						.allowedOriginPatterns("https://[a-z0-9-]+\\.shop\\.example")
						.allowPrivateNetwork(true))
			.build();
		assertThat(policies.getServices().get(0).policy().isAllowPrivateNetwork()).isTrue();
	}

	@Test
	void credentialedOpenPatternWithPrivateNetworkAccessIsReportedOnce() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("printer",
							(printer) -> printer.paths("/printer/**")
								.allowedOriginPatterns("https://.*")
								.allowCredentials(true)
								.allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origin-patterns[0]", "https://.*", "allow-credentials: true");
	}

	@Test
	void privateNetworkAccessWithOnlyTheNullOriginFailsStartup() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("printer",
							(printer) -> printer.paths("/printer/**").allowedOrigins("null").allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origins[0]", "null", "allow-private-network: true");
	}

	// The unescaped dot is the error to fix first; the pattern gets no second one.
	@Test
	void patternWithAnUnescapedLeadingDotIsReportedOnceForIt() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("printer",
							(printer) -> printer.paths("/printer/**")
								.allowedOriginPatterns(".shop\\.example\\.com")
								.allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origin-patterns[0]", ".shop\\.example\\.com", "is unescaped");
	}

}
