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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every Java block the guides mark with
 * {@code <!-- snippet: File.java#tag -->} is exactly the tagged region of that compiled
 * source file, leading indentation aside.
 *
 * @author cors-gateway authors
 */
class SnippetTests {

	private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([A-Za-z0-9_]+\\.java)#([A-Za-z0-9_-]+) -->");

	private static final Pattern FILE_MARKER = Pattern.compile("<!-- file: ([A-Za-z0-9_./-]+) -->");

	private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([A-Za-z0-9_-]+)\\[]");

	static List<Snippet> snippets() {
		List<Snippet> snippets = new ArrayList<>();
		for (Path guide : DocsFiles.guides()) {
			List<String> lines = DocsFiles.lines(guide);
			for (int i = 0; i < lines.size(); i++) {
				Matcher marker = MARKER.matcher(lines.get(i).strip());
				if (marker.matches()) {
					snippets.add(new Snippet(guide.getFileName().toString(), i + 1, marker.group(1), marker.group(2),
							javaBlockAfter(lines, i)));
				}
			}
		}
		return snippets;
	}

	// The block must start on the line right after the marker; null when it does not.
	private static List<String> javaBlockAfter(List<String> lines, int markerIndex) {
		return blockAfter(lines, markerIndex, "java");
	}

	private static List<String> blockAfter(List<String> lines, int markerIndex, String language) {
		if (markerIndex + 1 >= lines.size() || !lines.get(markerIndex + 1).strip().equals("```" + language)) {
			return null;
		}
		List<String> block = new ArrayList<>();
		for (int i = markerIndex + 2; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("```")) {
				return block;
			}
			block.add(lines.get(i));
		}
		return null;
	}

	static List<String> taggedRegion(String fileName, String tag) {
		Path source = DocsFiles.snippetSource(fileName);
		assertThat(source).as("snippet source %s", fileName).isRegularFile();
		List<String> region = null;
		for (String line : DocsFiles.lines(source)) {
			Matcher matcher = TAG.matcher(line.strip());
			if (matcher.matches() && matcher.group(2).equals(tag)) {
				if (matcher.group(1).equals("tag")) {
					assertThat(region).as("nested or repeated tag %s in %s", tag, fileName).isNull();
					region = new ArrayList<>();
					continue;
				}
				assertThat(region).as("end before tag %s in %s", tag, fileName).isNotNull();
				return region;
			}
			if (region != null) {
				region.add(line);
			}
		}
		throw new AssertionError("No complete tag::" + tag + "[] ... end::" + tag + "[] region in " + fileName);
	}

	private static List<String> withoutIndentation(List<String> lines) {
		return lines.stream().map(String::strip).toList();
	}

	@Test
	void guidesShowSnippets() {
		assertThat(snippets()).hasSizeGreaterThanOrEqualTo(5);
	}

	@ParameterizedTest
	@MethodSource("snippets")
	void markedJavaBlockEqualsTheTaggedRegion(Snippet snippet) {
		assertThat(snippet.block()).as("a ```java block right below %s", snippet).isNotNull();
		assertThat(withoutIndentation(snippet.block())).as("%s", snippet)
			.containsExactlyElementsOf(withoutIndentation(taggedRegion(snippet.file(), snippet.tag())));
	}

	@Test
	void everyTaggedRegionIsShownInAGuide() throws Exception {
		Set<String> shown = new HashSet<>();
		snippets().forEach((snippet) -> shown.add(snippet.file() + "#" + snippet.tag()));
		Set<String> tagged = new HashSet<>();
		try (Stream<Path> sources = Files.list(DocsFiles.snippetSource(""))) {
			for (Path source : sources.toList()) {
				for (String line : DocsFiles.lines(source)) {
					Matcher matcher = TAG.matcher(line.strip());
					if (matcher.matches() && matcher.group(1).equals("tag")) {
						tagged.add(source.getFileName() + "#" + matcher.group(2));
					}
				}
			}
		}
		assertThat(shown).containsAll(tagged);
	}

	@Test
	void blocksMarkedWithAFileShowThatWholeFile() {
		int checked = 0;
		for (Path guide : DocsFiles.guides()) {
			List<String> lines = DocsFiles.lines(guide);
			for (int i = 0; i < lines.size(); i++) {
				Matcher marker = FILE_MARKER.matcher(lines.get(i).strip());
				if (marker.matches()) {
					Path file = DocsFiles.directory().resolve(marker.group(1)).normalize();
					String name = file.getFileName().toString();
					String extension = name.substring(name.lastIndexOf('.') + 1);
					List<String> block = blockAfter(lines, i, extension.equals("yml") ? "yaml" : extension);
					assertThat(block).as("a fenced block right below %s:%d", guide.getFileName(), i + 1).isNotNull();
					assertThat(block).as("%s:%d", guide.getFileName(), i + 1)
						.containsExactlyElementsOf(DocsFiles.lines(file));
					checked++;
				}
			}
		}
		assertThat(checked).isPositive();
	}

	record Snippet(String guide, int line, String file, String tag, List<String> block) {

		@Override
		public String toString() {
			return this.guide + ":" + this.line + " (" + this.file + "#" + this.tag + ")";
		}

	}

}
