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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The parts of compiled policies shared between policies with equal inputs, so that
 * thousands of routes inheriting one service's origins hold one matcher. One instance
 * lives for one build.
 *
 * @author cors-gateway authors
 */
final class CompiledParts {

	private final Map<OriginKey, OriginMatcher> originMatchers = new HashMap<>();

	private final Map<String, Optional<Pattern>> patterns = new HashMap<>();

	private final Map<String, Optional<OriginRule>> originRules = new HashMap<>();

	private final Map<HeadersKey, AllowedHeaders> allowedHeaders = new HashMap<>();

	private final Map<List<String>, Set<String>> methodSets = new HashMap<>();

	private final Map<HeaderValues, @Nullable String[]> headerValues = new HashMap<>();

	OriginMatcher originMatcher(List<String> origins, List<String> patterns, boolean allowCredentials) {
		return this.originMatchers.computeIfAbsent(new OriginKey(origins, patterns, allowCredentials),
				(key) -> new OriginMatcher(originRules(origins), compiledPatterns(patterns), allowCredentials));
	}

	Set<String> methodSet(List<String> methods) {
		return this.methodSets.computeIfAbsent(methods, Set::copyOf);
	}

	AllowedHeaders allowedHeaders(List<String> headers, boolean anyHeader) {
		return this.allowedHeaders.computeIfAbsent(new HeadersKey(headers, anyHeader),
				(key) -> new AllowedHeaders(RegionSet.of(headers, true), anyHeader));
	}

	/**
	 * One array for equal rendered header values, which policies only read.
	 * @param values the values, indexed by {@link CorsHeader} ordinal
	 * @return an array equal to {@code values}, the same for every equal one
	 */
	@Nullable String[] headerValues(@Nullable String[] values) {
		return this.headerValues.computeIfAbsent(new HeaderValues(values), HeaderValues::values);
	}

	/**
	 * The rule an entry of {@code allowed-origins} parses to; each distinct string is
	 * parsed once.
	 * @param origin the entry
	 * @return the rule, or {@code null} when the entry is invalid (reported by
	 * {@link FieldChecks})
	 */
	@Nullable OriginRule originRule(@Nullable String origin) {
		return this.originRules
			.computeIfAbsent((origin != null) ? origin : "",
					(value) -> Optional.ofNullable(OriginRule.parse(value, new ArrayList<>(1), new ArrayList<>(1))))
			.orElse(null);
	}

	/**
	 * The compiled form of an origin pattern; each distinct pattern is compiled once.
	 * @param regex the pattern
	 * @return the compiled pattern, or {@code null} when it is blank or does not compile
	 * (reported by {@link FieldChecks})
	 */
	@Nullable Pattern pattern(String regex) {
		if (regex.isBlank()) {
			return null;
		}
		return this.patterns.computeIfAbsent(regex, (value) -> {
			try {
				return Optional.of(Pattern.compile(value));
			}
			catch (PatternSyntaxException ex) {
				return Optional.empty();
			}
		}).orElse(null);
	}

	/**
	 * Whether an {@code allowed-origin-patterns} entry is one whose safety can be judged
	 * from its structure: not a reference, compiling, and without an unescaped literal
	 * dot. The others already have an error of their own, which a second one about their
	 * safety would only repeat.
	 * @param regex the entry
	 * @return whether its safety should be checked
	 */
	boolean isJudgeablePattern(@Nullable String regex) {
		return regex != null && !OriginSets.isReference(regex) && pattern(regex) != null
				&& FieldChecks.unescapedLiteralDot(regex) < 0;
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

	private List<Pattern> compiledPatterns(List<String> regexes) {
		List<Pattern> compiled = new ArrayList<>(regexes.size());
		for (String regex : regexes) {
			Pattern pattern = pattern(regex);
			if (pattern != null) {
				compiled.add(pattern);
			}
		}
		return compiled;
	}

	private record OriginKey(List<String> origins, List<String> patterns, boolean allowCredentials) {

	}

	private record HeadersKey(List<String> headers, boolean anyHeader) {

	}

	private record HeaderValues(@Nullable String[] values) {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof HeaderValues that && Arrays.equals(this.values, that.values);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.values);
		}

	}

}
