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
 * The compiled route index: path patterns and hosts to values, without a linear scan.
 * <p>
 * Internal: these types are implementation details of {@code io.corsgateway.policy}, not
 * API. They are public only so that other packages of this project can use them, and may
 * change or disappear in any release.
 */
@NullMarked
package io.corsgateway.internal.routing;

import org.jspecify.annotations.NullMarked;
