#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Private PostgreSQL 15 + Redis 7 on loopback for the demo and the tests.
# Never touches the system services: data, sockets, logs and pid files live under DIR.
#
#   services.sh start DIR [persistent]   start both (reuse DIR's data if present), write DIR/env
#   services.sh stop DIR                 stop both
#   services.sh stop-redis DIR | start-redis DIR   (fault tests)
#
# DIR/env holds PROCTOR_TEST_PG_ADMIN_URL, PROCTOR_DATABASE_URL and PROCTOR_REDIS_URL.
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin
cmd=${1:?usage: services.sh start|stop DIR}
dir=${2:?usage: services.sh start|stop DIR}
mode=${3:-throwaway}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# The unprivileged PostgreSQL user must be able to reach its data directory.
[ "$(id -u)" -eq 0 ] && chmod 755 "$dir"

# initdb and postgres refuse to run as root: run them as an unprivileged user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( (RANDOM * 32768 + RANDOM) % 30000 + 20000 ))
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  echo "services: no free port found" >&2; return 1
}

start_postgres() {
  local data=$dir/pg
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    chmod 700 "$data"
    as_pg "$pg_bin/initdb" -D "$data" -U proctor --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port; port=$(cat "$dir/pg.port" 2>/dev/null || true)
  if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
  echo "$port" >"$dir/pg.port"
  local extra=""
  # Throwaway clusters trade nothing on durability (fsync stays on) but keep their footprint small.
  [ "$mode" = throwaway ] && extra="-c shared_buffers=128MB -c max_connections=200"
  [ "$mode" = persistent ] && extra="-c max_connections=200"
  as_pg "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data $extra" start >/dev/null
}

start_redis() {
  local port; port=$(cat "$dir/redis.port" 2>/dev/null || true)
  if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
  echo "$port" >"$dir/redis.port"
  local persist=(--save "" --appendonly no)
  [ "$mode" = persistent ] && persist=(--appendonly yes)
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" "${persist[@]}"
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "services: redis did not start, see $dir/redis.log" >&2; return 1
}

stop_postgres() {
  [ -s "$dir/pg/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
}
stop_redis() {
  if [ -s "$dir/redis.pid" ]; then
    local pid; pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/redis.pid"
  fi
}

write_env() {
  local pg; pg=$(cat "$dir/pg.port")
  local rd; rd=$(cat "$dir/redis.port")
  cat >"$dir/env" <<ENV
export PROCTOR_TEST_PG_ADMIN_URL=postgresql://proctor@127.0.0.1:$pg/postgres
export PROCTOR_DATABASE_URL=postgresql://proctor@127.0.0.1:$pg/proctor
export PROCTOR_REDIS_URL=redis://127.0.0.1:$rd/0
export PROCTOR_TEST_REDIS_URL=redis://127.0.0.1:$rd/0
ENV
}

case "$cmd" in
  start)
    start_postgres
    start_redis
    psql "postgresql://proctor@127.0.0.1:$(cat "$dir/pg.port")/postgres" -Atq \
      -c "SELECT 1 FROM pg_database WHERE datname='proctor'" | grep -q 1 \
      || createdb -h 127.0.0.1 -p "$(cat "$dir/pg.port")" -U proctor proctor
    write_env
    ;;
  stop) stop_redis; stop_postgres ;;
  stop-redis) stop_redis ;;
  start-redis) start_redis; write_env ;;
  *) echo "usage: services.sh start|stop|stop-redis|start-redis DIR [persistent]" >&2; exit 2 ;;
esac
