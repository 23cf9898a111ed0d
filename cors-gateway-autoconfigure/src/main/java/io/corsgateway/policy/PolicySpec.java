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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The policy fields that every level of the configuration carries (defaults, service and
 * route). A {@code null} field inherits the value of the enclosing level; a set value,
 * lists included, replaces it. Values are stored by {@link PolicyField}, read with
 * {@link #get(PolicyField)} and set with {@link #set(PolicyField, Object)} or one of the
 * typed shorthands.
 *
 * @param <S> the concrete type returned by the fluent setters
 * @author cors-gateway authors
 * @since 0.1.0
 */
public abstract class PolicySpec<S extends PolicySpec<S>> {

	private final String propertyPrefix;

	private final PolicyLevel level;

	private final Map<PolicyField<?>, Object> values = new HashMap<>();

	PolicySpec(String propertyPrefix, PolicyLevel level) {
		this.propertyPrefix = propertyPrefix;
		this.level = level;
	}

	/**
	 * The property prefix of a level, as {@link #getPropertyPrefix()} returns it: built
	 * from the ids where it is needed, so that what is kept after the build holds the ids
	 * only.
	 * @param level the level, not {@link PolicyLevel#BUILT_IN}
	 * @param serviceId the id of the service, for a service or route level
	 * @param routeId the id of the route, for a route level
	 * @return the property prefix
	 */
	static String propertyPrefix(PolicyLevel level, @Nullable String serviceId, @Nullable String routeId) {
		return switch (level) {
			case DEFAULTS -> "cors.defaults";
			case SERVICE -> "cors.services." + serviceId;
			case ROUTE -> "cors.services." + serviceId + ".routes." + routeId;
			case BUILT_IN -> throw new IllegalArgumentException("The built-in level has no property prefix");
		};
	}

	/**
	 * The property path this level is configured under, such as
	 * {@code cors.services.orders}; validation errors name fields relative to it.
	 * @return the property prefix of this level
	 */
	public String getPropertyPrefix() {
		return this.propertyPrefix;
	}

	/**
	 * The level this spec configures: the defaults, a service or a route.
	 * @return the level, never {@link PolicyLevel#BUILT_IN}
	 */
	public PolicyLevel getLevel() {
		return this.level;
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	/**
	 * Set a policy field; the typed setters such as {@link #allowedOrigins(List)} are
	 * shorthands for this method.
	 * @param <T> the type of the field's value
	 * @param field the field
	 * @param value the value, or {@code null} to inherit; a list is copied
	 * @return this spec
	 */
	public <T> S set(PolicyField<T> field, @Nullable T value) {
		Assert.notNull(field, "'field' must not be null");
		T accepted = field.cast(value);
		if (accepted != null) {
			this.values.put(field, accepted);
		}
		else {
			this.values.remove(field);
		}
		return self();
	}

	/**
	 * The value this level sets for a policy field.
	 * @param <T> the type of the field's value
	 * @param field the field
	 * @return the value, or {@code null} when this level inherits it
	 */
	public <T> @Nullable T get(PolicyField<T> field) {
		return field.getType().cast(this.values.get(field));
	}

	/**
	 * Set whether CORS processing applies to this scope; {@code false} leaves requests
	 * and responses of the scope untouched.
	 * @param enabled whether CORS processing applies, or {@code null} to inherit
	 * @return this spec
	 */
	public S enabled(@Nullable Boolean enabled) {
		return set(PolicyField.ENABLED, enabled);
	}

	/**
	 * Set the allowed origins: exact serialized origins, {@code *}, subdomain wildcards
	 * such as {@code https://*.example.com}, port wildcards such as
	 * {@code http://localhost:*}, or the literal {@code null}.
	 * @param origins the allowed origins, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowedOrigins(@Nullable List<String> origins) {
		return set(PolicyField.ALLOWED_ORIGINS, origins);
	}

	/**
	 * Varargs form of {@link #allowedOrigins(List)}.
	 * @param origins the allowed origins
	 * @return this spec
	 */
	public S allowedOrigins(String... origins) {
		return allowedOrigins(Arrays.asList(origins));
	}

	/**
	 * Set regular expressions (RE2J syntax) that an origin must match as a whole.
	 * @param patterns the origin patterns, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowedOriginPatterns(@Nullable List<String> patterns) {
		return set(PolicyField.ALLOWED_ORIGIN_PATTERNS, patterns);
	}

	/**
	 * Varargs form of {@link #allowedOriginPatterns(List)}.
	 * @param patterns the origin patterns
	 * @return this spec
	 */
	public S allowedOriginPatterns(String... patterns) {
		return allowedOriginPatterns(Arrays.asList(patterns));
	}

	/**
	 * Set the allowed methods, compared case-sensitively, or {@code *}.
	 * @param methods the allowed methods, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowedMethods(@Nullable List<String> methods) {
		return set(PolicyField.ALLOWED_METHODS, methods);
	}

	/**
	 * Varargs form of {@link #allowedMethods(List)}.
	 * @param methods the allowed methods
	 * @return this spec
	 */
	public S allowedMethods(String... methods) {
		return allowedMethods(Arrays.asList(methods));
	}

	/**
	 * Set the request header names a preflight may ask for, compared case-insensitively,
	 * or {@code *}.
	 * @param headers the allowed header names, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowedHeaders(@Nullable List<String> headers) {
		return set(PolicyField.ALLOWED_HEADERS, headers);
	}

	/**
	 * Varargs form of {@link #allowedHeaders(List)}.
	 * @param headers the allowed header names
	 * @return this spec
	 */
	public S allowedHeaders(String... headers) {
		return allowedHeaders(Arrays.asList(headers));
	}

	/**
	 * Set the response header names scripts may read, or {@code *}.
	 * @param headers the exposed header names, or {@code null} to inherit
	 * @return this spec
	 */
	public S exposedHeaders(@Nullable List<String> headers) {
		return set(PolicyField.EXPOSED_HEADERS, headers);
	}

	/**
	 * Varargs form of {@link #exposedHeaders(List)}.
	 * @param headers the exposed header names
	 * @return this spec
	 */
	public S exposedHeaders(String... headers) {
		return exposedHeaders(Arrays.asList(headers));
	}

	/**
	 * Set the presets whose methods and headers are added to this scope's own lists.
	 * @param presets the preset names, such as {@code mcp}, or {@code null} to inherit
	 * @return this spec
	 * @see CorsPreset
	 */
	public S presets(@Nullable List<String> presets) {
		return set(PolicyField.PRESETS, presets);
	}

	/**
	 * Set the presets whose methods and headers are added to this scope's own lists.
	 * @param presets the preset names, such as {@code mcp}
	 * @return this spec
	 * @see CorsPreset
	 */
	public S presets(String... presets) {
		return presets(Arrays.asList(presets));
	}

	/**
	 * Set whether credentialed requests are allowed.
	 * @param allowCredentials whether to send
	 * {@code Access-Control-Allow-Credentials: true}, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowCredentials(@Nullable Boolean allowCredentials) {
		return set(PolicyField.ALLOW_CREDENTIALS, allowCredentials);
	}

	/**
	 * Set whether plain {@code http://} origins other than loopback may be combined with
	 * credentials, which lets anyone on the network path read credentialed responses.
	 * @param allowInsecureOrigins whether to accept insecure credentialed origins, or
	 * {@code null} to inherit
	 * @return this spec
	 */
	public S allowInsecureOrigins(@Nullable Boolean allowInsecureOrigins) {
		return set(PolicyField.ALLOW_INSECURE_ORIGINS, allowInsecureOrigins);
	}

	/**
	 * Set how long browsers may cache a preflight answer; {@code -1} seconds disables
	 * caching and sends {@code 0}.
	 * @param maxAge the preflight cache duration, or {@code null} to inherit
	 * @return this spec
	 */
	public S maxAge(@Nullable Duration maxAge) {
		return set(PolicyField.MAX_AGE, maxAge);
	}

	/**
	 * Set whether an allowed preflight continues down the filter chain to the handler,
	 * with CORS headers applied, instead of being answered by the filter.
	 * @param preflightContinue whether preflights reach the handler, or {@code null} to
	 * inherit
	 * @return this spec
	 */
	public S preflightContinue(@Nullable Boolean preflightContinue) {
		return set(PolicyField.PREFLIGHT_CONTINUE, preflightContinue);
	}

	/**
	 * Set the status of a successful preflight answered by the filter: 200 or 204.
	 * @param preflightStatus the status code, or {@code null} to inherit
	 * @return this spec
	 */
	public S preflightStatus(@Nullable Integer preflightStatus) {
		return set(PolicyField.PREFLIGHT_STATUS, preflightStatus);
	}

	/**
	 * Set whether an actual request from a disallowed origin is answered with 403 instead
	 * of reaching the handler without CORS headers.
	 * @param rejectDisallowedOrigins whether to reject such requests, or {@code null} to
	 * inherit
	 * @return this spec
	 */
	public S rejectDisallowedOrigins(@Nullable Boolean rejectDisallowedOrigins) {
		return set(PolicyField.REJECT_DISALLOWED_ORIGINS, rejectDisallowedOrigins);
	}

	/**
	 * Set whether a WebSocket handshake from an origin the scope does not allow is
	 * refused with 403 before the upgrade.
	 * @param websocketOriginCheck whether to check handshakes, or {@code null} to inherit
	 * @return this spec
	 */
	public S websocketOriginCheck(@Nullable Boolean websocketOriginCheck) {
		return set(PolicyField.WEBSOCKET_ORIGIN_CHECK, websocketOriginCheck);
	}

	/**
	 * Set whether allowed actual responses carry {@code Timing-Allow-Origin}.
	 * @param timingAllowOrigin whether to send it, or {@code null} to inherit
	 * @return this spec
	 */
	public S timingAllowOrigin(@Nullable Boolean timingAllowOrigin) {
		return set(PolicyField.TIMING_ALLOW_ORIGIN, timingAllowOrigin);
	}

	/**
	 * Set whether an allowed preflight asking for private network access is answered with
	 * {@code Access-Control-Allow-Private-Network: true}.
	 * @param allowPrivateNetwork whether to allow it, or {@code null} to inherit
	 * @return this spec
	 */
	public S allowPrivateNetwork(@Nullable Boolean allowPrivateNetwork) {
		return set(PolicyField.ALLOW_PRIVATE_NETWORK, allowPrivateNetwork);
	}

	/**
	 * Set whether the scope's decisions are only computed, logged and counted, never
	 * enforced.
	 * @param reportOnly whether to report only, or {@code null} to inherit
	 * @return this spec
	 */
	public S reportOnly(@Nullable Boolean reportOnly) {
		return set(PolicyField.REPORT_ONLY, reportOnly);
	}

}
