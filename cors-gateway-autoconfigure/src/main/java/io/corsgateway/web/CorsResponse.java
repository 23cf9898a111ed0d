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

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the CORS response headers the values of one decision, whatever path commits the
 * response: a body written by a handler or a proxied upstream, a handler that completes
 * without a body, an error rendered by an exception handler, or an answer of the filter's
 * own.
 * <p>
 * The repair runs as a commit action of the server response, so it sees the headers as
 * they go out: every {@code Access-Control-*} header a browser reads is set to the
 * decision's value or removed, and {@code Vary} gains the tokens the decision needs.
 * Commit actions registered downstream run before it would otherwise lose the last word,
 * so each of them is followed by the repair again (see {@link #beforeCommit(Supplier)}).
 *
 * @author cors-gateway authors
 */
final class CorsResponse extends ServerHttpResponseDecorator implements Supplier<Mono<Void>>, Consumer<Throwable> {

	enum Decision {

		/** A CORS request from an allowed origin, or any request in a {@code *} scope. */
		ALLOWED,

		/** An actual request from a disallowed origin that is let through. */
		NOT_ALLOWED,

		/** A request without Origin, or from the request's own origin. */
		NOT_CORS,

		/** An allowed preflight. */
		PREFLIGHT,

		/** A disallowed preflight, answered with 403. */
		REJECTED_PREFLIGHT,

		/** A disallowed actual request, answered with 403. */
		REJECTED,

		/** A request refused before any policy was chosen, such as an ambiguous path. */
		REFUSED

	}

	private final Decision decision;

	private final @Nullable CorsPolicy policy;

	private final String origin;

	private final String requestedMethod;

	private final String allowedHeaders;

	private CorsResponse(ServerHttpResponse delegate, Decision decision, @Nullable CorsPolicy policy, String origin,
			String requestedMethod, String allowedHeaders) {
		super(delegate);
		this.decision = decision;
		this.policy = policy;
		this.origin = origin;
		this.requestedMethod = requestedMethod;
		this.allowedHeaders = allowedHeaders;
	}

	/**
	 * Register the repair of the decision's headers on the exchange's response, and pass
	 * the chain an exchange whose response keeps the repair last among commit actions.
	 */
	static Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, Decision decision, CorsPolicy policy,
			String origin, String requestedMethod, String allowedHeaders) {
		CorsResponse response = register(exchange.getResponse(), decision, policy, origin, requestedMethod,
				allowedHeaders);
		return chain.filter(new CorsExchange(exchange, response)).doOnError(response);
	}

	/**
	 * Answer the request without calling the handler: the status, then the decision's
	 * headers at commit.
	 */
	static Mono<Void> answer(ServerHttpResponse response, HttpStatus status, Decision decision,
			@Nullable CorsPolicy policy, String origin, String requestedMethod, String allowedHeaders) {
		CorsResponse cors = register(response, decision, policy, origin, requestedMethod, allowedHeaders);
		response.setStatusCode(status);
		return response.setComplete().doOnError(cors);
	}

	private static CorsResponse register(ServerHttpResponse response, Decision decision, @Nullable CorsPolicy policy,
			String origin, String requestedMethod, String allowedHeaders) {
		CorsResponse cors = new CorsResponse(response, decision, policy, origin, requestedMethod, allowedHeaders);
		// Actions run in registration order, so this one runs after those that filters
		// ahead of this one registered.
		response.beforeCommit(cors);
		return cors;
	}

	/**
	 * The commit action: repairs the headers synchronously when its turn comes.
	 */
	@Override
	public Mono<Void> get() {
		// Always, even when downstream actions will repair after themselves: an action
		// registered in between on the raw response may fail and stop them.
		repairHeaders();
		return Mono.empty();
	}

	/**
	 * An error on the way back from the chain: when a commit action failed, Spring
	 * renders the error response without running commit actions again, possibly before
	 * this repair had its turn, so the repair runs now.
	 */
	@Override
	public void accept(Throwable error) {
		try {
			repairHeaders();
		}
		catch (UnsupportedOperationException ex) {
			// Committed already: the headers are read-only, and the error must not be
			// replaced by this one.
		}
	}

	/**
	 * Register a downstream commit action so that the repair runs again after it: an
	 * action that adds a CORS header (a headers writer, a proxy) never has the last word.
	 * The repair also runs when the action fails, by a returned error or a thrown one,
	 * since the error response that follows skips commit actions.
	 */
	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		getDelegate().beforeCommit(() -> {
			Mono<Void> result;
			try {
				result = action.get();
			}
			catch (RuntimeException | Error ex) {
				repairHeaders();
				throw ex;
			}
			return result.doOnTerminate(this::repairHeaders);
		});
	}

	// Every CORS header is set to the decision's value or removed, touching only those
	// that differ; runs once per commit action at most, so it must be idempotent.
	private void repairHeaders() {
		HttpHeaders headers = getDelegate().getHeaders();
		for (int index = 0; index < CorsResponseHeaders.NAMES.length; index++) {
			CorsResponseHeaders.ensure(headers, index, value(index));
		}
		switch (this.decision) {
			case PREFLIGHT, REJECTED_PREFLIGHT ->
				CorsResponseHeaders.mergeVary(headers, CorsResponseHeaders.VARY_PREFLIGHT);
			case ALLOWED -> {
				if (this.policy != null && this.policy.isOriginDependent()) {
					CorsResponseHeaders.varyOnOrigin(headers);
				}
			}
			case NOT_ALLOWED, NOT_CORS, REJECTED -> CorsResponseHeaders.varyOnOrigin(headers);
			case REFUSED -> {
			}
		}
	}

	/**
	 * The one mapping from a decision to the value of each CORS response header.
	 * @return the value, or {@code null} when the header must be absent
	 */
	private @Nullable String value(int index) {
		CorsPolicy policy = this.policy;
		boolean allowed = this.decision == Decision.ALLOWED;
		boolean preflight = this.decision == Decision.PREFLIGHT;
		if (policy == null || (!allowed && !preflight)) {
			return null;
		}
		return switch (index) {
			case CorsResponseHeaders.ALLOW_ORIGIN -> policy.allowOriginValue(this.origin);
			case CorsResponseHeaders.ALLOW_CREDENTIALS -> policy.isAllowCredentials() ? "true" : null;
			case CorsResponseHeaders.ALLOW_METHODS -> preflight ? this.requestedMethod : null;
			case CorsResponseHeaders.ALLOW_HEADERS ->
				(preflight && !this.allowedHeaders.isEmpty()) ? this.allowedHeaders : null;
			case CorsResponseHeaders.MAX_AGE -> preflight ? policy.getMaxAge() : null;
			case CorsResponseHeaders.EXPOSE_HEADERS -> allowed ? policy.getExposedHeaders() : null;
			default -> null;
		};
	}

	private static final class CorsExchange extends ServerWebExchangeDecorator {

		private final CorsResponse response;

		private CorsExchange(ServerWebExchange delegate, CorsResponse response) {
			super(delegate);
			this.response = response;
		}

		@Override
		public ServerHttpResponse getResponse() {
			return this.response;
		}

	}

}
