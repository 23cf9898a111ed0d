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

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Collects the errors and warnings found while checking CORS policies, each once and in
 * the order they were found. One collector can be shared by several checks, such as the
 * unknown-key check of the auto-configuration and
 * {@link CorsPoliciesBuilder#build(PolicyErrors)}, so that a single
 * {@link InvalidCorsPolicyException} reports them all.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class PolicyErrors {

	private final Set<PolicyError> errors = new LinkedHashSet<>();

	private final Set<PolicyError> warnings = new LinkedHashSet<>();

	// One instance of each distinct text: the compiled policies keep their warnings, and
	// many services with the same value get the same sentence.
	private final Map<String, String> texts = new HashMap<>();

	/**
	 * Record an error: a value the policies cannot be built with.
	 * @param property the full property path, such as
	 * {@code cors.services.orders.allowed-origins[0]}
	 * @param value the offending value, or {@code null} when the value is missing
	 * @param reason a sentence that says why the value is wrong and how to fix it
	 */
	public void error(String property, @Nullable Object value, String reason) {
		error(new PolicyError(property, value, reason));
	}

	/**
	 * Record an error; an error equal to one already recorded is ignored.
	 * @param error the error
	 */
	public void error(PolicyError error) {
		this.errors.add(error);
	}

	/**
	 * Record a warning: a valid value that is probably not what was meant.
	 * @param property the full property path
	 * @param value the value warned about
	 * @param reason a sentence that says what the value does and what to write instead
	 */
	public void warning(String property, @Nullable Object value, String reason) {
		warning(new PolicyError(property, value, reason));
	}

	/**
	 * Record a warning found elsewhere, such as by a check of the application around the
	 * policies.
	 * @param warning the warning
	 */
	public void warning(PolicyError warning) {
		this.warnings.add(shared(warning));
	}

	private PolicyError shared(PolicyError warning) {
		Object value = warning.value();
		return new PolicyError(warning.property(), (value instanceof String text) ? shared(text) : value,
				shared(warning.reason()));
	}

	private String shared(String text) {
		String shared = this.texts.putIfAbsent(text, text);
		return (shared != null) ? shared : text;
	}

	/**
	 * The errors recorded so far, in the order they were found.
	 * @return the errors
	 */
	public List<PolicyError> errors() {
		return List.copyOf(this.errors);
	}

	/**
	 * The warnings recorded so far, in the order they were found.
	 * @return the warnings
	 */
	public List<PolicyError> warnings() {
		return List.copyOf(this.warnings);
	}

	/**
	 * Whether any error was recorded.
	 * @return whether there is an error
	 */
	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
