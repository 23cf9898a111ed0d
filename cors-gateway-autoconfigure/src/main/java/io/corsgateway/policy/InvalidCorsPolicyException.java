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

/**
 * Thrown when CORS policies, from properties or Java configuration, contain errors; it
 * holds every error found, not only the first.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class InvalidCorsPolicyException extends RuntimeException {

	private final List<PolicyError> errors;

	/**
	 * Create a new exception.
	 * @param errors every error found, at least one
	 */
	public InvalidCorsPolicyException(List<PolicyError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	private static String describe(List<PolicyError> errors) {
		StringBuilder message = new StringBuilder();
		message.append(errors.size())
			.append((errors.size() == 1) ? " CORS setting is" : " CORS settings are")
			.append(" invalid:");
		for (PolicyError error : errors) {
			message.append(System.lineSeparator()).append("  - ").append(error);
		}
		return message.toString();
	}

	/**
	 * The errors, in the order the configuration declares them.
	 * @return the errors
	 */
	public List<PolicyError> getErrors() {
		return this.errors;
	}

}
