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

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One policy field, described once: its property name, its value type, its built-in
 * default, how it resolves and how its value is checked. Binding, mapping, resolution,
 * validation, unknown-key detection and the configuration reference all read these
 * descriptors, so that a field cannot be half-added.
 * <p>
 * Every field resolves the same way: the most specific level that sets it wins (route,
 * then service, then defaults, then the built-in default); a set list replaces the
 * inherited one and is never merged with it. Checks that combine several fields, such as
 * credentials with a {@code *} origin, belong to the policy, not to a field.
 *
 * @param <T> the type of the field's value
 * @author cors-gateway authors
 * @since 0.1.0
 * @see PolicySpec#set(PolicyField, Object)
 */
public final class PolicyField<T> {

	/** Whether CORS processing applies to the scope. */
	public static final PolicyField<Boolean> ENABLED = new PolicyField<>("enabled", Boolean.class, null, true,
			FieldChecks::none);

	/** The allowed origins, in the forms {@code allowed-origins} accepts. */
	public static final PolicyField<List<String>> ALLOWED_ORIGINS = list("allowed-origins", List.of(),
			FieldChecks::origins);

	/** Regular expressions (RE2J syntax) that an origin must match as a whole. */
	public static final PolicyField<List<String>> ALLOWED_ORIGIN_PATTERNS = list("allowed-origin-patterns", List.of(),
			FieldChecks::originPatterns);

	/** The allowed methods, compared case-sensitively, or {@code *}. */
	public static final PolicyField<List<String>> ALLOWED_METHODS = list("allowed-methods",
			List.of("GET", "HEAD", "POST"), FieldChecks::allowedMethods);

	/** The request header names a preflight may ask for, or {@code *}. */
	public static final PolicyField<List<String>> ALLOWED_HEADERS = list("allowed-headers", List.of(),
			FieldChecks::headerNames);

	/** The response header names scripts may read, or {@code *}. */
	public static final PolicyField<List<String>> EXPOSED_HEADERS = list("exposed-headers", List.of(),
			FieldChecks::headerNames);

	/**
	 * Named sets of methods and headers that common clients need, such as {@code mcp},
	 * added to the scope's own allowed methods, allowed headers and exposed headers.
	 * @see CorsPreset
	 */
	public static final PolicyField<List<String>> PRESETS = list("presets", List.of(), FieldChecks::presets);

	/** Whether credentialed requests are allowed. */
	public static final PolicyField<Boolean> ALLOW_CREDENTIALS = new PolicyField<>("allow-credentials", Boolean.class,
			null, false, FieldChecks::none);

	/** Whether plain {@code http://} origins may be combined with credentials. */
	public static final PolicyField<Boolean> ALLOW_INSECURE_ORIGINS = new PolicyField<>("allow-insecure-origins",
			Boolean.class, null, false, FieldChecks::none);

	/** How long browsers may cache a preflight answer; unset omits the header. */
	public static final PolicyField<Duration> MAX_AGE = new PolicyField<>("max-age", Duration.class, null, null,
			FieldChecks::maxAge);

	/** Whether an allowed preflight continues down the filter chain. */
	public static final PolicyField<Boolean> PREFLIGHT_CONTINUE = new PolicyField<>("preflight-continue", Boolean.class,
			null, false, FieldChecks::none);

	/** The status of a successful preflight answered by the filter. */
	public static final PolicyField<Integer> PREFLIGHT_STATUS = new PolicyField<>("preflight-status", Integer.class,
			null, 204, FieldChecks::preflightStatus);

	/** Whether an actual request from a disallowed origin is answered with 403. */
	public static final PolicyField<Boolean> REJECT_DISALLOWED_ORIGINS = new PolicyField<>("reject-disallowed-origins",
			Boolean.class, null, true, FieldChecks::none);

	/**
	 * Whether a WebSocket handshake from an origin the scope does not allow is refused
	 * with 403 before the upgrade. Browsers apply no CORS to WebSocket, so without this
	 * check any site could open a connection carrying the user's cookies.
	 */
	public static final PolicyField<Boolean> WEBSOCKET_ORIGIN_CHECK = new PolicyField<>("websocket-origin-check",
			Boolean.class, null, true, FieldChecks::none);

	/**
	 * Whether allowed actual responses carry {@code Timing-Allow-Origin}, so that the
	 * allowed origin's pages can read the Resource Timing details of the response.
	 */
	public static final PolicyField<Boolean> TIMING_ALLOW_ORIGIN = new PolicyField<>("timing-allow-origin",
			Boolean.class, null, false, FieldChecks::none);

	/**
	 * Whether an allowed preflight that asks for private network access (Private Network
	 * Access, {@code Access-Control-Request-Private-Network: true}) is answered with
	 * {@code Access-Control-Allow-Private-Network: true}.
	 */
	public static final PolicyField<Boolean> ALLOW_PRIVATE_NETWORK = new PolicyField<>("allow-private-network",
			Boolean.class, null, false, FieldChecks::none);

	/**
	 * Whether decisions are only computed, logged and counted, never enforced: no CORS
	 * decision rejects a request and no header is added, removed or changed. A path the
	 * filter refuses as ambiguous before any policy is chosen is still refused.
	 */
	public static final PolicyField<Boolean> REPORT_ONLY = new PolicyField<>("report-only", Boolean.class, null, false,
			FieldChecks::reportOnly);

	private static final List<PolicyField<?>> ALL = List.of(ENABLED, ALLOWED_ORIGINS, ALLOWED_ORIGIN_PATTERNS,
			ALLOWED_METHODS, ALLOWED_HEADERS, EXPOSED_HEADERS, PRESETS, ALLOW_CREDENTIALS, ALLOW_INSECURE_ORIGINS,
			MAX_AGE, PREFLIGHT_CONTINUE, PREFLIGHT_STATUS, REJECT_DISALLOWED_ORIGINS, WEBSOCKET_ORIGIN_CHECK,
			TIMING_ALLOW_ORIGIN, ALLOW_PRIVATE_NETWORK, REPORT_ONLY);

	static {
		for (int i = 0; i < ALL.size(); i++) {
			ALL.get(i).index = i;
		}
	}

	private final String name;

	private final Class<T> type;

	private final @Nullable Class<?> elementType;

	private final @Nullable T defaultValue;

	private final Check<T> check;

	// Every policy that no level sets this field for resolves it to this one value.
	private final ResolvedField<T> builtIn;

	// Set once, when the class is initialized, to the position in ALL.
	private int index = -1;

	private PolicyField(String name, Class<T> type, @Nullable Class<?> elementType, @Nullable T defaultValue,
			Check<T> check) {
		this.name = name;
		this.type = type;
		this.elementType = elementType;
		this.defaultValue = defaultValue;
		this.check = check;
		this.builtIn = new ResolvedField<>(this, defaultValue, PolicyLevel.BUILT_IN, null);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PolicyField<List<String>> list(String name, List<String> defaultValue, Check<List<String>> check) {
		return new PolicyField<>(name, (Class<List<String>>) (Class) List.class, String.class, defaultValue, check);
	}

	/**
	 * Every policy field, in the order the configuration reference lists them.
	 * @return the policy fields
	 */
	public static List<PolicyField<?>> all() {
		return ALL;
	}

	/**
	 * The property name of the field at every level, in kebab case, such as
	 * {@code allowed-origins}.
	 * @return the property name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The type of the field's value, {@link List} for list fields.
	 * @return the value type
	 */
	public Class<T> getType() {
		return this.type;
	}

	/**
	 * The type of the elements of a list field.
	 * @return the element type, or {@code null} when the field is not a list
	 */
	public @Nullable Class<?> getElementType() {
		return this.elementType;
	}

	/**
	 * The simple name of the value type as the configuration reference writes it, such as
	 * {@code List<String>} or {@code Duration}.
	 * @return the type name
	 */
	public String getTypeName() {
		String simpleName = this.type.getSimpleName();
		return (this.elementType != null) ? simpleName + "<" + this.elementType.getSimpleName() + ">" : simpleName;
	}

	/**
	 * The built-in default, which applies when no level sets the field.
	 * @return the built-in default, or {@code null} when an unset field means "absent"
	 */
	public @Nullable T getDefaultValue() {
		return this.defaultValue;
	}

	/**
	 * Check that a value fits this field and return it in the form specs store: lists are
	 * copied into immutable lists.
	 * @param value the value, such as one read from a bound properties object
	 * @return the value, or {@code null} when the given value is {@code null}
	 * @throws IllegalArgumentException when the value is not of the field's type
	 */
	@SuppressWarnings("unchecked")
	public @Nullable T cast(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (!this.type.isInstance(value)) {
			throw new IllegalArgumentException("A value of " + this.name + " must be a " + getTypeName() + ", not a "
					+ value.getClass().getName() + ".");
		}
		if (this.elementType != null) {
			List<?> copy = List.copyOf((List<?>) value);
			for (Object element : copy) {
				if (!this.elementType.isInstance(element)) {
					throw new IllegalArgumentException("A value of " + this.name + " must be a " + getTypeName()
							+ ", not a list holding a " + element.getClass().getName() + ".");
				}
			}
			return (T) copy;
		}
		return (T) value;
	}

	/**
	 * The resolved field of every policy that no level sets this field for: shared, since
	 * a large configuration would otherwise hold one per policy and field.
	 * @return the built-in default with its provenance
	 */
	ResolvedField<T> builtIn() {
		return this.builtIn;
	}

	/**
	 * The position of this field in {@link #all()}, for arrays indexed by field.
	 * @return the index
	 */
	int index() {
		return this.index;
	}

	/**
	 * Check the value that one level sets, on its own.
	 * @param prefix the property prefix of the level, such as
	 * {@code cors.services.orders}
	 * @param value the value the level sets
	 * @param errors collects what the check finds
	 */
	void check(String prefix, T value, PolicyErrors errors) {
		this.check.check(prefix + "." + this.name, value, errors);
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * The check of one field value: a function of the property path, the value and the
	 * error collector.
	 *
	 * @param <T> the type of the value
	 */
	@FunctionalInterface
	interface Check<T> {

		void check(String property, T value, PolicyErrors errors);

	}

}
