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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.corsgateway.policy.CorsPoliciesBuilder;
import io.corsgateway.policy.PolicyField;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Tests the IDE metadata of the {@code cors.*} properties: the
 * {@code META-INF/spring-configuration-metadata.json} that the configuration processor
 * generates from the properties classes and merges with
 * {@code META-INF/additional-spring-configuration-metadata.json}, read from the classpath
 * as an IDE reads it from the jar. Every property has a description written as a
 * sentence, every {@code cors.defaults.<field>} default is the {@link PolicyField}'s
 * built-in default, every hinted value is accepted by the binder and by the field's
 * checks, and every Boolean property has a hint saying what {@code true} and
 * {@code false} do.
 * <p>
 * The service and route keys ({@code paths}, {@code hosts}, {@code routes},
 * {@code methods}) sit under the {@code cors.services} map, and the application keys
 * ({@code origins}, {@code services}) under the {@code cors.applications} map, where the
 * processor lists nothing. Their descriptions are checked at the source instead: the bean
 * properties of {@link CorsServiceProperties}, {@link CorsRouteProperties} and
 * {@link CorsApplicationProperties} are found by reflection, and the Javadoc of the field
 * of each is read from {@code src/main/java} with the compiler's tree API, the same
 * Javadoc the processor would turn into a description.
 * {@code ConfigurationReferenceTests} in the docs module checks that the reference table
 * of these keys names existing properties.
 *
 * @author cors-gateway authors
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String DEFAULTS = "cors.defaults.";

	private static final Path SOURCES = Path.of("src/main/java");

	private final Metadata metadata = Metadata.load();

	@Test
	void everyPropertyHasADescriptionThatIsASentence() {
		assertThat(this.metadata.properties()).isNotEmpty();
		this.metadata.properties()
			.forEach((name, property) -> assertSentence(property.path("description").asString(), "description of %s",
					name));
	}

	@Test
	void everyTopLevelBeanPropertyAndPolicyFieldIsInTheMetadata() {
		Set<String> expected = new LinkedHashSet<>();
		for (String name : beanProperties(CorsGatewayProperties.class)) {
			// defaults and registry are groups: their keys are checked below.
			if (!name.equals("defaults") && !name.equals("registry")) {
				expected.add("cors." + kebabCase(name));
			}
		}
		PolicyField.all().forEach((field) -> expected.add(DEFAULTS + field.getName()));
		assertThat(this.metadata.properties().keySet()).containsAll(expected);
	}

	@Test
	void everyRegistryPropertyIsInTheMetadata() {
		Set<String> expected = new LinkedHashSet<>();
		for (String name : beanProperties(CorsGatewayProperties.R2dbc.class)) {
			expected.add("cors.registry.r2dbc." + kebabCase(name));
		}
		assertThat(expected).hasSize(4);
		assertThat(this.metadata.properties().keySet()).containsAll(expected);
	}

	@Test
	void everyPolicyFieldDefaultInTheMetadataIsItsBuiltInDefault() {
		for (PolicyField<?> field : PolicyField.all()) {
			JsonNode property = this.metadata.properties().get(DEFAULTS + field.getName());
			if (field.getDefaultValue() == null) {
				assertThat(property.has("defaultValue")).as("default of %s, which has no built-in default", field)
					.isFalse();
				continue;
			}
			assertThat(property.has("defaultValue")).as("default of %s", field).isTrue();
			// Bound as a user would write it, so that the comparison is made on the value
			// the binder produces, not on the JSON spelling.
			CorsPoliciesBuilder builder = builder(DEFAULTS + field.getName(), text(property.get("defaultValue")));
			assertThat(builder.getDefaults().get(field)).as("default of %s in the metadata", field)
				.isEqualTo(field.getDefaultValue());
		}
	}

	@Test
	void everyDefaultInTheMetadataIsTheDefaultOfTheTopLevelProperty() {
		// The processor cannot evaluate a constant of another class, so the default of
		// filter-order is written in the additional metadata and could drift.
		BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new CorsGatewayProperties());
		int checked = 0;
		for (String name : beanProperties(CorsGatewayProperties.class)) {
			JsonNode property = this.metadata.properties().get("cors." + kebabCase(name));
			if (property != null && property.has("defaultValue")) {
				assertThat(text(property.get("defaultValue"))).as("default of %s", name)
					.isEqualTo(String.valueOf(defaults.getPropertyValue(name)));
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(5);
	}

	@Test
	void everyHintNamesAPropertyAndDescribesItsValuesInSentences() {
		assertThat(this.metadata.hints()).isNotEmpty();
		this.metadata.hints().forEach((name, hint) -> {
			assertThat(this.metadata.properties()).as("property of the hint %s", name).containsKey(name);
			assertThat(hint.path("values")).as("values of the hint %s", name).isNotEmpty();
			for (JsonNode value : hint.path("values")) {
				if (value.has("description")) {
					assertSentence(value.get("description").asString(), "description of %s = %s", name, value);
				}
			}
		});
	}

	@Test
	void everyHintedValueIsAcceptedByTheBinderAndByTheFieldChecks() {
		int checked = 0;
		for (Map.Entry<String, JsonNode> hint : this.metadata.hints().entrySet()) {
			String name = hint.getKey();
			for (JsonNode value : hint.getValue().path("values")) {
				String text = text(value.path("value"));
				if (name.startsWith(DEFAULTS)) {
					PolicyField<?> field = policyField(name.substring(DEFAULTS.length()));
					CorsPoliciesBuilder builder = builder(name, text);
					assertThat(builder.getDefaults().get(field)).as("bound value of %s = %s", name, text).isNotNull();
					assertThatCode(builder::build).as("policies with %s = %s", name, text).doesNotThrowAnyException();
				}
				else {
					String beanProperty = camelCase(name.substring("cors.".length()));
					BeanWrapper bound = PropertyAccessorFactory.forBeanPropertyAccess(bind(name, text));
					assertThat(String.valueOf(bound.getPropertyValue(beanProperty))).as("bound value of %s", name)
						.isEqualTo(text);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(20);
	}

	@Test
	void everyBooleanPropertyHasAHintSayingWhatTrueAndFalseDo() {
		List<String> booleans = this.metadata.properties()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().path("type").asString().equals("java.lang.Boolean"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(booleans).contains("cors.enabled", "cors.debug-headers", DEFAULTS + "report-only");
		for (String name : booleans) {
			JsonNode hint = this.metadata.hints().get(name);
			assertThat(hint).as("hint of the Boolean property %s", name).isNotNull();
			Map<String, String> descriptions = new LinkedHashMap<>();
			for (JsonNode value : hint.path("values")) {
				descriptions.put(text(value.path("value")), value.path("description").asString());
			}
			assertThat(descriptions).as("values of the hint of %s", name).containsOnlyKeys("true", "false");
			descriptions
				.forEach((value, description) -> assertSentence(description, "description of %s = %s", name, value));
		}
	}

	@Test
	void everyServiceAndRouteKeyHasAJavadocDescriptionThatIsASentence() throws IOException {
		assertThat(SOURCES).as("sources of the module, read from the module's directory").isDirectory();
		Map<String, String> descriptions = new LinkedHashMap<>();
		descriptions.putAll(fieldJavadoc(CorsServiceProperties.class));
		descriptions.putAll(fieldJavadoc(CorsRouteProperties.class));
		List<String> keys = new ArrayList<>();
		for (Class<?> type : List.of(CorsServiceProperties.class, CorsRouteProperties.class)) {
			Set<String> own = new LinkedHashSet<>(beanProperties(type));
			own.removeAll(beanProperties(CorsPolicyProperties.class));
			own.forEach((name) -> keys.add(type.getSimpleName() + "." + name));
		}
		assertThat(keys).contains("CorsServiceProperties.paths", "CorsServiceProperties.hosts",
				"CorsServiceProperties.routes", "CorsRouteProperties.paths", "CorsRouteProperties.methods");
		for (String key : keys) {
			assertSentence(descriptions.get(key), "Javadoc of the field behind %s", key);
		}
	}

	@Test // gh-10
	void everyApplicationKeyHasAJavadocDescriptionThatIsASentence() throws IOException {
		Map<String, String> descriptions = fieldJavadoc(CorsApplicationProperties.class);
		List<String> keys = beanProperties(CorsApplicationProperties.class);
		assertThat(keys).containsExactlyInAnyOrder("origins", "services");
		for (String key : keys) {
			assertSentence(descriptions.get("CorsApplicationProperties." + key), "Javadoc of the field behind %s", key);
		}
	}

	private static void assertSentence(String text, String description, Object... args) {
		assertThat(text).as(description, args).isNotBlank().endsWith(".");
	}

	private static CorsPoliciesBuilder builder(String name, String value) {
		return new CorsGatewayPropertiesMapper(bind(name, value), List.of(), List.of()).toBuilder();
	}

	private static CorsGatewayProperties bind(String name, String value) {
		return new Binder(new MapConfigurationPropertySource(Map.of(name, value))).bindOrCreate("cors",
				CorsGatewayProperties.class);
	}

	private static PolicyField<?> policyField(String name) {
		return PolicyField.all()
			.stream()
			.filter((field) -> field.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No PolicyField named " + name));
	}

	// A metadata value as a properties file writes it: lists comma-separated.
	private static String text(JsonNode value) {
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.forEach((element) -> elements.add(element.asString()));
			return String.join(",", elements);
		}
		return value.asString();
	}

	private static List<String> beanProperties(Class<?> type) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
				names.add(descriptor.getName());
			}
		}
		return names;
	}

	private static String kebabCase(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase();
	}

	private static String camelCase(String name) {
		String[] parts = name.split("-");
		StringBuilder camelCase = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			camelCase.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
		}
		return camelCase.toString();
	}

	// The Javadoc of each field declared by the type, keyed "SimpleName.field", from the
	// parsed source: parsing needs no classpath, and keeps doc comments as the processor
	// reads them.
	private static Map<String, String> fieldJavadoc(Class<?> type) throws IOException {
		Path source = SOURCES.resolve(type.getName().replace('.', '/') + ".java");
		assertThat(source).as("source of %s", type.getName()).isRegularFile();
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Map<String, String> javadoc = new LinkedHashMap<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
			Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source);
			JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, units);
			DocTrees trees = DocTrees.instance(task);
			for (CompilationUnitTree unit : task.parse()) {
				for (Tree typeTree : unit.getTypeDecls()) {
					ClassTree classTree = (ClassTree) typeTree;
					for (Tree member : classTree.getMembers()) {
						if (member instanceof VariableTree field) {
							DocCommentTree comment = trees.getDocCommentTree(TreePath.getPath(unit, field));
							String text = (comment != null) ? comment.getFullBody()
								.stream()
								.map(Object::toString)
								.collect(Collectors.joining())
								.replaceAll("\\s+", " ")
								.strip() : "";
							javadoc.put(classTree.getSimpleName() + "." + field.getName(), text);
						}
					}
				}
			}
		}
		return javadoc;
	}

	/**
	 * The {@code cors.*} properties and hints of our metadata, by name.
	 */
	private record Metadata(Map<String, JsonNode> properties, Map<String, JsonNode> hints) {

		static Metadata load() {
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			Map<String, JsonNode> hints = new LinkedHashMap<>();
			try {
				// Every Spring Boot jar has a metadata file of this name: keep ours only.
				for (URL url : Collections
					.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
					try (InputStream in = url.openStream()) {
						JsonNode root = new ObjectMapper().readTree(in);
						boolean ours = false;
						for (JsonNode property : root.path("properties")) {
							if (property.path("sourceType").asString().startsWith("io.corsgateway.")) {
								properties.put(property.path("name").asString(), property);
								ours = true;
							}
						}
						if (ours) {
							root.path("hints").forEach((hint) -> hints.put(hint.path("name").asString(), hint));
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Metadata(properties, hints);
		}

	}

}
