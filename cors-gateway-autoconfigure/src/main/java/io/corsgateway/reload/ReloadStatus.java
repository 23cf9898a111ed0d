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

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.PolicyError;

import org.springframework.util.Assert;

/**
 * A snapshot of what a {@link CorsPolicyReloader} has done: when the policies in force
 * were loaded, the last reload that failed, and whether the last attempt failed.
 *
 * @param lastLoad when and by what the policies in force were loaded: at startup, or by
 * the last successful reload
 * @param lastFailure the last reload that failed, even if a later one succeeded, or
 * {@code null} when none has failed
 * @param failing whether the last attempt failed, so that the policies in force are older
 * than the configuration last tried
 * @param successCount how many reloads succeeded (the startup load is not counted)
 * @param failureCount how many reloads failed
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record ReloadStatus(Load lastLoad, @Nullable Failure lastFailure, boolean failing, long successCount,
		long failureCount) {

	/**
	 * Create a snapshot.
	 * @param lastLoad the load of the policies in force
	 * @param lastFailure the last failed reload, or {@code null}
	 * @param failing whether the last attempt failed
	 * @param successCount how many reloads succeeded
	 * @param failureCount how many reloads failed
	 */
	public ReloadStatus {
		Assert.notNull(lastLoad, "'lastLoad' must not be null");
		Assert.isTrue(!failing || lastFailure != null, "A failing status must have a last failure");
	}

	/**
	 * A load of the policies in force.
	 *
	 * @param time when it started
	 * @param trigger what asked for it, {@value CorsPolicyReloader#STARTUP_TRIGGER} for
	 * the policies the filter had when the reloader was created
	 */
	public record Load(Instant time, String trigger) {

		/**
		 * Create a load.
		 * @param time when it started
		 * @param trigger what asked for it
		 */
		public Load {
			Assert.notNull(time, "'time' must not be null");
			Assert.notNull(trigger, "'trigger' must not be null");
		}

	}

	/**
	 * A reload that failed and left the policies in force unchanged.
	 *
	 * @param time when it started
	 * @param trigger what asked for it
	 * @param errors why it failed, each with its property path
	 */
	public record Failure(Instant time, String trigger, List<PolicyError> errors) {

		/**
		 * Create a failure; the list is copied.
		 * @param time when it started
		 * @param trigger what asked for it
		 * @param errors why it failed
		 */
		public Failure {
			Assert.notNull(time, "'time' must not be null");
			Assert.notNull(trigger, "'trigger' must not be null");
			errors = List.copyOf(errors);
		}

	}

}
