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
package io.corsgateway.internal.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AmbiguousPaths} on raw paths that {@link java.net.URI} refuses to
 * build, so that the filter tests cannot send them, but that a server may still receive
 * (gh-7).
 *
 * @author cors-gateway authors
 */
class AmbiguousPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/orders\\..\\admin", "/orders/..\\admin", "\\", "/orders/..%3badmin",
			"/orders/..%3Badmin", "/orders/%00/admin", "/orders/..;", "/.", "/./", "//" })
	void ambiguousRawPathIsRecognized(String rawPath) {
		assertThat(AmbiguousPaths.isAmbiguous(rawPath)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "/orders", "/orders/", "/orders;v=1/1", "/a.b/..c/c..", "/%41%42", "/orders/%2",
			"/orders/%", "*" })
	void unambiguousRawPathIsNotRecognized(String rawPath) {
		assertThat(AmbiguousPaths.isAmbiguous(rawPath)).isFalse();
	}

}
