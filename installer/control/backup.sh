#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make backup`: one directory PROCTOR_BACKUP_DIR/proctor-<UTC time>/ with
#   database.dump[.gpg]   pg_dump (custom format) of the Proctor database, taken in one snapshot
#   config.tar.gpg        /etc/proctor (collector.env with its secrets, deploy.env, TLS key and certificate)
#                         and the nginx site, encrypted             -- when a backup passphrase is set
#   config-redacted.tar   the same with every secret value replaced by REDACTED and without the TLS private
#                         key                                       -- when no backup passphrase is set
#   MANIFEST              what is inside, encrypted or not, row count of every table
#   SHA256SUMS            checksums of the files above
# Nothing secret is ever written in clear: with a passphrase (PROCTOR_BACKUP_PASSPHRASE, or the file
# /etc/proctor/backup.passphrase deploy.sh creates) everything is encrypted with gpg --symmetric (AES-256);
# without one the secrets and private keys are left out and MANIFEST says so. Redis holds only caches, rate
# limit buckets and live fan-out, so it is not backed up. Backups older than PROCTOR_BACKUP_KEEP_DAYS are
# removed afterwards.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

url=$(ctl_db_url)
[ -n "$url" ] || ctl_die "PROCTOR_DATABASE_URL is empty in $PROCTOR_ENV_FILE"
# psql and pg_dump below connect through the environment and a private password file: the URL (with its
# password) never appears in their arguments.
ctl_db_env "$url"

umask 077
mkdir -p "$PROCTOR_BACKUP_DIR"
chmod 700 "$PROCTOR_BACKUP_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dest=$PROCTOR_BACKUP_DIR/proctor-$stamp
[ -e "$dest" ] && dest=$dest-$$
work=$dest.partial
mkdir "$work"
passfile=
cleanup() {
  ctl_db_env_cleanup
  [ -d "$work" ] && rm -rf "$work"
  if [ -n "$passfile" ] && [ "$passfile" != "$PROCTOR_BACKUP_PASSPHRASE_FILE" ]; then rm -f "$passfile"; fi
}
trap cleanup EXIT
passfile=$(ctl_backup_passphrase_file)
encrypted=no
[ -n "$passfile" ] && encrypted=yes

# --- database: counts and dump from one exported snapshot ------------------------------------------------
# One psql session holds the snapshot open while pg_dump reads it. Plain FIFOs, not a coproc: bash unsets a
# coproc's variables as soon as it has exited, which raced with the wait below under load.
mkfifo "$work/.to-psql" "$work/.from-psql"
psql -X -Atq -v ON_ERROR_STOP=1 <"$work/.to-psql" >"$work/.from-psql" 2>&1 &
psql_pid=$!
exec {to_psql}>"$work/.to-psql" {from_psql}<"$work/.from-psql"
rm -f "$work/.to-psql" "$work/.from-psql"
trap '' PIPE # a psql that died makes the next write fail (and the script stop), not kill it silently
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"$to_psql"
IFS= read -r snapshot <&"$from_psql" || ctl_die "could not open a snapshot of the database"
[[ $snapshot =~ ^[0-9A-F-]+$ ]] || ctl_die "could not open a snapshot of the database: $snapshot"
printf '%s;\nSELECT %s;\n' "$CTL_ROW_COUNTS_SQL" "'__end__'" >&"$to_psql"
counts=()
while IFS= read -r line <&"$from_psql"; do
  [ "$line" = __end__ ] && break
  counts+=("$line")
done
schema=$(psql -X -Atq -c "SELECT coalesce(max(version)::text, 'none') FROM schema_migrations" 2>/dev/null || echo unknown)

if [ "$encrypted" = yes ]; then
  pg_dump --snapshot="$snapshot" -Fc -Z6 --no-password | ctl_gpg_symmetric - "$work/database.dump.gpg" "$passfile"
else
  pg_dump --snapshot="$snapshot" -Fc -Z6 --no-password -f "$work/database.dump"
fi
echo "COMMIT;" >&"$to_psql"
exec {to_psql}>&- {from_psql}<&- # end of input: psql ends
wait "$psql_pid" || ctl_die "the snapshot session ended with an error"

# --- configuration ---------------------------------------------------------------------------------------
config_files=()
[ -d "$PROCTOR_CONFIG_DIR" ] && config_files+=("$PROCTOR_CONFIG_DIR")
[ -f "$PROCTOR_NGINX_SITE" ] && config_files+=("$PROCTOR_NGINX_SITE")
config_note="none found"
if [ ${#config_files[@]} -gt 0 ]; then
  if [ "$encrypted" = yes ]; then
    # The passphrase itself stays out: it must be kept apart from the backups.
    rel=()
    for f in "${config_files[@]}"; do rel+=("${f#/}"); done
    tar --create -C / --exclude="${PROCTOR_BACKUP_PASSPHRASE_FILE#/}" -f - "${rel[@]}" \
      | ctl_gpg_symmetric - "$work/config.tar.gpg" "$passfile"
    config_note="config.tar.gpg: ${config_files[*]} with secrets and TLS private key, encrypted"
  else
    stage=$work/.config
    mkdir -p "$stage"
    for f in "${config_files[@]}"; do
      mkdir -p "$stage$(dirname "$f")"
      cp -a "$f" "$stage$(dirname "$f")/"
    done
    rm -f "$stage$PROCTOR_BACKUP_PASSPHRASE_FILE"
    # Secret values out of every env file, private keys out altogether.
    while IFS= read -r -d '' envf; do
      for key in $PROCTOR_SECRET_KEYS PROCTOR_REDIS_PASSWORD PROCTOR_DB_PASSWORD; do
        sed -i -E "s|^(${key})=.+$|\\1=REDACTED|" "$envf"
      done
    done < <(find "$stage" -type f -name '*.env' -print0)
    # grep finds nothing (status 1) when there is no private key: not an error under pipefail.
    { grep -rlZE -- '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' "$stage" 2>/dev/null || true; } | xargs -0 -r rm -f
    tar --create -C "$stage" -f "$work/config-redacted.tar" .
    rm -rf "$stage"
    config_note="config-redacted.tar: ${config_files[*]} with secret values REDACTED and the TLS private key LEFT OUT"
  fi
fi

# --- manifest and checksums ------------------------------------------------------------------------------
version=$("$PROCTOR_BIN" --version 2>/dev/null || echo "proctor-collector unknown")
{
  echo "proctor backup $stamp"
  echo "host $(hostname -f 2>/dev/null || hostname)"
  echo "collector $version"
  echo "database $PG_DB (schema version $schema)"
  echo "encrypted $encrypted"
  if [ "$encrypted" = yes ]; then
    echo "note everything is encrypted with gpg --symmetric (AES-256); the passphrase is not in the backup"
  else
    echo "note NOT ENCRYPTED: database.dump is in clear (no secrets in clear: passwords and API keys are stored hashed)"
    echo "note secrets in collector.env are REDACTED and the TLS private key is LEFT OUT; restore them by hand"
  fi
  echo "config $config_note"
  for c in "${counts[@]}"; do echo "rows $c"; done
} >"$work/MANIFEST"
(cd "$work" && sha256sum -- * >SHA256SUMS)
mv "$work" "$dest"

# --- retention -------------------------------------------------------------------------------------------
find "$PROCTOR_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'proctor-*' -mtime "+$PROCTOR_BACKUP_KEEP_DAYS" \
  -exec rm -rf {} + 2>/dev/null || true

echo "backup written: $dest"
sed -n 's/^note /  /p; s/^config /  config: /p' "$dest/MANIFEST"
echo "  tables: ${#counts[@]}, rows: $(printf '%s\n' "${counts[@]}" | awk '{s += $2} END {print s + 0}')"
if [ "$encrypted" = no ]; then
  echo "  set PROCTOR_BACKUP_PASSPHRASE (or create $PROCTOR_BACKUP_PASSPHRASE_FILE) to back up secrets encrypted"
fi
