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

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link CommaList}: entries of an RFC 9110 {@code #list} value end at a comma
 * or at the end of the value, only spaces and tabs around them are trimmed, and empty
 * entries are walked like any other, so that callers can skip or report them.
 *
 * @author cors-gateway authors
 */
class CommaListTests {

	// The walk the class Javadoc shows, with empty entries kept.
	private static List<String> entries(String value) {
		List<String> entries = new ArrayList<>();
		for (int from = 0, end; from <= value.length(); from = end + 1) {
			end = CommaList.entryEnd(value, from);
			int start = CommaList.trimStart(value, from, end);
			int stop = CommaList.trimEnd(value, start, end);
			entries.add(value.substring(start, stop));
		}
		return entries;
	}

	@Test
	void entryEndsAtTheNextCommaOrAtTheEndOfTheValue() {
		assertThat(CommaList.entryEnd("a,b", 0)).isEqualTo(1);
		assertThat(CommaList.entryEnd("a,b", 2)).isEqualTo(3);
		assertThat(CommaList.entryEnd("a,,b", 2)).isEqualTo(2);
		assertThat(CommaList.entryEnd("", 0)).isZero();
		assertThat(CommaList.entryEnd("a,", 2)).isEqualTo(2);
	}

	@Test
	void spacesAndTabsAroundAnEntryAreTrimmed() {
		assertThat(entries(" \tOrigin\t , Accept ")).containsExactly("Origin", "Accept");
	}

	@Test
	void whitespaceInsideAnEntryIsKept() {
		assertThat(entries("a b,\tc\td ")).containsExactly("a b", "c\td");
	}

	@Test
	void onlySpacesAndTabsAreWhitespace() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			assertThat(CommaList.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(c == ' ' || c == '\t');
		}
		assertThat(entries("\u00a0a\u000b,\nb\r")).containsExactly("\u00a0a\u000b", "\nb\r");
	}

	@Test
	void emptyEntriesAreWalkedAsEmptyRegions() {
		assertThat(entries("a,,b")).containsExactly("a", "", "b");
		assertThat(entries(",a,")).containsExactly("", "a", "");
		assertThat(entries(" , \t")).containsExactly("", "");
		assertThat(entries("")).containsExactly("");
	}

	@Test
	void trimmingAnEntryOfOnlyWhitespaceLeavesAnEmptyRegionAtItsEnd() {
		assertThat(CommaList.trimStart("a,  ,b", 2, 4)).isEqualTo(4);
		assertThat(CommaList.trimEnd("a,  ,b", 4, 4)).isEqualTo(4);
		assertThat(CommaList.trimEnd("a,  ,b", 2, 4)).isEqualTo(2);
	}

	@Test
	void trimmingReadsOnlyTheGivenRegion() {
		assertThat(CommaList.trimStart("  a  ", 1, 1)).isEqualTo(1);
		assertThat(CommaList.trimEnd("  a  ", 4, 4)).isEqualTo(4);
		assertThat(CommaList.trimStart(" x", 0, 2)).isEqualTo(1);
		assertThat(CommaList.trimEnd("x  y", 0, 3)).isEqualTo(1);
	}

	@Property(tries = 1000)
	void walkFindsTheEntriesOfSplittingAtEveryCommaAndTrimmingSpacesAndTabs(@ForAll("lists") String value) {
		List<String> expected = new ArrayList<>();
		for (String entry : value.split(",", -1)) {
			expected.add(entry.replaceAll("^[ \t]+|[ \t]+\\z", ""));
		}
		assertThat(entries(value)).isEqualTo(expected);
	}

	@Provide
	Arbitrary<String> lists() {
		return Arbitraries.strings().withChars("ab ,\t\n").ofMaxLength(12);
	}

}
