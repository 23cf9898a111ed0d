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

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code websocket-origin-check} set through Spring Boot properties, at the defaults,
 * service and route levels: the auto-configured filter refuses a handshake from a
 * disallowed origin where the check is on, and lets it through where it is off.
 *
 * @author cors-gateway authors
 */
class WebSocketOriginCheckPropertiesTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class))
		.withUserConfiguration(HandlerConfiguration.class)
		.withPropertyValues("cors.debug-headers=true", "cors.services.live.paths=/live/**",
				"cors.services.live.allowed-origins=" + SHOP, "cors.services.live.reject-disallowed-origins=false",
				"cors.services.live.routes.lobby.paths=/live/lobby/**",
				"cors.services.live.routes.lobby.websocket-origin-check=false", "cors.services.x.paths=/x/**",
				"cors.services.x.allowed-origins=" + SHOP, "cors.services.x.websocket-origin-check=false",
				"cors.services.x.routes.secure.paths=/x/secure/**",
				"cors.services.x.routes.secure.websocket-origin-check=true");

	@Test
	void handshakeFromADisallowedOriginIsRefusedByDefault() {
		// Even though the scope lets other requests from that origin through: a handshake
		// let through would open the connection, which no browser check stops afterwards.
		this.contextRunner.run((context) -> {
			handshake(context, "/live/1", EVIL).expectStatus()
				.isForbidden()
				.expectHeader()
				.valueEquals(CorsGatewayWebFilter.REASON_HEADER, "WEBSOCKET_ORIGIN_NOT_ALLOWED")
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
			assertThat(handlerCalls(context)).hasValue(0);
		});
	}

	@Test
	void ordinaryRequestFromThatOriginGoesThroughWhereRejectDisallowedOriginsIsOff() {
		this.contextRunner.run((context) -> {
			client(context).get().uri("/live/1").header(HttpHeaders.ORIGIN, EVIL).exchange().expectStatus().isOk();
			assertThat(handlerCalls(context)).hasValue(1);
		});
	}

	@Test
	void handshakeFromAnAllowedOriginReachesTheHandlerWithoutCorsHeaders() {
		this.contextRunner.run((context) -> {
			handshake(context, "/live/1", SHOP).expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
			assertThat(handlerCalls(context)).hasValue(1);
		});
	}

	@Test
	void serviceWithTheCheckOffLetsADisallowedOriginThrough() {
		this.contextRunner.run((context) -> {
			handshake(context, "/x/1", EVIL).expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
			assertThat(handlerCalls(context)).hasValue(1);
		});
	}

	@Test
	void routeWithTheCheckOffLetsADisallowedOriginThrough() {
		this.contextRunner.run((context) -> {
			handshake(context, "/live/lobby/1", EVIL).expectStatus().isOk();
			assertThat(handlerCalls(context)).hasValue(1);
		});
	}

	@Test
	void routeTurnsTheCheckBackOnInsideAServiceWithTheCheckOff() {
		this.contextRunner.run((context) -> {
			handshake(context, "/x/secure/1", EVIL).expectStatus()
				.isForbidden()
				.expectHeader()
				.valueEquals(CorsGatewayWebFilter.REASON_HEADER, "WEBSOCKET_ORIGIN_NOT_ALLOWED");
			assertThat(handlerCalls(context)).hasValue(0);
		});
	}

	@Test
	void serviceInheritsTheCheckOffFromTheDefaults() {
		this.contextRunner.withPropertyValues("cors.defaults.websocket-origin-check=false").run((context) -> {
			handshake(context, "/live/1", EVIL).expectStatus().isOk();
			assertThat(handlerCalls(context)).hasValue(1);
		});
	}

	@Test
	void policyListsTheCheckAsResolved() {
		this.contextRunner.run((context) -> {
			CorsPolicies policies = context.getBean(CorsPolicies.class);
			assertThat(policies.getDefaults().isWebsocketOriginCheck()).isTrue();
			assertThat(policies.getServices()).filteredOn((service) -> service.id().equals("x"))
				.singleElement()
				.satisfies((service) -> assertThat(service.policy().isWebsocketOriginCheck()).isFalse());
		});
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.baseUrl("https://api.example.com")
			.build();
	}

	private static WebTestClient.ResponseSpec handshake(ApplicationContext context, String path, String origin) {
		return client(context).get()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header(HttpHeaders.UPGRADE, "websocket")
			.exchange();
	}

	private static AtomicInteger handlerCalls(ApplicationContext context) {
		return context.getBean("handlerCalls", AtomicInteger.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		AtomicInteger handlerCalls() {
			return new AtomicInteger();
		}

		// Stands in for the upgrade: what matters is whether the handler runs and which
		// headers the response keeps, which a mock server shows as well as a real one.
		@Bean
		RouterFunction<ServerResponse> routes(AtomicInteger handlerCalls) {
			return RouterFunctions.route().GET("/**", (request) -> {
				handlerCalls.incrementAndGet();
				return ServerResponse.ok()
					.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
					.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
					.bodyValue("upgraded");
			}).build();
		}

	}

}
