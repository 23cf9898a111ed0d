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

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the startup validation of {@link CorsPoliciesBuilder}: every refused setting
 * is reported with its full property path, the offending value and a reason, and every
 * normalized setting with a warning (gh-3).
 *
 * @author cors-gateway authors
 */
class CorsPoliciesValidationTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String ROUTE_ORIGINS = "cors.services.orders.routes.refunds.allowed-origins";

	private static void assertOnlyWarning(CorsPolicies policies, String property, @Nullable Object value,
			String reason) {
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo(property);
			assertThat(warning.value()).isEqualTo(value);
			assertThat(warning.reason()).contains(reason);
		});
	}

	private static CorsPoliciesBuilder orders(Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder().service("orders", (orders) -> customizer.accept(orders.paths("/orders/**")));
	}

	private static CorsPoliciesBuilder refunds(Consumer<RouteSpec> customizer) {
		return orders((orders) -> orders.allowedOrigins(SHOP)
			.route("refunds", (refunds) -> customizer.accept(refunds.paths("/orders/{id}/refunds").methods("POST"))));
	}

	private static CorsPolicy ordersPolicy(CorsPolicies policies) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	static Stream<Arguments> malformedOrigins() {
		return Stream.of(Arguments.of("", "cannot be empty"), Arguments.of("   ", "cannot be empty"),
				Arguments.of("shop.example.com", "must start with a scheme"),
				Arguments.of("//shop.example.com", "must start with a scheme"),
				Arguments.of("ftp://shop.example.com", "The scheme 'ftp' is not supported"),
				Arguments.of("chrome-extension://abcdef", "The scheme 'chrome-extension' is not supported"),
				Arguments.of("https://shop.example.com/app", "without a path"),
				Arguments.of("https://shop.example.com?x=1", "without a path, query"),
				Arguments.of("https://shop.example.com#top", "without a path, query, fragment"),
				Arguments.of("https://shop.example.com/", "trailing slash. Write 'https://shop.example.com'"),
				Arguments.of("https://user:secret@shop.example.com", "cannot contain user information"),
				Arguments.of("https://", "host is empty or malformed"),
				Arguments.of("https://:8443", "host is empty or malformed"),
				Arguments.of("https://shop..example.com", "host is empty or malformed"),
				Arguments.of("https://shop.example.com.", "host is empty or malformed"),
				Arguments.of("https://shop.example.com:65536", "is not a number from 1 to 65535"),
				Arguments.of("https://shop.example.com:0", "is not a number from 1 to 65535"),
				Arguments.of("https://shop.example.com:08443", "without leading zeros"),
				Arguments.of("https://shop.example.com:", "is not a number from 1 to 65535"),
				Arguments.of("https://shop .example.com", "cannot contain whitespace"),
				Arguments.of(" https://shop.example.com", "cannot contain whitespace"),
				Arguments.of("https://shöp.example.com", "punycode"),
				Arguments.of("https://shop*.example.com", "A wildcard is allowed only as the whole first label"));
	}

	@ParameterizedTest(name = "[{index}] ''{0}''")
	@MethodSource("malformedOrigins")
	void originThatIsNotASerializedOriginFailsStartup(String origin, String reason) {
		assertOnlyError(refunds((refunds) -> refunds.allowedOrigins(SHOP, origin)), ROUTE_ORIGINS + "[1]", origin,
				reason);
	}

	@Test
	void defaultPortIsRemovedWithAWarningAndTheOriginStillMatches() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("https://shop.example.com:443")).build();
		assertOnlyWarning(policies, "cors.services.orders.allowed-origins[0]", "https://shop.example.com:443",
				"The default port :443 was removed");
		assertThat(ordersPolicy(policies).allowsOrigin(SHOP)).isTrue();
		assertThat(ordersPolicy(policies).allowsOrigin("https://shop.example.com:443")).isFalse();
	}

	@Test
	void upperCaseHostIsLoweredWithAWarningAndMatchesTheBrowserOrigin() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("https://Shop.EXAMPLE.com")).build();
		assertOnlyWarning(policies, "cors.services.orders.allowed-origins[0]", "https://Shop.EXAMPLE.com",
				"Upper-case letters were lowered");
		assertThat(ordersPolicy(policies).allowsOrigin(SHOP)).isTrue();
		assertThat(ordersPolicy(policies).allowsOrigin("https://Shop.EXAMPLE.com")).isFalse();
	}

	@Test
	void upperCaseSchemeIsLoweredWithAWarningAndMatchesTheBrowserOrigin() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("HTTPS://shop.example.com")).build();
		assertOnlyWarning(policies, "cors.services.orders.allowed-origins[0]", "HTTPS://shop.example.com",
				"The scheme was lowered to 'https'");
		assertThat(ordersPolicy(policies).allowsOrigin(SHOP)).isTrue();
	}

	static Stream<Arguments> wildcardFields() {
		// A credentialed '*' in allowed-methods or allowed-headers is answered by naming
		// what
		// was asked: CredentialedWildcardTests.
		return Stream.of(wildcardField("allowed-origins", (spec) -> spec.allowedOrigins(SHOP, "*")),
				wildcardField("exposed-headers", (spec) -> spec.exposedHeaders("ETag", "*")));
	}

	private static Arguments wildcardField(String field, Consumer<PolicySpec<?>> setter) {
		return Arguments.of(field, setter);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wildcardFields")
	void wildcardWithCredentialsFailsStartup(String field, Consumer<PolicySpec<?>> setter) {
		CorsPoliciesBuilder builder = orders((orders) -> {
			orders.allowedOrigins(SHOP).allowCredentials(true);
			setter.accept(orders);
		});
		assertOnlyError(builder, "cors.services.orders." + field + "[1]", "*",
				"cannot be combined with allow-credentials: true (set by cors.services.orders.allow-credentials)");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wildcardFields")
	void wildcardInheritedFromDefaultsWithCredentialsOnTheServiceNamesTheDefaultsProperty(String field,
			Consumer<PolicySpec<?>> setter) {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> setter.accept(defaults.allowedOrigins(SHOP)))
			.service("orders", (orders) -> orders.paths("/orders/**").allowCredentials(true));
		assertOnlyError(builder, "cors.defaults." + field + "[1]", "*",
				"(set by cors.services.orders.allow-credentials)");
	}

	@Test
	void wildcardOriginWithoutCredentialsIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("*")).build();
		assertThat(ordersPolicy(policies).allowOriginValue(SHOP)).isEqualTo("*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*.com", "https://*.co.uk", "https://*.github.io", "https://*.io",
			"http://*.herokuapp.com" })
	void subdomainWildcardOverAPublicSuffixFailsStartup(String origin) {
		String suffix = origin.substring(origin.indexOf("*.") + 2);
		assertOnlyError(orders((orders) -> orders.allowedOrigins(origin)), "cors.services.orders.allowed-origins[0]",
				origin, "would allow every site registered under the public suffix '" + suffix + "'");
	}

	@Test
	void subdomainWildcardOverAnIpAddressFailsStartup() {
		assertOnlyError(orders((orders) -> orders.allowedOrigins("https://*.10.0.0.1")),
				"cors.services.orders.allowed-origins[0]", "https://*.10.0.0.1", "needs a domain name");
	}

	@Test
	void subdomainWildcardOverARegistrableDomainIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("https://*.example.com")).build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(ordersPolicy(policies).allowsOrigin("https://eu.shop.example.com")).isTrue();
		assertThat(ordersPolicy(policies).allowsOrigin("https://example.com")).isFalse();
	}

	static Stream<Arguments> invalidPatterns() {
		return Stream.of(Arguments.of("", "cannot be empty"), Arguments.of(" ", "cannot be empty"),
				Arguments.of("https://(shop", "does not compile"),
				Arguments.of("https://(?=shop)\\.example\\.com", "does not compile"),
				Arguments.of("https://.*.example.com",
						"The '.' at index 10 is unescaped, so it matches any character: 'https://.*Xexample.com'"),
				Arguments.of("https://[a-z]+.example.com", "The '.' at index 14 is unescaped"),
				Arguments.of("https://[a-z]+\\.example.com", "The '.' at index 23 is unescaped"),
				Arguments.of("https://app.(eu|us)\\.example\\.com", "The '.' at index 11 is unescaped"));
	}

	@ParameterizedTest(name = "[{index}] ''{0}''")
	@MethodSource("invalidPatterns")
	void originPatternThatIsEmptyUncompilableOrHasAnUnescapedDotFailsStartup(String pattern, String reason) {
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns("https://[a-z]+\\.example\\.com", pattern)),
				"cors.services.orders.allowed-origin-patterns[1]", pattern, reason);
	}

	@Test
	void originPatternWithEscapedDotsIsAcceptedAndMatchesWholeOriginsOnly() {
		CorsPolicy policy = ordersPolicy(
				orders((orders) -> orders.allowedOriginPatterns("https://[a-z]+\\.example\\.com")).build());
		assertThat(policy.allowsOrigin("https://app.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://appXexample.com")).isFalse();
		assertThat(policy.allowsOrigin("https://app.example.com.evil.net")).isFalse();
	}

	@Test
	void originPatternWithAQuantifiedDotOrAQuotedDotIsAccepted() {
		CorsPolicy policy = ordersPolicy(orders((orders) -> orders.allowedOriginPatterns("https://.+\\.example\\.com",
				"https://\\Qshop.example.net\\E"))
			.build());
		assertThat(policy.allowsOrigin("https://eu.app.example.com")).isTrue();
		assertThat(policy.allowsOrigin("https://shop.example.net")).isTrue();
		assertThat(policy.allowsOrigin("https://shopXexample.net")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".*", "https://.*", "https?://.+", "https://[a-z.]+", "https://[^/]+", "http://.+" })
	void originPatternThatMatchesAnySiteWithCredentialsFailsStartup(String pattern) {
		assertOnlyError(
				orders((orders) -> orders.allowedOriginPatterns("https://[a-z]+\\.example\\.com", pattern)
					.allowCredentials(true)),
				"cors.services.orders.allowed-origin-patterns[1]", pattern,
				"allow-credentials: true (set by cors.services.orders.allow-credentials)");
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns(pattern).allowCredentials(true)),
				"cors.services.orders.allowed-origin-patterns[0]", pattern, "https://[a-z0-9-]+\\.example\\.com");
	}

	@Test
	void originPatternThatMatchesAnySiteInheritedFromDefaultsNamesTheDefaultsProperty() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOriginPatterns("https://.+"))
			.service("orders", (orders) -> orders.paths("/orders/**").allowCredentials(true));
		assertOnlyError(builder, "cors.defaults.allowed-origin-patterns[0]", "https://.+",
				"so it can match hosts of sites you do not own. With allow-credentials: true (set by "
						+ "cors.services.orders.allow-credentials)");
	}

	@Test
	void originPatternThatMatchesAnySiteWithoutCredentialsIsAccepted() {
		CorsPolicy policy = ordersPolicy(orders((orders) -> orders.allowedOriginPatterns("https://.+")).build());
		assertThat(policy.allowsOrigin("https://anything.example")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://shop.example.com", "http://*.example.com", "http://shop.example.com:*",
			"http://10.0.0.1:8080", "http://127.attacker.example", "http://localhost.attacker.example" })
	void plainHttpOriginWithCredentialsFailsStartup(String origin) {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP, origin).allowCredentials(true)),
				"cors.services.orders.allowed-origins[1]", origin,
				"A plain http:// origin cannot be combined with allow-credentials: true (set by "
						+ "cors.services.orders.allow-credentials)");
	}

	@Test
	void plainHttpOriginInheritedFromDefaultsWithCredentialsOnARouteNamesTheDefaultsProperty() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins("http://shop.example.com"))
			.service("orders", (orders) -> orders.paths("/orders/**")
				.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds").allowCredentials(true)));
		assertOnlyError(builder, "cors.defaults.allowed-origins[0]", "http://shop.example.com",
				"(set by cors.services.orders.routes.refunds.allow-credentials)");
	}

	@Test
	void plainHttpOriginWithCredentialsIsAcceptedWhenInsecureOriginsAreAllowed() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("http://shop.example.com")
			.allowCredentials(true)
			.allowInsecureOrigins(true)).build();
		assertThat(ordersPolicy(policies).allowsOrigin("http://shop.example.com")).isTrue();
	}

	@Test
	void plainHttpOriginWithoutCredentialsIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("http://shop.example.com")).build();
		assertThat(ordersPolicy(policies).allowsOrigin("http://shop.example.com")).isTrue();
	}

	@Test
	void loopbackHttpOriginsWithCredentialsAreAccepted() {
		CorsPolicies policies = orders((orders) -> orders
			.allowedOrigins("http://localhost:3000", "http://127.0.0.1:*", "http://[::1]:8080", "http://app.localhost")
			.allowCredentials(true)).build();
		CorsPolicy policy = ordersPolicy(policies);
		assertThat(policy.allowsOrigin("http://localhost:3000")).isTrue();
		assertThat(policy.allowsOrigin("http://127.0.0.1:5173")).isTrue();
		assertThat(policy.allowsOrigin("http://[::1]:8080")).isTrue();
		assertThat(policy.allowsOrigin("http://app.localhost")).isTrue();
		assertThat(policy.allowsOrigin("http://localhost:3001")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET POST", "GET,POST", "", "GÉT", "PUT\r\n", "{GET}" })
	void methodThatIsNotATokenFailsStartup(String method) {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).allowedMethods("GET", method)),
				"cors.services.orders.allowed-methods[1]", method, "A method must be an RFC 9110 token");
	}

	@Test
	void routeMethodThatIsNotATokenFailsStartup() {
		assertOnlyError(refunds((refunds) -> refunds.methods("POST", "PUT DELETE")),
				"cors.services.orders.routes.refunds.methods[1]", "PUT DELETE", "A method must be an RFC 9110 token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "TRACE", "TRACK", "trace" })
	void methodBrowsersNeverSendCrossOriginFailsStartup(String method) {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).allowedMethods("GET", method)),
				"cors.services.orders.allowed-methods[1]", method, "Browsers never send");
	}

	@Test
	void lowerCaseStandardMethodIsAcceptedWithAWarning() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(SHOP).allowedMethods("GET", "patch")).build();
		assertOnlyWarning(policies, "cors.services.orders.allowed-methods[1]", "patch",
				"Methods are case-sensitive and browsers send 'PATCH'");
	}

	@Test
	void lowerCaseRouteMethodIsAcceptedWithoutAWarning() { // gh-7: routes match ignoring
															// case
		CorsPolicies policies = refunds((refunds) -> refunds.methods("post")).build();
		assertThat(policies.getWarnings()).isEmpty();
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath("/orders/1/refunds"), "POST");
		assertThat(policy).isNotNull();
		assertThat(policy.getId()).isEqualTo("orders.refunds");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X Request Id", "X-Request-Id:", "Content-Type,Accept", "", "X-Ünicode", "X-A\nX-B" })
	void allowedHeaderNameThatIsNotATokenFailsStartup(String header) {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).allowedHeaders("Content-Type", header)),
				"cors.services.orders.allowed-headers[1]", header, "A header name must be an RFC 9110 token");
	}

	@Test
	void exposedHeaderNameThatIsNotATokenFailsStartup() {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).exposedHeaders("ETag", "X-Total Count")),
				"cors.services.orders.exposed-headers[1]", "X-Total Count", "A header name must be an RFC 9110 token");
	}

	@Test
	void maxAgeBelowMinusOneSecondFailsStartup() {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).maxAge(Duration.ofSeconds(-2))),
				"cors.services.orders.max-age", "-2s", "max-age cannot be below -1 seconds");
	}

	@Test
	void maxAgeOfMinusOneSecondIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(SHOP).maxAge(Duration.ofSeconds(-1))).build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(ordersPolicy(policies).getMaxAge()).isEqualTo(Duration.ofSeconds(-1));
		// -1 disables caching: browsers are sent 0.
		assertThat(ordersPolicy(policies).answers().preflightValue(CorsHeader.MAX_AGE)).isEqualTo("0");
	}

	@Test
	void maxAgeAboveOneDayIsAcceptedWithAWarning() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(SHOP).maxAge(Duration.ofSeconds(86401)))
			.build();
		assertOnlyWarning(policies, "cors.services.orders.max-age", "86401s",
				"Browsers cap how long they cache a preflight answer, and some cap it below 86401 s");
	}

	@Test
	void serviceWithoutPathsFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder().service("orders", (orders) -> orders.allowedOrigins(SHOP));
		assertOnlyError(builder, "cors.services.orders.paths", null, "At least one path pattern is required");
	}

	@Test
	void routeWithoutPathsFailsStartup() {
		CorsPoliciesBuilder builder = orders((orders) -> orders.allowedOrigins(SHOP).route("refunds", (refunds) -> {
		}));
		assertOnlyError(builder, "cors.services.orders.routes.refunds.paths", null,
				"At least one path pattern is required");
	}

	@Test
	void pathPatternThatDoesNotParseFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**", "/orders/{id").allowedOrigins(SHOP));
		assertOnlyError(builder, "cors.services.orders.paths[1]", "/orders/{id", "The path pattern does not parse");
	}

	@Test
	void pathPatternWithoutLeadingSlashFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("orders/**").allowedOrigins(SHOP));
		assertOnlyError(builder, "cors.services.orders.paths[0]", "orders/**", "must start with '/'");
	}

	@Test
	void twoRoutesWithTheSamePatternAndMethodsFailStartup() {
		CorsPoliciesBuilder builder = orders((orders) -> orders.allowedOrigins(SHOP)
			.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds").methods("POST", "PUT"))
			.route("returns", (returns) -> returns.paths("/orders/{id}/refunds").methods("PUT", "POST")));
		assertOnlyError(builder, "cors.services.orders.routes.returns.paths[0]", "/orders/{id}/refunds",
				"Route 'refunds' of service 'orders' already has this path pattern for every method of this route");
	}

	@Test
	void twoRoutesWithTheSamePatternAndDifferentMethodsAreAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(SHOP)
			.route("refunds", (refunds) -> refunds.paths("/orders/{id}/refunds").methods("POST"))
			.route("reads", (reads) -> reads.paths("/orders/{id}/refunds").methods("GET"))).build();
		assertThat(policies.find("api.example.com", PathContainer.parsePath("/orders/1/refunds"), "GET"))
			.extracting(CorsPolicy::getId)
			.isEqualTo("orders.reads");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.example.com", "api.example.com:8443", "api.example.com/orders", "*",
			"api.*.example.com", "api..example.com", "" })
	void hostsEntryThatIsNotAHostPatternFailsStartup(String host) {
		CorsPoliciesBuilder builder = orders((orders) -> orders.allowedOrigins(SHOP).hosts("api.example.com", host));
		assertOnlyError(builder, "cors.services.orders.hosts[1]", host, "A host must be a domain name");
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 201, 302, 403, 500 })
	void preflightStatusOtherThan200Or204FailsStartup(int status) {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP).preflightStatus(status)),
				"cors.services.orders.preflight-status", status, "answered with 200 or 204");
	}

	@Test
	void invalidIdFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("orders/v1", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP));
		assertOnlyError(builder, "cors.services.orders/v1", "orders/v1", "An id may contain only letters");
	}

	@Test
	void everyErrorIsReportedAtOnce() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedHeaders("*").maxAge(Duration.ofSeconds(-5)))
			.service("orders",
					(orders) -> orders.paths("/orders/**")
						.hosts("https://api.example.com")
						.allowedOrigins("https://shop.example.com/", "http://shop.example.com", "https://*.co.uk")
						.allowedOriginPatterns("https://[a-z]+.example.com")
						.allowedMethods("GET", "TRACE")
						.allowCredentials(true)
						.preflightStatus(302)
						.presets("mcp", "gRPC-web")
						.route("refunds", (refunds) -> refunds.paths("/orders/{id/refunds").methods("PO ST")))
			.service("catalog", (catalog) -> catalog.allowedOrigins("*").exposedHeaders("X Total"));
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class, builder::build);
		assertThat(ex).isNotNull();
		assertThat(ex.getErrors()).extracting(PolicyError::property)
			.containsExactlyInAnyOrder("cors.defaults.max-age", "cors.services.orders.presets[1]",
					"cors.services.orders.hosts[0]", "cors.services.orders.allowed-origins[0]",
					"cors.services.orders.allowed-origins[1]", "cors.services.orders.allowed-origins[2]",
					"cors.services.orders.allowed-origin-patterns[0]", "cors.services.orders.allowed-methods[1]",
					"cors.services.orders.preflight-status", "cors.services.orders.routes.refunds.methods[0]",
					"cors.services.orders.routes.refunds.paths[0]", "cors.services.catalog.exposed-headers[0]",
					"cors.services.catalog.paths");
		assertThat(ex.getMessage()).startsWith("13 CORS settings are invalid:")
			.contains("cors.services.orders.allowed-origins[1] = 'http://shop.example.com'");
	}

	@Test
	void wildcardInRouteMethodsFailsStartup() {
		assertOnlyError(refunds((refunds) -> refunds.methods("*")), "cors.services.orders.routes.refunds.methods[0]",
				"*", "Remove the methods property to match every method");
	}

	@Test
	void nullOriginWithCredentialsFailsStartup() {
		assertOnlyError(orders((orders) -> orders.allowedOrigins(SHOP, "null").allowCredentials(true)),
				"cors.services.orders.allowed-origins[1]", "null", "The 'null' origin cannot be combined with");
	}

	@Test
	void nullOriginWithoutCredentialsIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("null")).build();
		assertThat(ordersPolicy(policies).allowsOrigin("null")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[a-z]+\\.shop\\.example", "^https?://[a-z]+\\.shop\\.example",
			"(http|https)://[a-z]+\\.shop\\.example" })
	void originPatternAcceptingPlainHttpWithCredentialsFailsStartup(String pattern) {
		assertOnlyError(orders((orders) -> orders.allowedOriginPatterns(pattern).allowCredentials(true)),
				"cors.services.orders.allowed-origin-patterns[0]", pattern,
				"The pattern accepts plain http:// origins");
	}

	@Test
	void originPatternAcceptingPlainHttpIsAcceptedWhenInsecureOriginsAreAllowed() {
		CorsPolicies policies = orders((orders) -> orders.allowedOriginPatterns("https?://[a-z]+\\.shop\\.example")
			.allowCredentials(true)
			.allowInsecureOrigins(true)).build();
		assertThat(ordersPolicy(policies).allowsOrigin("http://eu.shop.example")).isTrue();
	}

	@Test
	void servicesWithTheSameHostsInAnotherOrderAreDuplicates() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("first", (first) -> first.paths("/orders/**").hosts("a.example", "b.example").allowedOrigins(SHOP))
			.service("second",
					(second) -> second.paths("/orders/**").hosts("b.example", "a.example").allowedOrigins(SHOP));
		assertOnlyError(builder, "cors.services.second.paths[0]", "/orders/**",
				"Service 'first' already has this path pattern for every host of this service");
	}

}
