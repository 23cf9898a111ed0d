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
package io.corsgateway.reload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloads while requests are in flight from several threads: every response is the
 * response of exactly one of the two policies swapped in and out, never a mix of their
 * headers, and no request fails. Two policies that differ in every CORS header are
 * swapped hundreds of times; the expected responses are taken from a filter that only
 * ever has one of them.
 *
 * @author cors-gateway authors
 */
class ReloadConcurrencyTests {

	private static final String ORIGIN = "https://app.example";

	private static final int REQUEST_THREADS = 4;

	private static final int MIN_RELOADS = 300;

	// Generous: the loop normally ends after MIN_RELOADS, well within a second. It only
	// bounds a run in which one thread never got both policies, which then fails.
	private static final Duration DEADLINE = Duration.ofSeconds(60);

	// Each policy is built anew for every reload, as a reload from configuration does.
	private static final Supplier<CorsPolicies> A = () -> CorsPolicies.builder()
		.service("api",
				(api) -> api.paths("/api/**")
					.allowedOrigins(ORIGIN)
					.allowCredentials(true)
					.allowedMethods("GET", "PUT")
					.allowedHeaders("X-Common", "X-Only-A")
					.exposedHeaders("X-Exposed-A")
					.maxAge(Duration.ofSeconds(600)))
		.build();

	private static final Supplier<CorsPolicies> B = () -> CorsPolicies.builder()
		.service("api",
				(api) -> api.paths("/api/**")
					.allowedOrigins("*")
					.allowCredentials(false)
					.allowedMethods("GET", "DELETE")
					.allowedHeaders("X-Common", "X-Only-B")
					.exposedHeaders("X-Exposed-B")
					.maxAge(Duration.ofSeconds(1200)))
		.build();

	private static final WebFilterChain HANDLER = (exchange) -> {
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		return exchange.getResponse().setComplete();
	};

	@Test
	void everyResponseIsThatOfExactlyOneOfThePoliciesWhileTheyAreSwappedAndNoRequestFails() throws Exception {
		Map<Kind, Response> expectedA = expected(A);
		Map<Kind, Response> expectedB = expected(B);
		assertDifferInEveryCorsHeader(expectedA.get(Kind.PREFLIGHT), expectedB.get(Kind.PREFLIGHT));
		assertDifferInEveryCorsHeader(expectedA.get(Kind.ACTUAL), expectedB.get(Kind.ACTUAL));
		// An allowed preflight echoes the requested method and headers, whatever else the
		// policy allows: the allowed methods and headers show in preflights that only one
		// of the policies allows.
		assertThat(expectedA.get(Kind.PREFLIGHT_ONLY_A).status()).isEqualTo(204);
		assertThat(expectedB.get(Kind.PREFLIGHT_ONLY_A).status()).isEqualTo(403);
		assertThat(expectedA.get(Kind.PREFLIGHT_ONLY_B).status()).isEqualTo(403);
		assertThat(expectedB.get(Kind.PREFLIGHT_ONLY_B).status()).isEqualTo(204);
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(A.get());
		AtomicInteger built = new AtomicInteger();
		CorsPolicyReloader reloader = new CorsPolicyReloader(filter,
				() -> (built.getAndIncrement() % 2 == 0) ? B.get() : A.get());
		AtomicBoolean stop = new AtomicBoolean();
		Queue<String> mismatches = new ConcurrentLinkedQueue<>();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		AtomicLong requests = new AtomicLong();
		// Per thread and kind: whether the thread got A's response, and B's.
		AtomicBoolean[][][] seen = new AtomicBoolean[REQUEST_THREADS][Kind.values().length][2];
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < REQUEST_THREADS; t++) {
			AtomicBoolean[][] seenByThread = seen[t];
			for (AtomicBoolean[] byKind : seenByThread) {
				byKind[0] = new AtomicBoolean();
				byKind[1] = new AtomicBoolean();
			}
			Thread thread = new Thread(() -> {
				int i = 0;
				while (!stop.get()) {
					Kind kind = Kind.values()[i++ % Kind.values().length];
					try {
						Response response = send(filter, kind);
						requests.incrementAndGet();
						if (response.equals(expectedA.get(kind))) {
							seenByThread[kind.ordinal()][0].set(true);
						}
						else if (response.equals(expectedB.get(kind))) {
							seenByThread[kind.ordinal()][1].set(true);
						}
						else {
							mismatches.add(kind + " " + response);
						}
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				}
			}, "request-" + t);
			threads.add(thread);
			thread.start();
		}
		List<ReloadResult> failedReloads = new ArrayList<>();
		int reloads = 0;
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while ((reloads < MIN_RELOADS || !allSeen(seen)) && System.nanoTime() < deadline) {
			ReloadResult result = reloader.reload("test " + reloads);
			if (!result.isSuccess()) {
				failedReloads.add(result);
			}
			reloads++;
		}
		stop.set(true);
		for (Thread thread : threads) {
			thread.join(DEADLINE.toMillis());
		}
		assertThat(failures).isEmpty();
		assertThat(mismatches).isEmpty();
		assertThat(failedReloads).isEmpty();
		assertThat(reloads).isGreaterThanOrEqualTo(MIN_RELOADS);
		assertThat(reloader.getStatus().successCount()).isEqualTo(reloads);
		assertThat(allSeen(seen)).as("every thread got both policies' responses of every kind").isTrue();
		assertThat(requests.get()).isGreaterThan(0);
	}

	private static boolean allSeen(AtomicBoolean[][][] seen) {
		for (AtomicBoolean[][] byThread : seen) {
			for (AtomicBoolean[] byKind : byThread) {
				if (!byKind[0].get() || !byKind[1].get()) {
					return false;
				}
			}
		}
		return true;
	}

	private static Map<Kind, Response> expected(Supplier<CorsPolicies> policies) {
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(policies.get());
		Map<Kind, Response> responses = new TreeMap<>();
		for (Kind kind : Kind.values()) {
			responses.put(kind, send(filter, kind));
		}
		return responses;
	}

	private static void assertDifferInEveryCorsHeader(Response a, Response b) {
		assertThat(a.status()).isEqualTo(b.status());
		List<String> names = new ArrayList<>(a.headers().keySet());
		names.addAll(b.headers().keySet());
		names.removeIf((name) -> !name.startsWith("access-control-") || name.equals("access-control-allow-methods")
				|| name.equals("access-control-allow-headers"));
		assertThat(names).isNotEmpty();
		for (String name : names) {
			assertThat(a.headers().get(name)).as(name).isNotEqualTo(b.headers().get(name));
		}
	}

	private static Response send(CorsGatewayWebFilter filter, Kind kind) {
		MockServerHttpRequest.BaseBuilder<?> request = switch (kind) {
			case PREFLIGHT -> MockServerHttpRequest.options("https://api.example.com/api/1")
				.header(HttpHeaders.ORIGIN, ORIGIN)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-common");
			case PREFLIGHT_ONLY_A -> MockServerHttpRequest.options("https://api.example.com/api/1")
				.header(HttpHeaders.ORIGIN, ORIGIN)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-only-a");
			case PREFLIGHT_ONLY_B -> MockServerHttpRequest.options("https://api.example.com/api/1")
				.header(HttpHeaders.ORIGIN, ORIGIN)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-only-b");
			case ACTUAL ->
				MockServerHttpRequest.get("https://api.example.com/api/1").header(HttpHeaders.ORIGIN, ORIGIN);
		};
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		filter.filter(exchange, HANDLER).block(Duration.ofSeconds(10));
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getResponse()
			.getHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		return new Response(exchange.getResponse().getStatusCode().value(), headers);
	}

	private enum Kind {

		PREFLIGHT, PREFLIGHT_ONLY_A, PREFLIGHT_ONLY_B, ACTUAL

	}

	private record Response(int status, Map<String, List<String>> headers) {

	}

}
