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

import java.util.List;
import java.util.Map;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPoliciesBuilder;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.policy.PolicyErrors;
import io.corsgateway.policy.PolicyField;
import io.corsgateway.policy.PolicySpec;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Maps bound {@link CorsGatewayProperties} onto a {@link CorsPoliciesBuilder}, lets the
 * customizers adjust it, and builds the policies, reporting unknown keys together with
 * every other configuration error. The bound properties are only read.
 *
 * @author cors-gateway authors
 */
final class CorsGatewayPropertiesMapper {

	private static final String APPLICATIONS = "cors.applications";

	private final CorsGatewayProperties properties;

	private final List<CorsPolicyCustomizer> customizers;

	private final List<PolicyError> unknownKeys;

	CorsGatewayPropertiesMapper(CorsGatewayProperties properties, List<CorsPolicyCustomizer> customizers,
			List<PolicyError> unknownKeys) {
		this.properties = properties;
		this.customizers = customizers;
		this.unknownKeys = unknownKeys;
	}

	/**
	 * Map the properties onto a new builder and let the customizers adjust it.
	 * @return the builder, not yet built
	 */
	CorsPoliciesBuilder toBuilder() {
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		if (!this.properties.isCaseSensitivePaths()) {
			PathPatternParser parser = new PathPatternParser();
			parser.setCaseSensitive(false);
			builder.pathPatternParser(parser);
		}
		builder.defaults((defaults) -> copyPolicy(this.properties.getDefaults(), defaults));
		this.properties.getServices().forEach((serviceId, service) -> builder.service(serviceId, (spec) -> {
			copyPolicy(service, spec);
			spec.paths(service.getPaths()).hosts(service.getHosts());
			for (Map.Entry<String, CorsRouteProperties> entry : service.getRoutes().entrySet()) {
				CorsRouteProperties route = entry.getValue();
				spec.route(entry.getKey(), (routeSpec) -> {
					copyPolicy(route, routeSpec);
					routeSpec.paths(route.getPaths()).methods(route.getMethods());
				});
			}
		}));
		this.properties.getOriginSets().forEach(builder::originSet);
		this.properties.getApplications()
			.forEach((id, application) -> builder.application(new CorsApplication(id, application.getOrigins(),
					application.getServices(), APPLICATIONS + "." + id)));
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	/**
	 * Build the policies, reporting unknown keys first and then every error of the
	 * builder, each once.
	 * @param builder the builder from {@link #toBuilder()}
	 * @param warnings warnings found outside the builder, which the policies report first
	 * among their own
	 * @return the compiled policies
	 */
	CorsPolicies build(CorsPoliciesBuilder builder, List<PolicyError> warnings) {
		PolicyErrors errors = new PolicyErrors();
		this.unknownKeys.forEach(errors::error);
		warnings.forEach(errors::warning);
		return builder.build(errors);
	}

	// Every field by its descriptor, read from the bean property of the same name, so
	// that a new field needs no edit here.
	private static void copyPolicy(CorsPolicyProperties source, PolicySpec<?> target) {
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(source);
		for (PolicyField<?> field : PolicyField.all()) {
			copyField(field, properties, target);
		}
	}

	private static <T> void copyField(PolicyField<T> field, BeanWrapper source, PolicySpec<?> target) {
		target.set(field, field.cast(source.getPropertyValue(beanPropertyName(field))));
	}

	/**
	 * The name of the bean property of {@link CorsPolicyProperties} that binds the given
	 * field: {@code allowedOrigins} for {@code allowed-origins}.
	 * @param field the field
	 * @return the bean property name
	 */
	static String beanPropertyName(PolicyField<?> field) {
		StringBuilder name = new StringBuilder(field.getName().length());
		boolean upper = false;
		for (char c : field.getName().toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
