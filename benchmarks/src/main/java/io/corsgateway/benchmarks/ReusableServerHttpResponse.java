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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A {@link ServerHttpResponse} that is reset between benchmark operations instead of
 * being allocated for each one, so that a benchmark measures the filter and not the
 * construction of a response.
 * <p>
 * It follows the commit protocol of {@link AbstractServerHttpResponse}: the response
 * counts as committed as soon as {@link #setComplete()} is called, and the
 * {@link #beforeCommit(Supplier) commit actions} run when the returned {@link Mono} is
 * subscribed. Unlike it, it allocates nothing per operation: the commit {@code Mono} is
 * built once and commit actions must complete synchronously, which every filter measured
 * here does.
 *
 * @author cors-gateway authors
 */
final class ReusableServerHttpResponse implements ServerHttpResponse, ResponseSource {

	private final HttpHeaders headers;

	private final MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();

	private final List<Supplier<? extends Mono<Void>>> commitActions = new ArrayList<>(4);

	private final Mono<Void> commit = new CommitMono();

	private final ActionSubscriber actionSubscriber = new ActionSubscriber();

	private @Nullable HttpStatusCode statusCode;

	private boolean committed;

	private boolean commitActionsRun;

	/**
	 * Create a response.
	 * @param headers empty headers, which {@link #reset()} clears for every operation
	 */
	ReusableServerHttpResponse(HttpHeaders headers) {
		this.headers = headers;
	}

	/**
	 * Return to the state of a new response: no headers, cookies, status or commit
	 * actions, and not committed. Clearing keeps the capacity of the underlying maps, so
	 * this allocates nothing.
	 */
	void reset() {
		this.headers.clear();
		if (!this.cookies.isEmpty()) {
			this.cookies.clear();
		}
		this.commitActions.clear();
		this.statusCode = null;
		this.committed = false;
		this.commitActionsRun = false;
	}

	/**
	 * This response, {@link #reset() reset}.
	 */
	@Override
	public ServerHttpResponse next() {
		reset();
		return this;
	}

	@Override
	public boolean setStatusCode(@Nullable HttpStatusCode status) {
		if (this.committed) {
			return false;
		}
		this.statusCode = status;
		return true;
	}

	@Override
	public @Nullable HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public MultiValueMap<String, ResponseCookie> getCookies() {
		return this.cookies;
	}

	@Override
	public void addCookie(ResponseCookie cookie) {
		if (this.committed) {
			throw new IllegalStateException("Can't add the cookie " + cookie + " because the response is committed");
		}
		this.cookies.add(cookie.getName(), cookie);
	}

	@Override
	public DataBufferFactory bufferFactory() {
		return DefaultDataBufferFactory.sharedInstance;
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		this.commitActions.add(action);
	}

	@Override
	public boolean isCommitted() {
		return this.committed;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(this::setComplete));
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return writeWith(Flux.from(body).concatMap(Flux::from));
	}

	@Override
	public Mono<Void> setComplete() {
		if (this.committed) {
			return Mono.empty();
		}
		this.committed = true;
		return this.commit;
	}

	private @Nullable Throwable runCommitActions() {
		if (this.commitActionsRun) {
			return null;
		}
		this.commitActionsRun = true;
		// Indexed: an action may register another one, as with the real response.
		for (int i = 0; i < this.commitActions.size(); i++) {
			ActionSubscriber subscriber = this.actionSubscriber;
			subscriber.done = false;
			subscriber.error = null;
			this.commitActions.get(i).get().subscribe(subscriber);
			if (subscriber.error != null) {
				return subscriber.error;
			}
			if (!subscriber.done) {
				return new IllegalStateException("Commit action " + i + " did not complete synchronously; "
						+ "this benchmark response only supports synchronous commit actions");
			}
		}
		return null;
	}

	/**
	 * The {@code Mono} returned by {@link #setComplete()}: runs the commit actions on
	 * subscription.
	 */
	private final class CommitMono extends Mono<Void> {

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			actual.onSubscribe(Operators.emptySubscription());
			Throwable error = runCommitActions();
			if (error != null) {
				actual.onError(error);
			}
			else {
				actual.onComplete();
			}
		}

	}

	/**
	 * Subscribes to each commit action's {@code Mono} and records its outcome.
	 */
	private static final class ActionSubscriber implements CoreSubscriber<Void> {

		private boolean done;

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
			this.done = true;
		}

		@Override
		public void onComplete() {
			this.done = true;
		}

	}

}
