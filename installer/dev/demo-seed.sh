#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Seeds the demo database once: the sample tests, a page API key and an administrator. Idempotent: what
# exists is kept (keys and passwords are shown only once, so they are kept in var/, mode 600).
#   demo-seed.sh COLLECTOR_BIN VAR_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: demo-seed.sh COLLECTOR_BIN VAR_DIR}
var=${2:?usage: demo-seed.sh COLLECTOR_BIN VAR_DIR}
umask 077

for test in "$root"/db/seed/*.json; do
  "$bin" import-test "$test"
done

if [ ! -s "$var/page-api-key" ]; then
  "$bin" create-apikey --name "demo page" --scopes tests:read,sessions:write >"$var/page-api-key.new"
  mv "$var/page-api-key.new" "$var/page-api-key"
fi

admin_email=admin@proctor.local
if [ ! -s "$var/admin-password" ]; then
  head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20 >"$var/admin-password.new"
  # The password goes through stdin, never the command line.
  "$bin" create-admin --email "$admin_email" --role admin <"$var/admin-password.new"
  mv "$var/admin-password.new" "$var/admin-password"
fi

cat >"$var/demo-credentials" <<INFO
  admin desktop   email $admin_email   password $(cat "$var/admin-password")   (also in var/admin-password)
  page API key    $(cat "$var/page-api-key")   (served to the page in /app-config.json)
INFO
