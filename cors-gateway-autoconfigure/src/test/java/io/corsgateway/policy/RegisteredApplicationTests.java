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

/**
 * Tests for applications from a registry: each is checked on its own, and an invalid one
 * is skipped with warnings that name its source, never failing the build nor keeping the
 * others from applying (gh-10).
 *
 * @author cors-gateway authors
 */
class RegisteredApplicationTests {

	private static final String SHOP = "https://shop.example";

	private static final String PORTAL = "https://portal.partner.example";

	private static final String KIOSK = "https://kiosk.example";

	private static CorsApplication row(String id, List<String> origins, List<String> services) {
		return new CorsApplication(id, origins, services, "cors_applications row " + id);
	}

	private static CorsApplication kiosk() {
		return row("kiosk", List.of(KIOSK), List.of("orders"));
	}

	private static CorsPoliciesBuilder gateway() {
		return CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins(SHOP));
	}

	private static CorsPolicy policy(CorsPolicies policies, String path) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath(path), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	private static CorsPolicies withRegistered(CorsApplication... applications) {
		return gateway().registeredApplications(List.of(applications)).build();
	}

	private static void assertSkipped(CorsPolicies policies, String property, Object value, String reason) {
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo(property);
			assertThat(warning.value()).isEqualTo(value);
			assertThat(warning.reason()).startsWith("Application 'portal' is skipped: ").contains(reason);
		});
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("kiosk");
		assertThat(policy(policies, "/orders/1").allowsOrigin(KIOSK)).isTrue();
		assertThat(policy(policies, "/orders/1").getApplicationIds()).containsExactly("kiosk");
	}

	@Test
	void validRegisteredApplicationApplies() {
		CorsPolicies policies = withRegistered(row("portal", List.of(PORTAL), List.of("orders/refunds", "catalog")),
				kiosk());
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(policy(policies, "/orders/1/refunds").allowsOrigin(PORTAL)).isTrue();
		assertThat(policy(policies, "/catalog/1").allowsOrigin(PORTAL)).isTrue();
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isFalse();
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("portal", "kiosk");
	}

	@Test
	void applicationWithAnUnknownServiceIsSkippedAndTheOthersApply() {
		assertSkipped(withRegistered(row("portal", List.of(PORTAL), List.of("catalog", "ordrs")), kiosk()),
				"cors_applications row portal.services[1]", "ordrs", "no service is named 'ordrs'");
	}

	@Test
	void applicationWithAnUnknownRouteIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of(PORTAL), List.of("orders/refund")), kiosk()),
				"cors_applications row portal.services[0]", "orders/refund",
				"service 'orders' has no route named 'refund'");
	}

	@Test
	void applicationWithAMalformedOriginIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of("portal.partner.example"), List.of("orders")), kiosk()),
				"cors_applications row portal.origins[0]", "portal.partner.example",
				"an origin must start with a scheme");
	}

	@Test
	void applicationWithAnyOriginIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of("*"), List.of("orders")), kiosk()),
				"cors_applications row portal.origins[0]", "*", "'*' would allow every origin");
	}

	@Test
	void applicationWithTheOpaqueOriginIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of("null"), List.of("orders")), kiosk()),
				"cors_applications row portal.origins[0]", "null", "names no front end");
	}

	@Test
	void applicationWithAnUnknownOriginSetIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of("set:partners"), List.of("orders")), kiosk()),
				"cors_applications row portal.origins[0]", "set:partners", "no origin set is defined");
	}

	@Test
	void applicationWithoutOriginsIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of(), List.of("orders")), kiosk()),
				"cors_applications row portal.origins", null, "at least one origin");
	}

	@Test
	void applicationWithoutServicesIsSkipped() {
		assertSkipped(withRegistered(row("portal", List.of(PORTAL), List.of()), kiosk()),
				"cors_applications row portal.services", null, "at least one service");
	}

	@Test
	void applicationWithAnIdThatIsNoIdIsSkipped() {
		CorsPolicies policies = withRegistered(
				new CorsApplication("portal!", List.of(PORTAL), List.of("orders"), "cors_applications row 7"), kiosk());
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors_applications row 7");
			assertThat(warning.reason()).startsWith("Application 'portal!' is skipped: an application id may");
		});
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isFalse();
	}

	@Test
	void eachProblemOfASkippedApplicationIsAWarning() {
		CorsPolicies policies = withRegistered(row("portal", List.of("*", PORTAL), List.of("ordrs")), kiosk());
		assertThat(policies.getWarnings()).extracting(PolicyError::property)
			.containsExactly("cors_applications row portal.origins[0]", "cors_applications row portal.services[0]");
		assertThat(policies.getWarnings())
			.allSatisfy((warning) -> assertThat(warning.reason()).startsWith("Application 'portal' is skipped: "));
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isFalse();
	}

	@Test
	void applicationWhoseIdIsDeclaredIsSkippedAndTheDeclaredOneApplies() {
		CorsPolicies policies = gateway()
			.application(new CorsApplication("portal", List.of(PORTAL), List.of("catalog"), "cors.applications.portal"))
			.registeredApplications(
					List.of(row("portal", List.of("https://other.example"), List.of("orders")), kiosk()))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors_applications row portal");
			assertThat(warning.reason()).startsWith("Application 'portal' is skipped: ")
				.contains("declared in the configuration (cors.applications.portal)");
		});
		assertThat(policy(policies, "/catalog/1").allowsOrigin(PORTAL)).isTrue();
		assertThat(policy(policies, "/orders/1").allowsOrigin("https://other.example")).isFalse();
		assertThat(policies.getApplications()).extracting(CorsApplication::source)
			.containsExactly("cors.applications.portal", "cors_applications row kiosk");
	}

	@Test
	void secondApplicationWithAnIdRegisteredBeforeIsSkipped() {
		CorsPolicies policies = gateway()
			.registeredApplications(List.of(row("portal", List.of(PORTAL), List.of("orders")),
					new CorsApplication("portal", List.of("https://other.example"), List.of("orders"), "row 2")))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("row 2");
			assertThat(warning.reason()).contains("registered before (cors_applications row portal)");
		});
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isTrue();
		assertThat(policy(policies, "/orders/1").allowsOrigin("https://other.example")).isFalse();
	}

	@Test
	void invalidRegisteredApplicationsNeverFailTheBuild() {
		CorsPolicies policies = gateway()
			.registeredApplications(List.of(row("a", List.of(), List.of()), row("b", List.of("*"), List.of("x/y/z"))))
			.build();
		assertThat(policies.getApplications()).isEmpty();
		assertThat(policies.getWarnings()).hasSize(4);
		assertThat(policy(policies, "/orders/1").getAllowedOrigins()).containsExactly(SHOP);
	}

	@Test
	void textOfASkippedApplicationCannotForgeLogLines() {
		// Every part of a registered application comes from outside the configuration,
		// and its warnings are logged: none may hold a line break or a control character.
		CorsPolicies policies = withRegistered(
				new CorsApplication("evil\r\nWARN forged", List.of("https://a.example\u001b[2J", "set:x\ny"),
						List.of("orders\r\nINFO forged", "orders/\u0085"), "row\nid=evil"),
				row("portal", List.of(PORTAL), List.of("catalog\u2028x")), kiosk());
		assertThat(policies.getWarnings()).hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((warning) -> assertThat(warning.toString()).matches("[\\x20-\\x7e]+"));
		assertThat(policies.getWarnings()).extracting(PolicyError::reason)
			.anySatisfy((reason) -> assertThat(reason).startsWith("Application 'evil??WARN forged' is skipped: "));
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("kiosk");
	}

	@Test
	void warningsOfAnAppliedApplicationCannotForgeLogLines() {
		// A registry names its rows as it likes: the source is outside text too.
		CorsPolicies policies = withRegistered(new CorsApplication("portal", List.of("https://PORTAL.partner.example"),
				List.of("orders"), "row\r\nINFO forged"));
		assertThat(policies.getWarnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.toString()).matches("[\\x20-\\x7e]+")
				.startsWith("row??INFO forged.origins[0]"));
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isTrue();
	}

	@Test
	void registeredApplicationsComeAfterTheDeclaredOnes() {
		CorsPolicies policies = gateway().registeredApplications(List.of(kiosk()))
			.application(new CorsApplication("portal", List.of(PORTAL), List.of("orders"), "cors.applications.portal"))
			.build();
		assertThat(policy(policies, "/orders/1").getApplicationIds()).containsExactly("portal", "kiosk");
		assertThat(policy(policies, "/orders/1").getAllowedOrigins()).containsExactly(SHOP, PORTAL, KIOSK);
	}

	@Test
	void registeredApplicationsAddUp() {
		CorsPolicies policies = gateway().registeredApplications(List.of(kiosk()))
			.registeredApplications(List.of(row("portal", List.of(PORTAL), List.of("orders"))))
			.build();
		assertThat(policy(policies, "/orders/1").getApplicationIds()).containsExactly("kiosk", "portal");
	}

	@Test
	void normalizedOriginOfAnAppliedApplicationIsAWarningOnly() {
		CorsPolicies policies = withRegistered(
				row("portal", List.of("https://portal.partner.example:443"), List.of("orders")));
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors_applications row portal.origins[0]");
			assertThat(warning.reason()).contains("default port :443 was removed");
		});
		assertThat(policy(policies, "/orders/1").allowsOrigin(PORTAL)).isTrue();
	}

	@Test
	void setReferencedOnlyByASkippedApplicationIsReportedAsUnreferenced() {
		CorsPolicies policies = gateway().originSet("partners", List.of(PORTAL))
			.registeredApplications(List.of(row("portal", List.of("set:partners"), List.of("ordrs"))))
			.build();
		assertThat(policies.getWarnings()).extracting(PolicyError::property)
			.containsExactly("cors_applications row portal.services[0]", "cors.origin-sets.partners");
	}

	@Test
	void setReferencedByAnAppliedApplicationExpandsToItsMembers() {
		CorsPolicies policies = gateway().originSet("partners", List.of(PORTAL))
			.registeredApplications(List.of(row("portal", List.of("set:partners"), List.of("catalog"))))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(policy(policies, "/catalog/1").allowsOrigin(PORTAL)).isTrue();
	}

	@Test
	void servicesEntryStartingWithASlashIsMalformedNotAnUnknownService() {
		CorsPolicies policies = withRegistered(kiosk(), row("portal", List.of(PORTAL), List.of("/refunds")));
		assertSkipped(policies, "cors_applications row portal.services[0]", "/refunds",
				"a services entry is a service id, such as orders");
	}

	@Test
	void servicesEntryWithAnEmptySegmentIsMalformedNotAnUnknownRoute() {
		CorsPolicies policies = withRegistered(kiosk(), row("portal", List.of(PORTAL), List.of("orders//refunds")));
		assertSkipped(policies, "cors_applications row portal.services[0]", "orders//refunds",
				"a services entry is a service id, such as orders");
	}

	// Credentials are judged on the route the application is registered with, not on
	// another route of the same service.
	@Test
	void applicationIsCheckedAgainstThePolicyOfTheRouteItNames() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP)
						.route("history", (history) -> history.paths("/orders/history"))
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").allowCredentials(true)))
			.registeredApplications(List.of(row("kiosk", List.of(KIOSK), List.of("orders")),
					row("portal", List.of("http://portal.partner.example"), List.of("orders/refunds"))))
			.build();
		assertThat(policies.getWarnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.reason()).startsWith("Application 'portal' is skipped: ")
				.contains("allow-credentials: true"));
		assertThat(policies.getApplications()).extracting(CorsApplication::id).containsExactly("kiosk");
	}

}
