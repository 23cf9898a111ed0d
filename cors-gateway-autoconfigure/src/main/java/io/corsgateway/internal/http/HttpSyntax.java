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
 * The HTTP syntax that configuration validation and request evaluation share, written
 * once so that the two can never disagree: RFC 9110 tokens and forbidden methods, default
 * ports and port numbers, host names, and serialized origins (RFC 6454 and Fetch) as
 * browsers send them. Every comparison that ignores case folds ASCII letters only (see
 * {@link Ascii}).
 * <p>
 * Internal: this class is not API. It is public only so that the project's other packages
 * can use it, and may change in any release. Methods that take a {@code (from, to)}
 * region read only that region and allocate nothing, so that the request path can call
 * them on header values without copying.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class HttpSyntax {

	/** Longest origin considered; a host is at most 253 characters. */
	public static final int MAX_ORIGIN_LENGTH = 512;

	/**
	 * Longest host name: 253 characters, the DNS limit of a name without its root dot.
	 */
	public static final int MAX_HOST_LENGTH = 253;

	private static final int MAX_LABEL_LENGTH = 63;

	private static final boolean[] TCHAR = new boolean[128];

	static {
		for (char c = '0'; c <= '9'; c++) {
			TCHAR[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			TCHAR[c] = true;
			TCHAR[Ascii.toUpperCase(c)] = true;
		}
		for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
			TCHAR[c] = true;
		}
	}

	private HttpSyntax() {
	}

	/**
	 * Whether the character is an RFC 9110 {@code tchar}: an ASCII letter or digit or one
	 * of {@code !#$%&'*+-.^_`|~}.
	 * @param c the character
	 * @return whether it may appear in a token
	 */
	public static boolean isTokenChar(char c) {
		return c < 128 && TCHAR[c];
	}

	/**
	 * Whether the value is an RFC 9110 token: one or more {@code tchar}s, as methods and
	 * header names are.
	 * @param value the value
	 * @return whether it is a token
	 */
	public static boolean isToken(String value) {
		return isToken(value, 0, value.length());
	}

	/**
	 * Whether {@code value.substring(from, to)} is an RFC 9110 token; an empty or
	 * reversed region is not.
	 * @param value the text holding the region
	 * @param from the first index of the region, inclusive
	 * @param to the last index of the region, exclusive
	 * @return whether the region is a token
	 */
	public static boolean isToken(String value, int from, int to) {
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

	/**
	 * Whether Fetch forbids the method: {@code CONNECT}, {@code TRACE} and {@code TRACK},
	 * compared ignoring the case of ASCII letters only.
	 * @param method a method token
	 * @return whether the method is forbidden
	 */
	public static boolean isForbiddenMethod(String method) {
		return switch (method.length()) {
			case 5 -> Ascii.equalsIgnoreCase(method, "TRACE") || Ascii.equalsIgnoreCase(method, "TRACK");
			case 7 -> Ascii.equalsIgnoreCase(method, "CONNECT");
			default -> false;
		};
	}

	/**
	 * The default port of a scheme of a request URI: 80 for {@code http} and {@code ws},
	 * 443 for {@code https} and {@code wss}, compared ignoring the case of ASCII letters.
	 * @param scheme the scheme, without {@code ://}
	 * @return the default port, or -1 for any other scheme (note that
	 * {@link java.net.URI#getPort()} also answers -1, for a URI without a port)
	 */
	public static int defaultPort(String scheme) {
		return defaultPort(scheme, 0, scheme.length());
	}

	/**
	 * The default port of the scheme {@code value.substring(from, to)}, as
	 * {@link #defaultPort(String)} answers it, without copying the region.
	 * @param value the text holding the scheme
	 * @param from the first index of the scheme, inclusive
	 * @param to the last index of the scheme, exclusive
	 * @return the default port, or -1 for any other scheme
	 */
	public static int defaultPort(String value, int from, int to) {
		return switch (to - from) {
			case 2 -> Ascii.regionMatchesIgnoreCase(value, from, "ws", 0, 2) ? 80 : -1;
			case 3 -> Ascii.regionMatchesIgnoreCase(value, from, "wss", 0, 3) ? 443 : -1;
			case 4 -> Ascii.regionMatchesIgnoreCase(value, from, "http", 0, 4) ? 80 : -1;
			case 5 -> Ascii.regionMatchesIgnoreCase(value, from, "https", 0, 5) ? 443 : -1;
			default -> -1;
		};
	}

	/**
	 * The default port of a serialized origin's scheme, which is lower case: 443 for
	 * {@code https} and 80 for {@code http}. Only those two: a document whose page sends
	 * CORS requests is served over one of them, so a port on any other scheme is kept as
	 * written.
	 * @param origin the origin
	 * @param schemeEnd the index of {@code "://"} in it
	 * @return the default port, or -1 for any other scheme
	 */
	public static int originDefaultPort(String origin, int schemeEnd) {
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
	public static int requestOriginHostEnd(String origin, int schemeEnd) {
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
		return (port < 0 || port == originDefaultPort(origin, schemeEnd)) ? -1 : hostEnd;
	}

	/**
	 * Whether the region is a lower-case URL scheme: a letter, then letters, digits,
	 * {@code +}, {@code -} or {@code .}.
	 * @param value the text holding the region
	 * @param from the first index of the region, inclusive
	 * @param to the last index of the region, exclusive
	 * @return whether the region is a lower-case scheme
	 */
	public static boolean isScheme(String value, int from, int to) {
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
	 * Scan a lower-case host (domain name or IPv4 address of labels up to 63 characters,
	 * or a bracketed IPv6 address) starting at {@code from}, as a serialized origin holds
	 * it.
	 * @param value the text holding the host
	 * @param from the first index of the host
	 * @param to where the text to scan ends, exclusive
	 * @return the index of the first character after the host, which is {@code to} or a
	 * colon, or -1 when the host is malformed
	 */
	public static int hostEnd(String value, int from, int to) {
		if (from >= to) {
			return -1;
		}
		if (value.charAt(from) == '[') {
			return ipv6End(value, from, to);
		}
		return domainEnd(value, from, to, false, MAX_LABEL_LENGTH);
	}

	/**
	 * Whether the region is a host name as a configured host pattern names it: labels of
	 * ASCII letters of either case, digits, {@code -} and {@code _}, separated by single
	 * dots, at most {@link #MAX_HOST_LENGTH} characters. No port, no brackets, no leading
	 * or trailing dot. Labels are not limited to 63 characters: a pattern is compared
	 * with the request's {@code Host}, which no DNS lookup has checked.
	 * @param value the text holding the region
	 * @param from the first index of the region, inclusive
	 * @param to the last index of the region, exclusive
	 * @return whether the region is a host name
	 */
	public static boolean isHostName(String value, int from, int to) {
		return from < to && domainEnd(value, from, to, true, MAX_HOST_LENGTH) == to;
	}

	// Labels of letters, digits, '-' and '_' separated by single dots, ending at 'to' or
	// at a colon; -1 for an empty label, a long label or name, or another character.
	private static int domainEnd(String value, int from, int to, boolean upperCase, int maxLabelLength) {
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
			else if (isLowerAlpha(c) || isDigit(c) || c == '-' || c == '_' || (upperCase && isUpperAlpha(c))) {
				if (++labelLength > maxLabelLength) {
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
		return (labelLength == 0 || i - from > MAX_HOST_LENGTH) ? -1 : i;
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
	 * Parse a decimal port without sign or leading zero, as a serialized origin writes
	 * it.
	 * @param value the text holding the port
	 * @param from the first index of the port, inclusive
	 * @param to the last index of the port, exclusive
	 * @return the port, or -1 when it is not a number from 1 to 65535
	 */
	public static int parsePort(String value, int from, int to) {
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

	private static boolean isUpperAlpha(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
