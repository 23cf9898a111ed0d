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
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debug lines of rejected requests carry client-supplied values (origin and requested
 * method) only as printable ASCII cut to 200 characters, so that a request can neither
 * forge log lines nor flood the log.
 *
 * @author cors-gateway authors
 */
class RejectionLogTests {

	private static final String SHOP = "https://shop.example.com";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
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
	void rejectedActualRequestIsLoggedWithMethodOriginAndPolicy() {
		get("https://evil.example.net");
		assertThat(lines())
			.containsExactly("Reject: GET from origin 'https://evil.example.net' not allowed by policy " + "'orders'");
	}

	@Test
	void ambiguousPathIsLoggedWithThePath() {
		run(MockServerHttpRequest.method(HttpMethod.GET, URI.create("https://api.example.com/orders/%2e%2e/admin"))
			.header(HttpHeaders.ORIGIN, "https://shop.example.com"));
		assertThat(lines()).containsExactly(
				"Reject: ambiguous path '/orders/%2e%2e/admin' could select another policy than the handler's");
	}

	@Test
	void rejectedPreflightIsLoggedWithOriginMethodAndPolicy() {
		preflight("https://evil.example.net", "PUT");
		assertThat(lines()).containsExactly("Reject: preflight from origin 'https://evil.example.net' for method "
				+ "'PUT' not allowed by policy 'orders'");
	}

	@Test
	void allowedRequestsAreNotLoggedAsRejections() {
		get(SHOP);
		preflight(SHOP, "GET");
		assertThat(lines()).isEmpty();
	}

	@Test
	void lineBreaksInTheOriginCannotStartAForgedLogLine() {
		get("https://evil.example.net\r\nINFO Admin logged in");
		assertThat(lines())
			.containsExactly("Reject: GET from origin 'https://evil.example.net??INFO Admin logged in' not allowed by "
					+ "policy 'orders'");
	}

	@Test
	void controlAndNonAsciiCharactersInTheRequestedMethodAreReplaced() {
		preflight("https://evil.example.net", "G\u0000E\u007fT\u00e9\u2028");
		assertThat(lines()).singleElement().asString().contains("for method 'G?E?T??'");
	}

	@Test
	void spaceAndTildeArePrintableAndKept() {
		get("https://evil.example.net/ ~");
		assertThat(lines()).singleElement().asString().contains("origin 'https://evil.example.net/ ~'");
	}

	@Test
	void longOriginIsCutTo200Characters() {
		String origin = "https://" + "a".repeat(300) + ".example";
		get(origin);
		assertThat(lines()).singleElement().asString().contains("origin '" + origin.substring(0, 200) + "' not");
	}

	@Test
	void originOf200CharactersIsLoggedWhole() {
		String origin = "https://" + "a".repeat(192);
		get(origin);
		assertThat(lines()).singleElement().asString().contains("origin '" + origin + "' not");
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
			// The fixed text plus two values of at most 200 characters each.
			assertThat(line).hasSizeLessThanOrEqualTo(100 + 200 + 200);
		}
	}

	private List<String> lines() {
		return this.appender.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.startsWith("Reject:"))
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
