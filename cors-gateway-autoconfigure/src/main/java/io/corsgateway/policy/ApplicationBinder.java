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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.LogText;

/**
 * Checks applications and finds the scopes each applies to, before any policy is
 * compiled: an application registered with a service applies to the service's policy and
 * to every route of it, one registered with {@code service/route} to that route only.
 * <p>
 * A declared application is part of the configuration: each problem is an error, and the
 * build fails. A registered application comes from a registry: it is checked on its own,
 * and one with a problem is skipped as a whole, each problem reported as a warning, so
 * that one bad row never keeps the others or the configuration from applying. Because
 * credentials can be set at any level, the credential rule is checked against the
 * resolved policy of every scope an application applies to.
 *
 * @author cors-gateway authors
 */
final class ApplicationBinder {

	private final OriginSets originSets;

	private final DefaultsSpec defaults;

	private final Map<String, ServiceSpec> services = new LinkedHashMap<>();

	private final PolicyErrors errors;

	private final Map<ScopeKey, ResolvedPolicy> resolved = new HashMap<>();

	private final Map<ScopeKey, List<AppliedApplication>> byScope = new HashMap<>();

	private final List<CorsApplication> applied = new ArrayList<>();

	ApplicationBinder(OriginSets originSets, DefaultsSpec defaults, Collection<ServiceSpec> services,
			PolicyErrors errors) {
		this.originSets = originSets;
		this.defaults = defaults;
		for (ServiceSpec service : services) {
			this.services.putIfAbsent(service.getId(), service);
		}
		this.errors = errors;
	}

	/**
	 * Check the applications and bind those that apply to their scopes.
	 * @param declared the declared applications: each problem is an error
	 * @param registered the registered applications: one with a problem is skipped with
	 * warnings, as is one whose id is declared or was registered before
	 */
	void bind(Collection<CorsApplication> declared, Collection<CorsApplication> registered) {
		Map<String, String> declaredSources = new HashMap<>();
		for (CorsApplication application : declared) {
			declaredSources.put(application.id(), application.source());
			Checked checked = check(application);
			checked.problems().forEach((problem) -> this.errors.error(problem.error()));
			checked.warnings().forEach(this.errors::warning);
			apply(application, checked);
		}
		Map<String, String> registeredSources = new HashMap<>();
		for (CorsApplication application : registered) {
			String id = application.id();
			String declaredSource = declaredSources.get(id);
			if (declaredSource != null) {
				skip(application, application.source(),
						"an application with this id is declared in the " + "configuration (" + declaredSource
								+ "), which takes precedence. Give the registered "
								+ "application another id, or remove one of the two.");
				continue;
			}
			String earlier = registeredSources.putIfAbsent(id, application.source());
			if (earlier != null) {
				skip(application, application.source(), "an application with this id was registered before (" + earlier
						+ "). Give each registered application an id of its own.");
				continue;
			}
			Checked checked = check(application);
			if (!checked.problems().isEmpty()) {
				for (Problem problem : checked.problems()) {
					skip(application, problem.applicationProperty(), problem.error().value(), problem.error().reason());
				}
				continue;
			}
			checked.warnings().forEach((warning) -> this.errors.warning(printable(warning)));
			apply(application, checked);
		}
	}

	/**
	 * The applications that apply to a scope, in the order they were given.
	 * @param serviceId the service
	 * @param routeId the route, or {@code null} for the service's own policy
	 * @return the applications
	 */
	List<AppliedApplication> of(String serviceId, @Nullable String routeId) {
		return this.byScope.getOrDefault(new ScopeKey(serviceId, routeId), List.of());
	}

	/**
	 * Every application that applies, declared ones first, in the order they were given.
	 * @return the applications
	 */
	List<CorsApplication> applied() {
		return Collections.unmodifiableList(this.applied);
	}

	private void skip(CorsApplication application, String property, String reason) {
		skip(application, property, application.id(), reason);
	}

	private void skip(CorsApplication application, String property, @Nullable Object value, String reason) {
		this.errors.warning(printable(new PolicyError(property, value,
				"Application '" + application.id() + "' is skipped: " + decapitalized(reason))));
	}

	// A registered application comes from outside the configuration, and its id, origins,
	// services and source reach the log through the property, the value and the reasons
	// that quote them: none of them may forge a log line.
	private static PolicyError printable(PolicyError warning) {
		Object value = warning.value();
		return new PolicyError(LogText.printableMessage(warning.property()),
				(value instanceof String text) ? LogText.printable(text) : value,
				LogText.printableMessage(warning.reason()));
	}

	// "An origin ..." and "A plain ..." read "an origin ..." and "a plain ..." after "is
	// skipped:"; "'*' ..." and "HTTP" stay as they are.
	private static String decapitalized(String reason) {
		if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
				&& (Character.isLowerCase(reason.charAt(1)) || reason.charAt(1) == ' ')) {
			return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
		}
		return reason;
	}

	private void apply(CorsApplication application, Checked checked) {
		AppliedApplication applied = new AppliedApplication(application, checked.origins());
		for (ScopeKey scope : checked.scopes()) {
			List<AppliedApplication> applications = this.byScope.computeIfAbsent(scope, (key) -> new ArrayList<>());
			if (applications.isEmpty() || applications.get(applications.size() - 1) != applied) {
				applications.add(applied);
			}
		}
		checked.referencedSets().forEach(this.originSets::referenced);
		this.applied.add(application);
	}

	private Checked check(CorsApplication application) {
		Checked checked = new Checked(application);
		if (!ScopeChecks.isValidId(application.id())) {
			checked.problem(application.source(), application.source(), application.id(),
					"An application id may contain only letters, digits, '-' and '_'; it names the application in "
							+ "messages and in the actuator endpoint. Rename it, for example to 'partner-portal'.");
		}
		checkOrigins(checked);
		checkServices(checked);
		checkCredentials(checked);
		return checked;
	}

	private void checkOrigins(Checked checked) {
		CorsApplication application = checked.application();
		String property = application.source() + ".origins";
		if (application.origins().isEmpty()) {
			checked.problem(property, property, null, "An application needs at least one origin, the front end it "
					+ "runs on, such as https://portal.partner.example; without one it allows nothing.");
		}
		for (int i = 0; i < application.origins().size(); i++) {
			String origin = application.origins().get(i);
			String entry = property + "[" + i + "]";
			if ("*".equals(origin)) {
				checked.problem(entry, entry, origin, "An application names the front ends it runs on, and '*' would "
						+ "allow every origin on the services it is registered with. List the application's origins; "
						+ "a scope meant to allow any origin says '*' in its own allowed-origins.");
			}
			else if ("null".equals(origin)) {
				checked.problem(entry, entry, origin, "'null' is the opaque origin that sandboxed iframes and data: "
						+ "URLs of any site send, so it names no front end of the application. Serve the application "
						+ "from an origin of its own and list that origin.");
			}
			else if (OriginSets.isReference(origin)) {
				String name = OriginSets.name(origin);
				List<OriginEntry> members = this.originSets.members(name);
				if (members == null) {
					checked.problem(entry, entry, origin, this.originSets.unknown(name));
				}
				else {
					members.forEach((member) -> checked.origins()
						.add(new OriginEntry(member.value(), member.property(), entry)));
					checked.referencedSets().add(name);
				}
			}
			else {
				PolicyErrors found = new PolicyErrors();
				if (FieldChecks.origin(entry, origin, found) != null) {
					checked.origins().add(new OriginEntry(origin, entry, null));
				}
				found.errors().forEach((error) -> checked.problems().add(new Problem(entry, error)));
				checked.warnings().addAll(found.warnings());
			}
		}
	}

	private void checkServices(Checked checked) {
		CorsApplication application = checked.application();
		String property = application.source() + ".services";
		if (application.services().isEmpty()) {
			checked.problem(property, property, null, "An application must be registered with at least one service, "
					+ "such as orders, or one route, such as orders/refunds; otherwise its origins apply nowhere.");
		}
		for (int i = 0; i < application.services().size(); i++) {
			String scope = application.services().get(i);
			String entry = property + "[" + i + "]";
			int slash = scope.indexOf('/');
			String serviceId = (slash >= 0) ? scope.substring(0, slash) : scope;
			String routeId = (slash >= 0) ? scope.substring(slash + 1) : null;
			if (serviceId.isEmpty() || (routeId != null && (routeId.isEmpty() || routeId.indexOf('/') >= 0))) {
				checked.problem(entry, entry, scope, "A services entry is a service id, such as orders, which "
						+ "registers the application with the service and all its routes, or a service id and a "
						+ "route id, such as orders/refunds, which registers it with that route only.");
				continue;
			}
			ServiceSpec service = this.services.get(serviceId);
			if (service == null) {
				checked.problem(entry, entry, scope, unknownService(serviceId));
				continue;
			}
			if (routeId == null) {
				checked.scopes().add(new ScopeKey(serviceId, null));
				String registration = entry + " = '" + scope + "'";
				checked.registrations().putIfAbsent(new ScopeKey(serviceId, null), registration);
				for (RouteSpec route : service.getRoutes()) {
					ScopeKey key = new ScopeKey(serviceId, route.getId());
					checked.scopes().add(key);
					checked.registrations().putIfAbsent(key, registration);
				}
			}
			else if (service.getRoutes().stream().anyMatch((route) -> route.getId().equals(routeId))) {
				ScopeKey key = new ScopeKey(serviceId, routeId);
				checked.scopes().add(key);
				checked.registrations().putIfAbsent(key, entry + " = '" + scope + "'");
			}
			else {
				checked.problem(entry, entry, scope, unknownRoute(service, routeId));
			}
		}
	}

	private String unknownService(String serviceId) {
		if (this.services.isEmpty()) {
			return "No service is declared, so the application cannot be registered with '" + serviceId
					+ "'. Declare the service under cors.services." + serviceId + ", or remove the entry.";
		}
		return "No service is named '" + serviceId + "'; the services are " + quoted(this.services.keySet())
				+ ". Correct the id, or declare the service under cors.services." + serviceId + ".";
	}

	private static String unknownRoute(ServiceSpec service, String routeId) {
		List<String> routes = service.getRoutes().stream().map(RouteSpec::getId).toList();
		String known = routes.isEmpty() ? "it has no routes"
				: (routes.size() == 1) ? "its route is " + quoted(routes) : "its routes are " + quoted(routes);
		return "Service '" + service.getId() + "' has no route named '" + routeId + "'; " + known + ". Correct the "
				+ "route id, or register the application with the whole service as '" + service.getId() + "'.";
	}

	private static String quoted(Collection<String> ids) {
		List<String> quoted = new ArrayList<>(ids.size());
		ids.forEach((id) -> quoted.add("'" + id + "'"));
		return String.join(", ", quoted);
	}

	// The credential rule of CredentialChecks, for the origins an application adds to a
	// scope: a scope that allows credentials refuses plain http:// origins other than
	// loopback unless it allows insecure origins. Scopes inheriting the same
	// allow-credentials get one problem.
	private void checkCredentials(Checked checked) {
		List<OriginEntry> insecure = new ArrayList<>();
		for (OriginEntry origin : checked.origins()) {
			OriginRule rule = OriginRule.parse(origin.value(), new ArrayList<>(1), new ArrayList<>(1));
			if (rule != null && rule.isInsecure()) {
				insecure.add(origin);
			}
		}
		if (insecure.isEmpty()) {
			return;
		}
		for (ScopeKey scope : checked.scopes()) {
			ResolvedPolicy policy = resolved(scope);
			if (!policy.isTrue(PolicyField.ALLOW_CREDENTIALS) || policy.isTrue(PolicyField.ALLOW_INSECURE_ORIGINS)) {
				continue;
			}
			String credentials = policy.get(PolicyField.ALLOW_CREDENTIALS).source();
			String registration = checked.registrations().get(scope);
			for (OriginEntry origin : insecure) {
				String through = (origin.reference() != null) ? ", and this origin is the member " + origin.property()
						+ " of the origin set the application references at " + origin.reference() : "";
				String applicationProperty = (origin.reference() != null) ? origin.reference() : origin.property();
				checked.problem(applicationProperty, origin.property(), origin.value(),
						"A plain http:// origin cannot be combined with allow-credentials: true (set by " + credentials
								+ "), which applies where application '" + checked.application().id()
								+ "' is registered (" + registration + ")" + through + ": anyone on the network path "
								+ "can read and alter the page that sends credentialed requests. Use https://, or set "
								+ "allow-insecure-origins: true on that scope if you accept that risk.");
			}
		}
	}

	private ResolvedPolicy resolved(ScopeKey scope) {
		return this.resolved.computeIfAbsent(scope, (key) -> {
			ServiceSpec service = this.services.get(key.serviceId());
			RouteSpec route = (key.routeId() != null) ? service.getRoutes()
				.stream()
				.filter((candidate) -> candidate.getId().equals(key.routeId()))
				.findFirst()
				.orElse(null) : null;
			return ResolvedPolicy.resolve(PolicyCompiler.levels(route, service, this.defaults));
		});
	}

	/**
	 * A service's own policy ({@code routeId} null) or a route's.
	 */
	record ScopeKey(String serviceId, @Nullable String routeId) {

	}

	/**
	 * A problem of an application: the error as a declared application reports it, and
	 * the property of the application's own entry that a skipped registered application
	 * is reported at.
	 */
	record Problem(String applicationProperty, PolicyError error) {

	}

	/**
	 * What checking one application found.
	 */
	private record Checked(CorsApplication application, Set<Problem> problems, List<PolicyError> warnings,
			List<OriginEntry> origins, Set<ScopeKey> scopes, Map<ScopeKey, String> registrations,
			Set<String> referencedSets) {

		Checked(CorsApplication application) {
			this(application, new LinkedHashSet<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>(),
					new HashMap<>(), new LinkedHashSet<>());
		}

		void problem(String applicationProperty, String property, @Nullable Object value, String reason) {
			this.problems.add(new Problem(applicationProperty, new PolicyError(property, value, reason)));
		}

	}

}
