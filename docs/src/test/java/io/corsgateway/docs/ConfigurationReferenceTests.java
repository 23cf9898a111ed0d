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
package io.corsgateway.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.corsgateway.autoconfigure.CorsApplicationProperties;
import io.corsgateway.autoconfigure.CorsGatewayProperties;
import io.corsgateway.autoconfigure.CorsRouteProperties;
import io.corsgateway.autoconfigure.CorsServiceProperties;
import io.corsgateway.policy.PolicyField;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the properties tables of {@code docs/configuration.md} agree with the
 * {@code META-INF/spring-configuration-metadata.json} that the configuration processor
 * generates from {@link CorsGatewayProperties}: every property has a row, and each row
 * states the property's description, type and default. The policy fields table is also
 * checked against the {@link PolicyField} descriptors, so that a field added to the code
 * but not to the docs (or the other way round) fails here.
 *
 * @author cors-gateway authors
 */
class ConfigurationReferenceTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern BUILT_IN_DEFAULT = Pattern.compile("Built-in default: (.+?)\\.(\\s|$)");

	private final List<JsonNode> properties = corsProperties();

	private final Map<String, Row> rows = rows();

	private static List<JsonNode> corsProperties() {
		List<JsonNode> properties = new ArrayList<>();
		ObjectMapper mapper = new ObjectMapper();
		try {
			// Every Spring Boot jar has a metadata file of this name: keep ours only.
			for (URL url : Collections
				.list(ConfigurationReferenceTests.class.getClassLoader().getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : mapper.readTree(in).path("properties")) {
						if (property.path("name").asString().startsWith("cors.")
								&& property.path("sourceType").asString().startsWith("io.corsgateway.")) {
							properties.add(property);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

	private static Map<String, Row> rows() {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : DocsFiles.lines(DocsFiles.directory().resolve("configuration.md"))) {
			if (!line.startsWith("|")) {
				continue;
			}
			String[] cells = line.split("(?<!\\\\)\\|");
			if (cells.length < 5) {
				continue;
			}
			String key = cells[1].strip();
			if (key.startsWith("`cors.") && key.endsWith("`")) {
				Row row = new Row(key.substring(1, key.length() - 1), cells[2].strip(), cells[3].strip(),
						cells[4].strip());
				assertThat(rows.put(row.key(), row)).as("second row for %s", row.key()).isNull();
			}
		}
		return rows;
	}

	private Row rowOf(JsonNode property) {
		String name = property.path("name").asString();
		Row row = this.rows.get(name);
		assertThat(row).as("row for %s in docs/configuration.md", name).isNotNull();
		return row;
	}

	// Code spans, escapes and quotes differ between Markdown and the metadata, words do
	// not.
	private static String words(String text) {
		return text.replace("`", "").replace("\\", "").replace("'", "").replaceAll("\\s+", " ").strip();
	}

	private static String simpleType(String type) {
		return type.replaceAll("[a-z][a-z0-9_]*\\.", "").replaceAll("[A-Za-z0-9_]+\\$", "").replace(" ", "");
	}

	@Test
	void metadataDescribesTheCorsProperties() {
		assertThat(this.properties).extracting((property) -> property.path("name").asString())
			.contains("cors.enabled", "cors.filter-order", "cors.services", "cors.defaults.allowed-origins");
		assertThat(this.properties).allSatisfy(
				(property) -> assertThat(property.path("description").asString()).as("description of %s", property)
					.isNotBlank());
	}

	@Test
	void everyPropertyHasARow() {
		List<String> missing = this.properties.stream()
			.map((property) -> property.path("name").asString())
			.filter((name) -> !this.rows.containsKey(name))
			.toList();
		assertThat(missing).as("properties without a row in docs/configuration.md").isEmpty();
	}

	@Test
	void everyRowStatesTheMetadataDescription() {
		for (JsonNode property : this.properties) {
			assertThat(words(rowOf(property).description())).as("description of %s", property.path("name"))
				.contains(words(property.path("description").asString()));
		}
	}

	@Test
	void everyRowStatesTheMetadataType() {
		for (JsonNode property : this.properties) {
			assertThat(words(rowOf(property).type()).replace(" ", "")).as("type of %s", property.path("name"))
				.isEqualTo(simpleType(property.path("type").asString()));
		}
	}

	@Test
	void everyDefaultStatedInTheMetadataIsStatedInTheTable() {
		int checked = 0;
		for (JsonNode property : this.properties) {
			String defaultColumn = words(rowOf(property).defaultValue());
			if (property.has("defaultValue")) {
				assertThat(defaultColumn).as("default of %s", property.path("name"))
					.contains(defaultText(property.get("defaultValue")));
				checked++;
			}
			Matcher builtIn = BUILT_IN_DEFAULT.matcher(property.path("description").asString());
			if (builtIn.find()) {
				assertThat(defaultColumn).as("built-in default of %s", property.path("name"))
					.contains(words(builtIn.group(1)));
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(7);
	}

	@Test
	void filterOrderDefaultIsTheFilterConstant() {
		// The configuration processor cannot evaluate a constant of another class, so the
		// metadata has no default for this one.
		assertThat(words(this.rows.get("cors.filter-order").defaultValue()))
			.isEqualTo(String.valueOf(CorsGatewayWebFilter.DEFAULT_ORDER));
	}

	@Test
	void everyDocumentedKeyExists() {
		List<String> names = this.properties.stream().map((property) -> property.path("name").asString()).toList();
		for (String key : this.rows.keySet()) {
			if (key.startsWith("cors.services.<id>.routes.<route-id>.")) {
				assertThat(propertyNames(CorsRouteProperties.class)).as(key)
					.contains(key.substring("cors.services.<id>.routes.<route-id>.".length()));
			}
			else if (key.startsWith("cors.applications.<id>.")) {
				assertThat(propertyNames(CorsApplicationProperties.class)).as(key)
					.contains(key.substring("cors.applications.<id>.".length()));
			}
			else if (key.startsWith("cors.services.<id>.")) {
				assertThat(propertyNames(CorsServiceProperties.class)).as(key)
					.contains(key.substring("cors.services.<id>.".length()));
			}
			else {
				assertThat(names).as("documented key %s", key).contains(key);
			}
		}
	}

	@Test
	void everyPolicyFieldHasARowWithItsTypeAndBuiltInDefault() {
		for (PolicyField<?> field : PolicyField.all()) {
			Row row = this.rows.get("cors.defaults." + field.getName());
			assertThat(row).as("row for policy field %s in docs/configuration.md", field).isNotNull();
			assertThat(words(row.type()).replace(" ", "")).as("type of %s", field).isEqualTo(field.getTypeName());
			assertThat(words(row.defaultValue())).as("built-in default of %s", field)
				.startsWith(documentedDefault(field.getDefaultValue()));
		}
	}

	@Test
	void everyPolicyFieldRowIsAPolicyField() {
		List<String> fields = PolicyField.all().stream().map((field) -> "cors.defaults." + field.getName()).toList();
		assertThat(this.rows.keySet()).filteredOn((key) -> key.startsWith("cors.defaults."))
			.as("rows of docs/configuration.md that are no PolicyField")
			.containsExactlyInAnyOrderElementsOf(fields);
	}

	// How the Default column writes a default of the metadata, where a list is an array.
	private static String defaultText(JsonNode value) {
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.forEach((element) -> elements.add(element.asString()));
			return elements.isEmpty() ? "none" : String.join(", ", elements);
		}
		return value.asString();
	}

	// How the Default column writes a built-in default.
	private static String documentedDefault(@Nullable Object value) {
		if (value == null) {
			return "unset";
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? "none" : String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return value.toString();
	}

	private static List<String> propertyNames(Class<?> type) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
				names.add(descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase());
			}
		}
		return names;
	}

	record Row(String key, String type, String defaultValue, String description) {

	}

}
