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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.corsgateway.actuate.CorsRequestMetrics;
import io.corsgateway.web.CorsGatewayWebFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.WebFilter;

/**
 * Compares {@link CorsGatewayWebFilter} with Spring's {@link CorsWebFilter} on equivalent
 * configurations ({@link Size}) and requests ({@link Scenario}), with response headers
 * backed by a plain map or by Netty ({@link HeaderStore}).
 * <p>
 * Each trial builds its exchange once; an operation resets the response and runs one
 * filter through {@link ExchangeRunner}. The {@link #harness()} benchmark runs the same
 * reset and chain behind a filter that does nothing, so that each filter's own cost is
 * its score minus the harness score, which is what {@code Report} prints. Before a trial
 * is measured, setup checks that every filter produces the scenario's outcome.
 * <p>
 * {@link #floor()} runs {@link FloorWebFilter}, which already knows the answer and only
 * reads the request headers and writes the response headers any correct filter must: the
 * least a filter can cost on this harness. Setup checks that it writes exactly the
 * headers and status the starter writes.
 * <p>
 * {@link #starter()} runs the filter with every diagnostic off: no decision listener,
 * DEBUG off, no report-only scope. {@link #starterWithMetrics()} runs the same filter
 * with {@link CorsRequestMetrics} on a {@link SimpleMeterRegistry}, so that the cost of
 * counting every request is its score minus the starter's.
 * <p>
 * Run with {@code -prof gc} to get {@code gc.alloc.rate.norm}, the bytes allocated per
 * operation.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CorsFilterBenchmark {

	private static final WebFilter NO_OP_FILTER = (exchange, chain) -> chain.filter(exchange);

	/**
	 * The configuration size; public, like every parameter, because JMH sets it from
	 * generated code.
	 */
	@Param
	public Size size;

	/**
	 * The request.
	 */
	@Param
	public Scenario scenario;

	/**
	 * What backs the response headers.
	 */
	@Param
	public HeaderStore headers;

	private ExchangeRunner runner;

	private WebFilter starterFilter;

	private WebFilter starterWithMetricsFilter;

	private SimpleMeterRegistry meterRegistry;

	private WebFilter springFilter;

	private WebFilter floorFilter;

	private WebFilter floorWithCommitActionFilter;

	/**
	 * Build the filters and the exchange, and check every filter's outcome once. The
	 * filter with metrics runs only in its own benchmark's fork: in the others the JIT
	 * must see a filter that has never told a listener, as in an application without one.
	 * @param benchmark the benchmark about to run
	 */
	@Setup
	public void setUp(BenchmarkParams benchmark) {
		this.starterFilter = new CorsGatewayWebFilter(this.size.corsPolicies());
		this.meterRegistry = new SimpleMeterRegistry();
		CorsGatewayWebFilter withMetrics = new CorsGatewayWebFilter(this.size.corsPolicies());
		withMetrics.setDecisionListeners(List.of(new CorsRequestMetrics(this.meterRegistry)));
		this.starterWithMetricsFilter = withMetrics;
		this.springFilter = new CorsWebFilter(this.size.springSource());
		this.floorFilter = FloorWebFilter.of(this.size, this.scenario);
		this.floorWithCommitActionFilter = FloorWebFilter.of(this.size, this.scenario).withCommitAction();
		this.runner = new ExchangeRunner(this.scenario.request(this.size), this.headers);
		int calls = this.runner.getChainCalls();
		this.scenario.verifyHarness(this.runner.run(NO_OP_FILTER), this.runner.getChainCalls() > calls);
		calls = this.runner.getChainCalls();
		this.scenario.verify("CorsGatewayWebFilter", this.size, this.runner.run(this.starterFilter),
				this.runner.getChainCalls() > calls);
		Outcome starter = Outcome.of(this.runner.getResponse(), this.runner.getChainCalls() > calls);
		calls = this.runner.getChainCalls();
		this.scenario.verify("FloorWebFilter", this.size, this.runner.run(this.floorFilter),
				this.runner.getChainCalls() > calls);
		Outcome floor = Outcome.of(this.runner.getResponse(), this.runner.getChainCalls() > calls);
		if (!floor.equals(starter)) {
			throw new IllegalStateException("FloorWebFilter did not answer " + this.scenario + " (" + this.size
					+ ") as CorsGatewayWebFilter does: " + floor + " instead of " + starter);
		}
		calls = this.runner.getChainCalls();
		this.scenario.verify("FloorWebFilter with a commit action", this.size,
				this.runner.run(this.floorWithCommitActionFilter), this.runner.getChainCalls() > calls);
		Outcome floorWithCommitAction = Outcome.of(this.runner.getResponse(), this.runner.getChainCalls() > calls);
		if (!floorWithCommitAction.equals(starter)) {
			throw new IllegalStateException(
					"FloorWebFilter with a commit action did not answer " + this.scenario + " (" + this.size
							+ ") as CorsGatewayWebFilter does: " + floorWithCommitAction + " instead of " + starter);
		}
		if (benchmark.getBenchmark().endsWith(".starterWithMetrics")) {
			calls = this.runner.getChainCalls();
			this.scenario.verify("CorsGatewayWebFilter with metrics", this.size,
					this.runner.run(this.starterWithMetricsFilter), this.runner.getChainCalls() > calls);
			verifyCounted();
		}
		calls = this.runner.getChainCalls();
		this.scenario.verify("CorsWebFilter", this.size, this.runner.run(this.springFilter),
				this.runner.getChainCalls() > calls);
	}

	// The run above must have been counted, in one series: otherwise the variant would
	// measure a listener that does nothing.
	private void verifyCounted() {
		List<Counter> counters = List.copyOf(this.meterRegistry.find(CorsRequestMetrics.METRIC_NAME).counters());
		if (counters.size() != 1 || counters.get(0).count() != 1) {
			throw new IllegalStateException("CorsRequestMetrics did not count " + this.scenario + " (" + this.size
					+ ") once: " + this.meterRegistry.getMetersAsString());
		}
	}

	/**
	 * The reset and chain alone, behind a filter that does nothing.
	 * @return the response
	 */
	@Benchmark
	public Object harness() {
		return this.runner.run(NO_OP_FILTER);
	}

	/**
	 * The starter's {@link CorsGatewayWebFilter}.
	 * @return the response
	 */
	@Benchmark
	public Object starter() {
		return this.runner.run(this.starterFilter);
	}

	/**
	 * The starter's {@link CorsGatewayWebFilter} with {@link CorsRequestMetrics} as its
	 * decision listener.
	 * @return the response
	 */
	@Benchmark
	public Object starterWithMetrics() {
		return this.runner.run(this.starterWithMetricsFilter);
	}

	/**
	 * Spring's {@link CorsWebFilter}.
	 * @return the response
	 */
	@Benchmark
	public Object spring() {
		return this.runner.run(this.springFilter);
	}

	/**
	 * The {@link FloorWebFilter} of this size and scenario.
	 * @return the response
	 */
	@Benchmark
	public Object floor() {
		return this.runner.run(this.floorFilter);
	}

	/**
	 * The {@link FloorWebFilter} of this size and scenario, registering a commit action
	 * that does nothing: the floor of a filter that repairs the headers at commit, on a
	 * response whose commit actions cost something.
	 * @return the response
	 */
	@Benchmark
	public Object floorWithCommitAction() {
		return this.runner.run(this.floorWithCommitActionFilter);
	}

	/**
	 * What a filter did to the exchange: whether it called the chain, the status, and
	 * every response header with the exact spelling of its name and its values.
	 */
	private record Outcome(boolean chainCalled, @Nullable HttpStatusCode status, Map<String, List<String>> headers) {

		static Outcome of(ServerHttpResponse response, boolean chainCalled) {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
			return new Outcome(chainCalled, response.getStatusCode(), headers);
		}

	}

}
