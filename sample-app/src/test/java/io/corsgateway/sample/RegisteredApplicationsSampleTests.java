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

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample's shared origins: the application its registry table holds at startup (from
 * {@code registry-data.sql} in the embedded H2), a row inserted and deleted while it
 * runs, a bad row skipped, the application declared in {@code cors.applications}, and the
 * origin set the {@code partners} service references.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "sample.upstream.port=0",
		"management.server.port=0", "cors.registry.r2dbc.poll-interval=200ms" })
class RegisteredApplicationsSampleTests {

	private static final String PORTAL = "https://portal.partner.example";

	private static final String MOBILE = "https://mobile.example";

	// A bound on how long a stored change may take to reach the gateway before the test
	// fails, far above the poll interval: the test waits for an outcome, it does not time
	// it.
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ConnectionFactory connectionFactory;

	private WebTestClient gateway;

	private WebTestClient management;

	private DatabaseClient database;

	@BeforeEach
	void createClients() {
		this.gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
		this.database = DatabaseClient.create(this.connectionFactory);
	}

	@AfterEach
	void deleteTheTestsRows() {
		this.database.sql("DELETE FROM cors_application WHERE id IN ('mobile-web', 'typo')").then().block(DEADLINE);
		awaitUntil(() -> preflight("/orders/1", "PUT", MOBILE) == HttpStatus.FORBIDDEN);
	}

	@Test
	void applicationStoredAtStartupIsAllowedOnTheServicesItIsRegisteredWith() {
		assertThat(preflight("/orders/1", "PUT", PORTAL)).isEqualTo(HttpStatus.NO_CONTENT);
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.applications[?(@.id == 'partner-portal')].source")
			.isEqualTo("cors_application[id=partner-portal]")
			.jsonPath("$.services[?(@.id == 'orders')].policy.applications")
			.isEqualTo(List.of(List.of("partner-portal")))
			.jsonPath("$.services[?(@.id == 'admin')].policy.applications")
			.isEqualTo(List.of(List.of()));
	}

	@Test
	void rowInsertedWhileRunningIsAllowedWithoutRestartAndADeletedOneIsWithdrawn() {
		assertThat(preflight("/orders/1", "PUT", MOBILE)).isEqualTo(HttpStatus.FORBIDDEN);
		insert("mobile-web", MOBILE, "orders");
		awaitUntil(() -> preflight("/orders/1", "PUT", MOBILE) == HttpStatus.NO_CONTENT);
		this.gateway.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, MOBILE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, MOBILE)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.reload.lastLoad.trigger")
			.isEqualTo("applications changed in R2dbcCorsApplicationRegistry");
		this.database.sql("DELETE FROM cors_application WHERE id = 'mobile-web'").then().block(DEADLINE);
		awaitUntil(() -> preflight("/orders/1", "PUT", MOBILE) == HttpStatus.FORBIDDEN);
	}

	@Test
	void rowNamingAnUnknownServiceIsSkippedAndReportedWhileTheOthersApply() {
		insert("typo", "https://typo.example", "ordres");
		insert("mobile-web", MOBILE, "orders");
		awaitUntil(() -> preflight("/orders/1", "PUT", MOBILE) == HttpStatus.NO_CONTENT);
		assertThat(preflight("/orders/1", "PUT", "https://typo.example")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(preflight("/orders/1", "PUT", PORTAL)).isEqualTo(HttpStatus.NO_CONTENT);
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.warnings[?(@.property == 'cors_application[id=typo].services[0]')].reason")
			.value((reasons) -> assertThat(reasons.toString()).contains("Application 'typo' is skipped"))
			.jsonPath("$.reload.failing")
			.isEqualTo(false);
	}

	@Test
	void declaredApplicationIsAllowedOnItsRouteOnly() {
		String refundDesk = "https://refunds.shop-tools.example";
		assertThat(preflight("/orders/1/refunds", "POST", refundDesk)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(preflight("/orders/1", "PUT", refundDesk)).isEqualTo(HttpStatus.FORBIDDEN);
		// The route's own origin still applies.
		assertThat(preflight("/orders/1/refunds", "POST", "https://admin.shop.example"))
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void originSetStandsForItsMembersInTheScopesThatReferenceIt() {
		this.management.get()
			.uri("/actuator/cors")
			.exchange()
			.expectBody()
			.jsonPath("$.originSets.partner-front-ends[1]")
			.isEqualTo("https://console.partner.example")
			.jsonPath("$.services[?(@.id == 'partners')].policy.effectiveOrigins")
			.isEqualTo(List.of(List.of("https://partner.example", "https://console.partner.example")));
		this.management.get()
			.uri("/actuator/cors/check?method=GET&path=/partners/1&origin=https://console.partner.example")
			.exchange()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("ACTUAL_ALLOWED");
	}

	private void insert(String id, String origins, String services) {
		this.database.sql("INSERT INTO cors_application (id, origins, services) VALUES (:id, :origins, :services)")
			.bind("id", id)
			.bind("origins", origins)
			.bind("services", services)
			.then()
			.block(DEADLINE);
	}

	private HttpStatus preflight(String path, String method, String origin) {
		return (HttpStatus) this.gateway.options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
			.exchange()
			.returnResult(Void.class)
			.getStatus();
	}

	private static void awaitUntil(Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				fail("The stored change did not reach the gateway within " + DEADLINE);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted");
			}
		}
	}

}
