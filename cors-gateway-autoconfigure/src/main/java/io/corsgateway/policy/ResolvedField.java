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

import org.jspecify.annotations.Nullable;

/**
 * The value a policy field resolved to in one policy, and where it came from: the level
 * that set it and the property path it was set with. This is what diagnostics show to
 * explain a policy after inheritance.
 *
 * @param <T> the type of the field's value
 * @param field the field
 * @param value the value, {@code null} only when no level sets a field whose built-in
 * default is absent (such as {@code max-age})
 * @param level the most specific level that sets the field, or
 * {@link PolicyLevel#BUILT_IN} when none does
 * @param property the property path that set the value, such as
 * {@code cors.services.orders.allowed-origins}, or {@code null} for a built-in default;
 * for policies built in code it is the path the builder call stands for
 * @author cors-gateway authors
 * @since 0.1.0
 * @see CorsPolicy#getResolvedField(PolicyField)
 */
public record ResolvedField<T>(PolicyField<T> field, @Nullable T value, PolicyLevel level, @Nullable String property) {

	/**
	 * Where the value came from, as error messages name it: the property path, or "the
	 * built-in default of ..." when no level set it.
	 */
	String source() {
		return (this.property != null) ? this.property : "the built-in default of " + this.field.getName();
	}

}
