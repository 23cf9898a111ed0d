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

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * A small HTTP service, started in the gateway's JVM on its own loopback port, that plays
 * the upstream behind the gateway. It answers every path and method with a JSON echo of
 * the request and, like many real services, sets its own permissive CORS headers
 * ({@code Access-Control-Allow-Origin: *}) that the gateway replaces.
 * <p>
 * Besides the echo it serves {@code /events/**} as a short server-sent event stream that
 * opens with a comment line, {@code /fail/**} as a {@code 500}, an echo asked with
 * {@code ?status=401} or {@code ?status=404} with that status, the echoes of
 * {@code /mcp/**} with an {@code Mcp-Session-Id} header, a WebSocket handshake to
 * {@code /ws/**} as a WebSocket that greets the client and echoes its text messages, and
 * {@value #BROWSER_TEST_PAGE} and {@value #WEBSOCKET_TEST_PAGE} as the pages used by the
 * browser tests. The streams under {@value #HELD_EVENTS_PATH} hold their first event
 * until {@link #releaseEvents(String)}. Given a {@link PlaygroundHandler}, it also serves
 * the CORS playground.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class UpstreamServer implements SmartLifecycle {

	/**
	 * Path of the HTML page whose script calls the gateway from another origin.
	 */
	public static final String BROWSER_TEST_PAGE = "/browser-test.html";

	/**
	 * Path of the HTML page whose script opens WebSockets through the gateway from
	 * another origin.
	 */
	public static final String WEBSOCKET_TEST_PAGE = "/websocket-test.html";

	/**
	 * Number of events sent by each {@code /events/**} stream before it completes.
	 */
	public static final int EVENT_COUNT = 3;

	/**
	 * Path prefix of the event streams that wait for {@link #releaseEvents(String)}
	 * before their first event.
	 */
	public static final String HELD_EVENTS_PATH = "/events/held/";

	private static final String STREAM_OPENED = ": stream opened\n\n";

	/**
	 * Prefix of the first message each {@code /ws/**} WebSocket sends, followed by the
	 * path; each text message received is then sent back after {@value #ECHO_PREFIX}.
	 */
	public static final String GREETING_PREFIX = "hello ";

	/**
	 * Prefix of the echo of each text message a {@code /ws/**} WebSocket receives.
	 */
	public static final String ECHO_PREFIX = "echo ";

	private static final Log logger = LogFactory.getLog(UpstreamServer.class);

	private static final String HOST = "127.0.0.1";

	// The port to bind: the configured one, then the one first bound, so that a restart
	// (Spring's test context cache stops and restarts the lifecycle of paused contexts)
	// comes back where the gateway's routes point.
	private volatile int bindPort;

	private final AtomicLong requestCount = new AtomicLong();

	private final ConcurrentMap<String, Sinks.Empty<Void>> heldStreams = new ConcurrentHashMap<>();

	private final byte[] browserTestPage;

	private final byte[] websocketTestPage;

	// Requests to /hold/<name>, answered once /release/<name> is asked: see handle.
	private final Map<String, Sinks.Empty<Void>> holds = new ConcurrentHashMap<>();

	// ---- For the browser tests (BrowserCorsTests) ----
	// Method and path of every request received, so that a test can check which of a
	// page's requests reached the upstream.
	private final Set<String> receivedRequests = ConcurrentHashMap.newKeySet();

	// ---- End of the browser tests' block ----

	private volatile @Nullable DisposableServer server;

	// --- CORS playground ---
	private final @Nullable PlaygroundHandler playground;

	// --- end of CORS playground ---

	/**
	 * Create a new server that will listen on the given port once started.
	 * @param port the port to bind to on the loopback interface, {@code 0} for a random
	 * free port
	 */
	public UpstreamServer(int port) {
		this(port, null);
	}

	/**
	 * Create a new server that will listen on the given port once started and also serve
	 * the CORS playground.
	 * @param port the port to bind to on the loopback interface, {@code 0} for a random
	 * free port
	 * @param playground the playground's handler, or {@code null} for none
	 */
	public UpstreamServer(int port, @Nullable PlaygroundHandler playground) {
		Assert.isTrue(port >= 0 && port <= 65535, "'port' must be between 0 and 65535");
		this.playground = playground;
		this.bindPort = port;
		this.browserTestPage = loadPage(BROWSER_TEST_PAGE);
		this.websocketTestPage = loadPage(WEBSOCKET_TEST_PAGE);
	}

	private static byte[] loadPage(String path) {
		ClassPathResource resource = new ClassPathResource("upstream" + path);
		try (InputStream input = resource.getInputStream()) {
			return StreamUtils.copyToByteArray(input);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to read " + resource, ex);
		}
	}

	@Override
	public void start() {
		DisposableServer server = HttpServer.create().host(HOST).port(this.bindPort).handle(this::handle).bindNow();
		this.bindPort = server.port();
		this.server = server;
		logger.info("Upstream service started on http://" + HOST + ":" + server.port());
	}

	@Override
	public void stop() {
		DisposableServer server = this.server;
		if (server != null) {
			server.disposeNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Start well before the gateway's web server (which uses a phase close to
	 * {@link SmartLifecycle#DEFAULT_PHASE}) so that routes resolve to a bound port, and
	 * stop after it so that in-flight proxied requests can finish.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	/**
	 * Return the port the server is bound to.
	 * @return the bound port
	 * @throws IllegalStateException if the server is not running
	 */
	public int getPort() {
		DisposableServer server = this.server;
		Assert.state(server != null, "Upstream server is not running");
		return server.port();
	}

	/**
	 * Return the base URI of the running server, for example
	 * {@code http://127.0.0.1:9090}.
	 * @return the base URI
	 * @throws IllegalStateException if the server is not running
	 */
	public String getUri() {
		return "http://" + HOST + ":" + getPort();
	}

	/**
	 * Return how many requests the server has received since it was created, so that
	 * tests can check that a rejected request never reached it.
	 * @return the number of requests received
	 */
	public long getRequestCount() {
		return this.requestCount.get();
	}

	// ---- For the browser tests (BrowserCorsTests) ----
	/**
	 * Return whether the server has received a request with the given method and path
	 * (without the query), so that a test can check whether a browser's request reached
	 * it.
	 * @param method the request method, as sent
	 * @param path the request path
	 * @return whether such a request was received
	 */
	public boolean hasReceived(String method, String path) {
		return this.receivedRequests.contains(method + " " + path);
	}
	// ---- End of the browser tests' block ----

	/**
	 * Release the events of the streams held at {@value #HELD_EVENTS_PATH}{@code <name>}:
	 * those already open and the next one opened. Such a stream sends its response head
	 * and its opening comment at once, then waits for this call before its first event,
	 * so that tests can check what a client has received before any event.
	 * @param name the last part of the stream's path
	 */
	public void releaseEvents(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.heldStreams.computeIfAbsent(name, (key) -> Sinks.empty()).tryEmitEmpty();
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		// --- CORS playground ---
		// Before the permissive headers below, which would let any site read the policies
		// that the playground's check proxy returns; not counted, as the gateway sends
		// none.
		PlaygroundHandler playground = this.playground;
		if (playground != null && playground.handles(request.fullPath())) {
			return playground.handle(request, response);
		}
		// --- end of CORS playground ---
		long count = this.requestCount.incrementAndGet();
		String path = request.fullPath();
		this.receivedRequests.add(request.method().name() + " " + path);
		// The permissive headers many services send by default: the gateway must not let
		// them reach the browser unchanged.
		response.header("Access-Control-Allow-Origin", "*");
		response.header("Vary", "Accept-Encoding");
		response.header("X-Total-Count", "42");
		response.header("X-Trace-Id", "upstream-" + count);
		// Drain any request body before answering.
		Mono<Void> received = request.receive().then();
		if (path.equals(BROWSER_TEST_PAGE)) {
			response.header("Content-Type", "text/html; charset=utf-8");
			return received.then(response.sendByteArray(Mono.just(this.browserTestPage)).then());
		}
		if (path.startsWith(HELD_EVENTS_PATH)) {
			String name = path.substring(HELD_EVENTS_PATH.length());
			Sinks.Empty<Void> release = this.heldStreams.computeIfAbsent(name, (key) -> Sinks.empty());
			Flux<String> events = release.asMono()
				.thenMany(events(request, path))
				.doFinally((signal) -> this.heldStreams.remove(name, release));
			return received.then(sendEvents(response, events));
		}
		if (path.startsWith("/ws/")
				&& request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
			// The permissive headers above go out on the 101 too: the client of the
			// gateway never sees them, since the gateway answers the handshake itself.
			return response.sendWebsocket((in, out) -> out.sendString(Flux.concat(Mono.just(GREETING_PREFIX + path),
					in.receive().asString().map((text) -> ECHO_PREFIX + text))));
		}
		if (path.equals(WEBSOCKET_TEST_PAGE)) {
			response.header("Content-Type", "text/html; charset=utf-8");
			return received.then(response.sendByteArray(Mono.just(this.websocketTestPage)).then());
		}
		// For the WebSocket test page: headless Chromium dumps a page once it has loaded,
		// and an image from /hold/<name> keeps it loading until the page's script asks
		// for /release/<name>, its checks done.
		if (path.startsWith("/hold/")) {
			Sinks.Empty<Void> hold = this.holds.computeIfAbsent(path.substring(6), (name) -> Sinks.empty());
			return received.then(hold.asMono()).then(response.sendString(Mono.just("released")).then());
		}
		if (path.startsWith("/release/")) {
			Sinks.Empty<Void> hold = this.holds.computeIfAbsent(path.substring(9), (name) -> Sinks.empty());
			hold.tryEmitEmpty();
			this.holds.remove(path.substring(9));
			return received.then(response.sendString(Mono.just("released")).then());
		}
		if (path.startsWith("/events/")) {
			return received.then(sendEvents(response, events(request, path)));
		}
		if (path.startsWith("/fail/")) {
			response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR);
		}
		// ---- For the browser tests (BrowserCorsTests): error statuses and MCP headers
		// ----
		// ?status=401 or ?status=404 on any echoed path answers with that status, a 401
		// with a WWW-Authenticate challenge, so that a page can check it reads them; and
		// /mcp paths carry an Mcp-Session-Id, as an MCP server's answers do.
		String status = new QueryStringDecoder(request.uri()).parameters()
			.getOrDefault("status", List.of())
			.stream()
			.findFirst()
			.orElse("");
		if (status.equals("401")) {
			response.status(HttpResponseStatus.UNAUTHORIZED);
			response.header("WWW-Authenticate", "Bearer realm=\"sample\"");
		}
		else if (status.equals("404")) {
			response.status(HttpResponseStatus.NOT_FOUND);
		}
		if (path.equals("/mcp") || path.startsWith("/mcp/")) {
			response.header("Mcp-Session-Id", "session-" + count);
		}
		// ---- End of the browser tests' block ----
		response.header("Content-Type", "application/json");
		return received.then(response.sendString(Mono.just(echo(request, path))).then());
	}

	private static Flux<String> events(HttpServerRequest request, String path) {
		return Flux.interval(Duration.ofMillis(20))
			.take(EVENT_COUNT)
			.map((index) -> "id: " + (index + 1) + "\nevent: order-status\ndata: " + echo(request, path) + "\n\n");
	}

	private static Mono<Void> sendEvents(HttpServerResponse response, Flux<String> events) {
		response.header("Content-Type", "text/event-stream");
		response.header("Cache-Control", "no-cache");
		// A comment line first, which EventSource ignores: a proxy may hold the response
		// head until the first bytes of the body (Spring Cloud Gateway does), and with it
		// the head, CORS headers included, reaches the browser before the first event.
		return response.sendString(Flux.concat(Mono.just(STREAM_OPENED), events)).then();
	}

	private static String echo(HttpServerRequest request, String path) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("method", request.method().name());
		body.put("path", path);
		return JsonMapper.shared().writeValueAsString(body);
	}

}
