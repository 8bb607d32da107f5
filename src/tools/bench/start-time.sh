#!/usr/bin/env bash
# JVM start to first answered request, and resident memory, of the packaged app (BENCHMARKS.md).
#
#   ./mvnw -q package -DskipTests && src/tools/bench/start-time.sh [runs] [deliveries]
#
# Each run starts `java -jar target/quarkus-app/quarkus-run.jar serve` (DynamoDB Local in memory, on a free port,
# loopback only) and sends a signed `ping` delivery every 5 ms until one is answered 200: the time from launching
# java to that 200 is the figure. The last run then receives [deliveries] more signed pings (sequentially) and
# reports its resident memory (VmRSS) before and after. No GitHub is contacted: pings need none.
set -euo pipefail
runs=${1:-5}
deliveries=${2:-2000}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "No $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
secret=$(openssl rand -hex 16)
body='{"zen":"Keep it logically awesome.","hook_id":1,"hook":{"type":"App","id":1,"events":[]}}'
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
ping() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST "http://127.0.0.1:$port/webhook" \
    -H 'Content-Type: application/json' -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: bench-$1" \
    -H "X-Hub-Signature-256: $signature" --data-binary "$body" || true
}
rss() { awk '/VmRSS/ {print $2 " " $3}' "/proc/$1/status"; }
times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  GITHUB_WEBHOOK_SECRET=$secret BPKEEPER_DYNAMODB_DATA_DIR=memory QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    java -jar "$jar" serve >"/tmp/bpkeeper-start-$run.log" 2>&1 &
  pid=$!
  n=0
  until [ "$(ping "$run-$n")" = 200 ]; do
    n=$((n + 1))
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see /tmp/bpkeeper-start-$run.log" >&2; exit 1; }
    [ "$n" -lt 6000 ] || { echo "no 200 after 30 s" >&2; kill "$pid"; exit 1; }
    sleep 0.005
  done
  ms=$((($(date +%s%N) - start) / 1000000))
  times+=("$ms")
  echo "run $run: first 200 after $ms ms"
  if [ "$run" = "$runs" ]; then
    echo "resident memory after start: $(rss "$pid")"
    for i in $(seq 1 "$deliveries"); do ping "load-$i" >/dev/null; done
    echo "resident memory after $deliveries signed deliveries: $(rss "$pid")"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "start to first 200 (ms), $runs runs: min $(echo "$sorted" | head -1), median $(echo "$sorted" \
  | sed -n "$(((runs + 1) / 2))p"), max $(echo "$sorted" | tail -1)"
