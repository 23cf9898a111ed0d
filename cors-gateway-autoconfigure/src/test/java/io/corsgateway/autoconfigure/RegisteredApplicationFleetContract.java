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
package io.corsgateway.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two gateway instances (two application contexts, each with its own connection factory,
 * registry, reloader and filter) on one database: an application registered by inserting
 * a row reaches both without a restart, a bad row is skipped while the others apply, and
 * a deleted row is withdrawn from both. One subclass per database.
 *
 * @author cors-gateway authors
 */
abstract class RegisteredApplicationFleetContract {

	private static final String SHOP = "https://shop.example";

	private static final String PARTNER = "https://portal.partner.example";

	// A bound on how long a change may take to reach an instance before the test fails,
	// far above the poll interval: the tests wait for an outcome, they do not time it.
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private final String table = "cors_fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private DatabaseClient client;

	/**
	 * The R2DBC URL of the database under test; a subclass may skip the test here.
	 * @return the URL
	 */
	protected abstract String url();

	/**
	 * A connection factory of the database under test, for the test's own statements.
	 * @return the connection factory
	 */
	protected abstract ConnectionFactory connectionFactory();

	@BeforeEach
	void createTable() throws IOException {
		this.client = DatabaseClient.create(connectionFactory());
		String script = new ClassPathResource("io/corsgateway/registry/r2dbc/schema.sql")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace(R2dbcCorsApplicationRegistry.DEFAULT_TABLE, this.table);
		new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
			.populate(connectionFactory())
			.block(DEADLINE);
	}

	@AfterEach
	void dropTable() {
		if (this.client != null) {
			this.client.sql("DROP TABLE IF EXISTS " + this.table).then().block(DEADLINE);
		}
	}

	private ReactiveWebApplicationContextRunner gateway() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, R2dbcAutoConfiguration.class,
					WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class))
			.withUserConfiguration(Upstream.class)
			.withPropertyValues("spring.r2dbc.url=" + url(), "cors.registry.r2dbc.enabled=true",
					"cors.registry.r2dbc.table=" + this.table, "cors.registry.r2dbc.poll-interval=100ms",
					"cors.services.orders.paths=/orders/**", "cors.services.orders.allowed-origins=" + SHOP,
					"cors.services.orders.allowed-methods=GET,PUT", "cors.services.catalog.paths=/catalog/**",
					"cors.services.catalog.allowed-origins=" + SHOP);
	}

	@Test
	void applicationInsertedIntoTheSharedTableReachesEveryInstanceWithoutRestart() {
		gateway().run((first) -> gateway().run((second) -> {
			List<ApplicationContext> fleet = List.of(first, second);
			for (ApplicationContext instance : fleet) {
				assertThat(preflight(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(403);
				assertThat(get(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(403);
				assertThat(instance.getBean(Upstream.class).calls).hasValue(0);
			}
			insert("partner-portal", PARTNER, "orders");
			for (ApplicationContext instance : fleet) {
				awaitPolicies(instance, (policies) -> !policies.getApplications().isEmpty());
				EntityExchangeResult<byte[]> preflight = preflight(instance, PARTNER, "/orders/1");
				assertThat(preflight.getStatus().value()).isEqualTo(204);
				assertThat(preflight.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(PARTNER);
				EntityExchangeResult<byte[]> get = get(instance, PARTNER, "/orders/1");
				assertThat(get.getStatus().value()).isEqualTo(200);
				assertThat(get.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(PARTNER);
				assertThat(instance.getBean(Upstream.class).calls).hasValue(1);
				// Registered with orders only: catalog still refuses it, and the policy's
				// own origin is unchanged.
				assertThat(preflight(instance, PARTNER, "/catalog/1").getStatus().value()).isEqualTo(403);
				assertThat(preflight(instance, SHOP, "/orders/1").getStatus().value()).isEqualTo(204);
				assertThat(instance.getBean(CorsPolicyReloader.class).getStatus().lastLoad().trigger())
					.isEqualTo("applications changed in R2dbcCorsApplicationRegistry");
			}
		}));
	}

	@Test
	void badRowIsSkippedAndReportedWhileTheOthersApplyOnEveryInstance() {
		gateway().run((first) -> gateway().run((second) -> {
			insert("typo", "https://typo.example", "ordres");
			insert("partner-portal", PARTNER, "orders");
			for (ApplicationContext instance : List.of(first, second)) {
				awaitPolicies(instance, (policies) -> !policies.getApplications().isEmpty());
				CorsPolicies policies = instance.getBean(CorsGatewayWebFilter.class).getPolicies();
				assertThat(policies.getApplications()).extracting("id").containsExactly("partner-portal");
				assertThat(policies.getWarnings()).map(PolicyError::property)
					.contains(this.table + "[id=typo].services[0]");
				assertThat(instance.getBean(CorsPolicyReloader.class).getStatus().failing()).isFalse();
				assertThat(preflight(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(204);
				assertThat(preflight(instance, "https://typo.example", "/orders/1").getStatus().value()).isEqualTo(403);
			}
		}));
	}

	@Test
	void applicationDeletedFromTheSharedTableIsWithdrawnFromEveryInstance() {
		insert("partner-portal", PARTNER, "orders");
		gateway().run((first) -> gateway().run((second) -> {
			List<ApplicationContext> fleet = List.of(first, second);
			for (ApplicationContext instance : fleet) {
				// Read at startup: the first policies already allow it.
				assertThat(preflight(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(204);
			}
			this.client.sql("DELETE FROM " + this.table + " WHERE id = 'partner-portal'").then().block(DEADLINE);
			for (ApplicationContext instance : fleet) {
				awaitPolicies(instance, (policies) -> policies.getApplications().isEmpty());
				assertThat(preflight(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(403);
				assertThat(get(instance, PARTNER, "/orders/1").getStatus().value()).isEqualTo(403);
				assertThat(instance.getBean(Upstream.class).calls).hasValue(0);
			}
		}));
	}

	private void insert(String id, String origins, String services) {
		this.client.sql("INSERT INTO " + this.table + " (id, origins, services) VALUES (:id, :origins, :services)")
			.bind("id", id)
			.bind("origins", origins)
			.bind("services", services)
			.then()
			.block(DEADLINE);
	}

	private static void awaitPolicies(ApplicationContext instance, Predicate<CorsPolicies> condition) {
		CorsGatewayWebFilter filter = instance.getBean(CorsGatewayWebFilter.class);
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.test(filter.getPolicies())) {
			if (System.nanoTime() > deadline) {
				fail("The registry's change did not reach the instance within " + DEADLINE);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted");
			}
		}
	}

	private static EntityExchangeResult<byte[]> preflight(ApplicationContext instance, String origin, String path) {
		return client(instance).options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static EntityExchangeResult<byte[]> get(ApplicationContext instance, String origin, String path) {
		return client(instance).get()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static WebTestClient client(ApplicationContext instance) {
		return WebTestClient.bindToApplicationContext(instance)
			.configureClient()
			.baseUrl("https://api.example")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Upstream {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/orders/{id}", (request) -> {
				this.calls.incrementAndGet();
				return ServerResponse.ok().bodyValue("order");
			}).build();
		}

	}

}
