#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Review scale benchmark: every review read through the real HTTP API of the real collector, Redis cache
# bypassed (PROCTOR_REVIEW_CACHE_TTL_SECONDS=0), against a database of BENCH_REVIEW_SESSIONS finished sessions
# and BENCH_REVIEW_EVENTS events generated in bulk SQL (generate.sql). Prints one JSON object: p50/p95 per
# endpoint, the collector's peak RSS and how long the data took to generate.
#
# The data is kept between runs: its own PostgreSQL cluster lives in BENCH_REVIEW_DATA (default
# build/bench-review/<sessions>); a run that finds it generated at the same scale reuses it (migrations
# added since are applied, the rollups they bring are rebuilt by the migration itself).
#   tests/bench/review/run.sh COLLECTOR_BIN
# Environment: BENCH_REVIEW_SESSIONS (1000000), BENCH_REVIEW_EVENTS (50000000), BENCH_REVIEW_DATA,
#   BENCH_REVIEW_REQUESTS (requests per endpoint, 40), BENCH_REVIEW_GENERATE_ONLY=1 (stop once the data is ready),
#   BENCH_REVIEW_ONLY (comma-separated parts of endpoint names to time, e.g. "dashboard,risk=high"),
#   BENCH_REVIEW_SERVE_BIN (serve with another build, e.g. an older one for a before/after comparison; the
#   data and migrations still come from COLLECTOR_BIN).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin=$(cd "$(dirname "${1:?usage: run.sh COLLECTOR_BIN}")" && pwd)/$(basename "$1")
sessions=${BENCH_REVIEW_SESSIONS:-1000000}
events=${BENCH_REVIEW_EVENTS:-50000000}
data=${BENCH_REVIEW_DATA:-$root/build/bench-review/$sessions}
mkdir -p "$data"
data=$(cd "$data" && pwd)
work=$(mktemp -d /tmp/proctor-bench-review.XXXXXX)
collector_pid=
cleanup() {
  [ -n "$collector_pid" ] && kill "$collector_pid" 2>/dev/null && wait "$collector_pid" 2>/dev/null || true
  bash "$root/installer/dev/services.sh" stop "$data" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

bash "$root/installer/dev/services.sh" start "$data" persistent >/dev/null
# shellcheck disable=SC1091
. "$data/env"
admin=$PROCTOR_TEST_PG_ADMIN_URL
db=proctor_review
export PROCTOR_DATABASE_URL=${admin%/*}/$db
export PROCTOR_REDIS_URL
export PROCTOR_SESSION_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export PROCTOR_LOG_FORMAT=json PROCTOR_LOG_LEVEL=${BENCH_LOG_LEVEL:-warning}
export PROCTOR_REVIEW_CACHE_TTL_SECONDS=0
export PROCTOR_RATE_LIMIT_PER_ADDRESS=100000000 PROCTOR_RATE_LIMIT_PER_KEY=100000000

generated=$(psql "$PROCTOR_DATABASE_URL" -Atc "SELECT sessions || ' ' || events || ' ' || generation_seconds FROM bench_meta" 2>/dev/null || true)
if [ "${generated%% *}" != "$sessions" ]; then
  echo "review bench: generating $sessions sessions and about $events events in $data (this takes a while)" >&2
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
  start=$(date +%s)
  "$bin" migrate >/dev/null
  "$bin" import-test "$root/db/seed/infosec-basics.json" >/dev/null
  psql "$PROCTOR_DATABASE_URL" -q -v sessions="$sessions" -v events="$events" -f "$here/generate.sql" >&2
  psql "$PROCTOR_DATABASE_URL" -qc "VACUUM (ANALYZE)" >&2
  psql "$PROCTOR_DATABASE_URL" -qc "UPDATE bench_meta SET generation_seconds = $(( $(date +%s) - start ))"
  generated=$(psql "$PROCTOR_DATABASE_URL" -Atc "SELECT sessions || ' ' || events || ' ' || generation_seconds FROM bench_meta")
else
  "$bin" migrate >/dev/null
  psql "$PROCTOR_DATABASE_URL" -qc "ANALYZE" >&2
fi
read -r _ stored_events generation_seconds <<<"$generated"
[ -n "${BENCH_REVIEW_GENERATE_ONLY:-}" ] && { echo "review bench: data ready ($generated)" >&2; exit 0; }

password=bench-review-$RANDOM$RANDOM
psql "$PROCTOR_DATABASE_URL" -qc "DELETE FROM admins WHERE email = 'bench@example.org'" >/dev/null
printf '%s\n' "$password" | "$bin" create-admin --email bench@example.org --role admin >/dev/null

port=$(( (RANDOM % 20000) + 30000 ))
export PROCTOR_HTTP_ADDR=127.0.0.1:$port
"${BENCH_REVIEW_SERVE_BIN:-$bin}" serve >"$work/collector.log" 2>&1 &
collector_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

python3 "$here/timing.py" --url "http://127.0.0.1:$port" --email bench@example.org --password "$password" \
  --pid "$collector_pid" --requests "${BENCH_REVIEW_REQUESTS:-40}" --database-url "$PROCTOR_DATABASE_URL" \
  --only "${BENCH_REVIEW_ONLY:-}" --sessions "$sessions" --events "$stored_events" --generation-seconds "$generation_seconds"
