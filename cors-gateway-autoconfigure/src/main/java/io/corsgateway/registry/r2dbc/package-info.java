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
/**
 * A {@link io.corsgateway.registry.CorsApplicationRegistry} over R2DBC:
 * {@link io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry} reads the
 * applications from a table that every gateway instance of a fleet shares, and polls it
 * for changes. The table's schema is the script
 * {@code io/corsgateway/registry/r2dbc/schema.sql} on the classpath.
 */
@NullMarked
package io.corsgateway.registry.r2dbc;

import org.jspecify.annotations.NullMarked;
