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

package io.corsgateway.sample;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample gateway: real HTTP requests through Spring Cloud Gateway to the
 * in-process upstream, with the CORS policies of the sample's {@code application.yml}.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.upstream.port=0")
class SampleGatewayApplicationTests {

	private static final String SHOP = "https://shop.example";

	private static final String BACK_OFFICE = "https://admin.shop.example";

	private static final String ATTACKER = "https://evil.example";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SERVER_SENT_EVENTS = new ParameterizedTypeReference<>() {
	};

	// Only a bound on a broken stream: the events come within milliseconds.
	private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void allowedPreflightIsAnsweredByTheGateway() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-request-id")
			.exchange()
			.expectBody()
			.returnResult();
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(result.getResponseBody()).isNullOrEmpty();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isEqualTo("PUT");
		assertThat(tokens(headers, HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactlyInAnyOrder("content-type",
				"x-request-id");
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isEqualTo("43200");
		assertThat(tokens(headers, HttpHeaders.VARY)).contains(HttpHeaders.ORIGIN,
				HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test
	void preflightFromDisallowedOriginIsRejectedWithoutCorsHeaders() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test
	void preflightForDisallowedMethodIsRejectedWithoutCorsHeaders() {
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
	}

	@Test
	void upstreamWildcardOriginIsReplacedByTheAllowedOrigin() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo("{\"method\":\"GET\",\"path\":\"/orders/1\"}");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(tokens(headers, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("X-Trace-Id");
	}

	@Test
	void upstreamVaryIsKeptAndOriginIsAdded() {
		HttpHeaders headers = this.client.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(tokens(headers, HttpHeaders.VARY)).contains("Accept-Encoding", HttpHeaders.ORIGIN);
	}

	@Test
	void subdomainOfAWildcardOriginIsAllowed() {
		String storefront = "https://m.shop.example";
		HttpHeaders headers = this.client.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, storefront)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(storefront);
	}

	@Test
	void actualRequestFromDisallowedOriginIsRejectedBeforeReachingTheUpstream() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/orders/1")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test // gh-7
	void ambiguousPathIsRefusedBeforeReachingTheUpstream() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri(URI.create("http://localhost:" + this.port + "/public/..;/orders/1"))
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test
	void routeOverrideAllowsItsOwnOrigin() {
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/orders/42/refunds")
			.header(HttpHeaders.ORIGIN, BACK_OFFICE)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(result.getResponseHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly(BACK_OFFICE);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isEqualTo("POST");
	}

	@Test
	void routeOverrideReplacesTheServiceOrigins() {
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/orders/42/refunds")
			.header(HttpHeaders.ORIGIN, SHOP)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
	}

	@Test
	void publicServiceAnswersAnyOriginWithWildcard() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/catalog/items")
			.header(HttpHeaders.ORIGIN, "https://any-site.example")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
		assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isFalse();
		assertThat(tokens(headers, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("X-Total-Count", "ETag");
	}

	@Test
	void partnerOriginMatchingTheRegularExpressionIsAllowed() {
		String partner = "https://acme-eu.partner.example";
		EntityExchangeResult<byte[]> result = this.client.options()
			.uri("/admin/users")
			.header(HttpHeaders.ORIGIN, partner)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(partner);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isEqualTo("600");
	}

	@Test
	void originThatOnlyMatchesAnUnescapedDotIsRejected() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/admin/users")
			.header(HttpHeaders.ORIGIN, "https://acme.partnerXexample")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void serverSentEventsThroughTheGatewayCarryTheAllowedOrigin() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/events/orders")
			.header(HttpHeaders.ORIGIN, SHOP)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(headers.getContentType()).isNotNull()
			.satisfies((contentType) -> assertThat(contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(result.getResponseBody()).contains("id: 1", "id: 2", "id: 3")
			.contains("data: {\"method\":\"GET\",\"path\":\"/events/orders\"}");
	}

	@Test
	void eventStreamHeadCarriesTheCorsHeadersBeforeTheFirstEvent() {
		String stream = "head-before-first-event";
		long upstreamRequests = this.upstream.getRequestCount();
		// exchange() returns as soon as the response head has arrived. The upstream holds
		// the stream's first event until releaseEvents, so everything checked before that
		// call reached the client without any event.
		FluxExchangeResult<ServerSentEvent<String>> result = this.client.get()
			.uri(UpstreamServer.HELD_EVENTS_PATH + stream)
			.header(HttpHeaders.ORIGIN, SHOP)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(SERVER_SENT_EVENTS);
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(headers.getContentType()).isNotNull()
			.satisfies((contentType) -> assertThat(contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(tokens(headers, HttpHeaders.VARY)).contains(HttpHeaders.ORIGIN);
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests + 1);
		this.upstream.releaseEvents(stream);
		List<ServerSentEvent<String>> received = result.getResponseBody().collectList().block(STREAM_TIMEOUT);
		assertThat(received).isNotNull();
		// The stream's opening comment, then the events.
		assertThat(received).extracting(ServerSentEvent::comment).containsExactly("stream opened", null, null, null);
		assertThat(received).extracting(ServerSentEvent::id).containsExactly(null, "1", "2", "3");
		assertThat(received.subList(1, received.size())).extracting(ServerSentEvent::data)
			.containsOnly("{\"method\":\"GET\",\"path\":\"/events/held/head-before-first-event\"}");
	}

	@Test
	void eventStreamFromDisallowedOriginIsRejectedBeforeReachingTheUpstream() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/events/orders")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
		assertThat(result.getResponseBody()).isNullOrEmpty();
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test
	void upstreamServerErrorCarriesTheAllowedOrigin() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/fail/checkout")
			.header(HttpHeaders.ORIGIN, SHOP)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(result.getResponseHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(result.getResponseBody()).isEqualTo("{\"method\":\"GET\",\"path\":\"/fail/checkout\"}");
	}

	@Test
	void disallowedOriginReachesTheUpstreamWithoutCorsHeadersWhereRejectionIsOff() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<String> result = this.client.get()
			.uri("/fail/checkout")
			.header(HttpHeaders.ORIGIN, ATTACKER)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(corsHeaderNames(result.getResponseHeaders())).isEmpty();
		assertThat(tokens(result.getResponseHeaders(), HttpHeaders.VARY)).contains("Accept-Encoding",
				HttpHeaders.ORIGIN);
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests + 1);
	}

	@Test
	void requestWithoutOriginPassesWithTheUpstreamBody() {
		long upstreamRequests = this.upstream.getRequestCount();
		EntityExchangeResult<String> result = this.client.post()
			.uri("/orders/7")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo("{\"method\":\"POST\",\"path\":\"/orders/7\"}");
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests + 1);
	}

	@Test
	void requestWithoutOriginIsMarkedAsVaryingByOrigin() {
		HttpHeaders headers = this.client.get()
			.uri("/orders/1")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(tokens(headers, HttpHeaders.VARY)).contains("Accept-Encoding", HttpHeaders.ORIGIN);
	}

	private static List<String> tokens(HttpHeaders headers, String name) {
		List<String> values = headers.get(name);
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter((token) -> !token.isEmpty())
			.toList();
	}

	private static List<String> corsHeaderNames(HttpHeaders headers) {
		return headers.headerNames()
			.stream()
			.filter((name) -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
			.toList();
	}

}
