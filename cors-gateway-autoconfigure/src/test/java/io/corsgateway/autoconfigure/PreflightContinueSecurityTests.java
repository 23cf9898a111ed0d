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

import io.corsgateway.policy.CorsPolicies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code preflight-continue: true} in an application with Spring Security: a
 * startup warning, the 401 it warns about, and the security configuration that avoids it.
 *
 * @author cors-gateway authors
 */
@ExtendWith(OutputCaptureExtension.class)
class PreflightContinueSecurityTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String WARNING = "CORS configuration: cors.services.api.preflight-continue = 'true': "
			+ "Spring Security's WebFilterChainProxy is present";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class))
		.withUserConfiguration(HandlerConfiguration.class)
		.withPropertyValues("cors.services.api.paths=/api/**", "cors.services.api.allowed-origins=" + SHOP,
				"cors.services.api.allowed-methods=GET,PUT");

	private final ReactiveWebApplicationContextRunner securedContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class));

	private static WebTestClient.ResponseSpec preflight(WebTestClient client) {
		return client.options()
			.uri("/api/data")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.exchange();
	}

	@Test
	void preflightContinueWithSpringSecurityLogsAWarning(CapturedOutput output) {
		this.securedContextRunner.withUserConfiguration(AuthenticateEverythingConfiguration.class)
			.withPropertyValues("cors.services.api.preflight-continue=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains(WARNING).contains("Permit preflights");
				// Kept with the policies' own warnings, which the actuator endpoint
				// lists.
				assertThat(context.getBean(CorsPolicies.class).getWarnings()).singleElement()
					.satisfies((warning) -> assertThat(warning.property())
						.isEqualTo("cors.services.api.preflight-continue"));
			});
	}

	@Test
	void preflightContinueWithoutSpringSecurityLogsNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cors.services.api.preflight-continue=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain(WARNING).doesNotContain("WebFilterChainProxy");
		});
	}

	@Test
	void springSecurityWithoutPreflightContinueLogsNoWarning(CapturedOutput output) {
		this.securedContextRunner.withUserConfiguration(AuthenticateEverythingConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain(WARNING).doesNotContain("WebFilterChainProxy");
		});
	}

	@Test
	void preflightThatContinuesIsAnsweredBySpringSecurityWith401() {
		this.securedContextRunner.withUserConfiguration(AuthenticateEverythingConfiguration.class)
			.withPropertyValues("cors.services.api.preflight-continue=true")
			.run((context) -> preflight(WebTestClient.bindToApplicationContext(context).build()).expectStatus()
				.isUnauthorized());
	}

	@Test
	void preflightThatContinuesPassesSpringSecurityWhenItPermitsPreflights() {
		// Past Spring Security, WebFlux's handler mapping answers the preflight (200).
		this.securedContextRunner.withUserConfiguration(PermitPreflightsConfiguration.class)
			.withPropertyValues("cors.services.api.preflight-continue=true")
			.run((context) -> preflight(WebTestClient.bindToApplicationContext(context).build()).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP));
	}

	@Test
	void optionsRequestThatIsNotAPreflightStillNeedsAuthenticationWhenSecurityPermitsPreflights() {
		this.securedContextRunner.withUserConfiguration(PermitPreflightsConfiguration.class)
			.withPropertyValues("cors.services.api.preflight-continue=true")
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.options()
				.uri("/api/data")
				.header(HttpHeaders.ORIGIN, SHOP)
				.exchange()
				.expectStatus()
				.isUnauthorized());
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().PUT("/api/data", (request) -> ServerResponse.ok().build()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class AuthenticateEverythingConfiguration {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated()).httpBasic((basic) -> {
			}).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class PermitPreflightsConfiguration {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			// Only CORS preflights (OPTIONS with Origin and
			// Access-Control-Request-Method)
			// are let through unauthenticated, not every OPTIONS request.
			ServerWebExchangeMatcher preflights = (exchange) -> CorsUtils.isPreFlightRequest(exchange.getRequest())
					? MatchResult.match() : MatchResult.notMatch();
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.matchers(preflights).permitAll().anyExchange().authenticated())
				.httpBasic((basic) -> {
				})
				.build();
		}

	}

}
