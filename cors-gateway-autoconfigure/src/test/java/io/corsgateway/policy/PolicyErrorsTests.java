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

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PolicyErrors} and {@link CorsPoliciesBuilder#build(PolicyErrors)}: one
 * collector gathers what the caller and the compiler find, each error once, and one
 * exception reports them in the order they were found.
 *
 * @author cors-gateway authors
 */
class PolicyErrorsTests {

	private static final PolicyError UNKNOWN_KEY = new PolicyError("cors.services.orders.alowed-origins", null,
			"This key is not a cors-gateway property, so its value would be ignored.");

	private static CorsPoliciesBuilder orders(String method) {
		return CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.allowedMethods(method));
	}

	@Test
	void errorRecordedBeforeTheBuildIsReportedFirstAndOnce() {
		PolicyErrors errors = new PolicyErrors();
		errors.error(UNKNOWN_KEY);
		errors.error(UNKNOWN_KEY);
		assertThatExceptionOfType(InvalidCorsPolicyException.class).isThrownBy(() -> orders("TRACE").build(errors))
			.satisfies((ex) -> assertThat(ex.getErrors()).extracting(PolicyError::property)
				.containsExactly("cors.services.orders.alowed-origins", "cors.services.orders.allowed-methods[0]"));
	}

	@Test
	void errorRecordedBeforeAValidBuildFailsItAlone() {
		PolicyErrors errors = new PolicyErrors();
		errors.error(UNKNOWN_KEY);
		assertThatExceptionOfType(InvalidCorsPolicyException.class).isThrownBy(() -> orders("GET").build(errors))
			.satisfies((ex) -> assertThat(ex.getErrors()).containsExactly(UNKNOWN_KEY));
	}

	@Test
	void warningsOfTheCollectorAreThoseOfThePolicies() {
		PolicyErrors errors = new PolicyErrors();
		errors.warning("cors.defaults.preflight-continue", true, "Spring Security is present.");
		CorsPolicies policies = orders("get").build(errors);
		assertThat(policies.getWarnings()).extracting(PolicyError::property)
			.containsExactly("cors.defaults.preflight-continue", "cors.services.orders.allowed-methods[0]");
		assertThat(policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET")).isNotNull();
	}

	@Test
	void sameErrorFoundTwiceIsKeptOnce() {
		PolicyErrors errors = new PolicyErrors();
		errors.error("cors.defaults.max-age", "-2s", "max-age cannot be below -1 seconds.");
		errors.error("cors.defaults.max-age", "-2s", "max-age cannot be below -1 seconds.");
		errors.warning("cors.defaults.max-age", "86401s", "Browsers cap max-age.");
		errors.warning("cors.defaults.max-age", "86401s", "Browsers cap max-age.");
		assertThat(errors.errors()).hasSize(1);
		assertThat(errors.warnings()).hasSize(1);
		assertThat(errors.hasErrors()).isTrue();
		assertThat(new PolicyErrors().hasErrors()).isFalse();
	}

	@Test
	void warningsWithEqualTextsKeepOneInstanceOfIt() {
		PolicyErrors errors = new PolicyErrors();
		errors.warning("cors.services.orders.max-age", new String("7200s"), new String("Browsers cap it."));
		errors.warning("cors.services.catalog.max-age", new String("7200s"), new String("Browsers cap it."));
		errors.warning("cors.services.search.max-age", new String("9000s"), new String("Browsers cap it below."));
		List<PolicyError> warnings = errors.warnings();
		assertThat(warnings).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.max-age", "cors.services.catalog.max-age",
					"cors.services.search.max-age");
		assertThat(warnings.get(1).reason()).isSameAs(warnings.get(0).reason());
		assertThat(warnings.get(1).value()).isSameAs(warnings.get(0).value());
		assertThat(warnings.get(2).value()).isEqualTo("9000s");
		assertThat(warnings.get(2).reason()).isEqualTo("Browsers cap it below.");
	}

	@Test
	void warningsOfManyServicesWithTheSameMaxAgeShareTheirText() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.maxAge(Duration.ofHours(3)))
			.service("catalog",
					(catalog) -> catalog.paths("/catalog/**")
						.allowedOrigins("https://shop.example")
						.maxAge(Duration.ofHours(3)))
			.build();
		List<PolicyError> warnings = policies.getWarnings();
		assertThat(warnings).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.max-age", "cors.services.catalog.max-age");
		assertThat(warnings.get(1).reason()).isEqualTo(warnings.get(0).reason()).isSameAs(warnings.get(0).reason());
	}

}
