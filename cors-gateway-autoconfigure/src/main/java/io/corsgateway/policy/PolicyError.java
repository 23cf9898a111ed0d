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

import org.jspecify.annotations.Nullable;

/**
 * One problem found in the CORS configuration, named by its full property path.
 *
 * @param property the property path, such as
 * {@code cors.services.orders.allowed-origins[1]}
 * @param value the offending value, or {@code null} when the value is missing
 * @param reason a sentence that says why the value is wrong and how to fix it
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record PolicyError(String property, @Nullable Object value, String reason) {

	@Override
	public String toString() {
		return this.property + ((this.value != null) ? " = '" + this.value + "'" : "") + ": " + this.reason;
	}

}
