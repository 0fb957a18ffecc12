#!/bin/sh
# Cold start of a node to ready (its admin channel listening, every bundle started) and the resident
# memory of the idle node, the figures of the Hazelcast peer's (d), with the same -Xmx512m.
# Usage: bench/node-start.sh [RUNS]   (after mvn -B -q package -DskipTests)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
colony=distribution/target/colony-0.1.0-SNAPSHOT/bin/colony
for run in $(seq "$RUNS"); do
    home=$(mktemp -d /tmp/colony-start-XXXXXX)
    start=$(date +%s%N)
    JAVA_OPTS=-Xmx512m "$colony" start --home "$home" --http-port 22578 --local </dev/null >"$home.out" 2>&1 &
    pid=$!
    tries=0
    until [ -f "$home/data/shell.port" ]; do
        tries=$((tries + 1)); [ "$tries" -lt 600 ] || { echo "node did not start" >&2; kill "$pid"; exit 1; }; sleep 0.01
    done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 3
    echo "run $run: cold start to ready ${ready_ms} ms, idle RSS $(ps -o rss= -p "$pid" | tr -d ' ') kB"
    kill "$pid"; wait "$pid" || true
    rm -rf "$home" "$home.out"
done
