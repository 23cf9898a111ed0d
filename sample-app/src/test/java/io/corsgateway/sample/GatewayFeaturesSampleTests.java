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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway features of the sample's {@code application.yml}, each on its own service,
 * through the real Spring Cloud Gateway to the in-process upstream (which answers every
 * request with {@code Access-Control-Allow-Origin: *} of its own).
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.upstream.port=0", "management.server.port=0" })
class GatewayFeaturesSampleTests {

	private static final String SHOP = "https://shop.example";

	private static final String ASSISTANT = "https://assistant.shop.example";

	private static final String ATTACKER = "https://evil.example";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private UpstreamServer upstream;

	private WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void assetsCarryTimingAllowOrigin() {
		this.client.get()
			.uri("/assets/app.js")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Timing-Allow-Origin", "*")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
	}

	@Test
	void timingAllowOriginIsNotSentWhereTheScopeDoesNotAskForIt() {
		this.client.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Timing-Allow-Origin");
	}

	@Test
	void privateNetworkPreflightIsAllowedForTheDevices() {
		long before = this.upstream.getRequestCount();
		this.client.options()
			.uri("/devices/printer/jobs")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header("Access-Control-Request-Private-Network", "true")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Private-Network", "true")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		assertThat(this.upstream.getRequestCount()).isEqualTo(before);
	}

	@Test
	void privateNetworkPreflightFromAnotherSiteIsRejectedBeforeTheUpstream() {
		long before = this.upstream.getRequestCount();
		this.client.options()
			.uri("/devices/printer/jobs")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header("Access-Control-Request-Private-Network", "true")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Private-Network");
		assertThat(this.upstream.getRequestCount()).isEqualTo(before);
	}

	@Test
	void credentialedWildcardsNameTheRequestedMethodAndHeaders() {
		this.client.options()
			.uri("/account/profile")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,x-client-version")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "PATCH")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization,x-client-version")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
	}

	@Test
	void credentialedActualRequestWithAnyMethodReachesTheUpstream() {
		this.client.method(HttpMethod.PATCH)
			.uri("/account/profile")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("PATCH");
	}

	@Test
	void mcpClientPreflightIsAllowedByThePreset() {
		this.client.options()
			.uri("/mcp")
			.header(HttpHeaders.ORIGIN, ASSISTANT)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "mcp-protocol-version,mcp-session-id")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "DELETE");
	}

	@Test
	void mcpResponseExposesTheSessionId() {
		this.client.post()
			.uri("/mcp")
			.header(HttpHeaders.ORIGIN, ASSISTANT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Mcp-Session-Id, WWW-Authenticate");
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsThePresetExpandedAndWarnsAboutTheMaxAgeCaps() {
		Map<String, Object> body = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/cors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		Map<String, Object> mcp = ((List<Map<String, Object>>) body.get("services")).stream()
			.filter((service) -> "mcp".equals(service.get("id")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> policy = (Map<String, Object>) mcp.get("policy");
		assertThat((List<String>) policy.get("effectiveAllowedHeaders")).contains("Mcp-Session-Id", "Authorization");
		assertThat((List<String>) policy.get("effectiveMethods")).containsExactly("GET", "HEAD", "POST", "DELETE");
		List<Map<String, Object>> warnings = (List<Map<String, Object>>) body.get("warnings");
		assertThat(warnings).anySatisfy((warning) -> {
			assertThat(warning.get("property")).isEqualTo("cors.services.orders.max-age");
			assertThat((String) warning.get("reason"))
				.contains("WebKit (Safari) at 600 s, Chromium (Chrome, Edge) at " + "7200 s");
		});
	}

}
