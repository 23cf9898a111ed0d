#!/usr/bin/env bash
#
# Builds benchmarks/target/benchmarks.jar, runs CorsFilterBenchmark (JMH, with the GC
# profiler) and ScaleBenchmark, and prints the summary tables. Results are written to
# benchmarks/target/results/.
#
# Usage: benchmarks/run.sh [--skip-build] [extra JMH options, e.g. -p size=LARGE]
#
# The JMH settings are the documented ones: 1 fork, 5 x 1 s warm-up, 5 x 1 s measurement,
# -prof gc. The whole run takes about 25 minutes (CorsFilterBenchmark has five methods: harness,
# starter, starterWithMetrics, spring and floor).

set -euo pipefail

cd "$(dirname "$0")/.."

build=true
if [[ "${1:-}" == "--skip-build" ]]; then
	build=false
	shift
fi

jar=benchmarks/target/benchmarks.jar
results=benchmarks/target/results

if [[ "$build" == true ]]; then
	./mvnw -q -pl benchmarks -am package -DskipTests
fi

mkdir -p "$results"
java -version 2>&1 | tee "$results/java-version.txt"
java -jar "$jar" CorsFilterBenchmark -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc \
	-rf json -rff "$results/jmh-result.json" "$@" | tee "$results/jmh.log"
java -cp "$jar" io.corsgateway.benchmarks.Report "$results/jmh-result.json" | tee "$results/report.md"
java -cp "$jar" io.corsgateway.benchmarks.ScaleBenchmark | tee "$results/scale.md"
