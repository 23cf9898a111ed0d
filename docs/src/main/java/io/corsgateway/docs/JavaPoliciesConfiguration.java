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

import java.time.Duration;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Example of a {@link CorsPolicies} bean built entirely in Java: the auto-configured one,
 * and with it every {@code cors.defaults} and {@code cors.services} property, backs off.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
public class JavaPoliciesConfiguration {

	// tag::policies[]
	@Bean
	CorsPolicies corsPolicies() {
		return CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedMethods("GET", "HEAD", "POST").maxAge(Duration.ofMinutes(10)))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example.com", "https://*.shop.example.com")
						.allowedMethods("GET", "HEAD", "POST", "PUT", "DELETE")
						.allowedHeaders("Content-Type", "Authorization")
						.exposedHeaders("X-Trace-Id")
						.allowCredentials(true)
						.route("refunds",
								(refunds) -> refunds.paths("/orders/{id}/refunds")
									.methods("POST")
									.allowedOrigins("https://admin.shop.example.com")))
			.service("catalog",
					(catalog) -> catalog.paths("/catalog/**")
						.allowedOrigins("*")
						.allowedMethods("GET", "HEAD")
						.maxAge(Duration.ofMinutes(10)))
			.build();
	}
	// end::policies[]

}
