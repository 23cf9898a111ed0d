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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;

import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Measures how long building and validating a large configuration takes and how much heap
 * the result retains: {@code --routes} services (10,000 by default), each with a
 * {@code /svc{i}/**} path, an {@code items} route on {@code /svc{i}/items/{id}}, 10 exact
 * origins and 2 subdomain wildcards.
 * <p>
 * Each run happens in its own method so that nothing from a previous run stays reachable.
 * Retained heap is the used heap after {@code System.gc()} while the result is held,
 * minus the used heap after {@code System.gc()} before the build. The first run is the
 * cold one a starting application sees. Spring's {@link CorsWebFilter} on the same
 * configuration is measured the same way, for reference.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.corsgateway.benchmarks.ScaleBenchmark
 * [--routes=10000] [--runs=5] [--exact-origins=10]}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class ScaleBenchmark {

	private static final long TIME_TARGET_NANOS = 1_000_000_000L;

	private static final long RETAINED_TARGET_BYTES_PER_ROUTE = 2048;

	private ScaleBenchmark() {
	}

	/**
	 * Run the benchmark and print a Markdown table.
	 * @param args {@code --routes=N}, {@code --runs=N}, {@code --exact-origins=N}
	 */
	public static void main(String[] args) {
		int routes = intArgument(args, "routes", 10_000);
		int runs = intArgument(args, "runs", 5);
		int exactOrigins = intArgument(args, "exact-origins", 10);
		System.out.printf(Locale.ROOT, "Building %,d services with one route each (%d exact origins and "
				+ "2 subdomain wildcards per service), %d runs%n%n", routes, exactOrigins, runs);
		List<Sample> starter = new ArrayList<>();
		List<Sample> spring = new ArrayList<>();
		List<Sample> origins = new ArrayList<>();
		List<Sample> patterns = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			starter.add(measure(() -> BenchmarkPolicies.corsPolicies(routes, exactOrigins, true)));
			spring.add(measure(() -> new CorsWebFilter(BenchmarkPolicies.springSource(routes, exactOrigins, true))));
			origins.add(measure(() -> originStrings(routes, exactOrigins)));
			patterns.add(measure(() -> pathPatterns(routes)));
		}
		System.out.println("| Run | Starter build + validate (ms) | Starter retained (B/route) |");
		System.out.println("| ---: | ---: | ---: |");
		for (int run = 0; run < runs; run++) {
			System.out.printf(Locale.ROOT, "| %d%s | %.1f | %,d |%n", run + 1, (run == 0) ? " (cold)" : "",
					starter.get(run).millis(), starter.get(run).retained() / routes);
		}
		System.out.println();
		System.out.println("| What | Cold (ms) | Warm median (ms) | Retained median (B/route) |");
		System.out.println("| --- | ---: | ---: | ---: |");
		printSummary("Starter: `CorsPolicies` build + validate", starter, routes);
		printSummary("Spring: `CorsWebFilter` + `UrlBasedCorsConfigurationSource`", spring, routes);
		printSummary("For scale: the service's origin strings alone", origins, routes);
		printSummary("For scale: its two `PathPattern`s alone", patterns, routes);
		System.out.println();
		double cold = starter.get(0).millis();
		double retained = medianRetained(starter, routes);
		System.out.printf(Locale.ROOT,
				"Starter: cold build %.0f ms (target < %d ms: %s); retained %,.0f B/route " + "(target < %,d B: %s)%n",
				cold, TIME_TARGET_NANOS / 1_000_000, verdict(starter.get(0).nanos() < TIME_TARGET_NANOS), retained,
				RETAINED_TARGET_BYTES_PER_ROUTE, verdict(retained < RETAINED_TARGET_BYTES_PER_ROUTE));
	}

	private static void printSummary(String what, List<Sample> samples, int routes) {
		double warm = median(
				samples.subList(Math.min(1, samples.size() - 1), samples.size()).stream().mapToDouble(Sample::millis));
		System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %,.0f |%n", what, samples.get(0).millis(), warm,
				medianRetained(samples, routes));
	}

	private static double medianRetained(List<Sample> samples, int routes) {
		return median(samples.stream().mapToDouble((sample) -> sample.retained() / (double) routes));
	}

	private static Object originStrings(int services, int exactOrigins) {
		List<Object> origins = new ArrayList<>(services * 2);
		for (int service = 0; service < services; service++) {
			origins.add(BenchmarkPolicies.exactOrigins(service, exactOrigins));
			origins.add(BenchmarkPolicies.wildcardOrigins(service));
		}
		return origins;
	}

	private static Object pathPatterns(int services) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		List<PathPattern> patterns = new ArrayList<>(services * 2);
		for (int service = 0; service < services; service++) {
			patterns.add(parser.parse(BenchmarkPolicies.servicePattern(service)));
			patterns.add(parser.parse(BenchmarkPolicies.itemsPattern(service)));
		}
		return patterns;
	}

	private static Sample measure(Supplier<Object> build) {
		long before = usedHeapAfterGc();
		long start = System.nanoTime();
		Object result = build.get();
		long nanos = System.nanoTime() - start;
		long after = usedHeapAfterGc();
		Reference.reachabilityFence(result);
		return new Sample(nanos, after - before);
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static double median(DoubleStream values) {
		double[] sorted = values.sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	static int intArgument(String[] args, String name, int defaultValue) {
		String prefix = "--" + name + "=";
		return Arrays.stream(args)
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> Integer.parseInt(arg.substring(prefix.length())))
			.findFirst()
			.orElse(defaultValue);
	}

	private record Sample(long nanos, long retained) {

		double millis() {
			return this.nanos / 1e6;
		}

	}

}
