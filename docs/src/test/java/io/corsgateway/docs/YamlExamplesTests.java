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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsgateway.autoconfigure.CorsGatewayAutoConfiguration;
import io.corsgateway.policy.CorsPolicies;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every {@code yaml} block of the guides that configures {@code cors} starts
 * an application, except those marked {@code <!-- yaml-check: fails -->}, which must not.
 *
 * @author cors-gateway authors
 */
class YamlExamplesTests {

	private static final String FAILS = "<!-- yaml-check: fails -->";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class));

	static List<YamlBlock> yamlBlocks() {
		List<YamlBlock> blocks = new ArrayList<>();
		for (Path guide : DocsFiles.guides()) {
			List<String> lines = DocsFiles.lines(guide);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).strip().equals("```yaml")) {
					StringBuilder text = new StringBuilder();
					int start = i;
					while (++i < lines.size() && !lines.get(i).strip().equals("```")) {
						text.append(lines.get(i)).append('\n');
					}
					boolean fails = start > 0 && lines.get(start - 1).strip().equals(FAILS);
					if (text.toString().lines().anyMatch((line) -> line.startsWith("cors:"))) {
						blocks.add(new YamlBlock(guide.getFileName() + ":" + (start + 1), text.toString(), fails));
					}
				}
			}
		}
		assertThat(blocks).isNotEmpty();
		return blocks;
	}

	private static List<PropertySource<?>> load(YamlBlock block) throws Exception {
		return new YamlPropertySourceLoader().load(block.location(),
				new ByteArrayResource(block.text().getBytes(StandardCharsets.UTF_8)));
	}

	@ParameterizedTest
	@MethodSource("yamlBlocks")
	void yamlBlockStartsAnApplicationUnlessMarkedAsFailing(YamlBlock block) {
		if (block.fails()) {
			// Either the YAML parser refuses the block, or the application it configures
			// does not start.
			List<PropertySource<?>> sources;
			try {
				sources = load(block);
			}
			catch (Exception ex) {
				return;
			}
			this.contextRunner
				.withInitializer((context) -> sources
					.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source)))
				.run((context) -> assertThat(context).as("%s", block).hasFailed());
			return;
		}
		List<PropertySource<?>> sources;
		try {
			sources = load(block);
		}
		catch (Exception ex) {
			throw new AssertionError(block + " does not parse", ex);
		}
		this.contextRunner
			.withInitializer((context) -> sources
				.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source)))
			.run((context) -> assertThat(context).as("%s", block).hasSingleBean(CorsPolicies.class));
	}

	record YamlBlock(String location, String text, boolean fails) {

		@Override
		public String toString() {
			return this.location;
		}

	}

}
