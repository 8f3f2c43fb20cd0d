#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No password in any process's arguments: runs the control panel's backup (psql snapshot session + pg_dump),
# its monitor (psql, redis-cli) and its Redis helper against a password-protected PostgreSQL role and a
# password-protected Redis, while a sampler reads every /proc/*/cmdline in a loop; any argument holding
# either password fails the test (any local user can read /proc/*/cmdline).
#   tests/packaging/secrets_cmdline.sh BUILD_DIR [CONTROL_DIR]
# CONTROL_DIR (default installer/control of this tree) lets the same check run against other scripts, e.g.
# an older release's, to see it fail there. Needs tests/run.sh's services (PROCTOR_TEST_PG_ADMIN_URL).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: secrets_cmdline.sh BUILD_DIR [CONTROL_DIR]}" && pwd)
control=$(cd "${2:-$root/installer/control}" && pwd)
: "${PROCTOR_TEST_PG_ADMIN_URL:?run through tests/run.sh}"
bin=$build/collector/proctor-collector
[ -x "$bin" ] || { echo "no $bin: build proctor-collector first" >&2; exit 1; }

work=$(mktemp -d /tmp/proctor-secrets.XXXXXX)
chmod 755 "$work"
suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
role=sec_$suffix
db=sec_$suffix
pg_pw=Pg$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
redis_pw=Rd$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
sampler_pid=
redis_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
  psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- a password-protected role and database (the password through stdin, not arguments) -----------------
psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
\set pw '$pg_pw'
CREATE ROLE $role LOGIN PASSWORD :'pw';
CREATE DATABASE $db OWNER $role;
SQL
admin_db=${PROCTOR_TEST_PG_ADMIN_URL%/*}/$db
psql "$admin_db" -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE SCHEMA partman;
CREATE EXTENSION pg_partman SCHEMA partman;
GRANT ALL ON SCHEMA partman TO $role;
GRANT ALL ON ALL TABLES IN SCHEMA partman TO $role;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO $role;
GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO $role;
SQL
hostport=$(sed -E 's|^postgres(ql)?://[^@]*@([^/]+)/.*$|\2|' <<<"$PROCTOR_TEST_PG_ADMIN_URL")
db_url="postgresql://$role:$pg_pw@$hostport/$db"
PROCTOR_DATABASE_URL=$db_url PROCTOR_LOG_FORMAT=text "$bin" migrate >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log" >&2; fail "migrate"; }
# Enough rows that pg_dump takes a moment.
psql "$admin_db" -X -q -v ON_ERROR_STOP=1 -c "INSERT INTO events (session_id, event_id, session_started_at, seq,
  type, client_ts, details) SELECT gen_random_uuid(), gen_random_uuid(), now(), g, 'focus', now(),
  jsonb_build_object('pad', repeat('x', 200)) FROM generate_series(1, 50000) g" >/dev/null

# --- a password-protected Redis (its configuration on stdin, so not even redis-server's argv has it) ------
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'bind 127.0.0.1\nport %s\nrequirepass %s\nsave ""\nappendonly no\ndir %s\n' \
  "$redis_port" "$redis_pw" "$work" | redis-server - >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 50); do
  REDISCLI_AUTH=$redis_pw redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done

# --- configuration the control panel reads -----------------------------------------------------------
mkdir -p "$work/etc" "$work/backups"
cat >"$work/etc/collector.env" <<ENV
PROCTOR_DATABASE_URL=$db_url
PROCTOR_REDIS_URL=redis://:$redis_pw@127.0.0.1:$redis_port/0
ENV
chmod 600 "$work/etc/collector.env"
export PROCTOR_DEPLOY_ENV=$work/none/deploy.env PROCTOR_CONFIG_DIR=$work/etc \
  PROCTOR_ENV_FILE=$work/etc/collector.env PROCTOR_BACKUP_DIR=$work/backups \
  PROCTOR_BACKUP_PASSPHRASE_FILE=$work/none/passphrase PROCTOR_NGINX_SITE=$work/none/site \
  PROCTOR_INSTANCES=1 PROCTOR_BIN=$bin
unset PROCTOR_BACKUP_PASSPHRASE PGPASSWORD REDISCLI_AUTH

# --- the sampler: every process's arguments, as fast as it can, until told to stop --------------------
cat >"$work/sampler.py" <<'PY'
import os, sys, time
secrets = [s.encode() for s in os.environ["SECRETS"].split()]
stop, out = sys.argv[1], sys.argv[2]
hits, seen, rounds = {}, {}, 0
me = str(os.getpid())
while not os.path.exists(stop):
    rounds += 1
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or pid == me:
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if not args or not args[0]:
            continue
        tool = os.path.basename(args[0]).decode(errors="replace")
        if tool in ("psql", "pg_dump", "pg_restore", "redis-cli"):
            seen.setdefault(tool, set()).add(pid)
        for a in args:
            for s in secrets:
                if s in a:
                    shown = b" ".join(x.replace(s, b"<PASSWORD>") for x in args).decode(errors="replace")
                    hits[(pid, shown)] = 1
with open(out, "w") as f:
    f.write(f"rounds {rounds}\n")
    for tool, pids in sorted(seen.items()):
        f.write(f"seen {tool} {len(pids)}\n")
    for (pid, shown) in hits:
        f.write(f"hit {pid} {shown}\n")
PY
SECRETS="$pg_pw $redis_pw" python3 "$work/sampler.py" "$work/stop" "$work/sampler.out" &
sampler_pid=$!
sleep 0.3

# --- what the operators and the timers run ------------------------------------------------------------
backup_rc=0
bash "$control/backup.sh" >"$work/backup.log" 2>&1 || backup_rc=$?
ONCE=1 INTERVAL=1 bash "$control/proctorctl.sh" monitor >"$work/monitor.log" 2>&1 || true
bash -c '. "$1/lib.sh"; ctl_redis PING' sh "$control" >"$work/redis-ping.log" 2>&1 || true

touch "$work/stop"
wait "$sampler_pid" || true
sampler_pid=
cat "$work/sampler.out"
# The leak first: it is what this test is about, even when a command also failed.
if grep -q '^hit ' "$work/sampler.out"; then
  fail "a password appeared in process arguments (above, masked as <PASSWORD>)"
fi
[ "$backup_rc" = 0 ] || { cat "$work/backup.log" >&2; fail "backup failed ($backup_rc)"; }
grep -q 'PONG' "$work/redis-ping.log" || fail "the control panel's Redis helper did not reach the password-protected Redis"
grep -q '^  connections ' "$work/monitor.log" || fail "the monitor did not reach PostgreSQL: $(cat "$work/monitor.log")"
ls "$work/backups"/proctor-*/database.dump >/dev/null 2>&1 || fail "no backup written"
grep -q '^seen psql ' "$work/sampler.out" && grep -q '^seen pg_dump ' "$work/sampler.out" \
  || fail "the sampler never saw psql and pg_dump running: it proves nothing"
echo "ok: no password in /proc/*/cmdline during backup, monitor and redis-cli"
