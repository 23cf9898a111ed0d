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
 * HTTP syntax in one place: default ports, port parsing, host grammar, RFC 9110 tokens,
 * forbidden methods, serialized origins, comma-separated lists and ASCII case folding,
 * shared by configuration validation and request evaluation so that the two cannot
 * disagree.
 * <p>
 * Internal: these types are implementation details of the policies, the route index and
 * the filter, not API. They are public only so that other packages of this project can
 * use them, and may change or disappear in any release.
 */
@NullMarked
package io.corsgateway.internal.http;

import org.jspecify.annotations.NullMarked;
