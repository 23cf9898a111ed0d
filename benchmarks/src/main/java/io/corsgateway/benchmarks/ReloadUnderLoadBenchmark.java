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

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.reload.ReloadResult;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Measures what reloading a large configuration does to the requests the filter decides
 * meanwhile: one thread sends the same allowed CORS request through the filter in a loop
 * and records each request's time, first while nothing else happens, then while another
 * thread builds and validates the same configuration again and again without applying it,
 * then while it reloads the policies ({@code --routes} services, 10,000 by default, each
 * built and validated, compared with the policies in force, then swapped in) again and
 * again. The swap is one write; building happens off the request path, so the requests
 * should only feel the CPU and the collections the build costs, which the phase without
 * swaps shows apart.
 * <p>
 * Usage:
 * {@code java -cp benchmarks.jar io.corsgateway.benchmarks.ReloadUnderLoadBenchmark
 * [--routes=10000] [--seconds=10]}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class ReloadUnderLoadBenchmark {

	private static final int MAX_SAMPLES = 20_000_000;

	private ReloadUnderLoadBenchmark() {
	}

	/**
	 * Run the measurement and print its tables.
	 * @param args {@code --routes=N}, {@code --seconds=N} (per phase)
	 */
	public static void main(String[] args) throws InterruptedException {
		int routes = ScaleBenchmark.intArgument(args, "routes", 10_000);
		int seconds = ScaleBenchmark.intArgument(args, "seconds", 10);
		CorsPolicies initial = BenchmarkPolicies.corsPolicies(routes, 10, true);
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(initial);
		CorsPolicyReloader reloader = new CorsPolicyReloader(filter,
				() -> BenchmarkPolicies.corsPolicies(routes, 10, true));
		int target = routes - 3;
		String origin = BenchmarkPolicies.exactOrigin(target, 0);
		MockServerHttpRequest request = MockServerHttpRequest.get("https://api.example.com/svc" + target + "/orders/1")
			.header(HttpHeaders.ORIGIN, origin)
			.build();
		ExchangeRunner runner = new ExchangeRunner(request, HeaderStore.NETTY);
		String allowed = runner.run(filter).getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		if (!origin.equals(allowed)) {
			throw new IllegalStateException("The request is not allowed: Access-Control-Allow-Origin " + allowed);
		}
		System.out.printf("Reloading %,d services (each with one route) while one thread sends an allowed CORS GET "
				+ "through the filter; %d s per phase, after %d s of warm-up%n%n", routes, seconds, seconds);
		measure(runner, filter, seconds, null);
		long[] quiet = measure(runner, filter, seconds, null);
		AtomicInteger builds = new AtomicInteger();
		long[] building = measure(runner, filter, seconds, () -> {
			if (BenchmarkPolicies.corsPolicies(routes, 10, true).getServices().size() != routes) {
				throw new IllegalStateException("The build lost services");
			}
			builds.incrementAndGet();
		});
		AtomicInteger reloads = new AtomicInteger();
		long[] reloading = measure(runner, filter, seconds, () -> {
			ReloadResult result = reloader.reload("benchmark");
			if (result.outcome() == ReloadResult.Outcome.FAILED) {
				throw new IllegalStateException("Reload failed: " + result);
			}
			reloads.incrementAndGet();
		});
		System.out.println("| Phase | Requests | Median (ns) | p99 (ns) | p99.9 (ns) | Max (ns) | Above 2x median |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		print("quiet", quiet, median(quiet));
		print("building, no swap (" + builds.get() + " builds)", building, median(quiet));
		print("reloading (" + reloads.get() + " reloads)", reloading, median(quiet));
		System.out.printf("%n\"Above 2x median\" counts the requests slower than twice the quiet phase's median.%n");
	}

	// Sends requests until the phase ends while the given task, if any, runs again and
	// again on another thread; returns the sorted request times.
	private static long[] measure(ExchangeRunner runner, CorsGatewayWebFilter filter, int seconds,
			@Nullable Runnable background) throws InterruptedException {
		AtomicBoolean running = new AtomicBoolean(true);
		Thread worker = null;
		if (background != null) {
			worker = new Thread(() -> {
				while (running.get()) {
					background.run();
				}
			}, "reloader");
			worker.start();
		}
		long[] samples = new long[MAX_SAMPLES];
		int count = 0;
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		for (long now = System.nanoTime(); now < end && count < MAX_SAMPLES;) {
			runner.run(filter);
			long after = System.nanoTime();
			samples[count++] = after - now;
			now = after;
		}
		running.set(false);
		if (worker != null) {
			worker.join();
		}
		long[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		return sorted;
	}

	private static long median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

	private static void print(String phase, long[] sorted, long quietMedian) {
		long slow = sorted.length - atMost(sorted, 2 * quietMedian);
		System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d | %,d (%.4f%%) |%n", phase, sorted.length, median(sorted),
				percentile(sorted, 0.99), percentile(sorted, 0.999), sorted[sorted.length - 1], slow,
				100.0 * slow / sorted.length);
	}

	private static long percentile(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
	}

	// How many of the sorted values are at most the given one.
	private static int atMost(long[] sorted, long value) {
		int count = sorted.length;
		while (count > 0 && sorted[count - 1] > value) {
			count--;
		}
		return count;
	}

}
