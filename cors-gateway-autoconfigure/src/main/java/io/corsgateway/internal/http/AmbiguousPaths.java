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
 * Recognizes request paths that a server behind the filter may resolve to another path
 * than the one the policy was chosen for: Tomcat drops {@code ;} parameters and resolves
 * {@code /..;/}, some servers decode {@code %2e} and {@code %2f} before routing, collapse
 * {@code //}, or read {@code \} as a separator. Refusing them, as Spring Security's
 * strict firewall does, keeps policy selection and the handler on the same path.
 * <p>
 * Internal: this class is not API. It is public only so that the project's other packages
 * can use it, and may change in any release.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class AmbiguousPaths {

	private AmbiguousPaths() {
	}

	/**
	 * Whether the raw (still encoded) path holds a dot segment (also with {@code ;}
	 * parameters), an empty segment, a backslash, or an encoded dot, slash, backslash,
	 * semicolon, NUL or percent sign.
	 * @param rawPath the request path as sent, without the query
	 * @return whether the path is ambiguous
	 */
	public static boolean isAmbiguous(String rawPath) {
		int length = rawPath.length();
		int segmentStart = 0;
		// Where the first ';' of the segment starts its parameters; beyond any index
		// while there is none.
		int parametersStart = Integer.MAX_VALUE;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? rawPath.charAt(i) : '/';
			if (c == '/') {
				if (isDotSegment(rawPath, segmentStart, Math.min(parametersStart, i))
						|| (i == segmentStart && segmentStart > 0 && i < length)) {
					return true;
				}
				segmentStart = i + 1;
				parametersStart = Integer.MAX_VALUE;
			}
			else if (c == ';') {
				parametersStart = Math.min(parametersStart, i);
			}
			else if (c == '\\' || (c == '%' && isEncodedSeparator(rawPath, i + 1))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDotSegment(String path, int from, int to) {
		int length = to - from;
		return (length == 1 && path.charAt(from) == '.')
				|| (length == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.');
	}

	// %2e (.), %2f (/), %5c (\), %3b (;, which Tomcat strips with what follows), %00 (a
	// string end to C-based servers) and %25 (%, which a second decoding turns into any
	// of them), in either case.
	private static boolean isEncodedSeparator(String path, int from) {
		if (from + 1 >= path.length()) {
			return false;
		}
		char high = path.charAt(from);
		char low = Ascii.toLowerCase(path.charAt(from + 1));
		return (high == '2' && (low == 'e' || low == 'f' || low == '5')) || (high == '5' && low == 'c')
				|| (high == '3' && low == 'b') || (high == '0' && low == '0');
	}

}
