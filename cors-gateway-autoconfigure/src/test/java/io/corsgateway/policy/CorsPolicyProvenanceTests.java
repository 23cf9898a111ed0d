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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the provenance a compiled {@link CorsPolicy} keeps of each field
 * ({@link CorsPolicy#getResolvedField(PolicyField)}): the value, the level that set it
 * (route &gt; service &gt; defaults &gt; built-in) and the property path.
 *
 * @author cors-gateway authors
 */
class CorsPolicyProvenanceTests {

	/**
	 * Three valid, distinct values per field, for the route, the service and the
	 * defaults, so that the compiled policies can tell which level a value came from. A
	 * new field needs samples here.
	 */
	private static final Map<PolicyField<?>, List<?>> SAMPLES = Map.ofEntries(
			Map.entry(PolicyField.ENABLED, List.of(true, false, true)),
			Map.entry(PolicyField.ALLOWED_ORIGINS,
					List.of(List.of("https://route.example"), List.of("https://service.example"),
							List.of("https://defaults.example"))),
			Map.entry(PolicyField.ALLOWED_ORIGIN_PATTERNS,
					List.of(List.of("https://route\\.example"), List.of("https://service\\.example"),
							List.of("https://defaults\\.example"))),
			Map.entry(PolicyField.ALLOWED_METHODS, List.of(List.of("PUT"), List.of("DELETE"), List.of("PATCH"))),
			Map.entry(PolicyField.ALLOWED_HEADERS,
					List.of(List.of("X-Route"), List.of("X-Service"), List.of("X-Defaults"))),
			Map.entry(PolicyField.EXPOSED_HEADERS,
					List.of(List.of("X-Route"), List.of("X-Service"), List.of("X-Defaults"))),
			Map.entry(PolicyField.ALLOW_CREDENTIALS, List.of(true, false, true)),
			Map.entry(PolicyField.ALLOW_INSECURE_ORIGINS, List.of(true, false, true)),
			Map.entry(PolicyField.MAX_AGE,
					List.of(Duration.ofMinutes(5), Duration.ofSeconds(90), Duration.ofMinutes(30))),
			Map.entry(PolicyField.PREFLIGHT_CONTINUE, List.of(true, false, true)),
			Map.entry(PolicyField.PREFLIGHT_STATUS, List.of(200, 204, 200)),
			Map.entry(PolicyField.REJECT_DISALLOWED_ORIGINS, List.of(false, true, false)),
			Map.entry(PolicyField.PRESETS, List.of(List.of("mcp"), List.of(), List.of("MCP"))),
			Map.entry(PolicyField.WEBSOCKET_ORIGIN_CHECK, List.of(false, true, false)),
			Map.entry(PolicyField.TIMING_ALLOW_ORIGIN, List.of(true, false, true)),
			Map.entry(PolicyField.ALLOW_PRIVATE_NETWORK, List.of(true, false, true)),
			Map.entry(PolicyField.REPORT_ONLY, List.of(true, false, true)));

	@Test
	void everyFieldHasSamples() {
		assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(PolicyField.all());
	}

	@Test
	void everyFieldOfARoutePolicyComesFromTheRouteWhenTheRouteSetsIt() {
		for (PolicyField<?> field : PolicyField.all()) {
			CorsPolicies policies = policiesSettingAtEveryLevel(field);
			assertProvenance(routePolicy(policies), field, 0, PolicyLevel.ROUTE,
					"cors.services.orders.routes.refunds." + field.getName());
		}
	}

	@Test
	void everyFieldOfAServicePolicyComesFromTheServiceWhenTheServiceSetsIt() {
		for (PolicyField<?> field : PolicyField.all()) {
			CorsPolicies policies = policiesSettingAtEveryLevel(field);
			assertProvenance(service(policies, "orders").policy(), field, 1, PolicyLevel.SERVICE,
					"cors.services.orders." + field.getName());
		}
	}

	@Test
	void everyFieldTheRouteAndServiceLeaveUnsetComesFromTheDefaults() {
		for (PolicyField<?> field : PolicyField.all()) {
			CorsPolicies policies = policiesSettingAtEveryLevel(field);
			RouteScope route = service(policies, "catalog").routes().get(0);
			assertProvenance(route.policy(), field, 2, PolicyLevel.DEFAULTS, "cors.defaults." + field.getName());
			assertProvenance(policies.getDefaults(), field, 2, PolicyLevel.DEFAULTS,
					"cors.defaults." + field.getName());
		}
	}

	@Test
	void everyFieldNoLevelSetsIsTheBuiltInDefaultWithoutAProperty() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.build();
		CorsPolicy policy = service(policies, "orders").routes().get(0).policy();
		for (PolicyField<?> field : PolicyField.all()) {
			ResolvedField<?> resolved = policy.getResolvedField(field);
			assertThat(resolved.field()).isSameAs(field);
			assertThat(resolved.value()).as(field.getName()).isEqualTo(field.getDefaultValue());
			assertThat(resolved.level()).as(field.getName()).isEqualTo(PolicyLevel.BUILT_IN);
			assertThat(resolved.property()).as(field.getName()).isNull();
		}
	}

	@Test
	void eachFieldResolvesOnItsOwn() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.maxAge(Duration.ofMinutes(30)).allowedHeaders("Content-Type"))
			.service("orders", (orders) -> orders.paths("/orders/**")
				.allowedOrigins("https://shop.example")
				.allowCredentials(true)
				.route("refunds",
						(refunds) -> refunds.paths("/orders/*/refunds").allowedOrigins("https://admin.shop.example")))
			.build();
		CorsPolicy refunds = routePolicy(policies);
		assertThat(refunds.getResolvedField(PolicyField.ALLOWED_ORIGINS).level()).isEqualTo(PolicyLevel.ROUTE);
		assertThat(refunds.getResolvedField(PolicyField.ALLOW_CREDENTIALS).level()).isEqualTo(PolicyLevel.SERVICE);
		assertThat(refunds.getResolvedField(PolicyField.MAX_AGE).level()).isEqualTo(PolicyLevel.DEFAULTS);
		assertThat(refunds.getResolvedField(PolicyField.ALLOWED_METHODS).level()).isEqualTo(PolicyLevel.BUILT_IN);
		assertThat(refunds.getResolvedField(PolicyField.ALLOWED_ORIGINS).value()).isEqualTo(refunds.getAllowedOrigins())
			.containsExactly("https://admin.shop.example");
	}

	@Test
	void askingForTheProvenanceOfNoFieldIsAnError() {
		CorsPolicy policy = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("*"))
			.build()
			.getDefaults();
		assertThatIllegalArgumentException().isThrownBy(() -> policy.getResolvedField(null))
			.withMessage("'field' must not be null");
	}

	@Test
	void resolvedFieldsAreListedInTheOrderOfTheDescriptors() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://shop.example"))
			.build();
		List<ResolvedField<?>> fields = service(policies, "orders").policy().getResolvedFields();
		assertThat(fields.stream().map(ResolvedField::field).toList()).isEqualTo(PolicyField.all());
	}

	@Test
	void theProvenanceIsKeptInThePolicyTheRequestsGet() {
		CorsPolicies policies = policiesSettingAtEveryLevel(PolicyField.MAX_AGE);
		CorsPolicy found = policies.find("api.example.com", PathContainer.parsePath("/orders/1/refunds"), "GET");
		assertThat(found).isSameAs(routePolicy(policies));
		assertThat(found.getResolvedField(PolicyField.MAX_AGE).value()).isEqualTo(found.getMaxAge());
	}

	@Test
	void aRouteThatSetsNoFieldSharesTheResolvedFieldsOfItsService() {
		CorsPolicies policies = policiesSettingAtEveryLevel(PolicyField.MAX_AGE);
		ServiceScope catalog = service(policies, "catalog");
		assertThat(resolvedPolicy(catalog.routes().get(0).policy())).isSameAs(resolvedPolicy(catalog.policy()));
	}

	@Test
	void aRouteThatSetsAFieldKeepsItsOwnResolvedFields() {
		CorsPolicies policies = policiesSettingAtEveryLevel(PolicyField.MAX_AGE);
		ServiceScope orders = service(policies, "orders");
		assertThat(resolvedPolicy(orders.routes().get(0).policy())).isNotSameAs(resolvedPolicy(orders.policy()));
		assertProvenance(orders.routes().get(0).policy(), PolicyField.MAX_AGE, 0, PolicyLevel.ROUTE,
				"cors.services.orders.routes.refunds.max-age");
		assertProvenance(orders.policy(), PolicyField.MAX_AGE, 1, PolicyLevel.SERVICE, "cors.services.orders.max-age");
	}

	@Test
	void servicesThatSetEqualValuesEachKeepWhereTheirsComeFrom() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("https://shop.example")
						.maxAge(Duration.ofSeconds(90))
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.service("catalog",
					(catalog) -> catalog.paths("/catalog/**")
						.allowedOrigins("https://shop.example")
						.maxAge(Duration.ofSeconds(90))
						.route("items", (items) -> items.paths("/catalog/items")))
			.build();
		for (String id : List.of("orders", "catalog")) {
			ServiceScope service = service(policies, id);
			for (CorsPolicy policy : List.of(service.policy(), service.routes().get(0).policy())) {
				ResolvedField<?> maxAge = policy.getResolvedField(PolicyField.MAX_AGE);
				assertThat(maxAge.level()).isEqualTo(PolicyLevel.SERVICE);
				assertThat(maxAge.property()).isEqualTo("cors.services." + id + ".max-age");
				assertThat(policy.getResolvedField(PolicyField.ALLOWED_ORIGINS).property())
					.isEqualTo("cors.services." + id + ".allowed-origins");
			}
		}
		assertThat(resolvedPolicy(service(policies, "orders").policy()))
			.isNotSameAs(resolvedPolicy(service(policies, "catalog").policy()));
	}

	@Test
	void aFieldNoLevelSetsResolvesToItsBuiltInDefault() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("https://shop.example"))
			.build();
		ResolvedField<Integer> status = service(policies, "orders").policy()
			.getResolvedField(PolicyField.PREFLIGHT_STATUS);
		assertThat(status).isEqualTo(new ResolvedField<>(PolicyField.PREFLIGHT_STATUS,
				PolicyField.PREFLIGHT_STATUS.getDefaultValue(), PolicyLevel.BUILT_IN, null));
	}

	private static Object resolvedPolicy(CorsPolicy policy) {
		return ReflectionTestUtils.getField(policy, "resolved");
	}

	private static CorsPolicies policiesSettingAtEveryLevel(PolicyField<?> field) {
		List<?> samples = SAMPLES.get(field);
		return CorsPolicies.builder()
			.defaults((defaults) -> set(defaults, field, samples.get(2)))
			.service("orders",
					(orders) -> set(orders.paths("/orders/**"), field, samples.get(1)).route("refunds",
							(refunds) -> set(refunds.paths("/orders/*/refunds"), field, samples.get(0))))
			.service("catalog",
					(catalog) -> catalog.paths("/catalog/**").route("items", (items) -> items.paths("/catalog/items")))
			.build();
	}

	@SuppressWarnings("unchecked")
	private static <S extends PolicySpec<S>, T> S set(S spec, PolicyField<T> field, Object value) {
		return spec.set(field, (T) value);
	}

	private static void assertProvenance(CorsPolicy policy, PolicyField<?> field, int sample, PolicyLevel level,
			String property) {
		ResolvedField<?> resolved = policy.getResolvedField(field);
		assertThat(resolved.value()).as(field.getName()).isEqualTo(SAMPLES.get(field).get(sample));
		assertThat(resolved.level()).as(field.getName()).isEqualTo(level);
		assertThat(resolved.property()).as(field.getName()).isEqualTo(property);
	}

	private static CorsPolicy routePolicy(CorsPolicies policies) {
		return service(policies, "orders").routes().get(0).policy();
	}

	private static ServiceScope service(CorsPolicies policies, String id) {
		return policies.getServices().stream().filter((service) -> service.id().equals(id)).findFirst().orElseThrow();
	}

}
