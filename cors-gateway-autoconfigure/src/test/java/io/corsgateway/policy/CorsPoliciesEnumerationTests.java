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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the read-only view of compiled {@link CorsPolicies}: services and routes in
 * declaration order with what selects them and their policies, and the defaults policy.
 *
 * @author cors-gateway authors
 */
class CorsPoliciesEnumerationTests {

	private final CorsPolicies policies = CorsPolicies.builder()
		.defaults((defaults) -> defaults.allowedHeaders("Content-Type"))
		.service("zeta",
				(zeta) -> zeta.paths("/zeta/**", "/z/{id}")
					.hosts("api.example.com.", "*.example.org")
					.allowedOrigins("https://zeta.example")
					.route("write", (write) -> write.paths("/zeta/items").methods("post", "PUT"))
					.route("all", (all) -> all.paths("/zeta/all/**")))
		.service("alpha", (alpha) -> alpha.paths("/alpha/**").allowedOrigins("https://alpha.example"))
		.build();

	@Test
	void servicesAreListedInDeclarationOrder() {
		assertThat(this.policies.getServices()).extracting(ServiceScope::id).containsExactly("zeta", "alpha");
	}

	@Test
	void serviceListsItsPathsAsConfiguredAndItsHostsWithoutTrailingDot() {
		ServiceScope zeta = this.policies.getServices().get(0);
		assertThat(zeta.paths()).containsExactly("/zeta/**", "/z/{id}");
		assertThat(zeta.hosts()).containsExactly("api.example.com", "*.example.org");
		assertThat(this.policies.getServices().get(1).hosts()).isEmpty();
	}

	@Test
	void routesAreListedInDeclarationOrderWithMethodsAsConfiguredOrNull() {
		List<RouteScope> routes = this.policies.getServices().get(0).routes();
		assertThat(routes).extracting(RouteScope::id).containsExactly("write", "all");
		assertThat(routes.get(0).paths()).containsExactly("/zeta/items");
		assertThat(routes.get(0).methods()).containsExactly("post", "PUT");
		assertThat(routes.get(1).methods()).isNull();
		assertThat(this.policies.getServices().get(1).routes()).isEmpty();
	}

	@Test
	void listedPoliciesAreThoseRequestsGet() {
		ServiceScope zeta = this.policies.getServices().get(0);
		assertThat(find("/zeta/other", "GET")).isSameAs(zeta.policy());
		assertThat(find("/zeta/items", "POST")).isSameAs(zeta.routes().get(0).policy());
		assertThat(find("/zeta/all/1", "GET")).isSameAs(zeta.routes().get(1).policy());
		assertThat(zeta.routes().get(0).policy().getId()).isEqualTo("zeta.write");
	}

	@Test
	void defaultsPolicyIsListedEvenWhenItIsNoFallback() {
		CorsPolicy defaults = this.policies.getDefaults();
		assertThat(defaults.getId()).isEqualTo("defaults");
		assertThat(defaults.getAllowedHeaders()).containsExactly("Content-Type");
		assertThat(this.policies.isDefaultsFallback()).isFalse();
		assertThat(this.policies.find("api.example.com", PathContainer.parsePath("/elsewhere"), "GET")).isNull();
	}

	@Test
	void defaultsThatAllowAnOriginAreTheFallback() {
		CorsPolicies fallback = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("https://any.example"))
			.build();
		assertThat(fallback.isDefaultsFallback()).isTrue();
		assertThat(fallback.getServices()).isEmpty();
		assertThat(fallback.find("api.example.com", PathContainer.parsePath("/elsewhere"), "GET"))
			.isSameAs(fallback.getDefaults());
	}

	@Test
	void listsCannotBeChanged() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.policies.getServices().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.policies.getServices().get(0).routes().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.policies.getDefaults().getResolvedFields().clear());
	}

	private CorsPolicy find(String path, String method) {
		return this.policies.find("api.example.com", PathContainer.parsePath(path), method);
	}

}
