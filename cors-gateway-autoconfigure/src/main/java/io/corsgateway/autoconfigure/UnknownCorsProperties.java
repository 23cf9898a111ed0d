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

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.PolicyError;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds {@code cors.*} keys that bind to nothing, such as a misspelt
 * {@code allowed-orgins}: a CORS setting that is silently ignored is a policy nobody
 * reviewed. The binder itself decides what is unknown: {@code cors} is bound to
 * {@link CorsGatewayProperties} once more with a handler that collects every name it
 * binds, so a property added to the properties classes is known without another edit.
 * Operating-system environment variables are not checked, because unrelated variables may
 * start with {@code CORS_}.
 *
 * @author cors-gateway authors
 */
final class UnknownCorsProperties {

	private static final String PREFIX = "cors";

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);

	private static final int MAX_SUGGESTION_DISTANCE = 2;

	private UnknownCorsProperties() {
	}

	static List<PolicyError> find(Environment environment) {
		BoundNames bound = new BoundNames();
		Binder.get(environment).bind(PREFIX, Bindable.of(CorsGatewayProperties.class), bound);
		// Names, not strings: the same key written alowed-origins in one source and
		// alowedOrigins in another is one key for the binder, and reported once.
		Set<ConfigurationPropertyName> unknown = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable && isCheckedSource(source)) {
				iterable.filter(ROOT::isAncestorOf)
					.stream()
					.filter((name) -> !bound.isBound(name))
					.forEach(unknown::add);
			}
		}
		return errors(unknown);
	}

	private static boolean isCheckedSource(ConfigurationPropertySource source) {
		return !(source.getUnderlyingSource() instanceof PropertySource<?> propertySource
				&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName()));
	}

	private static List<PolicyError> errors(Set<ConfigurationPropertyName> unknown) {
		Set<String> candidates = propertyNames(CorsGatewayProperties.class, new LinkedHashSet<>());
		List<PolicyError> errors = new ArrayList<>();
		for (ConfigurationPropertyName name : unknown) {
			errors.add(new PolicyError(name.toString(), null, "This key is not a cors-gateway property, so its value "
					+ "would be ignored." + suggestion(name.toString(), candidates)));
		}
		return errors;
	}

	/**
	 * The kebab-case names of the bean properties of the given properties class and of
	 * the properties classes it nests, directly or as map values: the keys that a
	 * misspelt key may have meant.
	 */
	private static Set<String> propertyNames(Class<?> type, Set<String> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			names.add(kebabCase(descriptor.getName()));
			ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
			Class<?> nested = (propertyType.asMap() != ResolvableType.NONE) ? propertyType.asMap().resolveGeneric(1)
					: propertyType.resolve();
			if (isPropertiesClass(nested)) {
				propertyNames(nested, names);
			}
		}
		return names;
	}

	// The properties classes are the ones of this package; a Map or List value is not.
	private static boolean isPropertiesClass(@Nullable Class<?> type) {
		return type != null && type.getPackageName().equals(CorsGatewayProperties.class.getPackageName());
	}

	static String kebabCase(String camelCase) {
		StringBuilder kebab = new StringBuilder(camelCase.length() + 4);
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	private static String suggestion(String name, Set<String> candidates) {
		String last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
		String best = null;
		int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
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

	/**
	 * Collects the names the binder bound a value to while binding {@code cors}: a key in
	 * a property source that is not among them, nor an element of a list bound from
	 * another source, bound to nothing.
	 */
	private static final class BoundNames extends AbstractBindHandler {

		private final Set<ConfigurationPropertyName> names = new HashSet<>();

		@Override
		public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			this.names.add(name);
			return super.onSuccess(name, target, context, result);
		}

		// A list set in a source that wins replaces the whole list of a source that
		// loses, whose surplus elements are then overridden, not unknown.
		boolean isBound(ConfigurationPropertyName name) {
			return this.names.contains(name)
					|| (name.isLastElementIndexed() && this.names.contains(name.chop(name.getNumberOfElements() - 1)));
		}

	}

}
