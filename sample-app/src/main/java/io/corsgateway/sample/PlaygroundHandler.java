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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * The CORS playground: a page, served by the {@link UpstreamServer} on its own origin,
 * that calls the gateway and shows what the browser allowed, and a proxy through which
 * that page asks the {@code cors} actuator endpoint's {@code check} operation why a call
 * was blocked, or whether a request it describes would pass.
 * <p>
 * The proxy makes the check a same-origin call for the page, so the management port needs
 * no CORS of its own and stays on loopback. Only {@code GET} {@value #CHECK_PATH} is
 * forwarded, to the {@code check} operation alone, and its answers carry no
 * {@code Access-Control-*} header: no other site's script can read the policies through
 * it. Requests whose {@code Host} is not a loopback name are refused, so that a site
 * whose name resolves to {@code 127.0.0.1} (DNS rebinding) cannot read it either.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class PlaygroundHandler {

	/**
	 * Path of the playground page.
	 */
	public static final String PAGE = "/playground.html";

	/**
	 * Path of the proxy to the {@code check} operation; the query is passed on as is.
	 */
	public static final String CHECK_PATH = "/playground/check";

	private static final String ENDPOINT_PATH = "/cors/check";

	private final Supplier<@Nullable String> endpointBase;

	private final byte[] page;

	private final HttpClient client = HttpClient.create();

	/**
	 * Create a new handler.
	 * @param endpointBase supplies the base URI of the actuator endpoints that serve the
	 * {@code cors} endpoint, such as {@code http://127.0.0.1:8081/actuator}, or
	 * {@code null} while it is not known
	 * @see #actuatorBaseUri(Environment)
	 */
	public PlaygroundHandler(Supplier<@Nullable String> endpointBase) {
		Assert.notNull(endpointBase, "'endpointBase' must not be null");
		this.endpointBase = endpointBase;
		ClassPathResource resource = new ClassPathResource("upstream" + PAGE);
		try (InputStream input = resource.getInputStream()) {
			this.page = StreamUtils.copyToByteArray(input);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to read " + resource, ex);
		}
	}

	/**
	 * Return a supplier of the base URI of the actuator endpoints of the application
	 * whose environment is given, read on each call: the management server publishes its
	 * port ({@code local.management.port}) once it has started, after the upstream.
	 * @param environment the application's environment
	 * @return the supplier
	 */
	public static Supplier<@Nullable String> actuatorBaseUri(Environment environment) {
		return () -> {
			String managementPort = environment.getProperty("local.management.port");
			String port = (managementPort != null) ? managementPort : environment.getProperty("local.server.port");
			if (port == null) {
				return null;
			}
			// The management server binds to management.server.address (127.0.0.1 in the
			// sample); a wildcard or unset address is reached on loopback too.
			String address = (managementPort != null) ? environment.getProperty("management.server.address") : null;
			if (address == null || address.equals("0.0.0.0") || address.equals("::")) {
				address = "127.0.0.1";
			}
			String host = (address.indexOf(':') >= 0) ? "[" + address + "]" : address;
			String serverBasePath = (managementPort != null)
					? environment.getProperty("management.server.base-path", "") : "";
			String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
			return "http://" + host + ":" + port + trimSlash(serverBasePath) + trimSlash(basePath);
		};
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Return whether the given path is one of the playground's.
	 * @param path the request path, without query
	 * @return whether {@link #handle} answers it
	 */
	public boolean handles(String path) {
		return path.equals(PAGE) || path.equals(CHECK_PATH);
	}

	/**
	 * Answer a request to one of the playground's paths.
	 * @param request the request
	 * @param response the response
	 * @return completes when the response has been sent
	 */
	public Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Mono<Void> received = request.receive().then();
		if (!request.method().equals(HttpMethod.GET)) {
			response.header(HttpHeaderNames.ALLOW, "GET");
			return received.then(error(response, HttpResponseStatus.METHOD_NOT_ALLOWED,
					"The playground answers GET only: " + request.method().name() + " is not one."));
		}
		if (!isLoopbackHost(request.requestHeaders().get(HttpHeaderNames.HOST))) {
			return received.then(error(response, HttpResponseStatus.FORBIDDEN,
					"The playground answers requests to 127.0.0.1, localhost or [::1] only: open it by one of these names."));
		}
		if (request.fullPath().equals(PAGE)) {
			response.header(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
			response.header(HttpHeaderNames.CACHE_CONTROL, "no-store");
			return received.then(response.sendByteArray(Mono.just(this.page)).then());
		}
		String base = this.endpointBase.get();
		if (base == null) {
			return received.then(error(response, HttpResponseStatus.SERVICE_UNAVAILABLE,
					"The gateway's actuator endpoints are not started yet: retry once the gateway has started."));
		}
		String uri = request.uri();
		int query = uri.indexOf('?');
		String target = base + ENDPOINT_PATH + ((query >= 0) ? uri.substring(query) : "");
		Mono<Void> answer = this.client.get()
			.uri(target)
			.responseSingle((checked, body) -> body.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Answer(checked.status(), text)))
			.onErrorResume((ex) -> Mono.just(new Answer(HttpResponseStatus.BAD_GATEWAY, json("The check operation at "
					+ target + " did not answer (" + ex.getMessage() + "): expose "
					+ "the cors endpoint (management.endpoints.web.exposure.include) on the management port."))))
			.flatMap((checked) -> send(response, checked.status(), checked.body()));
		return received.then(answer);
	}

	private static boolean isLoopbackHost(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[::1]")) {
			return name.length() == 5 || name.charAt(5) == ':';
		}
		int colon = name.indexOf(':');
		if (colon >= 0) {
			name = name.substring(0, colon);
		}
		return name.equals("127.0.0.1") || name.equals("localhost");
	}

	private static Mono<Void> error(HttpServerResponse response, HttpResponseStatus status, String message) {
		return send(response, status, json(message));
	}

	private static Mono<Void> send(HttpServerResponse response, HttpResponseStatus status, String json) {
		response.status(status);
		response.header(HttpHeaderNames.CONTENT_TYPE, "application/json");
		response.header(HttpHeaderNames.CACHE_CONTROL, "no-store");
		return response.sendString(Mono.just(json)).then();
	}

	private static String json(String error) {
		return JsonMapper.shared().writeValueAsString(Map.of("error", error));
	}

	private record Answer(HttpResponseStatus status, String body) {

	}

}
