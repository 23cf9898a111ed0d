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

import java.util.Locale;

/**
 * The name Spring Boot's relaxed binding reads a service or route id as: ids that differ
 * only in case or {@code -} share one key. An environment variable can only spell this
 * form, so CORS_SERVICES_ORDERAPI_ALLOWEDORIGINS adds a service {@code orderapi} next to
 * a declared {@code orderApi}, which then shadows it.
 *
 * @param value the lower-case id without {@code -}
 * @author cors-gateway authors
 */
record BindingKey(String value) {

	// Folded as Spring Boot's binder folds names (ids may hold any letters), not with
	// the ASCII-only folding of request values: keys collide exactly when names do.
	static BindingKey of(String id) {
		return new BindingKey(id.toLowerCase(Locale.ROOT).replace("-", ""));
	}

	/**
	 * The key as an environment variable spells it.
	 * @return the upper-case key
	 */
	String environmentForm() {
		return this.value.toUpperCase(Locale.ROOT);
	}

}
