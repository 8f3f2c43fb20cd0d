#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make demo`: local PostgreSQL + Redis under var/ (data kept between runs), migrate, seed, run the collector
# on 127.0.0.1:8080 in the foreground. Ctrl-C stops the collector; `make demo-stop` stops the services.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build/release}
bin=$root/$build/collector/proctor-collector
var=$root/var
mkdir -p "$var"

bash "$root/installer/dev/services.sh" start "$var/services" persistent
# shellcheck disable=SC1091
. "$var/services/env"

# One session-signing secret per demo installation, kept so tokens survive a restart.
if [ ! -s "$var/session-secret" ]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$var/session-secret")
fi
export PROCTOR_SESSION_SECRET=$(cat "$var/session-secret")
export PROCTOR_HTTP_ADDR=${PROCTOR_HTTP_ADDR:-127.0.0.1:8080}
export PROCTOR_LOG_FORMAT=${PROCTOR_LOG_FORMAT:-text}
export PROCTOR_WEB_ROOT=${PROCTOR_WEB_ROOT:-$root/web-client/dist}
export PROCTOR_PUBLIC_URL=${PROCTOR_PUBLIC_URL:-http://$PROCTOR_HTTP_ADDR}

"$bin" migrate
if [ -x "$root/installer/dev/demo-seed.sh" ]; then
  bash "$root/installer/dev/demo-seed.sh" "$bin" "$var"
fi
[ -s "$var/page-api-key" ] && export PROCTOR_PAGE_API_KEY=$(cat "$var/page-api-key")

base=$PROCTOR_PUBLIC_URL
cat <<INFO

Proctor demo
  candidate page  $base/
  health          $base/healthz   readiness $base/readyz   metrics $base/metrics
  database        $PROCTOR_DATABASE_URL
  redis           $PROCTOR_REDIS_URL
INFO
[ -s "$var/demo-credentials" ] && cat "$var/demo-credentials"
echo "  stop with Ctrl-C; 'make demo-stop' stops PostgreSQL and Redis"
echo

# With a display, open the admin desktop signed in to this server once the collector is ready.
admin_bin=$root/$build/admin-desktop/proctor-admin
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$admin_bin" ] && [ -s "$var/admin-password" ]; then
  (
    for _ in $(seq 1 100); do
      curl -fs "$base/readyz" >/dev/null 2>&1 && break
      sleep 0.2
    done
    "$admin_bin" --server "$base" --email admin@proctor.local --password-stdin <"$var/admin-password" >/dev/null 2>&1
  ) &
fi

# Once the collector is ready: the demo organisation's certificate settings and emblem, where still empty.
if [ -s "$var/admin-password" ] && command -v curl >/dev/null && command -v python3 >/dev/null; then
  bash "$root/installer/dev/demo-configure.sh" "$base" "$var" >"$var/demo-configure.log" 2>&1 &
fi

exec "$bin" serve
