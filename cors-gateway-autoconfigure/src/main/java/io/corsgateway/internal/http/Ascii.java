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

/**
 * Case folding of ASCII letters only, for every comparison of a request value or a
 * configured value that ignores case. The JDK's
 * {@link String#toLowerCase(java.util.Locale)}, {@link String#equalsIgnoreCase(String)}
 * and {@code regionMatches(true, ...)} also fold letters outside ASCII: the Kelvin sign
 * {@code U+212A} lowers to {@code k} and the dotless {@code U+0131} uppers to {@code I},
 * so a host, method or header name spelt with them would compare equal to an ASCII one
 * that no browser or server reads as the same. Here only {@code A-Z} and {@code a-z}
 * fold; every other character compares as itself.
 * <p>
 * Internal: this class is not API. It is public only so that the project's other packages
 * can use it, and may change in any release. The string methods return the same instance
 * when nothing changes, so that already-folded values cost no allocation. Error messages
 * may keep using the JDK's folding: they are read, not compared.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class Ascii {

	private static final int CASE_OFFSET = 'a' - 'A';

	private Ascii() {
	}

	/**
	 * The lower-case form of an ASCII upper-case letter, or the character itself.
	 * @param c the character
	 * @return the character with {@code A-Z} lowered
	 */
	public static char toLowerCase(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + CASE_OFFSET) : c;
	}

	/**
	 * The upper-case form of an ASCII lower-case letter, or the character itself.
	 * @param c the character
	 * @return the character with {@code a-z} raised
	 */
	public static char toUpperCase(char c) {
		return (c >= 'a' && c <= 'z') ? (char) (c - CASE_OFFSET) : c;
	}

	/**
	 * The value with its ASCII upper-case letters lowered.
	 * @param value the value
	 * @return the lowered value, {@code value} itself when it has no upper-case ASCII
	 * letter
	 */
	public static String toLowerCase(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				char[] chars = value.toCharArray();
				for (int j = i; j < chars.length; j++) {
					chars[j] = toLowerCase(chars[j]);
				}
				return new String(chars);
			}
		}
		return value;
	}

	/**
	 * The value with its ASCII lower-case letters raised.
	 * @param value the value
	 * @return the raised value, {@code value} itself when it has no lower-case ASCII
	 * letter
	 */
	public static String toUpperCase(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 'a' && c <= 'z') {
				char[] chars = value.toCharArray();
				for (int j = i; j < chars.length; j++) {
					chars[j] = toUpperCase(chars[j]);
				}
				return new String(chars);
			}
		}
		return value;
	}

	/**
	 * Whether two strings are equal when ASCII letters are compared ignoring case.
	 * @param a one string
	 * @param b the other string
	 * @return whether they are equal ignoring ASCII case
	 */
	public static boolean equalsIgnoreCase(String a, String b) {
		return a.length() == b.length() && regionMatchesIgnoreCase(a, 0, b, 0, a.length());
	}

	/**
	 * Whether {@code a.substring(aFrom, aFrom + length)} equals
	 * {@code b.substring(bFrom, bFrom + length)} when ASCII letters are compared ignoring
	 * case; like {@link String#regionMatches(boolean, int, String, int, int)}, a region
	 * that does not lie inside its string never matches.
	 * @param a the first string
	 * @param aFrom where the region of {@code a} starts
	 * @param b the second string
	 * @param bFrom where the region of {@code b} starts
	 * @param length the length of both regions
	 * @return whether the regions are equal ignoring ASCII case
	 */
	public static boolean regionMatchesIgnoreCase(String a, int aFrom, String b, int bFrom, int length) {
		if (aFrom < 0 || bFrom < 0 || length < 0 || aFrom > a.length() - length || bFrom > b.length() - length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char x = a.charAt(aFrom + i);
			char y = b.charAt(bFrom + i);
			if (x != y && toLowerCase(x) != toLowerCase(y)) {
				return false;
			}
		}
		return true;
	}

}
