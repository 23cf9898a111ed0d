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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;
import io.corsgateway.web.CorsDecisionListener;

import org.springframework.util.Assert;

/**
 * A {@link CorsDecisionListener} that counts every decision of the filter in a Micrometer
 * {@link Counter} named {@value #METRIC_NAME}, with these tags:
 * <ul>
 * <li>{@code service}: the {@linkplain CorsDecision#getServiceLabel() service label}, a
 * service id, {@value CorsDecision#DEFAULTS_LABEL} or
 * {@value CorsDecision#NONE_LABEL};</li>
 * <li>{@code route}: the {@linkplain CorsDecision#getRouteLabel() route label}, a route
 * id or {@value CorsDecision#NONE_LABEL};</li>
 * <li>{@code kind}: the name of the {@link DecisionKind}, such as
 * {@code PREFLIGHT_REJECTED};</li>
 * <li>{@code reason}: the name of the {@link DecisionReason}, such as
 * {@code ORIGIN_NOT_ALLOWED};</li>
 * <li>{@code enforced}: {@code true}, or {@code false} for a decision of a
 * {@linkplain CorsPolicy#isReportOnly() report-only} policy that was only counted.</li>
 * </ul>
 * No tag holds a value of the request (origin, path, method, header): the number of
 * series is bounded by the configuration, whatever clients send.
 * <p>
 * The counters are looked up, not built, on the request path: each policy gets an array
 * of counters indexed by kind and reason, filled on first use, so that counting a request
 * allocates nothing once its counter exists. The arrays are found by policy id, so
 * policies swapped in at runtime keep counting in the same series. A counter removed from
 * the registry by hand is still the one this listener increments: create a new listener
 * after removing meters.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsRequestMetrics implements CorsDecisionListener {

	/**
	 * The name of the counter.
	 */
	public static final String METRIC_NAME = "cors.requests";

	private static final int REASON_COUNT = DecisionReason.values().length;

	private static final int SLOT_COUNT = DecisionKind.values().length * REASON_COUNT;

	private final MeterRegistry registry;

	// Keyed by policy id, which the configuration bounds: policies swapped in at runtime
	// find the counters of the ones they replace instead of adding entries. The id is the
	// policy's own String, whose hash is computed once; nothing the request brings is
	// hashed. Report-only policies count under enforced=false, so they have their own
	// map.
	private final Map<String, AtomicReferenceArray<Counter>> enforcedSlots = new ConcurrentHashMap<>();

	private final Map<String, AtomicReferenceArray<Counter>> reportOnlySlots = new ConcurrentHashMap<>();

	// Decisions made without a policy: no policy matched, or the path was refused first.
	private final AtomicReferenceArray<Counter> noPolicySlots = new AtomicReferenceArray<>(SLOT_COUNT);

	// The defaults' policy has the id "defaults", which a service may also have: its
	// counters are kept apart.
	private final AtomicReferenceArray<Counter> defaultsSlots = new AtomicReferenceArray<>(SLOT_COUNT);

	private final AtomicReferenceArray<Counter> reportOnlyDefaultsSlots = new AtomicReferenceArray<>(SLOT_COUNT);

	/**
	 * Create a listener that registers its counters in the given registry.
	 * @param registry the registry
	 */
	public CorsRequestMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void onDecision(CorsRequest request, CorsDecision decision) {
		CorsPolicy policy = decision.getPolicy();
		AtomicReferenceArray<Counter> slots = (policy != null) ? slotsOf(policy) : this.noPolicySlots;
		int slot = decision.getKind().ordinal() * REASON_COUNT + decision.getReason().ordinal();
		Counter counter = slots.getAcquire(slot);
		if (counter == null) {
			// Two threads may both get here for the same slot: the registry returns the
			// same counter to both, so either write is right.
			counter = register(decision);
			slots.setRelease(slot, counter);
		}
		counter.increment();
	}

	private AtomicReferenceArray<Counter> slotsOf(CorsPolicy policy) {
		if (policy.getServiceId() == null) {
			return policy.isReportOnly() ? this.reportOnlyDefaultsSlots : this.defaultsSlots;
		}
		Map<String, AtomicReferenceArray<Counter>> slotsById = policy.isReportOnly() ? this.reportOnlySlots
				: this.enforcedSlots;
		AtomicReferenceArray<Counter> slots = slotsById.get(policy.getId());
		// A plain get() first: computeIfAbsent may lock its bin even when the key is
		// there, and every request of the policy after the first one finds it there.
		return (slots != null) ? slots
				: slotsById.computeIfAbsent(policy.getId(), (key) -> new AtomicReferenceArray<>(SLOT_COUNT));
	}

	private Counter register(CorsDecision decision) {
		return Counter.builder(METRIC_NAME)
			.description("Requests seen by the CORS gateway filter, by the decision made")
			.tag("service", decision.getServiceLabel())
			.tag("route", decision.getRouteLabel())
			.tag("kind", decision.getKind().name())
			.tag("reason", decision.getReason().name())
			.tag("enforced", Boolean.toString(decision.isEnforced()))
			.register(this.registry);
	}

}
