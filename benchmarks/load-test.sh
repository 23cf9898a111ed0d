#!/usr/bin/env bash
# End-to-end load test: requests per second and the gateway process's CPU time per request
# (user + system, from /proc/<pid>/stat), through the sample gateway on loopback, with the CORS
# filter on and with cors.enabled=false, for simple CORS GETs and for preflights. Throughput is
# too noisy on shared cores to resolve a few percent; CPU time per request is what the
# comparison rests on.
#
# Both gateways (CORS on, CORS off) run side by side for the whole test, each in its own JVM
# with its own upstream, so that both are warmed up once and the rounds compare two JVMs in a
# steady state; the rounds alternate their order (on first, then off first). Where taskset is
# available and the machine has two cores or more, the gateways share the first core and wrk
# gets the others, so that the load generator does not take CPU from the process measured.
#
# Usage: benchmarks/load-test.sh [seconds-per-run] [rounds]
# Installs wrk from Debian's packages when missing (needs root), builds the sample jar from
# the working tree, starts and stops the gateways itself, and never runs longer than its own
# deadline.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-15}"
ROUNDS="${2:-3}"
# Seconds of warm-up per mode and kind of request. With the gateways pinned to one core, the
# JIT compiles on that core too: with 30 s (times two kinds of request) the gateway with CORS on
# still spent six times its settled CPU per request in the first round and settled only after
# about three minutes under load, which made the first rounds compare compilers, not filters.
WARMUP="${WARMUP:-120}"
CONNECTIONS="${CONNECTIONS:-32}"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
UPSTREAM_PORT="${UPSTREAM_PORT:-19090}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18090}"
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
DEADLINE=$(( $(date +%s) + 20 * 60 ))
WORK=$(mktemp -d)
declare -A PIDS PORTS

cleanup() {
	for pid in "${PIDS[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if ! command -v wrk >/dev/null 2>&1; then
	echo "Installing wrk"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
		|| { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
# Always rebuild: a jar left from an earlier build would measure old code. The old jars are
# removed first because the repackaging does not notice a changed dependency.
echo "Building the sample gateway"
rm -f sample-app/target/*.jar sample-app/target/*.jar.original
./mvnw -q -DskipTests -pl sample-app -am package

cat > "$WORK/preflight.lua" <<'LUA'
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "https://shop.example"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type,x-request-id"
LUA

# Command prefixes that pin a process to cores, empty where pinning is not possible.
GATEWAY_PIN=()
WRK_PIN=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
	GATEWAY_PIN=(taskset -c 0)
	WRK_PIN=(taskset -c "1-$(( $(nproc) - 1 ))")
fi

# Starts the gateway for one mode (true: CORS on, false: off) on its own ports.
start_gateway() {
	local mode=$1 offset=0
	[ "$mode" = false ] && offset=1
	PORTS[$mode]=$(( GATEWAY_PORT + offset ))
	"${GATEWAY_PIN[@]}" java -Xms512m -Xmx512m -jar "$JAR" --server.port="${PORTS[$mode]}" \
		--sample.upstream.port=$(( UPSTREAM_PORT + offset )) \
		--management.server.port=$(( MANAGEMENT_PORT + offset )) --cors.enabled="$mode" --logging.level.root=warn \
		>"$WORK/app-$mode.log" 2>&1 &
	PIDS[$mode]=$!
	for _ in $(seq 1 240); do
		if curl -fs -o /dev/null "http://127.0.0.1:${PORTS[$mode]}/catalog/ping"; then
			return 0
		fi
		sleep 0.5
	done
	echo "The gateway did not start; its log:" >&2
	cat "$WORK/app-$mode.log" >&2
	exit 1
}

# A gateway's CPU time so far (user + system), in clock ticks.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/${PIDS[$1]}/stat"
}

# Prints requests per second and the gateway's CPU microseconds per request.
measure() {
	local mode=$1 scenario=$2 seconds=$3
	local url="http://127.0.0.1:${PORTS[$mode]}/orders/1"
	if [ "$(date +%s)" -gt "$DEADLINE" ]; then
		echo "Deadline reached, stopping" >&2
		exit 1
	fi
	local before after
	before=$(cpu_ticks "$mode")
	if [ "$scenario" = simple ]; then
		timeout $(( seconds + 30 )) "${WRK_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" \
			-H "Origin: https://shop.example" "$url"
	else
		timeout $(( seconds + 30 )) "${WRK_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" \
			-s "$WORK/preflight.lua" "$url"
	fi >"$WORK/wrk.out"
	after=$(cpu_ticks "$mode")
	awk -v ticks=$(( after - before )) -v hz="$(getconf CLK_TCK)" '
		/ requests in / { requests = $1 }
		/Requests\/sec/ { rps = $2 }
		END { printf "%s %.1f\n", rps, (requests > 0) ? ticks / hz * 1e6 / requests : 0 }' "$WORK/wrk.out"
}

# Sanity: the filter is really on (or off) before measuring.
check_mode() {
	local acao
	acao=$(curl -s -D - -o /dev/null -H "Origin: https://shop.example" "http://127.0.0.1:${PORTS[$1]}/orders/1" \
		| tr -d '\r' | awk -F': ' 'tolower($1) == "access-control-allow-origin" { print $2 }')
	if [ "$1" = true ] && [ "$acao" != "https://shop.example" ]; then
		echo "CORS on, but Access-Control-Allow-Origin was '$acao'" >&2
		exit 1
	fi
	if [ "$1" = false ] && [ "$acao" != "*" ]; then
		echo "CORS off, but Access-Control-Allow-Origin was '$acao' (expected the upstream's '*')" >&2
		exit 1
	fi
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "java: $(java -version 2>&1 | head -1)"
echo "wrk: 1 thread, $CONNECTIONS connections, ${DURATION}s per run, $ROUNDS rounds, CORS on and off alternating"
echo "pinning: gateways '${GATEWAY_PIN[*]:-none}', wrk '${WRK_PIN[*]:-none}'"
echo
for mode in true false; do
	start_gateway "$mode"
	check_mode "$mode"
done
# One long warm-up each, so that the rounds compare compiled code.
for mode in true false; do
	for scenario in simple preflight; do
		measure "$mode" "$scenario" "$WARMUP" >/dev/null
	done
done
declare -A results cpus cpu_by_round
for round in $(seq 1 "$ROUNDS"); do
	order="true false"
	[ $(( round % 2 )) -eq 0 ] && order="false true"
	for mode in $order; do
		for scenario in simple preflight; do
			read -r rps cpu < <(measure "$mode" "$scenario" "$DURATION")
			results["$mode,$scenario"]+="$rps "
			cpus["$mode,$scenario"]+="$cpu "
			cpu_by_round["$round,$mode,$scenario"]=$cpu
			echo "round $round cors.enabled=$mode $scenario: $rps req/s, $cpu us CPU per request"
		done
	done
done

median() {
	tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo
echo "| scenario | CORS on (req/s, median) | CORS off (req/s, median) | on / off |"
echo "|---|---|---|---|"
for scenario in simple preflight; do
	on=$(echo "${results[true,$scenario]}" | median)
	off=$(echo "${results[false,$scenario]}" | median)
	ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.1f%%", 100 * a / b }')
	echo "| $scenario | $on | $off | $ratio |"
done

# CPU per request, on / off per round (the two runs of a round are next to each other in time),
# then the median ratio and its spread.
echo
echo "| scenario | CPU per request, on (us, median) | off (us, median) | on / off per round | median on / off |"
echo "|---|---|---|---|---|"
for scenario in simple preflight; do
	on=$(echo "${cpus[true,$scenario]}" | median)
	off=$(echo "${cpus[false,$scenario]}" | median)
	ratios=""
	for round in $(seq 1 "$ROUNDS"); do
		ratios+="$(awk -v a="${cpu_by_round[$round,true,$scenario]}" -v b="${cpu_by_round[$round,false,$scenario]}" \
			'BEGIN { printf "%.3f", a / b }') "
	done
	echo "| $scenario | $on | $off | ${ratios% } | $(echo "$ratios" | median) |"
done
