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

import io.corsgateway.policy.CorsPoliciesBuilder;

/**
 * Callback that adjusts the policies bound from {@code cors.*} properties before they are
 * validated and compiled. Customizers run in
 * {@link org.springframework.core.annotation.Order order}; a bean of this type is all it
 * takes.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@FunctionalInterface
public interface CorsPolicyCustomizer {

	/**
	 * Adjust the policies.
	 * @param builder the builder holding the bound properties
	 */
	void customize(CorsPoliciesBuilder builder);

}
