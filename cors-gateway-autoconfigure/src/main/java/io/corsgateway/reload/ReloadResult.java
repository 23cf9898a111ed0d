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

import io.corsgateway.policy.PolicyError;

import org.springframework.util.Assert;

/**
 * What one {@link CorsPolicyReloader#reload(String) reload} did.
 *
 * @param outcome whether new policies were swapped in, and whether they differ from the
 * ones they replaced
 * @param trigger what asked for the reload, as given to
 * {@link CorsPolicyReloader#reload(String)}
 * @param time when the reload started
 * @param errors why the reload failed, each with its property path; empty when it
 * succeeded
 * @param newWarnings the warnings of the new policies that the replaced ones did not
 * have; empty when the reload failed
 * @param changedPolicies the policies added, removed or changed, each named by its
 * property prefix (such as {@code cors.services.orders} or
 * {@code cors.services.orders.routes.refunds}); empty when the reload failed or changed
 * nothing
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record ReloadResult(Outcome outcome, String trigger, Instant time, List<PolicyError> errors,
		List<PolicyError> newWarnings, List<String> changedPolicies) {

	/**
	 * Create a result; the lists are copied.
	 * @param outcome what the reload did
	 * @param trigger what asked for the reload
	 * @param time when the reload started
	 * @param errors why it failed
	 * @param newWarnings the new warnings
	 * @param changedPolicies the policies that changed
	 */
	public ReloadResult {
		Assert.notNull(outcome, "'outcome' must not be null");
		Assert.notNull(trigger, "'trigger' must not be null");
		Assert.notNull(time, "'time' must not be null");
		errors = List.copyOf(errors);
		newWarnings = List.copyOf(newWarnings);
		changedPolicies = List.copyOf(changedPolicies);
	}

	/**
	 * Whether new policies were swapped in.
	 * @return {@code true} unless the outcome is {@link Outcome#FAILED}
	 */
	public boolean isSuccess() {
		return this.outcome != Outcome.FAILED;
	}

	/**
	 * What a reload did.
	 */
	public enum Outcome {

		/**
		 * New policies were swapped in, and some policy differs from the one it replaced,
		 * or was added or removed.
		 */
		CHANGED,

		/**
		 * New policies were swapped in, and every scope is described as before: the same
		 * paths, hosts, methods, resolved fields and allowed origins. Settings outside
		 * the scopes, such as case-insensitive path matching, are not compared; they
		 * apply all the same.
		 */
		UNCHANGED,

		/**
		 * Nothing was swapped in: the new configuration is invalid, building it failed,
		 * or the filter applies policies the reloader does not manage. The policies in
		 * force stay.
		 */
		FAILED

	}

}
