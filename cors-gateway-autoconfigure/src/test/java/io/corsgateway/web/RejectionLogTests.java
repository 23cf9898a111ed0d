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
package io.corsgateway.web;

import java.net.URI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.corsgateway.internal.http.LogText;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.DecisionReason;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debug line of a request that is rejected or let through without CORS headers
 * (enforced or report-only) names the reason, the offending value, the kind, the service
 * and the route; nothing else is logged. It carries client-supplied values only as
 * printable ASCII cut to 200 characters, so that a request can neither forge log lines
 * nor flood the log.
 *
 * @author cors-gateway authors
 */
class RejectionLogTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String QUOTED = "'(?:[^'\\\\]|\\\\.)*'(?:\\.\\.\\.)?";

	private static final Pattern LINE = Pattern.compile(
			"(Reject|Let through|Report-only, would reject|Report-only, would let through): reason=[A-Z_]+ value=(?<value>"
					+ QUOTED + ") kind=[A-Z_]+ service=\\S+ route=\\S+( origin=" + QUOTED + ")? method=" + QUOTED
					+ " path=" + QUOTED);

	private static final String FIELDS = "Reject: reason=[A-Z_]+( value=" + QUOTED + ")? kind=[A-Z_]+ service=\\S+ "
			+ "route=\\S+( origin=" + QUOTED + ")? method=" + QUOTED + " path=" + QUOTED;

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP)
					.allowedHeaders("Content-Type")
					.route("refunds", (refunds) -> refunds.paths("/orders/*/refunds")))
		.service("legacy", (legacy) -> legacy.paths("/legacy/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		.service("trial", (trial) -> trial.paths("/trial/**").allowedOrigins(SHOP).reportOnly(true))
		.service("trial-lenient",
				(trial) -> trial.paths("/trial-lenient/**")
					.allowedOrigins(SHOP)
					.reportOnly(true)
					.rejectDisallowedOrigins(false))
		.build());

	private final Logger logger = (Logger) LoggerFactory.getLogger(CorsGatewayWebFilter.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	@BeforeProperty
	void captureDebugLines() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	@AfterProperty
	void restoreLogging() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
	}

	@Test
	void rejectedActualRequestIsLoggedWithReasonOriginKindAndScope() {
		get("https://evil.example.net");
		assertThat(lines()).containsExactly("Reject: reason=ORIGIN_NOT_ALLOWED value='https://evil.example.net' "
				+ "kind=ACTUAL_REJECTED service=orders route=(none) method='GET' path='/orders/1'");
	}

	@Test
	void ambiguousPathIsLoggedWithThePath() {
		run(MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://api.example.com/orders/%2e%2e/admin"))
			.header(HttpHeaders.ORIGIN, "https://shop.example.com"));
		assertThat(lines()).containsExactly("Reject: reason=AMBIGUOUS_PATH kind=REFUSED service=(none) route=(none) "
				+ "origin='https://shop.example.com' method='GET' path='/orders/%2e%2e/admin'");
	}

	@Test
	void preflightFromADisallowedOriginIsLoggedWithTheOrigin() {
		preflight("https://evil.example.net", "PUT");
		assertThat(lines()).containsExactly("Reject: reason=ORIGIN_NOT_ALLOWED value='https://evil.example.net' "
				+ "kind=PREFLIGHT_REJECTED service=orders route=(none) method='OPTIONS' path='/orders/1'");
	}

	@Test
	void preflightForADisallowedMethodIsLoggedWithTheMethodAndTheOrigin() {
		preflight(SHOP, "PUT");
		assertThat(lines()).containsExactly("Reject: reason=METHOD_NOT_ALLOWED value='PUT' kind=PREFLIGHT_REJECTED "
				+ "service=orders route=(none) origin='https://shop.example.com' method='OPTIONS' path='/orders/1'");
	}

	@Test
	void preflightForADisallowedHeaderIsLoggedWithTheHeader() {
		run(MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-secret"));
		assertThat(lines()).singleElement()
			.asString()
			.startsWith("Reject: reason=HEADER_NOT_ALLOWED value='x-secret' kind=PREFLIGHT_REJECTED");
	}

	@Test
	void routeThatDecidedIsNamed() {
		run(MockServerHttpRequest.post("https://api.example.com/orders/7/refunds")
			.header(HttpHeaders.ORIGIN, "https://evil.example.net"));
		assertThat(lines()).singleElement().asString().contains(" service=orders route=refunds ");
	}

	@Test
	void requestLetThroughWithoutCorsHeadersIsLogged() {
		run(MockServerHttpRequest.get("https://api.example.com/legacy/1")
			.header(HttpHeaders.ORIGIN, "https://x.example"));
		assertThat(debugLines()).containsExactly("Let through: reason=ORIGIN_NOT_ALLOWED value='https://x.example' "
				+ "kind=ACTUAL_LET_THROUGH service=legacy route=(none) method='GET' path='/legacy/1'");
	}

	@Test
	void reportOnlyRejectionSaysItWouldReject() {
		run(MockServerHttpRequest.get("https://api.example.com/trial/1")
			.header(HttpHeaders.ORIGIN, "https://x.example"));
		assertThat(debugLines()).containsExactly("Report-only, would reject: reason=ORIGIN_NOT_ALLOWED "
				+ "value='https://x.example' kind=ACTUAL_REJECTED service=trial route=(none) method='GET' path='/trial/1'");
	}

	@Test
	void reportOnlyLetThroughSaysItWouldLetThrough() {
		run(MockServerHttpRequest.get("https://api.example.com/trial-lenient/1")
			.header(HttpHeaders.ORIGIN, "https://x.example"));
		assertThat(debugLines()).singleElement()
			.asString()
			.startsWith("Report-only, would let through: reason=ORIGIN_NOT_ALLOWED");
	}

	@Test
	void allowedRequestsAreNotLogged() {
		get(SHOP);
		preflight(SHOP, "GET");
		run(MockServerHttpRequest.get("https://api.example.com/trial/1").header(HttpHeaders.ORIGIN, SHOP));
		assertThat(debugLines()).isEmpty();
	}

	@Test
	void requestsWithoutOriginOrPolicyAreNotLogged() {
		run(MockServerHttpRequest.get("https://api.example.com/orders/1"));
		run(MockServerHttpRequest.get("https://api.example.com/elsewhere").header(HttpHeaders.ORIGIN, SHOP));
		assertThat(debugLines()).isEmpty();
	}

	@Test
	void nothingIsLoggedWhenDebugIsOff() {
		this.logger.setLevel(Level.INFO);
		get("https://evil.example.net");
		preflight(SHOP, "PUT");
		assertThat(debugLines()).isEmpty();
	}

	@Test
	void lineBreaksInTheOriginCannotStartAForgedLogLine() {
		get("https://evil.example.net\r\nINFO Admin logged in");
		assertThat(lines()).singleElement()
			.asString()
			.startsWith("Reject: reason=MALFORMED_ORIGIN value='https://evil.example.net??INFO Admin logged in' ");
	}

	@Test
	void controlAndNonAsciiCharactersInTheRequestedMethodAreReplaced() {
		preflight(SHOP, "G\u0000E\u007fT\u00e9\u2028");
		assertThat(lines()).singleElement().asString().contains("value='G?E?T??'");
	}

	@Test
	void spaceAndTildeArePrintableAndKept() {
		get("https://evil.example.net/ ~");
		assertThat(lines()).singleElement().asString().contains("value='https://evil.example.net/ ~'");
	}

	@Test
	void longOriginIsCutTo200Characters() {
		String origin = "https://" + "a".repeat(300) + ".example";
		get(origin);
		assertThat(lines()).singleElement().asString().contains("value='" + origin.substring(0, 200) + "'... kind");
	}

	@Test
	void originOf200CharactersIsLoggedWhole() {
		String origin = "https://" + "a".repeat(192);
		get(origin);
		assertThat(lines()).singleElement().asString().contains("value='" + origin + "' kind");
	}

	@Test
	void quoteInAValueCannotCloseItAndAddFields() {
		get("https://x' kind=ACTUAL_ALLOWED service=payments route=admin");
		assertThat(lines()).singleElement()
			.asString()
			.startsWith("Reject: reason=MALFORMED_ORIGIN value='https://x\\' kind=ACTUAL_ALLOWED service=payments "
					+ "route=admin' kind=ACTUAL_REJECTED service=orders route=(none) ");
	}

	@Test
	void backslashInAValueIsEscapedSoThatItCannotEscapeTheClosingQuote() {
		get("https://x\\");
		assertThat(lines()).singleElement().asString().contains("value='https://x\\\\' kind=");
	}

	@Property(tries = 300)
	void everyRejectionLineIsPrintableAsciiOfBoundedLength(@ForAll @StringLength(max = 400) String origin,
			@ForAll @StringLength(min = 1, max = 400) String method) {
		this.appender.list.clear();
		preflight(origin, method);
		get(origin);
		List<String> lines = lines();
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			assertThat(line.chars()).allMatch((c) -> c >= 0x20 && c < 0x7f);
			// Whatever the request sent, the line reads as these fields in this order.
			assertThat(line).matches(FIELDS);
			// The fixed text plus four values of at most 200 characters each, each
			// character at most doubled by escaping: the offending value, the origin, the
			// method and the path.
			assertThat(line).hasSizeLessThanOrEqualTo(150 + 4 * 400);
		}
	}

	@Property(tries = 300)
	void everyValueReadsBackAsTheRequestSentItWhateverItHolds(@ForAll @StringLength(min = 1,
			max = 300) @Chars({ '\'', '\\', '=', ' ', '\r', '\n', '\u00e9', 'a', 'k', '.' }) String value) {
		this.appender.list.clear();
		List<String> expected = new ArrayList<>();
		this.filter.setDecisionListeners(List.of((request,
				decision) -> expected.add((decision.getReason() == DecisionReason.ORIGIN_NOT_ALLOWED
						|| decision.getReason() == DecisionReason.MALFORMED_ORIGIN) ? request.origin()
								: decision.getDetail())));
		// The requested method of a preflight from an allowed origin, then the origin of
		// a report-only request and of one let through: one line of each verb.
		preflight(SHOP, value);
		run(MockServerHttpRequest.get("https://api.example.com/trial/1").header(HttpHeaders.ORIGIN, value));
		run(MockServerHttpRequest.get("https://api.example.com/legacy/1").header(HttpHeaders.ORIGIN, value));
		List<String> lines = debugLines();
		assertThat(lines).hasSize(3);
		for (int i = 0; i < lines.size(); i++) {
			Matcher line = LINE.matcher(lines.get(i));
			assertThat(line.matches()).as(lines.get(i)).isTrue();
			assertThat(unquote(line.group("value"))).as(lines.get(i)).isEqualTo(LogText.printable(expected.get(i)));
		}
	}

	// The value inside its quotes, each escaped character as it was.
	private static String unquote(String quoted) {
		String inside = quoted.substring(1, quoted.lastIndexOf('\''));
		return inside.replaceAll("\\\\(.)", "$1");
	}

	private List<String> lines() {
		return debugLines().stream().filter((message) -> message.startsWith("Reject:")).toList();
	}

	private List<String> debugLines() {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.DEBUG)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	private void get(String origin) {
		run(MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, origin));
	}

	private void preflight(String origin, String method) {
		run(MockServerHttpRequest.options("https://api.example.com/orders/1")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method));
	}

	private void run(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, (filtered) -> Mono.empty()).block(Duration.ofSeconds(5));
	}

}
