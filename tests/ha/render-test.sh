#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# deploy.sh --cluster's configuration, rendered for machine 2 of three made-up addresses and checked by the
# tools that will read it (haproxy -c, patroni --validate-config) plus the wiring between the files.
# Part of `make test-ha` (runs in a second, before the failover test).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d /tmp/proctor-ha-render.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail() { echo "render-test: FAIL: $*" >&2; exit 1; }

# shellcheck source=../../installer/ha/cluster.sh
. "$root/installer/ha/cluster.sh"

# Bad layouts are refused before anything is written.
for bad in "10.0.0.1,10.0.0.2" "10.0.0.1,10.0.0.2,10.0.0.2" "10.0.0.1,10.0.0.2,db3"; do
  HA_NODES=$bad HA_NODE_INDEX=1 ha_parse_nodes 2>/dev/null && fail "accepted --cluster $bad"
done
HA_NODES=10.0.0.1,10.0.0.2,10.0.0.3 HA_NODE_INDEX=4 ha_parse_nodes 2>/dev/null && fail "accepted --node 4"

export HA_NODES=10.0.0.11,10.0.0.12,10.0.0.13 HA_NODE_INDEX=2 HA_NETWORK=10.0.0.0/24
ha_parse_nodes
ha_make_secrets "$out/cluster.env"
[ "$(stat -c %a "$out/cluster.env")" = 600 ] || fail "cluster.env is not 0600"
ha_load_secrets "$out/cluster.env"
ha_render_node "$out"

f=$out/etc
grep -qx 'name: node2' "$f/etcd/proctor.yml" || fail "etcd member name"
grep -qx 'initial-cluster: node1=http://10.0.0.11:2380,node2=http://10.0.0.12:2380,node3=http://10.0.0.13:2380' \
  "$f/etcd/proctor.yml" || fail "etcd initial-cluster"
grep -q 'enable-grpc-gateway: true' "$f/etcd/proctor.yml" || fail "etcd gRPC gateway (Patroni's etcd3 needs it)"
grep -q 'config-file /etc/etcd/proctor.yml' "$f/default/etcd" || fail "/etc/default/etcd"
grep -q 'hosts: 10.0.0.11:2379,10.0.0.12:2379,10.0.0.13:2379' "$f/patroni/config.yml" || fail "Patroni's etcd hosts"
grep -q 'synchronous_mode: true' "$f/patroni/config.yml" || fail "synchronous mode"
grep -q "password: \"$HA_PATRONI_REST_PASSWORD\"" "$f/patroni/config.yml" || fail "Patroni REST API password"
grep -qx "    - host all all 10.0.0.0/24 scram-sha-256" "$f/patroni/config.yml" || fail "pg_hba network"
grep -qx "    - host replication replicator 10.0.0.0/24 scram-sha-256" "$f/patroni/config.yml" || fail "pg_hba replication"
# Without a network: each machine's own address.
(
  HA_NETWORK=""
  for i in 1 2 3; do
    ha_hba_lines | grep -qx "    - host replication replicator 10.0.0.1$i/32 scram-sha-256" || fail "pg_hba for machine $i"
  done
)
grep -q "password: \"$HA_PG_REPLICATION_PASSWORD\"" "$f/patroni/config.yml" || fail "replication password"
[ "$(stat -c %a "$f/patroni/config.yml")" = 600 ] || fail "patroni config.yml is not 0600"
grep -qx 'replicaof 10.0.0.11 6379' "$f/redis/redis.conf" || fail "machine 2's Redis starts as a replica of machine 1"
grep -qx 'sentinel monitor proctor 10.0.0.11 6379 2' "$f/redis/sentinel.conf" || fail "sentinel monitor"
for i in 1 2 3; do
  grep -q "server node$i 10.0.0.1$i:5432 check port 8008" "$f/haproxy/haproxy.cfg" || fail "HAProxy PostgreSQL server $i"
  grep -q "server node$i 10.0.0.1$i:6379 check" "$f/haproxy/haproxy.cfg" || fail "HAProxy Redis server $i"
done
grep -q "bind 127.0.0.1:5000" "$f/haproxy/haproxy.cfg" || fail "HAProxy PostgreSQL frontend"
grep -q "bind 127.0.0.1:5001" "$f/haproxy/haproxy.cfg" || fail "HAProxy PostgreSQL replica frontend"
grep -q "GET /replica" "$f/haproxy/haproxy.cfg" || fail "HAProxy replica check"
[ -n "${HA_PROCTOR_APP_DB_PASSWORD:-}" ] || fail "new cluster secrets lack the service role's password"
[ "$(ha_database_url)" = "postgresql://proctor_app:$HA_PROCTOR_APP_DB_PASSWORD@127.0.0.1:5000/proctor" ] || fail "database URL"
[ "$(ha_owner_database_url)" = "postgresql://proctor:$HA_PROCTOR_DB_PASSWORD@127.0.0.1:5000/proctor" ] || fail "owner URL"
# A cluster.env from before the service role still loads, with one role.
grep -v '^HA_PROCTOR_APP_DB_PASSWORD=' "$out/cluster.env" >"$out/cluster-old.env"
(unset HA_PROCTOR_APP_DB_PASSWORD && ha_load_secrets "$out/cluster-old.env" &&
  [ "$(ha_database_url)" = "$(ha_owner_database_url)" ]) || fail "cluster.env without HA_PROCTOR_APP_DB_PASSWORD"
if grep -rn '@[A-Z][A-Z0-9_]*@' "$f"; then fail "placeholder left"; fi

# The programs that read the files accept them.
haproxy -c -q -f "$f/haproxy/haproxy.cfg" || fail "haproxy -c"
# Patroni's validator also tries to bind the (made-up) addresses, and asks for the deprecated
# bootstrap.pg_hba (postgresql.pg_hba is what Patroni 3 writes): those two findings are expected here.
patroni --validate-config "$f/patroni/config.yml" >"$out/validate.log" 2>&1 || true
if grep -v -e "is already in use" -e "bootstrap.pg_hba  *is not defined" "$out/validate.log" | grep -q .; then
  cat "$out/validate.log" >&2
  fail "patroni --validate-config"
fi
# deploy.sh installs exactly the HA packages this repository lists (it runs before installer/ha/ is on the
# machine, so it keeps its own copy of the list).
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$root/installer/ha/packages.txt" | sort -u | tr '\n' ' ')
# shellcheck disable=SC1090
deploy_list=$(. <(sed -n '/^HA_PACKAGES=(/,/)/p' "$root/installer/deploy/deploy.sh"); printf '%s\n' "${HA_PACKAGES[@]}" postgresql-15 postgresql-15-partman redis-server curl | sort -u | tr '\n' ' ')
[ "$listed" = "$deploy_list" ] || fail "deploy.sh HA_PACKAGES ($deploy_list) differ from installer/ha/packages.txt ($listed)"

# deploy.sh --cluster: a dry run renders the six files; machine 2 without the secrets is refused.
dry=(--dry-run --non-interactive --domain exam.example.org --apt-repo http://example.invalid --apt-key /etc/hostname)
plan=$(bash "$root/installer/deploy/deploy.sh" "${dry[@]}" --admin-email it@example.org \
  --cluster 10.0.0.11,10.0.0.12,10.0.0.13 --node 1 2>&1) || { echo "$plan" >&2; fail "deploy.sh --cluster --dry-run"; }
for file in /etc/patroni/config.yml /etc/etcd/proctor.yml /etc/default/etcd /etc/redis/redis.conf /etc/redis/sentinel.conf \
  /etc/haproxy/haproxy.cfg; do
  grep -q "\[dry-run\] write $file\$" <<<"$plan" || fail "deploy.sh --cluster --dry-run does not write $file"
done
if bash "$root/installer/deploy/deploy.sh" "${dry[@]}" --cluster 10.0.0.11,10.0.0.12,10.0.0.13 --node 2 >/dev/null 2>&1; then
  fail "deploy.sh --cluster --node 2 ran without --cluster-secrets"
fi
echo "render-test: deploy.sh --cluster configuration for machine 2 of 3: ok"
