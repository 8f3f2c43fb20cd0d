#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what the build, the demo and the tests need, only when missing.
# Idempotent; works as root (CI) and as a normal user through sudo.
#   deps.sh        the build, demo and test packages
#   deps.sh --ha   only the high-availability stack for `make test-ha` (installer/ha/packages.txt), so the
#                  ordinary `make test` never pays for it
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git curl ca-certificates procps
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
  qtkeychain-qt6-dev
  # Qt's own translations (dialog buttons, file dialogs in Russian)
  qt6-translations-l10n
  # server-side libraries
  libpqxx-dev libhiredis-dev libhttp-parser-dev libspdlog-dev libvalijson-dev prometheus-cpp-dev libsodium-dev libexpected-dev
  # local services for demo and tests
  postgresql-15 postgresql-client-15 redis-server
  # event partitions and retention (db/migrations/0011_partman.sql)
  postgresql-15-partman
  # test tools: browser, PDF text, load generator, fuzzing compiler
  chromium poppler-utils wrk clang libclang-rt-14-dev
  # web client build (DejaVu: the Cyrillic font embedded in certificate PDFs)
  nodejs npm fonts-dejavu-core
  # packaging tests: lint, rpm build and signing, GPG, nginx front, unit verification
  lintian rpm gnupg openssl dpkg-dev fakeroot nginx systemd python3 python3-yaml shellcheck
)

if [ "${1:-}" = --ha ]; then
  mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$root/installer/ha/packages.txt")
fi

missing=()
for p in "${packages[@]}"; do
  if [ "$p" = nodejs ] || [ "$p" = npm ]; then
    command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  # Installing postgresql, redis-server or nginx would start their system services; the demo and the tests
  # run private instances instead, so keep the packages from starting anything (policy-rc.d, exit 101).
  policy=/usr/sbin/policy-rc.d
  added_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod 755 "$policy"
    added_policy=1
  fi
  status=0
  "${sudo_cmd[@]}" apt-get update -qq && \
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
  [ -n "$added_policy" ] && "${sudo_cmd[@]}" rm -f "$policy"
  [ "$status" -eq 0 ] || { echo "deps: apt-get failed ($status)" >&2; exit "$status"; }
else
  echo "deps: all Debian packages present"
fi

# Web client packages: only when the lock file changed since the last install.
if [ "${1:-}" != --ha ] && [ -f "$root/web-client/package.json" ]; then
  stamp="$root/web-client/node_modules/.deps-stamp"
  lock="$root/web-client/package-lock.json"
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    echo "deps: npm ci in web-client"
    (cd "$root/web-client" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
fi
