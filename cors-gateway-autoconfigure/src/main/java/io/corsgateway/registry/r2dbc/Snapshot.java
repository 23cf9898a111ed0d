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

import java.util.ArrayList;
import java.util.List;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;

/**
 * The content of the registry table at one read: the applications of its enabled rows and
 * the rows that were skipped, both in the order of their ids.
 *
 * @param applications the applications
 * @param skippedRows why each skipped row is skipped
 * @author cors-gateway authors
 */
record Snapshot(List<CorsApplication> applications, List<PolicyError> skippedRows) {

	static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

	Snapshot {
		applications = List.copyOf(applications);
		skippedRows = List.copyOf(skippedRows);
	}

	static Snapshot of(List<StoredRow> rows) {
		List<CorsApplication> applications = new ArrayList<>();
		List<PolicyError> skippedRows = new ArrayList<>();
		for (StoredRow row : rows) {
			if (row.application() != null) {
				applications.add(row.application());
			}
			else if (row.skipped() != null) {
				skippedRows.add(row.skipped());
			}
		}
		return new Snapshot(applications, skippedRows);
	}

}
