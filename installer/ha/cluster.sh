#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The three-machine high-availability layout, sourced by deploy.sh --cluster (and by tests/ha/render-test.sh).
# Every machine runs the same set: an etcd member, Patroni with PostgreSQL 15, Redis with a Sentinel,
# HAProxy, nginx and the collector instances. The collectors reach the database and Redis only through the
# local HAProxy (127.0.0.1:5000 and 127.0.0.1:6380; review reads optionally 127.0.0.1:5001, the replicas),
# which routes to whichever machine is the current primary/master, so losing any one machine leaves two that
# keep serving.
#
# Inputs (set by deploy.sh): HA_NODES (three private addresses, comma-separated, in the same order on every
# machine), HA_NODE_INDEX (1..3: which one this machine is), HA_NETWORK (CIDR the three share; default
# the three /32s) and the cluster secrets (HA_PG_SUPERUSER_PASSWORD, HA_PG_REPLICATION_PASSWORD,
# HA_PG_REWIND_PASSWORD, HA_REDIS_PASSWORD, HA_PATRONI_REST_PASSWORD).

HA_DIR=${HA_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
HA_SCOPE=${HA_SCOPE:-proctor}
HA_ETCD_CLIENT_PORT=2379
HA_ETCD_PEER_PORT=2380
HA_PG_PORT=5432
HA_REST_PORT=8008
HA_REDIS_PORT=6379
HA_SENTINEL_PORT=26379
# What the collectors use (loopback only).
HA_FRONT_PG_PORT=5000
HA_FRONT_PG_REPLICA_PORT=5001
HA_FRONT_REDIS_PORT=6380
HA_STATS_PORT=7000
# The cluster-wide secrets: made on machine 1, copied to machines 2 and 3 (deploy.sh --cluster-secrets).
HA_SECRETS_FILE=${HA_SECRETS_FILE:-/etc/proctor/cluster.env}
HA_SECRET_KEYS=(HA_PG_SUPERUSER_PASSWORD HA_PG_REPLICATION_PASSWORD HA_PG_REWIND_PASSWORD HA_REDIS_PASSWORD
  HA_PATRONI_REST_PASSWORD HA_PROCTOR_DB_PASSWORD PROCTOR_SESSION_SECRET PROCTOR_METRICS_TOKEN)
# Made for new clusters, optional when loading: a cluster.env from before the service role keeps one role.
# HA_PROCTOR_DB_PASSWORD is the schema owner's ('proctor'), HA_PROCTOR_APP_DB_PASSWORD the service's.
HA_OPTIONAL_SECRET_KEYS=(HA_PROCTOR_APP_DB_PASSWORD)

ha_die() { printf 'cluster: %s\n' "$*" >&2; return 1; }

# Splits HA_NODES into HA_NODE[1..3] and sets HA_SELF; checks what can be checked without the network.
ha_parse_nodes() {
  local IFS=, list
  read -r -a list <<<"$HA_NODES"
  [ "${#list[@]}" -eq 3 ] || { ha_die "--cluster needs exactly three addresses (A,B,C), got '$HA_NODES'"; return 1; }
  HA_NODE=("" "${list[@]}")
  local i j
  for i in 1 2 3; do
    [[ ${HA_NODE[$i]} =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || { ha_die "'${HA_NODE[$i]}' is not an IPv4 address"; return 1; }
    for j in 1 2 3; do
      [ "$i" -lt "$j" ] && [ "${HA_NODE[$i]}" = "${HA_NODE[$j]}" ] && { ha_die "address ${HA_NODE[$i]} given twice"; return 1; }
    done
  done
  [[ ${HA_NODE_INDEX:-} =~ ^[123]$ ]] || { ha_die "--node must be 1, 2 or 3"; return 1; }
  HA_SELF=${HA_NODE[$HA_NODE_INDEX]}
  HA_NETWORK=${HA_NETWORK:-}
  return 0
}

# pg_hba lines (YAML list items) for the network given, or else for the three machines' addresses.
ha_hba_lines() {
  local nets=() n out=""
  if [ -n "$HA_NETWORK" ]; then nets=("$HA_NETWORK"); else nets=("${HA_NODE[1]}/32" "${HA_NODE[2]}/32" "${HA_NODE[3]}/32"); fi
  for n in "${nets[@]}"; do
    out+="    - host replication replicator $n scram-sha-256"$'\n'"    - host all all $n scram-sha-256"$'\n'
  done
  printf '%s' "${out%$'\n'}"
}

# Writes the cluster secrets file when missing (machine 1), values from openssl. Mode 0600 root.
ha_make_secrets() { # FILE
  local f=$1 k
  [ -s "$f" ] && return 0
  (
    umask 077
    {
      echo "# Proctor cluster secrets (deploy.sh --cluster). Identical on the three machines; keep a copy safe."
      for k in "${HA_SECRET_KEYS[@]}" "${HA_OPTIONAL_SECRET_KEYS[@]}"; do
        case $k in
          PROCTOR_SESSION_SECRET) echo "$k=$(openssl rand -hex 32)" ;;
          *) echo "$k=$(openssl rand -hex 24)" ;;
        esac
      done
    } >"$f"
  )
}

# Loads FILE's KEY=value lines (no shell evaluation of the values).
ha_load_secrets() { # FILE
  local f=$1 line k
  [ -r "$f" ] || { ha_die "no cluster secrets at $f"; return 1; }
  while IFS= read -r line; do
    [[ $line =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    printf -v "${BASH_REMATCH[1]}" '%s' "${BASH_REMATCH[2]}"
    export "${BASH_REMATCH[1]?}"
  done <"$f"
  for k in "${HA_SECRET_KEYS[@]}"; do
    [ -n "${!k:-}" ] || { ha_die "$f lacks $k"; return 1; }
  done
}

# Renders this machine's configuration under ROOT ("/" for real; a scratch directory for a dry run and the
# tests): etcd, Patroni, Redis, Sentinel, HAProxy. Ownership is deploy.sh's business (ha_install_files).
ha_render_node() { # ROOT
  local root=${1%/} i
  local render=$HA_DIR/render.sh
  mkdir -p "$root/etc/etcd" "$root/etc/default" "$root/etc/patroni" "$root/etc/redis" "$root/etc/haproxy"
  local cluster="" hosts="" pg_servers="" redis_servers=""
  for i in 1 2 3; do
    cluster+="${cluster:+,}node$i=http://${HA_NODE[$i]}:$HA_ETCD_PEER_PORT"
    hosts+="${hosts:+,}${HA_NODE[$i]}:$HA_ETCD_CLIENT_PORT"
    pg_servers+="  server node$i ${HA_NODE[$i]}:$HA_PG_PORT check port $HA_REST_PORT"$'\n'
    redis_servers+="  server node$i ${HA_NODE[$i]}:$HA_REDIS_PORT check"$'\n'
  done

  ETCD_NAME=node$HA_NODE_INDEX ETCD_DATA_DIR=/var/lib/etcd/proctor ETCD_LISTEN=$HA_SELF ETCD_ADDRESS=$HA_SELF \
    ETCD_CLIENT_PORT=$HA_ETCD_CLIENT_PORT ETCD_PEER_PORT=$HA_ETCD_PEER_PORT \
    ETCD_LISTEN_CLIENT_URLS="http://$HA_SELF:$HA_ETCD_CLIENT_PORT,http://127.0.0.1:$HA_ETCD_CLIENT_PORT" \
    ETCD_INITIAL_CLUSTER=$cluster ETCD_TOKEN=$HA_SCOPE-etcd \
    "$render" "$HA_DIR/etcd.yml.in" "$root/etc/etcd/proctor.yml" 0640
  # Debian's etcd.service runs `etcd $DAEMON_ARGS` with this file as its environment.
  printf '# Written by deploy.sh --cluster: the member is configured in /etc/etcd/proctor.yml.\nDAEMON_ARGS="--config-file /etc/etcd/proctor.yml"\n' \
    >"$root/etc/default/etcd"

  PATRONI_SCOPE=$HA_SCOPE PATRONI_NAME=node$HA_NODE_INDEX PATRONI_REST_LISTEN=$HA_SELF PATRONI_ADDRESS=$HA_SELF \
    PATRONI_REST_PORT=$HA_REST_PORT PATRONI_REST_PASSWORD=$HA_PATRONI_REST_PASSWORD ETCD_HOSTS=$hosts \
    PATRONI_TTL=30 PATRONI_LOOP_WAIT=10 PATRONI_RETRY_TIMEOUT=10 \
    PG_MAX_CONNECTIONS=200 PG_SHARED_BUFFERS=512MB PG_LISTEN="$HA_SELF,127.0.0.1" PG_PORT=$HA_PG_PORT \
    PG_DATA_DIR=/var/lib/postgresql/15/$HA_SCOPE PATRONI_PGPASS=/var/lib/postgresql/.pgpass.patroni \
    PG_SUPERUSER_PASSWORD=$HA_PG_SUPERUSER_PASSWORD PG_REPLICATION_PASSWORD=$HA_PG_REPLICATION_PASSWORD \
    PG_REWIND_PASSWORD=$HA_PG_REWIND_PASSWORD PG_SOCKET_DIR=/var/run/postgresql PG_HBA_REMOTE="$(ha_hba_lines)" \
    "$render" "$HA_DIR/patroni.yml.in" "$root/etc/patroni/config.yml" 0600

  local replicaof=""
  [ "$HA_NODE_INDEX" = 1 ] || replicaof="replicaof ${HA_NODE[1]} $HA_REDIS_PORT"
  REDIS_BIND="$HA_SELF 127.0.0.1" REDIS_PORT=$HA_REDIS_PORT REDIS_DIR=/var/lib/redis \
    REDIS_PIDFILE=/run/redis/redis-server.pid REDIS_LOG=/var/log/redis/redis-server.log REDIS_DAEMONIZE=no \
    REDIS_PASSWORD=$HA_REDIS_PASSWORD REDIS_ANNOUNCE_IP=$HA_SELF \
    REDIS_PERSISTENCE=$'appendonly yes\nappendfsync everysec' REDIS_REPLICAOF=$replicaof \
    "$render" "$HA_DIR/redis.conf.in" "$root/etc/redis/redis.conf" 0640
  SENTINEL_BIND="$HA_SELF 127.0.0.1" SENTINEL_PORT=$HA_SENTINEL_PORT SENTINEL_DIR=/var/lib/redis \
    SENTINEL_PIDFILE=/run/sentinel/redis-sentinel.pid SENTINEL_LOG=/var/log/redis/redis-sentinel.log \
    REDIS_DAEMONIZE=no SENTINEL_ANNOUNCE_IP=$HA_SELF REDIS_MASTER_IP=${HA_NODE[1]} REDIS_MASTER_PORT=$HA_REDIS_PORT \
    REDIS_PASSWORD=$HA_REDIS_PASSWORD SENTINEL_DOWN_AFTER_MS=5000 SENTINEL_FAILOVER_TIMEOUT_MS=60000 \
    "$render" "$HA_DIR/sentinel.conf.in" "$root/etc/redis/sentinel.conf" 0640

  HAPROXY_GLOBAL_EXTRA="  user haproxy
  group haproxy
  daemon
  stats socket /run/haproxy/admin.sock mode 660 level admin" \
    HAPROXY_BIND=127.0.0.1 HAPROXY_PG_PORT=$HA_FRONT_PG_PORT HAPROXY_PG_REPLICA_PORT=$HA_FRONT_PG_REPLICA_PORT HAPROXY_REDIS_PORT=$HA_FRONT_REDIS_PORT \
    HAPROXY_STATS_BIND=127.0.0.1 HAPROXY_STATS_PORT=$HA_STATS_PORT PATRONI_REST_PORT=$HA_REST_PORT \
    REDIS_PASSWORD=$HA_REDIS_PASSWORD HAPROXY_PG_SERVERS="${pg_servers%$'\n'}" \
    HAPROXY_REDIS_SERVERS="${redis_servers%$'\n'}" \
    "$render" "$HA_DIR/haproxy.cfg.in" "$root/etc/haproxy/haproxy.cfg" 0640
}

# The collectors' URLs: always the local HAProxy.
# The service's URL (role proctor_app when cluster.env has its password, else the owner) and the owner's.
ha_database_url() {
  if [ -n "${HA_PROCTOR_APP_DB_PASSWORD:-}" ]; then
    echo "postgresql://proctor_app:$HA_PROCTOR_APP_DB_PASSWORD@127.0.0.1:$HA_FRONT_PG_PORT/proctor"
  else
    ha_owner_database_url
  fi
}
ha_owner_database_url() { echo "postgresql://proctor:$HA_PROCTOR_DB_PASSWORD@127.0.0.1:$HA_FRONT_PG_PORT/proctor"; }
ha_redis_url() { echo "redis://:$HA_REDIS_PASSWORD@127.0.0.1:$HA_FRONT_REDIS_PORT/0"; }
