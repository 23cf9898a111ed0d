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

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup rules of the gateway features: credentialed {@code *} methods and headers,
 * Private Network Access with a {@code *} origin, and presets.
 *
 * @author cors-gateway authors
 */
class GatewayFeatureRulesTests {

	private static final String SHOP = "https://shop.example.com";

	@Test
	void credentialedStarMethodsAndHeadersAreAcceptedWithoutWarning() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("account",
					(account) -> account.paths("/account/**")
						.allowedOrigins(SHOP)
						.allowCredentials(true)
						.allowedMethods("*")
						.allowedHeaders("*"))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
		CorsPolicy account = policies.getServices().get(0).policy();
		assertThat(account.allowsMethod("PATCH")).isTrue();
		assertThat(account.allowsMethod("TRACE")).isFalse();
		assertThat(account.allowedRequestHeaders("x-tenant,content-type")).isEqualTo("x-tenant,content-type");
		assertThat(account.allowedRequestHeaders("authorization")).isNull();
	}

	@Test
	void credentialedStarInheritedFromTheDefaultsIsAccepted() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedMethods("*").allowedHeaders("*"))
			.service("account", (account) -> account.paths("/account/**").allowedOrigins(SHOP).allowCredentials(true))
			.build();
		assertThat(policies.getServices().get(0).policy().allowsMethod("DELETE")).isTrue();
	}

	@Test
	void privateNetworkAccessWithAStarOriginFailsStartup() {
		assertOnlyError(CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**").allowedOrigins(SHOP, "*").allowPrivateNetwork(true)),
				"cors.services.printer.allowed-origins[1]", "*",
				"A '*' origin cannot be combined with allow-private-network: true (set by "
						+ "cors.services.printer.allow-private-network): any site on the internet could then reach");
	}

	@Test
	void privateNetworkAccessOnARouteUnderAStarServiceNamesBothProperties() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("printer",
							(printer) -> printer.paths("/printer/**")
								.allowedOrigins("*")
								.route("jobs", (jobs) -> jobs.paths("/printer/jobs").allowPrivateNetwork(true))),
				"cors.services.printer.allowed-origins[0]", "*",
				"(set by cors.services.printer.routes.jobs.allow-private-network)");
	}

	@Test
	void privateNetworkAccessWithNamedOriginsIsAccepted() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**").allowedOrigins(SHOP).allowPrivateNetwork(true))
			.build();
		assertThat(policies.getServices().get(0).policy().isAllowPrivateNetwork()).isTrue();
	}

	@Test
	void policiesSayWhetherAnyScopeAllowsPrivateNetworkAccessRoutesIncluded() {
		assertThat(CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**")
						.allowedOrigins(SHOP)
						.route("jobs", (jobs) -> jobs.paths("/printer/jobs")))
			.build()
			.isPrivateNetworkAllowed()).isFalse();
		assertThat(CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**")
						.allowedOrigins(SHOP)
						.route("jobs", (jobs) -> jobs.paths("/printer/jobs").allowPrivateNetwork(true)))
			.build()
			.isPrivateNetworkAllowed()).isTrue();
		assertThat(CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins(SHOP).allowPrivateNetwork(true))
			.build()
			.isPrivateNetworkAllowed()).isTrue();
	}

	@Test
	void privateNetworkHeaderIsReadOnlyWhenAsked() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.set("Origin", SHOP);
		headers.set("Access-Control-Request-Method", "POST");
		headers.set("Access-Control-Request-Private-Network", "true");
		java.net.URI uri = java.net.URI.create("https://api.example.com/printer/jobs");
		org.springframework.http.server.PathContainer path = org.springframework.http.server.PathContainer
			.parsePath("/printer/jobs");
		assertThat(CorsRequest.of("OPTIONS", uri, path, headers, true).requestPrivateNetwork()).isTrue();
		assertThat(CorsRequest.of("OPTIONS", uri, path, headers, false).requestPrivateNetwork()).isFalse();
		assertThat(CorsRequest.of("OPTIONS", uri, headers).requestPrivateNetwork()).isTrue();
		assertThat(CorsRequest.of("GET", uri, path, headers, true).requestPrivateNetwork()).isFalse();
	}

	@Test
	void unknownPresetFailsStartupNamingTheKnownOnes() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("mcp", (mcp) -> mcp.paths("/mcp/**").allowedOrigins(SHOP).presets("mcp", "graphql")),
				"cors.services.mcp.presets[1]", "graphql", "There is no preset of this name");
	}

	@Test
	void emptyPresetNameFailsStartup() {
		assertOnlyError(
				CorsPolicies.builder().service("mcp", (mcp) -> mcp.paths("/mcp/**").allowedOrigins(SHOP).presets("")),
				"cors.services.mcp.presets[0]", "", "Use one of [mcp]");
	}

	@Test
	void presetAddsItsEntriesAfterTheScopesOwnEachOnce() {
		CorsPolicy mcp = policyWith((spec) -> spec.allowedMethods("GET", "PUT")
			.allowedHeaders("content-type", "X-Tenant")
			.exposedHeaders("X-Trace-Id")
			.presets("MCP", "mcp"));
		assertThat(mcp.getPresets()).containsExactly(CorsPreset.MCP);
		assertThat(mcp.getAllowedMethods()).containsExactly("GET", "PUT", "POST", "DELETE");
		assertThat(mcp.getAllowedHeaders()).containsExactly("content-type", "X-Tenant", "Mcp-Session-Id",
				"Mcp-Protocol-Version", "Last-Event-ID", "Authorization");
		assertThat(mcp.getExposedHeaders()).containsExactly("X-Trace-Id", "Mcp-Session-Id", "WWW-Authenticate");
		assertThat(mcp.getResolvedField(PolicyField.ALLOWED_METHODS).value()).containsExactly("GET", "PUT");
	}

	@Test
	void presetNamesAuthorizationSoThatAStarScopeAllowsIt() {
		CorsPolicy mcp = policyWith((spec) -> spec.allowedHeaders("*").presets("mcp"));
		assertThat(mcp.allowedRequestHeaders("authorization,x-anything")).isEqualTo("authorization,x-anything");
	}

	@Test
	void scopeWithoutPresetsKeepsItsConfiguredLists() {
		List<String> methods = List.of("GET", "POST");
		CorsPolicy plain = policyWith((spec) -> spec.allowedMethods(methods));
		assertThat(plain.getPresets()).isEmpty();
		assertThat(plain.getAllowedMethods()).isSameAs(plain.getResolvedField(PolicyField.ALLOWED_METHODS).value());
	}

	@Test
	void presetAddingNothingNewKeepsTheConfiguredList() {
		CorsPolicy mcp = policyWith((spec) -> spec.allowedMethods("GET", "POST", "DELETE").presets("mcp"));
		assertThat(mcp.getAllowedMethods()).isSameAs(mcp.getResolvedField(PolicyField.ALLOWED_METHODS).value());
	}

	@Test
	void presetIsInheritedAndARouteCanClearIt() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.presets("mcp"))
			.service("mcp",
					(mcp) -> mcp.paths("/mcp/**")
						.allowedOrigins(SHOP)
						.route("plain", (plain) -> plain.paths("/mcp/plain").presets(List.of())))
			.build();
		ServiceScope service = policies.getServices().get(0);
		assertThat(service.policy().getPresets()).containsExactly(CorsPreset.MCP);
		assertThat(service.routes().get(0).policy().getPresets()).isEmpty();
		assertThat(service.routes().get(0).policy().getAllowedHeaders()).isEmpty();
	}

	@Test
	void everyPresetIsFoundByItsNameInAnyCase() {
		for (CorsPreset preset : CorsPreset.values()) {
			assertThat(CorsPreset.of(preset.getPresetName())).isSameAs(preset);
			assertThat(CorsPreset.of(preset.getPresetName().toUpperCase(java.util.Locale.ROOT))).isSameAs(preset);
			assertThat(preset.getMethods()).isNotEmpty();
		}
		assertThat(CorsPreset.names()).containsExactly("mcp");
		assertThat(CorsPreset.of("nope")).isNull();
		assertThat(CorsPreset.of(null)).isNull();
	}

	private static CorsPolicy policyWith(java.util.function.Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder().service("mcp", (mcp) -> {
			mcp.paths("/mcp/**").allowedOrigins(SHOP);
			customizer.accept(mcp);
		}).build().getServices().get(0).policy();
	}

}
