#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures the demo organisation once its collector answers, through the admin API (the same checks and
# audit rows as the desktop): the certificate settings (organisation, address, legal basis, signatories)
# and an emblem. Only what is still empty is set, so an administrator's own changes survive the next
# `make demo`. The outcome goes to stdout (demo.sh sends it to var/demo-configure.log).
#   demo-configure.sh BASE_URL VAR_DIR
set -uo pipefail
base=${1:?usage: demo-configure.sh BASE_URL VAR_DIR}
var=${2:?usage: demo-configure.sh BASE_URL VAR_DIR}

for _ in $(seq 1 150); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done

token=$(python3 -c 'import json,sys; print(json.dumps({"email":"admin@proctor.local","password":open(sys.argv[1]).read().strip()}))' \
    "$var/admin-password" | curl -fsS -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') || { echo "demo-configure: cannot sign in"; exit 1; }
auth=(-H "Authorization: Bearer $token")

current=$(curl -fsS "${auth[@]}" "$base/api/v1/settings/certificate" |
  python3 -c 'import json,sys; print(json.load(sys.stdin).get("organisationName",""))') || current=""
if [ -z "$current" ]; then
  if curl -fsS -o /dev/null -X PUT "${auth[@]}" -H 'Content-Type: application/json' --data-binary @- \
      "$base/api/v1/settings/certificate" <<'JSON'
{"organisationName": "АО «Демонстрационная организация»",
 "addressLine": "123456, г. Москва, ул. Примерная, д. 1",
 "contacts": "+7 (495) 000-00-00, info@demo.local",
 "legalBasis": "Приказ № 1 от 09.01.2026 «Об организации обучения и проверки знаний работников»",
 "signatories": [{"title": "Генеральный директор", "name": "И. И. Иванов"},
                 {"title": "Руководитель службы информационной безопасности", "name": "П. П. Петров"}]}
JSON
  then echo "demo-configure: certificate settings set"
  else echo "demo-configure: certificate settings refused"; fi
else
  echo "demo-configure: certificate settings kept ($current)"
fi

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/certificate-settings/emblem")
if [ "$status" = 404 ]; then
  # A 256x256 PNG drawn here (no image tools needed): a seal of blue, white and gold rings.
  emblem=$(mktemp)
  python3 - "$emblem" <<'PY'
import struct, sys, zlib
size = 256
rows = []
for y in range(size):
    row = bytearray([0])
    for x in range(size):
        d = ((x - 127.5) ** 2 + (y - 127.5) ** 2) ** 0.5
        if d < 100: px = (31, 78, 140, 255)
        elif d < 120: px = (200, 160, 60, 255)
        elif d < 124: px = (31, 78, 140, 255)
        else: px = (0, 0, 0, 0)
        if 70 < d < 78: px = (255, 255, 255, 255)
        elif d < 30: px = (200, 160, 60, 255)
        row.extend(px)
    rows.append(bytes(row))
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
  if curl -fsS -o /dev/null -X PUT "${auth[@]}" -H 'Content-Type: image/png' --data-binary "@$emblem" \
      "$base/api/v1/certificate-settings/emblem"; then
    echo "demo-configure: emblem uploaded"
  else
    echo "demo-configure: emblem refused"
  fi
  rm -f "$emblem"
else
  echo "demo-configure: emblem kept (HTTP $status)"
fi
