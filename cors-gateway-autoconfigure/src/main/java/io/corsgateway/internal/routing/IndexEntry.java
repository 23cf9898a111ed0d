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
package io.corsgateway.internal.routing;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.pattern.PathPattern;

/**
 * A pattern of a {@link PathPatternIndex} where its {@link SegmentNode} holds it: its
 * value and its rank (lower is more specific). The pattern is kept only where a lookup
 * may need it to confirm a match.
 *
 * @param <T> the type of the value
 * @param pattern the pattern, or {@code null} when the tree alone decides
 * @param value the indexed value
 * @param rank the position in specificity order
 * @author cors-gateway authors
 */
record IndexEntry<T>(@Nullable PathPattern pattern, T value, int rank) {

}
