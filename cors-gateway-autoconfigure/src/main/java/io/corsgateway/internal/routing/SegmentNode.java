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

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A node of the segment tree of a {@link PathPatternIndex}: the entries of the patterns
 * that end here, its literal children by segment and its variable child. The
 * {@link PathPatternIndexCompiler} fills it while the index is built; afterwards it is
 * only read.
 *
 * @param <T> the type of indexed values
 * @author cors-gateway authors
 */
@SuppressWarnings("unchecked")
final class SegmentNode<T> {

	@SuppressWarnings("rawtypes")
	static final IndexEntry[] NO_ENTRIES = new IndexEntry[0];

	// Entries of the patterns that end exactly at this node, of those that match any
	// rest of the path (a trailing /**), and of those whose pattern must confirm the
	// match; each array sorted by rank.
	IndexEntry<T>[] exactEntries = NO_ENTRIES;

	IndexEntry<T>[] prefixEntries = NO_ENTRIES;

	IndexEntry<T>[] confirmedEntries = NO_ENTRIES;

	// Literal children while the index is built; compact() publishes them in the
	// fields below, which lookups read.
	private @Nullable Map<String, SegmentNode<T>> addedLiteralChildren;

	// Most nodes have a single literal child (a service's own prefix), which needs no
	// map.
	private @Nullable String onlyLiteral;

	private @Nullable SegmentNode<T> onlyLiteralChild;

	private @Nullable Map<String, SegmentNode<T>> literalChildren;

	@Nullable SegmentNode<T> variableChild;

	@Nullable SegmentNode<T> literalChild(String literal) {
		if (this.onlyLiteral != null) {
			return this.onlyLiteral.equals(literal) ? this.onlyLiteralChild : null;
		}
		return (this.literalChildren != null) ? this.literalChildren.get(literal) : null;
	}

	SegmentNode<T> addLiteralChild(String literal) {
		if (this.addedLiteralChildren == null) {
			this.addedLiteralChildren = new HashMap<>();
		}
		return this.addedLiteralChildren.computeIfAbsent(literal, (key) -> new SegmentNode<>());
	}

	SegmentNode<T> addVariableChild() {
		if (this.variableChild == null) {
			this.variableChild = new SegmentNode<>();
		}
		return this.variableChild;
	}

	void compact() {
		Map<String, SegmentNode<T>> added = this.addedLiteralChildren;
		if (added != null) {
			added.values().forEach(SegmentNode::compact);
			if (added.size() == 1) {
				Map.Entry<String, SegmentNode<T>> only = added.entrySet().iterator().next();
				this.onlyLiteral = only.getKey();
				this.onlyLiteralChild = only.getValue();
			}
			else {
				this.literalChildren = Map.copyOf(added);
			}
			this.addedLiteralChildren = null;
		}
		if (this.variableChild != null) {
			this.variableChild.compact();
		}
	}

}
