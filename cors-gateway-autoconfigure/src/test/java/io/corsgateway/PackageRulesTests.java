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
package io.corsgateway;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.autoconfigure.CorsGatewayAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules on the package layout: the runtime packages (the internal HTTP syntax and route
 * index, the policies, the filter) work without Spring Boot, and each package depends
 * only on those below it.
 *
 * @author cors-gateway authors
 */
class PackageRulesTests {

	private static final Path SOURCES = Path.of("src/main/java/io/corsgateway");

	private static final String OURS = "io.corsgateway.";

	private static final String INTERNAL_HTTP = "io.corsgateway.internal.http.";

	// The imports of the package's own classes, not of its subpackages.
	private static List<String> importsOf(String packagePath) throws IOException {
		try (Stream<Path> files = Files.list(SOURCES.resolve(packagePath))) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
			assertThat(sources).as(packagePath).isNotEmpty();
			return sources.stream().flatMap((file) -> {
				try {
					return Files.readAllLines(file).stream().filter((line) -> line.startsWith("import "));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

	private static List<String> importsOfOurs(String packagePath) throws IOException {
		return importsOf(packagePath).stream().filter((line) -> line.contains(OURS)).toList();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "internal/http", "internal/routing", "policy", "web", "registry", "registry/r2dbc", "reload" })
	void runtimePackagesDoNotDependOnSpringBoot(String packagePath) throws IOException {
		assertThat(importsOf(packagePath)).noneMatch((line) -> line.contains("org.springframework.boot"));
	}

	@Test
	void importsOfNestedPackagesAreRead() throws IOException {
		assertThat(importsOf("internal/routing")).anyMatch((line) -> line.contains("org.springframework."));
	}

	@Test
	void internalHttpDependsOnNoOtherPackageOfOurs() throws IOException {
		assertThat(importsOfOurs("internal/http")).isEmpty();
	}

	@Test
	void internalRoutingDependsOnlyOnInternalHttp() throws IOException {
		assertThat(importsOfOurs("internal/routing")).isNotEmpty().allMatch((line) -> line.contains(INTERNAL_HTTP));
	}

	@Test
	void policyDependsOnlyOnInternalPackages() throws IOException {
		assertThat(importsOfOurs("policy")).isNotEmpty().allMatch((line) -> line.contains("io.corsgateway.internal."));
	}

	@Test
	void webDependsOnlyOnPolicyAndInternalHttp() throws IOException {
		assertThat(importsOfOurs("web")).isNotEmpty()
			.allMatch((line) -> line.contains("io.corsgateway.policy.") || line.contains(INTERNAL_HTTP))
			.anyMatch((line) -> line.contains("io.corsgateway.policy."));
	}

	@Test
	void reloadDependsOnlyOnPolicyAndWeb() throws IOException {
		assertThat(importsOfOurs("reload")).isNotEmpty()
			.allMatch((line) -> line.contains("io.corsgateway.policy.") || line.contains("io.corsgateway.web.")
					|| line.contains("io.corsgateway.reload."))
			.anyMatch((line) -> line.contains("io.corsgateway.web."));
	}

	@Test
	void actuateDependsOnlyOnPolicyWebAndReload() throws IOException {
		assertThat(importsOfOurs("actuate")).isNotEmpty()
			.allMatch((line) -> line.contains("io.corsgateway.policy.") || line.contains("io.corsgateway.web.")
					|| line.contains("io.corsgateway.reload."));
	}

	@Test
	void registryR2dbcDependsOnlyOnTheRegistryThePolicyAndInternalHttp() throws IOException {
		assertThat(importsOfOurs("registry/r2dbc")).isNotEmpty()
			.allMatch((line) -> line.contains("io.corsgateway.registry.") || line.contains("io.corsgateway.policy.")
					|| line.contains(INTERNAL_HTTP))
			.anyMatch((line) -> line.contains("io.corsgateway.registry.CorsApplicationRegistry;"));
	}

	@Test
	void autoConfigurationIsFinal() {
		assertThat(Modifier.isFinal(CorsGatewayAutoConfiguration.class.getModifiers())).isTrue();
	}

}
