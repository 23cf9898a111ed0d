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

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadStatus;

import org.springframework.util.Assert;

/**
 * Micrometer meters of a {@link CorsPolicyReloader}, registered when this object is
 * created:
 * <ul>
 * <li>{@value #RELOADS_METRIC_NAME}, a counter of reloads tagged {@code outcome=success}
 * or {@code outcome=failure} (the startup load is not counted);</li>
 * <li>{@value #FAILING_METRIC_NAME}, a gauge that is 1 while the last reload failed, so
 * that the policies in force are older than the configuration, and 0 otherwise: the value
 * to alert on.</li>
 * </ul>
 * Both read the reloader's {@link CorsPolicyReloader#getStatus() status} when the
 * registry asks, so a reload costs nothing more for being measured.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsReloadMetrics {

	/**
	 * The name of the reload counter.
	 */
	public static final String RELOADS_METRIC_NAME = "cors.reloads";

	/**
	 * The name of the gauge of a failing reload.
	 */
	public static final String FAILING_METRIC_NAME = "cors.reload.failing";

	/**
	 * Register the meters of the given reloader in the given registry.
	 * @param reloader the reloader
	 * @param registry the registry
	 */
	public CorsReloadMetrics(CorsPolicyReloader reloader, MeterRegistry registry) {
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		FunctionCounter.builder(RELOADS_METRIC_NAME, reloader, (source) -> source.getStatus().successCount())
			.description("Reloads of the CORS policies, by outcome")
			.tag("outcome", "success")
			.register(registry);
		FunctionCounter.builder(RELOADS_METRIC_NAME, reloader, (source) -> source.getStatus().failureCount())
			.description("Reloads of the CORS policies, by outcome")
			.tag("outcome", "failure")
			.register(registry);
		Gauge.builder(FAILING_METRIC_NAME, reloader, CorsReloadMetrics::failing)
			.description(
					"1 while the last reload of the CORS policies failed and older policies stay in force, " + "else 0")
			.strongReference(true)
			.register(registry);
	}

	private static double failing(CorsPolicyReloader reloader) {
		ReloadStatus status = reloader.getStatus();
		return status.failing() ? 1 : 0;
	}

}
