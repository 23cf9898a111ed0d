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
package io.corsgateway.policy;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.corsgateway.internal.routing.PathPatternIndex;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static io.corsgateway.policy.PolicyErrorAssertions.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link CorsPoliciesBuilder} refuses configuration that can never apply (a
 * service or route shadowed by an equivalent pattern, a route outside its service's
 * paths, a route without methods, ids that Spring Boot binds as one) and warns where it
 * cannot decide.
 *
 * @author cors-gateway authors
 */
class CorsPoliciesReachabilityTests {

	private static final String SHOP = "https://shop.example.com";

	private static CorsPoliciesBuilder twoServices(Consumer<ServiceSpec> first, Consumer<ServiceSpec> second) {
		return CorsPolicies.builder()
			.service("first", (service) -> first.accept(service.allowedOrigins(SHOP)))
			.service("second", (service) -> second.accept(service.allowedOrigins(SHOP)));
	}

	private static CorsPoliciesBuilder orders(Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder()
			.service("orders", (orders) -> customizer.accept(orders.paths("/orders/**").allowedOrigins(SHOP)));
	}

	private static String idOf(CorsPolicies policies, String host, String path, String method) {
		CorsPolicy policy = policies.find(host, PathContainer.parsePath(path), method);
		assertThat(policy).isNotNull();
		return policy.getId();
	}

	@Test
	void servicePatternThatOnlySpellsDoubleStarDifferentlyIsShadowed() {
		assertOnlyError(twoServices((first) -> first.paths("/orders/**"), (second) -> second.paths("/orders/{*rest}")),
				"cors.services.second.paths[0]", "/orders/{*rest}",
				"Service 'first' already has the path pattern '/orders/**', which matches the same paths, for every "
						+ "host of this service, and is chosen first, so this pattern can never select this service. Merge the services, or tell them apart with hosts.");
	}

	@Test
	void servicePatternThatOnlyNamesVariablesDifferentlyIsShadowed() {
		assertOnlyError(
				twoServices((first) -> first.paths("/orders/{id}/lines"),
						(second) -> second.paths("/catalog/**", "/orders/{orderId}/lines")),
				"cors.services.second.paths[1]", "/orders/{orderId}/lines",
				"Service 'first' already has the path pattern '/orders/{id}/lines'");
	}

	@Test
	void servicePatternThatDiffersOnlyInATrailingSlashIsAccepted() {
		CorsPolicies policies = twoServices((first) -> first.paths("/orders"), (second) -> second.paths("/orders/"))
			.build();
		assertThat(idOf(policies, "api.example.com", "/orders/", "GET")).isEqualTo("second");
	}

	@Test
	void equivalentServicePatternsOnOtherHostsAreAccepted() {
		CorsPolicies policies = twoServices((first) -> first.paths("/orders/**").hosts("a.example.com"),
				(second) -> second.paths("/orders/{*rest}").hosts("b.example.com"))
			.build();
		assertThat(idOf(policies, "b.example.com", "/orders/1", "GET")).isEqualTo("second");
	}

	@Test
	void laterServiceWithHostsIsNotShadowedByAnEarlierServiceForEveryHost() {
		CorsPolicies policies = twoServices((first) -> first.paths("/orders/**"),
				(second) -> second.paths("/orders/{*rest}").hosts("api.example.com"))
			.build();
		assertThat(idOf(policies, "api.example.com", "/orders/1", "GET")).isEqualTo("second");
		assertThat(idOf(policies, "www.example.com", "/orders/1", "GET")).isEqualTo("first");
	}

	@Test
	void laterServiceForEveryHostIsNotShadowedByAnEarlierServiceWithHosts() {
		CorsPolicies policies = twoServices((first) -> first.paths("/orders/**").hosts("api.example.com"),
				(second) -> second.paths("/orders/**"))
			.build();
		assertThat(idOf(policies, "www.example.com", "/orders/1", "GET")).isEqualTo("second");
	}

	@Test
	void serviceOnAHostCoveredByAnEarlierWildcardIsShadowed() {
		assertOnlyError(
				twoServices((first) -> first.paths("/orders/**").hosts("*.example.com"),
						(second) -> second.paths("/orders/**").hosts("api.example.com", "*.eu.example.com")),
				"cors.services.second.paths[0]", "/orders/**", "Service 'first' already has this path pattern");
	}

	@Test
	void serviceOnTheApexOfAnEarlierWildcardIsAccepted() {
		CorsPolicies policies = twoServices((first) -> first.paths("/orders/**").hosts("*.example.com"),
				(second) -> second.paths("/orders/**").hosts("example.com"))
			.build();
		assertThat(idOf(policies, "example.com", "/orders/1", "GET")).isEqualTo("second");
	}

	@Test
	void hostsThatDifferOnlyInCaseAreOneHost() {
		assertOnlyError(
				twoServices((first) -> first.paths("/orders/**").hosts("API.example.com"),
						(second) -> second.paths("/orders/**").hosts("api.example.com")),
				"cors.services.second.paths[0]", "/orders/**", "Service 'first' already has this path pattern");
	}

	@Test
	void hostWithATrailingDotIsNormalizedWithAWarning() {
		CorsPolicies policies = orders((orders) -> orders.hosts("api.example.com.")).build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors.services.orders.hosts[0]");
			assertThat(warning.value()).isEqualTo("api.example.com.");
			assertThat(warning.reason()).contains("The trailing dot was removed").endsWith("Write 'api.example.com'.");
		});
		assertThat(idOf(policies, "api.example.com", "/orders/1", "GET")).isEqualTo("orders");
	}

	@Test
	void hostsThatDifferOnlyInATrailingDotAreOneHost() {
		assertThat(errorsOf(twoServices((first) -> first.paths("/orders/**").hosts("api.example.com"),
				(second) -> second.paths("/orders/**").hosts("api.example.com."))))
			.extracting(PolicyError::property)
			.containsExactly("cors.services.second.paths[0]");
	}

	@Test
	void patternsThatDifferOnlyInCaseAreShadowedWithACaseInsensitiveParser() {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		assertOnlyError(
				twoServices((first) -> first.paths("/Orders/**"), (second) -> second.paths("/orders/**"))
					.pathPatternParser(parser),
				"cors.services.second.paths[0]", "/orders/**",
				"Service 'first' already has the path pattern '/Orders/**'");
	}

	@Test
	void patternsThatTheRouteIndexFoldsAlikeAreShadowedWithACaseInsensitiveParser() {
		// The long s (U+017F) upper-cases to 'S': the index, like Spring's patterns,
		// reads
		// '/\u017ftore' and '/store' as one path, so the second service is never chosen.
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		assertOnlyError(
				twoServices((first) -> first.paths("/\u017ftore/**"), (second) -> second.paths("/store/**"))
					.pathPatternParser(parser),
				"cors.services.second.paths[0]", "/store/**", "Service 'first' already has the path pattern");
		assertThat(PathPatternIndex.foldCase("\u017ftore")).isEqualTo(PathPatternIndex.foldCase("store"));
	}

	@Test
	void patternsThatDifferOnlyInCaseAreAcceptedWithTheDefaultParser() {
		CorsPolicies policies = twoServices((first) -> first.paths("/Orders/**"),
				(second) -> second.paths("/orders/**"))
			.build();
		assertThat(idOf(policies, "api.example.com", "/orders/1", "GET")).isEqualTo("second");
	}

	@Test
	void routePatternThatOnlyNamesVariablesDifferentlyIsShadowed() {
		assertOnlyError(
				orders((orders) -> orders
					.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds").methods("POST"))
					.route("returns", (returns) -> returns.paths("/orders/{orderId}/refunds").methods("POST"))),
				"cors.services.orders.routes.returns.paths[0]", "/orders/{orderId}/refunds",
				"Route 'refunds' of service 'orders' already has the path pattern '/orders/{id}/refunds', which "
						+ "matches the same paths, for every method of this route");
	}

	@Test
	void routeWhoseMethodsAnEarlierRouteAlreadyCoversIsShadowed() {
		assertOnlyError(
				orders((orders) -> orders
					.route("writes", (writes) -> writes.paths("/orders/{id}").methods("POST", "PUT"))
					.route("updates", (updates) -> updates.paths("/orders/{id}").methods("PUT"))),
				"cors.services.orders.routes.updates.paths[0]", "/orders/{id}",
				"Route 'writes' of service 'orders' already has this path pattern");
	}

	@Test
	void headRouteBehindAGetRouteIsShadowed() {
		assertOnlyError(
				orders((orders) -> orders.route("reads", (reads) -> reads.paths("/orders/{id}").methods("GET"))
					.route("heads", (heads) -> heads.paths("/orders/{id}").methods("head"))),
				"cors.services.orders.routes.heads.paths[0]", "/orders/{id}",
				"Route 'reads' of service 'orders' already has this path pattern");
	}

	@Test
	void routeWithOtherMethodsOnAnEquivalentPatternIsAccepted() {
		CorsPolicies policies = orders(
				(orders) -> orders.route("writes", (writes) -> writes.paths("/orders/{id}").methods("POST", "PUT"))
					.route("deletes", (deletes) -> deletes.paths("/orders/{orderId}").methods("PUT", "DELETE")))
			.build();
		assertThat(idOf(policies, "api.example.com", "/orders/1", "DELETE")).isEqualTo("orders.deletes");
	}

	@Test
	void laterRouteWithMethodsIsNotShadowedByAnEarlierRouteForEveryMethod() {
		CorsPolicies policies = orders((orders) -> orders.route("all", (all) -> all.paths("/orders/{id}"))
			.route("posts", (posts) -> posts.paths("/orders/{id}").methods("POST"))).build();
		assertThat(idOf(policies, "api.example.com", "/orders/1", "POST")).isEqualTo("orders.posts");
		assertThat(idOf(policies, "api.example.com", "/orders/1", "GET")).isEqualTo("orders.all");
	}

	@Test
	void routeWithAnEmptyMethodsListFailsStartup() {
		assertOnlyError(
				orders((orders) -> orders.route("refunds",
						(refunds) -> refunds.paths("/orders/{id}/refunds").methods(List.of()))),
				"cors.services.orders.routes.refunds.methods", List.of(),
				"An empty methods list matches no request, so this route can never be chosen. Remove methods to "
						+ "match every method");
	}

	@Test
	void routeWithoutMethodsMatchesEveryMethod() {
		CorsPolicies policies = orders((orders) -> orders.route("refunds",
				(refunds) -> refunds.paths("/orders/{id}/refunds").methods().methods((List<String>) null)))
			.build();
		assertThat(idOf(policies, "api.example.com", "/orders/1/refunds", "PATCH")).isEqualTo("orders.refunds");
	}

	@Test
	void routePatternOutsideItsServicePathsFailsStartup() {
		assertOnlyError(orders((orders) -> orders.route("customer", (customer) -> customer.paths("/customers/{id}"))),
				"cors.services.orders.routes.customer.paths[0]", "/customers/{id}",
				"This route pattern matches no path that the paths of service 'orders' [/orders/**] match. A route "
						+ "is only looked at for requests that selected its service, so this route can never apply.");
	}

	@Test
	void routePatternLongerThanItsServiceFixedPatternFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("order",
					(order) -> order.paths("/orders/{id}")
						.allowedOrigins(SHOP)
						.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds")));
		assertOnlyError(builder, "cors.services.order.routes.refunds.paths[0]", "/orders/{id}/refunds",
				"This route pattern matches no path");
	}

	@Test
	void routePatternThatMatchesSomePathOfAnyServicePatternIsAccepted() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/{id}", "/events/**")
						.allowedOrigins(SHOP)
						.route("wide", (wide) -> wide.paths("/orders/**").methods("POST"))
						.route("stream", (stream) -> stream.paths("/**/stream").methods("GET")))
			.build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(idOf(policies, "api.example.com", "/orders/1", "POST")).isEqualTo("orders.wide");
		assertThat(idOf(policies, "api.example.com", "/events/a/stream", "GET")).isEqualTo("orders.stream");
	}

	@Test
	void routePatternThatCannotBeComparedWithItsServiceIsAcceptedWithAWarning() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("orders",
					(orders) -> orders.paths("/orders/{id:[0-9]+}")
						.allowedOrigins(SHOP)
						.route("named", (named) -> named.paths("/orders/{name:[a-z]+}")))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors.services.orders.routes.named.paths[0]");
			assertThat(warning.reason()).startsWith("cors-gateway cannot tell whether this route pattern matches any "
					+ "path that the paths of service 'orders' [/orders/{id:[0-9]+}] match.");
		});
	}

	@Test
	void serviceIdsThatDifferOnlyInCaseFailStartupNamingBoth() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("orderApi", (orderApi) -> orderApi.paths("/orders/**").allowedOrigins(SHOP))
					.service("orderapi", (orderapi) -> orderapi.paths("/orders/**").allowedOrigins(SHOP)),
				"cors.services.orderapi", "orderapi",
				"The service ids 'orderApi' and 'orderapi' differ only in case or '-', which Spring Boot's relaxed "
						+ "binding takes for one name: an environment variable such as "
						+ "CORS_SERVICES_ORDERAPI_ALLOWEDORIGINS binds to the id 'orderapi'");
	}

	@Test
	void serviceIdsThatDifferOnlyInADashFailStartup() {
		assertOnlyError(
				CorsPolicies.builder()
					.service("order-api", (orderApi) -> orderApi.paths("/orders/**").allowedOrigins(SHOP))
					.service("orderapi", (orderapi) -> orderapi.paths("/catalog/**").allowedOrigins(SHOP)),
				"cors.services.orderapi", "orderapi", "The service ids 'order-api' and 'orderapi' differ only in case");
	}

	@Test
	void routeIdsThatDifferOnlyInCaseFailStartupNamingBoth() {
		assertOnlyError(
				orders((orders) -> orders.route("Refunds", (refunds) -> refunds.paths("/orders/{id}/refunds"))
					.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds").methods("POST"))),
				"cors.services.orders.routes.refunds", "refunds",
				"The route ids 'Refunds' and 'refunds' of service 'orders' differ only in case or '-'");
	}

}
