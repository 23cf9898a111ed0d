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

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static io.corsgateway.policy.PolicyErrorAssertions.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential rule for origins that origin sets and applications add to a scope: a
 * scope with {@code allow-credentials: true} (and without {@code allow-insecure-origins})
 * refuses a plain {@code http://} origin other than loopback exactly as if it were in the
 * scope's own {@code allowed-origins}. A declared application or a set fails the build
 * naming where the origin is written and why it reached the scope; a registered
 * application is skipped (gh-10).
 *
 * @author cors-gateway authors
 */
class AddedOriginCredentialTests {

	private static final String SHOP = "https://shop.example";

	private static final String INSECURE = "http://legacy.partner.example";

	private static final String SECURE = "https://portal.partner.example";

	private static CorsPolicy policy(CorsPolicies policies, String path, String method) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), method);
		assertThat(policy).isNotNull();
		return policy;
	}

	private static CorsApplication declared(String id, List<String> origins, List<String> services) {
		return new CorsApplication(id, origins, services, "cors.applications." + id);
	}

	private static CorsApplication registered(String id, List<String> origins, List<String> services) {
		return new CorsApplication(id, origins, services, "registry row " + id);
	}

	private static CorsPoliciesBuilder credentialedOrders() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP).allowCredentials(true))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins(SHOP));
	}

	@Test
	void insecureSetMemberInACredentialedScopeFailsAtTheMemberNamingTheReference() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.originSet("partners", List.of(SECURE, INSECURE))
			.service("orders",
					(orders) -> orders.paths("/orders/**").allowedOrigins(SHOP, "set:partners").allowCredentials(true));
		assertOnlyError(builder, "cors.origin-sets.partners[1]", INSECURE,
				"cannot be combined with allow-credentials: true (set by cors.services.orders.allow-credentials)");
		assertThat(errorsOf(builder).get(0).reason()).contains("cors.services.orders.allowed-origins[1]");
	}

	@Test
	void insecureSetMemberFailsWhenCredentialsAreInheritedFromTheDefaults() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowCredentials(true))
			.originSet("partners", List.of(INSECURE))
			.service("orders", (orders) -> orders.paths("/orders/**")
				.allowedOrigins(SHOP)
				.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").allowedOrigins("set:partners")));
		assertOnlyError(builder, "cors.origin-sets.partners[0]", INSECURE, "cors.defaults.allow-credentials");
		assertThat(errorsOf(builder).get(0).reason())
			.contains("cors.services.orders.routes.refunds.allowed-origins[0]");
	}

	@Test
	void insecureSetMemberFailsInTheCredentialedRouteThatInheritsTheReference() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.originSet("partners", List.of(INSECURE))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("set:partners")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").allowCredentials(true)));
		assertOnlyError(builder, "cors.origin-sets.partners[0]", INSECURE,
				"(set by cors.services.orders.routes.refunds.allow-credentials), and "
						+ "cors.services.orders.allowed-origins[0] brings this origin set");
	}

	@Test
	void insecureSetMemberIsAllowedWithoutCredentials() {
		CorsPolicies policies = CorsPolicies.builder()
			.originSet("partners", List.of(INSECURE))
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("set:partners"))
			.build();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isTrue();
	}

	@Test
	void insecureSetMemberIsAllowedWithCredentialsWhereInsecureOriginsAreAccepted() {
		CorsPolicies policies = CorsPolicies.builder()
			.originSet("partners", List.of(INSECURE))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins("set:partners")
						.allowCredentials(true)
						.allowInsecureOrigins(true))
			.build();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isTrue();
	}

	@Test
	void loopbackHttpSetMemberIsAllowedWithCredentials() {
		CorsPolicies policies = CorsPolicies.builder()
			.originSet("developers", List.of("http://localhost:3000"))
			.service("orders",
					(orders) -> orders.paths("/orders/**").allowedOrigins("set:developers").allowCredentials(true))
			.build();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin("http://localhost:3000")).isTrue();
	}

	@Test
	void insecureOriginOfADeclaredApplicationOnACredentialedServiceFailsAtTheApplicationOrigin() {
		CorsPoliciesBuilder builder = credentialedOrders()
			.application(declared("portal", List.of(SECURE, INSECURE), List.of("catalog", "orders")));
		assertOnlyError(builder, "cors.applications.portal.origins[1]", INSECURE,
				"cannot be combined with allow-credentials: true (set by cors.services.orders.allow-credentials)");
		assertThat(errorsOf(builder).get(0).reason()).contains("cors.applications.portal.services[1] = 'orders'");
	}

	@Test
	void insecureOriginOfADeclaredApplicationFailsWhereOneRouteOfItsServiceAllowsCredentials() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").allowCredentials(true)))
			.application(declared("portal", List.of(INSECURE), List.of("orders")));
		assertOnlyError(builder, "cors.applications.portal.origins[0]", INSECURE,
				"(set by cors.services.orders.routes.refunds.allow-credentials)");
	}

	@Test
	void insecureOriginOfADeclaredApplicationFailsOnARouteThatInheritsCredentials() {
		CorsPoliciesBuilder builder = credentialedOrders()
			.service("orders", (orders) -> orders.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.application(declared("portal", List.of(INSECURE), List.of("orders/refunds")));
		assertOnlyError(builder, "cors.applications.portal.origins[0]", INSECURE,
				"(set by cors.services.orders.allow-credentials)");
	}

	@Test
	void insecureOriginOfADeclaredApplicationIsReportedOnceForAServiceAndTheRoutesThatInheritItsCredentials() {
		CorsPoliciesBuilder builder = credentialedOrders()
			.service("orders",
					(orders) -> orders.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds"))
						.route("invoices", (invoices) -> invoices.paths("/orders/*/invoices")))
			.application(declared("portal", List.of(INSECURE), List.of("orders")));
		assertThat(errorsOf(builder)).singleElement()
			.satisfies((error) -> assertThat(error.property()).isEqualTo("cors.applications.portal.origins[0]"));
	}

	@Test
	void insecureSetMemberReferencedByADeclaredApplicationFailsAtTheMemberNamingTheApplicationOrigin() {
		CorsPoliciesBuilder builder = credentialedOrders().originSet("partners", List.of(SECURE, INSECURE))
			.application(declared("portal", List.of(SHOP, "set:partners"), List.of("orders")));
		assertOnlyError(builder, "cors.origin-sets.partners[1]", INSECURE, "cors.applications.portal.origins[1]");
		assertThat(errorsOf(builder).get(0).reason()).contains("cors.services.orders.allow-credentials");
	}

	@Test
	void insecureOriginOfADeclaredApplicationIsAllowedWhereInsecureOriginsAreAccepted() {
		CorsPolicies policies = credentialedOrders().service("orders", (orders) -> orders.allowInsecureOrigins(true))
			.application(declared("portal", List.of(INSECURE), List.of("orders")))
			.build();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isTrue();
	}

	@Test
	void insecureOriginOfADeclaredApplicationIsAllowedOnAServiceWithoutCredentials() {
		CorsPolicies policies = credentialedOrders()
			.application(declared("portal", List.of(INSECURE), List.of("catalog")))
			.build();
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(INSECURE)).isTrue();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isFalse();
	}

	@Test
	void registeredApplicationWithAnInsecureOriginOnACredentialedServiceIsSkippedEverywhere() {
		CorsPolicies policies = credentialedOrders()
			.registeredApplications(
					List.of(registered("portal", List.of(SECURE, INSECURE), List.of("catalog", "orders")),
							registered("kiosk", List.of("https://kiosk.example"), List.of("orders"))))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("registry row portal.origins[1]");
			assertThat(warning.value()).isEqualTo(INSECURE);
			assertThat(warning.reason()).startsWith("Application 'portal' is skipped: a plain http:// origin")
				.contains("(set by cors.services.orders.allow-credentials)");
		});
		// Skipped as a whole: not even its secure origin on the service without
		// credentials.
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(SECURE)).isFalse();
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(INSECURE)).isFalse();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isFalse();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin("https://kiosk.example")).isTrue();
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("kiosk");
	}

	@Test
	void registeredApplicationWithAnInsecureSetMemberOnACredentialedServiceIsSkippedNamingTheMember() {
		CorsPolicies policies = credentialedOrders().originSet("partners", List.of(INSECURE))
			.service("catalog", (catalog) -> catalog.allowedOrigins(SHOP, "set:partners"))
			.registeredApplications(List.of(registered("portal", List.of("set:partners"), List.of("orders"))))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("registry row portal.origins[0]");
			assertThat(warning.reason()).startsWith("Application 'portal' is skipped: ")
				.contains("cors.origin-sets.partners[0]")
				.contains("cors.services.orders.allow-credentials");
		});
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isFalse();
		assertThat(policy(policies, "/catalog/1", "GET").allowsOrigin(INSECURE)).isTrue();
	}

	@Test
	void registeredApplicationWithAnInsecureOriginIsAppliedWhereInsecureOriginsAreAccepted() {
		CorsPolicies policies = credentialedOrders().service("orders", (orders) -> orders.allowInsecureOrigins(true))
			.registeredApplications(List.of(registered("portal", List.of(INSECURE), List.of("orders"))))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(policy(policies, "/orders/1", "GET").allowsOrigin(INSECURE)).isTrue();
	}

}
