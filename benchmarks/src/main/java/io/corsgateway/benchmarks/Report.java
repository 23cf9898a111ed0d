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

import java.io.File;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON results of {@link CorsFilterBenchmark} ({@code -rf json -prof gc}) into
 * Markdown tables: the starter's time and allocation as a fraction of Spring's, both net
 * of the harness, checked against the targets; the starter's time and allocation as a
 * multiple of the floor's, when {@code floor} was run; the no-{@code Origin} overhead;
 * what the metrics listener adds to the starter, when {@code starterWithMetrics} was run;
 * then the raw figures.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.corsgateway.benchmarks.Report result.json}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class Report {

	/** LARGE: the starter takes at most 1/50 of Spring's time. */
	private static final double LARGE_TIME_TARGET = 50;

	/** LARGE: the starter allocates at most 1/100 of Spring's bytes. */
	private static final double LARGE_ALLOCATION_TARGET = 100;

	/** SMALL: the starter takes at most 1/5 of Spring's time. */
	private static final double SMALL_TIME_TARGET = 5;

	/** SMALL: the starter takes at most 1.5 times the floor's time. */
	private static final double SMALL_FLOOR_TIME_TARGET = 1.5;

	/** LARGE: the starter takes at most twice the floor's time. */
	private static final double LARGE_FLOOR_TIME_TARGET = 2;

	/** Every size: the starter allocates at most 1.5 times the floor's bytes. */
	private static final double FLOOR_ALLOCATION_TARGET = 1.5;

	/** No {@code Origin}: at most this many nanoseconds above the harness. */
	private static final double NO_ORIGIN_NANOS_TARGET = 30;

	// gc.alloc.rate.norm of an allocation-free operation is not exactly 0: JMH's own
	// bookkeeping is spread over the operations.
	private static final double ZERO_BYTES = 0.5;

	private final Map<HeaderStore, Map<Size, Map<Scenario, Row>>> rows = new EnumMap<>(HeaderStore.class);

	private int met;

	private int missed;

	private Report() {
	}

	/**
	 * Print the report.
	 * @param args the JMH JSON result file
	 */
	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("Usage: Report <jmh-result.json>");
			System.exit(2);
		}
		Report report = new Report();
		report.read(JsonMapper.builder().build().readTree(new File(args[0])));
		report.print();
	}

	private void read(JsonNode results) {
		for (JsonNode result : results) {
			String benchmark = result.path("benchmark").asString();
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			JsonNode primary = result.path("primaryMetric");
			if (!"ns/op".equals(primary.path("scoreUnit").asString())) {
				throw new IllegalArgumentException("Expected ns/op for " + benchmark);
			}
			Size size = Size.valueOf(result.path("params").path("size").asString());
			Scenario scenario = Scenario.valueOf(result.path("params").path("scenario").asString());
			HeaderStore headers = HeaderStore.valueOf(result.path("params").path("headers").asString("MAP"));
			Measure measure = new Measure(number(primary.path("score")), number(primary.path("scoreError")),
					allocation(result.path("secondaryMetrics")));
			Row row = this.rows.computeIfAbsent(headers, (key) -> new EnumMap<>(Size.class))
				.computeIfAbsent(size, (key) -> new EnumMap<>(Scenario.class))
				.computeIfAbsent(scenario, (key) -> new Row());
			switch (method) {
				case "harness" -> row.harness = measure;
				case "starter" -> row.starter = measure;
				case "starterWithMetrics" -> row.starterWithMetrics = measure;
				case "spring" -> row.spring = measure;
				case "floor" -> row.floor = measure;
				case "floorWithCommitAction" -> row.floorWithCommitAction = measure;
				default -> throw new IllegalArgumentException("Unknown benchmark " + benchmark);
			}
		}
	}

	private static double allocation(JsonNode secondaryMetrics) {
		for (var metric : secondaryMetrics.properties()) {
			// JMH 1.37 names it "·gc.alloc.rate.norm".
			if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
				return number(metric.getValue().path("score"));
			}
		}
		return Double.NaN;
	}

	// JMH writes "NaN" as a string, for example the error of a single iteration.
	private static double number(JsonNode node) {
		return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString());
	}

	private void print() {
		this.rows.forEach(this::print);
		System.out.printf(Locale.ROOT, "Targets met: %d of %d%n", this.met, this.met + this.missed);
	}

	private void print(HeaderStore headers, Map<Size, Map<Scenario, Row>> sizes) {
		System.out.printf(Locale.ROOT, "### Response headers: %s%n%n", headers);
		System.out.println("Starter ÷ Spring, both net of the harness (1/22: 22 times less than Spring; "
				+ "5.6x: 5.6 times more):");
		System.out.println();
		System.out.println("| Size | Scenario | Time | Target | Met | Allocation | Target | Met |");
		System.out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | --- |");
		forEachRow(sizes, (size, scenario, row) -> {
			double timeRatio = row.spring.netNanos(row) / row.starter.netNanos(row);
			double allocationRatio = row.spring.netBytes(row) / row.starter.netBytes(row);
			boolean large = size == Size.LARGE;
			double timeTarget = large ? LARGE_TIME_TARGET : SMALL_TIME_TARGET;
			String allocationTarget = large ? "≤ 1/" + (int) LARGE_ALLOCATION_TARGET : "";
			String allocationMet = large
					? verdict(row.starter.netBytes(row) < ZERO_BYTES || allocationRatio >= LARGE_ALLOCATION_TARGET)
					: "";
			System.out.printf(Locale.ROOT, "| %s | %s | %s | ≤ 1/%d | %s | %s | %s | %s |%n", size, scenario,
					fraction(timeRatio), (int) timeTarget, verdict(timeRatio >= timeTarget),
					(row.starter.netBytes(row) < ZERO_BYTES) ? "0 B" : fraction(allocationRatio), allocationTarget,
					allocationMet);
		});
		System.out.println();
		printFloor(sizes);
		System.out.println("No `Origin`, the starter's cost above the harness:");
		System.out.println();
		System.out.println("| Size | Time above harness | Target | Met | Allocation above harness | Target | Met |");
		System.out.println("| --- | ---: | ---: | --- | ---: | ---: | --- |");
		forEachRow(sizes, (size, scenario, row) -> {
			if (scenario == Scenario.NO_ORIGIN) {
				double nanos = row.starter.netNanos(row);
				double bytes = row.starter.netBytes(row);
				System.out.printf(Locale.ROOT, "| %s | %.1f ns | ≤ %.0f ns | %s | %.0f B | 0 B | %s |%n", size, nanos,
						NO_ORIGIN_NANOS_TARGET, verdict(nanos <= NO_ORIGIN_NANOS_TARGET), bytes,
						verdict(bytes < ZERO_BYTES));
			}
		});
		System.out.println();
		printMetricsCost(sizes);
		System.out.println("Raw figures (ns/op ± 99.9% confidence interval, B/op):");
		System.out.println();
		System.out.println("| Size | Scenario | Harness ns | Starter ns | Spring ns | Starter net ns | Spring net ns "
				+ "| Harness B | Starter B | Spring B |");
		System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		forEachRow(sizes,
				(size, scenario, row) -> System.out.printf(Locale.ROOT,
						"| %s | %s | %s | %s | %s | %.1f | %.1f | %.0f | %.0f | %.0f |%n", size, scenario,
						row.harness.time(), row.starter.time(), row.spring.time(), row.starter.netNanos(row),
						row.spring.netNanos(row), row.harness.bytes, row.starter.bytes, row.spring.bytes));
		System.out.println();
	}

	private void printFloor(Map<Size, Map<Scenario, Row>> sizes) {
		if (sizes.values()
			.stream()
			.flatMap((scenarios) -> scenarios.values().stream())
			.noneMatch((row) -> row.floor != null)) {
			return;
		}
		System.out.println("Starter ÷ floor, both net of the harness (2.1x: 2.1 times the floor):");
		System.out.println();
		System.out.println("| Size | Scenario | Time | Target | Met | Allocation | Target | Met "
				+ "| Floor net ns | Starter net ns | Floor B | Starter B |");
		System.out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
		forEachRow(sizes, (size, scenario, row) -> {
			Measure floor = row.floor;
			if (floor == null) {
				return;
			}
			double timeTarget = (size == Size.LARGE) ? LARGE_FLOOR_TIME_TARGET : SMALL_FLOOR_TIME_TARGET;
			double timeRatio = row.starter.netNanos(row) / floor.netNanos(row);
			double allocationRatio = row.starter.netBytes(row) / floor.netBytes(row);
			System.out.printf(Locale.ROOT,
					"| %s | %s | %.2fx | ≤ %.1fx | %s | %.2fx | ≤ %.1fx | %s | %.1f | %.1f | %.0f | %.0f |%n", size,
					scenario, timeRatio, timeTarget, verdict(timeRatio <= timeTarget), allocationRatio,
					FLOOR_ALLOCATION_TARGET, verdict(allocationRatio <= FLOOR_ALLOCATION_TARGET), floor.netNanos(row),
					row.starter.netNanos(row), floor.netBytes(row), row.starter.netBytes(row));
		});
		System.out.println();
		printCommitActionFloor(sizes);
	}

	// Not a target of its own: how much of the distance to the floor is the commit
	// pipeline of the response, which any filter that repairs at commit pays.
	private static void printCommitActionFloor(Map<Size, Map<Scenario, Row>> sizes) {
		if (sizes.values()
			.stream()
			.flatMap((scenarios) -> scenarios.values().stream())
			.noneMatch((row) -> row.floorWithCommitAction != null)) {
			return;
		}
		System.out.println("The floor with a commit action that does nothing, and the starter against it, "
				+ "net of the harness:");
		System.out.println();
		System.out.println("| Size | Scenario | Floor net ns | With commit action net ns | Starter net ns "
				+ "| Starter ÷ with commit action, time | Floor B | With commit action B | Starter B "
				+ "| Starter ÷ with commit action, bytes |");
		System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		forEachRow(sizes, (size, scenario, row) -> {
			Measure floor = row.floor;
			Measure withAction = row.floorWithCommitAction;
			if (floor == null || withAction == null) {
				return;
			}
			System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.2fx | %.0f | %.0f | %.0f | %.2fx |%n",
					size, scenario, floor.netNanos(row), withAction.netNanos(row), row.starter.netNanos(row),
					row.starter.netNanos(row) / withAction.netNanos(row), floor.netBytes(row), withAction.netBytes(row),
					row.starter.netBytes(row), row.starter.netBytes(row) / withAction.netBytes(row));
		});
		System.out.println();
	}

	// Not an issue target with a ratio, so not counted in "Targets met": counting a
	// request must allocate nothing once its counter exists, and its time is shown.
	private static void printMetricsCost(Map<Size, Map<Scenario, Row>> sizes) {
		if (sizes.values()
			.stream()
			.flatMap((scenarios) -> scenarios.values().stream())
			.noneMatch((row) -> row.starterWithMetrics != null)) {
			return;
		}
		System.out.println("Metrics on (`CorsRequestMetrics` on a `SimpleMeterRegistry`), the cost above the starter "
				+ "without listeners:");
		System.out.println();
		System.out.println("| Size | Scenario | Starter ns | With metrics ns | Time above starter | Starter B "
				+ "| With metrics B | Allocation above starter | No allocation |");
		System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		forEachRow(sizes, (size, scenario, row) -> {
			Measure metrics = row.starterWithMetrics;
			if (metrics != null) {
				double bytes = Math.max(0, metrics.bytes - row.starter.bytes);
				System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.1f ns | %.0f | %.0f | %.0f B | %s |%n", size,
						scenario, row.starter.time(), metrics.time(), metrics.nanos - row.starter.nanos,
						row.starter.bytes, metrics.bytes, bytes, (bytes < ZERO_BYTES) ? "yes" : "**no**");
			}
		});
		System.out.println();
	}

	private static void forEachRow(Map<Size, Map<Scenario, Row>> sizes, RowConsumer consumer) {
		sizes.forEach((size, scenarios) -> scenarios.forEach((scenario, row) -> {
			if (row.harness == null || row.starter == null || row.spring == null) {
				throw new IllegalArgumentException("Missing results for " + size + " " + scenario);
			}
			consumer.accept(size, scenario, row);
		}));
	}

	private String verdict(boolean met) {
		if (met) {
			this.met++;
			return "yes";
		}
		this.missed++;
		return "**no**";
	}

	// Spring's figure divided by the starter's, shown as the starter's share: "1/22" is
	// 22 times less than Spring, "5.6x" is 5.6 times more.
	private static String fraction(double ratio) {
		if (Double.isInfinite(ratio) || ratio <= 0 || Double.isNaN(ratio)) {
			return "n/a";
		}
		if (ratio < 1) {
			return String.format(Locale.ROOT, "%.1fx", 1 / ratio);
		}
		return (ratio >= 10) ? String.format(Locale.ROOT, "1/%.0f", ratio)
				: String.format(Locale.ROOT, "1/%.1f", ratio);
	}

	private interface RowConsumer {

		void accept(Size size, Scenario scenario, Row row);

	}

	/**
	 * The benchmarks of one size and scenario; the one with metrics is optional.
	 */
	private static final class Row {

		private @Nullable Measure harness;

		private @Nullable Measure starter;

		private @Nullable Measure starterWithMetrics;

		private @Nullable Measure spring;

		private @Nullable Measure floor;

		private @Nullable Measure floorWithCommitAction;

	}

	private record Measure(double nanos, double error, double bytes) {

		double netNanos(Row row) {
			return this.nanos - row.harness.nanos;
		}

		double netBytes(Row row) {
			return Math.max(0, this.bytes - row.harness.bytes);
		}

		String time() {
			return Double.isNaN(this.error) ? String.format(Locale.ROOT, "%.1f", this.nanos)
					: String.format(Locale.ROOT, "%.1f ± %.1f", this.nanos, this.error);
		}

	}

}
