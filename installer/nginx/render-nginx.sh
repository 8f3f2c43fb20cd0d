#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders proctor.conf.in into an nginx site. Every option has an environment default (deploy.env's
# names), so deploy.sh and `make nginx` render the same thing. The limits come from collector.env.
#
#   render-nginx.sh [--server-name NAME] [--upstream "HOST:PORT ..."] [--cert FILE] [--key FILE]
#                   [--http-listen ADDR] [--https-listen ADDR] [--redirect-port PORT] [--ipv6] [--web-root DIR]
#                   [--acme-root DIR]
#                   [--env COLLECTOR_ENV] [--template FILE] [--out FILE]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

server_name=${PROCTOR_DOMAIN:-}
upstream=""
for p in ${PROCTOR_INSTANCES:-8081}; do upstream+="127.0.0.1:$p "; done
cert=${PROCTOR_TLS_CERT:-/etc/proctor/tls/fullchain.pem}
key=${PROCTOR_TLS_KEY:-/etc/proctor/tls/privkey.pem}
http_listen=${PROCTOR_HTTP_LISTEN:-80}
https_listen=${PROCTOR_HTTPS_LISTEN:-443}
ipv6=${PROCTOR_IPV6:-no}
web_root=${PROCTOR_WEB_ROOT_STATIC:-/usr/share/proctor/web}
acme_root=${PROCTOR_ACME_ROOT:-/var/www/proctor-acme}
env_file=${PROCTOR_ENV_FILE:-/etc/proctor/collector.env}
template=$here/proctor.conf.in
out=-
redirect_port=""

while [ $# -gt 0 ]; do
  case "$1" in
    --server-name) server_name=$2; shift 2 ;;
    --upstream) upstream=$2; shift 2 ;;
    --cert) cert=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --http-listen) http_listen=$2; shift 2 ;;
    --https-listen) https_listen=$2; shift 2 ;;
    --redirect-port) redirect_port=$2; shift 2 ;;
    --ipv6) ipv6=yes; shift ;;
    --web-root) web_root=$2; shift 2 ;;
    --acme-root) acme_root=$2; shift 2 ;;
    --env) env_file=$2; shift 2 ;;
    --template) template=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '3,10p' "$0"; exit 0 ;;
    *) echo "render-nginx: unknown option $1" >&2; exit 2 ;;
  esac
done

die() { echo "render-nginx: $*" >&2; exit 2; }
[ -n "$server_name" ] || die "--server-name (or PROCTOR_DOMAIN) is required"
[[ $server_name =~ ^[A-Za-z0-9.-]+$ ]] || die "bad server name '$server_name'"
[ -n "${upstream// /}" ] || die "no upstream servers"
for v in "$cert" "$key" "$web_root" "$acme_root"; do
  [[ $v =~ ^/[A-Za-z0-9._/@+-]*$ ]] || die "paths must be absolute and plain: '$v'"
done

# The collector's value of a limit: collector.env when set there, else the collector's default.
limit() { # VAR DEFAULT
  local v=""
  [ -r "$env_file" ] && v=$(sed -n "s/^$1=//p" "$env_file" | tail -n 1)
  v=${v:-$2}
  [[ $v =~ ^[0-9]+$ ]] || die "$1 in $env_file is not a number: '$v'"
  echo "$v"
}
max_body=$(limit PROCTOR_MAX_BODY_BYTES 8388608)
per_address=$(limit PROCTOR_RATE_LIMIT_PER_ADDRESS 30000)
per_key=$(limit PROCTOR_RATE_LIMIT_PER_KEY 300000)
idle_ms=$(limit PROCTOR_HTTP_IDLE_TIMEOUT_MS 30000)
request_ms=$(limit PROCTOR_HTTP_REQUEST_TIMEOUT_MS 15000)
# A burst of one second's worth of requests, as a token bucket refilled per minute allows.
burst() { local b=$(($1 / 60)); [ "$b" -ge 1 ] || b=1; echo "$b"; }
ceil_s() { local s=$((($1 + 999) / 1000)); [ "$s" -ge 1 ] || s=1; echo "$s"; }
upstream_keepalive=$(($(ceil_s "$idle_ms") / 2))
[ "$upstream_keepalive" -ge 1 ] || upstream_keepalive=1

listen_lines() { # ADDR EXTRA
  local addr=$1 extra=$2
  printf '    listen %s%s;\n' "$addr" "$extra"
  if [ "$ipv6" = yes ] && [[ $addr =~ ^[0-9]+$ ]]; then
    printf '    listen [::]:%s%s;\n' "$addr" "$extra"
  fi
}
# HTTP redirects to the public HTTPS port: the listen port unless a proxy/NAT maps another one in front.
https_port=${redirect_port:-${https_listen##*:}}
https_suffix=""
[ "$https_port" = 443 ] || https_suffix=":$https_port"

servers=""
for u in $upstream; do
  [[ $u =~ ^[A-Za-z0-9.-]+:[0-9]+$ ]] || die "bad upstream '$u' (HOST:PORT)"
  servers+="    server $u max_fails=3 fail_timeout=10s;"$'\n'
done

rendered=$(
  SERVERS=$servers HTTPL=$(listen_lines "$http_listen" "") HTTPSL=$(listen_lines "$https_listen" " ssl http2") \
  awk -v name="$server_name" -v cert="$cert" -v key="$key" -v web="$web_root" -v acme="$acme_root" \
    -v body="$max_body" -v rpa="$per_address" -v rpk="$per_key" -v bpa="$(burst "$per_address")" \
    -v bpk="$(burst "$per_key")" -v idle="$(ceil_s "$idle_ms")" -v req="$(ceil_s "$request_ms")" \
    -v upk="$upstream_keepalive" -v suffix="$https_suffix" '
    {
      if ($0 == "@UPSTREAM_SERVERS@") { printf "%s", ENVIRON["SERVERS"]; next }
      if ($0 == "@HTTP_LISTEN@") { print ENVIRON["HTTPL"]; next }
      if ($0 == "@HTTPS_LISTEN@") { print ENVIRON["HTTPSL"]; next }
      gsub(/@SERVER_NAME@/, name); gsub(/@TLS_CERT@/, cert); gsub(/@TLS_KEY@/, key)
      gsub(/@WEB_ROOT@/, web); gsub(/@ACME_ROOT@/, acme); gsub(/@MAX_BODY_BYTES@/, body)
      gsub(/@RATE_PER_ADDRESS@/, rpa); gsub(/@RATE_PER_KEY@/, rpk); gsub(/@BURST_PER_ADDRESS@/, bpa)
      gsub(/@BURST_PER_KEY@/, bpk); gsub(/@IDLE_TIMEOUT_S@/, idle); gsub(/@REQUEST_TIMEOUT_S@/, req)
      gsub(/@UPSTREAM_KEEPALIVE_S@/, upk); gsub(/@HTTPS_PORT_SUFFIX@/, suffix)
      print
    }' "$template"
)
if grep -n '@[A-Z_]*@' <<<"$rendered" >&2; then die "unrendered placeholders (above)"; fi

if [ "$out" = - ]; then
  printf '%s\n' "$rendered"
else
  printf '%s\n' "$rendered" >"$out"
fi
