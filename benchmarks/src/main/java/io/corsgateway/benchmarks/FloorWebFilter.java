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
package io.corsgateway.benchmarks;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The floor of {@link CorsFilterBenchmark}: a {@link WebFilter} that already knows the
 * answer to one {@link Scenario} at one {@link Size} and makes no decision at all. Per
 * request it does only what any correct CORS filter must do: read {@code Origin} (and,
 * for a preflight, {@code Access-Control-Request-Method} and
 * {@code Access-Control-Request-Headers}), write the answer's headers from strings
 * computed when it was built, set the status, and call the chain or complete the
 * response.
 * <p>
 * It writes exactly the headers, names and values the starter writes for the scenario,
 * which the benchmark's setup checks. It does not do what the starter must do besides:
 * find the policy of the request's path, match the origin, check the requested method and
 * headers, merge {@code Vary} with a value already present, and repair the CORS headers
 * of a response that a handler, another filter or a proxied upstream touched (the
 * starter's commit action, and the response decorator it passes down the chain).
 *
 * @author cors-gateway authors
 */
abstract class FloorWebFilter implements WebFilter {

	// Lower case: Spring's request headers lower-case the name of every lookup, and copy
	// one that is not lower case already.
	private static final String ORIGIN = "origin";

	private static final String REQUEST_METHOD = "access-control-request-method";

	private static final String REQUEST_HEADERS = "access-control-request-headers";

	private static final String VARY_ORIGIN = "Origin";

	private static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

	// Spring's response runs its commit actions through a pipeline it builds only when
	// there is one at least: this one does nothing, so that the floor that registers it
	// costs exactly that pipeline more.
	private static final Supplier<Mono<Void>> NO_OP_COMMIT_ACTION = Mono::empty;

	private final String[] names;

	private final String[] values;

	private boolean commitAction;

	// What the request said, kept so that the JIT cannot drop the reads the floor must
	// make; the answer never depends on it.
	@Nullable String origin;

	FloorWebFilter(String[] names, String[] values) {
		this.names = names;
		this.values = values;
	}

	/**
	 * The floor for one scenario at one size, built from the same configuration as the
	 * starter's policies.
	 * @param size the configuration size
	 * @param scenario the request
	 * @return the filter
	 */
	static FloorWebFilter of(Size size, Scenario scenario) {
		return switch (scenario) {
			case NO_ORIGIN -> new PassingOn(names(HttpHeaders.VARY), values(VARY_ORIGIN));
			case EXACT_ORIGIN_GET -> new PassingOn(names(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, HttpHeaders.VARY),
					values(size.exactOrigin(), VARY_ORIGIN));
			case WILDCARD_ORIGIN_GET -> new PassingOn(names(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, HttpHeaders.VARY),
					values(BenchmarkPolicies.wildcardCoveredOrigin(size.targetService()), VARY_ORIGIN));
			case ALLOWED_PREFLIGHT ->
				new Answering(names(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
						HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_MAX_AGE, HttpHeaders.VARY),
						values(size.exactOrigin(), Scenario.REQUESTED_METHOD, Scenario.REQUESTED_HEADERS,
								Long.toString(BenchmarkPolicies.MAX_AGE.toSeconds()), VARY_PREFLIGHT),
						HttpStatus.NO_CONTENT);
			case REJECTED_PREFLIGHT ->
				new Answering(names(HttpHeaders.VARY), values(VARY_PREFLIGHT), HttpStatus.FORBIDDEN);
		};
	}

	/**
	 * This floor, registering besides a commit action that does nothing, as any filter
	 * must that repairs the headers when the response is committed.
	 * @return this floor
	 */
	FloorWebFilter withCommitAction() {
		this.commitAction = true;
		return this;
	}

	private static String[] names(String... names) {
		return names;
	}

	private static String[] values(String... values) {
		return values;
	}

	// One set per header, as the starter makes on a response that holds none of them.
	final void writeHeaders(ServerHttpResponse response) {
		if (this.commitAction) {
			response.beforeCommit(NO_OP_COMMIT_ACTION);
		}
		HttpHeaders headers = response.getHeaders();
		String[] names = this.names;
		String[] values = this.values;
		for (int i = 0; i < names.length; i++) {
			headers.set(names[i], values[i]);
		}
	}

	/**
	 * A request the starter lets through: the headers, then the chain.
	 */
	private static final class PassingOn extends FloorWebFilter {

		PassingOn(String[] names, String[] values) {
			super(names, values);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			this.origin = exchange.getRequest().getHeaders().getFirst(ORIGIN);
			writeHeaders(exchange.getResponse());
			return chain.filter(exchange);
		}

	}

	/**
	 * A preflight the starter answers itself: the headers and the status, then the
	 * response completed without calling the chain.
	 */
	private static final class Answering extends FloorWebFilter {

		private final HttpStatus status;

		@Nullable String requestMethod;

		@Nullable String requestHeaders;

		Answering(String[] names, String[] values, HttpStatus status) {
			super(names, values);
			this.status = status;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			HttpHeaders request = exchange.getRequest().getHeaders();
			this.origin = request.getFirst(ORIGIN);
			this.requestMethod = request.getFirst(REQUEST_METHOD);
			this.requestHeaders = request.getFirst(REQUEST_HEADERS);
			ServerHttpResponse response = exchange.getResponse();
			writeHeaders(response);
			response.setStatusCode(this.status);
			return response.setComplete();
		}

	}

}
