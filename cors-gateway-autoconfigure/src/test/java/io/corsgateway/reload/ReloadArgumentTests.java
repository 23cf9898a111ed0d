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
package io.corsgateway.reload;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reload API refuses missing arguments where they are given, rather than failing
 * later on a reload thread or in the endpoint.
 *
 * @author cors-gateway authors
 */
class ReloadArgumentTests {

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	private static final ReloadStatus.Load LOAD = new ReloadStatus.Load(NOW, "startup");

	@Test
	void reloaderNeedsAFilterAndASupplier() {
		CorsPolicies policies = CorsPolicies.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> new CorsPolicyReloader(null, policies, () -> policies))
			.withMessage("'filter' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsPolicyReloader(new CorsGatewayWebFilter(policies), policies, null))
			.withMessage("'policies' must not be null");
	}

	@Test
	void resultNeedsAnOutcomeATriggerAndATime() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReloadResult(null, "t", NOW, List.of(), List.of(), List.of()))
			.withMessage("'outcome' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ReloadResult(ReloadResult.Outcome.CHANGED, null, NOW, List.of(), List.of(), List.of()))
			.withMessage("'trigger' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ReloadResult(ReloadResult.Outcome.CHANGED, "t", null, List.of(), List.of(), List.of()))
			.withMessage("'time' must not be null");
	}

	@Test
	void statusNeedsALoadAndAFailingStatusAFailure() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus(null, null, false, 0, 0))
			.withMessage("'lastLoad' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus(LOAD, null, true, 0, 1))
			.withMessage("A failing status must have a last failure");
	}

	@Test
	void loadAndFailureNeedATimeAndATrigger() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus.Load(null, "t"))
			.withMessage("'time' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus.Load(NOW, null))
			.withMessage("'trigger' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus.Failure(null, "t", List.of()))
			.withMessage("'time' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadStatus.Failure(NOW, null, List.of()))
			.withMessage("'trigger' must not be null");
	}

}
