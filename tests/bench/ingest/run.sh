#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Ingest benchmark: wrk against the real collector + PostgreSQL (fsync on) + Redis on loopback.
# Prints one JSON object: events/s, p50/p99 latency and collector RSS for batches of 1 and 50 events,
# then single-event requests at about half the measured maximum rate (the "p99 at half load" figure).
# Needs PROCTOR_TEST_PG_ADMIN_URL and PROCTOR_TEST_REDIS_URL (tests/bench/run.sh provides them).
#   tests/bench/ingest/run.sh COLLECTOR_BIN [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin=${1:?usage: run.sh COLLECTOR_BIN [SECONDS]}
seconds=${2:-10}
work=$(mktemp -d /tmp/proctor-bench.XXXXXX)
db=bench_$RANDOM$RANDOM
admin=${PROCTOR_TEST_PG_ADMIN_URL:?}
collector_pid=
cleanup() {
  [ -n "$collector_pid" ] && kill "$collector_pid" 2>/dev/null && wait "$collector_pid" 2>/dev/null || true
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
export PROCTOR_DATABASE_URL=${admin%/*}/$db
export PROCTOR_REDIS_URL=${PROCTOR_TEST_REDIS_URL:?}
export PROCTOR_SESSION_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export PROCTOR_LOG_FORMAT=json PROCTOR_LOG_LEVEL=${BENCH_LOG_LEVEL:-info}
# The benchmark is one client address sending far beyond what a real office sends: lift every limit out of
# its way, explicitly (the production defaults would cap it at 30,000 requests a minute; README "Benchmarks").
export PROCTOR_RATE_LIMIT_PER_ADDRESS=100000000 PROCTOR_RATE_LIMIT_PER_KEY=100000000
export PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST=100000000
export PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE=100000000
export PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST=100000000
export PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR=100000000
port=$(( (RANDOM % 20000) + 30000 ))
export PROCTOR_HTTP_ADDR=127.0.0.1:$port

"$bin" migrate >/dev/null
"$bin" import-test "$root/db/seed/infosec-basics.json" >/dev/null
key=$("$bin" create-apikey --name bench --scopes tests:read,sessions:write 2>/dev/null)
"$bin" serve >"$work/collector.log" 2>&1 &
collector_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

# One session per wrk thread.
: >"$work/sessions"
for i in 1 2 3 4; do
  curl -fs -H "X-API-Key: $key" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/sessions" -d '{
    "testId":"infosec-basics","kind":"test","locale":"ru",
    "candidate":{"lastName":"Нагрузка","firstName":"Тест'$i'","position":"Консультант"},
    "persistentId":"00000000-0000-4000-8000-00000000000'$i'",
    "fingerprint":{"privacySafeHash":"'"$(printf 'b%.0s' {1..64})"'","attributes":{}}}' \
    | sed -E 's/.*"sessionId":"([^"]+)".*"token":"([^"]+)".*/\1 \2/' >>"$work/sessions"
  echo >>"$work/sessions"
done

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$collector_pid/status"; }
run() { # batch connections seconds [rate]
  BENCH_SESSIONS=$work/sessions BENCH_BATCH=$1 BENCH_RATE=${4:-0} BENCH_THREADS=2 \
    wrk -t2 -c"$2" -d"$3"s --latency -s "$here/events.lua" "http://127.0.0.1:$port" 2>&1 | tee "$work/wrk.log" | grep "^{" || { cat "$work/wrk.log" >&2; cat "$work/sessions" >&2; return 1; }
}

run 1 64 2 >/dev/null   # warm-up
single=$(run 1 64 "$seconds"); rss_single=$(rss_kb)
batched=$(run 50 64 "$seconds"); rss_batched=$(rss_kb)
max_rps=$(echo "$single" | sed -E 's/.*"requests_per_s":([0-9.]+).*/\1/')
half=$(awk -v r="$max_rps" 'BEGIN { printf "%d", r / 2 }')
half_load=$(run 1 32 "$seconds" "$half"); rss_half=$(rss_kb)
stored=$(psql "$PROCTOR_DATABASE_URL" -Atc "SELECT count(*) || ' ' || count(DISTINCT (session_id, event_id)) FROM events")

cat <<JSON
{"benchmark":"ingest","machine":{"cores":$(nproc),"postgres_fsync":"$(psql "$PROCTOR_DATABASE_URL" -Atc 'SHOW fsync')","synchronous_commit":"$(psql "$PROCTOR_DATABASE_URL" -Atc 'SHOW synchronous_commit')"},
 "seconds":$seconds,"collector_log_level":"${PROCTOR_LOG_LEVEL}",
 "batch_1":$single,"batch_1_rss_kb":$rss_single,
 "batch_50":$batched,"batch_50_rss_kb":$rss_batched,
 "half_load_batch_1":$half_load,"half_load_target_rps":$half,"half_load_rss_kb":$rss_half,
 "stored_rows_and_distinct":"$stored"}
JSON
