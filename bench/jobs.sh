#!/bin/sh
# Jobs benchmark: a manager-only node and 2 worker-only nodes on 127.0.0.1 (--local, static peer
# list), the `echo` plugin (plugins-repo/colony-plugin-bench) on both workers, and the jobs either
#  - MODE api (the default): through the manager's Java API, by the Gogo command bench:jobs of
#    bench/colony-bench-driver, dropped into the manager's deploy/ as an application embedding a
#    manager would be; the Hazelcast peer's workloads and sizes (PHASES of inflight,split,latency,pool;
#    JOBS_BENCH_ARGS: key=value options of bench:jobs, e.g. "inflight.jobs=50000"), or
#  - MODE rest: through the manager's REST API by bench/JobsBench.java (JDK only):
#   (a)  split:    one job of 100 000 empty tasks (split into chunks, reduced), submission to result: tasks/s,
#                  after a 10 000-task warm-up job
#   (a') inflight: single-task empty jobs with up to 1 000 in flight (POST /jobs + GET result?wait): jobs/s
#   (b)  latency:  1 KiB round trip, one single-task job at a time: p50/p99/p99.9 in µs
#   (c)  pool:     a pool on all workers (one empty task on each), one at a time: ops/s
# The script stays under 5 minutes: each phase gets at most what is left of the budget, a job that
# cannot finish in time is killed and reported as such, and a phase cut short says how far it got
# (run the phases in separate invocations for complete figures when the whole does not fit).
# Prints `colony <figure> <value>` lines and `#` detail lines. Every node runs with JAVA_OPTS=-Xmx512m
# (as the Hazelcast peer's members). Stops only the nodes it started, by PID; every wait is bounded.
# Usage: bench/jobs.sh [api|rest] [PHASES]     PHASES: comma-separated, default split,inflight,latency,pool
#        (api: inflight,split,latency,pool)
# Environment: JOBS_BENCH_KEEP=1 keeps the node homes (logs) in the temp dir;
#              JOBS_BENCH_TIMELINE=1 runs the split job once more (not measured) while polling its progress;
#              JOBS_BENCH_JFR=1 records every node with the JDK Flight Recorder (profile settings) over the run
#              and keeps the recordings (and the homes) in the temp dir;
#              JOBS_BENCH_ARGS: more options for bench:jobs or JobsBench.java (e.g. "--split-tasks 50000");
#              JOBS_BENCH_MANAGER_CFG: lines added to the manager's etc/io.colony.manager.cfg (e.g. "prefetch = 64").
# Build first: mvn -B -q package -DskipTests (the distribution, the plugin and the driver).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST="$ROOT/distribution/target/colony-0.1.0-SNAPSHOT"
PLUGIN="$ROOT/plugins-repo/colony-plugin-bench/target/colony-plugin-bench-1.0.0.jar"
DRIVER="$ROOT/bench/colony-bench-driver/target/colony-bench-driver-0.1.0-SNAPSHOT.jar"
MODE=api
case "${1:-}" in api|rest) MODE=$1; shift ;; esac
if [ "$MODE" = api ]; then PHASES=${1:-inflight,split,latency,pool}; else PHASES=${1:-split,inflight,latency,pool}; fi
[ -x "$DIST/bin/colony" ] || { echo "no distribution at $DIST: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ -f "$PLUGIN" ] || { echo "no plugin at $PLUGIN: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ "$MODE" = rest ] || [ -f "$DRIVER" ] || { echo "no benchmark driver at $DRIVER: run mvn -B -q package -DskipTests" >&2; exit 1; }

T0=$(date +%s)
TMP=$(mktemp -d /tmp/colony-jobs-XXXXXX)
NODES="manager worker1 worker2"

stop_nodes() {
    for node in $NODES; do
        pidfile="$TMP/$node/data/colony.pid"
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            timeout 30 "$TMP/$node/bin/colony" stop --home "$TMP/$node" --timeout 15 >/dev/null 2>&1 || true
        fi
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
}
cleanup() {
    stop_nodes
    if [ "${JOBS_BENCH_KEEP:-0}" = 1 ]; then echo "# node homes kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# sets PORT to a TCP port nothing listens on and not handed out before, from a random start in 30000..39999
USED=" "
free_port() {
    PORT=$(( 30000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 10000 ))
    while ss -Htln "sport = :$PORT" | grep -q . || case "$USED" in *" $PORT "*) true ;; *) false ;; esac; do
        PORT=$((PORT + 1))
    done
    USED="$USED$PORT "
}
free_port; TRANSPORT_PORT=$PORT
free_port; HTTP_PORT=$PORT
free_port; W1_HTTP_PORT=$PORT
free_port; W2_HTTP_PORT=$PORT
SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')

for node in $NODES; do
    home="$TMP/$node"
    cp -r "$DIST" "$home"
    rm -rf "$home/data" "$home/log" "$home/deploy"
    mkdir -p "$home/data" "$home/log" "$home/deploy"
    printf '\ncluster.secret = %s\nid = bench-%s\n' "$SECRET" "$node" >>"$home/etc/io.colony.node.cfg"
done
printf '\nport = %s\n' "$TRANSPORT_PORT" >>"$TMP/manager/etc/io.colony.transport.cfg"
if [ -n "${JOBS_BENCH_MANAGER_CFG:-}" ]; then   # e.g. "prefetch = 64": an experiment, not the default figures
    printf '\n%s\n' "$JOBS_BENCH_MANAGER_CFG" >>"$TMP/manager/etc/io.colony.manager.cfg"
    echo "# manager configuration added: $JOBS_BENCH_MANAGER_CFG"
fi
for node in worker1 worker2; do
    printf '\npeers = 127.0.0.1:%s\n' "$TRANSPORT_PORT" >>"$TMP/$node/etc/io.colony.discovery.cfg"
done

start_node() { # $1 node, $2 roles, $3 HTTP port (a worker-only node serves no API, but takes the option)
    JAVA_OPTS=-Xmx512m timeout 90 "$TMP/$1/bin/colony" start --home "$TMP/$1" --roles "$2" --http-port "$3" \
        --local --background >"$TMP/$1.start.out" 2>&1 \
        || { echo "node $1 did not start:" >&2; cat "$TMP/$1.start.out" >&2; tail -20 "$TMP/$1/log/colony.log" >&2 || true; exit 1; }
    cat "$TMP/$1/data/colony.pid"
}
MANAGER_PID=$(JAVA_OPTS=-Xmx512m timeout 90 "$TMP/manager/bin/colony" start --home "$TMP/manager" --roles manager \
    --http-port "$HTTP_PORT" --local --background >"$TMP/manager.start.out" 2>&1 && cat "$TMP/manager/data/colony.pid") \
    || { echo "manager did not start:" >&2; cat "$TMP/manager.start.out" >&2; exit 1; }
W1_PID=$(start_node worker1 worker "$W1_HTTP_PORT")
W2_PID=$(start_node worker2 worker "$W2_HTTP_PORT")
cp "$PLUGIN" "$TMP/worker1/deploy/"
cp "$PLUGIN" "$TMP/worker2/deploy/"
[ "$MODE" = api ] && cp "$DRIVER" "$TMP/manager/deploy/"

# wait (at most 60 s) until the manager lists both workers, available, with the echo plugin
i=0
until [ "$(timeout 20 "$TMP/manager/bin/colony" client --home "$TMP/manager" --timeout 10 colony:workers 2>/dev/null \
        | grep -E '^bench-worker[12] .* available .*echo 1\.0\.0' | wc -l)" -eq 2 ]; do
    i=$((i + 1))
    if [ $i -ge 60 ] || [ $(( $(date +%s) - T0 )) -ge 120 ]; then
        echo "the manager did not list both workers with plugin echo within 60 s:" >&2
        timeout 20 "$TMP/manager/bin/colony" client --home "$TMP/manager" --timeout 10 colony:workers >&2 || true
        exit 1
    fi
    sleep 1
done
i=0; while [ ! -s "$TMP/manager/data/api.token" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done

echo "# jobs benchmark: manager (pid $MANAGER_PID, HTTP 127.0.0.1:$HTTP_PORT, transport $TRANSPORT_PORT) and 2 workers (pids $W1_PID $W2_PID), -Xmx512m each, $(nproc) cores, $(java -version 2>&1 | head -1); nodes ready after $(( $(date +%s) - T0 )) s"
timeout 90 "$TMP/manager/bin/colony" client --home "$TMP/manager" --timeout 10 colony:workers | sed 's/^/# /'

if [ "${JOBS_BENCH_JFR:-0}" = 1 ]; then   # profile every node over the whole run (JDK Flight Recorder), kept in the temp dir
    JOBS_BENCH_KEEP=1
    for pid in $MANAGER_PID $W1_PID $W2_PID; do
        timeout 30 jcmd "$pid" JFR.start name=bench settings=profile >/dev/null 2>&1 || echo "# JFR did not start on $pid"
    done
fi

BUDGET=$(( 280 - ($(date +%s) - T0) ))   # seconds left for the workloads, so that the whole script stays under 5 minutes
CPU_BEFORE="$(ps -o cputime= -p "$MANAGER_PID" | tr -d ' ') $(ps -o cputime= -p "$W1_PID" | tr -d ' ') $(ps -o cputime= -p "$W2_PID" | tr -d ' ')"
if [ "$MODE" = api ]; then
    # bench:jobs is there once FileInstall started the driver: wait for it (at most 30 s)
    i=0
    until timeout 20 "$TMP/manager/bin/colony" client --home "$TMP/manager" --timeout 10 bench:jobs phases=bogus 2>&1 | grep -q "no phase 'bogus'"; do
        i=$((i + 1)); [ $i -lt 30 ] || { echo "the manager has no bench:jobs command after 30 s" >&2; exit 1; }
        sleep 1
    done
    # every phase stops itself after phase.seconds; the client gives up when the budget is spent
    # shellcheck disable=SC2086
    timeout $((BUDGET + 15)) "$TMP/manager/bin/colony" client --home "$TMP/manager" --timeout "$BUDGET" \
        bench:jobs "phases=$PHASES" ${JOBS_BENCH_ARGS:-}
else
    # shellcheck disable=SC2086
    timeout $((BUDGET + 15)) java -Xmx256m "$ROOT/bench/JobsBench.java" --port "$HTTP_PORT" --token-file "$TMP/manager/data/api.token" \
        --pids "$MANAGER_PID $W1_PID $W2_PID" --phases "$PHASES" --budget "$BUDGET" \
        $( [ "${JOBS_BENCH_TIMELINE:-0}" = 1 ] && echo --timeline ) ${JOBS_BENCH_ARGS:-}
fi
echo "# node CPU time before the workloads: manager, workers $CPU_BEFORE"
if [ "${JOBS_BENCH_JFR:-0}" = 1 ]; then
    for node in manager worker1 worker2; do
        timeout 60 jcmd "$(cat "$TMP/$node/data/colony.pid")" JFR.dump name=bench filename="$TMP/$node.jfr" >/dev/null 2>&1 || true
    done
    echo "# JFR recordings: $TMP/manager.jfr $TMP/worker1.jfr $TMP/worker2.jfr"
fi
echo "# node RSS after the run (kB): manager $(ps -o rss= -p "$MANAGER_PID" | tr -d ' '), workers $(ps -o rss= -p "$W1_PID" | tr -d ' ') $(ps -o rss= -p "$W2_PID" | tr -d ' ')"
echo "# node CPU time (all of the run): manager $(ps -o cputime= -p "$MANAGER_PID" | tr -d ' '), workers $(ps -o cputime= -p "$W1_PID" | tr -d ' ') $(ps -o cputime= -p "$W2_PID" | tr -d ' ')"
echo "# warnings and errors in the nodes' logs: manager $(grep -cE ' (WARN|ERROR) ' "$TMP/manager/log/colony.log" || true), workers $(grep -cE ' (WARN|ERROR) ' "$TMP/worker1/log/colony.log" || true) $(grep -cE ' (WARN|ERROR) ' "$TMP/worker2/log/colony.log" || true)"
grep -hE ' (WARN|ERROR) ' "$TMP/manager/log/colony.log" 2>/dev/null | sed -e 's/^[^ ]* //' -e 's/node bench-[a-z0-9]*/node N/g' -e 's/[0-9]\{6,\}/ID/g' \
    | cut -c1-170 | sort | uniq -c | sort -rn | head -3 | sed 's/^/#   manager log: /'
echo "# total script wall s: $(( $(date +%s) - T0 ))"
