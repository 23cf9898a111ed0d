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

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs a {@link WebFilter} against one exchange, built once, the way a server runs its
 * filter chain: the filter's {@code Mono} is subscribed, the chain behind it completes
 * the response, and once the filter completes the response is completed again, as
 * {@code HttpWebHandlerAdapter} does, so that a filter that returns without committing
 * (Spring's preflight and rejection) pays for its commit like one that commits itself.
 * <p>
 * Each run takes its response from the {@link HeaderStore}'s {@link ResponseSource}: the
 * same one {@link ReusableServerHttpResponse#reset() reset}, or a new one; the request,
 * its headers and its parsed path are shared by every run.
 *
 * @author cors-gateway authors
 */
final class ExchangeRunner {

	private final ResponseSource responses;

	private final ReusableResponseExchange exchange;

	private final CompletingChain chain = new CompletingChain();

	private final CompletionSubscriber subscriber = new CompletionSubscriber();

	ExchangeRunner(MockServerHttpRequest request, HeaderStore headers) {
		this.responses = headers.responses();
		this.exchange = new ReusableResponseExchange(MockServerWebExchange.from(request), this.responses.next());
	}

	/**
	 * Run the filter once.
	 * @param filter the filter under test
	 * @return the response, for a {@code Blackhole} or for assertions
	 */
	ServerHttpResponse run(WebFilter filter) {
		ServerHttpResponse response = this.responses.next();
		this.exchange.response = response;
		CompletionSubscriber subscriber = this.subscriber;
		subscriber.error = null;
		filter.filter(this.exchange, this.chain).subscribe(subscriber);
		if (subscriber.error != null) {
			throw new IllegalStateException("Filter failed", subscriber.error);
		}
		response.setComplete().subscribe(subscriber);
		return response;
	}

	/**
	 * The response of the last run.
	 * @return the response
	 */
	ServerHttpResponse getResponse() {
		return this.exchange.response;
	}

	/**
	 * How many times a filter passed the exchange on to the chain since this runner was
	 * created.
	 * @return the number of chain invocations
	 */
	int getChainCalls() {
		return this.chain.calls;
	}

	/**
	 * The end of the chain: what a handler that writes no body does.
	 */
	private static final class CompletingChain implements WebFilterChain {

		private int calls;

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.calls++;
			return exchange.getResponse().setComplete();
		}

	}

	/**
	 * Requests everything and records an error; reused by every run.
	 */
	private static final class CompletionSubscriber implements CoreSubscriber<Void> {

		private @Nullable Throwable error;

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Void value) {
		}

		@Override
		public void onError(Throwable error) {
			this.error = error;
		}

		@Override
		public void onComplete() {
		}

	}

	/**
	 * A mock exchange whose response is the one of the current run.
	 */
	private static final class ReusableResponseExchange extends ServerWebExchangeDecorator {

		private ServerHttpResponse response;

		ReusableResponseExchange(ServerWebExchange delegate, ServerHttpResponse response) {
			super(delegate);
			this.response = response;
		}

		@Override
		public ServerHttpResponse getResponse() {
			return this.response;
		}

	}

}
