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

/**
 * The level of the configuration that set the value of a policy field, from the most
 * specific to the least: a field takes the value of the most specific level that sets it.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 * @see ResolvedField
 */
public enum PolicyLevel {

	/** A route of a service: {@code cors.services.<id>.routes.<route-id>}. */
	ROUTE,

	/** A service: {@code cors.services.<id>}. */
	SERVICE,

	/** The defaults every service and route inherit: {@code cors.defaults}. */
	DEFAULTS,

	/** No level sets the field: its built-in default applies. */
	BUILT_IN

}
