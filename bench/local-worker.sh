#!/bin/sh
# Times sample jobs on one node's local worker and prints the median of RUNS runs per case. The time
# is the one colony:run reports: from handing the job to the worker to its (reduced) result, inside
# the node, so the client's own start-up is not counted.
# Usage: bench/local-worker.sh [RUNS]   (after mvn -B -q package -DskipTests)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
NODE=distribution/target/colony-0.1.0-SNAPSHOT
colony="$NODE/bin/colony"
home=$(mktemp -d /tmp/colony-bench-XXXXXX)
trap '"$colony" stop --home "$home" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT INT TERM

"$colony" start --home "$home" --http-port 22579 --background --local >/dev/null
cp "$NODE"/deploy/*.jar "$home/deploy/"
tries=0
until "$colony" client --home "$home" colony:plugins 2>/dev/null | grep -q mandelbrot; do
    tries=$((tries + 1)); [ "$tries" -lt 50 ] || { echo "plugins did not appear" >&2; exit 1; }; sleep 0.2
done

median_ms() { # runs colony:run RUNS times, prints the median of the times it reports, in ms
    for _ in $(seq "$RUNS"); do
        "$colony" client --home "$home" colony:run "$@" 2>&1 >/dev/null | sed -n 's/^colony:run: .* took \([0-9]*\) ms$/\1/p'
    done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

"$colony" client --home "$home" colony:run --chunks 2 primes from=1 to=100000000 >/dev/null 2>&1   # warm-up
"$colony" client --home "$home" colony:run --chunks 2 mandelbrot width=800 height=600 >/dev/null 2>&1
echo "cores: $(nproc), java: $("$colony" client --home "$home" colony:node | awk '/^java/ { print $2 }'), runs: $RUNS (median)"
printf '%-60s %8s\n' "job" "ms"
for chunks in 1 2 8; do
    printf '%-60s %8d\n' "primes 1..2e9, $chunks chunk(s)" "$(median_ms --chunks "$chunks" primes from=1 to=2000000000)"
done
for chunks in 1 2 16; do
    printf '%-60s %8d\n' "mandelbrot 3200x2400, 2000 iterations, $chunks chunk(s)" \
        "$(median_ms --chunks "$chunks" --out "$home/m.png" mandelbrot width=3200 height=2400 maxIterations=2000)"
done
printf '%-60s %8d\n' "primes 1..10 (one tiny task)" "$(median_ms primes from=1 to=10)"
