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
 * One origin a compiled policy allows, with where it was written, so that a check of the
 * compiled policy can name the property to fix even when the origin came from an origin
 * set or an application.
 *
 * @param value the origin as configured
 * @param property the property the value is written at, such as
 * {@code cors.services.orders.allowed-origins[0]} or {@code cors.origin-sets.partners[2]}
 * @param reference the {@code set:} entry that brought the value in, such as
 * {@code cors.services.orders.allowed-origins[1]}, or {@code null} when the value is
 * written where it applies
 * @author cors-gateway authors
 */
record OriginEntry(String value, String property, @Nullable String reference) {

}
