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
package io.corsgateway.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidCorsPolicyFailureAnalyzer}.
 *
 * @author cors-gateway authors
 */
class InvalidCorsPolicyFailureAnalyzerTests {

	@Test
	void descriptionListsEveryErrorWithPropertyValueAndReason() {
		InvalidCorsPolicyException failure = new InvalidCorsPolicyException(
				List.of(new PolicyError("cors.services.orders.allowed-origins[0]", "*", "First reason."),
						new PolicyError("cors.services.orders.paths", null, "Second reason.")));
		FailureAnalysis analysis = new InvalidCorsPolicyFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("The CORS configuration has 2 errors:")
			.contains("Property: cors.services.orders.allowed-origins[0]")
			.contains("Value: '*'")
			.contains("Reason: First reason.")
			.contains("Property: cors.services.orders.paths")
			.contains("Reason: Second reason.");
		assertThat(analysis.getAction()).contains("Fix each property listed above");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

}
