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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.Ascii;
import io.corsgateway.internal.http.HttpSyntax;

/**
 * The checks of one policy field value on its own, whatever the other fields say; each
 * {@link PolicyField} names its check. Checks that combine fields, such as credentials
 * with a {@code *} origin, are {@link CredentialChecks}.
 *
 * @author cors-gateway authors
 */
final class FieldChecks {

	// The longest preflight cache each engine honours, lowest first: WebKit's
	// CrossOriginPreflightResultCache, Chromium's PreflightResult, Firefox's
	// nsCORSListenerProxy.
	private static final List<MaxAgeCap> MAX_AGE_CAPS = List.of(new MaxAgeCap("WebKit (Safari)", 600),
			new MaxAgeCap("Chromium (Chrome, Edge)", 7200), new MaxAgeCap("Firefox", 86400));

	private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
			"PATCH");

	private FieldChecks() {
	}

	static void none(String property, Object value, PolicyErrors errors) {
	}

	// A 'set:' reference is no origin: the compiler checks it against the origin sets,
	// which a check of one value does not know.
	static void origins(String property, List<String> origins, PolicyErrors errors) {
		for (int i = 0; i < origins.size(); i++) {
			String origin = origins.get(i);
			if (!OriginSets.isReference(origin)) {
				origin(property + "[" + i + "]", origin, errors);
			}
		}
	}

	/**
	 * Check one entry in the forms {@code allowed-origins} accepts, reporting why it is
	 * refused or how it was normalized.
	 * @param property the property of the entry, with its index
	 * @param origin the entry
	 * @param errors collects what the check finds
	 * @return the parsed entry, or {@code null} when it is refused
	 */
	static @Nullable OriginRule origin(String property, @Nullable String origin, PolicyErrors errors) {
		List<String> problems = new ArrayList<>(1);
		List<String> notes = new ArrayList<>(1);
		OriginRule rule = OriginRule.parse((origin != null) ? origin : "", problems, notes);
		for (String problem : problems) {
			errors.error(property, origin, problem);
		}
		if (rule != null) {
			for (String note : notes) {
				errors.warning(property, origin, note + " Write '" + rule.normalized() + "' instead.");
			}
		}
		return rule;
	}

	static void originPatterns(String property, List<String> regexes, PolicyErrors errors) {
		for (int i = 0; i < regexes.size(); i++) {
			String regex = regexes.get(i);
			String name = property + "[" + i + "]";
			if (regex == null || regex.isBlank()) {
				errors.error(name, regex, "An origin pattern cannot be empty. Remove the entry or write a regular "
						+ "expression such as https://[a-z0-9-]+\\.example\\.com.");
				continue;
			}
			if (OriginSets.isReference(regex)) {
				errors.error(name, regex, "An origin set is referenced from allowed-origins, not from "
						+ "allowed-origin-patterns, where '" + regex + "' would be a regular expression that no origin "
						+ "matches. Move the entry to allowed-origins.");
				continue;
			}
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				errors.error(name, regex,
						"The regular expression does not compile (RE2J syntax): " + ex.getDescription()
								+ ". Fix the expression; look-arounds and back-references are not supported.");
				continue;
			}
			int dot = unescapedLiteralDot(regex);
			if (dot >= 0) {
				errors.error(name, regex,
						"The '.' at index " + dot + " is unescaped, so it matches any character: '"
								+ regex.substring(0, dot) + "X" + regex.substring(dot + 1)
								+ "' would be allowed too. Write '\\.' for a literal dot.");
			}
		}
	}

	/**
	 * Find an unescaped {@code .} outside a character class and outside {@code \Q...\E}
	 * that no quantifier follows: a lone dot in an origin almost always separates domain
	 * labels ({@code app.(eu|us)}, {@code [a-z]+.example}), where a literal dot was
	 * meant, whereas {@code .*}, {@code .+} and {@code .{2,}} mean "any".
	 */
	static int unescapedLiteralDot(String regex) {
		boolean inClass = false;
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				if (regex.startsWith("Q", i + 1)) {
					int quoteEnd = regex.indexOf("\\E", i + 2);
					i = (quoteEnd < 0) ? regex.length() : quoteEnd + 1;
				}
				else {
					i++;
				}
			}
			else if (c == '[') {
				inClass = true;
			}
			else if (c == ']') {
				inClass = false;
			}
			else if (c == '.' && !inClass && (i + 1 == regex.length() || "*+?{".indexOf(regex.charAt(i + 1)) < 0)) {
				return i;
			}
		}
		return -1;
	}

	static void allowedMethods(String property, List<String> methods, PolicyErrors errors) {
		methods(property, methods, true, errors);
	}

	static void routeMethods(String property, List<String> methods, PolicyErrors errors) {
		methods(property, methods, false, errors);
	}

	// 'allowedMethods': the list is an allowed-methods list (compared case-sensitively,
	// '*' allowed), not a route's methods (compared ignoring case, no '*').
	private static void methods(String property, List<String> methods, boolean allowedMethods, PolicyErrors errors) {
		for (int i = 0; i < methods.size(); i++) {
			String method = methods.get(i);
			String name = property + "[" + i + "]";
			if ("*".equals(method)) {
				if (!allowedMethods) {
					errors.error(name, method, "A route's methods are compared with the request method, not read as "
							+ "patterns, so '*' would match nothing. Remove the methods property to match every method.");
				}
				continue;
			}
			if (method == null || !HttpSyntax.isToken(method)) {
				errors.error(name, method, "A method must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~, "
						+ "no spaces or commas). Write one method per list entry, such as PUT.");
			}
			else if (HttpSyntax.isForbiddenMethod(method)) {
				errors.error(name, method,
						"Browsers never send " + Ascii.toUpperCase(method)
								+ " cross-origin (Fetch forbids it), so allowing it has no use and hints at a mistake. "
								+ "Remove the entry.");
			}
			else if (allowedMethods && !STANDARD_METHODS.contains(method)
					&& STANDARD_METHODS.contains(Ascii.toUpperCase(method))) {
				errors.warning(name, method,
						"Methods are case-sensitive and browsers send '" + Ascii.toUpperCase(method)
								+ "', which this entry does not match. Write '" + Ascii.toUpperCase(method) + "'.");
			}
		}
	}

	static void headerNames(String property, List<String> names, PolicyErrors errors) {
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (!"*".equals(name) && (name == null || !HttpSyntax.isToken(name))) {
				errors.error(property + "[" + i + "]", name, "A header name must be an RFC 9110 token (no spaces, "
						+ "colons or commas). Write one header name per list entry, such as X-Request-Id.");
			}
		}
	}

	static void presets(String property, List<String> presets, PolicyErrors errors) {
		for (int i = 0; i < presets.size(); i++) {
			String preset = presets.get(i);
			if (CorsPreset.of(preset) == null) {
				errors.error(property + "[" + i + "]", preset,
						"There is no preset of this name, so nothing " + "would be added to the scope. Use one of "
								+ CorsPreset.names() + ", or list the methods "
								+ "and headers in allowed-methods, allowed-headers and exposed-headers.");
			}
		}
	}

	static void maxAge(String property, Duration maxAge, PolicyErrors errors) {
		if (maxAge.getSeconds() < -1) {
			errors.error(property, maxAge.getSeconds() + "s", "max-age cannot be below -1 seconds. Use -1 to disable "
					+ "preflight caching, or a positive duration such as 30m.");
		}
		else {
			String capping = browsersCapping(maxAge.getSeconds());
			if (capping != null) {
				errors.warning(property, maxAge.getSeconds() + "s", "Browsers cap how long they cache a preflight "
						+ "answer, and some cap it below " + maxAge.getSeconds() + " s: " + capping + ". They keep "
						+ "the answer for that long and then send a new preflight. Nothing breaks; lower max-age to "
						+ "the cap you want to rely on (600 s holds in every browser) to make the setting say what "
						+ "browsers do.");
			}
		}
	}

	// The browsers whose cap lies below the given max-age, such as "WebKit (Safari) at
	// 600 s, Chromium (Chrome, Edge) at 7200 s", or null when every browser honours it.
	static @Nullable String browsersCapping(long seconds) {
		List<String> capping = new ArrayList<>();
		for (MaxAgeCap cap : MAX_AGE_CAPS) {
			if (seconds > cap.seconds()) {
				capping.add(cap.browser() + " at " + cap.seconds() + " s");
			}
		}
		return capping.isEmpty() ? null : String.join(", ", capping);
	}

	private record MaxAgeCap(String browser, long seconds) {

	}

	// Valid and meant, but it turns the protection off: said at every start so that a
	// trial left in place is noticed.
	static void reportOnly(String property, Boolean reportOnly, PolicyErrors errors) {
		if (reportOnly) {
			errors.warning(property, true, "Decisions of this scope are logged and counted but not enforced: no "
					+ "request is rejected and responses keep the CORS headers the handler or upstream set. Remove "
					+ "report-only (or set it to false) once the reports show what you expect.");
		}
	}

	static void preflightStatus(String property, Integer status, PolicyErrors errors) {
		if (status != 200 && status != 204) {
			errors.error(property, status, "A successful preflight is answered with 200 or 204. Use 204 (the default) "
					+ "unless an old client needs 200.");
		}
	}

}
