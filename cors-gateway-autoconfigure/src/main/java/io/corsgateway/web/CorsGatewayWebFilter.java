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
package io.corsgateway.web;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that applies {@link CorsPolicies} to every request, following the
 * CORS protocol of the WHATWG Fetch standard: it answers preflights itself, rejects
 * disallowed requests before any handler runs, and gives the CORS headers of every
 * response in an enabled scope the policy's values when the response is committed,
 * replacing whatever a handler, an error renderer, another filter or a proxied upstream
 * set. Requests whose path a server behind it could read differently are refused before
 * any policy is chosen (see {@link #setRejectAmbiguousPaths(boolean)}).
 * <p>
 * The policies can be swapped at runtime with {@link #setPolicies(CorsPolicies)}; each
 * request reads them once.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsGatewayWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: just before Spring Security's {@code WebFilterChainProxy} (order
	 * -100), so that preflights never meet authentication and the 401 of an actual
	 * request still carries CORS headers a browser can read.
	 */
	public static final int DEFAULT_ORDER = -101;

	private static final Log logger = LogFactory.getLog(CorsGatewayWebFilter.class);

	// Lower-case names: case-insensitive header maps look them up without lower-casing a
	// copy.
	private static final String ORIGIN = "origin";

	private static final String REQUEST_METHOD = "access-control-request-method";

	private static final String REQUEST_HEADERS = "access-control-request-headers";

	private volatile CorsPolicies policies;

	private int order = DEFAULT_ORDER;

	private volatile boolean rejectAmbiguousPaths = true;

	/**
	 * Create a filter applying the given policies.
	 * @param policies the compiled policies
	 */
	public CorsGatewayWebFilter(CorsPolicies policies) {
		Assert.notNull(policies, "'policies' must not be null");
		this.policies = policies;
	}

	/**
	 * Replace the policies atomically; requests already in progress keep the ones they
	 * read.
	 * @param policies the new policies
	 */
	public void setPolicies(CorsPolicies policies) {
		Assert.notNull(policies, "'policies' must not be null");
		this.policies = policies;
	}

	/**
	 * The policies in force.
	 * @return the policies
	 */
	public CorsPolicies getPolicies() {
		return this.policies;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of this filter among the application's {@link WebFilter}s.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	/**
	 * Whether requests whose path could be read differently by a server behind this
	 * filter (dot segments, encoded dots, slashes, backslashes or percent signs, empty
	 * segments) are refused with 400 before any policy is chosen. On by default.
	 * @param rejectAmbiguousPaths whether to refuse ambiguous paths
	 */
	public void setRejectAmbiguousPaths(boolean rejectAmbiguousPaths) {
		this.rejectAmbiguousPaths = rejectAmbiguousPaths;
	}

	/**
	 * Whether ambiguous paths are refused.
	 * @return whether ambiguous paths are refused
	 * @see #setRejectAmbiguousPaths(boolean)
	 */
	public boolean isRejectAmbiguousPaths() {
		return this.rejectAmbiguousPaths;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.rejectAmbiguousPaths && AmbiguousPaths.isAmbiguous(request.getPath().value())) {
			if (logger.isDebugEnabled()) {
				logger.debug("Reject: ambiguous path '" + printable(request.getPath().value())
						+ "' could select another policy than the handler's");
			}
			return CorsResponse.answer(exchange.getResponse(), HttpStatus.BAD_REQUEST, CorsResponse.Decision.REFUSED,
					null, "", "", "");
		}
		HttpHeaders requestHeaders = request.getHeaders();
		String origin = requestHeaders.getFirst(ORIGIN);
		CorsPolicies policies = this.policies;
		if (origin == null) {
			return notCors(exchange, chain, find(policies, request, request.getMethod().name()));
		}
		List<String> requestedMethods = (request.getMethod() == HttpMethod.OPTIONS) ? requestHeaders.get(REQUEST_METHOD)
				: null;
		boolean preflight = requestedMethods != null && !requestedMethods.isEmpty();
		String requestedMethod = preflight ? requestedMethods.get(0) : null;
		CorsPolicy policy = find(policies, request, preflight ? requestedMethod : request.getMethod().name());
		if (policy == null || !policy.isEnabled()) {
			return chain.filter(exchange);
		}
		if (isSameOrigin(origin, request.getURI())) {
			return notCors(exchange, chain, policy);
		}
		boolean originAllowed = policy.allowsOrigin(origin) && hasSingleOrigin(requestHeaders);
		if (preflight) {
			// Several Access-Control-Request-Method lines name no single method to allow.
			boolean methodAllowed = requestedMethods.size() == 1 && policy.allowsMethod(requestedMethod);
			return preflight(exchange, chain, policy, origin, originAllowed && methodAllowed, requestedMethod);
		}
		return actual(exchange, chain, policy, origin, originAllowed);
	}

	// A `*` scope answers every request alike, so that a cached response fits any later
	// request; a scope that names origins strips downstream CORS headers and varies on
	// Origin.
	private static Mono<Void> notCors(ServerWebExchange exchange, WebFilterChain chain, @Nullable CorsPolicy policy) {
		if (policy == null || !policy.isEnabled()) {
			return chain.filter(exchange);
		}
		CorsResponse.Decision decision = policy.isOriginDependent() ? CorsResponse.Decision.NOT_CORS
				: CorsResponse.Decision.ALLOWED;
		return CorsResponse.filter(exchange, chain, decision, policy, "", "", "");
	}

	private Mono<Void> preflight(ServerWebExchange exchange, WebFilterChain chain, CorsPolicy policy, String origin,
			boolean allowed, String requestedMethod) {
		String allowedHeaders = null;
		if (allowed) {
			allowedHeaders = policy.allowedRequestHeaders(requestedHeaders(exchange.getRequest().getHeaders()));
		}
		if (allowedHeaders == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Reject: preflight from origin '" + printable(origin) + "' for method '"
						+ printable(requestedMethod) + "' not allowed by policy '" + policy.getId() + "'");
			}
			return CorsResponse.answer(exchange.getResponse(), HttpStatus.FORBIDDEN,
					CorsResponse.Decision.REJECTED_PREFLIGHT, policy, origin, "", "");
		}
		if (policy.isPreflightContinue()) {
			return CorsResponse.filter(exchange, chain, CorsResponse.Decision.PREFLIGHT, policy, origin,
					requestedMethod, allowedHeaders);
		}
		return CorsResponse.answer(exchange.getResponse(), HttpStatus.valueOf(policy.getPreflightStatus()),
				CorsResponse.Decision.PREFLIGHT, policy, origin, requestedMethod, allowedHeaders);
	}

	// RFC 9110: several field lines of a list header mean the same as one line joining
	// them with commas; no line at all requests no header, as an empty line does.
	private static String requestedHeaders(HttpHeaders headers) {
		List<String> lines = headers.get(REQUEST_HEADERS);
		return (lines == null || lines.isEmpty()) ? "" : (lines.size() == 1) ? lines.get(0) : String.join(",", lines);
	}

	private Mono<Void> actual(ServerWebExchange exchange, WebFilterChain chain, CorsPolicy policy, String origin,
			boolean originAllowed) {
		if (originAllowed && allowsActualMethod(policy, exchange.getRequest().getMethod())) {
			return CorsResponse.filter(exchange, chain, CorsResponse.Decision.ALLOWED, policy, origin, "", "");
		}
		if (!policy.isRejectDisallowedOrigins()) {
			// Let it through, but never with CORS headers someone downstream chose.
			return CorsResponse.filter(exchange, chain, CorsResponse.Decision.NOT_ALLOWED, policy, "", "", "");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Reject: " + exchange.getRequest().getMethod() + " from origin '" + printable(origin)
					+ "' not allowed by policy '" + policy.getId() + "'");
		}
		return CorsResponse.answer(exchange.getResponse(), HttpStatus.FORBIDDEN, CorsResponse.Decision.REJECTED, policy,
				origin, "", "");
	}

	// An OPTIONS request that is not a preflight is the handler's to answer (Fetch never
	// sends one cross-origin without a preflight first), so only its origin is checked.
	private static boolean allowsActualMethod(CorsPolicy policy, HttpMethod method) {
		return method == HttpMethod.OPTIONS || policy.allowsMethod(method.name());
	}

	private static @Nullable CorsPolicy find(CorsPolicies policies, ServerHttpRequest request, String method) {
		return policies.find(host(request.getURI()), request.getPath().pathWithinApplication(), method);
	}

	// java.net.URI leaves the host null when the authority is not a well-formed server
	// name (api..example.com, .api.example.com), yet a router may still read it as one:
	// take it from the raw authority then, so it cannot fall to a catch-all service.
	// Such an authority is registry-based, which java.net.URI accepts only without
	// brackets (a bracketed IPv6 literal is a server name or a syntax error), so the
	// host ends at the last colon after the user info.
	static String host(URI uri) {
		String host = uri.getHost();
		if (host != null) {
			return host;
		}
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return "";
		}
		int start = authority.lastIndexOf('@') + 1;
		int colon = authority.lastIndexOf(':');
		return authority.substring(start, (colon < start) ? authority.length() : colon);
	}

	private static boolean hasSingleOrigin(HttpHeaders headers) {
		List<String> origins = headers.get(ORIGIN);
		return origins != null && origins.size() == 1;
	}

	/**
	 * Whether the origin is the request's own scheme, host and port, compared without
	 * building the request's origin string.
	 */
	static boolean isSameOrigin(String origin, URI uri) {
		String scheme = uri.getScheme();
		String host = uri.getHost();
		if (scheme == null || host == null) {
			return false;
		}
		int schemeLength = scheme.length();
		int hostStart = schemeLength + 3;
		int hostEnd = hostStart + host.length();
		if (origin.length() < hostEnd || !matchesLowerCase(origin, 0, scheme) || !origin.startsWith("://", schemeLength)
				|| !matchesLowerCase(origin, hostStart, host)) {
			return false;
		}
		int port = uri.getPort();
		if (port == defaultPort(scheme)) {
			port = -1;
		}
		if (origin.length() == hostEnd) {
			return port == -1;
		}
		if (port == -1 || origin.charAt(hostEnd) != ':') {
			return false;
		}
		int parsed = 0;
		for (int i = hostEnd + 1; i < origin.length(); i++) {
			char c = origin.charAt(i);
			// A serialized port has no leading zero: ':08080' is not port 8080's origin.
			if (c < '0' || c > '9' || i - hostEnd > 5 || (c == '0' && i == hostEnd + 1)) {
				return false;
			}
			parsed = parsed * 10 + (c - '0');
		}
		return origin.length() > hostEnd + 1 && parsed == port;
	}

	// Browsers send origins in lower case, so an upper-case Origin is malformed and never
	// the request's own origin: only the URI side is folded, and only ASCII letters.
	private static boolean matchesLowerCase(String origin, int from, String uriPart) {
		for (int i = 0; i < uriPart.length(); i++) {
			char c = uriPart.charAt(i);
			if (origin.charAt(from + i) != ((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c)) {
				return false;
			}
		}
		return true;
	}

	private static int defaultPort(String scheme) {
		if (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("wss")) {
			return 443;
		}
		if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("ws")) {
			return 80;
		}
		return -2;
	}

	// Origins come from the client: never let one write control characters into a log
	// line.
	private static String printable(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder printable = new StringBuilder(Math.min(value.length(), 200));
		for (int i = 0; i < value.length() && i < 200; i++) {
			char c = value.charAt(i);
			printable.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return printable.toString();
	}

}
