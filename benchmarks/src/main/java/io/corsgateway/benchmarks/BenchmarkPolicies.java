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
package io.corsgateway.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPoliciesBuilder;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Builds equivalent configurations for both filters: {@code n} services
 * {@code svc0..svc(n-1)}, each matching {@code /svc{i}/**} and optionally
 * {@code /svc{i}/items/{id}}, each with its own exact origins and two subdomain
 * wildcards, methods {@code GET, POST, PUT}, headers {@code Content-Type, X-Request-Id}
 * and a max-age of 30 minutes.
 * <p>
 * On the starter side {@code /svc{i}/items/{id}} is a route of service {@code svc{i}}
 * that inherits everything; on Spring's side it is a second pattern mapped to the same
 * {@link CorsConfiguration}, registered before {@code /svc{i}/**} because
 * {@link UrlBasedCorsConfigurationSource} takes the first pattern that matches.
 *
 * @author cors-gateway authors
 */
final class BenchmarkPolicies {

	static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT");

	static final List<String> ALLOWED_HEADERS = List.of("Content-Type", "X-Request-Id");

	static final Duration MAX_AGE = Duration.ofMinutes(30);

	private BenchmarkPolicies() {
	}

	static String exactOrigin(int service, int index) {
		return "https://app" + index + ".svc" + service + ".example.com";
	}

	static List<String> exactOrigins(int service, int count) {
		List<String> origins = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			origins.add(exactOrigin(service, i));
		}
		return origins;
	}

	static List<String> wildcardOrigins(int service) {
		return List.of("https://*.tenant" + service + ".example.com", "https://*.partner" + service + ".example.net");
	}

	/**
	 * An origin covered by the second subdomain wildcard of the service, two labels below
	 * it.
	 * @param service the service index
	 * @return the origin
	 */
	static String wildcardCoveredOrigin(int service) {
		return "https://shop.eu.partner" + service + ".example.net";
	}

	static String servicePattern(int service) {
		return "/svc" + service + "/**";
	}

	static String itemsPattern(int service) {
		return "/svc" + service + "/items/{id}";
	}

	/**
	 * Build and validate the starter's policies.
	 * @param services the number of services
	 * @param exactOrigins the number of exact origins per service
	 * @param itemsRoutes whether each service has an {@code items} route
	 * @return the compiled policies
	 */
	static CorsPolicies corsPolicies(int services, int exactOrigins, boolean itemsRoutes) {
		CorsPoliciesBuilder builder = CorsPolicies.builder().defaults((d) -> d.allowedMethods("GET", "HEAD", "POST"));
		for (int i = 0; i < services; i++) {
			int service = i;
			List<String> origins = new ArrayList<>(exactOrigins(service, exactOrigins));
			origins.addAll(wildcardOrigins(service));
			builder.service("svc" + service, (s) -> {
				s.paths(servicePattern(service))
					.allowedOrigins(origins)
					.allowedMethods(ALLOWED_METHODS)
					.allowedHeaders(ALLOWED_HEADERS)
					.maxAge(MAX_AGE);
				if (itemsRoutes) {
					s.route("items", (r) -> r.paths(itemsPattern(service)));
				}
			});
		}
		return builder.build();
	}

	/**
	 * Build Spring's configuration source for the same policies.
	 * @param services the number of services
	 * @param exactOrigins the number of exact origins per service
	 * @param itemsRoutes whether each service also maps {@code /svc{i}/items/{id}}
	 * @return the configuration source
	 */
	static UrlBasedCorsConfigurationSource springSource(int services, int exactOrigins, boolean itemsRoutes) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		for (int service = 0; service < services; service++) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(exactOrigins(service, exactOrigins));
			configuration.setAllowedOriginPatterns(wildcardOrigins(service));
			configuration.setAllowedMethods(ALLOWED_METHODS);
			configuration.setAllowedHeaders(ALLOWED_HEADERS);
			configuration.setMaxAge(MAX_AGE);
			if (itemsRoutes) {
				source.registerCorsConfiguration(itemsPattern(service), configuration);
			}
			source.registerCorsConfiguration(servicePattern(service), configuration);
		}
		return source;
	}

}
