#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Control-panel commands of a cluster machine (deploy.sh --cluster; targets in installer/ha/cluster.mk):
#   clusterctl.sh status                 Patroni members and lag, etcd health, Redis master, HAProxy routes
#   clusterctl.sh switchover [CANDIDATE] planned move of the PostgreSQL primary (maintenance of its machine)
#   clusterctl.sh failover CANDIDATE     promote CANDIDATE when no healthy primary is left
#   clusterctl.sh redis-failover         make Sentinel move the Redis master now
# Run as root (the Patroni configuration holds passwords and is 0600 postgres).
set -euo pipefail

patroni_conf=${PROCTOR_PATRONI_CONFIG:-/etc/patroni/config.yml}
sentinel_port=${PROCTOR_SENTINEL_PORT:-26379}
stats_url=${PROCTOR_HAPROXY_STATS_URL:-http://127.0.0.1:7000/;csv}
[ -r "$patroni_conf" ] || { echo "clusterctl: $patroni_conf is not readable: not a cluster machine, or not root" >&2; exit 1; }
patronictl() { command patronictl -c "$patroni_conf" "$@"; }

cmd_status() {
  echo "== PostgreSQL (Patroni)"
  patronictl list || echo "   patronictl list failed"
  echo
  echo "== etcd"
  local hosts
  hosts=$(sed -n 's/^ *hosts: *//p' "$patroni_conf" | head -n 1)
  ETCDCTL_API=3 etcdctl --endpoints="$hosts" endpoint health 2>&1 | sed 's/^/   /' || true
  echo
  echo "== Redis (Sentinel)"
  local master
  master=$(redis-cli -p "$sentinel_port" sentinel get-master-addr-by-name proctor 2>/dev/null | paste -sd: -)
  echo "   master: ${master:-unknown (Sentinel not answering on :$sentinel_port)}"
  redis-cli -p "$sentinel_port" sentinel master proctor 2>/dev/null |
    awk 'NR % 2 == 1 {k = $0; next} k ~ /^(num-slaves|num-other-sentinels|quorum|flags)$/ {printf "   %s: %s\n", k, $0}' || true
  echo
  echo "== HAProxy (what the collectors on this machine reach)"
  curl -fsS "$stats_url" 2>/dev/null |
    awk -F, '$1 ~ /^(postgres_primary|redis_primary)$/ && $2 != "FRONTEND" && $2 != "BACKEND" {printf "   %-17s %-8s %s\n", $1, $2, $18}' ||
    echo "   stats page not reachable ($stats_url)"
}

case ${1:-status} in
  status) cmd_status ;;
  switchover)
    # Waits for the candidate to be in sync, then moves the primary; acknowledged writes are never lost.
    if [ -n "${2:-}" ]; then patronictl switchover --candidate "$2" --force; else patronictl switchover; fi
    ;;
  failover)
    [ -n "${2:-}" ] || { echo "usage: clusterctl.sh failover CANDIDATE (see: clusterctl.sh status)" >&2; exit 2; }
    patronictl failover --candidate "$2"
    ;;
  redis-failover) redis-cli -p "$sentinel_port" sentinel failover proctor ;;
  *) echo "usage: clusterctl.sh status|switchover [CANDIDATE]|failover CANDIDATE|redis-failover" >&2; exit 2 ;;
esac
