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
package io.corsgateway.docs;

import java.util.ArrayList;
import java.util.List;

import io.corsgateway.autoconfigure.CorsPolicyCustomizer;
import io.corsgateway.policy.PolicyField;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Example of a {@link CorsPolicyCustomizer}: adds origins known only at runtime to the
 * {@code orders} service that {@code application.yml} configures.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
public class PreviewOriginsConfiguration {

	// tag::customizer[]
	@Bean
	CorsPolicyCustomizer previewOrigins(PreviewDeployments previews) {
		return (builder) -> builder.service("orders", (orders) -> {
			// A list that is set replaces the configured one: start from it.
			List<String> origins = new ArrayList<>();
			List<String> configured = orders.get(PolicyField.ALLOWED_ORIGINS);
			if (configured != null) {
				origins.addAll(configured);
			}
			origins.addAll(previews.origins());
			orders.allowedOrigins(origins);
		});
	}
	// end::customizer[]

}
