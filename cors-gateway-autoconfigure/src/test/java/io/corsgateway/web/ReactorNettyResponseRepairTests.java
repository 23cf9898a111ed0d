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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

import io.corsgateway.policy.CorsHeader;
import io.corsgateway.policy.CorsPolicies;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a real Reactor Netty server sends exactly the CORS headers of the policy
 * when a handler writes them on Netty's own response: names in other cases, duplicated
 * lines, values that Netty keeps as {@link AsciiString}, over HTTP/1.1 (including
 * {@code HEAD}, whose response Spring decorates) and HTTP/2. The reference is the same
 * filter on a mock response that no handler touched.
 *
 * @author cors-gateway authors
 */
class ReactorNettyResponseRepairTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

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

	static Stream<Arguments> requests() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			for (String method : List.of("GET", "HEAD")) {
				arguments.add(Arguments.of(protocol, method, "/orders/1", SHOP));
				arguments.add(Arguments.of(protocol, method, "/lenient/1", EVIL));
				arguments.add(Arguments.of(protocol, method, "/catalog/1", EVIL));
				arguments.add(Arguments.of(protocol, method, "/orders/1", null));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2} from {3}")
	@MethodSource("requests")
	void nativeHeaderLinesOfAHandlerGiveWayToThePolicysValues(HttpProtocol protocol, String method, String path,
			@Nullable String origin) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(httpHandler(hostileNativeHandler(origin))))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create().protocol(protocol).headers((headers) -> {
				if (origin != null) {
					headers.set(HttpHeaders.ORIGIN, origin);
				}
			})
				.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
				.uri("http://127.0.0.1:" + server.port() + path)
				.response()
				.block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			HttpHeaders sent = new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()));
			HttpHeaders expected = reference(method, path, origin);
			for (CorsHeader header : CorsHeader.values()) {
				assertThat(sent.get(header.headerName())).as(header.headerName())
					.isEqualTo(expected.get(header.headerName()));
			}
			assertThat(varyTokens(sent)).containsAll(varyTokens(expected));
		}
		finally {
			server.disposeNow();
		}
	}

	static Stream<Arguments> lateWrites() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			for (String method : List.of("GET", "HEAD")) {
				for (boolean throughNetty : List.of(false, true)) {
					arguments.add(Arguments.of(protocol, method, "/orders/1", SHOP, throughNetty));
					arguments.add(Arguments.of(protocol, method, "/catalog/1", EVIL, throughNetty));
					arguments.add(Arguments.of(protocol, method, "/orders/1", null, throughNetty));
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2} from {3}, through Netty: {4}")
	@MethodSource("lateWrites")
	void headersWrittenAfterCompletionThroughAReferenceTakenBeforeGiveWayToThePolicysValues(HttpProtocol protocol,
			String method, String path, @Nullable String origin, boolean throughNetty) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(httpHandler(lateWritingHandler(throughNetty))))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create().protocol(protocol).headers((headers) -> {
				if (origin != null) {
					headers.set(HttpHeaders.ORIGIN, origin);
				}
			})
				.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
				.uri("http://127.0.0.1:" + server.port() + path)
				.response()
				.block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			HttpHeaders sent = new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()));
			HttpHeaders expected = reference(method, path, origin);
			for (CorsHeader header : CorsHeader.values()) {
				assertThat(sent.get(header.headerName())).as(header.headerName())
					.isEqualTo(expected.get(header.headerName()));
			}
			assertThat(varyTokens(sent)).containsAll(varyTokens(expected));
		}
		finally {
			server.disposeNow();
		}
	}

	// Keeps the headers from before the response is completed, and writes every CORS
	// header through them once it is: the repair at commit has run by then.
	private static WebHandler lateWritingHandler(boolean throughNetty) {
		return lateWritingHandler(throughNetty,
				(response, write) -> response.setComplete().then(Mono.fromRunnable(write)));
	}

	/**
	 * Ways a handler completes its response and then writes every CORS header through
	 * references to its headers taken before, for the methods where the write happens
	 * while Reactor Netty has not sent the headers yet.
	 */
	enum LateWrite {

		/**
		 * Completed, then written on another thread before the handling completes.
		 */
		ON_ANOTHER_THREAD("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				return response.setComplete().publishOn(Schedulers.boundedElastic()).then(Mono.fromRunnable(write));
			}
		},

		/**
		 * Completed, then written after a delay, on a timer thread.
		 */
		AFTER_A_DELAY("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				return response.setComplete().then(Mono.delay(Duration.ofMillis(20))).then(Mono.fromRunnable(write));
			}
		},

		/**
		 * Written when the completion signals success.
		 */
		ON_SUCCESS("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				return response.setComplete().doOnSuccess((ignored) -> write.run());
			}
		},

		/**
		 * A 204 completed, then written.
		 */
		AFTER_NO_CONTENT("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				response.setStatusCode(HttpStatus.NO_CONTENT);
				return response.setComplete().then(Mono.fromRunnable(write));
			}
		},

		/**
		 * A 304 completed, then written.
		 */
		AFTER_NOT_MODIFIED("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				response.setStatusCode(HttpStatus.NOT_MODIFIED);
				return response.setComplete().then(Mono.fromRunnable(write));
			}
		},

		/**
		 * A stream, which Spring's decorator for {@code HEAD} completes without a body,
		 * then written.
		 */
		AFTER_A_STREAM("HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				return response.writeAndFlushWith(Flux.just(Flux.just(body(response)))).then(Mono.fromRunnable(write));
			}
		},

		/**
		 * After a commit action failed, written by a renderer of the error that completes
		 * the response without a body, which Spring commits without commit actions.
		 */
		BY_A_RENDERER_AFTER_A_COMMIT_ACTION_FAILED("GET", "HEAD") {
			@Override
			Mono<Void> handle(ServerHttpResponse response, Runnable write) {
				response.beforeCommit(() -> Mono.error(new IllegalStateException("commit action failed")));
				return response.setComplete().onErrorResume((ex) -> {
					write.run();
					response.setStatusCode(HttpStatus.BAD_GATEWAY);
					return response.setComplete();
				});
			}
		};

		private final List<String> methods;

		LateWrite(String... methods) {
			this.methods = List.of(methods);
		}

		abstract Mono<Void> handle(ServerHttpResponse response, Runnable write);

	}

	static Stream<Arguments> otherLateWrites() {
		List<Arguments> arguments = new ArrayList<>();
		for (LateWrite lateWrite : LateWrite.values()) {
			for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
				for (String method : lateWrite.methods) {
					for (boolean throughNetty : List.of(false, true)) {
						arguments.add(Arguments.of(lateWrite, protocol, method, throughNetty));
					}
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}, through Netty: {3}")
	@MethodSource("otherLateWrites")
	void headersWrittenLateInOtherWaysGiveWayToThePolicysValues(LateWrite lateWrite, HttpProtocol protocol,
			String method, boolean throughNetty) {
		HttpClientResponse response = send(protocol, method, SHOP, lateWritingHandler(throughNetty, lateWrite::handle));
		assertCarriesThePolicysHeaders(response, method, "/orders/1", SHOP);
	}

	// The handling fails after the response was completed: Reactor Netty answers with a
	// 500 and the headers it has, since it has not sent them.
	static Stream<Arguments> lateWritesBeforeAnError() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			for (String method : List.of("GET", "HEAD")) {
				for (boolean throughNetty : List.of(false, true)) {
					for (boolean delayed : List.of(false, true)) {
						arguments.add(Arguments.of(protocol, method, throughNetty, delayed));
					}
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1}, through Netty: {2}, after a delay: {3}")
	@MethodSource("lateWritesBeforeAnError")
	void headersWrittenAfterCompletionGiveWayToThePolicysValuesOnTheErrorThatFollows(HttpProtocol protocol,
			String method, boolean throughNetty, boolean delayed) {
		HttpClientResponse response = send(protocol, method, SHOP,
				lateWritingHandler(throughNetty,
						(served, write) -> served.setComplete()
							.then(delayed ? Mono.delay(Duration.ofMillis(20)).then() : Mono.empty())
							.then(Mono.fromRunnable(write))
							.then(Mono.error(new IllegalStateException("failed after completion")))));
		assertThat(response.status().code()).isEqualTo(500);
		assertCarriesThePolicysHeaders(response, method, "/orders/1", SHOP);
	}

	// A commit action failed, and the handling went on: Spring then commits the response
	// without commit actions, and Reactor Netty sends whatever headers it has.
	static Stream<Arguments> lateWritesAfterAFailedCommitAction() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			for (String method : List.of("GET", "HEAD")) {
				for (boolean throughNetty : List.of(false, true)) {
					arguments.add(Arguments.of(protocol, method, throughNetty));
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1}, through Netty: {2}")
	@MethodSource("lateWritesAfterAFailedCommitAction")
	void headersWrittenAfterACommitActionFailedGiveWayToThePolicysValuesWhenTheErrorIsHandled(HttpProtocol protocol,
			String method, boolean throughNetty) {
		HttpClientResponse response = send(protocol, method, SHOP, lateWritingHandler(throughNetty, (served, write) -> {
			served.beforeCommit(() -> Mono.error(new IllegalStateException("commit action failed")));
			return served.setComplete().onErrorResume((ex) -> Mono.fromRunnable(write));
		}));
		assertCarriesThePolicysHeaders(response, method, "/orders/1", SHOP);
	}

	// For HEAD, Spring's decorator only counts the body, so a renderer's body does not
	// send the headers: the response is committed without commit actions afterwards.
	@ParameterizedTest(name = "{0}, through Netty: {1}")
	@MethodSource("protocolsAndReferences")
	void headersWrittenByARendererOfAHeadBodyAfterACommitActionFailedGiveWayToThePolicysValues(HttpProtocol protocol,
			boolean throughNetty) {
		HttpClientResponse response = send(protocol, "HEAD", SHOP, lateWritingHandler(throughNetty, (served, write) -> {
			served.beforeCommit(() -> Mono.error(new IllegalStateException("commit action failed")));
			return served.setComplete().onErrorResume((ex) -> {
				write.run();
				served.setStatusCode(HttpStatus.BAD_GATEWAY);
				return served.writeWith(Mono.just(body(served)));
			});
		}));
		assertThat(response.status().code()).isEqualTo(502);
		assertCarriesThePolicysHeaders(response, "HEAD", "/orders/1", SHOP);
	}

	static Stream<Arguments> protocolsAndReferences() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			for (boolean throughNetty : List.of(false, true)) {
				arguments.add(Arguments.of(protocol, throughNetty));
			}
		}
		return arguments.stream();
	}

	// Several requests on one connection: kept alive one after the other over HTTP/1.1,
	// as concurrent streams over HTTP/2. Each response is repaired on its own.
	@ParameterizedTest(name = "{0}")
	@MethodSource("protocols")
	void headersWrittenAfterCompletionGiveWayToThePolicysValuesOnEveryRequestOfOneConnection(HttpProtocol protocol) {
		Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
		WebHandler handler = lateWritingHandler(false, (served,
				write) -> served.setComplete().then(Mono.delay(Duration.ofMillis(10))).then(Mono.fromRunnable(write)));
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(httpHandler((exchange) -> {
				clientPorts.add(exchange.getRequest().getRemoteAddress().getPort());
				return handler.handle(exchange);
			})))
			.bindNow();
		ConnectionProvider oneConnection = ConnectionProvider.create("one-connection", 1);
		try {
			HttpClient client = HttpClient.create(oneConnection)
				.protocol(protocol)
				.headers((headers) -> headers.set(HttpHeaders.ORIGIN, SHOP));
			Flux<HttpHeaders> requests = Flux.range(0, 6)
				.flatMap(
						(i) -> client.get()
							.uri("http://127.0.0.1:" + server.port() + "/orders/" + i)
							.response((response, body) -> body.then(
									Mono.just(new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()))))),
						(protocol == HttpProtocol.H2C) ? 6 : 1);
			List<HttpHeaders> sent = requests.collectList().block(Duration.ofSeconds(10));
			assertThat(sent).hasSize(6);
			assertThat(clientPorts).hasSize(1);
			HttpHeaders expected = reference("GET", "/orders/1", SHOP);
			for (HttpHeaders headers : sent) {
				assertSameCorsHeaders(headers, expected);
			}
		}
		finally {
			oneConnection.disposeLater().block(Duration.ofSeconds(5));
			server.disposeNow();
		}
	}

	/**
	 * Ways a filter ahead of the CORS filter gives up on the chain, cancelling it, when
	 * the handler signals.
	 */
	enum GiveUp {

		/**
		 * The filter ahead completes instead, as {@code timeout} with an empty fallback
		 * does: Reactor Netty sends the response as it stands.
		 */
		COMPLETING(200) {
			@Override
			Mono<Void> apply(Mono<Void> chain, Mono<String> signal) {
				return chain.timeout(signal, Mono.empty());
			}
		},

		/**
		 * The filter ahead fails instead, as {@code timeout} does: the error does not
		 * pass through the CORS filter, and Reactor Netty answers it with a 500.
		 */
		FAILING(500) {
			@Override
			Mono<Void> apply(Mono<Void> chain, Mono<String> signal) {
				return chain.timeout(signal);
			}
		};

		private final int status;

		GiveUp(int status) {
			this.status = status;
		}

		abstract Mono<Void> apply(Mono<Void> chain, Mono<String> signal);

	}

	static Stream<Arguments> giveUps() {
		List<Arguments> arguments = new ArrayList<>();
		for (GiveUp giveUp : GiveUp.values()) {
			for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
				for (String method : List.of("GET", "HEAD")) {
					arguments.add(Arguments.of(giveUp, protocol, method));
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("giveUps")
	void headersWrittenAfterCompletionGiveWayToThePolicysValuesWhenAFilterAheadCancelsTheChain(GiveUp giveUp,
			HttpProtocol protocol, String method) {
		String signalName = GiveUp.class.getName();
		WebFilter ahead = (exchange, chain) -> {
			Sinks.One<String> signal = Sinks.one();
			exchange.getAttributes().put(signalName, signal);
			return giveUp.apply(chain.filter(exchange), signal.asMono());
		};
		// Writes after completion, then has the filter ahead give up, and never
		// completes.
		WebHandler handler = (exchange) -> {
			Sinks.One<String> signal = exchange.getRequiredAttribute(signalName);
			return lateWritingHandler(false,
					(served, write) -> served.setComplete()
						.then(Mono.fromRunnable(write))
						.then(Mono.fromRunnable(() -> signal.tryEmitValue("give up")))
						.then(Mono.<Void>never()))
				.handle(exchange);
		};
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(handler).filters((list) -> {
				list.add(ahead);
				list.add(new CorsGatewayWebFilter(this.policies));
			}).build()))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create()
				.protocol(protocol)
				.headers((headers) -> headers.set(HttpHeaders.ORIGIN, SHOP))
				.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
				.uri("http://127.0.0.1:" + server.port() + "/orders/1")
				.response()
				.block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			assertThat(response.status().code()).isEqualTo(giveUp.status);
			assertCarriesThePolicysHeaders(response, method, "/orders/1", SHOP);
		}
		finally {
			server.disposeNow();
		}
	}

	// The response is committed only after the chain has returned: by a handler that
	// returns without writing, or for HEAD, whose body Spring's decorator only counts. A
	// commit action of a filter ahead then fails before the repair's turn, and the error
	// does not pass back through the CORS filter.
	static Stream<Arguments> responsesCommittedAfterTheChain() {
		List<Arguments> arguments = new ArrayList<>();
		for (HttpProtocol protocol : List.of(HttpProtocol.HTTP11, HttpProtocol.H2C)) {
			arguments.add(Arguments.of(protocol, "GET", false));
			arguments.add(Arguments.of(protocol, "HEAD", false));
			arguments.add(Arguments.of(protocol, "HEAD", true));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1}, with a body: {2}")
	@MethodSource("responsesCommittedAfterTheChain")
	void headersAHandlerLeftGiveWayToThePolicysValuesWhenACommitActionOfAFilterAheadFailsAfterTheChain(
			HttpProtocol protocol, String method, boolean withBody) {
		WebFilter ahead = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.error(new IllegalStateException("commit action failed")));
			return chain.filter(exchange);
		};
		WebHandler handler = (exchange) -> {
			ServerHttpResponse response = exchange.getResponse();
			for (CorsHeader header : CorsHeader.values()) {
				response.getHeaders().set(header.headerName(), EVIL);
			}
			response.getHeaders().set(HttpHeaders.VARY, "Accept-Encoding");
			return withBody ? response.writeWith(Mono.just(body(response))) : Mono.empty();
		};
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(handler).filters((list) -> {
				list.add(ahead);
				list.add(new CorsGatewayWebFilter(this.policies));
			}).build()))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create()
				.protocol(protocol)
				.headers((headers) -> headers.set(HttpHeaders.ORIGIN, SHOP))
				.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
				.uri("http://127.0.0.1:" + server.port() + "/orders/1")
				.response()
				.block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			assertThat(response.status().code()).isEqualTo(500);
			assertCarriesThePolicysHeaders(response, method, "/orders/1", SHOP);
		}
		finally {
			server.disposeNow();
		}
	}

	static Stream<HttpProtocol> protocols() {
		return Stream.of(HttpProtocol.HTTP11, HttpProtocol.H2C);
	}

	private HttpClientResponse send(HttpProtocol protocol, String method, @Nullable String origin, WebHandler handler) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(protocol)
			.handle(new ReactorHttpHandlerAdapter(httpHandler(handler)))
			.bindNow();
		try {
			HttpClientResponse response = HttpClient.create().protocol(protocol).headers((headers) -> {
				if (origin != null) {
					headers.set(HttpHeaders.ORIGIN, origin);
				}
			})
				.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
				.uri("http://127.0.0.1:" + server.port() + "/orders/1")
				.response()
				.block(Duration.ofSeconds(10));
			assertThat(response).isNotNull();
			return response;
		}
		finally {
			server.disposeNow();
		}
	}

	private void assertCarriesThePolicysHeaders(HttpClientResponse response, String method, String path,
			@Nullable String origin) {
		assertSameCorsHeaders(new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())),
				reference(method, path, origin));
	}

	private static void assertSameCorsHeaders(HttpHeaders sent, HttpHeaders expected) {
		for (CorsHeader header : CorsHeader.values()) {
			assertThat(sent.get(header.headerName())).as(header.headerName())
				.isEqualTo(expected.get(header.headerName()));
		}
		assertThat(varyTokens(sent)).containsAll(varyTokens(expected));
	}

	// Keeps the headers from before the response is completed, and lets the handling
	// write every CORS header and Vary through them when it chooses.
	private static WebHandler lateWritingHandler(boolean throughNetty,
			BiFunction<ServerHttpResponse, Runnable, Mono<Void>> handling) {
		return (exchange) -> {
			ServerHttpResponse response = exchange.getResponse();
			HttpHeaders springHeaders = response.getHeaders();
			io.netty.handler.codec.http.HttpHeaders nettyHeaders = ServerHttpResponseDecorator
				.<HttpServerResponse>getNativeResponse(response)
				.responseHeaders();
			return handling.apply(response, () -> {
				for (CorsHeader header : CorsHeader.values()) {
					if (throughNetty) {
						nettyHeaders.set(header.headerName(), EVIL);
					}
					else {
						springHeaders.set(header.headerName(), EVIL);
					}
				}
				if (throughNetty) {
					nettyHeaders.set(HttpHeaders.VARY, "Accept-Encoding");
				}
				else {
					springHeaders.set(HttpHeaders.VARY, "Accept-Encoding");
				}
			});
		};
	}

	private static DataBuffer body(ServerHttpResponse response) {
		return response.bufferFactory().wrap("body".getBytes(StandardCharsets.UTF_8));
	}

	// The same filter on a response that no handler touched.
	private HttpHeaders reference(String method, String path, @Nullable String origin) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest
			.method(org.springframework.http.HttpMethod.valueOf(method), "https://api.example.com" + path);
		if (origin != null) {
			request.header(HttpHeaders.ORIGIN, origin);
		}
		MockServerHttpResponse response = new MockServerHttpResponse();
		httpHandler((exchange) -> exchange.getResponse().setComplete()).handle(request.build(), response)
			.block(Duration.ofSeconds(5));
		return response.getHeaders();
	}

	private HttpHandler httpHandler(WebHandler handler) {
		return WebHttpHandlerBuilder.webHandler(handler)
			.filters((list) -> list.add(new CorsGatewayWebFilter(this.policies)))
			.build();
	}

	// Writes on Netty's response itself: each CORS header twice, in other cases, the
	// right value of a credentialed answer among wrong ones, values as AsciiString.
	private static WebHandler hostileNativeHandler(@Nullable String origin) {
		return (exchange) -> {
			ServerHttpResponse response = exchange.getResponse();
			HttpServerResponse nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
			io.netty.handler.codec.http.HttpHeaders headers = nativeResponse.responseHeaders();
			String caller = (origin != null) ? origin : EVIL;
			for (CorsHeader header : CorsHeader.values()) {
				String name = header.headerName();
				headers.add(AsciiString.of(name.toUpperCase(java.util.Locale.ROOT)), AsciiString.of("*"));
				headers.add(name.toLowerCase(java.util.Locale.ROOT), new StringBuilder(caller));
			}
			headers.add(AsciiString.of("access-control-allow-credentials"), AsciiString.of("true"));
			headers.add(AsciiString.of("VARY"), AsciiString.of("Accept-Encoding"));
			headers.add("vary", "origin");
			return response
				.writeWith(Mono.just(response.bufferFactory().wrap("body".getBytes(StandardCharsets.UTF_8))));
		};
	}

	private static List<String> varyTokens(HttpHeaders headers) {
		List<String> lines = headers.get(HttpHeaders.VARY);
		if (lines == null) {
			return List.of();
		}
		return lines.stream()
			.flatMap((line) -> Stream.of(line.split(",")))
			.map((token) -> token.strip().toLowerCase(java.util.Locale.ROOT))
			.toList();
	}

}
