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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServer;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that every response of a CORS-enabled scope carries exactly the CORS headers its
 * policy decided, whichever path produced the response: each {@link ResponsePath} a
 * handler, an error renderer or another filter can take, crossed with each kind of
 * request. The exchanges run through Spring's real {@link WebHttpHandlerBuilder} stack,
 * so empty completions and rendered errors commit the server response the way a running
 * server does (gh-7).
 *
 * @author cors-gateway authors
 */
class ResponseRepairTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	private static final List<String> CORS_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_MAX_AGE,
			HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Access-Control-Allow-Private-Network");

	private final CorsPolicies policies = CorsPolicies.builder()
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins(SHOP)
					.allowCredentials(true)
					.exposedHeaders("X-Total-Count", "ETag"))
		.service("lenient",
				(lenient) -> lenient.paths("/lenient/**").allowedOrigins(SHOP).rejectDisallowedOrigins(false))
		.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("*").exposedHeaders("ETag"))
		.build();

	private final AtomicInteger handlerCalls = new AtomicInteger();

	/** Every way the response can reach the client, each setting hostile CORS headers. */
	enum ResponsePath {

		/** The handler writes a body. */
		BODY,

		/** The handler completes the response itself without a body. */
		SET_COMPLETE,

		/** The handler returns without writing: the server completes the raw response. */
		EMPTY_COMPLETION,

		/**
		 * The handler fails; an exception handler renders the error on the raw response.
		 */
		RENDERED_ERROR,

		/** The handler streams a body with writeAndFlushWith. */
		STREAMED_BODY,

		/** The body publisher sets the headers when it is subscribed. */
		HEADERS_SET_BY_BODY_PUBLISHER,

		/** A filter behind the CORS filter adds headers in a commit action. */
		DOWNSTREAM_COMMIT_ACTION,

		/** A filter ahead of the CORS filter adds headers in a commit action. */
		UPSTREAM_COMMIT_ACTION

	}

	/** The kinds of request a CORS-enabled scope sees. */
	enum RequestKind {

		ALLOWED_ORIGIN("/orders/1", SHOP),

		LET_THROUGH_DISALLOWED_ORIGIN("/lenient/1", EVIL),

		ANY_ORIGIN_SCOPE("/catalog/1", EVIL),

		NON_CORS_REQUEST("/orders/1", null),

		NON_CORS_REQUEST_IN_ANY_ORIGIN_SCOPE("/catalog/1", null);

		private final String path;

		private final @Nullable String origin;

		RequestKind(String path, @Nullable String origin) {
			this.path = path;
			this.origin = origin;
		}

	}

	static Stream<Arguments> everyPathForEveryRequestKind() {
		List<Arguments> arguments = new ArrayList<>();
		for (ResponsePath path : ResponsePath.values()) {
			for (RequestKind kind : RequestKind.values()) {
				arguments.add(Arguments.of(path, kind));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} x {1}")
	@MethodSource("everyPathForEveryRequestKind")
	void responseCarriesExactlyThePolicysCorsHeaders(ResponsePath path, RequestKind kind) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("https://api.example.com" + kind.path);
		if (kind.origin != null) {
			request.header(HttpHeaders.ORIGIN, kind.origin);
		}
		MockServerHttpResponse response = handle(path, request.build());
		assertThat(this.handlerCalls).hasValue(1);
		assertCarriesExactlyThePolicysCorsHeaders(response.getHeaders(), kind);
	}

	// Spring's Reactor Netty response has its headers edited directly, by Netty's own
	// names: the same rules must hold there.
	@ParameterizedTest(name = "{0} x {1}")
	@MethodSource("everyPathForEveryRequestKind")
	void reactorNettyResponseCarriesExactlyThePolicysCorsHeaders(ResponsePath path, RequestKind kind) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(httpHandler(path)))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create().headers((headers) -> {
				if (kind.origin != null) {
					headers.set(HttpHeaders.ORIGIN, kind.origin);
				}
			}).get().uri("http://127.0.0.1:" + server.port() + kind.path).response().block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			assertThat(this.handlerCalls).hasValue(1);
			assertCarriesExactlyThePolicysCorsHeaders(
					new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())), kind);
		}
		finally {
			server.disposeNow();
		}
	}

	private static void assertCarriesExactlyThePolicysCorsHeaders(HttpHeaders headers, RequestKind kind) {
		Map<String, @Nullable String> expected = expectedCorsHeaders(kind);
		for (String name : CORS_HEADERS) {
			String value = expected.get(name);
			if (value == null) {
				assertThat(headers.get(name)).as(name).isNull();
			}
			else {
				assertThat(headers.get(name)).as(name).containsExactly(value);
			}
		}
		List<String> vary = varyTokens(headers);
		if (kind == RequestKind.ANY_ORIGIN_SCOPE || kind == RequestKind.NON_CORS_REQUEST_IN_ANY_ORIGIN_SCOPE) {
			assertThat(vary).doesNotContain("Origin");
		}
		else {
			assertThat(vary).containsOnlyOnce("Origin");
		}
	}

	private static Map<String, @Nullable String> expectedCorsHeaders(RequestKind kind) {
		Map<String, @Nullable String> expected = new LinkedHashMap<>();
		switch (kind) {
			case ALLOWED_ORIGIN -> {
				expected.put(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
				expected.put(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
				expected.put(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Total-Count, ETag");
			}
			case ANY_ORIGIN_SCOPE, NON_CORS_REQUEST_IN_ANY_ORIGIN_SCOPE -> {
				expected.put(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
				expected.put(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
			}
			case LET_THROUGH_DISALLOWED_ORIGIN, NON_CORS_REQUEST -> {
			}
		}
		return expected;
	}

	@Test
	void rejectedRequestStaysFreeOfCorsHeadersThatAnUpstreamCommitActionAdds() {
		MockServerHttpResponse response = handle(ResponsePath.UPSTREAM_COMMIT_ACTION,
				MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, EVIL).build());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
		assertThat(varyTokens(response)).containsOnlyOnce("Origin");
	}

	@Test
	void rejectedPreflightStaysFreeOfCorsHeadersThatAnUpstreamCommitActionAdds() {
		MockServerHttpResponse response = handle(ResponsePath.UPSTREAM_COMMIT_ACTION,
				MockServerHttpRequest.options("https://api.example.com/orders/1")
					.header(HttpHeaders.ORIGIN, EVIL)
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
					.build());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.handlerCalls).hasValue(0);
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
	}

	@Test
	void answeredPreflightCarriesOnlyThePolicysHeadersWhenAnUpstreamCommitActionAddsOthers() {
		MockServerHttpResponse response = handle(ResponsePath.UPSTREAM_COMMIT_ACTION,
				MockServerHttpRequest.options("https://api.example.com/orders/1")
					.header(HttpHeaders.ORIGIN, SHOP)
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
					.build());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.handlerCalls).hasValue(0);
		HttpHeaders headers = response.getHeaders();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).containsExactly("true");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("POST");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).isNull();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isNull();
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).isNull();
		assertThat(headers.get("Access-Control-Allow-Private-Network")).isNull();
	}

	@Test
	void failingDownstreamCommitActionStillLeavesOnlyThePolicysHeaders() {
		AtomicInteger actionRuns = new AtomicInteger();
		WebFilter failingAction = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> {
				actionRuns.incrementAndGet();
				setHostileHeaders(exchange);
				return Mono.error(new IllegalStateException("commit action failed"));
			});
			return chain.filter(exchange);
		};
		MockServerHttpResponse response = handleLenient(this::writeBody, new CorsGatewayWebFilter(this.policies),
				failingAction);
		assertThat(actionRuns).hasValue(1);
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
		assertThat(varyTokens(response)).contains("Origin");
	}

	@Test
	void downstreamCommitActionThatThrowsStillLeavesOnlyThePolicysHeaders() {
		AtomicInteger actionRuns = new AtomicInteger();
		WebFilter throwingAction = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> {
				actionRuns.incrementAndGet();
				setHostileHeaders(exchange);
				throw new IllegalStateException("commit action threw");
			});
			return chain.filter(exchange);
		};
		MockServerHttpResponse response = handleLenient(this::writeBody, new CorsGatewayWebFilter(this.policies),
				throwingAction);
		assertThat(actionRuns).hasValue(1);
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
		assertThat(varyTokens(response)).contains("Origin");
	}

	@Test
	void commitActionThatThrowsAfterTheChainCompletedStillLeavesOnlyThePolicysHeaders() {
		// The handler leaves no body, so the server completes the response outside the
		// filter chain, where no error reaches this filter.
		AtomicInteger actionRuns = new AtomicInteger();
		WebFilter throwingAction = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> {
				actionRuns.incrementAndGet();
				setHostileHeaders(exchange);
				throw new IllegalStateException("commit action threw");
			});
			return chain.filter(exchange);
		};
		MockServerHttpResponse response = handleLenient((exchange) -> Mono.empty(),
				new CorsGatewayWebFilter(this.policies), throwingAction);
		assertThat(actionRuns).hasValue(1);
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
	}

	@Test
	void failingCommitActionOfAFilterAheadStillLeavesOnlyThePolicysHeaders() {
		// Like a session store that is down: the action touches no CORS header, but its
		// failure stops the actions after it, this filter's repair among them.
		WebFilter failingAction = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.error(new IllegalStateException("store is down")));
			return chain.filter(exchange);
		};
		MockServerHttpResponse response = handleLenient((exchange) -> {
			setHostileHeaders(exchange);
			return writeBody(exchange);
		}, failingAction, new CorsGatewayWebFilter(this.policies));
		assertThat(CORS_HEADERS).allSatisfy((name) -> assertThat(response.getHeaders().get(name)).as(name).isNull());
		assertThat(varyTokens(response)).contains("Origin");
	}

	@Test
	void errorAfterTheResponseWasCommittedIsPassedOnUnchanged() {
		IllegalStateException failure = new IllegalStateException("failed after the body");
		WebHandler handler = (exchange) -> {
			// Headers captured before commit stay writable underneath; after commit the
			// response only hands out a read-only view, which the repair must not trip
			// on.
			HttpHeaders captured = exchange.getResponse().getHeaders();
			return writeBody(exchange)
				.then(Mono.fromRunnable(() -> captured.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, EVIL)))
				.then(Mono.error(failure));
		};
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("https://api.example.com/lenient/1").header(HttpHeaders.ORIGIN, EVIL));
		Throwable error = catchThrowable(
				() -> new CorsGatewayWebFilter(this.policies).filter(exchange, (chained) -> handler.handle(chained))
					.block(Duration.ofSeconds(5)));
		assertThat(exchange.getResponse().isCommitted()).isTrue();
		assertThat(error).isSameAs(failure);
	}

	// A disallowed origin let through: the policy's answer is no CORS header at all.
	private MockServerHttpResponse handleLenient(WebHandler handler, WebFilter... filters) {
		HttpHandler httpHandler = WebHttpHandlerBuilder.webHandler(handler)
			.filters((list) -> list.addAll(List.of(filters)))
			.build();
		MockServerHttpResponse response = new MockServerHttpResponse();
		httpHandler.handle(
				MockServerHttpRequest.get("https://api.example.com/lenient/1").header(HttpHeaders.ORIGIN, EVIL).build(),
				response)
			.onErrorComplete()
			.block(Duration.ofSeconds(5));
		return response;
	}

	private MockServerHttpResponse handle(ResponsePath path, MockServerHttpRequest request) {
		MockServerHttpResponse response = new MockServerHttpResponse();
		httpHandler(path).handle(request, response).block(Duration.ofSeconds(5));
		return response;
	}

	private HttpHandler httpHandler(ResponsePath path) {
		List<WebFilter> filters = new ArrayList<>();
		if (path == ResponsePath.UPSTREAM_COMMIT_ACTION) {
			filters.add(commitActionFilter());
		}
		filters.add(new CorsGatewayWebFilter(this.policies));
		if (path == ResponsePath.DOWNSTREAM_COMMIT_ACTION) {
			filters.add(commitActionFilter());
		}
		return WebHttpHandlerBuilder.webHandler(handler(path))
			.filters((list) -> list.addAll(filters))
			.exceptionHandler(hostileErrorRenderer())
			.build();
	}

	private WebHandler handler(ResponsePath path) {
		return switch (path) {
			case BODY, DOWNSTREAM_COMMIT_ACTION, UPSTREAM_COMMIT_ACTION -> counted((exchange) -> {
				if (path == ResponsePath.BODY) {
					setHostileHeaders(exchange);
				}
				return writeBody(exchange);
			});
			case SET_COMPLETE -> counted((exchange) -> {
				setHostileHeaders(exchange);
				return exchange.getResponse().setComplete();
			});
			case EMPTY_COMPLETION -> counted((exchange) -> {
				setHostileHeaders(exchange);
				return Mono.empty();
			});
			case RENDERED_ERROR -> counted((exchange) -> {
				setHostileHeaders(exchange);
				return Mono.error(new IllegalStateException("handler failed"));
			});
			case STREAMED_BODY -> counted((exchange) -> {
				setHostileHeaders(exchange);
				ServerHttpResponse response = exchange.getResponse();
				return response.writeAndFlushWith(Flux.just(Flux.just(buffer(response, "data: 1\n\n"))));
			});
			case HEADERS_SET_BY_BODY_PUBLISHER -> counted((exchange) -> {
				ServerHttpResponse response = exchange.getResponse();
				return response.writeWith(Flux.defer(() -> {
					setHostileHeaders(exchange);
					return Flux.just(buffer(response, "late"));
				}));
			});
		};
	}

	private WebHandler counted(Function<ServerWebExchange, Mono<Void>> handler) {
		return (exchange) -> {
			this.handlerCalls.incrementAndGet();
			return handler.apply(exchange);
		};
	}

	private Mono<Void> writeBody(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		return response.writeWith(Mono.just(buffer(response, "body")));
	}

	// Like a security-headers writer, but one that writes CORS headers of its own.
	private static WebFilter commitActionFilter() {
		return (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> setHostileHeaders(exchange)));
			return chain.filter(exchange);
		};
	}

	// Renders errors on the exchange it is given, which is the one outside every filter,
	// and copies the request origin as a careless error renderer might.
	private static WebExceptionHandler hostileErrorRenderer() {
		return (exchange, ex) -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
			setHostileHeaders(exchange);
			return response.writeWith(Mono.just(buffer(response, "error")));
		};
	}

	// What a handler that trusts the request would send: the caller's origin, with
	// credentials, and every other CORS header at its most permissive.
	private static void setHostileHeaders(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		String origin = exchange.getRequest().getHeaders().getOrigin();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, (origin != null) ? origin : EVIL);
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "DELETE");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
		headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Set-Cookie");
		headers.set("Access-Control-Allow-Private-Network", "true");
		headers.add(HttpHeaders.VARY, "Accept-Encoding");
	}

	private static DataBuffer buffer(ServerHttpResponse response, String text) {
		return response.bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	// Tokens of every Vary line: a '*' scope leaves Vary as downstream wrote it.
	private static List<String> varyTokens(MockServerHttpResponse response) {
		return varyTokens(response.getHeaders());
	}

	private static List<String> varyTokens(HttpHeaders headers) {
		List<String> lines = headers.get(HttpHeaders.VARY);
		if (lines == null) {
			return List.of();
		}
		return lines.stream().flatMap((line) -> Stream.of(line.split(","))).map(String::strip).toList();
	}

}
