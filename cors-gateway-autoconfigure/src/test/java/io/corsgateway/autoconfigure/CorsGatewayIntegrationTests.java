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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests: the auto-configured filter in a WebFlux application with Spring
 * Security, error handling and streaming, exercised through {@link WebTestClient}.
 *
 * @author cors-gateway authors
 */
class CorsGatewayIntegrationTests {

	private static final String SHOP = "https://shop.example.com";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class, CodecsAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
		.withUserConfiguration(ApplicationConfiguration.class)
		.withPropertyValues("cors.services.api.paths=/api/**", "cors.services.api.allowed-origins=" + SHOP,
				"cors.services.api.allow-credentials=true",
				"cors.services.api.allowed-headers=Authorization,Content-Type",
				"cors.services.api.allowed-methods=GET,POST,PUT", "cors.services.api.exposed-headers=X-Trace",
				"cors.services.api.max-age=10m");

	private void withClient(Consumer<WebTestClient> test) {
		this.contextRunner.run((context) -> test.accept(client(context)));
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.baseUrl("https://api.example.com")
			.build();
	}

	@Test
	void preflightToAProtectedRouteSucceedsWithoutCredentials() {
		withClient((client) -> client.options()
			.uri("/api/secure/data")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization,content-type")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600"));
	}

	@Test
	void unauthorizedResponseIsReadableByAnAllowedOrigin() {
		withClient((client) -> client.get()
			.uri("/api/secure/data")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
	}

	@Test
	void authenticatedRequestReachesTheHandlerWithCorsHeaders() {
		withClient((client) -> client.get()
			.uri("/api/secure/data")
			.header(HttpHeaders.ORIGIN, SHOP)
			.headers((headers) -> headers.setBasicAuth("user", "password"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectBody(String.class)
			.isEqualTo("secret"));
	}

	@Test
	void handlerCorsHeadersAreReplacedNotDuplicated() {
		withClient((client) -> {
			HttpHeaders headers = client.get()
				.uri("/api/public/permissive")
				.header(HttpHeaders.ORIGIN, SHOP)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders();
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("X-Trace");
			assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isFalse();
			assertThat(String.join(",", headers.get(HttpHeaders.VARY))).contains("Accept-Encoding").contains("Origin");
		});
	}

	@Test
	void notFoundResponseCarriesCorsHeaders() {
		withClient((client) -> client.get()
			.uri("/api/public/missing")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP));
	}

	@Test
	void exceptionTurnedIntoAnErrorResponseCarriesCorsHeaders() {
		withClient((client) -> client.get()
			.uri("/api/public/boom")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.is5xxServerError()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP));
	}

	@Test
	void streamingResponseCarriesCorsHeaders() {
		withClient((client) -> {
			List<String> events = client.get()
				.uri("/api/public/events")
				.header(HttpHeaders.ORIGIN, SHOP)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
				.returnResult(String.class)
				.getResponseBody()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(events).containsExactly("tick-0", "tick-1", "tick-2");
		});
	}

	@Test
	void disallowedOriginIsRejectedBeforeSecurityAndHandler() {
		this.contextRunner.run((context) -> {
			AtomicInteger calls = context.getBean("handlerCalls", AtomicInteger.class);
			client(context).get()
				.uri("/api/secure/data")
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.headers((headers) -> headers.setBasicAuth("user", "password"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
			assertThat(calls).hasValue(0);
		});
	}

	@Test
	void requestWithoutOriginIsServedWithoutCorsHeaders() {
		withClient((client) -> client.method(HttpMethod.GET)
			.uri("/api/public/permissive")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept-Encoding, Origin")
			.expectBody(String.class)
			.isEqualTo("open"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class ApplicationConfiguration {

		@Bean
		AtomicInteger handlerCalls() {
			return new AtomicInteger();
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/api/secure/**").authenticated().anyExchange().permitAll())
				.httpBasic((basic) -> {
				})
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		org.springframework.security.core.userdetails.MapReactiveUserDetailsService users() {
			return new org.springframework.security.core.userdetails.MapReactiveUserDetailsService(
					org.springframework.security.core.userdetails.User.withUsername("user")
						.password("{noop}password")
						.roles("USER")
						.build());
		}

		@Bean
		RouterFunction<ServerResponse> routes(AtomicInteger handlerCalls) {
			return RouterFunctions.route().GET("/api/secure/data", (request) -> {
				handlerCalls.incrementAndGet();
				return ServerResponse.ok().bodyValue("secret");
			})
				.GET("/api/public/permissive",
						(request) -> ServerResponse.ok()
							.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
							.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, DELETE")
							.header(HttpHeaders.VARY, "Accept-Encoding")
							.bodyValue("open"))
				.GET("/api/public/boom", (request) -> Mono.error(new IllegalStateException("boom")))
				.GET("/api/public/missing",
						(request) -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "missing")))
				.GET("/api/public/events",
						(request) -> ServerResponse.ok()
							.contentType(MediaType.TEXT_EVENT_STREAM)
							.body(Flux.range(0, 3).map((i) -> ServerSentEvent.builder("tick-" + i).build()),
									ServerSentEvent.class))
				.build();
		}

	}

}
