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
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the Markdown guides and the snippet sources of the docs module.
 *
 * @author cors-gateway authors
 */
final class DocsFiles {

	private DocsFiles() {
	}

	static Path directory() {
		return Path.of(System.getProperty("docs.directory", ".")).toAbsolutePath().normalize();
	}

	static Path snippetSource(String fileName) {
		return directory().resolve("src/main/java/io/corsgateway/docs").resolve(fileName);
	}

	static List<Path> guides() {
		try (Stream<Path> files = Files.list(directory())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
