#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make test-ha`: the high-availability stack of installer/ha/ on loopback in a temp dir, then the failover
# test (tests/ha/failover.mjs) against two real collectors under ingest load:
#   3 etcd members, 3 Patroni nodes (PostgreSQL 15 primary + synchronous standby + asynchronous replica, which
#   becomes the synchronous standby once the primary is lost), HAProxy (PostgreSQL primary frontend routed by
#   Patroni's GET /primary, replica frontend by GET /replica, Redis frontend routed by `role:master`), Redis
#   master + replica + 3 Sentinels, 2 proctor-collector instances connected through HAProxy (the second one
#   reads its review pages from the replica frontend: PROCTOR_REVIEW_DATABASE_URL).
# Every configuration file is rendered from the templates deploy.sh --cluster uses (installer/ha/*.in), only
# with loopback addresses, free ports and short timeouts.
#   tests/ha/run.sh BUILD_DIR
# Logs and the JSON summary end up in $PROCTOR_ARTIFACTS_DIR/ha (default build/test-artifacts/ha).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: tests/ha/run.sh BUILD_DIR}
case $build in /*) ;; *) build=$root/$build ;; esac
bin=$build/collector/proctor-collector
[ -x "$bin" ] || { echo "test-ha: $bin is missing (make build)" >&2; exit 1; }
render=$root/installer/ha/render.sh
artifacts=${PROCTOR_ARTIFACTS_DIR:-$root/build/test-artifacts}/ha
mkdir -p "$artifacts"
rm -f "$artifacts"/*.log "$artifacts"/summary.json

t=$(mktemp -d /tmp/proctor-ha.XXXXXX)
chmod 755 "$t"
started=$(date +%s)
log() { printf '[test-ha %3ds] %s\n' "$(($(date +%s) - started))" "$*"; }

# PostgreSQL and Patroni refuse to run as root: the PostgreSQL nodes run as this user.
pg_user=postgres
[ "$(id -u)" -eq 0 ] || pg_user=$(id -un)
pg_exec() {
  if [ "$(id -u)" -eq 0 ]; then exec setpriv --reuid="$pg_user" --regid="$pg_user" --init-groups -- "$@"; else exec "$@"; fi
}
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid="$pg_user" --regid="$pg_user" --init-groups -- "$@"; else "$@"; fi
}

# --- processes: every one this script starts is in $t/pids (name pid), and only those are stopped -----
# disown: the test SIGKILLs some of them on purpose; bash need not report it.
record_pid() { echo "$1 $2" >>"$t/pids"; disown "$2" 2>/dev/null || true; }
stop_all() {
  local name pid
  [ -f "$t/pids" ] || return 0
  # Patroni first: it stops its PostgreSQL (fast shutdown) on SIGTERM.
  for pattern in 'patroni' 'collector' '.*'; do
    while read -r name pid; do
      [[ $name =~ ^$pattern ]] || continue
      kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    done <"$t/pids"
    for _ in $(seq 1 100); do
      local alive=0
      while read -r name pid; do
        [[ $name =~ ^$pattern ]] || continue
        kill -0 "$pid" 2>/dev/null && alive=1
      done <"$t/pids"
      [ "$alive" = 0 ] && break
      sleep 0.1
    done
  done
  while read -r name pid; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true; done <"$t/pids"
  # A postmaster left behind by a killed Patroni (the failover test SIGKILLs the leader's Patroni only).
  for data in "$t"/pg*/data; do
    [ -s "$data/postmaster.pid" ] && as_pg /usr/lib/postgresql/15/bin/pg_ctl -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  done
}
cleanup() {
  local rc=$?
  stop_all
  for f in "$t"/*.log; do [ -f "$f" ] && cp "$f" "$artifacts/"; done
  for f in "$t"/*/*.log; do [ -f "$f" ] && cp "$f" "$artifacts/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  if [ "${PROCTOR_HA_KEEP:-}" = 1 ]; then echo "test-ha: kept $t"; else rm -rf "$t"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
declare -A taken=()
# Below the kernel's ephemeral range: the ports are handed out before the services bind them, and an
# outgoing connection (Patroni, replication, the collectors) must not take one in between.
ephemeral_low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "$ephemeral_low" -gt 16000 ] || ephemeral_low=32768
alloc_port() { # VAR: a free loopback port not handed out before
  local p
  for _ in $(seq 1 500); do
    p=$(((RANDOM * 32768 + RANDOM) % (ephemeral_low - 15000) + 15000))
    if [ -z "${taken[$p]:-}" ] && port_free "$p"; then taken[$p]=1; printf -v "$1" %s "$p"; return 0; fi
  done
  echo "test-ha: no free port" >&2; return 1
}
wait_for() { # SECONDS DESCRIPTION COMMAND...
  local secs=$1 what=$2
  shift 2
  local deadline=$(($(date +%s) + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "test-ha: timed out waiting for $what" >&2; return 1; }
    sleep 0.2
  done
}
secret() { openssl rand -hex "$1"; }

# --- ports and secrets --------------------------------------------------------------------------------------
declare -A port=()
for name in etcd1_client etcd1_peer etcd2_client etcd2_peer etcd3_client etcd3_peer pg1 pg2 pg3 rest1 rest2 rest3 \
  ha_pg ha_pg_replica ha_redis ha_stats redis1 redis2 sentinel1 sentinel2 sentinel3 http1 http2; do
  alloc_port "port[$name]"
done
superuser_pw=$(secret 16); repl_pw=$(secret 16); rewind_pw=$(secret 16); rest_pw=$(secret 16)
owner_pw=$(secret 16); app_pw=$(secret 16); redis_pw=$(secret 16)

# --- etcd: three members --------------------------------------------------------------------------------------
log "etcd: 3 members"
etcd_cluster="etcd1=http://127.0.0.1:${port[etcd1_peer]},etcd2=http://127.0.0.1:${port[etcd2_peer]},etcd3=http://127.0.0.1:${port[etcd3_peer]}"
etcd_hosts="127.0.0.1:${port[etcd1_client]},127.0.0.1:${port[etcd2_client]},127.0.0.1:${port[etcd3_client]}"
for i in 1 2 3; do
  d=$t/etcd$i
  mkdir -p "$d"
  client=${port[etcd${i}_client]}
  ETCD_NAME=etcd$i ETCD_DATA_DIR=$d/data ETCD_LISTEN=127.0.0.1 ETCD_ADDRESS=127.0.0.1 \
    ETCD_CLIENT_PORT=$client ETCD_PEER_PORT=${port[etcd${i}_peer]} \
    ETCD_LISTEN_CLIENT_URLS=http://127.0.0.1:$client ETCD_INITIAL_CLUSTER=$etcd_cluster \
    ETCD_TOKEN=proctor-ha-test "$render" "$root/installer/ha/etcd.yml.in" "$d/etcd.yml"
  etcd --config-file "$d/etcd.yml" >"$d/etcd.log" 2>&1 &
  record_pid "etcd$i" $!
done
wait_for 30 "etcd health" etcdctl --endpoints="$etcd_hosts" endpoint health

# --- Patroni: three PostgreSQL nodes ---------------------------------------------------------------------------
log "Patroni: 3 PostgreSQL 15 nodes, synchronous mode"
# Three instances share 2 cores and the page cache here: small buffers, few connections.
for i in 1 2 3; do
  d=$t/pg$i
  mkdir -p "$d/data" "$d/run"
  chmod 700 "$d/data"
  PATRONI_SCOPE=proctor-test PATRONI_NAME=pg$i PATRONI_REST_LISTEN=127.0.0.1 PATRONI_ADDRESS=127.0.0.1 \
    PATRONI_REST_PORT=${port[rest$i]} PATRONI_REST_PASSWORD=$rest_pw ETCD_HOSTS=$etcd_hosts \
    PATRONI_TTL=10 PATRONI_LOOP_WAIT=1 PATRONI_RETRY_TIMEOUT=4 \
    PG_MAX_CONNECTIONS=100 PG_SHARED_BUFFERS=64MB PG_LISTEN=127.0.0.1 PG_PORT=${port[pg$i]} \
    PG_DATA_DIR=$d/data PATRONI_PGPASS=$d/pgpass PG_SUPERUSER_PASSWORD=$superuser_pw \
    PG_REPLICATION_PASSWORD=$repl_pw PG_REWIND_PASSWORD=$rewind_pw PG_SOCKET_DIR=$d/run \
    PG_HBA_REMOTE='    - host all all 127.0.0.1/32 scram-sha-256' "$render" "$root/installer/ha/patroni.yml.in" "$d/patroni.yml"
  [ "$(id -u)" -eq 0 ] && chown -R "$pg_user:" "$d"
done
# The first node bootstraps alone; the others then clone it (pg_basebackup) as replicas.
for i in 1 2 3; do
  d=$t/pg$i
  (cd "$d" && export HOME=$d && pg_exec patroni "$d/patroni.yml") >"$d/patroni.log" 2>&1 &
  record_pid "patroni$i" $!
  if [ "$i" = 1 ]; then
    wait_for 90 "pg1 to lead" curl -fsS "http://127.0.0.1:${port[rest1]}/primary"
  fi
done
# One synchronous standby and the other replica streaming too.
sync_ready() {
  curl -fsS "http://127.0.0.1:${port[rest1]}/cluster" |
    python3 -c 'import json,sys; m=json.load(sys.stdin)["members"]; up=[x for x in m if x["state"] in ("running","streaming")]; sys.exit(0 if len(up)==3 and any(x["role"]=="sync_standby" for x in up) else 1)'
}
wait_for 180 "a synchronous standby and both replicas running" sync_ready
log "cluster: $(curl -fsS "http://127.0.0.1:${port[rest1]}/cluster" | python3 -c 'import json,sys; print(", ".join(m["name"] + "=" + m["role"] for m in json.load(sys.stdin)["members"]))')"

# --- Redis: master, replica, three Sentinels -----------------------------------------------------------------
log "Redis: master + replica + 3 Sentinels"
for i in 1 2; do
  d=$t/redis$i
  mkdir -p "$d"
  replicaof=""
  [ "$i" = 2 ] && replicaof="replicaof 127.0.0.1 ${port[redis1]}"
  REDIS_BIND=127.0.0.1 REDIS_PORT=${port[redis$i]} REDIS_DIR=$d REDIS_PIDFILE=$d/redis.pid REDIS_LOG=$d/redis.log \
    REDIS_DAEMONIZE=yes REDIS_PASSWORD=$redis_pw REDIS_ANNOUNCE_IP=127.0.0.1 \
    REDIS_PERSISTENCE='save ""' REDIS_REPLICAOF=$replicaof \
    "$render" "$root/installer/ha/redis.conf.in" "$d/redis.conf"
  redis-server "$d/redis.conf"
  wait_for 10 "redis$i" test -s "$d/redis.pid"
  record_pid "redis$i" "$(cat "$d/redis.pid")"
done
# The password reaches redis-cli through REDISCLI_AUTH, never its arguments.
rcli() { REDISCLI_AUTH=$redis_pw redis-cli "$@"; }
replica_in_sync() { rcli -p "${port[redis2]}" info replication | grep -q 'master_link_status:up'; }
wait_for 30 "redis replica in sync" replica_in_sync
for i in 1 2 3; do
  d=$t/sentinel$i
  mkdir -p "$d"
  SENTINEL_BIND=127.0.0.1 SENTINEL_PORT=${port[sentinel$i]} SENTINEL_DIR=$d SENTINEL_PIDFILE=$d/sentinel.pid SENTINEL_LOG=$d/sentinel.log \
    REDIS_DAEMONIZE=yes SENTINEL_ANNOUNCE_IP=127.0.0.1 REDIS_MASTER_IP=127.0.0.1 REDIS_MASTER_PORT=${port[redis1]} \
    REDIS_PASSWORD=$redis_pw SENTINEL_DOWN_AFTER_MS=2000 SENTINEL_FAILOVER_TIMEOUT_MS=10000 \
    "$render" "$root/installer/ha/sentinel.conf.in" "$d/sentinel.conf"
  redis-sentinel "$d/sentinel.conf"
  wait_for 10 "sentinel$i" test -s "$d/sentinel.pid"
  record_pid "sentinel$i" "$(cat "$d/sentinel.pid")"
done
sentinels_know_all() {
  local n
  n=$(redis-cli -p "${port[sentinel1]}" sentinel master proctor | awk 'p{print; exit} /^num-other-sentinels$/{p=1}')
  [ "$n" = 2 ]
}
wait_for 30 "the Sentinels to find each other" sentinels_know_all

# --- HAProxy ---------------------------------------------------------------------------------------------------
log "HAProxy: PostgreSQL :${port[ha_pg]} (GET /primary), replicas :${port[ha_pg_replica]} (GET /replica), Redis :${port[ha_redis]} (role:master)"
HAPROXY_GLOBAL_EXTRA="  pidfile $t/haproxy.pid" HAPROXY_BIND=127.0.0.1 HAPROXY_PG_PORT=${port[ha_pg]} HAPROXY_PG_REPLICA_PORT=${port[ha_pg_replica]} \
  HAPROXY_REDIS_PORT=${port[ha_redis]} HAPROXY_STATS_BIND=127.0.0.1 HAPROXY_STATS_PORT=${port[ha_stats]} \
  PATRONI_REST_PORT="${port[rest1]}/${port[rest2]}/${port[rest3]}" REDIS_PASSWORD=$redis_pw \
  HAPROXY_PG_SERVERS="  server pg1 127.0.0.1:${port[pg1]} check port ${port[rest1]}
  server pg2 127.0.0.1:${port[pg2]} check port ${port[rest2]}
  server pg3 127.0.0.1:${port[pg3]} check port ${port[rest3]}" \
  HAPROXY_REDIS_SERVERS="  server redis1 127.0.0.1:${port[redis1]} check
  server redis2 127.0.0.1:${port[redis2]} check" \
  "$render" "$root/installer/ha/haproxy.cfg.in" "$t/haproxy.cfg"
haproxy -c -q -f "$t/haproxy.cfg"
haproxy -f "$t/haproxy.cfg" >"$t/haproxy.log" 2>&1 &
record_pid haproxy $!
# HAProxy starts with every server UP until its checks say otherwise: wait until exactly the primary and
# the Redis master are left UP (and the two replicas on the replica frontend), so nothing below reaches a
# replica by mistake.
one_up_each() {
  local csv
  csv=$(curl -fsS "http://127.0.0.1:${port[ha_stats]}/;csv") || return 1
  printf '%s\n' "$csv" | cut -d, -f1,2,18,37 >"$t/haproxy-stats.log" # the last view, for a failure
  local section want
  for section in postgres_primary:1 redis_primary:1 postgres_replicas:2; do
    want=${section#*:}
    section=${section%:*}
    [ "$(awk -F, -v s="$section" '$1 == s && $2 != "FRONTEND" && $2 != "BACKEND" && $18 ~ /^UP/' <<<"$csv" | wc -l)" = "$want" ] || return 1
  done
}
wait_for 60 "HAProxy to mark the replicas down" one_up_each || { cat "$t/haproxy-stats.log" >&2; exit 1; }
export PGPASSWORD=$superuser_pw
wait_for 30 "HAProxy to route PostgreSQL" psql "postgresql://postgres@127.0.0.1:${port[ha_pg]}/postgres" -XAtqc 'select 1'
redis_routed() { rcli -p "${port[ha_redis]}" ping | grep -q PONG; }
wait_for 30 "HAProxy to route Redis" redis_routed

# --- database, as deploy.sh makes it: role proctor owning database proctor, the service's role proctor_app,
# pg_partman by the superuser ---------------------------------------------------------------------------------------
log "database proctor (owner proctor, service role proctor_app)"
admin=postgresql://postgres@127.0.0.1:${port[ha_pg]}
# The password reaches psql on its standard input, never in its arguments.
psql "$admin/postgres" -XAtq -v ON_ERROR_STOP=1 <<SQL
\set pw '$owner_pw'
CREATE ROLE proctor LOGIN PASSWORD :'pw';
\set pw '$app_pw'
CREATE ROLE proctor_app LOGIN PASSWORD :'pw';
CREATE DATABASE proctor OWNER proctor ENCODING 'UTF8' TEMPLATE template0;
GRANT CONNECT ON DATABASE proctor TO proctor_app;
SQL
psql "$admin/proctor" -XAtq -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS partman;
CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman;
GRANT ALL ON SCHEMA partman TO proctor;
GRANT ALL ON ALL TABLES IN SCHEMA partman TO proctor;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO proctor;
GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO proctor;
SQL
unset PGPASSWORD

# --- collectors ------------------------------------------------------------------------------------------------
# The collectors connect as proctor_app; migrate (and partition maintenance) as the owner, which grants it.
db_url=postgresql://proctor_app:$app_pw@127.0.0.1:${port[ha_pg]}/proctor
owner_url=postgresql://proctor:$owner_pw@127.0.0.1:${port[ha_pg]}/proctor
redis_url=redis://:$redis_pw@127.0.0.1:${port[ha_redis]}/0
if [ "${PROCTOR_HA_DIRECT:-}" = 1 ]; then
  # Self-check of the test: the collectors reach the first primary and the first Redis master directly, as
  # a single-server deployment does. The failover test must then fail (nothing routes them to the new ones).
  log "PROCTOR_HA_DIRECT=1: collectors bypass HAProxy; the test is expected to FAIL"
  db_url=postgresql://proctor_app:$app_pw@127.0.0.1:${port[pg1]}/proctor
  owner_url=postgresql://proctor:$owner_pw@127.0.0.1:${port[pg1]}/proctor
  redis_url=redis://:$redis_pw@127.0.0.1:${port[redis1]}/0
fi
session_secret=$(secret 32)
collector_env=(
  PROCTOR_DATABASE_URL="$db_url" PROCTOR_MIGRATION_DATABASE_URL="$owner_url" PROCTOR_REDIS_URL="$redis_url" PROCTOR_LOG_FORMAT=text
  PROCTOR_SESSION_SECRET="$session_secret" PROCTOR_WEB_ROOT="$root/web-client/dist"
  PROCTOR_RATE_LIMIT_PER_KEY=100000000 PROCTOR_RATE_LIMIT_PER_ADDRESS=100000000
)
(cd "$t" && env "${collector_env[@]}" "$bin" migrate >"$t/migrate.log" 2>&1) || { cat "$t/migrate.log" >&2; exit 1; }
grep -q 'application role granted' "$t/migrate.log" || { echo "test-ha: migrate did not grant proctor_app" >&2; exit 1; }
env "${collector_env[@]}" "$bin" import-test "$root/db/seed/infosec-basics.json" >>"$t/migrate.log" 2>&1
api_key=$(env "${collector_env[@]}" "$bin" create-apikey --name page --scopes tests:read,sessions:write 2>>"$t/migrate.log" | tail -n1 | tr -d '[:space:]')
[ -n "$api_key" ] || { echo "test-ha: create-apikey printed no key" >&2; exit 1; }
admin_pw=$(secret 16)
printf '%s\n' "$admin_pw" | env "${collector_env[@]}" "$bin" create-admin --email ha-proctor@example.org --role proctor >>"$t/migrate.log" 2>&1
log "collectors on :${port[http1]} and :${port[http2]} (the second reads review pages from the replicas, :${port[ha_pg_replica]})"
for i in 1 2; do
  hp=${port[http$i]}
  mkdir -p "$t/collector$i"
  review_env=()
  [ "$i" = 2 ] && review_env=(PROCTOR_REVIEW_DATABASE_URL="postgresql://proctor_app:$app_pw@127.0.0.1:${port[ha_pg_replica]}/proctor")
  env "${collector_env[@]}" "${review_env[@]}" PROCTOR_HTTP_ADDR="127.0.0.1:$hp" PROCTOR_PAGE_API_KEY="$api_key" \
    PROCTOR_PUBLIC_URL="http://127.0.0.1:$hp" "$bin" serve >"$t/collector$i/collector.log" 2>&1 &
  record_pid "collector$i" $!
  wait_for 30 "collector$i ready" curl -fsS "http://127.0.0.1:$hp/readyz"
done

# --- the failover test ------------------------------------------------------------------------------------------
cat >"$t/ha.json" <<JSON
{
  "collectors": ["http://127.0.0.1:${port[http1]}", "http://127.0.0.1:${port[http2]}"],
  "collectorPids": [$(awk '$1=="collector1"{print $2}' "$t/pids"), $(awk '$1=="collector2"{print $2}' "$t/pids")],
  "apiKey": "$api_key",
  "reviewFromReplicas": {"collector": 1, "admin": "ha-proctor@example.org"},
  "patroni": [
$(for i in 1 2 3; do
  [ "$i" = 1 ] || echo ","
  echo "    {\"name\": \"pg$i\", \"rest\": \"http://127.0.0.1:${port[rest$i]}\", \"pid\": $(awk -v n="patroni$i" '$1==n{print $2}' "$t/pids"),"
  echo "     \"dataDir\": \"$t/pg$i/data\", \"etcdPid\": $(awk -v n="etcd$i" '$1==n{print $2}' "$t/pids"), \"port\": ${port[pg$i]},"
  echo "     \"home\": \"$t/pg$i\", \"config\": \"$t/pg$i/patroni.yml\", \"etcdConfig\": \"$t/etcd$i/etcd.yml\"}"
done)
  ],
  "asPostgres": $([ "$(id -u)" -eq 0 ] && echo "[\"setpriv\", \"--reuid=$pg_user\", \"--regid=$pg_user\", \"--init-groups\", \"--\"]" || echo "[]"),
  "pidsFile": "$t/pids",
  "clusterctl": "$root/installer/ha/clusterctl.sh",
  "haproxyStats": "http://127.0.0.1:${port[ha_stats]}/;csv",
  "databaseViaHaproxy": "postgresql://proctor_app@127.0.0.1:${port[ha_pg]}/proctor",
  "redis": [
    {"port": ${port[redis1]}, "pidFile": "$t/redis1/redis.pid"},
    {"port": ${port[redis2]}, "pidFile": "$t/redis2/redis.pid"}
  ],
  "sentinelPorts": [${port[sentinel1]}, ${port[sentinel2]}, ${port[sentinel3]}],
  "artifacts": "$artifacts"
}
JSON
log "stack up; failover test"
# Secrets for the checks go through the environment, not the command line.
PGPASSWORD=$app_pw REDISCLI_AUTH=$redis_pw HA_ADMIN_PASSWORD=$admin_pw HA_CONFIG=$t/ha.json node "$root/tests/ha/failover.mjs"
log "passed"
