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

# One roster test beside the open ones: a copy of infosec-basics that opens only with a personal code.
python3 - "$root/db/seed/infosec-basics.json" "$var/infosec-basics-roster.json" <<'PY'
import json, sys
test = json.load(open(sys.argv[1], encoding='utf-8'))
test['id'] = 'infosec-basics-roster'
test['title'] = test['title'] + ' (по списку)'
test['access'] = 'roster'
json.dump(test, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
PY
"$bin" import-test "$var/infosec-basics-roster.json"
# Its roster: three people; their codes are shown once, so they are kept in var/ (mode 600). Imported when the
# roster is empty (also after the database was recreated while var/roster-codes.csv stayed behind).
roster_size=$(psql "${PROCTOR_DATABASE_URL:?}" -Atqc \
  "SELECT count(*) FROM roster_entries WHERE test_id = 'infosec-basics-roster'" 2>/dev/null || echo 0)
if [ ! -s "$var/roster-codes.csv" ] || [ "$roster_size" = 0 ]; then
  cat >"$var/demo-roster.csv" <<'CSV'
Фамилия;Имя;Отчество;Должность;E-mail;Табельный номер
Смирнова;Елена;Викторовна;Бухгалтер;smirnova@demo.local;D-001
Козлов;Андрей;Петрович;Инженер;kozlov@demo.local;D-002
Новикова;Ольга;Сергеевна;Юрист;novikova@demo.local;D-003
CSV
  "$bin" import-roster --test infosec-basics-roster "$var/demo-roster.csv" >"$var/roster-codes.csv.new"
  mv "$var/roster-codes.csv.new" "$var/roster-codes.csv"
fi

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
  roster test     infosec-basics-roster: personal access codes (also in var/roster-codes.csv)
$(tail -n +2 "$var/roster-codes.csv" | awk -F';' '{printf "                  %-10s %-9s %s\n", $1, $2, $7}')
INFO
