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

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.corsgateway.autoconfigure.CorsGatewayAutoConfiguration;
import io.corsgateway.policy.CorsHeader;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.PolicyField;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code cors} actuator endpoint in a WebFlux application: when it is
 * registered and exposed, what {@code GET /actuator/cors} lists, and what
 * {@code GET /actuator/cors/check} answers, compared with what the filter really does
 * with the same request.
 *
 * @author cors-gateway authors
 */
class CorsEndpointIntegrationTests {

	private static final String SHOP = "https://shop.example";

	private static final String BACK_OFFICE = "https://admin.shop.example";

	private static final String HOST = "api.example.com";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
				JacksonAutoConfiguration.class, JacksonEndpointAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class))
		.withUserConfiguration(HandlerConfiguration.class)
		.withPropertyValues("cors.defaults.allowed-headers=Content-Type", "cors.defaults.max-age=10m",
				"cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
				"cors.services.orders.allow-credentials=true", "cors.services.orders.allowed-methods=GET,POST,PUT",
				"cors.services.orders.routes.refunds.paths=/orders/*/refunds",
				"cors.services.orders.routes.refunds.methods=POST",
				"cors.services.orders.routes.refunds.allowed-origins=" + BACK_OFFICE,
				"cors.services.shadow.paths=/shadow/**", "cors.services.shadow.allowed-origins=" + SHOP,
				"cors.services.shadow.report-only=true", "cors.services.shadow.max-age=2d");

	private final ReactiveWebApplicationContextRunner exposed = this.contextRunner
		.withPropertyValues("management.endpoints.web.exposure.include=cors");

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).configureClient().baseUrl("https://" + HOST).build();
	}

	private void withClient(Consumer<WebTestClient> test) {
		this.exposed.run((context) -> test.accept(client(context)));
	}

	@Test
	void endpointIsRegisteredWhenExposed() {
		this.exposed.run((context) -> {
			assertThat(context).hasSingleBean(CorsEndpoint.class);
			CorsEndpoint endpoint = context.getBean(CorsEndpoint.class);
			// It explains the filter in the context, not a copy of the policies.
			context.getBean(CorsGatewayWebFilter.class).setRejectAmbiguousPaths(false);
			assertThat(endpoint.policies().settings().rejectAmbiguousPaths()).isFalse();
		});
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		this.exposed.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(CorsGatewayWebFilter.class)
				.doesNotHaveBean(CorsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsGatewayWebFilter.class)
			.doesNotHaveBean(CorsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone() {
		// Upper case: unlike SpringApplication, the runner's environment does not convert
		// enums leniently.
		this.exposed.withPropertyValues("management.endpoint.cors.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenCorsGatewayIsDisabled() {
		this.exposed.withPropertyValues("cors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsGatewayWebFilter.class)
				.doesNotHaveBean(CorsEndpoint.class));
	}

	@Test
	void endpointBacksOffForAnEndpointOfTheUsersOwn() {
		this.exposed
			.withBean("myCorsEndpoint", CorsEndpoint.class,
					() -> new CorsEndpoint(new CorsGatewayWebFilter(CorsPolicies.builder().build())))
			.run((context) -> assertThat(context).getBean(CorsEndpoint.class)
				.isSameAs(context.getBean("myCorsEndpoint")));
	}

	@Test
	void endpointIsNotExposedOverHttpByDefault() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			client.get().uri("/actuator/cors").exchange().expectStatus().isNotFound();
			client.get().uri("/actuator/cors/check?path=/orders/1").exchange().expectStatus().isNotFound();
		});
	}

	@Test
	void readListsEveryServiceAndRouteWithTheLevelOfEachField() {
		withClient((client) -> client.get()
			.uri("/actuator/cors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.services[*].id")
			.isEqualTo(List.of("orders", "shadow"))
			.jsonPath("$.services[0].paths")
			.isEqualTo(List.of("/orders/**"))
			.jsonPath("$.services[0].hosts")
			.isEmpty()
			.jsonPath("$.services[0].policy.id")
			.isEqualTo("orders")
			.jsonPath("$.services[0].policy.fields['allowed-origins'].value")
			.isEqualTo(List.of(SHOP))
			.jsonPath("$.services[0].policy.fields['allowed-origins'].level")
			.isEqualTo("SERVICE")
			.jsonPath("$.services[0].policy.fields['allowed-origins'].property")
			.isEqualTo("cors.services.orders.allowed-origins")
			.jsonPath("$.services[0].routes[0].id")
			.isEqualTo("refunds")
			.jsonPath("$.services[0].routes[0].methods")
			.isEqualTo(List.of("POST"))
			.jsonPath("$.services[0].routes[0].policy.id")
			.isEqualTo("orders.refunds")
			.jsonPath("$.services[0].routes[0].policy.fields['allowed-origins'].value")
			.isEqualTo(List.of(BACK_OFFICE))
			.jsonPath("$.services[0].routes[0].policy.fields['allowed-origins'].level")
			.isEqualTo("ROUTE")
			.jsonPath("$.services[0].routes[0].policy.fields['allow-credentials'].value")
			.isEqualTo(true)
			.jsonPath("$.services[0].routes[0].policy.fields['allow-credentials'].level")
			.isEqualTo("SERVICE")
			.jsonPath("$.services[0].routes[0].policy.fields['max-age'].value")
			.isEqualTo("PT10M")
			.jsonPath("$.services[0].routes[0].policy.fields['max-age'].level")
			.isEqualTo("DEFAULTS")
			.jsonPath("$.services[0].routes[0].policy.fields['max-age'].property")
			.isEqualTo("cors.defaults.max-age")
			.jsonPath("$.services[0].routes[0].policy.fields['preflight-status'].value")
			.isEqualTo(204)
			.jsonPath("$.services[0].routes[0].policy.fields['preflight-status'].level")
			.isEqualTo("BUILT_IN")
			.jsonPath("$.services[0].routes[0].policy.fields['preflight-status'].property")
			.doesNotExist()
			.jsonPath("$.services[1].policy.fields['report-only'].value")
			.isEqualTo(true));
	}

	@Test // gh-10
	void readListsOriginSetsApplicationsAndTheOriginsEachPolicyAllows() {
		this.exposed
			.withPropertyValues("cors.services.orders.allowed-origins=" + SHOP + ",set:partners",
					"cors.origin-sets.partners=https://acme.partner.example",
					"cors.applications.portal.origins=https://portal.partner.example",
					"cors.applications.portal.services=orders/refunds")
			.run((context) -> client(context).get()
				.uri("/actuator/cors")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.originSets.partners")
				.isEqualTo(List.of("https://acme.partner.example"))
				.jsonPath("$.applications[0].id")
				.isEqualTo("portal")
				.jsonPath("$.applications[0].origins")
				.isEqualTo(List.of("https://portal.partner.example"))
				.jsonPath("$.applications[0].services")
				.isEqualTo(List.of("orders/refunds"))
				.jsonPath("$.applications[0].source")
				.isEqualTo("cors.applications.portal")
				.jsonPath("$.services[0].policy.fields['allowed-origins'].value")
				.isEqualTo(List.of(SHOP, "set:partners"))
				.jsonPath("$.services[0].policy.effectiveOrigins")
				.isEqualTo(List.of(SHOP, "https://acme.partner.example"))
				.jsonPath("$.services[0].policy.applications")
				.isEmpty()
				.jsonPath("$.services[0].routes[0].policy.effectiveOrigins")
				.isEqualTo(List.of(BACK_OFFICE, "https://portal.partner.example"))
				.jsonPath("$.services[0].routes[0].policy.applications")
				.isEqualTo(List.of("portal")));
	}

	@Test
	void readListsEveryPolicyFieldInTheOrderOfTheReference() {
		withClient((client) -> {
			Map<String, Object> body = client.get()
				.uri("/actuator/cors")
				.exchange()
				.expectBody(JSON)
				.returnResult()
				.getResponseBody();
			Map<String, Object> fields = at(body, "defaults", "policy", "fields");
			assertThat(fields.keySet())
				.containsExactlyElementsOf(PolicyField.all().stream().map(PolicyField::getName).toList());
		});
	}

	@Test
	void readListsTheDefaultsEvenWhenTheyAreNoFallback() {
		withClient((client) -> client.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.defaults.fallback")
			.isEqualTo(false)
			.jsonPath("$.defaults.policy.id")
			.isEqualTo("defaults")
			.jsonPath("$.defaults.policy.fields['allowed-headers'].value")
			.isEqualTo(List.of("Content-Type"))
			.jsonPath("$.defaults.policy.fields['allowed-headers'].level")
			.isEqualTo("DEFAULTS"));
	}

	@Test
	void readListsTheStartupWarningsAndTheFilterSettings() {
		this.exposed.withPropertyValues("cors.debug-headers=true")
			.run((context) -> client(context).get()
				.uri("/actuator/cors")
				.exchange()
				.expectBody()
				.jsonPath("$.warnings[0].property")
				.isEqualTo("cors.services.shadow.max-age")
				.jsonPath("$.warnings[0].value")
				.isEqualTo("172800s")
				.jsonPath("$.warnings[0].reason")
				.value((reason) -> assertThat((String) reason)
					.contains("Browsers cap how long they cache a preflight answer"))
				.jsonPath("$.settings.rejectAmbiguousPaths")
				.isEqualTo(true)
				.jsonPath("$.settings.debugHeaders")
				.isEqualTo(true)
				.jsonPath("$.settings.filterOrder")
				.isEqualTo(CorsGatewayWebFilter.DEFAULT_ORDER));
	}

	@Test
	void checkOfAnAllowedPreflightGivesTheExactHeaders() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "OPTIONS", "/orders/1", SHOP, "PUT", "content-type"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.request.preflight")
			.isEqualTo(true)
			.jsonPath("$.kind")
			.isEqualTo("PREFLIGHT_ALLOWED")
			.jsonPath("$.reason")
			.isEqualTo("ORIGIN_ALLOWED")
			.jsonPath("$.service")
			.isEqualTo("orders")
			.jsonPath("$.route")
			.isEqualTo("(none)")
			.jsonPath("$.policy")
			.isEqualTo("orders")
			.jsonPath("$.enforced")
			.isEqualTo(true)
			.jsonPath("$.outcome")
			.isEqualTo("ANSWERED")
			.jsonPath("$.status")
			.isEqualTo(204)
			.jsonPath("$.headers")
			.isEqualTo(Map.of("Access-Control-Allow-Origin", SHOP, "Access-Control-Allow-Credentials", "true",
					"Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "content-type",
					"Access-Control-Max-Age", "600"))
			.jsonPath("$.vary")
			.isEqualTo(List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
	}

	@Test
	void checkOfARejectedPreflightGivesReasonAndDetail() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "OPTIONS", "/orders/1", SHOP, "PUT", "content-type,x-secret"))
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("PREFLIGHT_REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("HEADER_NOT_ALLOWED")
			.jsonPath("$.detail")
			.isEqualTo("x-secret")
			.jsonPath("$.outcome")
			.isEqualTo("ANSWERED")
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.headers")
			.isEmpty());
	}

	@Test
	void checkOfAPreflightForARouteNamesTheRoute() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "OPTIONS", "/orders/1/refunds", SHOP, "POST", null))
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("PREFLIGHT_REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("ORIGIN_NOT_ALLOWED")
			.jsonPath("$.route")
			.isEqualTo("refunds")
			.jsonPath("$.policy")
			.isEqualTo("orders.refunds"));
	}

	@Test
	void checkInAReportOnlyScopeIsNotEnforced() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "GET", "/shadow/1", "https://evil.example", null, null))
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("ACTUAL_REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("ORIGIN_NOT_ALLOWED")
			.jsonPath("$.service")
			.isEqualTo("shadow")
			.jsonPath("$.enforced")
			.isEqualTo(false)
			.jsonPath("$.outcome")
			.isEqualTo("LEFT_ALONE")
			.jsonPath("$.status")
			.isEqualTo(403));
	}

	@Test
	void checkOfAnAmbiguousPathIsRefusedBeforeAnyPolicy() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "GET", "/orders/%2e%2e/admin", SHOP, null, null))
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("REFUSED")
			.jsonPath("$.reason")
			.isEqualTo("AMBIGUOUS_PATH")
			.jsonPath("$.service")
			.isEqualTo("(none)")
			.jsonPath("$.policy")
			.doesNotExist()
			.jsonPath("$.outcome")
			.isEqualTo("ANSWERED")
			.jsonPath("$.status")
			.isEqualTo(400));
	}

	@Test
	void checkOfARequestNoPolicyCoversLeavesItAlone() {
		withClient((client) -> client.get()
			.uri((uri) -> check(uri, "GET", "/elsewhere", SHOP, null, null))
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("NOT_APPLIED")
			.jsonPath("$.reason")
			.isEqualTo("NO_POLICY")
			.jsonPath("$.service")
			.isEqualTo("(none)")
			.jsonPath("$.route")
			.isEqualTo("(none)")
			.jsonPath("$.outcome")
			.isEqualTo("LEFT_ALONE")
			.jsonPath("$.status")
			.doesNotExist()
			.jsonPath("$.headers")
			.isEmpty()
			.jsonPath("$.vary")
			.isEmpty());
	}

	@Test
	void checkUsesGetAndLocalhostWhenMethodAndHostAreMissing() {
		withClient((client) -> client.get()
			.uri("/actuator/cors/check?path=/orders/1&origin=" + SHOP)
			.exchange()
			.expectBody()
			.jsonPath("$.request.method")
			.isEqualTo("GET")
			.jsonPath("$.request.uri")
			.isEqualTo("https://localhost/orders/1")
			.jsonPath("$.kind")
			.isEqualTo("ACTUAL_ALLOWED")
			.jsonPath("$.outcome")
			.isEqualTo("PASSED_ON"));
	}

	@Test
	void checkWithoutPathIsABadRequest() {
		withClient((client) -> client.get().uri("/actuator/cors/check").exchange().expectStatus().isBadRequest());
	}

	@Test
	void checkWithAPathThatIsNoPathIsABadRequest() {
		withClient((client) -> client.get()
			.uri("/actuator/cors/check?path=orders")
			.exchange()
			.expectStatus()
			.isBadRequest());
	}

	@Test
	void selectorOtherThanCheckIsNotFound() {
		withClient((client) -> client.get()
			.uri("/actuator/cors/orders?path=/orders/1")
			.exchange()
			.expectStatus()
			.isNotFound());
	}

	@Test
	void checkAgreesWithTheFilterOnTheSameRequests() {
		this.exposed.withPropertyValues("cors.debug-headers=true").run((context) -> {
			WebTestClient client = client(context);
			assertAgrees(client, "OPTIONS", "/orders/1", SHOP, "PUT", "content-type");
			assertAgrees(client, "OPTIONS", "/orders/1", SHOP, "PATCH", null);
			assertAgrees(client, "OPTIONS", "/orders/1/refunds", BACK_OFFICE, "POST", null);
			assertAgrees(client, "OPTIONS", "/orders/1", "https://evil.example", "GET", null);
			assertAgrees(client, "GET", "/orders/1", SHOP, null, null);
			assertAgrees(client, "GET", "/orders/1", "https://evil.example", null, null);
			assertAgrees(client, "GET", "/orders/%2e%2e/admin", SHOP, null, null);
			assertAgrees(client, "GET", "/shadow/1", "https://evil.example", null, null);
			assertAgrees(client, "GET", "/elsewhere", SHOP, null, null);
		});
	}

	private static void assertAgrees(WebTestClient client, String method, String path, String origin,
			@Nullable String requestMethod, @Nullable String requestHeaders) {
		Map<String, Object> check = client.get()
			.uri((uri) -> check(uri, method, path, origin, requestMethod, requestHeaders))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		EntityExchangeResult<byte[]> real = client.method(HttpMethod.valueOf(method)).uri(path).headers((headers) -> {
			headers.setOrigin(origin);
			if (requestMethod != null) {
				headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, requestMethod);
			}
			if (requestHeaders != null) {
				headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders);
			}
		}).exchange().expectBody().returnResult();
		String scenario = method + " " + path + " from " + origin;
		HttpHeaders actual = real.getResponseHeaders();
		if ("LEFT_ALONE".equals(check.get("outcome"))) {
			// Not applied or report-only: the filter adds nothing, whatever the decision.
			assertThat(actual.headerNames()).as(scenario).noneMatch((name) -> name.startsWith("Access-Control-"));
			assertThat(actual.getVary()).as(scenario).isEmpty();
			assertThat(real.getResponseBodyContent()).as(scenario).asString().isEqualTo("handled");
			return;
		}
		Map<String, Object> expected = at(check, "headers");
		for (CorsHeader header : CorsHeader.values()) {
			assertThat(actual.getFirst(header.headerName())).as(scenario + ": " + header.headerName())
				.isEqualTo(expected.get(header.headerName()));
		}
		assertThat(actual.getFirst(CorsGatewayWebFilter.REASON_HEADER)).as(scenario)
			.isEqualTo(expected.get(CorsGatewayWebFilter.REASON_HEADER));
		assertThat(actual.getVary()).as(scenario).containsAll(list(check.get("vary")));
		if ("ANSWERED".equals(check.get("outcome"))) {
			assertThat(real.getStatus().value()).as(scenario).isEqualTo(check.get("status"));
		}
		else {
			assertThat(real.getResponseBodyContent()).as(scenario).asString().isEqualTo("handled");
		}
	}

	private static URI check(UriBuilder uri, String method, String path, String origin, @Nullable String requestMethod,
			@Nullable String requestHeaders) {
		// Every value is a URI variable, encoded on its own: a path's '%' reaches the
		// endpoint as written.
		Map<String, String> values = new HashMap<>(
				Map.of("method", method, "path", path, "host", HOST, "origin", origin));
		uri.path("/actuator/cors/check");
		for (String name : List.of("method", "path", "host", "origin")) {
			uri.queryParam(name, "{" + name + "}");
		}
		if (requestMethod != null) {
			uri.queryParam("requestMethod", "{requestMethod}");
			values.put("requestMethod", requestMethod);
		}
		if (requestHeaders != null) {
			uri.queryParam("requestHeaders", "{requestHeaders}");
			values.put("requestHeaders", requestHeaders);
		}
		return uri.build(values);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> at(Map<String, Object> json, String... keys) {
		Map<String, Object> current = json;
		for (String key : keys) {
			current = (Map<String, Object>) current.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object json) {
		return (List<String>) json;
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		RouterFunction<ServerResponse> handler() {
			return RouterFunctions.route()
				.route((request) -> !request.path().startsWith("/actuator"),
						(request) -> ServerResponse.ok().bodyValue("handled"))
				.build();
		}

	}

}
