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
package io.corsgateway.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

/**
 * Policy fields, the same at every level. Unset fields inherit from the enclosing level;
 * a set list replaces the inherited list.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsPolicyProperties {

	/**
	 * Whether CORS processing applies to this scope. When false, requests and responses
	 * of the scope are left untouched. Built-in default: true.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Allowed origins: exact origins such as https://app.example.com, '*', subdomain
	 * wildcards such as https://*.example.com (never the apex), port wildcards such as
	 * http://localhost:*, or the literal 'null'.
	 */
	private @Nullable List<String> allowedOrigins;

	/**
	 * Regular expressions (RE2J syntax) an origin must match as a whole, for example
	 * https://[a-z0-9-]+\.example\.com.
	 */
	private @Nullable List<String> allowedOriginPatterns;

	/**
	 * Allowed methods, compared case-sensitively, or '*': the methods an actual request
	 * may use and a preflight may ask for. With credentials, '*' is answered by naming
	 * the requested method. Built-in default: GET, HEAD, POST.
	 */
	private @Nullable List<String> allowedMethods;

	/**
	 * Request header names a preflight may ask for, compared ignoring case, or '*' (which
	 * never covers Authorization: list it by name). With credentials, '*' is answered by
	 * naming the requested headers.
	 */
	private @Nullable List<String> allowedHeaders;

	/**
	 * Response header names scripts may read, or '*'.
	 */
	private @Nullable List<String> exposedHeaders;

	/**
	 * Presets for common clients, whose methods, request headers and exposed headers are
	 * added to this scope's own lists: 'mcp' (browser-based Model Context Protocol
	 * clients).
	 */
	private @Nullable List<String> presets;

	/**
	 * Whether credentialed requests are allowed (Access-Control-Allow-Credentials: true).
	 * Built-in default: false.
	 */
	private @Nullable Boolean allowCredentials;

	/**
	 * Whether plain http:// origins other than loopback may be combined with credentials,
	 * which exposes credentialed responses to anyone on the network path. Built-in
	 * default: false.
	 */
	private @Nullable Boolean allowInsecureOrigins;

	/**
	 * How long browsers may cache a preflight answer. A bare number means seconds; -1
	 * disables caching and sends 0. Unset: the header is omitted.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration maxAge;

	/**
	 * Whether an allowed preflight goes on down the filter chain to the handler, with
	 * CORS headers applied, instead of being answered by the filter. Built-in default:
	 * false.
	 */
	private @Nullable Boolean preflightContinue;

	/**
	 * Status of a successful preflight answered by the filter: 200 or 204. Built-in
	 * default: 204.
	 */
	private @Nullable Integer preflightStatus;

	/**
	 * Whether an actual request from a disallowed origin, or with a method outside
	 * allowed-methods, is answered with 403 and never reaches the handler. When false it
	 * goes through without CORS headers. Built-in default: true.
	 */
	private @Nullable Boolean rejectDisallowedOrigins;

	/**
	 * Whether a WebSocket handshake whose Origin the scope does not allow is refused with
	 * 403 before the upgrade (browsers apply no CORS to WebSocket, so this is the guard
	 * against cross-site WebSocket hijacking). Applies where the scope names origins.
	 * Built-in default: true.
	 */
	private @Nullable Boolean websocketOriginCheck;

	/**
	 * Whether allowed actual responses carry Timing-Allow-Origin with the allowed origin
	 * ('*' in a '*' scope), so that its pages can read Resource Timing details. Built-in
	 * default: false.
	 */
	private @Nullable Boolean timingAllowOrigin;

	/**
	 * Whether an allowed preflight carrying Access-Control-Request-Private-Network: true
	 * (Private Network Access, the legacy Chrome mechanism) is answered with
	 * Access-Control-Allow-Private-Network: true. Refused with a '*' origin. Built-in
	 * default: false.
	 */
	private @Nullable Boolean allowPrivateNetwork;

	/**
	 * Whether decisions are only computed, logged and counted, never enforced: no CORS
	 * decision rejects a request and no header is added, removed or changed, so that a
	 * handler or upstream that still does its own CORS keeps doing it. Ambiguous paths
	 * are still refused (see cors.reject-ambiguous-paths). Built-in default: false.
	 */
	private @Nullable Boolean reportOnly;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(@Nullable List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public @Nullable List<String> getAllowedOriginPatterns() {
		return this.allowedOriginPatterns;
	}

	public void setAllowedOriginPatterns(@Nullable List<String> allowedOriginPatterns) {
		this.allowedOriginPatterns = allowedOriginPatterns;
	}

	public @Nullable List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(@Nullable List<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	public @Nullable List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(@Nullable List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public @Nullable List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(@Nullable List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public @Nullable List<String> getPresets() {
		return this.presets;
	}

	public void setPresets(@Nullable List<String> presets) {
		this.presets = presets;
	}

	public @Nullable Boolean getAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(@Nullable Boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public @Nullable Boolean getAllowInsecureOrigins() {
		return this.allowInsecureOrigins;
	}

	public void setAllowInsecureOrigins(@Nullable Boolean allowInsecureOrigins) {
		this.allowInsecureOrigins = allowInsecureOrigins;
	}

	public @Nullable Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(@Nullable Duration maxAge) {
		this.maxAge = maxAge;
	}

	public @Nullable Boolean getPreflightContinue() {
		return this.preflightContinue;
	}

	public void setPreflightContinue(@Nullable Boolean preflightContinue) {
		this.preflightContinue = preflightContinue;
	}

	public @Nullable Integer getPreflightStatus() {
		return this.preflightStatus;
	}

	public void setPreflightStatus(@Nullable Integer preflightStatus) {
		this.preflightStatus = preflightStatus;
	}

	public @Nullable Boolean getRejectDisallowedOrigins() {
		return this.rejectDisallowedOrigins;
	}

	public void setRejectDisallowedOrigins(@Nullable Boolean rejectDisallowedOrigins) {
		this.rejectDisallowedOrigins = rejectDisallowedOrigins;
	}

	public @Nullable Boolean getWebsocketOriginCheck() {
		return this.websocketOriginCheck;
	}

	public void setWebsocketOriginCheck(@Nullable Boolean websocketOriginCheck) {
		this.websocketOriginCheck = websocketOriginCheck;
	}

	public @Nullable Boolean getTimingAllowOrigin() {
		return this.timingAllowOrigin;
	}

	public void setTimingAllowOrigin(@Nullable Boolean timingAllowOrigin) {
		this.timingAllowOrigin = timingAllowOrigin;
	}

	public @Nullable Boolean getAllowPrivateNetwork() {
		return this.allowPrivateNetwork;
	}

	public void setAllowPrivateNetwork(@Nullable Boolean allowPrivateNetwork) {
		this.allowPrivateNetwork = allowPrivateNetwork;
	}

	public @Nullable Boolean getReportOnly() {
		return this.reportOnly;
	}

	public void setReportOnly(@Nullable Boolean reportOnly) {
		this.reportOnly = reportOnly;
	}

}
