#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make restore [BACKUP=dir]`: puts a backup written by backup.sh back.
#   1. choose the backup (asked, newest first, unless BACKUP is given), check its SHA256SUMS, show MANIFEST
#   2. ask for the database name to be typed (CONFIRM=<name> answers for scripts)
#   3. optionally restore the configuration (asked; RESTORE_CONFIG=yes|no answers for scripts): only an
#      encrypted backup has the real secrets and the TLS key; a redacted one is never copied over /etc
#   4. stop the collector, drop and recreate the database (owner from PROCTOR_DATABASE_URL), pg_restore
#      in one transaction, compare every table's row count with MANIFEST, migrate, start the collector
# An encrypted backup needs the passphrase it was written with (PROCTOR_BACKUP_PASSPHRASE or the
# passphrase file). RESTORE_ROOT=/some/dir extracts the configuration there instead of / (to inspect it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

ask() { # PROMPT -> answer on stdout ("" at end of input)
  local a
  printf '%s' "$1" >&2
  IFS= read -r a || a=
  printf '%s' "$a"
}

# --- 1. which backup ---------------------------------------------------------------------------------------
backup=${1:-${BACKUP:-}}
if [ -z "$backup" ]; then
  mapfile -t all < <(find "$PROCTOR_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'proctor-*' \
    ! -name '*.partial' 2>/dev/null | sort -r)
  [ ${#all[@]} -gt 0 ] || ctl_die "no backups in $PROCTOR_BACKUP_DIR"
  echo "Backups in $PROCTOR_BACKUP_DIR (newest first):" >&2
  for i in "${!all[@]}"; do
    printf '  %2d) %s  %s\n' $((i + 1)) "$(basename "${all[$i]}")" \
      "$(grep -q '^encrypted yes' "${all[$i]}/MANIFEST" 2>/dev/null && echo encrypted || echo not-encrypted)" >&2
  done
  choice=$(ask "Restore which backup [1]? ")
  choice=${choice:-1}
  [[ $choice =~ ^[0-9]+$ ]] && [ "$choice" -ge 1 ] && [ "$choice" -le ${#all[@]} ] || ctl_die "no such backup: $choice"
  backup=${all[$((choice - 1))]}
elif [ ! -d "$backup" ] && [ -d "$PROCTOR_BACKUP_DIR/$backup" ]; then
  backup=$PROCTOR_BACKUP_DIR/$backup
fi
[ -f "$backup/MANIFEST" ] || ctl_die "$backup is not a Proctor backup (no MANIFEST)"
(cd "$backup" && sha256sum --quiet --strict -c SHA256SUMS) || ctl_die "$backup is damaged: checksums do not match"
echo "Backup $backup:" >&2
grep -v '^rows ' "$backup/MANIFEST" | sed 's/^/  /' >&2

encrypted=no
grep -q '^encrypted yes' "$backup/MANIFEST" && encrypted=yes
passfile=
cleanup() {
  ctl_db_env_cleanup
  if [ -n "$passfile" ] && [ "$passfile" != "$PROCTOR_BACKUP_PASSPHRASE_FILE" ]; then rm -f "$passfile"; fi
}
trap cleanup EXIT
if [ "$encrypted" = yes ]; then
  passfile=$(ctl_backup_passphrase_file)
  [ -n "$passfile" ] || ctl_die "the backup is encrypted: set PROCTOR_BACKUP_PASSPHRASE or $PROCTOR_BACKUP_PASSPHRASE_FILE"
  # Fail now, before anything is dropped, if the passphrase is wrong.
  magic=$(head -c 5 < <(ctl_gpg_decrypt "$backup/database.dump.gpg" - "$passfile" 2>/dev/null) || true)
  [ "$magic" = PGDMP ] || ctl_die "cannot decrypt the backup with the given passphrase"
fi

# --- 3 (asked before 2, so the confirmation comes last). configuration -----------------------------------
restore_config=${RESTORE_CONFIG:-}
if [ -z "$restore_config" ]; then
  if [ -f "$backup/config.tar.gpg" ]; then
    a=$(ask "Also restore the configuration (/etc/proctor with its secrets and TLS key, nginx site)? [y/N] ")
    [[ $a =~ ^[Yy] ]] && restore_config=yes || restore_config=no
  else
    restore_config=no
  fi
fi
if [ "$restore_config" = yes ]; then
  [ -f "$backup/config.tar.gpg" ] || ctl_die "this backup has no encrypted configuration (secrets were left out); restore the configuration by hand from config-redacted.tar"
  root=${RESTORE_ROOT:-/}
  mkdir -p "$root"
  ctl_gpg_decrypt "$backup/config.tar.gpg" - "$passfile" | tar -x -p -C "$root" -f -
  echo "configuration restored under $root" >&2
  if [ "$root" = / ] && [ -f "$PROCTOR_ENV_FILE" ] && id "$PROCTOR_SERVICE_USER" >/dev/null 2>&1; then
    chown root:"$PROCTOR_SERVICE_USER" "$PROCTOR_CONFIG_DIR" "$PROCTOR_ENV_FILE"
    chmod 0750 "$PROCTOR_CONFIG_DIR"
    chmod 0640 "$PROCTOR_ENV_FILE"
  fi
fi

url=$(ctl_db_url)
[ -n "$url" ] || ctl_die "PROCTOR_DATABASE_URL is empty in $PROCTOR_ENV_FILE (restore the configuration first)"
# pg_restore and psql connect through the environment and a private password file, never a URL argument.
ctl_db_env "$url"

# --- 2. confirmation -------------------------------------------------------------------------------------
ctl_confirm_typed "$PG_DB" "This REPLACES every row of database '$PG_DB' on $PG_HOST:$PG_PORT with the backup."

# --- 4. database -----------------------------------------------------------------------------------------
if ctl_have_systemd; then
  echo "stopping the collector" >&2
  systemctl stop proctor-collector.target 'proctor-collector@*.service' || true
else
  ctl_warn "systemd is not running: make sure no collector uses '$PG_DB' (its connections are closed now)"
fi

echo "recreating database $PG_DB (owner $PG_USER)" >&2
role_exists=$(ctl_pg_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")
if [ "$role_exists" != 1 ]; then
  if [ -n "$PG_PASSWORD" ]; then
    # The password goes through psql's standard input (\set), not its arguments.
    ctl_pg_admin <<SQL
\set pw '$(ctl_psql_quote "$PG_PASSWORD")'
CREATE ROLE "$PG_USER" LOGIN PASSWORD :'pw';
SQL
  else
    ctl_pg_admin -c "CREATE ROLE \"$PG_USER\" LOGIN"
  fi
fi
# The service's own role when it is not the owner (gone after `make destroy`): `migrate` below grants it.
app_url=$(ctl_env_get PROCTOR_DATABASE_URL)
if [ -n "$app_url" ] && [ "$app_url" != "$url" ]; then
  owner=$PG_USER
  ctl_parse_db_url "$app_url"
  if [ "$PG_USER" != "$owner" ] && [ "$(ctl_pg_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]; then
    ctl_pg_admin <<SQL
\set pw '$(ctl_psql_quote "$PG_PASSWORD")'
CREATE ROLE "$PG_USER" LOGIN PASSWORD :'pw';
SQL
  fi
  ctl_parse_db_url "$url" # back to the owner's
fi
ctl_pg_admin -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)"
ctl_pg_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\" ENCODING 'UTF8' TEMPLATE template0"

# pg_partman is created by a superuser (the owner role cannot); the dump's own CREATE SCHEMA partman and
# CREATE EXTENSION entries are left out of the restore list, its configuration rows are restored.
ctl_pg_prepare_extensions
toc=$(mktemp /tmp/proctor-restore-toc.XXXXXX)
trap 'rm -f "$toc"; cleanup' EXIT
if [ "$encrypted" = yes ]; then
  # pg_restore -l stops reading after the table of contents, so gpg gets SIGPIPE: expected here (the full
  # decryption below still fails the restore on a wrong passphrase or a damaged file).
  { ctl_gpg_decrypt "$backup/database.dump.gpg" - "$passfile" 2>/dev/null || true; } | pg_restore -l
else
  pg_restore -l "$backup/database.dump"
fi | grep -v -E '^[0-9]+; [0-9]+ [0-9]+ (SCHEMA - partman|EXTENSION - pg_partman|COMMENT - EXTENSION pg_partman) ' >"$toc"

echo "restoring rows" >&2
restore_args=(--no-owner --no-privileges --exit-on-error --single-transaction --no-password -L "$toc" -d "$PG_DB")
if [ "$encrypted" = yes ]; then
  ctl_gpg_decrypt "$backup/database.dump.gpg" - "$passfile" | pg_restore "${restore_args[@]}"
else
  pg_restore "${restore_args[@]}" "$backup/database.dump"
fi

# Every table must hold exactly the rows the backup counted.
expected=$(sed -n 's/^rows //p' "$backup/MANIFEST" | sort)
actual=$(psql -X -Atq -v ON_ERROR_STOP=1 -c "$CTL_ROW_COUNTS_SQL" | sort)
if [ "$expected" != "$actual" ]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  ctl_die "row counts after the restore differ from the backup's MANIFEST (above: < backup, > restored)"
fi
echo "row counts match the backup: $(echo "$expected" | grep -c . || true) tables, $(echo "$expected" | awk '{s += $2} END {print s + 0}') rows" >&2

# A backup from an older version gets the newer migrations.
ctl_collector migrate >&2

if ctl_have_systemd; then
  systemctl start proctor-collector.target
  for port in $PROCTOR_INSTANCES; do
    ctl_wait_ready "$port" 60 || ctl_warn "instance $port is not ready: make logs-app"
  done
fi
echo "restore complete from $backup"
