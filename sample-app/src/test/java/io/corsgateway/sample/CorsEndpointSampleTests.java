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
package io.corsgateway.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample's {@code cors} actuator endpoint over HTTP, on the management port
 * the sample's {@code application.yml} enables, against the policies of that file.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.upstream.port=0", "management.server.port=0" })
class CorsEndpointSampleTests {

	private static final String SHOP = "https://shop.example";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient management;

	@BeforeEach
	void createClient() {
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	@Test
	void endpointIsServedOnTheManagementPortOnly() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/actuator/cors")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void endpointListsTheSamplePoliciesWithWhereEachFieldCameFrom() {
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.services[*].id")
			.isEqualTo(List.of("orders", "catalog", "admin", "diagnostics", "legacy", "partners", "live", "assets",
					"devices", "account", "mcp"))
			.jsonPath("$.services[0].routes[0].id")
			.isEqualTo("refunds")
			.jsonPath("$.services[0].routes[0].policy.fields['allowed-origins'].value")
			.isEqualTo(List.of("https://admin.shop.example"))
			.jsonPath("$.services[0].routes[0].policy.fields['allowed-origins'].level")
			.isEqualTo("ROUTE")
			.jsonPath("$.services[0].routes[0].policy.fields['max-age'].value")
			.isEqualTo("PT12H")
			.jsonPath("$.services[0].routes[0].policy.fields['max-age'].property")
			.isEqualTo("cors.services.orders.max-age")
			.jsonPath("$.services[1].policy.fields['allowed-headers'].level")
			.isEqualTo("DEFAULTS")
			.jsonPath("$.services[1].policy.fields['allowed-headers'].property")
			.isEqualTo("cors.defaults.allowed-headers")
			.jsonPath("$.services[4].policy.fields['enabled'].value")
			.isEqualTo(false)
			.jsonPath("$.settings.rejectAmbiguousPaths")
			.isEqualTo(true);
	}

	@Test
	void checkAnswersWithTheHeadersTheGatewaySends() {
		Map<String, Object> check = this.management.get()
			.uri("/actuator/cors/check?method=OPTIONS&path=/orders/1&origin={origin}&requestMethod=PUT"
					+ "&requestHeaders=content-type", SHOP)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(check).containsEntry("kind", "PREFLIGHT_ALLOWED")
			.containsEntry("service", "orders")
			.containsEntry("outcome", "ANSWERED")
			.containsEntry("status", 204);
		EntityExchangeResult<byte[]> gateway = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.options()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(gateway.getStatus().value()).isEqualTo(check.get("status"));
		Map<String, String> sent = new LinkedHashMap<>();
		gateway.getResponseHeaders().forEach((name, values) -> {
			if (name.startsWith("Access-Control-")) {
				sent.put(name, values.get(0));
			}
		});
		assertThat(sent).isEqualTo(check.get("headers")).containsEntry("Access-Control-Max-Age", "43200");
	}

	@Test
	void checkNamesTheReasonOfARejection() {
		this.management.get()
			.uri("/actuator/cors/check?method=OPTIONS&path=/orders/1/refunds&origin={origin}&requestMethod=POST", SHOP)
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("PREFLIGHT_REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("ORIGIN_NOT_ALLOWED")
			.jsonPath("$.route")
			.isEqualTo("refunds")
			.jsonPath("$.status")
			.isEqualTo(403);
	}

}
