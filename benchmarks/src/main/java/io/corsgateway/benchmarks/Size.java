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

import io.corsgateway.policy.CorsPolicies;

import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The size of the configuration given to both filters in {@link CorsFilterBenchmark}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum Size {

	/**
	 * One path pattern, {@code /svc0/**}, with 10 origins: 8 exact ones and 2 subdomain
	 * wildcards.
	 */
	SMALL(1, 8, false, 0),

	/**
	 * 1,000 path patterns: 500 services, each with {@code /svc{i}/**} and
	 * {@code /svc{i}/items/{id}}, 10 exact origins and 2 subdomain wildcards. Requests go
	 * to service 497, so Spring scans 995 patterns before the one that matches.
	 */
	LARGE(500, 10, true, 497);

	private final int services;

	private final int exactOrigins;

	private final boolean itemsRoutes;

	private final int targetService;

	Size(int services, int exactOrigins, boolean itemsRoutes, int targetService) {
		this.services = services;
		this.exactOrigins = exactOrigins;
		this.itemsRoutes = itemsRoutes;
		this.targetService = targetService;
	}

	CorsPolicies corsPolicies() {
		return BenchmarkPolicies.corsPolicies(this.services, this.exactOrigins, this.itemsRoutes);
	}

	UrlBasedCorsConfigurationSource springSource() {
		return BenchmarkPolicies.springSource(this.services, this.exactOrigins, this.itemsRoutes);
	}

	/**
	 * The service every benchmark request is meant for.
	 * @return the service index
	 */
	int targetService() {
		return this.targetService;
	}

	/**
	 * The last exact origin of the target service: Spring compares exact origins one by
	 * one, so this is its slowest exact match.
	 * @return the origin
	 */
	String exactOrigin() {
		return BenchmarkPolicies.exactOrigin(this.targetService, this.exactOrigins - 1);
	}

	String requestPath() {
		return "/svc" + this.targetService + "/items/42";
	}

}
