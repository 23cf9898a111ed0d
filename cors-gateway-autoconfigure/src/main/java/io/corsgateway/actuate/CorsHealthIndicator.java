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

import java.util.List;

import io.corsgateway.policy.PolicyError;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} of the CORS policies, named {@code cors}: when and by what the
 * policies in force were loaded, and whether the last reload failed.
 * <p>
 * It is always UP. A failed reload leaves the policies in force, which still serve
 * requests; DOWN would have an orchestrator restart the instance into the invalid
 * configuration, which then fails at startup. A failed reload shows in the details
 * instead: {@code reload: FAILED}, with its time, its trigger and its errors (each
 * {@code property = 'value': reason}), until a reload succeeds ({@code reload: OK}).
 * Alert on those details or on the {@code cors.reload.failing} gauge.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsHealthIndicator implements HealthIndicator {

	private final CorsPolicyReloader reloader;

	/**
	 * Create an indicator of the given reloader's status.
	 * @param reloader the reloader
	 */
	public CorsHealthIndicator(CorsPolicyReloader reloader) {
		Assert.notNull(reloader, "'reloader' must not be null");
		this.reloader = reloader;
	}

	@Override
	public Health health() {
		ReloadStatus status = this.reloader.getStatus();
		Health.Builder health = Health.up()
			.withDetail("loadedAt", status.lastLoad().time().toString())
			.withDetail("loadedBy", status.lastLoad().trigger());
		ReloadStatus.Failure failure = status.lastFailure();
		if (!status.failing() || failure == null) {
			return health.withDetail("reload", "OK").build();
		}
		List<String> errors = failure.errors().stream().map(PolicyError::toString).toList();
		return health.withDetail("reload", "FAILED")
			.withDetail("failedAt", failure.time().toString())
			.withDetail("failedBy", failure.trigger())
			.withDetail("errors", errors)
			.build();
	}

}
