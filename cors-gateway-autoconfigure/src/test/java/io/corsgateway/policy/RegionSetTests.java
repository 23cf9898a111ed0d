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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link RegionSet}: membership of a region of a string, with ASCII-only case
 * folding when asked for, at any size.
 *
 * @author cors-gateway authors
 */
class RegionSetTests {

	@Test
	void emptySetIsEmptyAndContainsNothing() {
		RegionSet set = RegionSet.of(List.of(), true);
		assertThat(set.isEmpty()).isTrue();
		assertThat(set.contains("")).isFalse();
		assertThat(set.contains("a")).isFalse();
	}

	@Test
	void setWithOneMemberIsNotEmpty() {
		assertThat(RegionSet.of(List.of("a"), false).isEmpty()).isFalse();
	}

	@Test
	void setOfTheSameMemberTwiceIsNotEmpty() {
		RegionSet set = RegionSet.of(List.of("X-Id", "x-id"), true);
		assertThat(set.isEmpty()).isFalse();
		assertThat(set.contains("X-ID")).isTrue();
	}

	@Test
	void emptyStringCanBeAMember() {
		RegionSet set = RegionSet.of(List.of(""), false);
		assertThat(set.contains("")).isTrue();
		assertThat(set.contains("abc", 1, 1)).isTrue();
		assertThat(set.contains("a")).isFalse();
	}

	@Test
	void regionIsComparedWholeNotAsAPrefixOrSuffix() {
		RegionSet set = RegionSet.of(List.of(".example.com"), false);
		assertThat(set.contains("https://a.example.com", 9, 21)).isTrue();
		assertThat(set.contains("https://a.example.com", 9, 20)).isFalse();
		assertThat(set.contains("https://a.example.com", 8, 21)).isFalse();
		assertThat(set.contains("https://a.example.com:8443", 9, 26)).isFalse();
	}

	@Test
	void caseSensitiveSetTellsCasesApart() {
		RegionSet set = RegionSet.of(List.of("https://shop.example"), false);
		assertThat(set.contains("https://shop.example")).isTrue();
		assertThat(set.contains("https://Shop.example")).isFalse();
	}

	@Test
	void caseInsensitiveSetFoldsEveryAsciiLetter() {
		String lower = "abcdefghijklmnopqrstuvwxyz";
		RegionSet set = RegionSet.of(List.of(lower), true);
		assertThat(set.contains(lower.toUpperCase(Locale.ROOT))).isTrue();
		assertThat(RegionSet.of(List.of("A"), true).contains("a")).isTrue();
		assertThat(RegionSet.of(List.of("z"), true).contains("Z")).isTrue();
	}

	@Test
	void caseInsensitiveSetFoldsNothingButAsciiLetters() {
		// The neighbours of 'A' and 'Z', and the characters that Unicode folds onto 'k'
		// and 's'.
		assertThat(RegionSet.of(List.of("`"), true).contains("@")).isFalse();
		assertThat(RegionSet.of(List.of("{"), true).contains("[")).isFalse();
		assertThat(RegionSet.of(List.of("x-token"), true).contains("x-to\u212Aen")).isFalse();
		assertThat(RegionSet.of(List.of("x-\u017Fid"), true).contains("x-sid")).isFalse();
		assertThat(RegionSet.of(List.of("\u00e9"), true).contains("\u00c9")).isFalse();
	}

	@Test
	void sameLengthNonMembersAreNotContained() {
		RegionSet set = RegionSet.of(List.of("accept", "x-id"), true);
		assertThat(set.contains("accepT")).isTrue();
		assertThat(set.contains("accepx")).isFalse();
		assertThat(set.contains("x-ie")).isFalse();
	}

	@Test
	void everySizeFindsItsMembersAndEndsItsProbes() {
		List<String> members = new ArrayList<>();
		for (int size = 1; size <= 40; size++) {
			members.add("member-" + size);
			RegionSet set = RegionSet.of(members, false);
			for (String member : members) {
				assertThat(set.contains(member)).as("%s in %d", member, size).isTrue();
			}
			assertThat(set.contains("member-0")).isFalse();
			assertThat(set.contains("other")).isFalse();
		}
	}

	@Property(tries = 500)
	void agreesWithAHashSetOfFoldedStrings(@ForAll("memberLists") List<String> members,
			@ForAll("memberLists") List<String> probes, @ForAll boolean ignoreCase) {
		RegionSet set = RegionSet.of(members, ignoreCase);
		Set<String> reference = new HashSet<>();
		members.forEach((member) -> reference.add(fold(member, ignoreCase)));
		assertThat(set.isEmpty()).isEqualTo(reference.isEmpty());
		for (String probe : concat(members, probes)) {
			String text = "<" + probe + ">";
			assertThat(set.contains(text, 1, text.length() - 1)).as(probe)
				.isEqualTo(reference.contains(fold(probe, ignoreCase)));
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static String fold(String value, boolean ignoreCase) {
		if (!ignoreCase) {
			return value;
		}
		StringBuilder folded = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + 32) : c);
		}
		return folded.toString();
	}

	@Provide
	Arbitrary<List<String>> memberLists() {
		Arbitrary<String> member = Arbitraries.strings().withChars("aAbBzZ-.@[`{\u212A").ofMaxLength(6);
		return member.list().ofMaxSize(60);
	}

}
