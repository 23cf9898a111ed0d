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

import java.util.List;
import java.util.Set;

import io.corsgateway.reload.CorsPolicyReloader;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.SystemPropertyUtils;

/**
 * Reloads the CORS policies when Spring Cloud Context reports that {@code cors.*}
 * properties changed: after {@code /actuator/refresh}, a Spring Cloud Bus refresh, a
 * Spring Cloud Config or Kubernetes ConfigMap change, or a {@code POST /actuator/env}.
 * <p>
 * The event's keys are the property names as their property sources spell them, so a key
 * belongs to {@code cors} when it starts with {@code cors} followed by a dot, an
 * underscore or a bracket, ignoring case: {@code cors.services.orders.max-age},
 * {@code CORS_SERVICES_ORDERS_MAXAGE} and {@code Cors.Defaults.maxAge} all do. Those
 * spellings hold the values before placeholders are resolved, so a {@code cors} value
 * such as {@code ${partner.origins}} changes with a key that is not one of {@code cors}:
 * while a {@code cors} value holds a placeholder, every event reloads. Otherwise an event
 * without a {@code cors} key is ignored.
 * <p>
 * It runs before Spring Cloud's own listeners, among them the one that rebinds
 * {@code @ConfigurationProperties} beans and throws when a value cannot be bound, so that
 * the reload is attempted, and its failure recorded, whatever those listeners do.
 *
 * @author cors-gateway authors
 */
final class CorsEnvironmentChangeListener implements ApplicationListener<EnvironmentChangeEvent>, Ordered {

	// Enough to recognise the change in a log line without flooding it.
	private static final int MAX_KEYS_NAMED = 5;

	private static final ConfigurationPropertyName CORS = ConfigurationPropertyName.of("cors");

	private final CorsPolicyReloader reloader;

	private final Environment environment;

	CorsEnvironmentChangeListener(CorsPolicyReloader reloader, Environment environment) {
		this.reloader = reloader;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		List<String> keys = corsKeys(event.getKeys());
		if (!keys.isEmpty()) {
			this.reloader.reload("environment change: " + describe(keys));
		}
		else if (!event.getKeys().isEmpty() && corsValueHoldsAPlaceholder()) {
			this.reloader.reload("environment change: " + describe(event.getKeys().stream().sorted().toList()));
		}
	}

	// Read as the property sources hold the values, as Spring Cloud compares them.
	private boolean corsValueHoldsAPlaceholder() {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable
					&& iterable.stream().filter(CORS::isAncestorOf).anyMatch((name) -> {
						ConfigurationProperty property = source.getConfigurationProperty(name);
						return property != null && property.getValue() instanceof String value
								&& value.contains(SystemPropertyUtils.PLACEHOLDER_PREFIX);
					})) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static List<String> corsKeys(Set<String> keys) {
		return keys.stream().filter(CorsEnvironmentChangeListener::isCorsKey).sorted().toList();
	}

	static boolean isCorsKey(String key) {
		if (!key.regionMatches(true, 0, "cors", 0, 4)) {
			return false;
		}
		if (key.length() == 4) {
			return true;
		}
		char next = key.charAt(4);
		return next == '.' || next == '_' || next == '[';
	}

	private static String describe(List<String> keys) {
		if (keys.size() <= MAX_KEYS_NAMED) {
			return String.join(", ", keys);
		}
		return String.join(", ", keys.subList(0, MAX_KEYS_NAMED)) + " and " + (keys.size() - MAX_KEYS_NAMED) + " more";
	}

}
