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

import org.jspecify.annotations.Nullable;

/**
 * Makes values that come from the client safe to put in a log line: at most 200
 * characters, and every character outside printable ASCII replaced with {@code ?}, so
 * that a header value can neither forge log lines (CR, LF) nor send terminal control
 * sequences.
 * <p>
 * Internal: this class is not API. It is public only so that the project's other packages
 * can use it, and may change in any release.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class LogText {

	private static final int MAX_LENGTH = 200;

	private LogText() {
	}

	/**
	 * The value as it may appear in a log line.
	 * @param value a value from the request, or {@code null}
	 * @return the printable form, empty for {@code null}
	 */
	public static String printable(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return printable(value, MAX_LENGTH);
	}

	/**
	 * A message as it may appear in a log line when it quotes values from outside the
	 * configuration: every character outside printable ASCII replaced with {@code ?}, as
	 * {@link #printable} does, but not cut, so that the sentence stays whole.
	 * @param message the message
	 * @return the printable form
	 */
	public static String printableMessage(String message) {
		return printable(message, message.length());
	}

	private static String printable(String value, int maxLength) {
		StringBuilder printable = new StringBuilder(Math.min(value.length(), maxLength));
		for (int i = 0; i < value.length() && i < maxLength; i++) {
			char c = value.charAt(i);
			printable.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return printable.toString();
	}

	/**
	 * The value as a quoted field of a {@code key='value'} log line: printable as
	 * {@link #printable} makes it, with every {@code '} and {@code \} escaped by a
	 * {@code \}, so that a value cannot close its quotes and add fields of its own, and
	 * followed by {@code ...} when it was cut.
	 * @param value a value from the request
	 * @return the quoted form
	 */
	public static String quoted(String value) {
		String printable = printable(value);
		StringBuilder quoted = new StringBuilder(printable.length() + 5).append('\'');
		for (int i = 0; i < printable.length(); i++) {
			char c = printable.charAt(i);
			if (c == '\'' || c == '\\') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		quoted.append('\'');
		if (value.length() > MAX_LENGTH) {
			quoted.append("...");
		}
		return quoted.toString();
	}

}
