#!/bin/sh
# Hot install of a manifest job's plugin (topology 2) on one standalone node: the stats sample with
# commons-math3 from the file repository the build writes (plugins-repo/repository), submitted through
# the REST API, RUNS times per case. Prints the median of the setup time the worker reports (the
# task's "setup.millis": resolution, checksums, trust checks, install and start, until the plugin is
# registered) and of the job's time from submission to its end (submittedAt to finishedAt), for:
#   cold   - the artifact cache cleaned before each job: resolved and copied from the repository;
#   cached - the bundles uninstalled after the linger, the artifacts in the cache;
#   live   - the previous job's bundles still installed (within the linger);
#   plain  - the primes sample, preinstalled in deploy/, no manifest (the baseline).
# Usage: bench/manifest.sh [RUNS]   (after mvn -B -q package -DskipTests)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-9}
NODE=distribution/target/colony-0.1.0-SNAPSHOT
REPO="file://$(cd plugins-repo/repository && pwd)"
PORT=22577
LINGER_MS=500
colony="$NODE/bin/colony"
home=$(mktemp -d /tmp/colony-manifest-XXXXXX)
trap '"$colony" stop --home "$home" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT INT TERM

cp -r "$NODE/etc" "$home/etc"
printf '%s\n' 'manifest.enabled = true' "manifest.repositories = $REPO" \
    'manifest.groups = io.colony.*, org.apache.commons' >> "$home/etc/io.colony.trust.cfg"
printf '%s\n' "uninstall.delay.ms = $LINGER_MS" >> "$home/etc/io.colony.deployer.cfg"
JAVA_OPTS=-Xmx512m "$colony" start --home "$home" --http-port "$PORT" --background --local >/dev/null
mkdir -p "$home/deploy" && cp "$NODE"/deploy/*.jar "$home/deploy/"
tries=0
until [ -s "$home/data/api.token" ] && "$colony" client --home "$home" colony:plugins 2>/dev/null | grep -q primes; do
    tries=$((tries + 1)); [ "$tries" -lt 100 ] || { echo "the node did not come up" >&2; exit 1; }; sleep 0.2
done
token=$(cat "$home/data/api.token")
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

STATS='{"plugin": "stats", "input": {"values": [2, 4, 4, 4, 5, 5, 7, 9]}, "manifest": {
  "bundles": ["io.colony.plugins:colony-plugin-stats:1.0.0"], "repositories": [{"id": "samples", "url": "'"$REPO"'"}]}}'
PRIMES='{"plugin": "primes", "input": {"from": 1, "to": 10}}'

# runs one job to its end; prints "setup_ms job_ms" (setup_ms is - without a manifest)
run() {
    id=$(api -d "$1" "http://127.0.0.1:$PORT/api/v1/jobs" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    api "http://127.0.0.1:$PORT/api/v1/jobs/$id/result?wait=60" >/dev/null
    job=$(api "http://127.0.0.1:$PORT/api/v1/jobs/$id")
    tasks=$(api "http://127.0.0.1:$PORT/api/v1/jobs/$id/tasks")
    setup=$(printf '%s' "$tasks" | sed -n 's/.*"setup":{[^}]*"millis":\([0-9]*\).*/\1/p')
    submitted=$(printf '%s' "$job" | sed 's/.*"submittedAt":"\([^"]*\)".*/\1/')
    finished=$(printf '%s' "$job" | sed 's/.*"finishedAt":"\([^"]*\)".*/\1/')
    echo "${setup:--} $(( ($(date -d "$finished" +%s%3N) - $(date -d "$submitted" +%s%3N)) ))"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # case name, job, what to do before each run
    out="$home/$1.txt"; : > "$out"
    for _ in $(seq "$RUNS"); do
        $3
        run "$2" >> "$out"
    done
    printf '%-8s %10s %10s\n' "$1" "$(cut -d' ' -f1 "$out" | median)" "$(cut -d' ' -f2 "$out" | median)"
}
await_uninstall() { sleep "$(awk "BEGIN { print $LINGER_MS * 3 / 1000 }")"; }
clean_cache() { await_uninstall; "$colony" client --home "$home" colony:artifacts clean >/dev/null; }
nothing() { :; }

for _ in 1 2 3; do run "$STATS" >/dev/null; run "$PRIMES" >/dev/null; done   # warm-up
echo "cores: $(nproc), java: $("$colony" client --home "$home" colony:node | awk '/^java/ { print $2 }'), runs: $RUNS (median)"
printf '%-8s %10s %10s\n' case "setup ms" "job ms"
measure cold "$STATS" clean_cache
measure cached "$STATS" await_uninstall
measure live "$STATS" nothing
measure plain "$PRIMES" nothing
