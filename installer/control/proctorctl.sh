#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The control panel's commands; /opt/proctor/Makefile (`make help`) calls them.
#   proctorctl.sh COMMAND [ARGS...]
# $(units) expands to unit names without spaces, split on purpose:
# shellcheck disable=SC2046
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

need_systemd() { ctl_have_systemd || ctl_die "systemd is not running on this machine: '$1' manages systemd units"; }
units() { local p; for p in $PROCTOR_INSTANCES; do printf 'proctor-collector@%s.service\n' "$p"; done; }

cmd_up() {
  need_systemd up
  systemctl start postgresql redis-server
  systemctl enable --quiet proctor-collector.target $(units)
  systemctl start proctor-collector.target $(units)
  local p failed=0
  for p in $PROCTOR_INSTANCES; do
    if ctl_wait_ready "$p" 60; then echo "instance $p: ready"; else echo "instance $p: NOT ready (make logs-app)"; failed=1; fi
  done
  if [ -f "$PROCTOR_NGINX_SITE" ]; then systemctl reload-or-restart nginx; fi
  return $failed
}

cmd_down() {
  need_systemd down
  # PostgreSQL, Redis and nginx are system services other sites may use: they keep running.
  systemctl stop proctor-collector.target $(units)
  echo "collector stopped (PostgreSQL, Redis and nginx keep running; nginx answers 502 until 'make up')"
}

# Rolling restart: one instance at a time, each ready before the next, so nginx always has one.
cmd_restart() {
  need_systemd restart
  local p
  for p in $PROCTOR_INSTANCES; do
    systemctl restart "proctor-collector@$p.service"
    ctl_wait_ready "$p" 60 || ctl_die "instance $p did not become ready after the restart (make logs-app)"
    echo "instance $p: restarted, ready"
  done
  if [ -f "$PROCTOR_NGINX_SITE" ]; then systemctl reload nginx || true; fi
}

cmd_status() {
  local p code
  if ctl_have_systemd; then
    systemctl --no-pager list-units --all 'proctor-collector*' postgresql.service 'postgresql@*' \
      redis-server.service nginx.service || true
  fi
  echo
  for p in $PROCTOR_INSTANCES; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/readyz" 2>/dev/null || true)
    echo "instance 127.0.0.1:$p  /readyz $code"
  done
  echo
  ctl_collector check || true
  local last
  last=$(find "$PROCTOR_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'proctor-*' ! -name '*.partial' 2>/dev/null | sort | tail -n 1)
  echo "last backup: ${last:-none} "
  # A cluster machine (deploy.sh --cluster): Patroni, etcd, Sentinel and HAProxy as well.
  if [ -f /etc/patroni/config.yml ] && [ -r "$PROCTOR_SHARE/ha/clusterctl.sh" ]; then
    echo
    bash "$PROCTOR_SHARE/ha/clusterctl.sh" status || true
  fi
}

cmd_logs() {
  ctl_have_systemd || ctl_die "journald is not running here"
  exec journalctl --no-pager -n "${LINES:-100}" -f -u 'proctor-collector@*' -u nginx -u 'postgresql@*' -u redis-server
}

cmd_logs_app() {
  ctl_have_systemd || ctl_die "journald is not running here"
  exec journalctl --no-pager -n "${LINES:-100}" -f -o cat -u 'proctor-collector@*'
}

# make update [PACKAGES=dir-with-new-.deb-files]: backup, install, migrate, rolling restart.
cmd_update() {
  local dir=${PACKAGES:-}
  echo "== backup before the update"
  bash "$here/backup.sh"
  echo "== installing"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -y -q -o Dpkg::Options::=--force-confold -o DPkg::Lock::Timeout=300)
  if [ -n "$dir" ]; then
    # A signature is required whenever a release key is configured or installed (deploy.sh keeps it);
    # unsigned packages only with ALLOW_UNSIGNED=yes.
    local keyring=${PROCTOR_RELEASE_KEYRING:-/usr/share/keyrings/proctor-archive-keyring.gpg} how=()
    if [ -f "$keyring" ]; then
      how=(--keyring "$keyring")
    elif [ "${ALLOW_UNSIGNED:-no}" = yes ]; then
      ctl_warn "ALLOW_UNSIGNED=yes: the packages in $dir are checked against SHA256SUMS only"
      how=(--allow-unsigned)
    else
      ctl_die "no release key ($keyring): cannot verify $dir (ALLOW_UNSIGNED=yes installs unsigned packages)"
    fi
    local stage deb
    stage=$(mktemp -d /tmp/proctor-update.XXXXXX)
    # The verified copy of the highest listed version: never a file that merely lies in the folder.
    deb=$(bash "$PROCTOR_SHARE/deploy/verify.sh" "${how[@]}" --stage "$stage/verified" --newest proctor-collector "$dir") \
      || { rm -rf "$stage"; ctl_die "the packages in $dir fail verification"; }
    echo "verified: $(basename "$deb")"
    "${apt[@]}" install "$deb"
    rm -rf "$stage"
  else
    "${apt[@]}" update
    "${apt[@]}" install --only-upgrade proctor-collector
  fi
  echo "== migrating"
  ctl_pg_prepare_extensions
  ctl_collector migrate
  if ctl_have_systemd; then
    echo "== restarting"
    cmd_restart
  fi
  "$PROCTOR_BIN" --version
}

cmd_migrate() {
  ctl_pg_prepare_extensions
  ctl_collector migrate
}
# A one-off retention run; the collector instances run it every hour with PROCTOR_RETENTION_MONTHS.
cmd_purge() {
  [ -n "${OLDER_THAN:-}" ] || ctl_die "usage: make purge OLDER_THAN=<months>|<YYYY-MM-DD>"
  ctl_collector purge --older-than "$OLDER_THAN"
}
cmd_check() { ctl_collector check; }
# Passwords through the environment and a private password file, never arguments (lib.sh, ctl_db_env).
cmd_shell_db() {
  ctl_db_env
  trap ctl_db_env_cleanup EXIT
  psql
}
cmd_shell_redis() {
  ctl_redis_env
  exec redis-cli "${CTL_REDIS_ARGS[@]}"
}
cmd_list_apikeys() { ctl_collector list-apikeys; }

# make create-apikey NAME=kiosk [SCOPES=tests:read,sessions:write] [PAGE=1]
# The key is printed once. PAGE=1 makes it the page key: written to collector.env, instances restarted.
cmd_create_apikey() {
  local name=${1:-${NAME:-}} scopes=${2:-${SCOPES:-}}
  [ -n "$name" ] || ctl_die "usage: make create-apikey NAME=<what it is for> [SCOPES=$PROCTOR_PAGE_KEY_SCOPES] [PAGE=1]"
  scopes=${scopes:-$PROCTOR_PAGE_KEY_SCOPES}
  local key
  key=$(ctl_collector create-apikey --name "$name" --scopes "$scopes")
  [ -n "$key" ] || ctl_die "create-apikey printed no key"
  if [ "${PAGE:-0}" = 1 ]; then
    ctl_env_set PROCTOR_PAGE_API_KEY "$key"
    echo "written to $PROCTOR_ENV_FILE as PROCTOR_PAGE_API_KEY" >&2
    if ctl_have_systemd && systemctl -q is-active proctor-collector.target; then cmd_restart >&2; fi
  fi
  echo "$key"
}

# make create-admin EMAIL=a@b.c [ROLE=admin|proctor]; the password is asked twice (or read from stdin).
cmd_create_admin() {
  local email=${1:-${EMAIL:-}} role=${2:-${ROLE:-admin}}
  [ -n "$email" ] || ctl_die "usage: make create-admin EMAIL=<e-mail> [ROLE=admin|proctor]"
  [[ $role == admin || $role == proctor ]] || ctl_die "ROLE must be admin or proctor"
  ctl_has_command create-admin \
    || ctl_die "this proctor-collector has no create-admin command yet (update the package)"
  local pw pw2
  if [ -t 0 ]; then
    read -r -s -p "Password for $email (at least 12 characters): " pw; echo >&2
    read -r -s -p "Repeat the password: " pw2; echo >&2
    [ "$pw" = "$pw2" ] || ctl_die "the passwords differ"
  else
    IFS= read -r pw || true
  fi
  [ ${#pw} -ge 12 ] || ctl_die "the password must have at least 12 characters"
  printf '%s\n' "$pw" | ctl_collector create-admin --email "$email" --role "$role"
}

# make monitor [INTERVAL=5] [ONCE=1]: instances, traffic, database, Redis, disk, last backup.
cmd_monitor() {
  local interval=${INTERVAL:-5} token
  ctl_db_env
  trap ctl_db_env_cleanup EXIT
  ctl_redis_env
  token=$(ctl_env_get PROCTOR_METRICS_TOKEN)
  while :; do
    [ "${ONCE:-0}" = 1 ] || { [ -t 1 ] && clear; }
    echo "Proctor monitor  $(date '+%F %T')  (every ${interval}s, Ctrl-C to stop)"
    echo "--- collector instances"
    local p ready metrics reqs
    for p in $PROCTOR_INSTANCES; do
      ready=$(curl -s -m 2 "http://127.0.0.1:$p/readyz" 2>/dev/null || echo unreachable)
      metrics=$(curl -s -m 2 ${token:+-H "Authorization: Bearer $token"} "http://127.0.0.1:$p/metrics" 2>/dev/null || true)
      reqs=$(awk '/^proctor_http_requests_total/ {s += $NF} END {printf "%d", s}' <<<"$metrics")
      printf '  %-6s %-60s requests %s\n' "$p" "$ready" "$reqs"
    done
    echo "--- PostgreSQL"
    # A probe that fails shows its error; the monitor keeps running.
    psql -X -Atq -F ' ' -c "SELECT 'connections', count(*)::text FROM pg_stat_activity WHERE datname = current_database()
      UNION ALL SELECT 'size', pg_size_pretty(pg_database_size(current_database()))
      UNION ALL SELECT 'longest active query (s)', coalesce(max(extract(epoch FROM now() - query_start))::int, 0)::text
        FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()" 2>&1 \
      | sed 's/^/  /' || true
    echo "--- Redis"
    redis-cli "${CTL_REDIS_ARGS[@]}" info 2>&1 \
      | grep -E '^(connected_clients|used_memory_human|instantaneous_ops_per_sec|uptime_in_days|ERR)' | sed 's/^/  /' || true
    echo "--- disk"
    df -h / "$PROCTOR_BACKUP_DIR" 2>/dev/null | sed 's/^/  /' || true
    echo "--- last backup: $(find "$PROCTOR_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'proctor-*' ! -name '*.partial' 2>/dev/null | sort | tail -n 1)"
    [ "${ONCE:-0}" = 1 ] && break
    sleep "$interval"
  done
}

# make destroy: removes the DATA (database and its role, the Redis database) after the database name is
# typed. Keeps /etc/proctor (configuration, secrets), the backups and the packages, so `make restore`
# can bring a backup back; `apt purge proctor-collector` and removing /etc/proctor remove the rest.
cmd_destroy() {
  local url
  url=$(ctl_db_url)
  ctl_parse_db_url "$url"
  local redis_url
  redis_url=$(ctl_redis_url)
  echo "make destroy removes ALL Proctor data on this server:" >&2
  echo "  - database '$PG_DB' on $PG_HOST:$PG_PORT and its role '$PG_USER'" >&2
  local redis_shown=${redis_url%%\?*}
  echo "  - the Redis database of ${redis_shown/\/\/*@/\/\/} (FLUSHDB)" >&2
  echo "  it keeps $PROCTOR_CONFIG_DIR, the backups in $PROCTOR_BACKUP_DIR and the installed packages." >&2
  ctl_confirm_typed "$PG_DB" "There is no undo except restoring a backup."
  if ctl_have_systemd; then
    systemctl stop proctor-collector.target $(units) || true
    systemctl disable --quiet proctor-collector.target $(units) || true
  fi
  ctl_pg_admin -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)"
  if [ "${PG_USER}" != postgres ]; then
    ctl_pg_admin -c "DROP ROLE IF EXISTS \"$PG_USER\"" \
      || ctl_warn "role $PG_USER still owns objects elsewhere; it was kept"
  fi
  # The service's own role when it is not the owner (deploy.sh makes two: README "Two database roles").
  local owner=$PG_USER
  ctl_parse_db_url "$(ctl_env_get PROCTOR_DATABASE_URL)"
  if [ "$PG_USER" != "$owner" ] && [ "$PG_USER" != postgres ]; then
    ctl_pg_admin -c "DROP ROLE IF EXISTS \"$PG_USER\"" \
      || ctl_warn "role $PG_USER still has privileges elsewhere; it was kept"
  fi
  PG_USER=$owner
  ctl_redis FLUSHDB >/dev/null || ctl_warn "Redis could not be flushed"
  echo "destroyed: database $PG_DB, role $PG_USER, Redis database. Backups are in $PROCTOR_BACKUP_DIR."
}

# make nginx: render the site from the current settings, test it, reload nginx.
cmd_nginx() {
  [ -f "$PROCTOR_NGINX_SITE" ] || ctl_die "$PROCTOR_NGINX_SITE does not exist (deploy.sh writes it)"
  # render-nginx.sh takes its settings from deploy.env (loaded by lib.sh) and the limits from collector.env.
  export PROCTOR_DOMAIN PROCTOR_INSTANCES PROCTOR_TLS_CERT PROCTOR_TLS_KEY PROCTOR_HTTP_LISTEN \
    PROCTOR_HTTPS_LISTEN PROCTOR_IPV6 PROCTOR_ACME_ROOT PROCTOR_ENV_FILE
  bash "$PROCTOR_SHARE/nginx/render-nginx.sh" --out "$PROCTOR_NGINX_SITE.new"
  mv -f "$PROCTOR_NGINX_SITE.new" "$PROCTOR_NGINX_SITE"
  nginx -t
  ! ctl_have_systemd || systemctl reload nginx
}

cmd=${1:-help}
shift || true
case "$cmd" in
  up | down | restart | status | logs | update | backup | restore | migrate | check | monitor | destroy | nginx) ;;
  logs-app | shell-db | shell-redis | create-apikey | create-admin | list-apikeys | purge) ;;
  *) ctl_die "unknown command '$cmd' (see make help)" ;;
esac
case "$cmd" in
  backup) exec bash "$here/backup.sh" "$@" ;;
  restore) exec bash "$here/restore.sh" "$@" ;;
  *) "cmd_${cmd//-/_}" "$@" ;;
esac
