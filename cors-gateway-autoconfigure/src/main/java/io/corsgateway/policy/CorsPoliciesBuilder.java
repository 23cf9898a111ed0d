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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.corsgateway.routing.HostMatcher;
import io.corsgateway.routing.PathPatternIndex;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Fluent builder of {@link CorsPolicies}, used by the properties mapper and by Java
 * configuration alike, so that both go through the same validation. {@link #build()}
 * reports every error at once.
 *
 * <pre class="code">
 * CorsPolicies policies = CorsPolicies.builder()
 *     .defaults((defaults) -&gt; defaults.allowedMethods("GET", "POST"))
 *     .service("orders", (orders) -&gt; orders.paths("/orders/**")
 *         .allowedOrigins("https://shop.example.com")
 *         .allowCredentials(true)
 *         .route("refunds", (refunds) -&gt; refunds.paths("/orders/{id}/refunds").methods("POST")))
 *     .build();
 * </pre>
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CorsPoliciesBuilder {

	private final DefaultsSpec defaults = new DefaultsSpec();

	private final Map<String, ServiceSpec> services = new LinkedHashMap<>();

	private PathPatternParser pathPatternParser = PathPatternParser.defaultInstance;

	CorsPoliciesBuilder() {
	}

	/**
	 * Adjust the defaults inherited by every service and route.
	 * @param customizer adjusts the defaults
	 * @return this builder
	 */
	public CorsPoliciesBuilder defaults(Consumer<DefaultsSpec> customizer) {
		customizer.accept(this.defaults);
		return this;
	}

	/**
	 * Configure the service with the given id, creating it on first use; services are
	 * matched in the order they were first declared when their paths are equally
	 * specific.
	 * @param serviceId the service id, used in logs and error messages
	 * @param customizer adjusts the service
	 * @return this builder
	 */
	public CorsPoliciesBuilder service(String serviceId, Consumer<ServiceSpec> customizer) {
		customizer.accept(this.services.computeIfAbsent(serviceId, ServiceSpec::new));
		return this;
	}

	/**
	 * Remove the service with the given id, if present.
	 * @param serviceId the service id
	 * @return this builder
	 */
	public CorsPoliciesBuilder removeService(String serviceId) {
		this.services.remove(serviceId);
		return this;
	}

	/**
	 * Use another parser for {@code paths}, for example one configured for
	 * case-insensitive matching.
	 * @param parser the parser
	 * @return this builder
	 */
	public CorsPoliciesBuilder pathPatternParser(PathPatternParser parser) {
		this.pathPatternParser = parser;
		return this;
	}

	public DefaultsSpec getDefaults() {
		return this.defaults;
	}

	/**
	 * The services in declaration order.
	 * @return the services
	 */
	public Collection<ServiceSpec> getServices() {
		return Collections.unmodifiableCollection(this.services.values());
	}

	/**
	 * Validate and compile the policies.
	 * @return the immutable compiled policies
	 * @throws InvalidCorsPolicyException listing every error when the configuration is
	 * invalid
	 */
	public CorsPolicies build() {
		PolicyCompiler compiler = new PolicyCompiler();
		CorsPolicy defaultsPolicy = compiler.compile("defaults", PolicyCompiler.levels(null, null, this.defaults));
		PathPatternIndex.Builder<CorsPolicies.Service> serviceIndex = PathPatternIndex.builder(this.pathPatternParser);
		Set<String> servicePatterns = new HashSet<>();
		boolean originDependent = defaultsPolicy.allowsSomeOrigin() && defaultsPolicy.isEnabled()
				&& defaultsPolicy.isOriginDependent();
		for (ServiceSpec service : this.services.values()) {
			String prefix = service.getPropertyPrefix();
			checkId(compiler, prefix, service.getId());
			CorsPolicy servicePolicy = compiler.compile(service.getId(),
					PolicyCompiler.levels(null, service, this.defaults));
			originDependent |= servicePolicy.isEnabled() && servicePolicy.isOriginDependent();
			for (int i = 0; i < service.getHosts().size(); i++) {
				String host = service.getHosts().get(i);
				if (host == null || !HostMatcher.isValidPattern(host)) {
					compiler.error(prefix + ".hosts[" + i + "]", host, "A host must be a domain name such as "
							+ "api.example.com, or '*.' followed by one such as *.example.com; no scheme, port or path.");
				}
			}
			List<String> hosts = validHosts(service.getHosts());
			PathPatternIndex.Builder<CorsPolicies.Route> routeIndex = PathPatternIndex.builder(this.pathPatternParser);
			Set<List<Object>> routeKeys = new HashSet<>();
			for (RouteSpec route : service.getRoutes()) {
				String routePrefix = route.getPropertyPrefix();
				checkId(compiler, routePrefix, route.getId());
				compiler.validateMethods(routePrefix + ".methods", route.getMethods(), false);
				CorsPolicy routePolicy = compiler.compile(service.getId() + "." + route.getId(),
						PolicyCompiler.levels(route, service, this.defaults));
				originDependent |= routePolicy.isEnabled() && routePolicy.isOriginDependent();
				List<String> methods = route.getMethods();
				CorsPolicies.Route compiled = new CorsPolicies.Route(route.getId(),
						(methods != null) ? Set.copyOf(methods) : null, routePolicy);
				for (PathPattern pattern : parsePaths(compiler, routePrefix + ".paths", route.getPaths())) {
					Object methodKey = (methods != null) ? Set.copyOf(methods) : "*";
					if (!routeKeys.add(List.of(pattern.getPatternString(), methodKey))) {
						compiler.error(routePrefix + ".paths", pattern.getPatternString(), "Another route of service '"
								+ service.getId() + "' already has this path pattern for the same methods, so this "
								+ "route could never be chosen. Merge the two routes or give them different methods.");
					}
					routeIndex.add(pattern, compiled, (methods != null) ? 0 : 1);
				}
			}
			CorsPolicies.Service compiled = new CorsPolicies.Service(service.getId(), HostMatcher.of(hosts),
					servicePolicy, routeIndex.build());
			for (PathPattern pattern : parsePaths(compiler, prefix + ".paths", service.getPaths())) {
				if (!servicePatterns.add(pattern.getPatternString() + " " + new TreeSet<>(hosts))) {
					compiler.error(prefix + ".paths", pattern.getPatternString(), "Another service already has this "
							+ "path pattern for the same hosts, so this service could never be chosen. Merge the "
							+ "services, or tell them apart with hosts.");
				}
				serviceIndex.add(pattern, compiled, service.getHosts().isEmpty() ? 1 : 0);
			}
		}
		List<PolicyError> errors = compiler.errors();
		if (!errors.isEmpty()) {
			throw new InvalidCorsPolicyException(errors);
		}
		CorsPolicy fallback = (defaultsPolicy.isEnabled() && defaultsPolicy.allowsSomeOrigin()) ? defaultsPolicy : null;
		return new CorsPolicies(fallback, serviceIndex.build(), originDependent, compiler.warnings());
	}

	private static List<String> validHosts(List<String> hosts) {
		List<String> valid = new ArrayList<>();
		for (String host : hosts) {
			if (host != null && HostMatcher.isValidPattern(host)) {
				valid.add(host);
			}
		}
		return valid;
	}

	private static void checkId(PolicyCompiler compiler, String property, String id) {
		if (id.isEmpty() || !id.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
			compiler.error(property, id, "An id may contain only letters, digits, '-' and '_'; it names the scope in "
					+ "logs and errors. Rename it, for example to 'orders'.");
		}
	}

	private List<PathPattern> parsePaths(PolicyCompiler compiler, String property, @Nullable List<String> paths) {
		if (paths == null || paths.isEmpty()) {
			compiler.error(property, null, "At least one path pattern is required, such as /orders/**; without one "
					+ "this scope can never match a request.");
			return List.of();
		}
		List<PathPattern> parsed = new ArrayList<>(paths.size());
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			if (path == null || !path.startsWith("/")) {
				compiler.error(property + "[" + i + "]", path,
						"A path pattern must start with '/', such as /orders/**.");
				continue;
			}
			try {
				parsed.add(this.pathPatternParser.parse(path));
			}
			catch (PatternParseException ex) {
				compiler.error(property + "[" + i + "]", path, "The path pattern does not parse: " + ex.getMessage()
						+ ". Use Spring PathPattern syntax, such as /orders/**, /orders/{id} or /files/{*path}.");
			}
		}
		return parsed;
	}

}
