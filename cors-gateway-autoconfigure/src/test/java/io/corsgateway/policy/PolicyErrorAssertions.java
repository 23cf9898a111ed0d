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

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Assertions on the errors a {@link CorsPoliciesBuilder} reports, shared by the policy
 * validation tests.
 *
 * @author cors-gateway authors
 */
final class PolicyErrorAssertions {

	private PolicyErrorAssertions() {
	}

	static List<PolicyError> errorsOf(CorsPoliciesBuilder builder) {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class, builder::build);
		assertThat(ex).as("build() must refuse the configuration").isNotNull();
		return ex.getErrors();
	}

	static void assertOnlyError(CorsPoliciesBuilder builder, String property, @Nullable Object value, String reason) {
		assertThat(errorsOf(builder)).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo(property);
			assertThat(error.value()).isEqualTo(value);
			assertThat(error.reason()).contains(reason);
		});
	}

}
