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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.reload.ReloadResult.Outcome;
import io.corsgateway.reload.ReloadStatus.Failure;
import io.corsgateway.reload.ReloadStatus.Load;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.util.Assert;

/**
 * Reloads the policies of a {@link CorsGatewayWebFilter} without a restart: each
 * {@link #reload(String) reload} builds new policies with a supplier, on the calling
 * thread and off the request path, and swaps them into the filter in one atomic write
 * ({@link CorsGatewayWebFilter#compareAndSetPolicies(CorsPolicies, CorsPolicies)}). A
 * request reads the policies once, so it is decided entirely by the old policies or
 * entirely by the new ones.
 * <p>
 * An invalid new configuration changes nothing: the policies in force stay, the reload
 * returns a {@link ReloadResult} that says why, {@link #getStatus()} keeps it as the last
 * failure, and every error is logged once at ERROR with its property path. A reload that
 * fails again with the same errors is logged at DEBUG only, so a configuration source
 * that keeps sending the same broken change does not flood the log. A supplier that
 * throws anything else than {@link InvalidCorsPolicyException} fails the reload the same
 * way, and its stack trace is logged once.
 * <p>
 * A successful reload logs at INFO which scopes (defaults, services, routes) it changed,
 * at DEBUG when it changed none, and at WARN each warning of the new policies that the
 * old ones did not have.
 * <p>
 * The reloader only replaces policies it manages: those it was created with and those it
 * swapped in since. When the filter applies other policies, because the application
 * called {@link CorsGatewayWebFilter#setPolicies(CorsPolicies)} itself or built the
 * filter from policies of its own, a reload changes nothing and fails with a result that
 * says so; it does not build anything either. Reloads are serialised: one runs at a time,
 * and a reload asked for meanwhile waits for it.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPolicyReloader {

	/**
	 * The trigger of the load of the policies the filter had when the reloader was
	 * created, as {@link ReloadStatus#lastLoad()} reports it until the first successful
	 * reload.
	 */
	public static final String STARTUP_TRIGGER = "startup";

	/**
	 * The property path named by the error of a reload that found the filter applying
	 * policies the reloader does not manage.
	 */
	static final String UNMANAGED_PROPERTY = "cors";

	private static final Log logger = LogFactory.getLog(CorsPolicyReloader.class);

	private final CorsGatewayWebFilter filter;

	private final Supplier<CorsPolicies> policies;

	private final ReentrantLock lock = new ReentrantLock();

	// The policies this reloader may replace: the ones it was given, then each one it
	// swapped in. Guarded by the lock.
	private @Nullable CorsPolicies managed;

	private volatile ReloadStatus status;

	/**
	 * Create a reloader that manages the policies the filter applies now: they were built
	 * by the same supplier, or from the same configuration.
	 * @param filter the filter to swap new policies into
	 * @param policies builds new policies from the current configuration; throws
	 * {@link InvalidCorsPolicyException} when it is invalid
	 */
	public CorsPolicyReloader(CorsGatewayWebFilter filter, Supplier<CorsPolicies> policies) {
		this(filter, filter.getPolicies(), policies);
	}

	/**
	 * Create a reloader that manages the given policies when the filter applies them.
	 * @param filter the filter to swap new policies into
	 * @param built the policies the supplier's configuration was built into at startup,
	 * which the reloader may replace; {@code null} when the filter applies policies from
	 * elsewhere, in which case every reload fails without building anything
	 * @param policies builds new policies from the current configuration; throws
	 * {@link InvalidCorsPolicyException} when it is invalid
	 */
	public CorsPolicyReloader(CorsGatewayWebFilter filter, @Nullable CorsPolicies built,
			Supplier<CorsPolicies> policies) {
		Assert.notNull(filter, "'filter' must not be null");
		Assert.notNull(policies, "'policies' must not be null");
		this.filter = filter;
		this.policies = policies;
		this.managed = built;
		this.status = new ReloadStatus(new Load(Instant.now(), STARTUP_TRIGGER), null, false, 0, 0);
	}

	/**
	 * Build new policies and swap them into the filter, unless they are invalid. Never
	 * throws for an invalid configuration: the result says what happened.
	 * @param trigger what asks for the reload, for the logs and the status, such as
	 * {@code "environment change: cors.services.orders.allowed-origins[2]"}
	 * @return what the reload did
	 */
	public ReloadResult reload(String trigger) {
		Assert.hasText(trigger, "'trigger' must not be empty");
		this.lock.lock();
		try {
			return reloadLocked(trigger, Instant.now());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * What this reloader has done so far.
	 * @return an immutable snapshot
	 */
	public ReloadStatus getStatus() {
		return this.status;
	}

	private ReloadResult reloadLocked(String trigger, Instant time) {
		CorsPolicies current = this.filter.getPolicies();
		if (current != this.managed) {
			return fail(time, trigger, List.of(unmanaged()), null);
		}
		CorsPolicies next;
		try {
			next = this.policies.get();
			Assert.state(next != null, "The policy supplier returned null");
		}
		catch (InvalidCorsPolicyException ex) {
			return fail(time, trigger, ex.getErrors(), null);
		}
		catch (RuntimeException ex) {
			return fail(time, trigger, List.of(new PolicyError(UNMANAGED_PROPERTY, null,
					"Building the policies failed with " + ex + "; the stack trace was logged once.")), ex);
		}
		// Swapped only if the filter still applies them: the application may have set
		// policies of its own while these were built, even an instant before the swap,
		// and they must not be overwritten.
		if (!this.filter.compareAndSetPolicies(current, next)) {
			return fail(time, trigger, List.of(unmanaged()), null);
		}
		this.managed = next;
		return succeed(time, trigger, current, next);
	}

	private ReloadResult succeed(Instant time, String trigger, CorsPolicies previous, CorsPolicies next) {
		ReloadStatus before = this.status;
		this.status = new ReloadStatus(new Load(time, trigger), before.lastFailure(), false, before.successCount() + 1,
				before.failureCount());
		List<PolicyError> newWarnings = new ArrayList<>(next.getWarnings());
		newWarnings.removeAll(previous.getWarnings());
		for (PolicyError warning : newWarnings) {
			logger.warn("CORS configuration: " + warning);
		}
		PolicyChanges changes = PolicyChanges.between(previous, next);
		String recovered = before.failing() ? "; the configuration is valid again" : "";
		if (!changes.isEmpty() || before.failing()) {
			logger.info("CORS policies reloaded (" + trigger + "): " + changes + recovered + ".");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("CORS policies reloaded (" + trigger + "): no scope changed.");
		}
		return new ReloadResult(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED, trigger, time, List.of(),
				newWarnings, changes.all());
	}

	private ReloadResult fail(Instant time, String trigger, List<PolicyError> errors, @Nullable RuntimeException ex) {
		ReloadStatus before = this.status;
		Failure failure = new Failure(time, trigger, errors);
		Failure last = before.lastFailure();
		boolean repeated = before.failing() && last != null && last.errors().equals(failure.errors());
		this.status = new ReloadStatus(before.lastLoad(), failure, true, before.successCount(),
				before.failureCount() + 1);
		if (repeated) {
			if (logger.isDebugEnabled()) {
				logger.debug("CORS reload (" + trigger + ") failed again with the same " + errors.size()
						+ " error(s); the policies loaded at " + describe(before.lastLoad()) + " stay in force.");
			}
		}
		else {
			String heading = "CORS reload (" + trigger + ") failed with " + errors.size() + " error(s); the policies "
					+ "loaded at " + describe(before.lastLoad()) + " stay in force.";
			if (ex != null) {
				logger.error(heading, ex);
			}
			else {
				logger.error(heading);
			}
			for (PolicyError error : errors) {
				logger.error("CORS reload: " + error);
			}
		}
		return new ReloadResult(Outcome.FAILED, trigger, time, errors, List.of(), List.of());
	}

	private static String describe(Load load) {
		return load.time() + " (" + load.trigger() + ")";
	}

	private static PolicyError unmanaged() {
		return new PolicyError(UNMANAGED_PROPERTY, null,
				"The filter applies policies this reloader did not build (the application's own CorsPolicies "
						+ "bean, or policies set with CorsGatewayWebFilter.setPolicies), so a reload from the "
						+ "configuration would replace them: they stay in force. Change them where they were "
						+ "built, or remove the own CorsPolicies bean to have the cors.* properties reloaded.");
	}

}
