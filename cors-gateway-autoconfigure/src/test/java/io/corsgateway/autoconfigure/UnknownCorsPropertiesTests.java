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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.corsgateway.policy.PolicyError;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link UnknownCorsProperties}: a misspelt {@code cors.*} key is reported
 * instead of being silently ignored (gh-3).
 *
 * @author cors-gateway authors
 */
class UnknownCorsPropertiesTests {

	@Test
	void misspeltServiceKeyIsReportedWithASuggestion() {
		MockEnvironment environment = new MockEnvironment().withProperty("cors.services.orders.paths", "/orders/**")
			.withProperty("cors.services.orders.allowed-orgins", "https://shop.example.com");
		assertThat(UnknownCorsProperties.find(environment)).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.services.orders.allowed-orgins");
			assertThat(error.reason()).contains("is not a cors-gateway property")
				.endsWith("Did you mean 'allowed-origins'?");
		});
	}

	@Test
	void misspeltIndexedRouteKeyIsReportedWithASuggestion() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("cors.services.orders.routes.r.paths[0]", "/orders/*/refunds")
			.withProperty("cors.services.orders.routes.r.metods[0]", "POST");
		assertThat(UnknownCorsProperties.find(environment)).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.services.orders.routes.r.metods[0]");
			assertThat(error.reason()).endsWith("Did you mean 'methods'?");
		});
	}

	@Test
	void everyTopLevelPropertyInTheGeneratedMetadataIsKnown() {
		// The check and the properties class must not drift: a property added to
		// CorsGatewayProperties is known without another edit, or this fails.
		Map<String, Object> keys = new LinkedHashMap<>();
		for (JsonNode property : corsMetadataProperties()) {
			String name = property.path("name").asString();
			String type = property.path("type").asString();
			if (name.chars().filter((c) -> c == '.').count() == 1 && !type.startsWith("java.util.Map")) {
				keys.put(name, type.startsWith("java.util.List") ? "x" : "1");
			}
		}
		assertThat(keys).containsKeys("cors.enabled", "cors.filter-order", "cors.reject-ambiguous-paths");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application.yml", keys));
		assertThat(UnknownCorsProperties.find(environment)).isEmpty();
	}

	private static Iterable<JsonNode> corsMetadataProperties() {
		List<JsonNode> properties = new ArrayList<>();
		try {
			for (URL url : Collections.list(UnknownCorsPropertiesTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
						if (property.path("sourceType").asString().startsWith("io.corsgateway.")) {
							properties.add(property);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	@Test
	void validKeysIncludingListIndexesAreNotReported() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.ofEntries(Map.entry("cors.enabled", "true"),
					Map.entry("cors.filter-order", "-101"), Map.entry("cors.reject-ambiguous-paths", "false"),
					Map.entry("cors.defaults.max-age", "30m"), Map.entry("cors.defaults.allowed-methods[0]", "GET"),
					Map.entry("cors.services.orders.paths[0]", "/orders/**"),
					Map.entry("cors.services.orders.hosts[0]", "api.example.com"),
					Map.entry("cors.services.orders.allowedOrigins[0]", "https://shop.example.com"),
					Map.entry("cors.services.orders.allow-credentials", "true"),
					Map.entry("cors.services.orders.routes.r.paths[0]", "/orders/*/refunds"),
					Map.entry("cors.services.orders.routes.r.methods[0]", "POST"),
					Map.entry("cors.services.orders.routes.r.allowed-origin-patterns[0]",
							"https://[a-z]+\\.example\\.com"),
					Map.entry("cors.services.orders.routes.r.preflight-status", "200"),
					Map.entry("cors.services.orders.routes.r.method", "POST"))));
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.routes.r.method");
	}

	@Test
	void misspeltKeyInTwoPropertySourcesIsReportedOnce() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("cors.services.orders.alowed-origins", "x")));
		environment.getPropertySources()
			.addFirst(
					new MapPropertySource("application.properties", Map.of("cors.services.orders.alowedOrigins", "y")));
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.alowedorigins");
	}

	@Test
	void emptyRoutesMapIsNotReported() {
		// YAML's "routes: {}" reaches the environment as an empty value of the map key.
		MockEnvironment environment = new MockEnvironment().withProperty("cors.services.orders.paths[0]", "/orders/**")
			.withProperty("cors.services.orders.routes", "");
		assertThat(UnknownCorsProperties.find(environment)).isEmpty();
	}

	@Test
	void emptyServiceAndEmptyRouteAreNotReported() {
		// YAML's "orders:" with nothing below reaches the environment as an empty value.
		MockEnvironment environment = new MockEnvironment().withProperty("cors.services.orders.paths[0]", "/orders/**")
			.withProperty("cors.services.orders.routes.refunds", "")
			.withProperty("cors.services.catalog", "");
		assertThat(UnknownCorsProperties.find(environment)).isEmpty();
	}

	@Test
	void everyUnknownKeyIsReportedWithTheClosestKnownKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("cors.filter-ordre", "1")
			.withProperty("cors.defaults.max-ages", "30m")
			.withProperty("cors.services.orders.paths[0]", "/orders/**")
			.withProperty("cors.services.orders.host[0]", "api.example.com");
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property, PolicyError::reason)
			.containsExactlyInAnyOrder(
					tuple("cors.filter-ordre",
							"This key is not a cors-gateway property, so its value would be ignored. Did you mean "
									+ "'filter-order'?"),
					tuple("cors.defaults.max-ages",
							"This key is not a cors-gateway property, so its value would be ignored. Did you mean "
									+ "'max-age'?"),
					tuple("cors.services.orders.host[0]",
							"This key is not a cors-gateway property, so its value would be ignored. Did you mean "
									+ "'hosts'?"));
	}

	@Test
	void nestedKeyBelowAListFieldIsReported() {
		MockEnvironment environment = new MockEnvironment().withProperty("cors.defaults.allowed-origins.primary",
				"https://shop.example.com");
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property)
			.containsExactly("cors.defaults.allowed-origins.primary");
	}

	@Test
	void policyFieldIsNotAcceptedWhereOnlyServicesHaveIt() {
		MockEnvironment environment = new MockEnvironment().withProperty("cors.defaults.paths[0]", "/**");
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property)
			.containsExactly("cors.defaults.paths[0]");
	}

	@Test
	void operatingSystemEnvironmentVariablesAreNotChecked() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("CORS_PROXY_URL", "http://proxy.internal")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("cors.services.orders.alowed-origins", "x")));
		assertThat(UnknownCorsProperties.find(environment)).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.alowed-origins");
	}

}
