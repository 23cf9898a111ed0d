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

import java.util.List;
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

	// Most nodes have a single literal child (a service's own prefix), which needs no
	// map. The children a build collects are held by the compiler, not here: a node keeps
	// only what lookups read.
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

	/**
	 * Publish the literal children a build collected for this node.
	 * @param children the children by segment, not empty
	 */
	void setLiteralChildren(Map<String, SegmentNode<T>> children) {
		if (children.size() == 1) {
			Map.Entry<String, SegmentNode<T>> only = children.entrySet().iterator().next();
			this.onlyLiteral = only.getKey();
			this.onlyLiteralChild = only.getValue();
		}
		else {
			this.literalChildren = Map.copyOf(children);
		}
	}

	/**
	 * The segments of this node's literal children, in no particular order.
	 * @return the segments, the very instances the node holds
	 */
	List<String> literalSegments() {
		if (this.onlyLiteral != null) {
			return List.of(this.onlyLiteral);
		}
		return (this.literalChildren != null) ? List.copyOf(this.literalChildren.keySet()) : List.of();
	}

}
