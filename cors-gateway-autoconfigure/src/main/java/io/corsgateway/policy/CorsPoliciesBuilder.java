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

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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
		return new CorsPoliciesCompiler(this.pathPatternParser, errors).compile(this.defaults, this.services.values());
	}

}
