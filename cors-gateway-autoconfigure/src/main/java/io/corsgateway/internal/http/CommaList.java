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
 * Walks the entries of an RFC 9110 {@code #list} header value, such as {@code Vary} or
 * {@code Access-Control-Request-Headers}, without allocating: entries are separated by
 * commas and surrounded by optional whitespace (spaces and tabs), and empty entries
 * ({@code a,,b}, a trailing comma, a blank value) are allowed and carry nothing.
 * <p>
 * An entry is a pair of indexes into the value, read with three calls, so that callers
 * can tell an empty entry or trimmed whitespace apart when they need to:
 * <pre class="code">
 * for (int from = 0, end; from &lt;= value.length(); from = end + 1) {
 * 	end = CommaList.entryEnd(value, from);          // the comma, or the value's length
 * 	int start = CommaList.trimStart(value, from, end);
 * 	int stop = CommaList.trimEnd(value, start, end);
 * 	if (start == stop) {
 * 		continue;                                      // an empty entry
 * 	}
 * 	// value.substring(start, stop) is the entry, never copied
 * }
 * </pre>
 * <p>
 * Several field lines of one list header mean the same as one line joining them with
 * commas; walk each line in turn.
 * <p>
 * Internal: this class is not API. It is public only so that the project's other packages
 * can use it, and may change in any release.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class CommaList {

	private CommaList() {
	}

	/**
	 * Whether the character is optional whitespace ({@code OWS}) around a list entry: a
	 * space or a horizontal tab.
	 * @param c the character
	 * @return whether it is a space or a tab
	 */
	public static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Where the entry that starts at {@code from} ends.
	 * @param value the header value
	 * @param from where the entry starts: 0, or just past the comma that ended the
	 * previous entry
	 * @return the index of the comma that ends the entry, or the value's length for the
	 * last entry
	 */
	public static int entryEnd(String value, int from) {
		int comma = value.indexOf(',', from);
		return (comma < 0) ? value.length() : comma;
	}

	/**
	 * Skip the whitespace that starts a region.
	 * @param value the header value
	 * @param from where the region starts
	 * @param to where the region ends, exclusive
	 * @return the index of the first character of the region that is not whitespace, or
	 * {@code to} when there is none
	 */
	public static int trimStart(String value, int from, int to) {
		int start = from;
		while (start < to && isWhitespace(value.charAt(start))) {
			start++;
		}
		return start;
	}

	/**
	 * Skip the whitespace that ends a region.
	 * @param value the header value
	 * @param from where the region starts
	 * @param to where the region ends, exclusive
	 * @return the index just past the last character of the region that is not
	 * whitespace, or {@code from} when there is none
	 */
	public static int trimEnd(String value, int from, int to) {
		int end = to;
		while (end > from && isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return end;
	}

}
