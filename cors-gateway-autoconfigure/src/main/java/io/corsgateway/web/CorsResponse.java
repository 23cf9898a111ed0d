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

import org.reactivestreams.Publisher;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicy;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * The response handed down the filter chain when the policy's CORS headers must survive
 * whatever a handler or a proxied upstream writes: the headers are written once when the
 * request is let through, and written again, after removing every downstream
 * {@code Access-Control-*} header, just before the body or the end of the response goes
 * out.
 * <p>
 * Writing up front covers error responses, which Spring's exception handlers write to the
 * undecorated response; rewriting at write time covers handlers and proxies that copy
 * their own headers in. Neither needs a {@code beforeCommit} action, whose reactive
 * plumbing would cost more than the whole CORS decision.
 *
 * @author cors-gateway authors
 */
final class CorsResponse extends ServerHttpResponseDecorator {

	enum Decision {

		/** An actual request from an allowed origin. */
		ALLOWED,

		/** An actual request from a disallowed origin that is let through. */
		NOT_ALLOWED,

		/** A request without Origin, or from the request's own origin. */
		NOT_CORS,

		/** An allowed preflight that continues to the handler. */
		PREFLIGHT

	}

	private final Decision decision;

	private final CorsPolicy policy;

	private final String origin;

	private final String requestedMethod;

	private final String allowedHeaders;

	private CorsResponse(ServerHttpResponse delegate, Decision decision, CorsPolicy policy, String origin,
			String requestedMethod, String allowedHeaders) {
		super(delegate);
		this.decision = decision;
		this.policy = policy;
		this.origin = origin;
		this.requestedMethod = requestedMethod;
		this.allowedHeaders = allowedHeaders;
	}

	/**
	 * Write the decision's headers and return an exchange whose response writes them
	 * again before it is sent.
	 */
	static ServerWebExchange decorate(ServerWebExchange exchange, Decision decision, CorsPolicy policy, String origin,
			String requestedMethod, String allowedHeaders) {
		CorsResponse response = new CorsResponse(exchange.getResponse(), decision, policy, origin, requestedMethod,
				allowedHeaders);
		write(response.getDelegate().getHeaders(), decision, policy, origin, requestedMethod, allowedHeaders);
		return new CorsExchange(exchange, response);
	}

	/**
	 * Write a decision's headers to a response that has none of its own yet, such as a
	 * preflight the filter answers.
	 */
	static void write(HttpHeaders headers, Decision decision, CorsPolicy policy, String origin, String requestedMethod,
			String allowedHeaders) {
		for (int index = 0; index < CorsResponseHeaders.NAMES.length; index++) {
			String value = value(index, decision, policy, origin, requestedMethod, allowedHeaders);
			if (value != null) {
				headers.set(CorsResponseHeaders.NAMES[index], value);
			}
		}
		vary(headers, decision, policy);
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		rewriteHeaders();
		return super.writeWith(body);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		rewriteHeaders();
		return super.writeAndFlushWith(body);
	}

	@Override
	public Mono<Void> setComplete() {
		rewriteHeaders();
		return super.setComplete();
	}

	// Repairs what downstream changed since write(): every CORS header is set to the
	// decision's value or removed, touching only those that differ.
	private void rewriteHeaders() {
		ServerHttpResponse delegate = getDelegate();
		if (delegate.isCommitted()) {
			return;
		}
		HttpHeaders headers = delegate.getHeaders();
		for (int index = 0; index < CorsResponseHeaders.NAMES.length; index++) {
			CorsResponseHeaders.ensure(headers, index,
					value(index, this.decision, this.policy, this.origin, this.requestedMethod, this.allowedHeaders));
		}
		vary(headers, this.decision, this.policy);
	}

	/**
	 * The one mapping from a decision to the value of each CORS response header.
	 * @return the value, or {@code null} when the header must be absent
	 */
	private static @Nullable String value(int index, Decision decision, CorsPolicy policy, String origin,
			String requestedMethod, String allowedHeaders) {
		boolean allowed = decision == Decision.ALLOWED;
		boolean preflight = decision == Decision.PREFLIGHT;
		if (!allowed && !preflight) {
			return null;
		}
		return switch (index) {
			case CorsResponseHeaders.ALLOW_ORIGIN -> policy.allowOriginValue(origin);
			case CorsResponseHeaders.ALLOW_CREDENTIALS -> policy.isAllowCredentials() ? "true" : null;
			case CorsResponseHeaders.ALLOW_METHODS -> preflight ? requestedMethod : null;
			case CorsResponseHeaders.ALLOW_HEADERS -> (preflight && !allowedHeaders.isEmpty()) ? allowedHeaders : null;
			case CorsResponseHeaders.MAX_AGE -> preflight ? policy.getMaxAge() : null;
			case CorsResponseHeaders.EXPOSE_HEADERS -> allowed ? policy.getExposedHeaders() : null;
			default -> null;
		};
	}

	private static void vary(HttpHeaders headers, Decision decision, CorsPolicy policy) {
		if (decision == Decision.PREFLIGHT) {
			CorsResponseHeaders.mergeVary(headers, CorsResponseHeaders.VARY_PREFLIGHT);
		}
		else if (decision != Decision.ALLOWED || policy.isOriginDependent()) {
			CorsResponseHeaders.varyOnOrigin(headers);
		}
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
