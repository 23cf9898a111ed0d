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
package io.corsgateway.docs;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.corsgateway.autoconfigure.CorsGatewayAutoConfiguration;
import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsHeader;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the examples in {@code src/main/java} do what the guides say they do.
 *
 * @author cors-gateway authors
 */
class ExamplesTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorsGatewayAutoConfiguration.class));

	private static CorsPolicy find(CorsPolicies policies, String path, String method) {
		return policies.find("api.example.com", PathContainer.parsePath(path), method);
	}

	@Test
	void builderExampleBuildsValidPoliciesWithoutWarnings() {
		CorsPolicies policies = new JavaPoliciesConfiguration().corsPolicies();
		assertThat(policies.getWarnings()).isEmpty();
		CorsPolicy orders = find(policies, "/orders/7", "PUT");
		assertThat(orders.getId()).isEqualTo("orders");
		assertThat(orders.allowsOrigin("https://eu.shop.example.com")).isTrue();
		assertThat(orders.allowsOrigin("https://shop.example.com")).isTrue();
		assertThat(orders.allowsMethod("DELETE")).isTrue();
		assertThat(orders.isAllowCredentials()).isTrue();
		assertThat(orders.getMaxAge()).isEqualTo(Duration.ofSeconds(600));
		CorsPolicy refunds = find(policies, "/orders/7/refunds", "POST");
		assertThat(refunds.getId()).isEqualTo("orders.refunds");
		assertThat(refunds.allowsOrigin("https://admin.shop.example.com")).isTrue();
		assertThat(refunds.allowsOrigin("https://shop.example.com")).isFalse();
		assertThat(refunds.isAllowCredentials()).isTrue();
		assertThat(find(policies, "/orders/7/refunds", "GET").getId()).isEqualTo("orders");
		CorsPolicy catalog = find(policies, "/catalog/items", "GET");
		HttpHeaders fromAnyone = new HttpHeaders();
		fromAnyone.setOrigin("https://anyone.example");
		CorsDecision decision = policies
			.evaluate(CorsRequest.of("GET", URI.create("https://api.example.com/catalog/items"), fromAnyone));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo("*");
		assertThat(catalog.getMaxAge()).isEqualTo(Duration.ofSeconds(600));
		assertThat(find(policies, "/elsewhere", "GET")).isNull();
	}

	@Test
	void decisionExampleTellsWhyAPreflightIsAllowedOrRejected() {
		DecisionExample example = new DecisionExample(new JavaPoliciesConfiguration().corsPolicies());
		CorsDecision allowed = example.preflight("https://api.example.com/orders/7", "https://shop.example.com",
				"DELETE");
		assertThat(allowed.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(allowed.getReason()).isEqualTo(DecisionReason.ORIGIN_ALLOWED);
		assertThat(allowed.getServiceId()).isEqualTo("orders");
		assertThat(allowed.getHeaderValue(CorsHeader.ALLOW_METHODS)).isEqualTo("DELETE");
		CorsDecision refused = example.preflight("https://api.example.com/orders/7/refunds", "https://shop.example.com",
				"POST");
		assertThat(refused.getKind()).isEqualTo(DecisionKind.PREFLIGHT_REJECTED);
		assertThat(refused.getReason()).isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
		assertThat(refused.getRouteId()).isEqualTo("refunds");
		assertThat(refused.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isNull();
	}

	@Test
	void builderExampleMakesTheAutoConfiguredPoliciesBackOff() {
		this.contextRunner.withUserConfiguration(JavaPoliciesConfiguration.class)
			.withPropertyValues("cors.services.other.paths=/other/**",
					"cors.services.other.allowed-origins=https://other.example")
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsPolicies.class);
				CorsPolicies policies = context.getBean(CorsPolicies.class);
				assertThat(find(policies, "/other/1", "GET")).isNull();
				assertThat(context.getBean(CorsGatewayWebFilter.class).getPolicies()).isSameAs(policies);
			});
	}

	@Test
	void customizerExampleAddsRuntimeOriginsToTheConfiguredOnes() {
		this.contextRunner.withUserConfiguration(PreviewOriginsConfiguration.class)
			.withBean(PreviewDeployments.class, () -> () -> List.of("https://pr-42.preview.shop.example"))
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://shop.example")
			.run((context) -> {
				CorsPolicy orders = find(context.getBean(CorsPolicies.class), "/orders/1", "GET");
				assertThat(orders.allowsOrigin("https://shop.example")).isTrue();
				assertThat(orders.allowsOrigin("https://pr-42.preview.shop.example")).isTrue();
			});
	}

	@Test
	void customizerThatAddsAnInvalidOriginFailsStartup() {
		this.contextRunner.withUserConfiguration(PreviewOriginsConfiguration.class)
			.withBean(PreviewDeployments.class, () -> () -> List.of("https://pr-42.preview.shop.example/"))
			.withPropertyValues("cors.services.orders.paths=/orders/**",
					"cors.services.orders.allowed-origins=https://shop.example")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidCorsPolicyException.class)
				.hasMessageContaining("cors.services.orders.allowed-origins[1]"));
	}

	@Test
	void filterExampleReplacesTheAutoConfiguredFilterAndIgnoresTheOrderProperty() {
		this.contextRunner.withUserConfiguration(FilterOrderConfiguration.class)
			.withPropertyValues("cors.filter-order=42")
			.run((context) -> {
				assertThat(context).hasSingleBean(CorsGatewayWebFilter.class);
				CorsGatewayWebFilter filter = context.getBean(CorsGatewayWebFilter.class);
				assertThat(filter.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
				assertThat(filter.getPolicies()).isSameAs(context.getBean(CorsPolicies.class));
			});
	}

	@Test
	void plainExampleAnswersPreflightsWithoutSpringBoot() {
		AtomicInteger handlerCalls = new AtomicInteger();
		PlainWebFluxExample example = new PlainWebFluxExample((exchange) -> {
			handlerCalls.incrementAndGet();
			return Mono.empty();
		});
		MockServerHttpResponse allowed = preflight(example, "https://app.example.com");
		assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(allowed.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.isEqualTo("https://app.example.com");
		assertThat(preflight(example, "https://beta.example.com").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handlerCalls).hasValue(0);
	}

	@Test
	void plainExampleSwapsPoliciesAndKeepsThemWhenTheNewOnesAreInvalid() {
		PlainWebFluxExample example = new PlainWebFluxExample((exchange) -> Mono.empty());
		example.allowOrigins(List.of("https://beta.example.com"));
		assertThat(preflight(example, "https://beta.example.com").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(preflight(example, "https://app.example.com").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThatExceptionOfType(InvalidCorsPolicyException.class)
			.isThrownBy(() -> example.allowOrigins(List.of("beta.example.com")));
		assertThat(preflight(example, "https://beta.example.com").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private static MockServerHttpResponse preflight(PlainWebFluxExample example, String origin) {
		MockServerHttpRequest request = MockServerHttpRequest.options("https://api.example.com/api/items")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.build();
		MockServerHttpResponse response = new MockServerHttpResponse();
		example.getHttpHandler().handle(request, response).block(Duration.ofSeconds(5));
		return response;
	}

	@Test
	void reloadExampleSwapsValidPoliciesAndKeepsThePoliciesInForceOtherwise() {
		CorsPolicies initial = CorsPolicies.builder().build();
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(initial);
		AtomicInteger builds = new AtomicInteger();
		CorsPolicyReloader reloader = new CorsPolicyReloader(filter, () -> (builds.incrementAndGet() == 1)
				? CorsPolicies.builder().service("api", (api) -> api.paths("/api/**")).build()
				: CorsPolicies.builder().defaults((defaults) -> defaults.allowedOrigins("not an origin")).build());
		ReloadExample example = new ReloadExample(reloader);
		assertThat(example.partnersChanged()).isTrue();
		CorsPolicies reloaded = filter.getPolicies();
		assertThat(reloaded).isNotSameAs(initial);
		assertThat(example.partnersChanged()).isFalse();
		assertThat(filter.getPolicies()).isSameAs(reloaded);
		assertThat(reloader.getStatus().lastFailure().trigger()).isEqualTo("partner list changed");
	}

}
