#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Prepares a self-contained Docker deployment directory (for sites that run Docker; not our machines).
#
#   installer/docker/prepare.sh --domain NAME [--packages DIR] [--out DIR] [--tls-dir DIR]
#                               [--http-port 80] [--https-port 443] [--instances-note]
#
# OUT (default ./proctor-docker, mode 0700) gets docker-compose.yml, Dockerfile, packages/*.deb, and
#   .env              POSTGRES_PASSWORD, ports, version (compose interpolation)            0600
#   collector.env     the collectors' PROCTOR_* configuration with fresh secrets            0600
#   redis/redis.conf  requirepass and memory policy                                        0644 in a 0700 dir
#   tls/              a self-signed certificate (or copies from --tls-dir)
#   nginx/proctor.conf  rendered by installer/nginx/render-nginx.sh for upstreams collector-1, collector-2
# Re-running keeps existing secrets.
set -euo pipefail
docker_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

domain=""
packages=""
out=./proctor-docker
tls_dir=""
http_port=80
https_port=443
while [ $# -gt 0 ]; do
  case "$1" in
    --domain) domain=$2; shift 2 ;;
    --packages) packages=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --tls-dir) tls_dir=$2; shift 2 ;;
    --http-port) http_port=$2; shift 2 ;;
    --https-port) https_port=$2; shift 2 ;;
    -h | --help) sed -n '3,14p' "$0"; exit 0 ;;
    *) echo "prepare: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$domain" ] || { echo "prepare: --domain is required" >&2; exit 2; }

# deploy.sh's helpers (self-signed certificate) and the control panel's env editing.
# shellcheck source=../deploy/deploy.sh
. "$docker_dir/../deploy/deploy.sh"
# shellcheck source=../control/lib.sh
PROCTOR_DEPLOY_ENV=/nonexistent . "$docker_dir/../control/lib.sh"
valid_domain "$domain" || { echo "prepare: '$domain' is not a DNS name" >&2; exit 2; }

umask 077
mkdir -p "$out"/{packages,redis,tls,nginx,letsencrypt}
chmod 700 "$out"
out=$(cd "$out" && pwd)
cp "$docker_dir/docker-compose.yml" "$docker_dir/Dockerfile" "$out/"
if [ -n "$packages" ]; then
  compgen -G "$packages/proctor-collector_*.deb" >/dev/null || { echo "prepare: no proctor-collector_*.deb in $packages" >&2; exit 1; }
  cp "$packages"/proctor-collector_*.deb "$out/packages/"
fi
compgen -G "$out/packages/proctor-collector_*.deb" >/dev/null \
  || echo "prepare: note: put proctor-collector_*.deb into $out/packages before 'docker compose build'" >&2

touch "$out/.env" "$out/collector.env"
chmod 600 "$out/.env" "$out/collector.env"
get() { sed -n "s/^$1=//p" "$2" | tail -n 1; }
pg_pw=$(get POSTGRES_PASSWORD "$out/.env")
pg_pw=${pg_pw:-$(random_hex 24)}
redis_pw=$(sed -n 's/^requirepass //p' "$out/redis/redis.conf" 2>/dev/null || true)
redis_pw=${redis_pw:-$(random_hex 24)}
version=""
for d in "$out"/packages/proctor-collector_*.deb; do
  [ -f "$d" ] && version=$(basename "$d" | sed -n 's/^proctor-collector_\([^_]*\)_.*/\1/p')
done

ctl_env_set POSTGRES_PASSWORD "$pg_pw" "$out/.env"
ctl_env_set PROCTOR_VERSION "${version:-latest}" "$out/.env"
ctl_env_set HTTP_PORT "$http_port" "$out/.env"
ctl_env_set HTTPS_PORT "$https_port" "$out/.env"

public="https://$domain"
[ "$https_port" = 443 ] || public+=":$https_port"
e=$out/collector.env
ctl_env_set PROCTOR_DATABASE_URL "postgresql://proctor:$pg_pw@postgres:5432/proctor" "$e"
ctl_env_set PROCTOR_REDIS_URL "redis://:$redis_pw@redis:6379/0" "$e"
[ -n "$(get PROCTOR_SESSION_SECRET "$e")" ] || ctl_env_set PROCTOR_SESSION_SECRET "$(random_hex 32)" "$e"
[ -n "$(get PROCTOR_METRICS_TOKEN "$e")" ] || ctl_env_set PROCTOR_METRICS_TOKEN "$(random_hex 24)" "$e"
grep -q '^PROCTOR_PAGE_API_KEY=' "$e" || ctl_env_set PROCTOR_PAGE_API_KEY "" "$e"
ctl_env_set PROCTOR_PUBLIC_URL "$public" "$e"
# Only the nginx container's X-Forwarded-For names the client: it has a fixed address on the backend network
# (docker-compose.yml); any other container there (or anything routed in) cannot forge a client address.
backend_subnet=$(get BACKEND_SUBNET "$out/.env")
nginx_ip=$(get NGINX_BACKEND_IP "$out/.env")
ctl_env_set BACKEND_SUBNET "${backend_subnet:-172.31.240.0/24}" "$out/.env"
ctl_env_set NGINX_BACKEND_IP "${nginx_ip:-172.31.240.10}" "$out/.env"
ctl_env_set PROCTOR_TRUSTED_PROXIES "${nginx_ip:-172.31.240.10}" "$e"
ctl_env_set PROCTOR_LOG_FORMAT json "$e"

cat >"$out/redis/redis.conf" <<EOF
# Written by prepare.sh. Redis holds caches, rate-limit buckets and live fan-out only: no persistence.
bind 0.0.0.0
port 6379
requirepass $redis_pw
save ""
appendonly no
maxmemory 256mb
maxmemory-policy allkeys-lru
EOF
chmod 644 "$out/redis/redis.conf"

if [ -n "$tls_dir" ]; then
  cp -L "$tls_dir/fullchain.pem" "$tls_dir/privkey.pem" "$out/tls/"
elif [ ! -s "$out/tls/fullchain.pem" ]; then
  tls_self_signed "$out/tls" "$domain"
fi
# nginx in the container runs its master as root: the key may stay 0600.

bash "$docker_dir/../nginx/render-nginx.sh" --server-name "$domain" --upstream "collector-1:8080 collector-2:8080" \
  --cert /etc/proctor/tls/fullchain.pem --key /etc/proctor/tls/privkey.pem --http-listen 80 --https-listen 443 \
  --redirect-port "$https_port" --web-root /usr/share/proctor/web --acme-root /var/www/proctor-acme --env "$e" \
  --out "$out/nginx/proctor.conf"
chmod 644 "$out/nginx/proctor.conf"

echo "prepared $out"
echo "  next: cd $out && docker compose build && docker compose up -d"
echo "  then: docker compose run --rm migrate create-apikey --name page --scopes tests:read,sessions:write"
echo "        put the key into collector.env (PROCTOR_PAGE_API_KEY=...) and run docker compose up -d"
