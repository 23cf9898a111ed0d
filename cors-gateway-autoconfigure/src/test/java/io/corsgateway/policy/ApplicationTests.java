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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static io.corsgateway.policy.PolicyErrorAssertions.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for declared applications: their origins are allowed on the services and routes
 * they are registered with, in addition to each scope's own and with the scope's other
 * fields, and an invalid one fails the build like any invalid property (gh-10).
 *
 * @author cors-gateway authors
 */
class ApplicationTests {

	private static final String SHOP = "https://shop.example";

	private static final String ADMIN = "https://admin.shop.example";

	private static final String PORTAL = "https://portal.partner.example";

	private static final String SOURCE = "cors.applications.portal";

	private static CorsApplication portal(List<String> origins, List<String> services) {
		return new CorsApplication("portal", origins, services, SOURCE);
	}

	private static CorsApplication portal(String... services) {
		return portal(List.of(PORTAL), List.of(services));
	}

	// orders (two routes, one overriding the origins) and catalog.
	private static CorsPoliciesBuilder gateway() {
		return CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.allowedMethods("GET", "PUT")
						.route("refunds",
								(refunds) -> refunds.paths("/orders/*/refunds")
									.methods("POST")
									.allowedOrigins(ADMIN)
									.allowedMethods("POST"))
						.route("invoices", (invoices) -> invoices.paths("/orders/*/invoices")))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins(SHOP));
	}

	private static CorsPolicy policy(CorsPolicies policies, String path, String method) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), method);
		assertThat(policy).isNotNull();
		return policy;
	}

	private static CorsDecision request(CorsPolicies policies, String method, String path, String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		return policies.evaluate(CorsRequest.of(method, URI.create("https://api.example.com" + path), headers));
	}

	private static CorsDecision preflight(CorsPolicies policies, String path, String origin, String method) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		headers.setAccessControlRequestMethod(HttpMethod.valueOf(method));
		return policies.evaluate(CorsRequest.of("OPTIONS", URI.create("https://api.example.com" + path), headers));
	}

	@Test
	void applicationOfAServiceIsAllowedOnTheServiceAndEveryRouteInAdditionToTheirOwnOrigins() {
		CorsPolicies policies = gateway().application(portal("orders")).build();
		CorsPolicy orders = policy(policies, "/orders/1", "GET");
		CorsPolicy refunds = policy(policies, "/orders/1/refunds", "POST");
		CorsPolicy invoices = policy(policies, "/orders/1/invoices", "GET");
		assertThat(orders.getAllowedOrigins()).containsExactly(SHOP, PORTAL);
		// The route's own origins replace the service's, and the application still
		// applies.
		assertThat(refunds.getAllowedOrigins()).containsExactly(ADMIN, PORTAL);
		assertThat(refunds.allowsOrigin(SHOP)).isFalse();
		assertThat(invoices.getAllowedOrigins()).containsExactly(SHOP, PORTAL);
		for (CorsPolicy policy : List.of(orders, refunds, invoices)) {
			assertThat(policy.allowsOrigin(PORTAL)).as(policy.getId()).isTrue();
			assertThat(policy.getApplicationIds()).as(policy.getId()).containsExactly("portal");
		}
	}

	@Test
	void applicationOfARouteIsAllowedOnThatRouteOnly() {
		CorsPolicies policies = gateway().application(portal("orders/refunds")).build();
		assertThat(policy(policies, "/orders/1/refunds", "POST").allowsOrigin(PORTAL)).isTrue();
		assertThat(policy(policies, "/orders/1/refunds", "POST").getApplicationIds()).containsExactly("portal");
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(PORTAL)).isFalse();
		assertThat(policy(policies, "/orders/1", "GET").getApplicationIds()).isEmpty();
		assertThat(policy(policies, "/orders/1/invoices", "GET").allowsOrigin(PORTAL)).isFalse();
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(PORTAL)).isFalse();
	}

	@Test
	void applicationOriginIsAllowedOnItsScopeAndRefusedOnAnother() {
		CorsPolicies policies = gateway().application(portal("orders")).build();
		CorsDecision allowed = request(policies, "GET", "/orders/1", PORTAL);
		assertThat(allowed.getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
		assertThat(allowed.getReason()).isEqualTo(DecisionReason.ORIGIN_ALLOWED);
		assertThat(allowed.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo(PORTAL);
		CorsDecision refused = request(policies, "GET", "/catalog/1", PORTAL);
		assertThat(refused.getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
		assertThat(refused.getReason()).isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
		assertThat(refused.getServiceId()).isEqualTo("catalog");
	}

	@Test
	void applicationGetsTheOtherFieldsOfTheScope() {
		CorsPolicies policies = gateway().application(portal("orders")).build();
		CorsDecision put = preflight(policies, "/orders/1", PORTAL, "PUT");
		assertThat(put.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(put.getHeaderValue(CorsHeader.ALLOW_METHODS)).isEqualTo("PUT");
		CorsDecision delete = preflight(policies, "/orders/1", PORTAL, "DELETE");
		assertThat(delete.getKind()).isEqualTo(DecisionKind.PREFLIGHT_REJECTED);
		assertThat(delete.getReason()).isEqualTo(DecisionReason.METHOD_NOT_ALLOWED);
	}

	@Test
	void applicationOfADisabledServiceChangesNothing() {
		CorsPolicies policies = gateway().service("catalog", (catalog) -> catalog.enabled(false))
			.application(portal("catalog"))
			.build();
		CorsDecision decision = request(policies, "GET", "/catalog/1", PORTAL);
		assertThat(decision.getKind()).isEqualTo(DecisionKind.NOT_APPLIED);
		assertThat(decision.getReason()).isEqualTo(DecisionReason.SCOPE_DISABLED);
	}

	@Test
	void applicationOfAScopeThatAllowsAnyOriginKeepsTheWildcardAnswer() {
		CorsPolicies policies = gateway().service("catalog", (catalog) -> catalog.allowedOrigins("*"))
			.application(portal("catalog"))
			.build();
		CorsDecision decision = request(policies, "GET", "/catalog/1", PORTAL);
		assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo("*");
		assertThat(policy(policies, "/catalog/1", "GET").getAllowedOrigins()).containsExactly("*", PORTAL);
	}

	@Test
	void applicationDoesNotApplyToTheDefaults() {
		CorsPolicies policies = gateway().defaults((defaults) -> defaults.allowedOrigins(SHOP))
			.application(portal("orders"))
			.build();
		assertThat(policies.getDefaults().allowsOrigin(PORTAL)).isFalse();
		assertThat(request(policies, "GET", "/elsewhere", PORTAL).getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
	}

	@Test
	void resolvedFieldKeepsTheScopesOwnOrigins() {
		CorsPolicies policies = gateway().application(portal("orders")).build();
		ResolvedField<List<String>> field = policy(policies, "/orders/1/refunds", "POST")
			.getResolvedField(PolicyField.ALLOWED_ORIGINS);
		assertThat(field.value()).containsExactly(ADMIN);
		assertThat(field.level()).isEqualTo(PolicyLevel.ROUTE);
	}

	@Test
	void applicationOriginsMayReferenceOriginSets() {
		CorsPolicies policies = gateway().originSet("partners", List.of("https://acme.partner.example"))
			.application(portal(List.of(PORTAL, "set:partners"), List.of("catalog")))
			.build();
		assertThat(policy(policies, "/catalog/1", "GET").getAllowedOrigins()).containsExactly(SHOP, PORTAL,
				"https://acme.partner.example");
		// Referenced by an application that applies, so no warning about an unused set.
		assertThat(policies.getWarnings()).isEmpty();
	}

	@Test
	void originOfTheScopeAndOfTheApplicationIsListedOnce() {
		CorsPolicies policies = gateway()
			.application(portal(List.of(SHOP, PORTAL, "HTTPS://Portal.partner.example"), List.of("orders")))
			.build();
		assertThat(policy(policies, "/orders/1", "GET").getAllowedOrigins()).containsExactly(SHOP, PORTAL);
	}

	@Test
	void applicationsAreListedInDeclarationOrderAndOneDeclaredAgainReplacesTheFirst() {
		CorsPolicies policies = gateway().application(portal("catalog"))
			.application(new CorsApplication("kiosk", List.of("https://kiosk.example"), List.of("orders"),
					"cors.applications.kiosk"))
			.application(portal("orders"))
			.build();
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("portal", "kiosk");
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(PORTAL)).isFalse();
		assertThat(policy(policies, "/orders/1", "GET").getApplicationIds()).containsExactly("portal", "kiosk");
	}

	@Test
	void applicationRegisteredWithAServiceAndOneOfItsRoutesAppliesOnce() {
		CorsPolicies policies = gateway().application(portal("orders", "orders/refunds")).build();
		assertThat(policy(policies, "/orders/1/refunds", "POST").getApplicationIds()).containsExactly("portal");
	}

	@Test
	void unknownServiceFailsAtTheEntryListingTheServices() {
		assertOnlyError(gateway().application(portal("catalog", "ordrs")), SOURCE + ".services[1]", "ordrs",
				"No service is named 'ordrs'; the services are 'orders', 'catalog'.");
	}

	@Test
	void unknownServiceWithoutServicesSaysNoneIsDeclared() {
		assertOnlyError(CorsPolicies.builder().application(portal("orders")), SOURCE + ".services[0]", "orders",
				"No service is declared");
	}

	@Test
	void unknownRouteFailsAtTheEntryListingTheRoutesOfTheService() {
		assertOnlyError(gateway().application(portal("orders/refund")), SOURCE + ".services[0]", "orders/refund",
				"Service 'orders' has no route named 'refund'; its routes are 'refunds', 'invoices'.");
		assertOnlyError(gateway().application(portal("catalog/items")), SOURCE + ".services[0]", "catalog/items",
				"it has no routes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/refunds", "orders/", "orders/refunds/extra" })
	void malformedServicesEntryFailsWithTheTwoForms(String entry) {
		assertOnlyError(gateway().application(portal(entry)), SOURCE + ".services[0]", entry,
				"such as orders/refunds, which registers it with that route only");
	}

	@Test
	void emptyServicesFail() {
		assertOnlyError(gateway().application(portal(List.of(PORTAL), List.of())), SOURCE + ".services", null,
				"at least one service");
	}

	@Test
	void emptyOriginsFail() {
		assertOnlyError(gateway().application(portal(List.of(), List.of("orders"))), SOURCE + ".origins", null,
				"at least one origin");
	}

	@Test
	void anyOriginFails() {
		assertOnlyError(gateway().application(portal(List.of(PORTAL, "*"), List.of("orders"))), SOURCE + ".origins[1]",
				"*", "'*' would allow every origin on the services it is registered with");
	}

	@Test
	void opaqueOriginFails() {
		assertOnlyError(gateway().application(portal(List.of("null"), List.of("orders"))), SOURCE + ".origins[0]",
				"null", "names no front end of the application");
	}

	@Test
	void malformedOriginFailsWithTheReasonOfAllowedOrigins() {
		assertOnlyError(gateway().application(portal(List.of("https://portal.partner.example/"), List.of("orders"))),
				SOURCE + ".origins[0]", "https://portal.partner.example/", "without a path, query, fragment");
	}

	@Test
	void unknownOriginSetFailsAtTheOrigin() {
		assertOnlyError(gateway().application(portal(List.of("set:partners"), List.of("orders"))),
				SOURCE + ".origins[0]", "set:partners", "No origin set is defined");
	}

	@Test
	void upperCaseOriginIsLoweredWithAWarning() {
		CorsPolicies policies = gateway()
			.application(portal(List.of("https://PORTAL.partner.example"), List.of("orders")))
			.build();
		assertThat(policies.getWarnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.property()).isEqualTo(SOURCE + ".origins[0]"));
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(PORTAL)).isTrue();
	}

	@Test
	void idThatIsNoIdFails() {
		assertOnlyError(
				gateway().application(new CorsApplication("partner portal", List.of(PORTAL), List.of("orders"),
						"cors.applications.partner portal")),
				"cors.applications.partner portal", "partner portal", "An application id may contain only");
	}

	@Test
	void everyProblemOfAnApplicationIsReportedAtOnce() {
		assertThat(errorsOf(gateway().application(portal(List.of("*", "ftp://portal.example"), List.of("ordrs")))))
			.extracting(PolicyError::property)
			.containsExactly(SOURCE + ".origins[0]", SOURCE + ".origins[1]", SOURCE + ".services[0]");
	}

}
