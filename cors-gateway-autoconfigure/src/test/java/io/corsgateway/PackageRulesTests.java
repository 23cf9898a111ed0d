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
 * Rules on the package layout: the runtime packages (policies, routing, the filter) work
 * without Spring Boot, and each package depends only on those below it.
 *
 * @author cors-gateway authors
 */
class PackageRulesTests {

	private static final Path SOURCES = Path.of("src/main/java/io/corsgateway");

	private static List<String> importsOf(String packageName) throws IOException {
		try (Stream<Path> files = Files.list(SOURCES.resolve(packageName))) {
			return files.filter((file) -> file.toString().endsWith(".java")).flatMap((file) -> {
				try {
					return Files.readAllLines(file).stream().filter((line) -> line.startsWith("import "));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "policy", "routing", "web" })
	void runtimePackagesDoNotDependOnSpringBoot(String packageName) throws IOException {
		assertThat(importsOf(packageName)).isNotEmpty().noneMatch((line) -> line.contains("org.springframework.boot"));
	}

	@Test
	void routingDependsOnNoOtherPackageOfOurs() throws IOException {
		assertThat(importsOf("routing")).noneMatch((line) -> line.contains("io.corsgateway."));
	}

	@Test
	void policyDependsOnlyOnRouting() throws IOException {
		assertThat(importsOf("policy")).filteredOn((line) -> line.contains("io.corsgateway."))
			.allMatch((line) -> line.contains("io.corsgateway.routing."));
	}

	@Test
	void webDependsOnlyOnPolicy() throws IOException {
		assertThat(importsOf("web")).filteredOn((line) -> line.contains("io.corsgateway."))
			.isNotEmpty()
			.allMatch((line) -> line.contains("io.corsgateway.policy."));
	}

	@Test
	void autoConfigurationIsFinal() {
		assertThat(Modifier.isFinal(CorsGatewayAutoConfiguration.class.getModifiers())).isTrue();
	}

}
