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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import io.corsgateway.policy.CorsPolicies;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the filter hands every signal of the chain's {@code Mono} on unchanged when
 * it lets a request through with the repair of its response: completion, the error
 * itself, demand and cancellation up to the chain, and the subscriber's context down to
 * it.
 *
 * @author cors-gateway authors
 */
class ChainSignalsTests {

	private static final String SHOP = "https://shop.example.com";

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(CorsPolicies.builder()
		.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
		.build());

	private static MockServerWebExchange allowedGet() {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("https://api.example.com/orders/1").header(HttpHeaders.ORIGIN, SHOP));
	}

	@Test
	void completionOfTheChainCompletesTheFilterAfterTheRepair() {
		MockServerWebExchange exchange = allowedGet();
		WebFilterChain chain = (served) -> {
			served.getResponse().getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			return served.getResponse().setComplete();
		};
		StepVerifier.create(this.filter.filter(exchange, chain)).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.containsExactly(SHOP);
	}

	@Test
	void errorOfTheChainReachesTheSubscriberUnchanged() {
		IllegalStateException failure = new IllegalStateException("upstream failed");
		StepVerifier.create(this.filter.filter(allowedGet(), (served) -> Mono.error(failure)))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure).hasNoSuppressedExceptions())
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void demandOfTheSubscriberReachesTheChain() {
		// A publisher may wait for demand before it completes, so a chain that completes
		// only when asked would hang if the filter kept the demand to itself.
		AtomicLong requested = new AtomicLong();
		WebFilterChain chain = (served) -> Mono.fromDirect((subscriber) -> subscriber.onSubscribe(new Subscription() {

			@Override
			public void request(long n) {
				requested.addAndGet(n);
				subscriber.onComplete();
			}

			@Override
			public void cancel() {
			}

		}));
		AtomicBoolean completed = new AtomicBoolean();
		this.filter.filter(allowedGet(), chain).subscribe(null, null, () -> completed.set(true));
		assertThat(requested).hasValue(Long.MAX_VALUE);
		assertThat(completed).isTrue();
	}

	@Test
	void cancellingTheFilterCancelsTheChain() {
		AtomicBoolean cancelled = new AtomicBoolean();
		WebFilterChain chain = (served) -> Mono.<Void>never().doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(this.filter.filter(allowedGet(), chain))
			.expectSubscription()
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(cancelled).isTrue();
	}

	@Test
	void contextOfTheSubscriberReachesTheChain() {
		AtomicReference<String> seen = new AtomicReference<>();
		WebFilterChain chain = (served) -> Mono.deferContextual((context) -> {
			seen.set(context.get("tenant"));
			return served.getResponse().setComplete();
		});
		StepVerifier.create(this.filter.filter(allowedGet(), chain).contextWrite(Context.of("tenant", "acme")))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(seen).hasValue("acme");
	}

}
