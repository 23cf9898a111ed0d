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
package io.corsgateway.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The value of every {@link PolicyField} for one scope, each resolved on its own from the
 * most specific level that sets it, with the level and the property that set it. The
 * compiled {@link CorsPolicy} keeps it, so that diagnostics can show where each value
 * came from.
 * <p>
 * Only the values and the level that set each one are kept; the {@link ResolvedField}
 * records, with their property paths, are made when asked for, which only diagnostics do.
 * A large configuration holds one of these per policy otherwise, with a string per field.
 *
 * @author cors-gateway authors
 */
final class ResolvedPolicy {

	private static final int FIELD_COUNT = PolicyField.all().size();

	// Two bits per field: 0 for a built-in default, else 1 + the index of the level in
	// LEVELS.
	private static final int BITS_PER_FIELD = 2;

	private static final PolicyLevel[] LEVELS = { PolicyLevel.ROUTE, PolicyLevel.SERVICE, PolicyLevel.DEFAULTS };

	static {
		if (FIELD_COUNT * BITS_PER_FIELD > Long.SIZE || LEVELS.length >= (1 << BITS_PER_FIELD)) {
			throw new IllegalStateException("The levels of " + FIELD_COUNT + " fields do not fit in a long");
		}
	}

	// Indexed by PolicyField.index(): the value a level sets, or null where no level
	// sets the field and its built-in default applies.
	private final @Nullable Object[] values;

	// The level that set each value, packed by field index: one long rather than an
	// array of references, with thousands of policies in a large build.
	private final long levels;

	// The ids the property paths are made of when asked for, rather than the paths:
	// the service's id is a string its scope holds anyway.
	private final @Nullable String serviceId;

	private final @Nullable String routeId;

	private ResolvedPolicy(@Nullable Object[] values, long levels, @Nullable String serviceId,
			@Nullable String routeId) {
		this.values = values;
		this.levels = levels;
		this.serviceId = serviceId;
		this.routeId = routeId;
	}

	/**
	 * Resolve every field from the given levels.
	 * @param levels the levels, most specific first, ending with the defaults
	 * @return the resolved fields
	 */
	static ResolvedPolicy resolve(List<? extends PolicySpec<?>> levels) {
		return new Resolver().resolve(levels);
	}

	@SuppressWarnings("unchecked")
	<T> ResolvedField<T> get(PolicyField<T> field) {
		int index = field.index();
		PolicyLevel level = level(index);
		if (level == null) {
			return field.builtIn();
		}
		return new ResolvedField<>(field, (T) this.values[index], level,
				PolicySpec.propertyPrefix(level, this.serviceId, this.routeId) + "." + field.getName());
	}

	/**
	 * Every resolved field, in the order of {@link PolicyField#all()}.
	 */
	List<ResolvedField<?>> all() {
		List<ResolvedField<?>> all = new ArrayList<>(FIELD_COUNT);
		for (PolicyField<?> field : PolicyField.all()) {
			all.add(get(field));
		}
		return Collections.unmodifiableList(all);
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T rawValue(PolicyField<T> field) {
		int index = field.index();
		return (level(index) != null) ? (T) this.values[index] : field.getDefaultValue();
	}

	private @Nullable PolicyLevel level(int index) {
		int code = (int) (this.levels >>> (index * BITS_PER_FIELD)) & ((1 << BITS_PER_FIELD) - 1);
		return (code != 0) ? LEVELS[code - 1] : null;
	}

	private static long levelCode(PolicyLevel level, int index) {
		int code = Arrays.asList(LEVELS).indexOf(level) + 1;
		if (code == 0) {
			throw new IllegalArgumentException("No field is set by the " + level + " level");
		}
		return (long) code << (index * BITS_PER_FIELD);
	}

	/**
	 * The value of a field that has a built-in default, so that it always has a value.
	 */
	<T> T value(PolicyField<T> field) {
		T value = rawValue(field);
		if (value == null) {
			throw new IllegalStateException("Policy field " + field + " has no built-in default");
		}
		return value;
	}

	<T> @Nullable T valueOrNull(PolicyField<T> field) {
		return rawValue(field);
	}

	boolean isTrue(PolicyField<Boolean> field) {
		return value(field);
	}

	/**
	 * Resolves the policies of one build, sharing what equal inputs give: a policy whose
	 * fields are each set by the same level as another's (a route that sets none of them
	 * resolves like its service) gets the same resolved policy. The key is the level that
	 * sets each field, compared by identity: two levels that set equal values still
	 * differ in where the values come from.
	 */
	static final class Resolver {

		private final Map<List<PolicySpec<?>>, ResolvedPolicy> policies = new HashMap<>();

		ResolvedPolicy resolve(List<? extends PolicySpec<?>> levels) {
			@Nullable PolicySpec<?>[] setBy = new PolicySpec<?>[FIELD_COUNT];
			for (PolicyField<?> field : PolicyField.all()) {
				setBy[field.index()] = settingLevel(field, levels);
			}
			// PolicySpec keeps Object's identity equality, so the list compares levels by
			// identity.
			return this.policies.computeIfAbsent(Arrays.asList(setBy), (key) -> newPolicy(setBy));
		}

		private ResolvedPolicy newPolicy(@Nullable PolicySpec<?>[] setBy) {
			@Nullable Object[] values = new Object[FIELD_COUNT];
			long levels = 0;
			@Nullable String serviceId = null;
			@Nullable String routeId = null;
			for (PolicyField<?> field : PolicyField.all()) {
				PolicySpec<?> level = setBy[field.index()];
				if (level != null) {
					values[field.index()] = level.get(field);
					levels |= levelCode(level.getLevel(), field.index());
					// The levels are those of one scope: one service and one route at
					// most.
					if (level instanceof ServiceSpec service) {
						serviceId = service.getId();
					}
					else if (level instanceof RouteSpec route) {
						serviceId = route.getServiceId();
						routeId = route.getId();
					}
				}
			}
			return new ResolvedPolicy(values, levels, serviceId, routeId);
		}

		private static @Nullable PolicySpec<?> settingLevel(PolicyField<?> field,
				List<? extends PolicySpec<?>> levels) {
			for (PolicySpec<?> level : levels) {
				if (level.get(field) != null) {
					return level;
				}
			}
			return null;
		}

	}

}
