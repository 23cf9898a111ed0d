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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that applies {@link CorsPolicies} to every request, following the
 * CORS protocol of the WHATWG Fetch standard: it answers preflights itself, rejects
 * disallowed requests before any handler runs, and writes the CORS headers of actual
 * responses both when it lets a request through and again when the response is written,
 * replacing whatever a handler or proxied upstream set.
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

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders requestHeaders = request.getHeaders();
		String origin = requestHeaders.getFirst(ORIGIN);
		CorsPolicies policies = this.policies;
		if (origin == null) {
			if (!policies.isAnyOriginDependent()) {
				return chain.filter(exchange);
			}
			return notCors(exchange, chain, find(policies, request, request.getMethod().name()));
		}
		String requestedMethod = (request.getMethod() == HttpMethod.OPTIONS) ? requestHeaders.getFirst(REQUEST_METHOD)
				: null;
		boolean preflight = requestedMethod != null;
		CorsPolicy policy = find(policies, request, preflight ? requestedMethod : request.getMethod().name());
		if (policy == null || !policy.isEnabled()) {
			return chain.filter(exchange);
		}
		if (isSameOrigin(origin, request.getURI())) {
			return notCors(exchange, chain, policy);
		}
		boolean originAllowed = policy.allowsOrigin(origin) && hasSingleOrigin(requestHeaders);
		if (preflight) {
			return preflight(exchange, chain, policy, origin, originAllowed, requestedMethod);
		}
		return actual(exchange, chain, policy, origin, originAllowed);
	}

	private static Mono<Void> notCors(ServerWebExchange exchange, WebFilterChain chain, @Nullable CorsPolicy policy) {
		if (policy == null || !policy.isEnabled() || !policy.isOriginDependent()) {
			return chain.filter(exchange);
		}
		return chain.filter(CorsResponse.decorate(exchange, CorsResponse.Decision.NOT_CORS, policy, "", "", ""));
	}

	private Mono<Void> preflight(ServerWebExchange exchange, WebFilterChain chain, CorsPolicy policy, String origin,
			boolean originAllowed, String requestedMethod) {
		ServerHttpResponse response = exchange.getResponse();
		String allowedHeaders = null;
		if (originAllowed && policy.allowsMethod(requestedMethod)) {
			allowedHeaders = policy.allowedRequestHeaders(exchange.getRequest().getHeaders().getFirst(REQUEST_HEADERS));
		}
		if (allowedHeaders == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Reject: preflight from origin '" + printable(origin) + "' for method '"
						+ printable(requestedMethod) + "' not allowed by policy '" + policy.getId() + "'");
			}
			CorsResponseHeaders.mergeVary(response.getHeaders(), CorsResponseHeaders.VARY_PREFLIGHT);
			response.setStatusCode(HttpStatus.FORBIDDEN);
			return response.setComplete();
		}
		if (policy.isPreflightContinue()) {
			return chain.filter(CorsResponse.decorate(exchange, CorsResponse.Decision.PREFLIGHT, policy, origin,
					requestedMethod, allowedHeaders));
		}
		CorsResponse.write(response.getHeaders(), CorsResponse.Decision.PREFLIGHT, policy, origin, requestedMethod,
				allowedHeaders);
		response.setStatusCode(HttpStatusCode.valueOf(policy.getPreflightStatus()));
		return response.setComplete();
	}

	private Mono<Void> actual(ServerWebExchange exchange, WebFilterChain chain, CorsPolicy policy, String origin,
			boolean originAllowed) {
		if (originAllowed && allowsActualMethod(policy, exchange.getRequest().getMethod())) {
			return chain.filter(CorsResponse.decorate(exchange, CorsResponse.Decision.ALLOWED, policy, origin, "", ""));
		}
		if (!policy.isRejectDisallowedOrigins()) {
			// Let it through, but never with CORS headers someone downstream chose.
			return chain.filter(CorsResponse.decorate(exchange, CorsResponse.Decision.NOT_ALLOWED, policy, "", "", ""));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Reject: " + exchange.getRequest().getMethod() + " from origin '" + printable(origin)
					+ "' not allowed by policy '" + policy.getId() + "'");
		}
		ServerHttpResponse response = exchange.getResponse();
		CorsResponseHeaders.varyOnOrigin(response.getHeaders());
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return response.setComplete();
	}

	// An OPTIONS request that is not a preflight is the handler's to answer (Fetch never
	// sends one cross-origin without a preflight first), so only its origin is checked.
	private static boolean allowsActualMethod(CorsPolicy policy, HttpMethod method) {
		return method == HttpMethod.OPTIONS || policy.allowsMethod(method.name());
	}

	private static @Nullable CorsPolicy find(CorsPolicies policies, ServerHttpRequest request, String method) {
		String host = request.getURI().getHost();
		return policies.find((host != null) ? host : "", request.getPath().pathWithinApplication(), method);
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
