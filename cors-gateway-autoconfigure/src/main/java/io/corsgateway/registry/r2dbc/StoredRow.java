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
package io.corsgateway.registry.r2dbc;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.LogText;
import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;

/**
 * What one row of the registry table gave: an application, the report of why the row is
 * skipped, or neither for a row that is not enabled.
 *
 * @param application the application read from the row
 * @param skipped why the row is skipped
 * @author cors-gateway authors
 */
record StoredRow(@Nullable CorsApplication application, @Nullable PolicyError skipped) {

	static final StoredRow DISABLED = new StoredRow(null, null);

	static StoredRow skipped(String property, @Nullable String value, String reason) {
		return new StoredRow(null,
				new PolicyError(property, (value != null) ? LogText.printable(value) : null, reason));
	}

}
