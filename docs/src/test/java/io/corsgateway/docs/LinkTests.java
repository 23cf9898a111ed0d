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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that relative links between the guides point to files and headings that exist.
 *
 * @author cors-gateway authors
 */
class LinkTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	// Written alongside these guides; their links are checked once they exist.
	private static final Set<String> PENDING = Set.of("security.md", "performance.md");

	@Test
	void relativeLinksResolve() {
		List<String> broken = new ArrayList<>();
		for (Path guide : DocsFiles.guides()) {
			boolean inCode = false;
			for (String line : DocsFiles.lines(guide)) {
				if (line.strip().startsWith("```")) {
					inCode = !inCode;
				}
				Matcher link = LINK.matcher(line);
				while (!inCode && link.find()) {
					String target = link.group(1);
					if (target.startsWith("http://") || target.startsWith("https://")) {
						continue;
					}
					int hash = target.indexOf('#');
					String file = (hash >= 0) ? target.substring(0, hash) : target;
					String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
					Path resolved = file.isEmpty() ? guide : guide.resolveSibling(file).normalize();
					if (!Files.exists(resolved)) {
						if (!PENDING.contains(file)) {
							broken.add(guide.getFileName() + ": " + target);
						}
						continue;
					}
					if (anchor != null && !anchors(resolved).contains(anchor)) {
						broken.add(guide.getFileName() + ": " + target);
					}
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	// Heading anchors as GitHub generates them.
	private static Set<String> anchors(Path file) {
		Set<String> anchors = new HashSet<>();
		boolean inCode = false;
		for (String line : DocsFiles.lines(file)) {
			if (line.strip().startsWith("```")) {
				inCode = !inCode;
			}
			if (!inCode && line.startsWith("#")) {
				String text = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
				anchors.add(text.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

}
