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

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link Ascii}: only the letters A-Z and a-z fold, where the JDK's folding also
 * maps letters outside ASCII onto ASCII ones (the Kelvin sign U+212A onto k, the dotless
 * i U+0131 onto I, the long s U+017F onto S, the dotted capital I U+0130 onto i), and an
 * unchanged string comes back as the same instance.
 *
 * @author cors-gateway authors
 */
class AsciiTests {

	private static final String KELVIN = "\u212A";

	private static final String DOTLESS_I = "\u0131";

	@Test
	void lowerCaseOfACharacterLowersExactlyTheAsciiUpperCaseLetters() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			char expected = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : (char) c;
			assertThat(Ascii.toLowerCase((char) c)).as("U+%04X", c).isEqualTo(expected);
		}
	}

	@Test
	void upperCaseOfACharacterRaisesExactlyTheAsciiLowerCaseLetters() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			char expected = (c >= 'a' && c <= 'z') ? (char) (c - 32) : (char) c;
			assertThat(Ascii.toUpperCase((char) c)).as("U+%04X", c).isEqualTo(expected);
		}
	}

	@Test
	void lowerCaseOfAStringLowersItsAsciiLetters() {
		assertThat(Ascii.toLowerCase("Access-Control-Request-Headers")).isEqualTo("access-control-request-headers");
		assertThat(Ascii.toLowerCase("api.EXAMPLE.com")).isEqualTo("api.example.com");
		assertThat(Ascii.toLowerCase("@[`{Z")).isEqualTo("@[`{z");
	}

	@Test
	void upperCaseOfAStringRaisesItsAsciiLetters() {
		assertThat(Ascii.toUpperCase("get")).isEqualTo("GET");
		assertThat(Ascii.toUpperCase("PATCH-x")).isEqualTo("PATCH-X");
	}

	@Test
	void unchangedStringIsReturnedItself() {
		String lower = "kelvin.example";
		String upper = "LIST";
		String empty = "";
		assertThat(Ascii.toLowerCase(lower)).isSameAs(lower);
		assertThat(Ascii.toUpperCase(upper)).isSameAs(upper);
		assertThat(Ascii.toLowerCase(empty)).isSameAs(empty);
		assertThat(Ascii.toUpperCase(empty)).isSameAs(empty);
	}

	@Test
	void kelvinSignIsNotLoweredToK() {
		String host = KELVIN + "elvin.example";
		assertThat(host.toLowerCase(Locale.ROOT)).isEqualTo("kelvin.example");
		assertThat(Ascii.toLowerCase(host)).isSameAs(host);
		assertThat(Ascii.toLowerCase(KELVIN.charAt(0))).isEqualTo(KELVIN.charAt(0));
	}

	@Test
	void dotlessIIsNotRaisedToI() {
		String method = "l" + DOTLESS_I + "st";
		assertThat(method.toUpperCase(Locale.ROOT)).isEqualTo("LIST");
		assertThat(Ascii.toUpperCase(method)).isEqualTo("L" + DOTLESS_I + "ST");
		assertThat(Ascii.toUpperCase(DOTLESS_I.charAt(0))).isEqualTo(DOTLESS_I.charAt(0));
	}

	@Test
	void equalsIgnoreCaseFoldsAsciiLetters() {
		assertThat(Ascii.equalsIgnoreCase("Origin", "oRIGIN")).isTrue();
		assertThat(Ascii.equalsIgnoreCase("", "")).isTrue();
		assertThat(Ascii.equalsIgnoreCase("\u00e9", "\u00e9")).isTrue();
	}

	@Test
	void equalsIgnoreCaseFoldsNothingElse() {
		assertThat(Ascii.equalsIgnoreCase("Origin", "Origin ")).isFalse();
		assertThat(Ascii.equalsIgnoreCase("@", "`")).isFalse();
		assertThat(Ascii.equalsIgnoreCase("[", "{")).isFalse();
		assertThat(Ascii.equalsIgnoreCase("\u00e9", "\u00c9")).isFalse();
		assertThat(Ascii.equalsIgnoreCase("\u0130", "i")).isFalse();
	}

	@Test
	void equalsIgnoreCaseFoldsNoLetterOutsideAsciiOntoAnAsciiOne() {
		assertThat("Or" + DOTLESS_I + "gin").isEqualToIgnoringCase("ORIGIN");
		assertThat(Ascii.equalsIgnoreCase("Or" + DOTLESS_I + "gin", "ORIGIN")).isFalse();
		assertThat("TRAC" + KELVIN).isEqualToIgnoringCase("track");
		assertThat(Ascii.equalsIgnoreCase("TRAC" + KELVIN, "track")).isFalse();
		assertThat("http\u017F").isEqualToIgnoringCase("HTTPS");
		assertThat(Ascii.equalsIgnoreCase("http\u017F", "HTTPS")).isFalse();
	}

	@Test
	void regionMatchesIgnoreCaseComparesOnlyTheRegions() {
		assertThat(Ascii.regionMatchesIgnoreCase("a.EXAMPLE.com", 1, ".example.COM", 0, 12)).isTrue();
		assertThat(Ascii.regionMatchesIgnoreCase("x-Token,y", 0, "X-TOKEN", 0, 7)).isTrue();
		assertThat(Ascii.regionMatchesIgnoreCase("x-Token,y", 0, "X-TOKEN,Y", 0, 8)).isTrue();
		assertThat(Ascii.regionMatchesIgnoreCase("x-Token,y", 1, "X-TOKEN", 1, 7)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("abc", 3, "", 0, 0)).isTrue();
	}

	@Test
	void regionMatchesIgnoreCaseFoldsNoLetterOutsideAscii() {
		String header = "x-to" + KELVIN + "en";
		assertThat(header.regionMatches(true, 0, "X-TOKEN", 0, 7)).isTrue();
		assertThat(Ascii.regionMatchesIgnoreCase(header, 0, "X-TOKEN", 0, 7)).isFalse();
	}

	@Test
	void regionOutsideItsStringNeverMatches() {
		assertThat(Ascii.regionMatchesIgnoreCase("abc", -1, "abc", 0, 1)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("abc", 0, "abc", -1, 1)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("abc", 2, "bc", 0, 2)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("bc", 0, "abc", 2, 2)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("abc", 0, "abc", 0, -1)).isFalse();
		// The part that fits matches: only the bounds check can answer.
		assertThat(Ascii.regionMatchesIgnoreCase("abc", 2, "cd", 0, 2)).isFalse();
		assertThat(Ascii.regionMatchesIgnoreCase("cd", 0, "abc", 2, 2)).isFalse();
	}

	@Property(tries = 1000)
	void onAsciiTextTheFoldingIsTheJdksFolding(@ForAll("ascii") String a, @ForAll("ascii") String b) {
		assertThat(Ascii.toLowerCase(a)).isEqualTo(a.toLowerCase(Locale.ROOT));
		assertThat(Ascii.toUpperCase(a)).isEqualTo(a.toUpperCase(Locale.ROOT));
		assertThat(Ascii.equalsIgnoreCase(a, b)).isEqualTo(a.equalsIgnoreCase(b));
		int length = Math.min(a.length(), b.length());
		assertThat(Ascii.regionMatchesIgnoreCase(a, 0, b, 0, length)).isEqualTo(a.regionMatches(true, 0, b, 0, length));
	}

	@Provide
	Arbitrary<String> ascii() {
		return Arbitraries.strings().withChars("aAbBzZ@[`{-.").ofMaxLength(4);
	}

}
