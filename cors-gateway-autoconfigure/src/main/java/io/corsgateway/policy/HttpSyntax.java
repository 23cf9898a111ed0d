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

/**
 * Character classes of RFC 9110 and RFC 6454 that both configuration validation and
 * request evaluation need, so that the two can never disagree on what a token or an
 * origin is.
 *
 * @author cors-gateway authors
 */
final class HttpSyntax {

	/** Longest origin considered; a host is at most 253 characters. */
	static final int MAX_ORIGIN_LENGTH = 512;

	private static final boolean[] TCHAR = new boolean[128];

	static {
		for (char c = '0'; c <= '9'; c++) {
			TCHAR[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			TCHAR[c] = true;
			TCHAR[Character.toUpperCase(c)] = true;
		}
		for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
			TCHAR[c] = true;
		}
	}

	private HttpSyntax() {
	}

	static boolean isTokenChar(char c) {
		return c < 128 && TCHAR[c];
	}

	/**
	 * Whether Fetch forbids the method: {@code CONNECT}, {@code TRACE} and {@code TRACK},
	 * compared ignoring case.
	 * @param method a method token
	 * @return whether the method is forbidden
	 */
	static boolean isForbiddenMethod(String method) {
		return switch (method.length()) {
			case 5 -> method.equalsIgnoreCase("TRACE") || method.equalsIgnoreCase("TRACK");
			case 7 -> method.equalsIgnoreCase("CONNECT");
			default -> false;
		};
	}

	static boolean isToken(String value) {
		return isToken(value, 0, value.length());
	}

	static boolean isToken(String value, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			if (!isTokenChar(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static int defaultPort(String origin, int schemeEnd) {
		if (schemeEnd == 5 && origin.startsWith("https")) {
			return 443;
		}
		if (schemeEnd == 4 && origin.startsWith("http")) {
			return 80;
		}
		return -1;
	}

	/**
	 * Check that {@code origin} is a serialized origin as a browser sends it (lower-case
	 * scheme and host, no default port, no path) and return where its host ends.
	 * @param origin the request's {@code Origin} value
	 * @param schemeEnd the index of {@code "://"} in it
	 * @return the index just past the host, or -1 if the value is not a serialized origin
	 */
	static int requestOriginHostEnd(String origin, int schemeEnd) {
		int length = origin.length();
		if (schemeEnd <= 0 || length > MAX_ORIGIN_LENGTH || !isScheme(origin, 0, schemeEnd)) {
			return -1;
		}
		int hostStart = schemeEnd + 3;
		int hostEnd = hostEnd(origin, hostStart, length);
		if (hostEnd < 0) {
			return -1;
		}
		if (hostEnd == length) {
			return hostEnd;
		}
		int port = parsePort(origin, hostEnd + 1, length);
		return (port < 0 || port == defaultPort(origin, schemeEnd)) ? -1 : hostEnd;
	}

	static boolean isScheme(String value, int from, int to) {
		if (from >= to || !isLowerAlpha(value.charAt(from))) {
			return false;
		}
		for (int i = from + 1; i < to; i++) {
			char c = value.charAt(i);
			if (!isLowerAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Scan a lower-case host (domain, IPv4 or bracketed IPv6) starting at {@code from}.
	 * @return the index of the first character after the host, which is {@code to} or a
	 * colon, or -1 when the host is malformed
	 */
	static int hostEnd(String value, int from, int to) {
		if (from >= to) {
			return -1;
		}
		if (value.charAt(from) == '[') {
			return ipv6End(value, from, to);
		}
		int labelLength = 0;
		int i = from;
		for (; i < to; i++) {
			char c = value.charAt(i);
			if (c == '.') {
				if (labelLength == 0) {
					return -1;
				}
				labelLength = 0;
			}
			else if (isLowerAlpha(c) || isDigit(c) || c == '-' || c == '_') {
				if (++labelLength > 63) {
					return -1;
				}
			}
			else if (c == ':') {
				break;
			}
			else {
				return -1;
			}
		}
		return (labelLength == 0 || i - from > 253) ? -1 : i;
	}

	private static int ipv6End(String value, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			char c = value.charAt(i);
			if (c == ']') {
				return (i > from + 2 && (i + 1 == to || value.charAt(i + 1) == ':')) ? i + 1 : -1;
			}
			if (!isDigit(c) && !(c >= 'a' && c <= 'f') && c != ':' && c != '.') {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Parse a decimal port without sign or leading zero.
	 * @return the port, or -1 when it is not a number from 1 to 65535
	 */
	static int parsePort(String value, int from, int to) {
		int length = to - from;
		if (length < 1 || length > 5 || value.charAt(from) == '0') {
			return -1;
		}
		int port = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			port = port * 10 + (c - '0');
		}
		return (port <= 65535) ? port : -1;
	}

	private static boolean isLowerAlpha(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
