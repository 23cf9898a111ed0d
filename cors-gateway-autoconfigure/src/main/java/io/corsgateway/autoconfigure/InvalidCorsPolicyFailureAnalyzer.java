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

import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidCorsPolicyException} into one startup report that lists every
 * invalid CORS setting with its property, value, reason and fix.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class InvalidCorsPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCorsPolicyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCorsPolicyException cause) {
		StringBuilder description = new StringBuilder();
		int count = cause.getErrors().size();
		description.append("The CORS configuration has ")
			.append(count)
			.append((count == 1) ? " error" : " errors")
			.append(":")
			.append(System.lineSeparator());
		for (PolicyError error : cause.getErrors()) {
			description.append(System.lineSeparator()).append("    Property: ").append(error.property());
			if (error.value() != null) {
				description.append(System.lineSeparator()).append("    Value: '").append(error.value()).append("'");
			}
			description.append(System.lineSeparator())
				.append("    Reason: ")
				.append(error.reason())
				.append(System.lineSeparator());
		}
		return new FailureAnalysis(description.toString(),
				"Fix each property listed above in your configuration (or the matching CorsPoliciesBuilder call in "
						+ "your Java configuration), then restart. The application does not start with any of them, "
						+ "because an unchecked CORS policy can expose credentialed responses to other sites.",
				cause);
	}

}
