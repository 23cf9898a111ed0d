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
 * Integrations with Spring Boot Actuator, its health support and Micrometer: the
 * {@code cors} endpoint, which shows the policies in force and answers what a request
 * would get; the {@code cors} health indicator, which reports a failed reload; the
 * {@code cors.requests} counter; and the {@code cors.reloads} counter and
 * {@code cors.reload.failing} gauge. Each is used only when its library is on the class
 * path.
 */
@NullMarked
package io.corsgateway.actuate;

import org.jspecify.annotations.NullMarked;
