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
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import io.corsgateway.policy.CorsDecision;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHeadResponseDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;
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

	private static final String REACTOR_RESPONSE_CLASS_NAME = "org.springframework.http.server.reactive.ReactorServerHttpResponse";

	// Spring's Reactor Netty response (package-private, so known by name), where Reactor
	// Netty is present: its headers are edited directly.
	private static final @Nullable Class<?> REACTOR_RESPONSE = reactorResponseClass();

	private final CorsDecision decision;

	// The Reactor Netty response behind Spring's, or null for any other response; typed
	// Object so that this class loads without Netty.
	private final @Nullable Object nettyResponse;

	private CorsResponse(ServerHttpResponse delegate, CorsDecision decision) {
		super(delegate);
		this.decision = decision;
		this.nettyResponse = nettyResponseBehind(delegate);
	}

	// Only Spring's own classes: a subclass or another decorator may keep its headers
	// elsewhere. Spring's decorator for HEAD keeps them in the response it decorates.
	private static @Nullable Object nettyResponseBehind(ServerHttpResponse response) {
		Class<?> type = response.getClass();
		if (type == REACTOR_RESPONSE) {
			return NettyCorsResponseHeaders.nativeResponseOf(response);
		}
		if (type == HttpHeadResponseDecorator.class && REACTOR_RESPONSE != null) {
			ServerHttpResponse decorated = ((HttpHeadResponseDecorator) response).getDelegate();
			if (decorated.getClass() == REACTOR_RESPONSE) {
				return NettyCorsResponseHeaders.nativeResponseOf(decorated);
			}
		}
		return null;
	}

	private static @Nullable Class<?> reactorResponseClass() {
		ClassLoader classLoader = CorsResponse.class.getClassLoader();
		if (!ClassUtils.isPresent("reactor.netty.http.server.HttpServerResponse", classLoader)
				|| !ClassUtils.isPresent(REACTOR_RESPONSE_CLASS_NAME, classLoader)) {
			return null;
		}
		return ClassUtils.resolveClassName(REACTOR_RESPONSE_CLASS_NAME, classLoader);
	}

	/**
	 * Register the repair of the decision's headers on the exchange's response, and pass
	 * the chain an exchange whose response keeps the repair last among commit actions.
	 */
	static Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, CorsDecision decision) {
		CorsResponse response = register(exchange.getResponse(), decision);
		return new RepairedChain(chain.filter(new CorsExchange(exchange, response)), response);
	}

	/**
	 * Answer the request without calling the handler: the status, then the decision's
	 * headers at commit.
	 */
	static Mono<Void> answer(ServerHttpResponse response, HttpStatus status, CorsDecision decision) {
		CorsResponse cors = register(response, decision);
		response.setStatusCode(status);
		return response.setComplete().doOnError(cors);
	}

	private static CorsResponse register(ServerHttpResponse response, CorsDecision decision) {
		CorsResponse cors = new CorsResponse(response, decision);
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
	 * this repair had its turn, so the repair runs now. On Spring's Reactor Netty
	 * response it also runs when the response is committed: an error that reaches Reactor
	 * Netty before it has sent the headers is answered with a 500 that carries them,
	 * edits made since the commit included.
	 */
	@Override
	public void accept(Throwable error) {
		Object nettyResponse = this.nettyResponse;
		if (nettyResponse != null) {
			NettyCorsResponseHeaders.repairUnsent(nettyResponse, this.decision);
			return;
		}
		try {
			// Through Spring's headers, which are read-only once the response is
			// committed: the server has taken them by then.
			CorsResponseHeaders.SPRING.repair(getDelegate().getHeaders(), this.decision);
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
		Object nettyResponse = this.nettyResponse;
		if (nettyResponse != null) {
			NettyCorsResponseHeaders.repairNative(nettyResponse, this.decision);
		}
		else {
			CorsResponseHeaders.SPRING.repair(getDelegate().getHeaders(), this.decision);
		}
	}

	// After the chain completed or was cancelled: on Spring's Reactor Netty response,
	// headers that Netty has not sent yet may have been edited since the last repair.
	// Reactor Netty sends a response completed without a body only once the handling has
	// finished, so a header written after the commit, through a reference taken before
	// it, would still go out. So would one written after a commit action failed, which
	// Spring counts as not committed and then commits without commit actions; whether
	// Spring counts the response as committed therefore does not tell. A filter ahead
	// that gives up on the chain (a timeout) cancels it, and Reactor Netty then sends the
	// headers as they stand, with a 500 if the filter fails.
	private void repairUnsentHeaders() {
		Object nettyResponse = this.nettyResponse;
		if (nettyResponse != null) {
			NettyCorsResponseHeaders.repairUnsent(nettyResponse, this.decision);
		}
	}

	/**
	 * The chain's {@code Mono}, with the repair when it completes, fails or is cancelled:
	 * one operator where three of Reactor's ({@code doOnSuccess}, {@code doOnError},
	 * {@code doOnCancel}) would each add an operator and a subscriber to every request.
	 */
	private static final class RepairedChain extends Mono<Void> {

		private final Mono<Void> chain;

		private final CorsResponse response;

		private RepairedChain(Mono<Void> chain, CorsResponse response) {
			this.chain = chain;
			this.response = response;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			this.chain.subscribe(new RepairingSubscriber(actual, this.response));
		}

	}

	private static final class RepairingSubscriber implements CoreSubscriber<Void>, Subscription {

		private final CoreSubscriber<? super Void> actual;

		private final CorsResponse response;

		private @Nullable Subscription upstream;

		private RepairingSubscriber(CoreSubscriber<? super Void> actual, CorsResponse response) {
			this.actual = actual;
			this.response = response;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(Void value) {
			// A Mono<Void> emits no value; passed on should one come.
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable error) {
			try {
				this.response.accept(error);
			}
			catch (RuntimeException ex) {
				// The request's own error goes on; the repair's failure travels with it.
				error.addSuppressed(ex);
			}
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			try {
				this.response.repairUnsentHeaders();
			}
			catch (RuntimeException ex) {
				this.actual.onError(Operators.onOperatorError(ex, this.actual.currentContext()));
				return;
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			try {
				this.response.repairUnsentHeaders();
			}
			catch (RuntimeException ex) {
				Operators.onErrorDropped(ex, this.actual.currentContext());
			}
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.cancel();
			}
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
