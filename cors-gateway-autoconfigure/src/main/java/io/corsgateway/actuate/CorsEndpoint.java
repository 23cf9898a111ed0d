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
package io.corsgateway.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsHeader;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.policy.PolicyLevel;
import io.corsgateway.policy.ResolvedField;
import io.corsgateway.policy.RouteScope;
import io.corsgateway.policy.ServiceScope;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadStatus;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that explains the CORS policies the
 * {@link CorsGatewayWebFilter} applies. It is read-only: policies change only through
 * configuration (and a reload of it).
 * <ul>
 * <li>{@code GET /actuator/cors} lists every service and route with its policy after
 * inheritance, each field with its value, the level that set it (route, service, defaults
 * or built-in) and the property that set it, the origins it allows once origin sets and
 * applications are added, and the applications that apply to it; the defaults; the
 * warnings logged when the policies were loaded; the filter's own settings; the origin
 * sets; the applications; and the reload section (see below).</li>
 * <li>{@code GET /actuator/cors/check?origin=..&method=..&path=..&host=..&requestMethod=..&requestHeaders=..}
 * answers what the filter would do with such a request, from the same
 * {@link CorsPolicies#evaluate(CorsRequest, boolean)} the filter calls.</li>
 * </ul>
 * Every operation reads the filter's policies and settings when it is called, so it shows
 * what the filter applies now, also after {@link CorsGatewayWebFilter#setPolicies} or a
 * {@linkplain CorsPolicyReloader reload}. With a reloader, {@code GET /actuator/cors}
 * also tells when the policies in force were loaded and shows the last reload that
 * failed, with its errors.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@Endpoint(id = "cors")
public class CorsEndpoint {

	/** The selector of the {@link #check check} operation. */
	public static final String CHECK = "check";

	private final CorsGatewayWebFilter filter;

	private final @Nullable CorsPolicyReloader reloader;

	/**
	 * Create an endpoint that explains the given filter.
	 * @param filter the filter whose policies and settings are shown
	 */
	public CorsEndpoint(CorsGatewayWebFilter filter) {
		this(filter, null);
	}

	/**
	 * Create an endpoint that explains the given filter and the reloads of its policies.
	 * @param filter the filter whose policies and settings are shown
	 * @param reloader the reloader of the filter's policies, whose status is shown, or
	 * {@code null} for none
	 */
	public CorsEndpoint(CorsGatewayWebFilter filter, @Nullable CorsPolicyReloader reloader) {
		Assert.notNull(filter, "'filter' must not be null");
		this.filter = filter;
		this.reloader = reloader;
	}

	/**
	 * Describe the policies in force: every service and route with its effective policy,
	 * the defaults, the startup warnings, the filter's settings and, with a reloader, the
	 * last load and the last failed reload.
	 * @return the description
	 */
	@ReadOperation
	public CorsDescriptor policies() {
		CorsPolicies policies = this.filter.getPolicies();
		List<ServiceDescriptor> services = new ArrayList<>();
		for (ServiceScope service : policies.getServices()) {
			List<RouteDescriptor> routes = new ArrayList<>();
			for (RouteScope route : service.routes()) {
				routes.add(new RouteDescriptor(route.id(), route.paths(), route.methods(),
						PolicyDescriptor.of(route.policy())));
			}
			services.add(new ServiceDescriptor(service.id(), service.paths(), service.hosts(),
					PolicyDescriptor.of(service.policy()), routes));
		}
		List<WarningDescriptor> warnings = new ArrayList<>();
		for (PolicyError warning : policies.getWarnings()) {
			warnings.add(WarningDescriptor.of(warning));
		}
		List<ApplicationDescriptor> applications = new ArrayList<>();
		for (CorsApplication application : policies.getApplications()) {
			applications.add(new ApplicationDescriptor(application.id(), application.origins(), application.services(),
					application.source()));
		}
		return new CorsDescriptor(
				new SettingsDescriptor(this.filter.isRejectAmbiguousPaths(), this.filter.isDebugHeaders(),
						this.filter.getOrder()),
				new DefaultsDescriptor(policies.isDefaultsFallback(), PolicyDescriptor.of(policies.getDefaults())),
				services, warnings, policies.getOriginSets(), applications,
				(this.reloader != null) ? ReloadDescriptor.of(this.reloader.getStatus()) : null);
	}

	/**
	 * Answer what the filter would do with a request: its decision, the policy that
	 * decided, the status of the filter's own answer and the CORS headers. The request is
	 * built as the filter reads a real one
	 * ({@link CorsRequest#of(String, URI, HttpHeaders)} for
	 * {@code <scheme>://<host><path>}) and decided by the same
	 * {@link CorsPolicies#evaluate(CorsRequest, boolean)} call, with the filter's
	 * ambiguous-path setting.
	 * <p>
	 * Over HTTP:
	 * {@code GET /actuator/cors/check?path=/orders/1&origin=https://shop.example}. Query
	 * parameters are decoded once, so a path with a percent-encoded character must be
	 * encoded again ({@code path=/orders/%252e%252e/admin} checks
	 * {@code /orders/%2e%2e/admin}).
	 * @param operation the selector, which must be {@value #CHECK}; any other value
	 * returns {@code null}, which the actuator answers with 404
	 * @param path the raw path within the application, starting with {@code /}
	 * @param origin the {@code Origin} header, or {@code null} for a request without one
	 * (which is not a CORS request)
	 * @param method the request method, {@code GET} when {@code null}
	 * @param host the {@code Host} of the request, optionally with a port,
	 * {@code localhost} when {@code null}, as the filter sees it (after any forwarded
	 * headers were applied)
	 * @param scheme the scheme of the request as the filter sees it, {@code http} or
	 * {@code https} (the default), which decides what counts as the request's own origin
	 * @param requestMethod the {@code Access-Control-Request-Method} header; with method
	 * {@code OPTIONS} and an origin, the request is a preflight
	 * @param requestHeaders the {@code Access-Control-Request-Headers} header of a
	 * preflight, a comma-separated list
	 * @param websocket whether the request is a WebSocket handshake
	 * ({@code Upgrade: websocket})
	 * @param privateNetwork whether the preflight asks for private network access
	 * ({@code Access-Control-Request-Private-Network: true})
	 * @return the answer, or {@code null} when the selector is not {@value #CHECK}
	 * @throws InvalidEndpointRequestException (400) when the scheme is not {@code http}
	 * or {@code https}, the host holds a character no {@code Host} header can, the path
	 * does not start with {@code /} or holds a query or fragment, or path and host do not
	 * form a request URI
	 */
	@ReadOperation
	public @Nullable CheckDescriptor check(@Selector String operation, String path, @Nullable String origin,
			@Nullable String method, @Nullable String host, @Nullable String requestMethod,
			@Nullable String requestHeaders, @Nullable String scheme, @Nullable Boolean websocket,
			@Nullable Boolean privateNetwork) {
		if (!CHECK.equals(operation)) {
			return null;
		}
		String requestHost = (host != null) ? host : "localhost";
		String requestMethodName = (method != null) ? method : "GET";
		URI uri = uri((scheme != null) ? scheme : "https", requestHost, path);
		HttpHeaders headers = new HttpHeaders();
		if (origin != null) {
			headers.add(HttpHeaders.ORIGIN, origin);
		}
		if (requestMethod != null) {
			headers.add(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, requestMethod);
		}
		if (requestHeaders != null) {
			headers.add(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders);
		}
		if (Boolean.TRUE.equals(websocket)) {
			headers.add(HttpHeaders.UPGRADE, "websocket");
			headers.add(HttpHeaders.CONNECTION, "Upgrade");
		}
		if (Boolean.TRUE.equals(privateNetwork)) {
			headers.add("Access-Control-Request-Private-Network", "true");
		}
		CorsRequest request = CorsRequest.of(requestMethodName, uri, headers);
		CorsDecision decision = this.filter.getPolicies().evaluate(request, this.filter.isRejectAmbiguousPaths());
		return CheckDescriptor.of(request, uri, decision, this.filter);
	}

	private static URI uri(String scheme, String host, String path) {
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidEndpointRequestException("Scheme '" + scheme + "' is not http or https",
					"The scheme '" + scheme + "' is not one a request reaches the filter with: give http or https.");
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '/' || c == '@' || c == '?' || c == '#' || c == '\\' || c <= ' ') {
				throw new InvalidEndpointRequestException("Host '" + host + "' is not a host",
						"The host '" + host + "' holds '" + c + "', which no Host header can: give a host "
								+ "such as api.example.com, optionally with a port, and the path in 'path'.");
			}
		}
		if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
			throw new InvalidEndpointRequestException("Path '" + path + "' holds a query or fragment",
					"The path '" + path + "' holds '?' or '#', which would end the path: give the path alone, "
							+ "without query or fragment, which do not select a policy.");
		}
		if (!path.startsWith("/")) {
			throw new InvalidEndpointRequestException("Path '" + path + "' does not start with '/'", "The path '" + path
					+ "' must start with '/': give the path within the application, " + "such as /orders/1.");
		}
		try {
			return new URI(scheme + "://" + host + path);
		}
		catch (URISyntaxException ex) {
			throw new InvalidEndpointRequestException("Host '" + host + "' and path '" + path + "' form no URI",
					"The host '" + host + "' and the path '" + path + "' do not form a request URI (" + ex.getMessage()
							+ "): give a host such as api.example.com and a raw path "
							+ "with every other character percent-encoded.",
					ex);
		}
	}

	/**
	 * What the filter does with a request it has a decision for.
	 */
	public enum Outcome {

		/**
		 * The filter answers the request itself with {@link CheckDescriptor#status()};
		 * the handler is not called.
		 */
		ANSWERED,

		/**
		 * The request goes on to the handler, and the response gets the decision's CORS
		 * headers when it is committed.
		 */
		PASSED_ON,

		/**
		 * The request goes on to the handler and the filter changes nothing: no policy
		 * applies, the scope is disabled, or the policy is report-only.
		 */
		LEFT_ALONE

	}

	/**
	 * The description of the policies in force.
	 *
	 * @param settings the filter's own settings
	 * @param defaults the defaults policy
	 * @param services the services in declaration order
	 * @param warnings the warnings about the configuration of the policies in force, as
	 * logged when they were loaded
	 * @param originSets the origin sets by name, as configured
	 * @param applications the applications whose origins the policies allow: the declared
	 * ones, then the registered ones that were not skipped (a skipped one is among the
	 * warnings)
	 * @param reload when the policies in force were loaded and the last reload that
	 * failed, or {@code null} when the endpoint has no reloader
	 */
	public record CorsDescriptor(SettingsDescriptor settings, DefaultsDescriptor defaults,
			List<ServiceDescriptor> services, List<WarningDescriptor> warnings, Map<String, List<String>> originSets,
			List<ApplicationDescriptor> applications,
			@Nullable ReloadDescriptor reload) implements OperationResponseBody {

	}

	/**
	 * An application whose origins the policies allow on the scopes it is registered
	 * with.
	 *
	 * @param id the application id
	 * @param origins its origins as given, {@code set:} references included
	 * @param services the services and {@code service/route} scopes it is registered with
	 * @param source where it was declared, such as {@code cors.applications.portal}, or
	 * the registry's description of it
	 */
	public record ApplicationDescriptor(String id, List<String> origins, List<String> services, String source) {

	}

	/**
	 * The reloads of the policies.
	 *
	 * @param lastLoad when and by what the policies in force were loaded
	 * @param lastFailure the last reload that failed, even if a later one succeeded, or
	 * {@code null} when none has
	 * @param failing whether the last reload failed, so that the policies in force are
	 * older than the configuration
	 * @param successCount how many reloads succeeded
	 * @param failureCount how many reloads failed
	 */
	public record ReloadDescriptor(LoadDescriptor lastLoad, @Nullable FailureDescriptor lastFailure, boolean failing,
			long successCount, long failureCount) {

		static ReloadDescriptor of(ReloadStatus status) {
			ReloadStatus.Failure failure = status.lastFailure();
			return new ReloadDescriptor(
					new LoadDescriptor(status.lastLoad().time().toString(), status.lastLoad().trigger()),
					(failure != null) ? FailureDescriptor.of(failure) : null, status.failing(), status.successCount(),
					status.failureCount());
		}

	}

	/**
	 * A load of the policies.
	 *
	 * @param time when it started, in ISO-8601 form
	 * @param trigger what asked for it, {@value CorsPolicyReloader#STARTUP_TRIGGER} for
	 * the policies loaded at startup
	 */
	public record LoadDescriptor(String time, String trigger) {

	}

	/**
	 * A reload that failed.
	 *
	 * @param time when it started, in ISO-8601 form
	 * @param trigger what asked for it
	 * @param errors why it failed
	 */
	public record FailureDescriptor(String time, String trigger, List<ErrorDescriptor> errors) {

		static FailureDescriptor of(ReloadStatus.Failure failure) {
			return new FailureDescriptor(failure.time().toString(), failure.trigger(),
					failure.errors().stream().map(ErrorDescriptor::of).toList());
		}

	}

	/**
	 * An error that made a reload fail.
	 *
	 * @param property the property path
	 * @param value the value as text, or {@code null}
	 * @param reason why it is wrong and how to fix it
	 */
	public record ErrorDescriptor(String property, @Nullable String value, String reason) {

		static ErrorDescriptor of(PolicyError error) {
			Object value = error.value();
			return new ErrorDescriptor(error.property(), (value != null) ? value.toString() : null, error.reason());
		}

	}

	/**
	 * The settings of the filter that apply to every request.
	 *
	 * @param rejectAmbiguousPaths whether ambiguous paths are refused with 400 before any
	 * policy is chosen
	 * @param debugHeaders whether rejections carry the
	 * {@value CorsGatewayWebFilter#REASON_HEADER} header
	 * @param filterOrder the order of the filter among the web filters
	 */
	public record SettingsDescriptor(boolean rejectAmbiguousPaths, boolean debugHeaders, int filterOrder) {

	}

	/**
	 * The defaults policy.
	 *
	 * @param fallback whether requests outside every service get it (only when the
	 * defaults are enabled and allow some origin)
	 * @param policy the policy compiled from the defaults alone
	 */
	public record DefaultsDescriptor(boolean fallback, PolicyDescriptor policy) {

	}

	/**
	 * A service and its routes.
	 *
	 * @param id the service id
	 * @param paths the path patterns as configured
	 * @param hosts the hosts, empty for every host
	 * @param policy the service's own policy
	 * @param routes the routes in declaration order
	 */
	public record ServiceDescriptor(String id, List<String> paths, List<String> hosts, PolicyDescriptor policy,
			List<RouteDescriptor> routes) {

	}

	/**
	 * A route of a service.
	 *
	 * @param id the route id
	 * @param paths the path patterns as configured
	 * @param methods the methods the route matches, or {@code null} for every method
	 * @param policy the route's policy
	 */
	public record RouteDescriptor(String id, List<String> paths, @Nullable List<String> methods,
			PolicyDescriptor policy) {

	}

	/**
	 * A policy after inheritance.
	 *
	 * @param id the policy id: {@code defaults}, a service id or {@code service.route}
	 * @param fields every policy field by property name, in the order of the
	 * configuration reference; {@code allowed-origins} as configured, {@code set:}
	 * references included
	 * @param effectiveOrigins the origins the policy allows: its own with origin sets
	 * replaced by their members, then those of the applications that apply
	 * @param applications the ids of the applications that apply to the policy
	 * @param effectiveMethods the allowed methods with those of the policy's presets
	 * added
	 * @param effectiveAllowedHeaders the allowed request headers with those of the
	 * policy's presets added
	 * @param effectiveExposedHeaders the exposed headers with those of the policy's
	 * presets added
	 */
	public record PolicyDescriptor(String id, Map<String, FieldDescriptor> fields, List<String> effectiveOrigins,
			List<String> applications, List<String> effectiveMethods, List<String> effectiveAllowedHeaders,
			List<String> effectiveExposedHeaders) {

		static PolicyDescriptor of(CorsPolicy policy) {
			Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
			for (ResolvedField<?> field : policy.getResolvedFields()) {
				fields.put(field.field().getName(), FieldDescriptor.of(field));
			}
			return new PolicyDescriptor(policy.getId(), fields, policy.getAllowedOrigins(), policy.getApplicationIds(),
					policy.getAllowedMethods(), policy.getAllowedHeaders(), policy.getExposedHeaders());
		}

	}

	/**
	 * The value of one policy field and where it came from.
	 *
	 * @param value the value: a list, a boolean, a number, a duration in ISO-8601 form
	 * such as {@code PT30M}, or {@code null} when unset without a built-in default
	 * @param level the level that set it
	 * @param property the property that set it, or {@code null} for a built-in default
	 */
	public record FieldDescriptor(@Nullable Object value, PolicyLevel level, @Nullable String property) {

		static FieldDescriptor of(ResolvedField<?> field) {
			Object value = field.value();
			// Written the same way whatever the JSON mapper's settings for durations.
			return new FieldDescriptor((value instanceof Duration duration) ? duration.toString() : value,
					field.level(), field.property());
		}

	}

	/**
	 * A setting that is valid but probably not what was meant.
	 *
	 * @param property the property path
	 * @param value the value as text, or {@code null}
	 * @param reason why it was reported and what to do
	 */
	public record WarningDescriptor(String property, @Nullable String value, String reason) {

		static WarningDescriptor of(PolicyError warning) {
			Object value = warning.value();
			return new WarningDescriptor(warning.property(), (value != null) ? value.toString() : null,
					warning.reason());
		}

	}

	/**
	 * The request a check evaluated, as the filter would read it.
	 *
	 * @param method the request method
	 * @param uri the request URI
	 * @param origin the {@code Origin}, or {@code null}
	 * @param requestMethod the {@code Access-Control-Request-Method} read, or
	 * {@code null} (it is read only for {@code OPTIONS} requests)
	 * @param requestHeaders the {@code Access-Control-Request-Headers} read, empty when
	 * none
	 * @param preflight whether the request is a CORS preflight
	 * @param websocketHandshake whether the request opens a WebSocket
	 * @param requestPrivateNetwork whether the preflight asks for private network access
	 */
	public record RequestDescriptor(String method, String uri, @Nullable String origin, @Nullable String requestMethod,
			String requestHeaders, boolean preflight, boolean websocketHandshake, boolean requestPrivateNetwork) {

	}

	/**
	 * What the filter would do with a request.
	 *
	 * @param request the request evaluated
	 * @param kind what kind of request it is and what happens to it
	 * @param reason why
	 * @param detail what the reason is about, such as the refused header, or {@code null}
	 * @param service the service that decided, {@value CorsDecision#DEFAULTS_LABEL} or
	 * {@value CorsDecision#NONE_LABEL}
	 * @param route the route that decided, or {@value CorsDecision#NONE_LABEL}
	 * @param policy the id of the policy that decided, or {@code null}
	 * @param enforced whether the filter enforces the decision ({@code false} for a
	 * report-only policy)
	 * @param outcome what the filter does with the request
	 * @param status the status of the filter's own answer, or {@code null} when the
	 * request goes on to the handler; for a report-only policy, the status enforcing
	 * would answer with
	 * @param headers the CORS headers of the decision by name, with the
	 * {@value CorsGatewayWebFilter#REASON_HEADER} header when the filter adds it; sent
	 * when the outcome is {@link Outcome#ANSWERED} or {@link Outcome#PASSED_ON}, and for
	 * a report-only policy what enforcing would send
	 * @param vary the request headers the response varies on, which {@code Vary} names
	 */
	public record CheckDescriptor(RequestDescriptor request, DecisionKind kind, DecisionReason reason,
			@Nullable String detail, String service, String route, @Nullable String policy, boolean enforced,
			Outcome outcome, @Nullable Integer status, Map<String, String> headers,
			List<String> vary) implements OperationResponseBody {

		static CheckDescriptor of(CorsRequest request, URI uri, CorsDecision decision, CorsGatewayWebFilter filter) {
			HttpStatus answer = decision.getAnswerStatus();
			Outcome outcome = (!decision.isApplied() || !decision.isEnforced()) ? Outcome.LEFT_ALONE
					: (answer != null) ? Outcome.ANSWERED : Outcome.PASSED_ON;
			Map<String, String> headers = new LinkedHashMap<>();
			for (CorsHeader header : CorsHeader.values()) {
				String value = decision.getHeaderValue(header);
				if (value != null) {
					headers.put(header.headerName(), value);
				}
			}
			String reason = (outcome == Outcome.ANSWERED) ? filter.getReasonHeaderValue(decision) : null;
			if (reason != null) {
				headers.put(CorsGatewayWebFilter.REASON_HEADER, reason);
			}
			CorsPolicy policy = decision.getPolicy();
			return new CheckDescriptor(describe(request, uri), decision.getKind(), decision.getReason(),
					decision.getDetail(), decision.getServiceLabel(), decision.getRouteLabel(),
					(policy != null) ? policy.getId() : null, decision.isEnforced(), outcome,
					(answer != null) ? answer.value() : null, headers, decision.getVary().tokens());
		}

		private static RequestDescriptor describe(CorsRequest request, URI uri) {
			return new RequestDescriptor(request.method(), uri.toString(), request.origin(), request.requestMethod(),
					request.requestHeaders(), request.isPreflight(), request.websocketHandshake(),
					request.requestPrivateNetwork());
		}

	}

}
