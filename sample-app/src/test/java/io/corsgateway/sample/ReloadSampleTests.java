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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's reload without restart: a {@code cors.*} change written to the overrides
 * file that the sample's {@code application.yml} imports is applied by
 * {@code POST /actuator/refresh} on the management port, and an invalid change keeps the
 * policies in force while the {@code cors} endpoint and health component report it.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "sample.upstream.port=0",
		"management.server.port=0", "CORS_SAMPLE_OVERRIDES=" + ReloadSampleTests.OVERRIDES })
class ReloadSampleTests {

	// Relative to the module's directory, where the build runs the tests.
	static final String OVERRIDES = "target/reload-sample/cors-overrides.yml";

	private static final String OPS = "https://ops.shop.example";

	private static final String ADMIN_ORIGINS = "$.services[?(@.id == 'admin')].policy.fields['allowed-origins'].value";

	private static final ParameterizedTypeReference<List<String>> KEYS = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient gateway;

	private WebTestClient management;

	@BeforeAll
	static void startWithoutOverrides() throws IOException {
		Files.deleteIfExists(Path.of(OVERRIDES));
		// A refresh loads the configuration again in a new environment that holds the
		// system properties and environment variables but not the test's inlined
		// properties, so the location is a system property too.
		System.setProperty("CORS_SAMPLE_OVERRIDES", OVERRIDES);
	}

	@AfterAll
	static void forgetOverridesLocation() {
		System.clearProperty("CORS_SAMPLE_OVERRIDES");
	}

	@BeforeEach
	void createClients() {
		this.gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	// Written back rather than deleted: a refresh replaces the property source of a file
	// that changed, but keeps the one of a file that is gone.
	@AfterEach
	void restoreTheSamplesOrigins() throws IOException {
		writeOverrides("""
				cors:
				  services:
				    admin:
				      allowed-origins: [https://admin.shop.example]
				""");
		refresh();
		assertThat(preflight(OPS)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private static void writeOverrides(String yaml) throws IOException {
		Path file = Path.of(OVERRIDES);
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
	}

	private List<String> refresh() {
		return this.management.post()
			.uri("/actuator/refresh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(KEYS)
			.returnResult()
			.getResponseBody();
	}

	private HttpStatus preflight(String origin) {
		return (HttpStatus) this.gateway.options()
			.uri("/admin/users")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.returnResult(Void.class)
			.getStatus();
	}

	@Test
	void originAddedToTheConfigurationIsAllowedAfterARefresh() throws IOException {
		assertThat(preflight(OPS)).isEqualTo(HttpStatus.FORBIDDEN);
		writeOverrides("""
				cors:
				  services:
				    admin:
				      allowed-origins: [https://admin.shop.example, https://ops.shop.example]
				""");
		assertThat(refresh()).contains("cors.services.admin.allowed-origins[1]");
		assertThat(preflight(OPS)).isEqualTo(HttpStatus.OK);
		assertThat(preflight("https://admin.shop.example")).isEqualTo(HttpStatus.OK);
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath(ADMIN_ORIGINS)
			.isEqualTo(List.of(List.of("https://admin.shop.example", OPS)))
			.jsonPath("$.reload.lastLoad.trigger")
			.value((trigger) -> assertThat((String) trigger).startsWith("environment change: ")
				.contains("cors.services.admin.allowed-origins[1]"))
			.jsonPath("$.reload.failing")
			.isEqualTo(false);
	}

	@Test
	void invalidChangeKeepsThePoliciesInForceAndIsReported() throws IOException {
		writeOverrides("""
				cors:
				  services:
				    admin:
				      allowed-origins: [https://admin.shop.example, https://ops.shop.example]
				""");
		refresh();
		assertThat(preflight(OPS)).isEqualTo(HttpStatus.OK);
		// admin sends credentials, which '*' cannot go with.
		writeOverrides("""
				cors:
				  services:
				    admin:
				      allowed-origins: ["*"]
				""");
		refresh();
		assertThat(preflight(OPS)).isEqualTo(HttpStatus.OK);
		assertThat(preflight("https://evil.example")).isEqualTo(HttpStatus.FORBIDDEN);
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.reload.failing")
			.isEqualTo(true)
			.jsonPath("$.reload.lastFailure.errors[0].property")
			.isEqualTo("cors.services.admin.allowed-origins[0]")
			.jsonPath("$.reload.lastFailure.errors[0].value")
			.isEqualTo("*")
			.jsonPath(ADMIN_ORIGINS)
			.isEqualTo(List.of(List.of("https://admin.shop.example", OPS)));
		this.management.get()
			.uri("/actuator/health/cors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.reload")
			.isEqualTo("FAILED")
			.jsonPath("$.details.errors[0]")
			.value((error) -> assertThat((String) error).startsWith("cors.services.admin.allowed-origins[0] = '*': "));
	}

	@Test
	void valueThatCannotBeBoundIsReportedAndTheRefreshStillSucceeds() throws IOException {
		// The starter keeps Spring Cloud from rebinding its properties bean (a default
		// for
		// spring.cloud.refresh.never-refreshable), so only the reload sees the value.
		writeOverrides("""
				cors:
				  services:
				    admin:
				      max-age: abc
				""");
		assertThat(refresh()).containsExactly("cors.services.admin.max-age");
		this.management.get()
			.uri("/actuator/health/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.reload")
			.isEqualTo("FAILED")
			.jsonPath("$.details.errors[0]")
			.value((error) -> assertThat((String) error)
				.startsWith("cors.services.admin.max-age = 'abc': Cannot be bound to java.time.Duration"));
		assertThat(preflight("https://admin.shop.example")).isEqualTo(HttpStatus.OK);
	}

}
