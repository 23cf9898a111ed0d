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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The value of every {@link PolicyField} for one scope, each resolved on its own from the
 * most specific level that sets it, with the level and the property that set it. The
 * compiled {@link CorsPolicy} keeps it, so that diagnostics can show where each value
 * came from.
 *
 * @author cors-gateway authors
 */
final class ResolvedPolicy {

	private final Map<PolicyField<?>, ResolvedField<?>> fields = new IdentityHashMap<>();

	private final List<ResolvedField<?>> all;

	private ResolvedPolicy(List<? extends PolicySpec<?>> levels) {
		List<ResolvedField<?>> all = new ArrayList<>(PolicyField.all().size());
		for (PolicyField<?> field : PolicyField.all()) {
			ResolvedField<?> resolved = field.resolve(levels);
			this.fields.put(field, resolved);
			all.add(resolved);
		}
		this.all = Collections.unmodifiableList(all);
	}

	/**
	 * Resolve every field from the given levels.
	 * @param levels the levels, most specific first, ending with the defaults
	 * @return the resolved fields
	 */
	static ResolvedPolicy resolve(List<? extends PolicySpec<?>> levels) {
		return new ResolvedPolicy(levels);
	}

	@SuppressWarnings("unchecked")
	<T> ResolvedField<T> get(PolicyField<T> field) {
		return (ResolvedField<T>) this.fields.get(field);
	}

	/**
	 * Every resolved field, in the order of {@link PolicyField#all()}.
	 */
	List<ResolvedField<?>> all() {
		return this.all;
	}

	/**
	 * The value of a field that has a built-in default, so that it always has a value.
	 */
	<T> T value(PolicyField<T> field) {
		T value = get(field).value();
		if (value == null) {
			throw new IllegalStateException("Policy field " + field + " has no built-in default");
		}
		return value;
	}

	<T> @Nullable T valueOrNull(PolicyField<T> field) {
		return get(field).value();
	}

	boolean isTrue(PolicyField<Boolean> field) {
		return value(field);
	}

}
