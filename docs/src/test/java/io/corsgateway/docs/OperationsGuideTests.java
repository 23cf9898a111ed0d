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
package io.corsgateway.docs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.corsgateway.actuate.CorsRequestMetrics;
import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;
import io.corsgateway.web.CorsGatewayWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that operations.md names what the code names: one row per {@link DecisionReason},
 * each with kinds that exist, every {@link DecisionKind}, the counter, its labels and the
 * reason header.
 *
 * @author cors-gateway authors
 */
class OperationsGuideTests {

	private final List<String> lines = DocsFiles.lines(DocsFiles.directory().resolve("operations.md"));

	private final String text = String.join("\n", this.lines);

	// First cell of each row of the reasons table: the reason; second: its kinds.
	private Map<String, String> reasonRows() {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : this.lines) {
			if (line.startsWith("| `") && line.contains("` | `") && !line.startsWith("| `service`")) {
				String[] cells = line.split("\\|");
				String reason = cells[1].strip().replace("`", "");
				if (isReason(reason)) {
					rows.put(reason, cells[2]);
				}
			}
		}
		return rows;
	}

	private static boolean isReason(String name) {
		return Arrays.stream(DecisionReason.values()).anyMatch((reason) -> reason.name().equals(name));
	}

	@Test
	void everyReasonHasOneRowInTheOrderOfTheEnum() {
		assertThat(reasonRows().keySet())
			.containsExactlyElementsOf(Arrays.stream(DecisionReason.values()).map(Enum::name).toList());
	}

	@Test
	void everyKindNamedInTheReasonsTableExists() {
		List<String> kinds = Arrays.stream(DecisionKind.values()).map(Enum::name).toList();
		reasonRows().forEach((reason, cell) -> {
			List<String> named = Arrays.stream(cell.split(",")).map((kind) -> kind.strip().replace("`", "")).toList();
			assertThat(named).as(reason).isNotEmpty().allMatch(kinds::contains);
		});
	}

	@Test
	void everyKindIsExplained() {
		for (DecisionKind kind : DecisionKind.values()) {
			assertThat(this.text).contains("`" + kind.name() + "`");
		}
	}

	@Test
	void counterHeaderAndLabelsAreTheCodesOwn() {
		assertThat(this.text).contains("`" + CorsRequestMetrics.METRIC_NAME + "`")
			.contains("`" + CorsGatewayWebFilter.REASON_HEADER + "`")
			.contains("`" + CorsDecision.DEFAULTS_LABEL + "`")
			.contains("`" + CorsDecision.NONE_LABEL + "`");
	}

}
