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

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.corsgateway.policy.CorsPoliciesBuilder;
import io.corsgateway.policy.PolicyField;
import io.corsgateway.policy.RouteSpec;
import io.corsgateway.policy.ServiceSpec;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the policy fields of {@link CorsPolicyProperties} and the
 * {@link PolicyField} descriptors are the same set, so that a field cannot be half-added,
 * and that every field is bound and mapped through the generic path.
 *
 * @author cors-gateway authors
 */
class PolicyFieldPropertiesTests {

	private static final String ROUTE = "cors.services.orders.routes.refunds.";

	@Test
	void everyPolicyFieldHasABeanPropertyOfItsType() {
		Map<String, PropertyDescriptor> properties = policyProperties();
		for (PolicyField<?> field : PolicyField.all()) {
			PropertyDescriptor property = properties.get(CorsGatewayPropertiesMapper.beanPropertyName(field));
			assertThat(property).as("bean property of %s in CorsPolicyProperties", field).isNotNull();
			assertThat(property.getWriteMethod()).as("setter of %s", field).isNotNull();
			ResolvableType type = ResolvableType.forMethodReturnType(property.getReadMethod());
			assertThat(type.resolve()).as("type of %s", field).isEqualTo(field.getType());
			if (field.getElementType() != null) {
				assertThat(type.resolveGeneric(0)).as("element type of %s", field).isEqualTo(field.getElementType());
			}
		}
	}

	@Test
	void everyBeanPropertyOfPolicyIsAPolicyField() {
		List<String> fieldProperties = PolicyField.all()
			.stream()
			.map(CorsGatewayPropertiesMapper::beanPropertyName)
			.toList();
		assertThat(policyProperties()).as("bean properties of CorsPolicyProperties without a PolicyField")
			.containsOnlyKeys(fieldProperties);
	}

	@Test
	void everyPolicyFieldHasADescriptionInTheGeneratedMetadata() {
		Map<String, String> descriptions = metadataDescriptions();
		for (PolicyField<?> field : PolicyField.all()) {
			assertThat(descriptions.get("cors.defaults." + field.getName())).as("description of %s", field)
				.isNotBlank();
		}
	}

	@Test
	void everyPolicyFieldSetOnARouteIsBoundAndMappedToTheRoute() {
		Map<String, String> values = new HashMap<>();
		values.put("cors.services.orders.paths", "/orders/**");
		values.put(ROUTE + "paths", "/orders/*/refunds");
		Map<PolicyField<?>, Object> expected = new HashMap<>();
		for (PolicyField<?> field : PolicyField.all()) {
			values.put(ROUTE + field.getName(), propertyValue(field));
			expected.put(field, typedValue(field));
		}
		CorsGatewayProperties properties = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("cors",
				CorsGatewayProperties.class);
		CorsPoliciesBuilder builder = new CorsGatewayPropertiesMapper(properties, List.of(), List.of()).toBuilder();
		ServiceSpec service = builder.getServices().iterator().next();
		RouteSpec route = service.getRoutes().iterator().next();
		for (PolicyField<?> field : PolicyField.all()) {
			assertThat(route.get(field)).as("route value of %s", field).isEqualTo(expected.get(field));
			assertThat(service.get(field)).as("service value of %s", field).isNull();
			assertThat(builder.getDefaults().get(field)).as("defaults value of %s", field).isNull();
		}
	}

	// A value that differs from the built-in default, written as in a properties file.
	private static String propertyValue(PolicyField<?> field) {
		Class<?> type = field.getType();
		if (type == Boolean.class) {
			return String.valueOf(!Boolean.TRUE.equals(field.getDefaultValue()));
		}
		if (type == List.class) {
			return "first,second";
		}
		if (type == Duration.class) {
			return "5m";
		}
		if (type == Integer.class) {
			return "200";
		}
		throw new IllegalStateException("Add a sample value of " + type.getName() + " for " + field);
	}

	private static Object typedValue(PolicyField<?> field) {
		Class<?> type = field.getType();
		if (type == Boolean.class) {
			return !Boolean.TRUE.equals(field.getDefaultValue());
		}
		if (type == List.class) {
			return List.of("first", "second");
		}
		if (type == Duration.class) {
			return Duration.ofMinutes(5);
		}
		return 200;
	}

	private static Map<String, PropertyDescriptor> policyProperties() {
		Map<String, PropertyDescriptor> properties = new HashMap<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(CorsPolicyProperties.class)) {
			if (property.getReadMethod() != null && !property.getName().equals("class")) {
				properties.put(property.getName(), property);
			}
		}
		return properties;
	}

	private static Map<String, String> metadataDescriptions() {
		Map<String, String> descriptions = new HashMap<>();
		try {
			for (URL url : Collections.list(PolicyFieldPropertiesTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
						if (property.path("sourceType").asString().startsWith("io.corsgateway.")) {
							descriptions.put(property.path("name").asString(), property.path("description").asString());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return descriptions;
	}

}
