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
package io.corsgateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsgateway.policy.CorsDecision;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge of the {@code Vary} list syntax (RFC 9110 section 5.6.1): an element of only
 * spaces or tabs is an empty element, also at the very end of a line.
 *
 * @author cors-gateway authors
 */
class VaryListEdgeTests {

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void lineEndingInAnElementOfOnlyWhitespaceStillGetsTheToken(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.add(HttpHeaders.VARY, "Accept, ");
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept, Origin");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void lineEndingInAnElementOfOnlyTabsStillGetsTheToken(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.add(HttpHeaders.VARY, "Accept,\t\t");
		edited.mergeVary(CorsDecision.Vary.ORIGIN);
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Accept, Origin");
	}

}
