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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsgateway.policy.CorsDecision.Vary;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CorsPolicies#evaluate(CorsRequest)} without a Spring context or an exchange:
 * every kind and every reason of a decision, the header values it carries, and the policy
 * that made it.
 *
 * @author cors-gateway authors
 */
class CorsDecisionTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String ADMIN = "https://admin.example.com";

	private static final String EVIL = "https://evil.example.net";

	private static final CorsPolicies POLICIES = CorsPolicies.builder()
		.service("orders", (orders) -> orders.paths("/orders/**")
			.allowedOrigins(SHOP)
			.allowCredentials(true)
			.allowedMethods("GET", "POST", "PUT")
			.allowedHeaders("X-Request-Id", "Content-Type")
			.exposedHeaders("X-Total")
			.maxAge(Duration.ofMinutes(30))
			.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds").methods("POST").allowedOrigins(ADMIN)))
		.service("catalog",
				(catalog) -> catalog.paths("/catalog/**")
					.allowedOrigins("*")
					.allowedMethods("*")
					.exposedHeaders("X-Total"))
		.service("legacy", (legacy) -> legacy.paths("/legacy/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		.service("proxied",
				(proxied) -> proxied.paths("/proxied/**")
					.allowedOrigins(SHOP)
					.preflightContinue(true)
					.preflightStatus(200))
		.service("off", (off) -> off.paths("/off/**").enabled(false))
		.build();

	static Stream<Arguments> decisions() {
		return Stream.of(Arguments.of(actual("GET", "/orders/1"), DecisionKind.NOT_CORS, DecisionReason.NO_ORIGIN),
				Arguments.of(actual("GET", "/orders/1", "https://api.example.com"), DecisionKind.NOT_CORS,
						DecisionReason.SAME_ORIGIN),
				Arguments.of(actual("GET", "/orders/1", SHOP), DecisionKind.ACTUAL_ALLOWED,
						DecisionReason.ORIGIN_ALLOWED),
				Arguments.of(actual("GET", "/catalog/1", EVIL), DecisionKind.ACTUAL_ALLOWED, DecisionReason.ANY_ORIGIN),
				Arguments.of(actual("GET", "/orders/1", EVIL), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.ORIGIN_NOT_ALLOWED),
				Arguments.of(actual("GET", "/orders/1", "shop.example.com"), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.MALFORMED_ORIGIN),
				Arguments.of(actual("GET", "/orders/1", SHOP, SHOP), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.SEVERAL_ORIGINS),
				Arguments.of(actual("DELETE", "/orders/1", SHOP), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.METHOD_NOT_ALLOWED),
				Arguments.of(actual("TRACE", "/catalog/1", SHOP), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.FORBIDDEN_METHOD),
				Arguments.of(actual("M".repeat(CorsPolicy.MAX_METHOD_LENGTH + 1), "/catalog/1", SHOP),
						DecisionKind.ACTUAL_REJECTED, DecisionReason.MALFORMED_METHOD),
				Arguments.of(actual("GET", "/legacy/1", EVIL), DecisionKind.ACTUAL_LET_THROUGH,
						DecisionReason.ORIGIN_NOT_ALLOWED),
				Arguments.of(actual("GET", "/off/1", SHOP), DecisionKind.NOT_APPLIED, DecisionReason.SCOPE_DISABLED),
				Arguments.of(actual("GET", "/elsewhere", SHOP), DecisionKind.NOT_APPLIED, DecisionReason.NO_POLICY),
				Arguments.of(preflight("/orders/1", SHOP, "PUT", "x-request-id"), DecisionKind.PREFLIGHT_ALLOWED,
						DecisionReason.ORIGIN_ALLOWED),
				Arguments.of(preflight("/orders/1", EVIL, "PUT", ""), DecisionKind.PREFLIGHT_REJECTED,
						DecisionReason.ORIGIN_NOT_ALLOWED),
				Arguments.of(preflight("/orders/1", SHOP, "DELETE", ""), DecisionKind.PREFLIGHT_REJECTED,
						DecisionReason.METHOD_NOT_ALLOWED),
				Arguments.of(preflight("/orders/1", SHOP, "PUT", "x-secret"), DecisionKind.PREFLIGHT_REJECTED,
						DecisionReason.HEADER_NOT_ALLOWED),
				Arguments.of(preflight("/orders/1", SHOP, "PUT", "x request"), DecisionKind.PREFLIGHT_REJECTED,
						DecisionReason.MALFORMED_REQUEST_HEADERS),
				Arguments.of(preflight("/orders/1", SHOP, "PUT", "x-request-id,".repeat(65)),
						DecisionKind.PREFLIGHT_REJECTED, DecisionReason.TOO_MANY_REQUEST_HEADERS),
				Arguments.of(request("OPTIONS", "/orders/1", List.of(SHOP), List.of("PUT", "GET"), ""),
						DecisionKind.PREFLIGHT_REJECTED, DecisionReason.SEVERAL_REQUEST_METHODS),
				Arguments.of(websocket("/orders/live", SHOP), DecisionKind.NOT_CORS,
						DecisionReason.WEBSOCKET_HANDSHAKE),
				Arguments.of(websocket("/orders/live", EVIL), DecisionKind.ACTUAL_REJECTED,
						DecisionReason.WEBSOCKET_ORIGIN_NOT_ALLOWED));
	}

	@ParameterizedTest
	@MethodSource("decisions")
	void requestGetsItsKindAndReason(CorsRequest request, DecisionKind kind, DecisionReason reason) {
		CorsDecision decision = POLICIES.evaluate(request);
		assertThat(decision.getKind()).isEqualTo(kind);
		assertThat(decision.getReason()).isEqualTo(reason);
	}

	@Test
	void everyReasonIsReachable() {
		Set<DecisionReason> reached = EnumSet.noneOf(DecisionReason.class);
		decisions().forEach((arguments) -> reached.add((DecisionReason) arguments.get()[2]));
		reached.add(CorsDecision.ambiguousPath().getReason());
		assertThat(reached).containsExactlyInAnyOrder(DecisionReason.values());
	}

	@Test
	void requestWithoutOriginGetsNoCorsHeaderAndVariesOnOrigin() {
		CorsDecision decision = POLICIES.evaluate(actual("GET", "/orders/1"));
		assertNoCorsHeader(decision);
		assertThat(decision.getVary()).isEqualTo(Vary.ORIGIN);
		assertThat(decision.getAnswerStatus()).isNull();
		assertThat(decision.isApplied()).isTrue();
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getRouteId()).isNull();
	}

	@Test
	void requestWithoutOriginInAStarScopeGetsTheScopesHeadersAndDoesNotVary() {
		CorsDecision decision = POLICIES.evaluate(actual("GET", "/catalog/1"));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.NOT_CORS);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo("*");
		assertThat(decision.getHeaderValue(CorsHeader.EXPOSE_HEADERS)).isEqualTo("X-Total");
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isNull();
		assertThat(decision.getVary()).isEqualTo(Vary.NOTHING);
	}

	@Test
	void allowedActualRequestNamesTheOriginWithCredentialsAndExposedHeaders() {
		CorsDecision decision = POLICIES.evaluate(actual("GET", "/orders/1", SHOP));
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo(SHOP);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(decision.getHeaderValue(CorsHeader.EXPOSE_HEADERS)).isEqualTo("X-Total");
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_METHODS)).isNull();
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_HEADERS)).isNull();
		assertThat(decision.getHeaderValue(CorsHeader.MAX_AGE)).isNull();
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_PRIVATE_NETWORK)).isNull();
		assertThat(decision.getVary()).isEqualTo(Vary.ORIGIN);
		assertThat(decision.getAnswerStatus()).isNull();
		assertThat(decision.getPolicy())
			.isSameAs(POLICIES.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET"));
	}

	@Test
	void allowedActualRequestInAStarScopeAnswersStarAndDoesNotVary() {
		CorsDecision decision = POLICIES.evaluate(actual("GET", "/catalog/1", EVIL));
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo("*");
		assertThat(decision.getVary()).isEqualTo(Vary.NOTHING);
	}

	@Test
	void nonPreflightOptionsIsTheHandlersToAnswerSoOnlyItsOriginIsChecked() {
		CorsDecision decision = POLICIES.evaluate(actual("OPTIONS", "/orders/1", SHOP));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
		assertThat(POLICIES.evaluate(actual("OPTIONS", "/orders/1", EVIL)).getKind())
			.isEqualTo(DecisionKind.ACTUAL_REJECTED);
	}

	@Test
	void rejectedActualRequestIsAnsweredWith403WithoutCorsHeaders() {
		CorsDecision decision = POLICIES.evaluate(actual("DELETE", "/orders/1", SHOP));
		assertThat(decision.getAnswerStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(decision.getDetail()).isEqualTo("DELETE");
		assertNoCorsHeader(decision);
		assertThat(decision.getVary()).isEqualTo(Vary.ORIGIN);
	}

	@Test
	void actualRequestLetThroughGoesToTheHandlerWithoutCorsHeaders() {
		CorsDecision decision = POLICIES.evaluate(actual("GET", "/legacy/1", EVIL));
		assertThat(decision.getAnswerStatus()).isNull();
		assertNoCorsHeader(decision);
		assertThat(decision.getVary()).isEqualTo(Vary.ORIGIN);
	}

	@Test
	void allowedPreflightAnswersTheRequestedMethodAndHeadersWithMaxAge() {
		CorsDecision decision = POLICIES.evaluate(preflight("/orders/1", SHOP, "PUT", "x-request-id , content-type"));
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_ORIGIN)).isEqualTo(SHOP);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_METHODS)).isEqualTo("PUT");
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_HEADERS)).isEqualTo("x-request-id,content-type");
		assertThat(decision.getHeaderValue(CorsHeader.MAX_AGE)).isEqualTo("1800");
		assertThat(decision.getHeaderValue(CorsHeader.EXPOSE_HEADERS)).isNull();
		assertThat(decision.getVary()).isEqualTo(Vary.PREFLIGHT);
		assertThat(decision.getAnswerStatus()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void preflightWithoutRequestHeadersAllowsNone() {
		CorsDecision decision = POLICIES.evaluate(preflight("/orders/1", SHOP, "GET", ""));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(decision.getHeaderValue(CorsHeader.ALLOW_HEADERS)).isNull();
	}

	@Test
	void preflightIsRoutedByTheRequestedMethod() {
		CorsDecision decision = POLICIES.evaluate(preflight("/orders/1/refunds", ADMIN, "POST", ""));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(decision.getServiceId()).isEqualTo("orders");
		assertThat(decision.getRouteId()).isEqualTo("refunds");
		assertThat(decision.getPolicy().getId()).isEqualTo("orders.refunds");
		assertThat(POLICIES.evaluate(preflight("/orders/1/refunds", ADMIN, "PUT", "")).getReason())
			.isEqualTo(DecisionReason.ORIGIN_NOT_ALLOWED);
	}

	@Test
	void continuedPreflightIsNotAnsweredByTheFilter() {
		CorsDecision decision = POLICIES.evaluate(preflight("/proxied/1", SHOP, "GET", ""));
		assertThat(decision.getKind()).isEqualTo(DecisionKind.PREFLIGHT_ALLOWED);
		assertThat(decision.getAnswerStatus()).isNull();
	}

	@Test
	void rejectedPreflightIsAnsweredWith403WithoutCorsHeadersAndNamesTheRefusedHeader() {
		CorsDecision decision = POLICIES.evaluate(preflight("/orders/1", SHOP, "PUT", "x-request-id, X-Secret"));
		assertThat(decision.getAnswerStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(decision.getDetail()).isEqualTo("X-Secret");
		assertNoCorsHeader(decision);
		assertThat(decision.getVary()).isEqualTo(Vary.PREFLIGHT);
	}

	@Test
	void overlongRequestHeadersAreRefusedAsTooMany() {
		String requested = "x".repeat(CorsPolicy.MAX_REQUEST_HEADERS_LENGTH + 1);
		assertThat(POLICIES.evaluate(preflight("/catalog/1", SHOP, "GET", requested)).getReason())
			.isEqualTo(DecisionReason.TOO_MANY_REQUEST_HEADERS);
	}

	@Test
	void disabledScopeAndNoPolicyLeaveTheExchangeAlone() {
		CorsDecision disabled = POLICIES.evaluate(actual("GET", "/off/1", SHOP));
		assertThat(disabled.isApplied()).isFalse();
		assertThat(disabled.getServiceId()).isEqualTo("off");
		CorsDecision none = POLICIES.evaluate(actual("GET", "/elsewhere", SHOP));
		assertThat(none.isApplied()).isFalse();
		assertThat(none.getPolicy()).isNull();
		assertThat(none.getServiceId()).isNull();
		assertNoCorsHeader(none);
	}

	@Test
	void ambiguousPathIsRefusedWith400BeforeAnyPolicy() {
		CorsDecision decision = CorsDecision.ambiguousPath();
		assertThat(decision.getKind()).isEqualTo(DecisionKind.REFUSED);
		assertThat(decision.getAnswerStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(decision.getPolicy()).isNull();
		assertThat(decision.getVary()).isEqualTo(Vary.NOTHING);
		assertNoCorsHeader(decision);
	}

	@Test
	void decisionsDoNotShareTheirPerRequestValues() {
		CorsDecision put = POLICIES.evaluate(preflight("/orders/1", SHOP, "PUT", "x-request-id"));
		CorsDecision get = POLICIES.evaluate(preflight("/orders/1", SHOP, "GET", ""));
		assertThat(put.getHeaderValue(CorsHeader.ALLOW_METHODS)).isEqualTo("PUT");
		assertThat(put.getHeaderValue(CorsHeader.ALLOW_HEADERS)).isEqualTo("x-request-id");
		assertThat(get.getHeaderValue(CorsHeader.ALLOW_METHODS)).isEqualTo("GET");
		assertThat(POLICIES.evaluate(actual("GET", "/orders/1", SHOP)).getHeaderValue(CorsHeader.ALLOW_METHODS))
			.isNull();
	}

	@Test
	void decisionsAreLabelledByServiceAndRouteForLogsAndMetrics() {
		CorsDecision route = POLICIES.evaluate(actual("POST", "/orders/1/refunds", ADMIN));
		assertThat(route.getServiceLabel()).isEqualTo("orders");
		assertThat(route.getRouteLabel()).isEqualTo("refunds");
		CorsDecision service = POLICIES.evaluate(actual("GET", "/orders/1", SHOP));
		assertThat(service.getRouteLabel()).isEqualTo(CorsDecision.NONE_LABEL).isEqualTo("(none)");
		CorsDecision none = POLICIES.evaluate(actual("GET", "/elsewhere", SHOP));
		assertThat(none.getServiceLabel()).isEqualTo("(none)");
		assertThat(none.getRouteLabel()).isEqualTo("(none)");
		CorsPolicies withDefaults = CorsPolicies.builder()
			.defaults((defaults) -> defaults.allowedOrigins(SHOP))
			.build();
		CorsDecision defaults = withDefaults.evaluate(actual("GET", "/anything", SHOP));
		assertThat(defaults.getServiceLabel()).isEqualTo(CorsDecision.DEFAULTS_LABEL).isEqualTo("(defaults)");
		assertThat(defaults.getRouteLabel()).isEqualTo("(none)");
	}

	@Test
	void reportOnlyDoesNotRelaxValidation() {
		assertThatExceptionOfType(InvalidCorsPolicyException.class)
			.isThrownBy(() -> CorsPolicies.builder()
				.service("trial",
						(trial) -> trial.paths("/trial/**").allowedOrigins("*").allowCredentials(true).reportOnly(true))
				.build())
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies(
						(error) -> assertThat(error.property()).isEqualTo("cors.services.trial.allowed-origins[0]")));
	}

	@Test
	void decisionsOfAReportOnlyPolicyAreNotEnforced() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("trial",
					(trial) -> trial.paths("/trial/**")
						.allowedOrigins(SHOP)
						.reportOnly(true)
						.route("strict", (strict) -> strict.paths("/trial/strict").reportOnly(false)))
			.build();
		assertThat(policies.getWarnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.property()).isEqualTo("cors.services.trial.report-only");
			assertThat(warning.reason()).contains("not enforced");
		});
		CorsDecision reportOnly = policies.evaluate(actual("GET", "/trial/1", EVIL));
		assertThat(reportOnly.getKind()).isEqualTo(DecisionKind.ACTUAL_REJECTED);
		assertThat(reportOnly.isEnforced()).isFalse();
		assertThat(reportOnly.getPolicy().isReportOnly()).isTrue();
		assertThat(policies.evaluate(actual("GET", "/trial/strict", EVIL)).isEnforced()).isTrue();
		assertThat(POLICIES.evaluate(actual("GET", "/orders/1", EVIL)).isEnforced()).isTrue();
		assertThat(CorsDecision.ambiguousPath().isEnforced()).isTrue();
		assertThat(POLICIES.evaluate(actual("GET", "/elsewhere", SHOP)).isEnforced()).isTrue();
	}

	@Test
	void decisionDescribesItselfForLogs() {
		assertThat(POLICIES.evaluate(preflight("/orders/1", SHOP, "PUT", "x-secret")))
			.hasToString("PREFLIGHT_REJECTED (HEADER_NOT_ALLOWED: x-secret) by policy 'orders'");
		assertThat(CorsDecision.ambiguousPath()).hasToString("REFUSED (AMBIGUOUS_PATH)");
	}

	@Test
	void ambiguousPathIsRefusedByEvaluateUnlessTheCallerAllowsIt() {
		CorsRequest request = actual("GET", "/orders/%2e%2e/admin", SHOP);
		assertThat(POLICIES.evaluate(request)).isSameAs(CorsDecision.ambiguousPath());
		assertThat(POLICIES.evaluate(request, true).getReason()).isEqualTo(DecisionReason.AMBIGUOUS_PATH);
		assertThat(POLICIES.evaluate(request, false).getKind()).isEqualTo(DecisionKind.ACTUAL_ALLOWED);
	}

	@Test
	void decisionsThatDependOnlyOnThePolicyAreMadeOnce() {
		assertThat(POLICIES.evaluate(actual("GET", "/orders/1")))
			.isSameAs(POLICIES.evaluate(actual("POST", "/orders/2")));
		assertThat(POLICIES.evaluate(actual("GET", "/catalog/1", SHOP)))
			.isSameAs(POLICIES.evaluate(actual("GET", "/catalog/2", EVIL)));
		assertThat(POLICIES.evaluate(actual("GET", "/off/1", SHOP)))
			.isSameAs(POLICIES.evaluate(actual("GET", "/off/2")));
		assertThat(POLICIES.evaluate(actual("GET", "/orders/1", "https://api.example.com")))
			.isSameAs(POLICIES.evaluate(actual("PUT", "/orders/3", "https://api.example.com")));
	}

	@Test
	void detailFromTheRequestIsEscapedWhenTheDecisionIsPrinted() {
		CorsDecision decision = POLICIES.evaluate(preflight("/orders/1", SHOP, "PUT", "x-request-id, a\u0001\nb"));
		assertThat(decision.getDetail()).isEqualTo("a\u0001\nb");
		assertThat(decision).hasToString("PREFLIGHT_REJECTED (MALFORMED_REQUEST_HEADERS: a??b) by policy 'orders'");
	}

	@Test
	void requestFactsWhoseCountsContradictTheirValuesAreRefused() {
		PathContainer path = PathContainer.parsePath("/orders/1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("GET", "https", "api.example.com", -1, path, SHOP, 0, null, 0, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("GET", "https", "api.example.com", -1, path, null, 1, null, 0, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("OPTIONS", "https", "api.example.com", -1, path, SHOP, 1, null, 2, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("OPTIONS", "https", "api.example.com", -1, path, SHOP, 1, "PUT", 0, ""));
	}

	@Test
	void preflightHeadersOfOtherMethodsThanOptionsAreNotRead() {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(SHOP);
		headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT");
		headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-request-id");
		CorsRequest request = CorsRequest.of("GET", URI.create("https://api.example.com/orders/1"), headers);
		assertThat(request.requestMethod()).isNull();
		assertThat(request.requestMethodCount()).isZero();
		assertThat(request.requestHeaders()).isEmpty();
		assertThat(request.isPreflight()).isFalse();
	}

	@Test
	void usualRefusalsAreMadeOnceAndRefusalsWithADetailEachTime() {
		assertThat(POLICIES.evaluate(actual("GET", "/orders/1", EVIL)))
			.isSameAs(POLICIES.evaluate(actual("POST", "/orders/2", EVIL)));
		assertThat(POLICIES.evaluate(preflight("/orders/1", EVIL, "PUT", "")))
			.isSameAs(POLICIES.evaluate(preflight("/orders/2", EVIL, "GET", "")));
		CorsDecision delete = POLICIES.evaluate(actual("DELETE", "/orders/1", SHOP));
		assertThat(delete.getReason()).isEqualTo(DecisionReason.METHOD_NOT_ALLOWED);
		assertThat(delete).isNotSameAs(POLICIES.evaluate(actual("DELETE", "/orders/1", SHOP)));
		assertThat(POLICIES.evaluate(preflight("/orders/1", SHOP, "DELETE", "")).getReason())
			.isEqualTo(DecisionReason.METHOD_NOT_ALLOWED);
	}

	@Test
	void methodOfTheLongestLengthEvaluatedIsJudgedNotAllowedRatherThanMalformed() {
		String longest = "M".repeat(CorsPolicy.MAX_METHOD_LENGTH);
		assertThat(POLICIES.evaluate(actual(longest, "/orders/1", SHOP)).getReason())
			.isEqualTo(DecisionReason.METHOD_NOT_ALLOWED);
		assertThat(POLICIES.evaluate(actual(longest + "M", "/orders/1", SHOP)).getReason())
			.isEqualTo(DecisionReason.MALFORMED_METHOD);
	}

	@Test
	void requestFactsNameThePreflightAndTheMethodItIsRoutedBy() {
		CorsRequest preflight = preflight("/orders/1", SHOP, "PUT", "");
		assertThat(preflight.isPreflight()).isTrue();
		assertThat(preflight.routingMethod()).isEqualTo("PUT");
		CorsRequest actual = actual("DELETE", "/orders/1", SHOP);
		assertThat(actual.isPreflight()).isFalse();
		assertThat(actual.routingMethod()).isEqualTo("DELETE");
		CorsRequest withoutOrigin = request("OPTIONS", "/orders/1", List.of(), List.of("PUT"), "");
		assertThat(withoutOrigin.isPreflight()).isFalse();
		assertThat(withoutOrigin.routingMethod()).isEqualTo("OPTIONS");
	}

	@Test
	void requestFactsNeedAMethodHostPathAndRequestHeaders() {
		PathContainer path = PathContainer.parsePath("/orders/1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest(null, "https", "api.example.com", -1, path, null, 0, null, 0, ""))
			.withMessageContaining("'method'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("GET", "https", null, -1, path, null, 0, null, 0, ""))
			.withMessageContaining("'host'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("GET", "https", "api.example.com", -1, null, null, 0, null, 0, ""))
			.withMessageContaining("'path'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CorsRequest("GET", "https", "api.example.com", -1, path, null, 0, null, 0, null))
			.withMessageContaining("'requestHeaders'");
	}

	private static void assertNoCorsHeader(CorsDecision decision) {
		for (CorsHeader header : CorsHeader.values()) {
			assertThat(decision.getHeaderValue(header)).as(header.headerName()).isNull();
		}
	}

	@Test
	void policiesWithEqualHeaderValuesShareThemAndOthersKeepTheirOwn() {
		CorsPolicies policies = CorsPolicies.builder()
			.service("a",
					(a) -> a.paths("/a/**")
						.allowedOrigins(SHOP)
						.allowCredentials(true)
						.exposedHeaders("X-A")
						.maxAge(Duration.ofSeconds(60)))
			.service("b",
					(b) -> b.paths("/b/**")
						.allowedOrigins(SHOP)
						.allowCredentials(true)
						.exposedHeaders("X-B")
						.maxAge(Duration.ofSeconds(90)))
			.service("d",
					(d) -> d.paths("/d/**").allowedOrigins(SHOP).exposedHeaders("X-A").maxAge(Duration.ofSeconds(60)))
			.service("c",
					(c) -> c.paths("/c/**")
						.allowedOrigins(ADMIN)
						.allowCredentials(true)
						.exposedHeaders("X-A")
						.maxAge(Duration.ofSeconds(60))
						.allowPrivateNetwork(true))
			.build();
		CorsDecision a = policies.evaluate(preflight("/a/1", SHOP, "GET", ""));
		CorsDecision b = policies.evaluate(preflight("/b/1", SHOP, "GET", ""));
		assertThat(a.getHeaderValue(CorsHeader.MAX_AGE)).isEqualTo("60");
		assertThat(a.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(b.getHeaderValue(CorsHeader.MAX_AGE)).isEqualTo("90");
		assertThat(b.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		CorsDecision d = policies.evaluate(preflight("/d/1", SHOP, "GET", ""));
		assertThat(d.getHeaderValue(CorsHeader.MAX_AGE)).isEqualTo("60");
		assertThat(d.getHeaderValue(CorsHeader.ALLOW_CREDENTIALS)).isNull();
		assertThat(policies.evaluate(actual("GET", "/a/1", SHOP)).getHeaderValue(CorsHeader.EXPOSE_HEADERS))
			.isEqualTo("X-A");
		assertThat(policies.evaluate(actual("GET", "/b/1", SHOP)).getHeaderValue(CorsHeader.EXPOSE_HEADERS))
			.isEqualTo("X-B");
		assertThat(policies.evaluate(actual("GET", "/c/1", ADMIN)).getHeaderValue(CorsHeader.EXPOSE_HEADERS))
			.isEqualTo("X-A");
		CorsPolicy policyA = a.getPolicy();
		CorsPolicy policyC = policies.find("api.example.com", PathContainer.parsePath("/c/1"), "GET");
		assertThat(answerValues(policyC, "actualValues")).isSameAs(answerValues(policyA, "actualValues"));
		assertThat(answerValues(policyC, "preflightValues")).isSameAs(answerValues(policyA, "preflightValues"));
		assertThat(answerValues(policyA, "privateNetworkPreflightValues"))
			.isSameAs(answerValues(policyA, "preflightValues"));
		assertThat((String[]) answerValues(policyC, "privateNetworkPreflightValues"))
			.isNotSameAs(answerValues(policyC, "preflightValues"))
			.contains("true", "60");
		assertThat((String[]) answerValues(policyA, "preflightValues")).doesNotContain("90");
	}

	// "X-Aa" and "X-BB" have the same String hash, so the two policies' header values
	// have
	// the same hash too: only equality keeps them apart when they are shared.
	@Test
	void policiesWhoseHeaderValuesOnlyShareAHashKeepTheirOwn() {
		assertThat("X-Aa".hashCode()).isEqualTo("X-BB".hashCode());
		CorsPolicies policies = CorsPolicies.builder()
			.service("a", (a) -> a.paths("/a/**").allowedOrigins(SHOP).exposedHeaders("X-Aa"))
			.service("b", (b) -> b.paths("/b/**").allowedOrigins(SHOP).exposedHeaders("X-BB"))
			.build();
		assertThat(policies.evaluate(actual("GET", "/a/1", SHOP)).getHeaderValue(CorsHeader.EXPOSE_HEADERS))
			.isEqualTo("X-Aa");
		assertThat(policies.evaluate(actual("GET", "/b/1", SHOP)).getHeaderValue(CorsHeader.EXPOSE_HEADERS))
			.isEqualTo("X-BB");
	}

	private static Object answerValues(CorsPolicy policy, String name) {
		return ReflectionTestUtils.getField(ReflectionTestUtils.getField(policy, "answers"), name);
	}

	private static CorsRequest actual(String method, String path, String... origins) {
		return request(method, path, List.of(origins), List.of(), "");
	}

	private static CorsRequest websocket(String path, String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ORIGIN, origin);
		headers.set(HttpHeaders.UPGRADE, "websocket");
		headers.set(HttpHeaders.CONNECTION, "Upgrade");
		return CorsRequest.of("GET", URI.create("https://api.example.com" + path), headers);
	}

	private static CorsRequest preflight(String path, String origin, String method, String headers) {
		return request("OPTIONS", path, List.of(origin), List.of(method), headers);
	}

	private static CorsRequest request(String method, String path, List<String> origins, List<String> methods,
			String requestHeaders) {
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.ORIGIN, new ArrayList<>(origins));
		headers.put(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, new ArrayList<>(methods));
		if (!requestHeaders.isEmpty()) {
			headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders);
		}
		return CorsRequest.of(method, URI.create("https://api.example.com" + path), headers);
	}

}
