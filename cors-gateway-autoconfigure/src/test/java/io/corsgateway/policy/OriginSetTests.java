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

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static io.corsgateway.policy.PolicyErrorAssertions.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for origin sets: named lists of origins that any level's {@code allowed-origins}
 * references as {@code set:<name>}, replaced by their members when the policies are
 * compiled (gh-10).
 *
 * @author cors-gateway authors
 */
class OriginSetTests {

	private static final String SHOP = "https://shop.example";

	private static final String ACME = "https://acme.partner.example";

	private static final String GLOBEX = "https://globex.partner.example";

	private static CorsPolicy policy(CorsPolicies policies, String path) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	private static CorsPoliciesBuilder ordersWith(String... origins) {
		return CorsPolicies.builder().service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(origins));
	}

	private static CorsDecision get(CorsPolicies policies, String path, String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		return policies.evaluate(CorsRequest.of("GET", URI.create("https://api.example.com" + path), headers));
	}

	@Test
	void referenceStandsForTheMembersOfTheSet() {
		CorsPolicies policies = ordersWith(SHOP, "set:partners").originSet("partners", List.of(ACME, GLOBEX)).build();
		CorsPolicy orders = policy(policies, "/orders/1");
		assertThat(orders.getAllowedOrigins()).containsExactly(SHOP, ACME, GLOBEX);
		assertThat(orders.allowsOrigin(ACME)).isTrue();
		assertThat(orders.allowsOrigin(GLOBEX)).isTrue();
		assertThat(orders.allowsOrigin("https://initech.partner.example")).isFalse();
		assertThat(policies.getWarnings()).isEmpty();
	}

	@Test
	void resolvedFieldKeepsTheReferenceAsConfigured() {
		CorsPolicies policies = ordersWith(SHOP, "set:partners").originSet("partners", List.of(ACME)).build();
		ResolvedField<List<String>> field = policy(policies, "/orders/1").getResolvedField(PolicyField.ALLOWED_ORIGINS);
		assertThat(field.value()).containsExactly(SHOP, "set:partners");
		assertThat(field.level()).isEqualTo(PolicyLevel.SERVICE);
		assertThat(field.property()).isEqualTo("cors.services.orders.allowed-origins");
	}

	@Test
	void referenceIsNeverMatchedAsAnOrigin() {
		CorsPolicies policies = ordersWith("set:partners").originSet("partners", List.of(ACME)).build();
		assertThat(policy(policies, "/orders/1").allowsOrigin("set:partners")).isFalse();
	}

	@Test
	void allowedOriginOfASetIsDecidedLikeAnOriginOfTheScope() {
		CorsPolicies policies = ordersWith(SHOP, "set:partners").originSet("partners", List.of(ACME))
			.service("orders", (orders) -> orders.allowCredentials(true))
			.build();
		CorsDecision decision = get(policies, "/orders/1", ACME);
		assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.ORIGIN_ALLOWED);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo(ACME);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(get(policies, "/orders/1", GLOBEX).getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
	}

	@Test
	void referenceOfTheDefaultsIsInheritedByServicesAndRoutes() {
		CorsPolicies policies = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("set:partners"))
			.originSet("partners", List.of(ACME))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.build();
		assertThat(policy(policies, "/orders/1").allowsOrigin(ACME)).isTrue();
		assertThat(policy(policies, "/orders/1/refunds").allowsOrigin(ACME)).isTrue();
		assertThat(policies.getDefaults().getAllowedOrigins()).containsExactly(ACME);
	}

	@Test
	void oneSetServesEveryScopeThatReferencesItAndAChangedSetChangesThemAll() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP, "set:partners"))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("set:partners"));
		CorsPolicies before = builder.originSet("partners", List.of(ACME)).build();
		CorsPolicies after = builder.originSet("partners", List.of(GLOBEX)).build();
		for (String path : List.of("/orders/1", "/catalog/1")) {
			assertThat(policy(before, path).allowsOrigin(ACME)).as(path).isTrue();
			assertThat(policy(after, path).allowsOrigin(ACME)).as(path).isFalse();
			assertThat(policy(after, path).allowsOrigin(GLOBEX)).as(path).isTrue();
		}
	}

	@Test
	void originInTheScopeAndInTheSetIsListedOnce() {
		CorsPolicies policies = ordersWith(ACME, "set:partners", "set:partners")
			.originSet("partners", List.of(ACME, GLOBEX))
			.build();
		assertThat(policy(policies, "/orders/1").getAllowedOrigins()).containsExactly(ACME, GLOBEX);
	}

	@Test
	void setsAreListedAsConfiguredInDeclarationOrder() {
		CorsPolicies policies = ordersWith("set:partners", "set:staff").originSet("staff", List.of(SHOP))
			.originSet("partners", List.of(ACME, GLOBEX))
			.build();
		assertThat(policies.getOriginSets()).containsExactly(Map.entry("staff", List.of(SHOP)),
				Map.entry("partners", List.of(ACME, GLOBEX)));
	}

	@Test
	void unknownSetFailsAtTheReferenceListingTheSetsThereAre() {
		CorsPoliciesBuilder builder = ordersWith(SHOP, "set:partner").originSet("partners", List.of(ACME))
			.originSet("staff", List.of(SHOP));
		assertThat(errorsOf(builder)).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo("cors.services.orders.allowed-origins[1]");
			assertThat(error.value()).isEqualTo("set:partner");
			assertThat(error.reason()).contains("No origin set is named 'partner'")
				.contains("the origin sets are 'partners', 'staff'");
		});
	}

	@Test
	void unknownSetOfARouteFailsAtTheRoutesReference() {
		CorsPoliciesBuilder builder = ordersWith(SHOP).service("orders", (orders) -> orders.route("refunds",
				(refunds) -> refunds.paths("/orders/*/refunds").allowedOrigins("set:partners")));
		assertOnlyError(builder, "cors.services.orders.routes.refunds.allowed-origins[0]", "set:partners",
				"No origin set is defined");
	}

	@Test
	void setThatNothingReferencesIsReportedWithAWarning() {
		CorsPolicies policies = ordersWith(SHOP).originSet("partners", List.of(ACME)).build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors.origin-sets.partners");
			assertThat(warning.reason()).contains("'set:partners'").contains("allows nothing");
		});
		assertThat(policy(policies, "/orders/1").allowsOrigin(ACME)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "null", "set:staff" })
	void memberThatIsNoFrontEndFailsAtTheMember(String member) {
		CorsPoliciesBuilder builder = ordersWith("set:partners", "set:staff")
			.originSet("partners", List.of(ACME, member))
			.originSet("staff", List.of(SHOP));
		assertOnlyError(builder, "cors.origin-sets.partners[1]", member,
				member.startsWith("set:") ? "cannot reference another set" : "allowed-origins of the scope");
	}

	@Test
	void malformedMemberFailsAtTheMemberWithTheReasonOfAllowedOrigins() {
		CorsPoliciesBuilder builder = ordersWith("set:partners").originSet("partners",
				List.of(ACME, "acme.partner.example"));
		assertOnlyError(builder, "cors.origin-sets.partners[1]", "acme.partner.example",
				"An origin must start with a scheme");
	}

	@Test
	void memberOverAPublicSuffixFailsAsInAllowedOrigins() {
		CorsPoliciesBuilder builder = ordersWith("set:partners").originSet("partners", List.of("https://*.co.uk"));
		assertOnlyError(builder, "cors.origin-sets.partners[0]", "https://*.co.uk", "public suffix");
	}

	@Test
	void memberIsNormalizedWithAWarningAtTheMember() {
		CorsPolicies policies = ordersWith("set:partners")
			.originSet("partners", List.of("https://ACME.partner.example"))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors.origin-sets.partners[0]");
			assertThat(warning.reason()).contains("Write '" + ACME + "'");
		});
		assertThat(policy(policies, "/orders/1").allowsOrigin(ACME)).isTrue();
	}

	@Test
	void subdomainAndPortFormsAreMembersLikeAnyOther() {
		CorsPolicies policies = ordersWith("set:partners")
			.originSet("partners", List.of("https://*.acme.example", "http://localhost:*"))
			.build();
		assertThat(policy(policies, "/orders/1").allowsOrigin("https://eu.acme.example")).isTrue();
		assertThat(policy(policies, "/orders/1").allowsOrigin("http://localhost:5173")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "eu.partners", "partners eu", "" })
	void setNameThatIsNoIdFails(String name) {
		CorsPoliciesBuilder builder = ordersWith("set:" + name).originSet(name, List.of(ACME));
		assertOnlyError(builder, "cors.origin-sets." + name, name, "may contain only letters, digits");
	}

	@Test
	void referenceInAllowedOriginPatternsFailsWithTheFix() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.originSet("partners", List.of(ACME))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP, "set:partners")
						.allowedOriginPatterns("set:partners")
						.allowCredentials(true));
		assertOnlyError(builder, "cors.services.orders.allowed-origin-patterns[0]", "set:partners",
				"Move the entry to allowed-origins");
	}

	@Test
	void emptySetAllowsNothingMore() {
		CorsPolicies policies = ordersWith(SHOP, "set:partners").originSet("partners", List.of()).build();
		assertThat(policy(policies, "/orders/1").getAllowedOrigins()).containsExactly(SHOP);
		assertThat(policies.getWarnings()).isEmpty();
	}

	@Test
	void scopeWithoutReferencesOrApplicationsKeepsTheConfiguredList() {
		CorsPolicies policies = ordersWith(SHOP).build();
		CorsPolicy orders = policy(policies, "/orders/1");
		assertThat(orders.getAllowedOrigins()).isSameAs(orders.getResolvedField(PolicyField.ALLOWED_ORIGINS).value());
	}

}
