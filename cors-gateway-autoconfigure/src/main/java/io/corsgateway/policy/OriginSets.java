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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The origin sets of one build: named lists of origins that any scope's
 * {@code allowed-origins} and any application reference as {@code set:<name>}. The sets
 * are checked once, and each reference is replaced by the set's members when a policy is
 * compiled, so that requests never look a set up. A reference cannot be an origin: it has
 * no {@code ://} and is neither {@code *} nor {@code null}.
 *
 * @author cors-gateway authors
 */
final class OriginSets {

	/** What starts a reference to an origin set in a list of origins. */
	static final String REFERENCE_PREFIX = "set:";

	/** The property the sets are configured under. */
	static final String PROPERTY = "cors.origin-sets";

	private final Map<String, List<String>> configured;

	private final Map<String, List<OriginEntry>> members;

	// Filled while the build references sets, so that a set nothing references can be
	// reported at the end of the build.
	private final Set<String> referenced = new HashSet<>();

	private OriginSets(Map<String, List<String>> configured, Map<String, List<OriginEntry>> members) {
		this.configured = configured;
		this.members = members;
	}

	/**
	 * Check the given sets: each name is an id, and each member is an origin in the forms
	 * {@code allowed-origins} accepts, except {@code *}, {@code null} and another
	 * reference, because a set names front ends one by one.
	 * @param sets the sets by name, in declaration order
	 * @param errors collects what the checks find
	 * @return the checked sets, holding the valid members only
	 */
	static OriginSets compile(Map<String, List<String>> sets, PolicyErrors errors) {
		Map<String, List<String>> configured = new LinkedHashMap<>();
		Map<String, List<OriginEntry>> members = new LinkedHashMap<>();
		sets.forEach((name, origins) -> {
			String property = PROPERTY + "." + name;
			if (!ScopeChecks.isValidId(name)) {
				errors.error(property, name, "An origin set name may contain only letters, digits, '-' and '_', as "
						+ "service ids do; it is referenced as 'set:<name>'. Rename it, for example to 'partners'.");
			}
			List<OriginEntry> valid = new ArrayList<>(origins.size());
			for (int i = 0; i < origins.size(); i++) {
				String origin = origins.get(i);
				String memberProperty = property + "[" + i + "]";
				String refusal = memberRefusal(name, origin);
				if (refusal != null) {
					errors.error(memberProperty, origin, refusal);
				}
				else if (FieldChecks.origin(memberProperty, origin, errors) != null) {
					valid.add(new OriginEntry(origin, memberProperty, null));
				}
			}
			configured.put(name, List.copyOf(origins));
			members.put(name, List.copyOf(valid));
		});
		return new OriginSets(Collections.unmodifiableMap(configured), Collections.unmodifiableMap(members));
	}

	private static @Nullable String memberRefusal(String name, @Nullable String origin) {
		if ("*".equals(origin)) {
			return "An origin set names front ends one by one, and '*' would allow every origin in every scope that "
					+ "references 'set:" + name + "'. Write '*' in the allowed-origins of the scope that is meant "
					+ "to allow any origin, and list origins here.";
		}
		if ("null".equals(origin)) {
			return "'null' is the opaque origin that sandboxed iframes and data: URLs of any site send, so it names "
					+ "no front end and cannot be a member of an origin set. Write 'null' in the allowed-origins of "
					+ "the scope that is meant to allow it.";
		}
		if (isReference(origin)) {
			return "An origin set cannot reference another set. List the origins of '"
					+ origin.substring(REFERENCE_PREFIX.length()) + "' here, or reference both sets from the "
					+ "allowed-origins that need them.";
		}
		return null;
	}

	/**
	 * Whether an entry of a list of origins is a reference to an origin set.
	 * @param origin the entry
	 * @return whether it starts with {@value #REFERENCE_PREFIX}
	 */
	static boolean isReference(@Nullable String origin) {
		return origin != null && origin.startsWith(REFERENCE_PREFIX);
	}

	/**
	 * The name a reference names.
	 * @param reference an entry for which {@link #isReference} is true
	 * @return the set name
	 */
	static String name(String reference) {
		return reference.substring(REFERENCE_PREFIX.length());
	}

	/**
	 * Report each reference of a list of origins that names no set, and note the sets the
	 * others reference.
	 * @param property the property of the list, such as
	 * {@code cors.services.orders.allowed-origins}
	 * @param origins the list
	 * @param errors collects the unknown references
	 */
	void checkReferences(String property, List<String> origins, PolicyErrors errors) {
		for (int i = 0; i < origins.size(); i++) {
			String origin = origins.get(i);
			if (isReference(origin)) {
				String name = name(origin);
				if (this.members.containsKey(name)) {
					this.referenced.add(name);
				}
				else {
					errors.error(property + "[" + i + "]", origin, unknown(name));
				}
			}
		}
	}

	/**
	 * Why a reference to the given name, which names no set, is refused: a sentence that
	 * lists the sets there are.
	 * @param name the name referenced
	 * @return the reason
	 */
	String unknown(String name) {
		if (this.configured.isEmpty()) {
			return "No origin set is defined, so 'set:" + name + "' names nothing. Define the set under " + PROPERTY
					+ "." + name + ", or remove the entry.";
		}
		return "No origin set is named '" + name + "'; the origin sets are " + String.join(", ", quoted())
				+ ". Correct the name, or define the set under " + PROPERTY + "." + name + ".";
	}

	private List<String> quoted() {
		List<String> names = new ArrayList<>(this.configured.size());
		this.configured.keySet().forEach((name) -> names.add("'" + name + "'"));
		return names;
	}

	/**
	 * The valid members of a set.
	 * @param name the set name
	 * @return the members, or {@code null} when no set has this name
	 */
	@Nullable List<OriginEntry> members(String name) {
		return this.members.get(name);
	}

	/**
	 * Note that a set is referenced by something that applies.
	 * @param name the set name
	 */
	void referenced(String name) {
		this.referenced.add(name);
	}

	/**
	 * The origins a list of origins stands for: each entry as itself, and each reference
	 * replaced by the valid members of its set, which name the reference they came
	 * through. A reference to an unknown set stands for nothing; {@link #checkReferences}
	 * reports it.
	 * @param property the property of the list
	 * @param origins the list
	 * @return the origins, in list order
	 */
	List<OriginEntry> expand(String property, List<String> origins) {
		List<OriginEntry> entries = new ArrayList<>(origins.size());
		for (int i = 0; i < origins.size(); i++) {
			String origin = origins.get(i);
			String entryProperty = property + "[" + i + "]";
			if (isReference(origin)) {
				List<OriginEntry> set = this.members.get(name(origin));
				if (set != null) {
					for (OriginEntry member : set) {
						entries.add(new OriginEntry(member.value(), member.property(), entryProperty));
					}
				}
			}
			else {
				entries.add(new OriginEntry(origin, entryProperty, null));
			}
		}
		return entries;
	}

	/**
	 * Whether a list of origins holds a reference, so that it needs expanding.
	 * @param origins the list
	 * @return whether an entry is a reference
	 */
	static boolean hasReference(List<String> origins) {
		for (String origin : origins) {
			if (isReference(origin)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Warn about every set that nothing referenced during the build.
	 * @param errors collects the warnings
	 */
	void reportUnreferenced(PolicyErrors errors) {
		for (String name : this.configured.keySet()) {
			if (!this.referenced.contains(name)) {
				errors.warning(PROPERTY + "." + name, null,
						"No allowed-origins entry and no application that applies references this origin set as "
								+ "'set:" + name + "', so it allows nothing. Reference it, or remove it.");
			}
		}
	}

	/**
	 * The sets as configured, in declaration order.
	 * @return the sets by name
	 */
	Map<String, List<String>> configured() {
		return this.configured;
	}

}
