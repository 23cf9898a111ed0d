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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for binding {@link CorsGatewayProperties}.
 *
 * @author cors-gateway authors
 */
class CorsGatewayPropertiesTests {

	private static CorsGatewayProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("cors", CorsGatewayProperties.class);
	}

	@Test
	void unsetFieldsStayNullSoThatTheyInherit() {
		CorsGatewayProperties properties = bind(Map.of("cors.services.orders.paths", "/orders/**"));
		CorsServiceProperties orders = properties.getServices().get("orders");
		assertThat(orders.getAllowedOrigins()).isNull();
		assertThat(orders.getAllowCredentials()).isNull();
		assertThat(orders.getMaxAge()).isNull();
		assertThat(properties.isEnabled()).isTrue();
	}

	@Test
	void maxAgeTakesADurationOrBareSeconds() {
		CorsGatewayProperties properties = bind(Map.of("cors.defaults.max-age", "30m", "cors.services.a.max-age",
				"1800", "cors.services.b.max-age", "-1"));
		assertThat(properties.getDefaults().getMaxAge()).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.getServices().get("a").getMaxAge()).isEqualTo(Duration.ofSeconds(1800));
		assertThat(properties.getServices().get("b").getMaxAge()).isEqualTo(Duration.ofSeconds(-1));
	}

	@Test
	void listsBindFromCommaSeparatedValuesAndIndexes() {
		CorsGatewayProperties properties = bind(
				Map.of("cors.defaults.allowed-methods", "GET,PUT", "cors.services.orders.allowed-origins[0]",
						"https://a.example", "cors.services.orders.allowed-origins[1]", "https://b.example"));
		assertThat(properties.getDefaults().getAllowedMethods()).containsExactly("GET", "PUT");
		assertThat(properties.getServices().get("orders").getAllowedOrigins()).containsExactly("https://a.example",
				"https://b.example");
	}

	@Test
	void servicesAndRoutesKeepDeclarationOrder() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("cors.services.zeta.paths", "/z/**");
		values.put("cors.services.alpha.paths", "/a/**");
		values.put("cors.services.alpha.routes.second.paths", "/a/2");
		values.put("cors.services.alpha.routes.first.paths", "/a/1");
		values.put("cors.services.alpha.routes.first.methods", "POST");
		CorsGatewayProperties properties = bind(values);
		assertThat(properties.getServices().keySet()).containsExactly("zeta", "alpha");
		assertThat(properties.getServices().get("alpha").getRoutes().keySet()).containsExactly("second", "first");
		assertThat(properties.getServices().get("alpha").getRoutes().get("first").getMethods()).containsExactly("POST");
	}

}
