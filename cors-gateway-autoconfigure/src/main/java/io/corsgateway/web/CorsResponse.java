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
		response.writeHeaders(response.getDelegate().getHeaders());
		return new CorsExchange(exchange, response);
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

	private void rewriteHeaders() {
		ServerHttpResponse delegate = getDelegate();
		if (delegate.isCommitted()) {
			return;
		}
		HttpHeaders headers = delegate.getHeaders();
		boolean allowed = this.decision == Decision.ALLOWED;
		boolean preflight = this.decision == Decision.PREFLIGHT;
		String allowOrigin = (allowed || preflight) ? this.policy.allowOriginValue(this.origin) : null;
		String allowCredentials = (allowOrigin != null && this.policy.isAllowCredentials()) ? "true" : null;
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.ALLOW_ORIGIN, allowOrigin);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.ALLOW_CREDENTIALS, allowCredentials);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.ALLOW_METHODS, preflight ? this.requestedMethod : null);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.ALLOW_HEADERS,
				(preflight && !this.allowedHeaders.isEmpty()) ? this.allowedHeaders : null);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.MAX_AGE, preflight ? this.policy.getMaxAge() : null);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.EXPOSE_HEADERS,
				allowed ? this.policy.getExposedHeaders() : null);
		CorsResponseHeaders.ensure(headers, CorsResponseHeaders.ALLOW_PRIVATE_NETWORK, null);
		if (preflight) {
			CorsResponseHeaders.mergeVary(headers, CorsResponseHeaders.VARY_PREFLIGHT);
		}
		else if (!allowed || this.policy.isOriginDependent()) {
			CorsResponseHeaders.varyOnOrigin(headers);
		}
	}

	// Written when the request is let through; rewriteHeaders() repairs what downstream
	// changes before the response goes out.
	private void writeHeaders(HttpHeaders headers) {
		switch (this.decision) {
			case ALLOWED -> writeActualHeaders(headers);
			case PREFLIGHT ->
				writePreflightHeaders(headers, this.policy, this.origin, this.requestedMethod, this.allowedHeaders);
			case NOT_ALLOWED, NOT_CORS -> CorsResponseHeaders.varyOnOrigin(headers);
		}
	}

	private void writeActualHeaders(HttpHeaders headers) {
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, this.policy.allowOriginValue(this.origin));
		if (this.policy.isAllowCredentials()) {
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		}
		String exposedHeaders = this.policy.getExposedHeaders();
		if (exposedHeaders != null) {
			headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
		}
		if (this.policy.isOriginDependent()) {
			CorsResponseHeaders.varyOnOrigin(headers);
		}
	}

	static void writePreflightHeaders(HttpHeaders headers, CorsPolicy policy, String origin, String requestedMethod,
			String allowedHeaders) {
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, policy.allowOriginValue(origin));
		if (policy.isAllowCredentials()) {
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		}
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, requestedMethod);
		if (!allowedHeaders.isEmpty()) {
			headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowedHeaders);
		}
		String maxAge = policy.getMaxAge();
		if (maxAge != null) {
			headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
		}
		CorsResponseHeaders.mergeVary(headers, CorsResponseHeaders.VARY_PREFLIGHT);
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
