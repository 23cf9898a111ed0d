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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.util.Assert;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Fluent builder of {@link CorsPolicies}, used by the properties mapper and by Java
 * configuration alike, so that both go through the same validation. The builder only
 * holds the specs; {@link #build()} hands them to a compiler, which reports every error
 * at once.
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

	private final Map<String, List<String>> originSets = new LinkedHashMap<>();

	private final Map<String, CorsApplication> applications = new LinkedHashMap<>();

	private final List<CorsApplication> registeredApplications = new ArrayList<>();

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
	 * Define an origin set: a named list of origins that any level's
	 * {@code allowed-origins} and any application reference as {@code set:<name>}, for
	 * example {@code allowedOrigins("https://shop.example", "set:partners")}. The
	 * reference stands for the set's members in every scope that inherits it, as if they
	 * were listed there, credential checks included; the compiled policies hold the
	 * members, so requests never look a set up. Members take the forms
	 * {@code allowed-origins} accepts except {@code *}, {@code null} and another
	 * reference; a set no one references is reported with a warning. Defining a set again
	 * replaces it.
	 * @param name the set name: letters, digits, {@code -} and {@code _}, as service ids
	 * @param origins the set's origins, reported as {@code cors.origin-sets.<name>[i]}
	 * @return this builder
	 */
	public CorsPoliciesBuilder originSet(String name, List<String> origins) {
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(origins, "'origins' must not be null");
		this.originSets.put(name, List.copyOf(origins));
		return this;
	}

	/**
	 * Remove the origin set with the given name, if present.
	 * @param name the set name
	 * @return this builder
	 */
	public CorsPoliciesBuilder removeOriginSet(String name) {
		this.originSets.remove(name);
		return this;
	}

	/**
	 * Declare an application: its origins are allowed on the services and routes it is
	 * registered with, in addition to each scope's own, with the scope's other fields. A
	 * declared application is part of the configuration: an invalid one (a malformed
	 * origin, {@code *}, {@code null}, an unknown origin set, service or route, empty
	 * origins or services, or a plain {@code http://} origin on a scope with credentials)
	 * fails the build like any invalid property, each problem named by the application's
	 * {@linkplain CorsApplication#source() source} and field. Declaring an application
	 * with the id of one declared before replaces it.
	 * @param application the application
	 * @return this builder
	 */
	public CorsPoliciesBuilder application(CorsApplication application) {
		Assert.notNull(application, "'application' must not be null");
		this.applications.put(application.id(), application);
		return this;
	}

	/**
	 * Remove the declared application with the given id, if present.
	 * @param id the application id
	 * @return this builder
	 */
	public CorsPoliciesBuilder removeApplication(String id) {
		this.applications.remove(id);
		return this;
	}

	/**
	 * Add applications from a registry, such as a {@code CorsApplicationRegistry}. Each
	 * is checked on its own, as {@link #application(CorsApplication)} checks a declared
	 * one, but an invalid one is skipped: each of its problems becomes a warning whose
	 * property is the application's source and field and whose reason starts with
	 * {@code Application '<id>' is skipped:}, and it never keeps the others from applying
	 * nor fails the build. A registered application whose id is declared, or was
	 * registered before, is skipped the same way.
	 * @param applications the applications, in the registry's order
	 * @return this builder
	 */
	public CorsPoliciesBuilder registeredApplications(Collection<CorsApplication> applications) {
		Assert.notNull(applications, "'applications' must not be null");
		this.registeredApplications.addAll(applications);
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

	/**
	 * The defaults inherited by every service and route.
	 * @return the defaults
	 */
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
	 * The origin sets in declaration order.
	 * @return the origin sets by name
	 */
	public Map<String, List<String>> getOriginSets() {
		return Collections.unmodifiableMap(this.originSets);
	}

	/**
	 * The declared applications in declaration order.
	 * @return the declared applications
	 */
	public Collection<CorsApplication> getApplications() {
		return Collections.unmodifiableCollection(this.applications.values());
	}

	/**
	 * The applications added by {@link #registeredApplications(Collection)}, in the order
	 * they were added.
	 * @return the registered applications
	 */
	public List<CorsApplication> getRegisteredApplications() {
		return Collections.unmodifiableList(this.registeredApplications);
	}

	/**
	 * Validate and compile the policies.
	 * @return the immutable compiled policies
	 * @throws InvalidCorsPolicyException listing every error when the configuration is
	 * invalid
	 */
	public CorsPolicies build() {
		return build(new PolicyErrors());
	}

	/**
	 * Validate and compile the policies, recording what is found in the given collector.
	 * Errors recorded in it before, such as unknown configuration keys, are reported
	 * first by the same exception; its warnings become those of the compiled policies.
	 * @param errors the collector of errors and warnings
	 * @return the immutable compiled policies
	 * @throws InvalidCorsPolicyException listing every error of the collector when it
	 * holds any
	 */
	public CorsPolicies build(PolicyErrors errors) {
		Assert.notNull(errors, "'errors' must not be null");
		return new CorsPoliciesCompiler(this.pathPatternParser, errors).compile(this.defaults, this.services.values(),
				this.originSets, this.applications.values(), this.registeredApplications);
	}

}
