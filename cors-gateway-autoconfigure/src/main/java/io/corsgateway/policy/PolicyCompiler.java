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
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.HttpSyntax;

/**
 * Resolves each policy field from the most specific level that sets it (route, then
 * service, then defaults, then the built-in default), validates every value, and compiles
 * the result. Compiled parts are shared between policies with equal inputs, so that
 * thousands of routes inheriting one service's origins hold one matcher.
 *
 * @author cors-gateway authors
 */
final class PolicyCompiler {

	static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

	static final int DEFAULT_PREFLIGHT_STATUS = 204;

	private static final long BROWSER_MAX_AGE_CAP_SECONDS = 86400;

	private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
			"PATCH");

	private final Set<PolicyError> errors = new LinkedHashSet<>();

	private final Set<PolicyError> warnings = new LinkedHashSet<>();

	private final Map<PolicySpec<?>, Boolean> validatedLevels = new IdentityHashMap<>();

	private final Map<List<Object>, OriginMatcher> originMatchers = new HashMap<>();

	private final Map<String, Pattern> patterns = new HashMap<>();

	private final Map<String, ParsedOrigin> parsedOrigins = new HashMap<>();

	private final Map<List<Object>, AllowedHeaders> headerSets = new HashMap<>();

	private final Map<List<String>, Set<String>> methodSets = new HashMap<>();

	List<PolicyError> errors() {
		return List.copyOf(this.errors);
	}

	List<PolicyError> warnings() {
		return List.copyOf(this.warnings);
	}

	void error(String property, @Nullable Object value, String reason) {
		this.errors.add(new PolicyError(property, value, reason));
	}

	void warning(String property, @Nullable Object value, String reason) {
		this.warnings.add(new PolicyError(property, value, reason));
	}

	/**
	 * Compile the policy that the given levels resolve to.
	 * @param id the policy id
	 * @param levels the levels, most specific first, ending with the defaults
	 * @return the compiled policy; when errors were recorded it may be incomplete
	 */
	CorsPolicy compile(@Nullable String serviceId, @Nullable String routeId, List<PolicySpec<?>> levels) {
		for (PolicySpec<?> level : levels) {
			if (this.validatedLevels.put(level, Boolean.TRUE) == null) {
				validateLevel(level);
			}
		}
		Resolved<Boolean> credentials = resolve(levels, PolicySpec::getAllowCredentials, "allow-credentials", false);
		Resolved<Boolean> insecure = resolve(levels, PolicySpec::getAllowInsecureOrigins, "allow-insecure-origins",
				false);
		Resolved<List<String>> origins = resolve(levels, PolicySpec::getAllowedOrigins, "allowed-origins", List.of());
		Resolved<List<String>> originPatterns = resolve(levels, PolicySpec::getAllowedOriginPatterns,
				"allowed-origin-patterns", List.of());
		Resolved<List<String>> methods = resolve(levels, PolicySpec::getAllowedMethods, "allowed-methods",
				DEFAULT_METHODS);
		Resolved<List<String>> headers = resolve(levels, PolicySpec::getAllowedHeaders, "allowed-headers", List.of());
		Resolved<List<String>> exposed = resolve(levels, PolicySpec::getExposedHeaders, "exposed-headers", List.of());
		Resolved<Duration> maxAge = resolve(levels, PolicySpec::getMaxAge, "max-age", null);
		boolean allowCredentials = Boolean.TRUE.equals(credentials.value());
		if (allowCredentials) {
			checkNoWildcard(origins, credentials);
			checkNoWildcard(methods, credentials);
			checkNoWildcard(headers, credentials);
			checkNoWildcard(exposed, credentials);
			checkNoNullOrigin(origins, credentials);
			if (!Boolean.TRUE.equals(insecure.value())) {
				checkSecureOrigins(origins, credentials);
			}
			checkCredentialedPatterns(originPatterns, credentials, Boolean.TRUE.equals(insecure.value()));
		}
		List<OriginRule> rules = originRules(origins.value());
		OriginMatcher originMatcher = this.originMatchers.computeIfAbsent(
				List.of(origins.value(), originPatterns.value(), allowCredentials),
				(key) -> new OriginMatcher(rules, compiledPatterns(originPatterns.value()), allowCredentials));
		boolean anyHeader = !allowCredentials && headers.value().contains("*");
		Set<String> methodSet = this.methodSets.computeIfAbsent(methods.value(), Set::copyOf);
		AllowedHeaders headerSet = this.headerSets.computeIfAbsent(List.of(headers.value(), anyHeader),
				(key) -> new AllowedHeaders(RegionSet.of(headers.value(), true), anyHeader));
		CorsPolicy.Settings settings = new CorsPolicy.Settings(
				resolve(levels, PolicySpec::getEnabled, "enabled", true).value(), origins.value(),
				originPatterns.value(), methods.value(), headers.value(), exposed.value(), allowCredentials,
				maxAge.value(), resolve(levels, PolicySpec::getPreflightContinue, "preflight-continue", false).value(),
				resolve(levels, PolicySpec::getPreflightStatus, "preflight-status", DEFAULT_PREFLIGHT_STATUS).value(),
				resolve(levels, PolicySpec::getRejectDisallowedOrigins, "reject-disallowed-origins", true).value());
		return new CorsPolicy(serviceId, routeId, settings, originMatcher, methodSet, headerSet);
	}

	private void checkNoWildcard(Resolved<List<String>> field, Resolved<Boolean> credentials) {
		int index = field.value().indexOf("*");
		if (index >= 0) {
			error(field
				.property() + "[" + index + "]", "*", "'*' cannot be combined with allow-credentials: true (set by "
						+ credentials.property() + "): credentialed responses must name what they allow, and browsers "
						+ "ignore a '*' in credentialed responses. List the values explicitly"
						+ (field.property().endsWith("allowed-origins") ? " or use allowed-origin-patterns." : "."));
		}
	}

	// With credentials a pattern must be proven, from its structure, to match only https
	// (or loopback http) origins of domains it names. A pattern already refused for its
	// syntax gets no second error.
	private void checkCredentialedPatterns(Resolved<List<String>> patterns, Resolved<Boolean> credentials,
			boolean insecureAllowed) {
		for (int i = 0; i < patterns.value().size(); i++) {
			String regex = patterns.value().get(i);
			if (regex == null || compilePattern(regex) == null || unescapedLiteralDot(regex) >= 0) {
				continue;
			}
			String refusal = OriginPatternSafety.refusal(regex, insecureAllowed, credentials.property());
			if (refusal != null) {
				error(patterns.property() + "[" + i + "]", regex, refusal);
			}
		}
	}

	private void checkSecureOrigins(Resolved<List<String>> origins, Resolved<Boolean> credentials) {
		for (int i = 0; i < origins.value().size(); i++) {
			String value = origins.value().get(i);
			OriginRule rule = originRule(value);
			if (rule != null && rule.isInsecure()) {
				error(origins.property() + "[" + i + "]", value,
						"A plain http:// origin cannot be combined with " + "allow-credentials: true (set by "
								+ credentials.property() + "): anyone on the network path "
								+ "can read and alter the page that sends credentialed requests. Use https://, or set "
								+ "allow-insecure-origins: true on this scope if you accept that risk.");
			}
		}
	}

	private void checkNoNullOrigin(Resolved<List<String>> origins, Resolved<Boolean> credentials) {
		int index = origins.value().indexOf("null");
		if (index >= 0) {
			error(origins.property() + "[" + index + "]", "null", "The 'null' origin cannot be combined with "
					+ "allow-credentials: true (set by " + credentials.property() + "): sandboxed iframes, data: "
					+ "URLs and redirects of any site send 'null', so every site could read credentialed responses. "
					+ "Serve the page from an origin of its own and list that origin.");
		}
	}

	private List<OriginRule> originRules(List<String> origins) {
		List<OriginRule> rules = new ArrayList<>(origins.size());
		for (String origin : origins) {
			OriginRule rule = originRule(origin);
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	private @Nullable OriginRule originRule(@Nullable String origin) {
		return parse((origin != null) ? origin : "").rule();
	}

	// Each distinct origin string is parsed once, for validation and compilation alike.
	private ParsedOrigin parse(String origin) {
		return this.parsedOrigins.computeIfAbsent(origin, (value) -> {
			List<String> problems = new ArrayList<>(1);
			List<String> notes = new ArrayList<>(1);
			OriginRule rule = OriginRule.parse(value, problems, notes);
			return new ParsedOrigin(rule, problems, notes);
		});
	}

	private record ParsedOrigin(@Nullable OriginRule rule, List<String> problems, List<String> notes) {

	}

	private List<Pattern> compiledPatterns(List<String> regexes) {
		List<Pattern> compiled = new ArrayList<>(regexes.size());
		for (String regex : regexes) {
			Pattern pattern = compilePattern(regex);
			if (pattern != null) {
				compiled.add(pattern);
			}
		}
		return compiled;
	}

	private @Nullable Pattern compilePattern(String regex) {
		if (regex.isBlank()) {
			return null;
		}
		return this.patterns.computeIfAbsent(regex, (value) -> {
			try {
				return Pattern.compile(value);
			}
			catch (PatternSyntaxException ex) {
				return null;
			}
		});
	}

	private void validateLevel(PolicySpec<?> level) {
		String prefix = level.getPropertyPrefix();
		validateOrigins(prefix + ".allowed-origins", level.getAllowedOrigins());
		validatePatterns(prefix + ".allowed-origin-patterns", level.getAllowedOriginPatterns());
		validateMethods(prefix + ".allowed-methods", level.getAllowedMethods(), true);
		validateHeaderNames(prefix + ".allowed-headers", level.getAllowedHeaders());
		validateHeaderNames(prefix + ".exposed-headers", level.getExposedHeaders());
		Duration maxAge = level.getMaxAge();
		if (maxAge != null) {
			if (maxAge.getSeconds() < -1) {
				error(prefix + ".max-age", maxAge.getSeconds() + "s",
						"max-age cannot be below -1 seconds. Use -1 to disable preflight "
								+ "caching, or a positive duration such as 30m.");
			}
			else if (maxAge.getSeconds() > BROWSER_MAX_AGE_CAP_SECONDS) {
				warning(prefix + ".max-age", maxAge.getSeconds() + "s",
						"Browsers cap max-age (Chromium at 7200 s, Firefox at 86400 s), "
								+ "so values above 86400 s have no further effect.");
			}
		}
		Integer status = level.getPreflightStatus();
		if (status != null && status != 200 && status != 204) {
			error(prefix + ".preflight-status", status, "A successful preflight is answered with 200 or 204. Use 204 "
					+ "(the default) unless an old client needs 200.");
		}
	}

	private void validateOrigins(String property, @Nullable List<String> origins) {
		if (origins == null) {
			return;
		}
		for (int i = 0; i < origins.size(); i++) {
			String origin = origins.get(i);
			ParsedOrigin parsed = parse((origin != null) ? origin : "");
			for (String problem : parsed.problems()) {
				error(property + "[" + i + "]", origin, problem);
			}
			OriginRule rule = parsed.rule();
			if (rule != null) {
				for (String note : parsed.notes()) {
					warning(property + "[" + i + "]", origin, note + " Write '" + rule.normalized() + "' instead.");
				}
			}
		}
	}

	private void validatePatterns(String property, @Nullable List<String> regexes) {
		if (regexes == null) {
			return;
		}
		for (int i = 0; i < regexes.size(); i++) {
			String regex = regexes.get(i);
			String name = property + "[" + i + "]";
			if (regex == null || regex.isBlank()) {
				error(name, regex, "An origin pattern cannot be empty. Remove the entry or write a regular expression "
						+ "such as https://[a-z0-9-]+\\.example\\.com.");
				continue;
			}
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				error(name, regex, "The regular expression does not compile (RE2J syntax): " + ex.getDescription()
						+ ". Fix the expression; look-arounds and back-references are not supported.");
				continue;
			}
			int dot = unescapedLiteralDot(regex);
			if (dot >= 0) {
				error(name, regex,
						"The '.' at index " + dot + " is unescaped, so it matches any character: '"
								+ regex.substring(0, dot) + "X" + regex.substring(dot + 1)
								+ "' would be allowed too. Write " + "'\\.' for a literal dot.");
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

	// 'allowedMethods': the list is an allowed-methods list (compared case-sensitively,
	// '*'
	// allowed), not a route's methods (compared ignoring case, no '*').
	void validateMethods(String property, @Nullable List<String> methods, boolean allowedMethods) {
		if (methods == null) {
			return;
		}
		for (int i = 0; i < methods.size(); i++) {
			String method = methods.get(i);
			String name = property + "[" + i + "]";
			if ("*".equals(method)) {
				if (!allowedMethods) {
					error(name, method, "A route's methods are compared with the request method, not read as "
							+ "patterns, so '*' would match nothing. Remove the methods property to match every method.");
				}
				continue;
			}
			if (method == null || !HttpSyntax.isToken(method)) {
				error(name, method, "A method must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~, no "
						+ "spaces or commas). Write one method per list entry, such as PUT.");
			}
			else if (HttpSyntax.isForbiddenMethod(method)) {
				error(name, method, "Browsers never send " + method.toUpperCase(Locale.ROOT) + " cross-origin (Fetch "
						+ "forbids it), so allowing it has no use and hints at a mistake. Remove the entry.");
			}
			else if (allowedMethods && !STANDARD_METHODS.contains(method)
					&& STANDARD_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
				warning(name, method, "Methods are case-sensitive and browsers send '" + method.toUpperCase(Locale.ROOT)
						+ "', which this entry does not match. Write '" + method.toUpperCase(Locale.ROOT) + "'.");
			}
		}
	}

	private void validateHeaderNames(String property, @Nullable List<String> names) {
		if (names == null) {
			return;
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (!"*".equals(name) && (name == null || !HttpSyntax.isToken(name))) {
				error(property + "[" + i + "]", name, "A header name must be an RFC 9110 token (no spaces, colons or "
						+ "commas). Write one header name per list entry, such as X-Request-Id.");
			}
		}
	}

	private static <T> Resolved<T> resolve(List<PolicySpec<?>> levels, Function<PolicySpec<?>, @Nullable T> getter,
			String field, T builtIn) {
		for (PolicySpec<?> level : levels) {
			T value = getter.apply(level);
			if (value != null) {
				return new Resolved<>(value, level.getPropertyPrefix() + "." + field);
			}
		}
		return new Resolved<>(builtIn, "the built-in default of " + field);
	}

	private record Resolved<T>(T value, String property) {

	}

	static List<PolicySpec<?>> levels(@Nullable PolicySpec<?> route, @Nullable PolicySpec<?> service,
			PolicySpec<?> defaults) {
		List<PolicySpec<?>> levels = new ArrayList<>(3);
		if (route != null) {
			levels.add(route);
		}
		if (service != null) {
			levels.add(service);
		}
		levels.add(defaults);
		return Collections.unmodifiableList(levels);
	}

}
