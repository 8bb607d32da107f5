#!/usr/bin/env bash
# JVM start to first answered requests, and resident memory, of the packaged app (BENCHMARKS.md).
#
#   ./mvnw -q package -DskipTests && src/tools/bench/start-time.sh [runs] [deliveries]
#
# Each run starts `java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar serve` (loopback only, a free port) and
# sends a signed `ping` delivery every 5 ms until one is answered 200 (HTTP answers), then a signed `push` to the
# default branch until one is answered 202: the push was recorded in DynamoDB (duplicate detection) and queued,
# so the app really handles pushes from then on. Both times are counted from launching java. The push's job then
# fails for want of App credentials; no GitHub is contacted (GITHUB_API_URL points at a closed local port).
# The last run then receives [deliveries] more signed pings and reports its resident memory (VmRSS).
#
# Settings (environment):
#   JAVA_OPTS        JVM flags for the app, e.g. "-XX:TieredStopAtLevel=1" or "-XX:SharedArchiveFile=app.jsa"
#   BENCH_DYNAMODB   embedded (default): DynamoDB Local inside the app, in memory, tables created at start.
#                    remote: DynamoDB Local in a JVM of its own, started once before the runs and given the tables
#                    by one unmeasured run; the measured runs use it with bpkeeper.store.create-tables=false, as on
#                    AWS, where DynamoDB is already up and the SAM template owns the tables.
#   BENCH_CDS        train: first one unmeasured training run with -XX:ArchiveClassesAtExit (stopped after its
#                    first accepted push) writes an AppCDS archive of every class loaded so far,
#                    target/quarkus-app/app-cds-trained.jsa; the measured runs then start with -XX:SharedArchiveFile.
#                    The archive belongs to this jar and this JVM: rebuild it after every package.
set -euo pipefail
runs=${1:-5}
deliveries=${2:-2000}
app=target/quarkus-app
jar=$app/quarkus-run.jar
[ -f "$jar" ] || { echo "No $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
secret=$(openssl rand -hex 16)
sign() { echo "sha256=$(printf '%s' "$1" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"; }
ping_body='{"zen":"Keep it logically awesome.","hook_id":1,"hook":{"type":"App","id":1,"events":[]}}'
ping_signature=$(sign "$ping_body")
push_body='{"ref":"refs/heads/main","before":"0000000000000000000000000000000000000001","after":"1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e","deleted":false,"repository":{"id":1,"name":"app","full_name":"bench/app","default_branch":"main","owner":{"login":"bench"}},"installation":{"id":1}}'
push_signature=$(sign "$push_body")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
send() { # event body signature delivery-id
  curl -s -o /dev/null -w '%{http_code}' --max-time 15 -X POST "http://127.0.0.1:$port/webhook" \
    -H 'Content-Type: application/json' -H "X-GitHub-Event: $1" -H "X-GitHub-Delivery: bench-$4" \
    -H "X-Hub-Signature-256: $3" --data-binary "$2" || true
}
rss() { awk '/VmRSS/ {print $2 " " $3}' "/proc/$1/status"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

storage=(BPKEEPER_DYNAMODB_DATA_DIR=memory)
dynamodb_pid=
if [ "${BENCH_DYNAMODB:-embedded}" = remote ]; then
  dynamodb_port=$(free_port)
  java -cp "$app/lib/boot/*:$app/lib/main/*" com.amazonaws.services.dynamodbv2.local.main.ServerRunner \
    -inMemory -disableTelemetry -port "$dynamodb_port" >/tmp/bpkeeper-start-dynamodb.log 2>&1 &
  dynamodb_pid=$!
  trap 'kill $dynamodb_pid 2>/dev/null || true' EXIT
  until curl -s -o /dev/null "http://127.0.0.1:$dynamodb_port"; do sleep 0.1; done
  storage=(QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE=http://127.0.0.1:$dynamodb_port
    QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE=static
    QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=local
    QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=local)
  echo "DynamoDB Local running on its own at port $dynamodb_port; one unmeasured run creates the tables"
fi

launch() { # log-file extra-settings...
  local log=$1
  shift
  env GITHUB_WEBHOOK_SECRET="$secret" GITHUB_API_URL=http://127.0.0.1:9 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_HTTP_HOST=127.0.0.1 BPKEEPER_APP_CREDENTIALS_FILE=/nonexistent "${storage[@]}" "$@" \
    java ${JAVA_OPTS:-} -jar "$jar" serve >"$log" 2>&1 &
  pid=$!
}
wait_for() { # event body signature expected-status run
  local n=0
  until [ "$(send "$1" "$2" "$3" "$5-$1-$n")" = "$4" ]; do
    n=$((n + 1))
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see its log" >&2; exit 1; }
    [ "$n" -lt 6000 ] || { echo "no $4 after 30 s" >&2; kill "$pid"; exit 1; }
    sleep 0.005
  done
}

if [ -n "$dynamodb_pid" ]; then
  launch /tmp/bpkeeper-start-tables.log
  wait_for push "$push_body" "$push_signature" 202 tables
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  storage+=(BPKEEPER_STORE_CREATE_TABLES=false)
fi

if [ "${BENCH_CDS:-}" = train ]; then
  archive=$app/app-cds-trained.jsa
  rm -f "$archive"
  JAVA_OPTS_MEASURED=${JAVA_OPTS:-}
  JAVA_OPTS="$JAVA_OPTS_MEASURED -XX:ArchiveClassesAtExit=$archive"
  launch /tmp/bpkeeper-start-training.log
  wait_for push "$push_body" "$push_signature" 202 training
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -s "$archive" ] || { echo "no archive written; see /tmp/bpkeeper-start-training.log" >&2; exit 1; }
  echo "AppCDS archive from a training run: $(du -h "$archive" | cut -f1)"
  JAVA_OPTS="$JAVA_OPTS_MEASURED -XX:SharedArchiveFile=$archive"
fi

http_times=()
push_times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  launch "/tmp/bpkeeper-start-$run.log"
  wait_for ping "$ping_body" "$ping_signature" 200 "$run"
  http_ms=$(ms_since "$start")
  wait_for push "$push_body" "$push_signature" 202 "$run"
  push_ms=$(ms_since "$start")
  http_times+=("$http_ms")
  push_times+=("$push_ms")
  echo "run $run: ping answered 200 after $http_ms ms, push accepted (202) after $push_ms ms;" \
    "$(grep -o 'started in [0-9.]*s' "/tmp/bpkeeper-start-$run.log" || true)"
  if [ "$run" = "$runs" ]; then
    echo "resident memory after start: $(rss "$pid")"
    for i in $(seq 1 "$deliveries"); do send ping "$ping_body" "$ping_signature" "load-$i" >/dev/null; done
    echo "resident memory after $deliveries signed deliveries: $(rss "$pid")"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
summary() {
  local sorted
  sorted=$(printf '%s\n' "$@" | sort -n)
  echo "min $(echo "$sorted" | head -1), median $(echo "$sorted" | sed -n "$((($# + 1) / 2))p"), max $(echo "$sorted" | tail -1)"
}
echo "${BENCH_DYNAMODB:-embedded} DynamoDB, JAVA_OPTS='${JAVA_OPTS:-}', $runs runs (ms from launching java):"
echo "  first ping answered 200:  $(summary "${http_times[@]}")"
echo "  first push accepted, 202: $(summary "${push_times[@]}")"
