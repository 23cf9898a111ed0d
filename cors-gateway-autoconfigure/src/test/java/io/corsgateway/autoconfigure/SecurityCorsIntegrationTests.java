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

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for responses that other parts of a Spring application produce
 * outside the handler's own body write: Spring Security's CORS support left on next to
 * the starter, its empty 401 and 403 responses, and errors that Spring Boot's error
 * handler renders after a handler set CORS headers. Only the policy's headers may reach
 * the client (gh-7).
 *
 * @author cors-gateway authors
 */
class SecurityCorsIntegrationTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private static final List<String> CORS_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_MAX_AGE,
			HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class, CodecsAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
		.withUserConfiguration(SecurityWithCorsConfiguration.class)
		.withPropertyValues("cors.services.api.paths=/api/**", "cors.services.api.allowed-origins=" + SHOP,
				"cors.services.api.allow-credentials=true", "cors.services.api.reject-disallowed-origins=false");

	private void withClient(Consumer<WebTestClient> test) {
		this.contextRunner.run((context) -> test.accept(WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.baseUrl("https://api.example.com")
			.build()));
	}

	private static void assertNoCorsHeaders(HttpHeaders headers) {
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(headers.get(name)).as(name).isNull());
	}

	@Test
	void securityCorsHeadersForADisallowedOriginNeverReachAnUnauthorizedResponse() {
		withClient((client) -> {
			HttpHeaders headers = client.get()
				.uri("/api/secure/data")
				.header(HttpHeaders.ORIGIN, EVIL)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.returnResult(Void.class)
				.getResponseHeaders();
			assertNoCorsHeaders(headers);
			assertThat(headers.getVary()).contains("Origin");
		});
	}

	@Test
	void securityCorsRejectionOfAnAllowedOriginCarriesThePolicysHeaders() {
		withClient((client) -> {
			HttpHeaders headers = client.get()
				.uri("/api/public/data")
				.header(HttpHeaders.ORIGIN, SHOP)
				.exchange()
				.expectStatus()
				.isForbidden()
				.returnResult(Void.class)
				.getResponseHeaders();
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).containsExactly("true");
		});
	}

	@Test
	void corsHeadersAHandlerSetBeforeFailingNeverReachTheRenderedError() {
		withClient((client) -> {
			HttpHeaders headers = client.get()
				.uri("/api/public/leaky-failure")
				.header(HttpHeaders.ORIGIN, EVIL)
				.exchange()
				.expectStatus()
				.is5xxServerError()
				.returnResult(Void.class)
				.getResponseHeaders();
			assertNoCorsHeaders(headers);
		});
	}

	@Test
	void renderedErrorForAnAllowedOriginCarriesThePolicysOriginNotTheHandlers() {
		withClient((client) -> {
			HttpHeaders headers = client.get()
				.uri("/api/public/leaky-failure")
				.header(HttpHeaders.ORIGIN, SHOP)
				.exchange()
				.expectStatus()
				.is5xxServerError()
				.returnResult(Void.class)
				.getResponseHeaders();
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isNull();
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).isNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class SecurityWithCorsConfiguration {

		// Security's own CORS support, configured to trust the origin the starter's
		// policy
		// does not allow; on /api/public/data it does not know the one the policy allows.
		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
			source.registerCorsConfiguration("/api/public/data", trusting(EVIL));
			source.registerCorsConfiguration("/**", trusting(EVIL, SHOP));
			return http.cors((cors) -> cors.configurationSource(source))
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/secure/**")
					.authenticated()
					.anyExchange()
					.permitAll())
				.httpBasic((basic) -> {
				})
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		private static CorsConfiguration trusting(String... origins) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(List.of(origins));
			configuration.setAllowCredentials(true);
			configuration.addAllowedMethod("*");
			configuration.addExposedHeader("Set-Cookie");
			return configuration;
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("user").password("{noop}password").roles("USER").build());
		}

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET("/api/secure/data", (request) -> ServerResponse.ok().bodyValue("secret"))
				.GET("/api/public/data", (request) -> ServerResponse.ok().bodyValue("data"))
				.GET("/api/public/leaky-failure", SecurityWithCorsConfiguration::failAfterSettingCorsHeaders)
				.build();
		}

		// A handler that trusts the caller's origin, then fails: Boot's error handler
		// renders the error on the response outside every filter.
		private static Mono<ServerResponse> failAfterSettingCorsHeaders(ServerRequest request) {
			HttpHeaders headers = request.exchange().getResponse().getHeaders();
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, request.headers().firstHeader(HttpHeaders.ORIGIN));
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "DELETE");
			headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Set-Cookie");
			return Mono.error(new IllegalStateException("failed after setting CORS headers"));
		}

	}

}
