#!/bin/sh
# Transport benchmark: two Colony transport nodes in two JVMs on 127.0.0.1.
# Prints `colony <figure> <value>` lines (1 KiB round trip p50/p99/p99.9 in µs; small request/response
# pairs per second with up to 1000 in flight) and `#` detail lines.
# Usage: bench/transport.sh [local]   (local: both nodes in one JVM)
# Kills only the server process it started; every wait is bounded.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODULE="$ROOT/bundles/colony-transport"
OUT="$MODULE/target/bench"
mkdir -p "$OUT"
MAIN=io.colony.transport.internal.TransportBenchmark
JAVA_OPTS="-Xmx512m -XX:+UseParallelGC"

# build the test classes and write the test class path (colony-api must be installed: mvn install -pl bundles/colony-api)
timeout 300 mvn -q -B -f "$MODULE/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test >"$OUT/build.log" 2>&1 \
    || { echo "build failed, see $OUT/build.log" >&2; exit 1; }
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$OUT/classpath")"

if [ "${1:-}" = "local" ]; then
    exec timeout 300 java $JAVA_OPTS -cp "$CP" "$MAIN" local
fi

FIFO="$OUT/server.stdin"
rm -f "$FIFO"; mkfifo "$FIFO"
timeout 300 java $JAVA_OPTS -cp "$CP" "$MAIN" serve <"$FIFO" >"$OUT/server.out" 2>"$OUT/server.err" &
SERVER=$!
exec 3>"$FIFO"   # holding the fifo open keeps the server serving; closing it stops the server
cleanup() {
    exec 3>&-
    i=0
    while kill -0 "$SERVER" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill "$SERVER" 2>/dev/null || true
    rm -f "$FIFO"
}
trap cleanup EXIT INT TERM

PORT=
i=0
while [ -z "$PORT" ] && [ $i -lt 300 ]; do
    PORT=$(sed -n 's/^READY \([0-9]*\)$/\1/p' "$OUT/server.out" 2>/dev/null || true)
    kill -0 "$SERVER" 2>/dev/null || { echo "server failed:" >&2; cat "$OUT/server.err" >&2; exit 1; }
    [ -n "$PORT" ] || sleep 0.1
    i=$((i + 1))
done
[ -n "$PORT" ] || { echo "server not ready within 30 s" >&2; exit 1; }

echo "# transport benchmark: client JVM -> server JVM on 127.0.0.1:$PORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
timeout 300 java $JAVA_OPTS -cp "$CP" "$MAIN" measure "$PORT"
