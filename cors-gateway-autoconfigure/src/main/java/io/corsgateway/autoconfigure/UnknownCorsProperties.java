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
package io.corsgateway.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.corsgateway.policy.PolicyError;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds {@code cors.*} keys that bind to nothing, such as a misspelt
 * {@code allowed-orgins}: a CORS setting that is silently ignored is a policy nobody
 * reviewed. Operating-system environment variables are not checked, because unrelated
 * variables may start with {@code CORS_}.
 *
 * @author cors-gateway authors
 */
final class UnknownCorsProperties {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("cors");

	private static final List<String> ROOT_FIELDS = List.of("enabled", "filter-order", "reject-ambiguous-paths",
			"case-sensitive-paths", "defaults", "services");

	private static final List<String> POLICY_FIELDS = List.of("enabled", "allowed-origins", "allowed-origin-patterns",
			"allowed-methods", "allowed-headers", "exposed-headers", "allow-credentials", "allow-insecure-origins",
			"max-age", "preflight-continue", "preflight-status", "reject-disallowed-origins");

	private static final List<String> SERVICE_FIELDS = List.of("paths", "hosts", "routes");

	private static final List<String> ROUTE_FIELDS = List.of("paths", "methods");

	private UnknownCorsProperties() {
	}

	static List<PolicyError> find(Environment environment) {
		// Names, not strings: the same key written alowed-origins in one source and
		// alowedOrigins in another is one key for the binder, and reported once.
		Set<ConfigurationPropertyName> unknown = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable
					&& !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(nameOf(source))) {
				iterable.filter(ROOT::isAncestorOf).stream().forEach((name) -> {
					if (!isKnown(name)) {
						unknown.add(name);
					}
				});
			}
		}
		List<PolicyError> errors = new ArrayList<>();
		for (ConfigurationPropertyName name : unknown) {
			errors.add(new PolicyError(name.toString(), null, "This key is not a cors-gateway property, so its value "
					+ "would be ignored." + suggestion(name.toString())));
		}
		return errors;
	}

	private static String nameOf(ConfigurationPropertySource source) {
		Object underlying = source.getUnderlyingSource();
		return (underlying instanceof org.springframework.core.env.PropertySource<?> propertySource)
				? propertySource.getName() : "";
	}

	private static boolean isKnown(ConfigurationPropertyName name) {
		int count = name.getNumberOfElements();
		if (count < 2) {
			return true;
		}
		String first = uniform(name, 1);
		return switch (first) {
			case "defaults" -> count == 2 || isField(name, 2, POLICY_FIELDS);
			case "services" -> count <= 3 || isServiceKey(name);
			default -> isField(name, 1, ROOT_FIELDS);
		};
	}

	private static boolean isServiceKey(ConfigurationPropertyName name) {
		String field = uniform(name, 3);
		if (field.equals("routes")) {
			int count = name.getNumberOfElements();
			// routes itself holds a value when YAML sets an empty map (routes: {}), and a
			// route id alone when it sets an empty route.
			return count == 4 || count == 5
					|| (count >= 6 && (isField(name, 5, POLICY_FIELDS) || isField(name, 5, ROUTE_FIELDS)));
		}
		return isField(name, 3, POLICY_FIELDS) || isField(name, 3, SERVICE_FIELDS);
	}

	// A field may be followed only by list indexes: allowed-origins[0] is fine, a nested
	// key is not.
	private static boolean isField(ConfigurationPropertyName name, int index, List<String> fields) {
		String element = uniform(name, index);
		if (fields.stream().noneMatch((field) -> field.replace("-", "").equals(element))) {
			return false;
		}
		for (int i = index + 1; i < name.getNumberOfElements(); i++) {
			if (!name.isNumericIndex(i)) {
				return false;
			}
		}
		return true;
	}

	private static String uniform(ConfigurationPropertyName name, int index) {
		return name.getElement(index, Form.UNIFORM);
	}

	private static String suggestion(String name) {
		String last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
		String best = null;
		int bestDistance = 3;
		List<String> candidates = new ArrayList<>(POLICY_FIELDS);
		candidates.addAll(SERVICE_FIELDS);
		candidates.addAll(ROUTE_FIELDS);
		candidates.addAll(ROOT_FIELDS);
		for (String candidate : candidates) {
			int distance = distance(last, candidate);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = candidate;
			}
		}
		return (best != null && !best.equals(last)) ? " Did you mean '" + best + "'?"
				: " Check the spelling against the cors-gateway configuration reference.";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
