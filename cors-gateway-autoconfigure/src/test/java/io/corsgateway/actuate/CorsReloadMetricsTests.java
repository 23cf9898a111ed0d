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
package io.corsgateway.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsGatewayWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorsReloadMetrics}: the {@code cors.reloads} counter by outcome and
 * the {@code cors.reload.failing} gauge.
 *
 * @author cors-gateway authors
 */
class CorsReloadMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private boolean valid = true;

	private final CorsPolicyReloader reloader = new CorsPolicyReloader(
			new CorsGatewayWebFilter(CorsPolicies.builder().build()), () -> this.valid ? CorsPolicies.builder().build()
					: CorsPolicies.builder().defaults((defaults) -> defaults.allowedOrigins("not an origin")).build());

	private double reloads(String outcome) {
		return this.registry.get(CorsReloadMetrics.RELOADS_METRIC_NAME)
			.tag("outcome", outcome)
			.functionCounter()
			.count();
	}

	private double failing() {
		return this.registry.get(CorsReloadMetrics.FAILING_METRIC_NAME).gauge().value();
	}

	@Test
	void nothingIsCountedBeforeTheFirstReload() {
		new CorsReloadMetrics(this.reloader, this.registry);
		assertThat(reloads("success")).isZero();
		assertThat(reloads("failure")).isZero();
		assertThat(failing()).isZero();
	}

	@Test
	void reloadsAreCountedByOutcome() {
		new CorsReloadMetrics(this.reloader, this.registry);
		this.reloader.reload("first");
		this.reloader.reload("second");
		this.valid = false;
		this.reloader.reload("third");
		assertThat(reloads("success")).isEqualTo(2);
		assertThat(reloads("failure")).isEqualTo(1);
	}

	@Test
	void failingIsOneWhileTheLastReloadFailed() {
		new CorsReloadMetrics(this.reloader, this.registry);
		this.valid = false;
		this.reloader.reload("broken");
		assertThat(failing()).isOne();
		this.valid = true;
		this.reloader.reload("fixed");
		assertThat(failing()).isZero();
	}

}
