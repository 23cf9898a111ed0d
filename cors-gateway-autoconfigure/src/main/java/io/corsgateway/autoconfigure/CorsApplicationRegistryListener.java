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

import io.corsgateway.registry.CorsApplicationRegistry;
import io.corsgateway.reload.CorsPolicyReloader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Reloads the policies when a {@link CorsApplicationRegistry} reports that its
 * applications changed. It subscribes once every singleton exists, so that every registry
 * bean, and the reloader, are ready; registries start watching their store when the
 * context starts, which comes later.
 *
 * @author cors-gateway authors
 */
final class CorsApplicationRegistryListener implements SmartInitializingSingleton {

	private final ObjectProvider<CorsApplicationRegistry> registries;

	private final CorsPolicyReloader reloader;

	private final PropertiesPolicySource source;

	CorsApplicationRegistryListener(ObjectProvider<CorsApplicationRegistry> registries, CorsPolicyReloader reloader,
			PropertiesPolicySource source) {
		this.registries = registries;
		this.reloader = reloader;
		this.source = source;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.source.getStartupPolicies() == null) {
			return;
		}
		this.registries.orderedStream().forEach((registry) -> {
			String trigger = "applications changed in " + describe(registry);
			registry.addChangeListener(() -> this.reloader.reload(trigger));
		});
	}

	static String describe(CorsApplicationRegistry registry) {
		return registry.getClass().getSimpleName();
	}

}
