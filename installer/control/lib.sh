#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Shared helpers of the control panel (proctorctl.sh, backup.sh, restore.sh). Sourced, not run.
#
# Settings, highest precedence first: the caller's environment, /etc/proctor/deploy.env (written by
# deploy.sh), the defaults below. Secrets are read from /etc/proctor/collector.env only when needed.

# shellcheck disable=SC2034  # variables are used by the scripts that source this file

ctl_log() { printf '%s\n' "$*" >&2; }
ctl_warn() { printf 'warning: %s\n' "$*" >&2; }
ctl_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# KEY=value lines of FILE become variables unless already set (caller's environment wins).
ctl_load_defaults() {
  local file=$1 line key value
  [ -r "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^[[:space:]]*# || ! $line =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] && continue
    key=${BASH_REMATCH[1]}
    value=${BASH_REMATCH[2]}
    [ -n "${!key+x}" ] || printf -v "$key" '%s' "$value"
  done <"$file"
}

PROCTOR_DEPLOY_ENV=${PROCTOR_DEPLOY_ENV:-/etc/proctor/deploy.env}
ctl_load_defaults "$PROCTOR_DEPLOY_ENV"
PROCTOR_CONFIG_DIR=${PROCTOR_CONFIG_DIR:-/etc/proctor}
PROCTOR_ENV_FILE=${PROCTOR_ENV_FILE:-$PROCTOR_CONFIG_DIR/collector.env}
PROCTOR_BIN=${PROCTOR_BIN:-/usr/bin/proctor-collector}
PROCTOR_SERVICE_USER=${PROCTOR_SERVICE_USER:-proctor}
PROCTOR_INSTANCES=${PROCTOR_INSTANCES:-8081}
PROCTOR_BACKUP_DIR=${PROCTOR_BACKUP_DIR:-/var/backups/proctor}
PROCTOR_BACKUP_KEEP_DAYS=${PROCTOR_BACKUP_KEEP_DAYS:-30}
PROCTOR_BACKUP_PASSPHRASE_FILE=${PROCTOR_BACKUP_PASSPHRASE_FILE:-$PROCTOR_CONFIG_DIR/backup.passphrase}
PROCTOR_NGINX_SITE=${PROCTOR_NGINX_SITE:-/etc/nginx/sites-available/proctor.conf}
PROCTOR_SHARE=${PROCTOR_SHARE:-/usr/share/proctor}
PROCTOR_PAGE_KEY_SCOPES=tests:read,sessions:write
# Variables of collector.env whose values are secrets (redacted in unencrypted backups).
PROCTOR_SECRET_KEYS="PROCTOR_DATABASE_URL PROCTOR_MIGRATION_DATABASE_URL PROCTOR_REVIEW_DATABASE_URL PROCTOR_REDIS_URL PROCTOR_SESSION_SECRET PROCTOR_PAGE_API_KEY PROCTOR_METRICS_TOKEN"

ctl_have_systemd() { [ -d /run/systemd/system ]; }
ctl_is_root() { [ "$(id -u)" -eq 0 ]; }

# The value of KEY in an env file (last assignment wins, like systemd and sh).
ctl_env_get() {
  local key=$1 file=${2:-$PROCTOR_ENV_FILE}
  [ -r "$file" ] || ctl_die "cannot read $file (run as root)"
  sed -n "s/^${key}=//p" "$file" | tail -n 1
}

# Sets KEY=VALUE in an env file in place: replaces an existing (or commented-out) assignment, else appends.
# Keeps owner, group and mode; the new file replaces the old one atomically.
ctl_env_set() {
  local key=$1 value=$2 file=${3:-$PROCTOR_ENV_FILE}
  [[ $value != *$'\n'* ]] || ctl_die "$key: value must be one line"
  local tmp
  tmp=$(mktemp "$file.XXXXXX")
  chmod --reference="$file" "$tmp" 2>/dev/null || chmod 600 "$tmp"
  chown --reference="$file" "$tmp" 2>/dev/null || true
  KEY=$key VALUE=$value awk '
    BEGIN { k = ENVIRON["KEY"]; v = ENVIRON["VALUE"]; done = 0 }
    !done && ($0 ~ "^" k "=" || $0 ~ "^#[ ]?" k "=") { print k "=" v; done = 1; next }
    { print }
    END { if (!done) print k "=" v }' "$file" >"$tmp"
  mv -f "$tmp" "$file"
}

# Runs a command as the service user when root (like systemd does), else as the caller.
ctl_as_service_user() {
  if ctl_is_root && id "$PROCTOR_SERVICE_USER" >/dev/null 2>&1; then
    (cd / && runuser -u "$PROCTOR_SERVICE_USER" -- "$@")
  else
    "$@"
  fi
}

# proctor-collector with exactly the environment systemd gives it: a clean environment plus collector.env,
# then optional VAR=value overrides.   ctl_collector [VAR=value...] COMMAND [ARGS...]
ctl_collector() {
  local extra=()
  while [ $# -gt 0 ] && [[ $1 =~ ^[A-Z_][A-Z0-9_]*= ]]; do extra+=("$1"); shift; done
  [ -x "$PROCTOR_BIN" ] || ctl_die "$PROCTOR_BIN is not installed"
  [ -r "$PROCTOR_ENV_FILE" ] || ctl_is_root || ctl_die "cannot read $PROCTOR_ENV_FILE (run as root)"
  ctl_as_service_user env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    /bin/sh -c 'set -a; . "$1"; set +a; shift; exec env "$@"' sh "$PROCTOR_ENV_FILE" \
    "${extra[@]}" "$PROCTOR_BIN" "$@"
}

# postgresql://user[:password]@host[:port]/db  ->  PG_USER PG_PASSWORD PG_HOST PG_PORT PG_DB
ctl_parse_db_url() {
  local url=$1
  [[ $url =~ ^postgres(ql)?://([^:@/]+)(:([^@]*))?@([^:/?]+)(:([0-9]+))?/([^?]+)(\?.*)?$ ]] \
    || ctl_die "PROCTOR_DATABASE_URL is not postgresql://user[:password]@host[:port]/db"
  PG_USER=${BASH_REMATCH[2]}
  PG_PASSWORD=${BASH_REMATCH[4]}
  PG_HOST=${BASH_REMATCH[5]}
  PG_PORT=${BASH_REMATCH[7]:-5432}
  PG_DB=${BASH_REMATCH[8]}
  [[ $PG_USER =~ ^[a-z_][a-z0-9_]*$ && $PG_DB =~ ^[a-z_][a-z0-9_]*$ ]] \
    || ctl_die "database and role names must match [a-z_][a-z0-9_]* (got '$PG_DB', '$PG_USER')"
}

# Whether the installed proctor-collector has COMMAND (older packages lack newer commands).
ctl_has_command() {
  local help
  help=$("$PROCTOR_BIN" --help 2>&1 || true)
  grep -q "^  $1 " <<<"$help"
}

# The schema owner's URL when the service runs as a restricted role (PROCTOR_MIGRATION_DATABASE_URL): backup,
# restore and the superuser steps work on the owner's objects.
ctl_db_url() {
  local url
  url=$(ctl_env_get PROCTOR_MIGRATION_DATABASE_URL)
  [ -n "$url" ] || url=$(ctl_env_get PROCTOR_DATABASE_URL)
  printf '%s' "$url"
}

# Secrets never travel in a process's arguments (any local user can read /proc/*/cmdline): psql, pg_dump
# and pg_restore get the connection from PGHOST/PGPORT/PGUSER/PGDATABASE and the password from a private
# PGPASSFILE; redis-cli gets it from REDISCLI_AUTH. ctl_db_env_cleanup removes the file (scripts call it on
# exit).
CTL_PGPASSFILE=
ctl_db_env() { # [URL, default PROCTOR_DATABASE_URL]
  local url=${1:-}
  [ -n "$url" ] || url=$(ctl_db_url)
  [ -n "$url" ] || ctl_die "PROCTOR_DATABASE_URL is empty in $PROCTOR_ENV_FILE"
  ctl_parse_db_url "$url"
  export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGDATABASE=$PG_DB
  unset PGPASSWORD PGSERVICE
  if [ -n "$PG_PASSWORD" ]; then
    [ -n "$CTL_PGPASSFILE" ] || CTL_PGPASSFILE=$(umask 077 && mktemp "${TMPDIR:-/tmp}/proctor-pgpass.XXXXXX")
    local esc_pw=${PG_PASSWORD//\\/\\\\}
    esc_pw=${esc_pw//:/\\:}
    printf '%s:%s:%s:%s:%s\n' "$PG_HOST" "$PG_PORT" "$PG_DB" "$PG_USER" "$esc_pw" >"$CTL_PGPASSFILE"
    export PGPASSFILE=$CTL_PGPASSFILE
  else
    export PGPASSFILE=/dev/null
  fi
}
# TEXT as the inside of a psql \set '...' argument (quotes doubled, backslashes escaped).
ctl_psql_quote() {
  local t=${1//\\/\\\\}
  printf '%s' "${t//\'/\'\'}"
}
ctl_db_env_cleanup() {
  if [ -n "$CTL_PGPASSFILE" ]; then rm -f "$CTL_PGPASSFILE"; fi
  CTL_PGPASSFILE=
}

# redis://[:password@]host[:port][/db] -> REDISCLI_AUTH in the environment, the rest as arguments in CTL_REDIS_ARGS.
ctl_redis_env() { # PROCTOR_REDIS_URL of collector.env
  local url
  url=$(ctl_redis_url)
  [[ $url =~ ^rediss?://(([^:@/]*)(:([^@]*))?@)?([^:/?]+)(:([0-9]+))?(/([0-9]+))?$ ]] \
    || ctl_die "PROCTOR_REDIS_URL is not redis://[:password@]host[:port][/db]"
  CTL_REDIS_ARGS=(-h "${BASH_REMATCH[5]}" -p "${BASH_REMATCH[7]:-6379}" -n "${BASH_REMATCH[9]:-0}")
  if [ -n "${BASH_REMATCH[2]}" ]; then CTL_REDIS_ARGS+=(--user "${BASH_REMATCH[2]}"); fi
  if [ -n "${BASH_REMATCH[4]}" ]; then export REDISCLI_AUTH=${BASH_REMATCH[4]}; else unset REDISCLI_AUTH; fi
}
ctl_redis_url() { ctl_env_get PROCTOR_REDIS_URL; }

# psql as a PostgreSQL superuser: PROCTOR_PG_ADMIN_URL when set (remote or test clusters), else the local
# cluster's postgres user over its Unix socket (peer authentication).
# The application's connection settings (ctl_db_env) are cleared for it.
CTL_PG_ADMIN_ENV=(env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGPASSFILE -u PGPASSWORD)
ctl_pg_admin() {
  if [ -n "${PROCTOR_PG_ADMIN_URL:-}" ]; then
    "${CTL_PG_ADMIN_ENV[@]}" psql "$PROCTOR_PG_ADMIN_URL" -X -v ON_ERROR_STOP=1 -Atq "$@"
  else
    ctl_is_root || ctl_die "PostgreSQL administration needs root (or PROCTOR_PG_ADMIN_URL)"
    (cd / && "${CTL_PG_ADMIN_ENV[@]}" runuser -u postgres -- psql -X -v ON_ERROR_STOP=1 -Atq "$@")
  fi
}

# The same as a superuser, connected to database DB (not the maintenance database).
ctl_pg_admin_db() { # DB psql-args...
  local db=$1
  shift
  if [ -n "${PROCTOR_PG_ADMIN_URL:-}" ]; then
    "${CTL_PG_ADMIN_ENV[@]}" psql "${PROCTOR_PG_ADMIN_URL%/*}/$db" -X -v ON_ERROR_STOP=1 -Atq "$@"
  else
    ctl_is_root || ctl_die "PostgreSQL administration needs root (or PROCTOR_PG_ADMIN_URL)"
    (cd / && "${CTL_PG_ADMIN_ENV[@]}" runuser -u postgres -- psql -d "$db" -X -v ON_ERROR_STOP=1 -Atq "$@")
  fi
}

# pg_partman (event partitions and retention, db/migrations/0011_partman.sql) is not a trusted extension: a
# superuser creates it in the Proctor database, and the database's owner role (the one migrations run as)
# gets the rights its maintenance needs. Idempotent; `make migrate` and `make update` run it first.
ctl_pg_prepare_extensions() {
  local url
  url=$(ctl_db_url)
  [ -n "$url" ] || ctl_die "PROCTOR_DATABASE_URL is empty in $PROCTOR_ENV_FILE"
  ctl_parse_db_url "$url"
  ctl_pg_admin_db "$PG_DB" >/dev/null <<SQL
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS partman;
CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman;
GRANT ALL ON SCHEMA partman TO "$PG_USER";
GRANT ALL ON ALL TABLES IN SCHEMA partman TO "$PG_USER";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO "$PG_USER";
GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO "$PG_USER";
SQL
}

ctl_redis() {
  ctl_redis_env
  redis-cli "${CTL_REDIS_ARGS[@]}" "$@"
}

# Asks the operator to type EXPECTED; CONFIRM=EXPECTED in the environment answers for scripts.
ctl_confirm_typed() {
  local expected=$1 prompt=$2 answer
  if [ -n "${CONFIRM:-}" ]; then
    answer=$CONFIRM
  else
    printf '%s\nType %s to continue: ' "$prompt" "'$expected'" >&2
    IFS= read -r answer || answer=
  fi
  [ "$answer" = "$expected" ] || ctl_die "not confirmed (expected '$expected'); nothing was changed"
}

ctl_backup_passphrase_file() {
  # A passphrase from the environment wins over the file deploy.sh wrote.
  if [ -n "${PROCTOR_BACKUP_PASSPHRASE:-}" ]; then
    local f
    f=$(mktemp)
    chmod 600 "$f"
    printf '%s' "$PROCTOR_BACKUP_PASSPHRASE" >"$f"
    echo "$f"
  elif [ -r "$PROCTOR_BACKUP_PASSPHRASE_FILE" ] && [ -s "$PROCTOR_BACKUP_PASSPHRASE_FILE" ]; then
    echo "$PROCTOR_BACKUP_PASSPHRASE_FILE"
  fi
}

# Symmetric gpg in a throwaway GNUPGHOME (no agent or cache left behind in root's home).
ctl_gpg() {
  local home rc=0
  home=$(mktemp -d)
  GNUPGHOME=$home gpg --batch --yes --quiet --no-tty --no-symkey-cache --pinentry-mode loopback "$@" || rc=$?
  gpgconf --homedir "$home" --kill all >/dev/null 2>&1 || true
  rm -rf "$home"
  return $rc
}
# IN may be - (stdin); OUT may be - (stdout).
ctl_gpg_symmetric() { # IN OUT PASSFILE
  local in=("$1")
  [ "$1" = - ] && in=()
  ctl_gpg --passphrase-file "$3" --symmetric --cipher-algo AES256 --s2k-digest-algo SHA512 \
    --s2k-count 65011712 -o "$2" "${in[@]}"
}
ctl_gpg_decrypt() { # IN OUT PASSFILE
  ctl_gpg --passphrase-file "$3" -o "$2" --decrypt "$1"
}

# "table rows" lines for every table of the public schema, in one statement (one snapshot).
CTL_ROW_COUNTS_SQL="SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"

ctl_wait_ready() { # PORT [SECONDS]
  local port=$1 limit=${2:-60} i
  for ((i = 0; i < limit * 4; i++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}
