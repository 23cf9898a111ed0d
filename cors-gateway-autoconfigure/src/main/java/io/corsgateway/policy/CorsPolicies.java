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

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.AmbiguousPaths;
import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.HttpSyntax;
import io.corsgateway.internal.routing.HostMatcher;
import io.corsgateway.internal.routing.PathPatternIndex;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;

/**
 * The complete, immutable, compiled CORS configuration: finds the policy of a request by
 * host, path and method. Build one with {@link #builder()}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPolicies {

	private static final BiPredicate<Service, String> HOST_FILTER = (service, host) -> service.hosts.matches(host);

	private static final BiPredicate<Route, String> METHOD_FILTER = Route::matchesMethod;

	private final CorsPolicy defaults;

	private final @Nullable CorsPolicy fallback;

	private final PathPatternIndex<Service> services;

	private final List<ServiceScope> scopes;

	private final List<PolicyError> warnings;

	private final Map<String, List<String>> originSets;

	private final List<CorsApplication> applications;

	private final boolean privateNetworkAllowed;

	CorsPolicies(CorsPolicy defaults, PathPatternIndex<Service> services, List<ServiceScope> scopes,
			Map<String, List<String>> originSets, List<CorsApplication> applications, List<PolicyError> warnings) {
		this.defaults = defaults;
		// Requests outside every service get the defaults only when they can allow some
		// origin: otherwise the defaults would only strip the headers of every response.
		this.fallback = (defaults.isEnabled() && defaults.allowsSomeOrigin()) ? defaults : null;
		this.services = services;
		this.scopes = List.copyOf(scopes);
		this.originSets = originSets;
		this.applications = List.copyOf(applications);
		this.warnings = warnings;
		this.privateNetworkAllowed = (this.fallback != null && this.fallback.isAllowPrivateNetwork())
				|| this.scopes.stream()
					.anyMatch((scope) -> scope.policy().isAllowPrivateNetwork()
							|| scope.routes().stream().anyMatch((route) -> route.policy().isAllowPrivateNetwork()));
	}

	/**
	 * Whether some policy answers Private Network Access preflights, so that the
	 * {@code Access-Control-Request-Private-Network} header of a preflight can matter. A
	 * filter may skip reading that header when none does (see
	 * {@link CorsRequest#of(String, URI, PathContainer, HttpHeaders, boolean)}).
	 * @return whether any policy has {@code allow-private-network: true}
	 */
	public boolean isPrivateNetworkAllowed() {
		return this.privateNetworkAllowed;
	}

	/**
	 * Start building policies.
	 * @return a new builder
	 */
	public static CorsPoliciesBuilder builder() {
		return new CorsPoliciesBuilder();
	}

	/**
	 * Find the policy for a request: the matching service with the most specific path
	 * pattern, then the matching route inside it with the most specific path pattern.
	 * Among equally specific patterns, a service that names hosts (a route that names
	 * methods) comes before one that does not, then declaration order decides. A request
	 * that matches no service gets the defaults when they allow some origin.
	 * @param host the request host, without port
	 * @param path the path within the application
	 * @param method the request method, or for a preflight the requested method
	 * @return the policy, or {@code null} when no policy applies
	 */
	public @Nullable CorsPolicy find(String host, PathContainer path, String method) {
		Service service = this.services.find(path, HOST_FILTER, HostMatcher.canonicalHost(host));
		if (service == null) {
			return this.fallback;
		}
		Route route = (service.routes.size() > 0) ? service.routes.find(path, METHOD_FILTER, method) : null;
		return (route != null) ? route.policy : service.policy;
	}

	/**
	 * Decide what a request gets, following the CORS protocol of the WHATWG Fetch
	 * standard: the policy is found as {@link #find} does (for a preflight, by the
	 * requested method), then the request is classified (not CORS, preflight, actual) and
	 * checked against the policy. Requests without {@code Origin} or from their own
	 * origin are not CORS; an origin is allowed only when it is the request's single
	 * {@code Origin}; a preflight must name exactly one allowed method and only allowed
	 * headers; an actual request's method must be allowed, except a non-preflight
	 * {@code OPTIONS}, which the handler answers. A path that a server behind could read
	 * differently is refused first, as the filter does by default.
	 * @param request the facts of the request
	 * @return the decision, never {@code null}
	 */
	public CorsDecision evaluate(CorsRequest request) {
		return evaluate(request, true);
	}

	/**
	 * Decide what a request gets, as {@link #evaluate(CorsRequest)} does, with the
	 * filter's choice about ambiguous paths.
	 * @param request the facts of the request
	 * @param rejectAmbiguousPaths whether a path that a server behind the filter could
	 * read differently (dot segments, empty segments, encoded separators) is refused
	 * before any policy is chosen, as {@code CorsGatewayWebFilter} does unless told
	 * otherwise
	 * @return the decision, never {@code null}
	 */
	public CorsDecision evaluate(CorsRequest request, boolean rejectAmbiguousPaths) {
		// The request is read into locals once and not passed on, so that when this
		// method is inlined into the filter the request object need not be allocated.
		PathContainer path = request.path();
		if (rejectAmbiguousPaths && AmbiguousPaths.isAmbiguous(path.value())) {
			return CorsDecision.ambiguousPath();
		}
		String origin = request.origin();
		String requestMethod = request.requestMethod();
		boolean preflight = CorsRequest.isPreflight(request.method(), origin, requestMethod);
		String method = CorsRequest.routingMethod(request.method(), origin, requestMethod);
		CorsPolicy policy = find(request.host(), path, method);
		if (policy == null) {
			return CorsDecision.noPolicy();
		}
		if (!policy.isEnabled()) {
			return policy.answers().disabled();
		}
		if (origin == null) {
			return policy.answers().withoutOrigin();
		}
		boolean sameOrigin = CorsRequest.isSameOrigin(origin, request.scheme(), request.host(), request.port());
		if (request.websocketHandshake()) {
			return websocketHandshake(policy, origin, request.originCount(), sameOrigin);
		}
		if (sameOrigin) {
			return policy.answers().fromSameOrigin();
		}
		DecisionReason originRefusal = originRefusal(policy, origin, request.originCount());
		return preflight ? preflight(policy, origin, method, request.requestMethodCount(), request.requestHeaders(),
				request.requestPrivateNetwork(), originRefusal) : actual(policy, origin, method, originRefusal);
	}

	// Browsers apply no CORS to WebSocket: the handshake is the only point where the
	// gateway can keep another site from opening a connection with the user's cookies.
	// A scope that allows no origin refuses every cross-origin handshake, as it rejects
	// every cross-origin request: letting them through would make it the laxest scope.
	// Only a single Origin line makes a handshake same-origin: a second line is never a
	// browser's, and which one the upstream reads is unknown.
	private static CorsDecision websocketHandshake(CorsPolicy policy, String origin, int originCount,
			boolean sameOrigin) {
		if ((sameOrigin && originCount == 1) || !policy.isWebsocketOriginCheck()) {
			return policy.answers().websocketHandshake();
		}
		// One Origin line, allowed: a malformed or repeated Origin is refused as well.
		return (originRefusal(policy, origin, originCount) == null) ? policy.answers().websocketHandshake()
				: policy.answers().websocketRefused();
	}

	private static CorsDecision preflight(CorsPolicy policy, String origin, String method, int methodLines,
			String requestHeaders, boolean privateNetwork, @Nullable DecisionReason originRefusal) {
		if (originRefusal != null) {
			return policy.answers().preflightRejected(originRefusal, null);
		}
		// Several Access-Control-Request-Method lines name no single method to allow.
		if (methodLines != 1) {
			return policy.answers().preflightRejected(DecisionReason.SEVERAL_REQUEST_METHODS, null);
		}
		if (!policy.allowsMethod(method)) {
			return policy.answers().preflightRejected(methodRefusal(method), method);
		}
		String allowedHeaders = policy.allowedRequestHeaders(requestHeaders);
		if (allowedHeaders == null) {
			CorsPolicy.Refusal refusal = policy.requestHeadersRefusal(requestHeaders);
			return policy.answers().preflightRejected(refusal.reason(), refusal.detail());
		}
		return policy.answers().preflightAllowed(origin, method, allowedHeaders, privateNetwork);
	}

	// An OPTIONS request that is not a preflight is the handler's to answer (Fetch never
	// sends one cross-origin without a preflight first), so only its origin is checked.
	private static CorsDecision actual(CorsPolicy policy, String origin, String method,
			@Nullable DecisionReason originRefusal) {
		if (originRefusal != null) {
			return policy.answers().actualRefused(originRefusal, null);
		}
		if (!method.equals("OPTIONS") && !policy.allowsMethod(method)) {
			return policy.answers().actualRefused(methodRefusal(method), method);
		}
		return policy.answers().actualAllowed(origin);
	}

	private static @Nullable DecisionReason originRefusal(CorsPolicy policy, String origin, int originCount) {
		if (originCount != 1) {
			return DecisionReason.SEVERAL_ORIGINS;
		}
		if (policy.allowsOrigin(origin)) {
			return null;
		}
		// Only on the rejection path: tell a value that is no origin at all from one that
		// is just not allowed.
		boolean wellFormed = origin.equals("null")
				|| HttpSyntax.requestOriginHostEnd(origin, origin.indexOf("://")) >= 0;
		return wellFormed ? DecisionReason.ORIGIN_NOT_ALLOWED : DecisionReason.MALFORMED_ORIGIN;
	}

	private static DecisionReason methodRefusal(String method) {
		if (HttpSyntax.isForbiddenMethod(method)) {
			return DecisionReason.FORBIDDEN_METHOD;
		}
		return (method.length() <= CorsPolicy.MAX_METHOD_LENGTH && HttpSyntax.isToken(method))
				? DecisionReason.METHOD_NOT_ALLOWED : DecisionReason.MALFORMED_METHOD;
	}

	/**
	 * Settings that are valid but probably not what was meant, such as values that were
	 * normalized.
	 * @return the warnings
	 */
	public List<PolicyError> getWarnings() {
		return this.warnings;
	}

	/**
	 * The services in declaration order, each with its routes and their policies after
	 * inheritance. This is a view for diagnostics such as the actuator endpoint;
	 * {@link #find} and {@link #evaluate} do not scan it.
	 * @return the services
	 */
	public List<ServiceScope> getServices() {
		return this.scopes;
	}

	/**
	 * The policy compiled from the defaults alone, which every service and route
	 * inherits. It is listed even when requests outside every service do not get it (see
	 * {@link #isDefaultsFallback()}).
	 * @return the defaults policy
	 */
	public CorsPolicy getDefaults() {
		return this.defaults;
	}

	/**
	 * Whether a request outside every service gets the defaults policy: only when the
	 * defaults are enabled and allow some origin.
	 * @return whether the defaults apply to requests no service matches
	 */
	public boolean isDefaultsFallback() {
		return this.fallback != null;
	}

	/**
	 * The origin sets as configured, in declaration order: each name with its members,
	 * which every scope and application referencing {@code set:<name>} allows. The
	 * compiled policies hold the members themselves, so requests never look a set up.
	 * @return the origin sets by name
	 */
	public Map<String, List<String>> getOriginSets() {
		return this.originSets;
	}

	/**
	 * The applications whose origins the policies allow, declared ones first, then the
	 * registered ones that were not skipped, in the order they were given. Which policies
	 * each applies to is {@link CorsPolicy#getApplicationIds()}.
	 * @return the applications
	 */
	public List<CorsApplication> getApplications() {
		return this.applications;
	}

	record Service(String id, HostMatcher hosts, CorsPolicy policy, PathPatternIndex<Route> routes) {

	}

	record Route(String id, @Nullable Set<String> methods, CorsPolicy policy) {

		Route {
			if (methods != null) {
				Set<String> upperCase = new HashSet<>();
				methods.forEach((method) -> upperCase.add(Ascii.toUpperCase(method)));
				methods = Set.copyOf(upperCase);
			}
		}

		// Routing compares methods ignoring case, and a GET route covers HEAD, which
		// servers answer like GET: a request must not escape its route to a laxer service
		// by spelling. Only ASCII letters fold: a dotless i (U+0131) does not spell LIST.
		// Whether the method is allowed stays the policy's case-sensitive check.
		boolean matchesMethod(String method) {
			return matchesMethod(this.methods, method);
		}

		static boolean matchesMethod(@Nullable Set<String> methods, String method) {
			if (methods == null || methods.contains(method)) {
				return true;
			}
			String upperCase = Ascii.toUpperCase(method);
			return methods.contains(upperCase) || (upperCase.equals("HEAD") && methods.contains("GET"));
		}

	}

}
