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
package io.corsgateway.policy;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.PathPatternRelations.Overlap;

import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge rules of {@link PathPatternRelations} that {@link PathPatternRelationsTests} does
 * not reach: unbalanced braces, unnamed regular expressions, several segments after a
 * rest element, encoded literals and the parser's case sensitivity.
 *
 * @author cors-gateway authors
 */
class PathPatternRelationsRulesTests {

	private final PathPatternRelations relations = new PathPatternRelations(PathPatternParser.defaultInstance);

	@Test
	void unclosedBraceKeepsTheRestOfThePatternAsWritten() {
		assertThat(this.relations.canonical("/orders/{id")).isEqualTo("/orders/{id");
		assertThat(this.relations.canonical("/orders/{a}/{id")).isEqualTo("/orders/{}/{id");
	}

	@Test
	void regularExpressionOfAnUnnamedVariableIsPartOfTheKey() {
		assertThat(this.relations.canonical("/orders/{:[0-9]+}")).isEqualTo("/orders/{:[0-9]+}");
		assertThat(this.relations.canonical("/orders/{:[0-9]+}"))
			.isNotEqualTo(this.relations.canonical("/orders/{id}"));
	}

	@Test
	void segmentsAfterARestElementAreComparedFromTheEnd() {
		assertThat(this.relations.overlap("/api/**/v1/items", "/api/**/v2/items")).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap("/api/**/v1/items", "/api/{*rest}/v1/items")).isEqualTo(Overlap.SOME);
		assertThat(this.relations.overlap("/api/x/v1/items", "/api/**/v2/items")).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap("/api/x/v1/items", "/api/**/v1/items")).isEqualTo(Overlap.SOME);
	}

	@Test
	void fixedPatternShorterThanTheSegmentsAnOpenOneFixesMatchesNothingInCommon() {
		assertThat(this.relations.overlap("/a", "/**/b/c")).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap("/**/b/c", "/a")).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap("/c", "/**/b/c")).isEqualTo(Overlap.NONE);
	}

	@Test
	void captureOfTheRestIsARestElement() {
		assertThat(this.relations.overlap("/files/{*path}", "/files/a/b/c")).isEqualTo(Overlap.SOME);
		assertThat(this.relations.overlap("/files/{*path}", "/images/a")).isEqualTo(Overlap.NONE);
		assertThat(this.relations.overlap("/files/{*path}", "/files")).isEqualTo(Overlap.SOME);
	}

	@Test
	void twoRestElementsLeaveTheAnswerUndecided() {
		assertThat(this.relations.overlap("/**/a/**", "/b")).isEqualTo(Overlap.UNKNOWN);
		assertThat(this.relations.overlap("/x/**/a/{*rest}", "/y")).isEqualTo(Overlap.UNKNOWN);
	}

	@Test
	void braceThatNeverClosesLeavesTheAnswerUndecided() {
		assertThat(this.relations.overlap("/a/{id", "/b")).isEqualTo(Overlap.UNKNOWN);
	}

	@Test
	void braceClosedBeforeItOpensLeavesTheAnswerUndecided() {
		assertThat(this.relations.overlap("/a/x}{y", "/b/c")).isEqualTo(Overlap.UNKNOWN);
	}

	@Test
	void encodedLiteralAgainstAPatternSegmentIsUndecided() {
		assertThat(this.relations.overlap("/files/%41", "/files/A*")).isEqualTo(Overlap.UNKNOWN);
		assertThat(this.relations.overlap("/files/;v=1", "/files/*1")).isEqualTo(Overlap.UNKNOWN);
	}

	@Test
	void literalsDifferingInCaseDoNotOverlapForACaseSensitiveParser() {
		assertThat(this.relations.overlap("/Orders/{id}", "/orders/{id}")).isEqualTo(Overlap.NONE);
	}

	@Test
	void literalsDifferingInCaseOverlapForACaseInsensitiveParser() {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		assertThat(new PathPatternRelations(parser).overlap("/Orders/{id}", "/orders/{id}")).isEqualTo(Overlap.SOME);
	}

}
