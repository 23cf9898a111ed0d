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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.HttpSyntax;

import org.springframework.util.Assert;

/**
 * One resolved and compiled CORS policy: everything a request needs is precomputed, so
 * that evaluating a request only looks values up. The getters give the resolved settings
 * as typed values; the header text sent to browsers is rendered once, inside this
 * package.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPolicy {

	/**
	 * Longest {@code Access-Control-Request-Headers} value evaluated; longer ones are
	 * refused.
	 */
	public static final int MAX_REQUEST_HEADERS_LENGTH = 4096;

	/** Most header names one preflight may ask for; more are refused. */
	public static final int MAX_REQUEST_HEADER_COUNT = 64;

	/** Longest method token evaluated. */
	public static final int MAX_METHOD_LENGTH = 32;

	private final String id;

	private final @Nullable String serviceId;

	private final @Nullable String routeId;

	private final boolean enabled;

	private final List<String> allowedOrigins;

	private final List<String> applicationIds;

	private final List<String> allowedMethods;

	private final List<String> allowedHeaders;

	private final List<String> exposedHeaders;

	private final boolean allowCredentials;

	private final boolean rejectDisallowedOrigins;

	private final boolean websocketOriginCheck;

	private final boolean timingAllowOrigin;

	private final boolean allowPrivateNetwork;

	private final boolean reportOnly;

	private final OriginMatcher origins;

	private final Set<String> methods;

	private final boolean anyMethod;

	private final AllowedHeaders headers;

	private final PolicyAnswers answers;

	// What only the build and the diagnostics read (origin patterns, max-age, preflight
	// settings, presets) is read from here rather than kept in a field of its own as
	// well: a large build holds thousands of policies.
	private final ResolvedPolicy resolved;

	CorsPolicy(@Nullable String serviceId, @Nullable String routeId, ResolvedPolicy resolved,
			List<String> allowedOrigins, List<String> applicationIds, PresetLists lists, OriginMatcher origins,
			Set<String> methods, AllowedHeaders headers, UnaryOperator<@Nullable String[]> sharedHeaderValues) {
		this.id = (serviceId == null) ? "defaults" : (routeId == null) ? serviceId : serviceId + "." + routeId;
		this.serviceId = serviceId;
		this.routeId = routeId;
		this.enabled = resolved.isTrue(PolicyField.ENABLED);
		this.allowedOrigins = allowedOrigins;
		this.applicationIds = List.copyOf(applicationIds);
		this.allowedMethods = lists.methods();
		this.allowedHeaders = lists.allowedHeaders();
		this.exposedHeaders = lists.exposedHeaders();
		this.allowCredentials = resolved.isTrue(PolicyField.ALLOW_CREDENTIALS);
		this.rejectDisallowedOrigins = resolved.isTrue(PolicyField.REJECT_DISALLOWED_ORIGINS);
		this.websocketOriginCheck = resolved.isTrue(PolicyField.WEBSOCKET_ORIGIN_CHECK);
		this.timingAllowOrigin = resolved.isTrue(PolicyField.TIMING_ALLOW_ORIGIN);
		this.allowPrivateNetwork = resolved.isTrue(PolicyField.ALLOW_PRIVATE_NETWORK);
		this.reportOnly = resolved.isTrue(PolicyField.REPORT_ONLY);
		this.resolved = resolved;
		this.origins = origins;
		this.methods = methods;
		this.headers = headers;
		// With credentials browsers read a '*' header value literally (Fetch), but the
		// filter never sends one: it names the requested method.
		this.anyMethod = this.allowedMethods.contains("*");
		// Last: the answers read the fields above.
		this.answers = new PolicyAnswers(this, sharedHeaderValues);
	}

	/**
	 * The policy's id: {@code defaults}, a service id, or {@code service.route}.
	 * @return the id used in logs and diagnostics
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * The service this policy belongs to.
	 * @return the service id, or {@code null} for the defaults
	 */
	public @Nullable String getServiceId() {
		return this.serviceId;
	}

	/**
	 * The route this policy belongs to.
	 * @return the route id, or {@code null} for a service's own policy and the defaults
	 */
	public @Nullable String getRouteId() {
		return this.routeId;
	}

	/**
	 * Whether CORS processing applies; a disabled scope is left alone entirely.
	 * @return whether the policy is enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * The origins this policy allows in the forms {@code allowed-origins} accepts: the
	 * scope's own, with each origin set reference ({@code set:<name>}) replaced by the
	 * set's members, then the origins of the applications that apply to the scope, each
	 * origin once. {@link #getResolvedField(PolicyField)
	 * getResolvedField(ALLOWED_ORIGINS)} keeps the value as configured, references
	 * included.
	 * @return the allowed origins, possibly empty
	 */
	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	/**
	 * The ids of the applications whose origins this policy allows, in the order they
	 * were declared or registered: those registered with the policy's service (for the
	 * service's own policy and each of its routes) or with its route.
	 * @return the application ids, empty when none applies
	 */
	public List<String> getApplicationIds() {
		return this.applicationIds;
	}

	/**
	 * The origin patterns (RE2J) an origin may match as a whole.
	 * @return the patterns, possibly empty
	 */
	public List<String> getAllowedOriginPatterns() {
		return this.resolved.value(PolicyField.ALLOWED_ORIGIN_PATTERNS);
	}

	/**
	 * Whether the response to an allowed origin names that origin, so that caches must
	 * key responses on {@code Origin}; {@code false} only in a {@code *} scope.
	 * @return whether responses vary by origin
	 */
	public boolean isOriginDependent() {
		return !this.origins.isAnyOrigin();
	}

	/**
	 * Whether any origin at all can be allowed by this policy.
	 * @return whether some origin is allowed
	 */
	public boolean allowsSomeOrigin() {
		return this.origins.allowsSomeOrigin();
	}

	/**
	 * Whether the request origin is allowed.
	 * @param origin the value of the request's {@code Origin} header
	 * @return whether the origin is allowed
	 */
	public boolean allowsOrigin(String origin) {
		return this.origins.matches(origin);
	}

	/**
	 * The {@code Access-Control-Allow-Origin} value for an allowed origin.
	 */
	String allowOriginValue(String origin) {
		return this.origins.isAnyOrigin() ? "*" : origin;
	}

	/**
	 * The allowed methods as configured ({@code *} included when set), followed by those
	 * the scope's {@linkplain #getPresets() presets} add.
	 * @return the allowed methods
	 */
	public List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	/**
	 * Whether the method, compared case-sensitively, is allowed.
	 * @param method the request method or {@code Access-Control-Request-Method}
	 * @return whether the method is allowed
	 */
	public boolean allowsMethod(String method) {
		// A '*' in allowed-methods is the wildcard, never a method named '*', which the
		// answer would echo as a wildcard.
		if (method.equals("*")) {
			return false;
		}
		if (this.methods.contains(method)) {
			return true;
		}
		// Fetch forbids some methods in any case, so '*' never stands for them.
		return this.anyMethod && method.length() <= MAX_METHOD_LENGTH && HttpSyntax.isToken(method)
				&& !HttpSyntax.isForbiddenMethod(method);
	}

	/**
	 * The request header names a preflight may ask for, as configured ({@code *} included
	 * when set), followed by those the scope's {@linkplain #getPresets() presets} add.
	 * @return the allowed header names
	 */
	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	/**
	 * The response header names scripts may read, as configured, followed by those the
	 * scope's {@linkplain #getPresets() presets} add.
	 * @return the exposed header names, possibly empty
	 */
	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	/**
	 * Whether {@code Access-Control-Allow-Credentials: true} is sent.
	 * @return whether credentials are allowed
	 */
	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	/**
	 * How long browsers may cache a preflight answer; a negative duration is sent as 0.
	 * @return the duration, or {@code null} when the header is omitted
	 */
	public @Nullable Duration getMaxAge() {
		return this.resolved.valueOrNull(PolicyField.MAX_AGE);
	}

	/**
	 * Whether allowed preflights continue to the handler.
	 * @return whether preflights continue
	 */
	public boolean isPreflightContinue() {
		return this.resolved.isTrue(PolicyField.PREFLIGHT_CONTINUE);
	}

	/**
	 * The status of a successful preflight answered by the filter.
	 * @return 200 or 204
	 */
	public int getPreflightStatus() {
		return this.resolved.value(PolicyField.PREFLIGHT_STATUS);
	}

	/**
	 * Whether disallowed actual requests are answered with 403.
	 * @return whether disallowed origins are rejected
	 */
	public boolean isRejectDisallowedOrigins() {
		return this.rejectDisallowedOrigins;
	}

	/**
	 * The presets whose methods and headers this policy adds to its own lists.
	 * @return the presets, in the order configured, possibly empty
	 */
	public List<CorsPreset> getPresets() {
		return PresetLists.presets(this.resolved.value(PolicyField.PRESETS));
	}

	/**
	 * Whether a WebSocket handshake from an origin this policy does not allow is refused
	 * with 403. A policy that allows no origin refuses every cross-origin handshake, and
	 * a {@code *} policy allows every origin.
	 * @return whether handshakes are checked
	 */
	public boolean isWebsocketOriginCheck() {
		return this.websocketOriginCheck;
	}

	/**
	 * Whether allowed actual responses carry {@code Timing-Allow-Origin}.
	 * @return whether the header is sent
	 */
	public boolean isTimingAllowOrigin() {
		return this.timingAllowOrigin;
	}

	/**
	 * Whether an allowed preflight asking for private network access is answered with
	 * {@code Access-Control-Allow-Private-Network: true}.
	 * @return whether private network access is allowed
	 */
	public boolean isAllowPrivateNetwork() {
		return this.allowPrivateNetwork;
	}

	/**
	 * Whether the policy's decisions are only reported (logged and counted), never
	 * enforced: the filter then leaves request and response alone.
	 * @return whether the policy is report-only
	 */
	public boolean isReportOnly() {
		return this.reportOnly;
	}

	/**
	 * The value of a policy field in this policy and where it came from: the level that
	 * set it (route, service, defaults, or the built-in default) and its property path.
	 * The typed getters return the same values, except {@link #getAllowedOrigins()},
	 * which replaces origin set references by the sets' members and adds the origins of
	 * applications, and the method and header lists, which add those of presets.
	 * @param <T> the type of the field's value
	 * @param field the field
	 * @return the resolved field
	 */
	public <T> ResolvedField<T> getResolvedField(PolicyField<T> field) {
		Assert.notNull(field, "'field' must not be null");
		return this.resolved.get(field);
	}

	/**
	 * Every policy field of this policy with the level and property that set it, in the
	 * order of {@link PolicyField#all()}.
	 * @return the resolved fields
	 */
	public List<ResolvedField<?>> getResolvedFields() {
		return this.resolved.all();
	}

	/** What the policy answers that is the same for every request. */
	PolicyAnswers answers() {
		return this.answers;
	}

	/**
	 * Evaluate an {@code Access-Control-Request-Headers} value against the allowed
	 * headers.
	 * @param requested the header value, or {@code null} when absent
	 * @return the value to send as {@code Access-Control-Allow-Headers} (empty when
	 * nothing was requested), or {@code null} when the request must be refused
	 */
	@Nullable String allowedRequestHeaders(@Nullable String requested) {
		return this.headers.allowedRequestHeaders(requested);
	}

	CorsPolicy.Refusal requestHeadersRefusal(String requested) {
		return this.headers.refusal(requested);
	}

	@Override
	public String toString() {
		return "CorsPolicy '" + this.id + "'";
	}

	/**
	 * The method and header lists of a policy with its presets' entries added, each entry
	 * once.
	 */
	record PresetLists(List<CorsPreset> presets, List<String> methods, List<String> allowedHeaders,
			List<String> exposedHeaders) {

		static PresetLists of(ResolvedPolicy policy) {
			List<String> names = policy.value(PolicyField.PRESETS);
			List<String> methods = policy.value(PolicyField.ALLOWED_METHODS);
			List<String> allowedHeaders = policy.value(PolicyField.ALLOWED_HEADERS);
			List<String> exposedHeaders = policy.value(PolicyField.EXPOSED_HEADERS);
			if (names.isEmpty()) {
				return new PresetLists(List.of(), methods, allowedHeaders, exposedHeaders);
			}
			List<CorsPreset> presets = presets(names);
			return new PresetLists(presets, merge(methods, presets, CorsPreset::getMethods, false),
					merge(allowedHeaders, presets, CorsPreset::getAllowedHeaders, true),
					merge(exposedHeaders, presets, CorsPreset::getExposedHeaders, true));
		}

		/**
		 * The presets a policy names, each once, in the order configured.
		 */
		static List<CorsPreset> presets(List<String> names) {
			List<CorsPreset> presets = new ArrayList<>(names.size());
			for (String name : names) {
				CorsPreset preset = CorsPreset.of(name);
				// An unknown name is an error reported by the field's check.
				if (preset != null && !presets.contains(preset)) {
					presets.add(preset);
				}
			}
			return List.copyOf(presets);
		}

		// Methods are compared case-sensitively, as requests are; header names ignoring
		// ASCII case.
		private static List<String> merge(List<String> own, List<CorsPreset> presets,
				Function<CorsPreset, List<String>> entries, boolean ignoreCase) {
			Map<String, String> merged = new LinkedHashMap<>();
			for (String entry : own) {
				merged.putIfAbsent(key(entry, ignoreCase), entry);
			}
			boolean added = false;
			for (CorsPreset preset : presets) {
				for (String entry : entries.apply(preset)) {
					added |= merged.putIfAbsent(key(entry, ignoreCase), entry) == null;
				}
			}
			// The configured list as it is (the checks' indexes refer to it) unless a
			// preset adds to it.
			return added ? List.copyOf(merged.values()) : own;
		}

		private static String key(@Nullable String entry, boolean ignoreCase) {
			return (entry == null) ? "" : ignoreCase ? Ascii.toLowerCase(entry) : entry;
		}

	}

	/**
	 * Why a request was refused, and what the reason is about.
	 */
	record Refusal(DecisionReason reason, @Nullable String detail) {

	}

}
