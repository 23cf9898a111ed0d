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
package io.corsgateway.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.corsgateway.actuate.CorsEndpoint.ApplicationDescriptor;
import io.corsgateway.actuate.CorsEndpoint.CheckDescriptor;
import io.corsgateway.actuate.CorsEndpoint.CorsDescriptor;
import io.corsgateway.actuate.CorsEndpoint.PolicyDescriptor;
import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CorsEndpoint} without a Spring context: it reads what the filter holds
 * when it is called.
 *
 * @author cors-gateway authors
 */
class CorsEndpointTests {

	private static final String SHOP = "https://shop.example";

	private static final String PORTAL = "https://portal.partner.example";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(policies("orders"));

	private final CorsEndpoint endpoint = new CorsEndpoint(this.filter);

	private static CorsPolicies policies(String serviceId) {
		return CorsPolicies.builder()
			.service(serviceId, (service) -> service.paths("/" + serviceId + "/**").allowedOrigins(SHOP))
			.build();
	}

	@Test // gh-11
	void checkOfAWebSocketHandshakeGivesTheHandshakeDecision() {
		CheckDescriptor allowed = this.endpoint.check(CorsEndpoint.CHECK, "/orders/live", SHOP, null, null, null, null,
				null, true, null);
		assertThat(allowed.reason()).isEqualTo(DecisionReason.WEBSOCKET_HANDSHAKE);
		assertThat(allowed.request().websocketHandshake()).isTrue();
		CheckDescriptor refused = this.endpoint.check(CorsEndpoint.CHECK, "/orders/live", "https://evil.example", null,
				null, null, null, null, true, null);
		assertThat(refused.reason()).isEqualTo(DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED);
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test // gh-11
	void checkOfAPrivateNetworkPreflightGivesTheAllowHeader() {
		this.filter.setPolicies(CorsPolicies.builder()
			.service("printer",
					(printer) -> printer.paths("/printer/**").allowedOrigins(SHOP).allowPrivateNetwork(true))
			.build());
		CheckDescriptor check = this.endpoint.check(CorsEndpoint.CHECK, "/printer/jobs", SHOP, "OPTIONS", null, "POST",
				null, null, null, true);
		assertThat(check.headers()).containsEntry("Access-Control-Allow-Private-Network", "true");
		assertThat(check.request().requestPrivateNetwork()).isTrue();
		CheckDescriptor without = this.endpoint.check(CorsEndpoint.CHECK, "/printer/jobs", SHOP, "OPTIONS", null,
				"POST", null, null, null, null);
		assertThat(without.headers()).doesNotContainKey("Access-Control-Allow-Private-Network");
	}

	@Test // gh-11
	void policiesShowThePresetsExpandedNextToTheFieldsAsConfigured() {
		this.filter.setPolicies(CorsPolicies.builder()
			.service("mcp",
					(mcp) -> mcp.paths("/mcp/**")
						.allowedOrigins(SHOP)
						.allowedMethods("GET")
						.allowedHeaders("X-Tenant")
						.presets("mcp"))
			.build());
		PolicyDescriptor mcp = this.endpoint.policies().services().get(0).policy();
		assertThat(mcp.fields().get("presets").value()).isEqualTo(List.of("mcp"));
		assertThat(mcp.fields().get("allowed-methods").value()).isEqualTo(List.of("GET"));
		assertThat(mcp.effectiveMethods()).containsExactly("GET", "POST", "DELETE");
		assertThat(mcp.effectiveAllowedHeaders()).containsExactly("X-Tenant", "Mcp-Session-Id", "Mcp-Protocol-Version",
				"Last-Event-ID", "Authorization", "Content-Type");
		assertThat(mcp.effectiveExposedHeaders()).containsExactly("Mcp-Session-Id", "WWW-Authenticate");
	}

	@Test // gh-10
	void policiesListTheOriginSetsTheApplicationsAndWhichApplyToEachPolicy() {
		this.filter.setPolicies(CorsPolicies.builder()
			.originSet("partners", List.of("https://acme.partner.example"))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.allowedOrigins(SHOP, "set:partners")
						.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
			.application(new CorsApplication("portal", List.of(PORTAL), List.of("orders/refunds"),
					"cors.applications.portal"))
			.registeredApplications(List
				.of(new CorsApplication("kiosk", List.of("https://kiosk.example"), List.of("ordrs"), "registry row 1")))
			.build());
		CorsDescriptor descriptor = this.endpoint.policies();
		assertThat(descriptor.originSets())
			.containsExactly(Map.entry("partners", List.of("https://acme.partner.example")));
		assertThat(descriptor.applications()).containsExactly(new ApplicationDescriptor("portal", List.of(PORTAL),
				List.of("orders/refunds"), "cors.applications.portal"));
		PolicyDescriptor orders = descriptor.services().get(0).policy();
		assertThat(orders.fields().get("allowed-origins").value()).isEqualTo(List.of(SHOP, "set:partners"));
		assertThat(orders.effectiveOrigins()).containsExactly(SHOP, "https://acme.partner.example");
		assertThat(orders.applications()).isEmpty();
		PolicyDescriptor refunds = descriptor.services().get(0).routes().get(0).policy();
		assertThat(refunds.effectiveOrigins()).containsExactly(SHOP, "https://acme.partner.example", PORTAL);
		assertThat(refunds.applications()).containsExactly("portal");
		// The skipped registered application is a warning, not an application.
		assertThat(descriptor.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.reason()).startsWith("Application 'kiosk' is skipped: "));
	}

	@Test
	void checkWithAnotherSelectorReturnsNothing() {
		assertThat(this.endpoint.check("orders", "/orders/1", SHOP, null, null, null, null, null, null, null)).isNull();
	}

	@Test
	void operationsReadThePoliciesTheFilterHoldsNow() {
		this.filter.setPolicies(policies("catalog"));
		assertThat(this.endpoint.policies().services()).extracting(CorsEndpoint.ServiceDescriptor::id)
			.containsExactly("catalog");
		CheckDescriptor check = this.endpoint.check(CorsEndpoint.CHECK, "/catalog/1", SHOP, null, null, null, null,
				null, null, null);
		assertThat(check.service()).isEqualTo("catalog");
	}

	@Test
	void checkFollowsTheFiltersAmbiguousPathSetting() {
		assertThat(this.endpoint
			.check(CorsEndpoint.CHECK, "/orders/%2e%2e/1", SHOP, null, null, null, null, null, null, null)
			.reason()).isEqualTo(DecisionReason.AMBIGUOUS_PATH);
		this.filter.setRejectAmbiguousPaths(false);
		CheckDescriptor check = this.endpoint.check(CorsEndpoint.CHECK, "/orders/%2e%2e/1", SHOP, null, null, null,
				null, null, null, null);
		assertThat(check.kind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
	}

	@Test
	void requestMethodOfARequestOtherThanOptionsIsNoPreflight() {
		CheckDescriptor check = this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", SHOP, "GET", null, "PUT", null,
				null, null, null);
		assertThat(check.request().preflight()).isFalse();
		assertThat(check.request().requestMethod()).isNull();
		assertThat(check.kind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
	}

	@Test
	void checkNamesTheHostAndPortItWasGiven() {
		CheckDescriptor check = this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", null, null, "api.example.com:8443",
				null, null, null, null, null);
		assertThat(check.request().uri()).isEqualTo("https://api.example.com:8443/orders/1");
		assertThat(check.kind()).isEqualTo(DecisionKind.NOT_CORS);
	}

	@Test
	void pathThatDoesNotStartWithSlashIsRefusedWithItsFix() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.check(CorsEndpoint.CHECK, "orders/1", SHOP, null, null, null, null, null,
					null, null))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("'orders/1'").contains("must start with '/'"));
	}

	@Test
	void pathThatFormsNoUriIsRefusedWithItsFix() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.check(CorsEndpoint.CHECK, "/orders/a b", SHOP, null, null, null, null, null,
					null, null))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("'/orders/a b'").contains("percent-encoded"));
	}

	@Test
	void checkTellsTheRequestsOwnOriginByItsSchemeAsTheFilterDoes() {
		String own = "http://api.example.com";
		CheckDescriptor http = this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", own, null, "api.example.com", null,
				null, "http", null, null);
		CheckDescriptor https = this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", own, null, "api.example.com", null,
				null, null, null, null);
		assertThat(http.reason()).isEqualTo(DecisionReason.SAME_ORIGIN);
		assertThat(https.reason()).isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://api.example.com/orders/1").header(HttpHeaders.ORIGIN, own));
		this.filter.filter(exchange, (filtered) -> filtered.getResponse().setComplete()).block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void schemeOtherThanHttpOrHttpsIsRefusedWithItsFix() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", SHOP, null, null, null, null, "ftp",
					null, null))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("'ftp'").contains("http or https"));
	}

	@Test
	void pathWithAQueryOrFragmentIsRefusedWithItsFix() {
		for (String path : new String[] { "/orders/1?x=1", "/orders/1#top" }) {
			assertThatExceptionOfType(InvalidEndpointRequestException.class).as(path)
				.isThrownBy(() -> this.endpoint.check(CorsEndpoint.CHECK, path, SHOP, null, null, null, null, null,
						null, null))
				.satisfies((ex) -> assertThat(ex.getReason()).contains("'" + path + "'").contains("path alone"));
		}
	}

	@Test
	void hostThatCouldShiftThePathIsRefusedWithItsFix() {
		for (String host : new String[] { "api.example.com/admin", "user@api.example.com", "api.example.com?x",
				"api.example.com#x", "api example.com" }) {
			assertThatExceptionOfType(InvalidEndpointRequestException.class).as(host)
				.isThrownBy(() -> this.endpoint.check(CorsEndpoint.CHECK, "/orders/1", SHOP, null, host, null, null,
						null, null, null))
				.satisfies((ex) -> assertThat(ex.getReason()).contains("'" + host + "'").contains("path in 'path'"));
		}
	}

}
