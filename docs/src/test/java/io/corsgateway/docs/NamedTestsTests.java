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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests the guides name as proof of a claim exist: every {@code SomethingTests} the
 * guides mention is a test class of the project, and every
 * {@code SomethingTests.someMethod} is a method of it ({@code SomethingTests.prefix*}
 * names the methods starting with {@code prefix}). A renamed or removed test would
 * otherwise leave a claim without its proof.
 *
 * @author cors-gateway authors
 */
class NamedTestsTests {

	// Not after a dash or a word character: -DskipTests is a Maven option.
	private static final Pattern NAMED_TEST = Pattern
		.compile("(?<![-\\w])([A-Z][A-Za-z0-9]*Tests)(?:\\.([a-z][A-Za-z0-9]*\\*?))?");

	@Test
	void everyTestTheGuidesNameExists() {
		Map<String, String> sources = testSources();
		assertThat(sources).as("test classes found under %s", repositoryRoot()).isNotEmpty();
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (Path guide : DocsFiles.guides()) {
			for (String line : DocsFiles.lines(guide)) {
				Matcher matcher = NAMED_TEST.matcher(line);
				while (matcher.find()) {
					checked++;
					String source = sources.get(matcher.group(1));
					String method = matcher.group(2);
					if (source == null) {
						missing.add(guide.getFileName() + ": class " + matcher.group(1));
					}
					else if (method != null && !declares(source, method)) {
						missing.add(guide.getFileName() + ": " + matcher.group(1) + "." + method);
					}
				}
			}
		}
		assertThat(checked).as("test names found in the guides").isPositive();
		assertThat(missing).as("tests named in the guides that do not exist").isEmpty();
	}

	private static boolean declares(String source, String method) {
		String name = method.endsWith("*") ? method.substring(0, method.length() - 1) : method;
		String suffix = method.endsWith("*") ? "[A-Za-z0-9]*" : "";
		return Pattern.compile("\\bvoid " + Pattern.quote(name) + suffix + "\\(").matcher(source).find();
	}

	// Test sources of every module, by simple class name.
	private static Map<String, String> testSources() {
		Map<String, String> sources = new HashMap<>();
		try (Stream<Path> files = Files.walk(repositoryRoot())) {
			files.filter((file) -> file.getFileName().toString().endsWith("Tests.java"))
				.filter((file) -> file.toString().contains("/src/test/java/"))
				.forEach((file) -> sources.put(file.getFileName().toString().replace(".java", ""), read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

	private static Path repositoryRoot() {
		return DocsFiles.directory().getParent();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
