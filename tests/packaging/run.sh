#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Packaging and operations test (CTest "packaging", label e2e), run by `make test` / `make test-packaging`.
#
#   tests/packaging/run.sh BUILD_DIR
#
# Needs PROCTOR_TEST_PG_ADMIN_URL and PROCTOR_TEST_REDIS_URL (tests/run.sh's throwaway services) and, for
# the install steps, root (CI). Uses the existing build: cpack only packs what BUILD_DIR already built.
#   1  packages      cpack DEB + RPM; contents; computed dependencies
#   2  lintian       no errors on the .debs
#   3  signing       throwaway key: rpmsign, detached signatures, SHA256SUMS, signed apt repository; verify.sh
#                    passes, and fails on a tampered .deb, a re-summed tampered .deb, a tampered Packages
#                    file, a foreign key; apt itself accepts the repository and rejects a tampered one
#   4  install       apt installs the .deb: proctor user, permissions, conffile
#   5  systemd       systemd-analyze verify of the installed units (and a broken unit fails it); hardening
#   6  configure     the installed collector.env filled like deploy.sh; `proctor-collector check` as the service
#                    user with exactly that environment; a wrong Redis fails it; migrate, sample tests, page key
#   7  serve         two installed collectors on loopback ports, /readyz 200 on both
#   8  nginx         the generated site (self-signed TLS) on high ports: HTTP->HTTPS, API, static files, caching,
#                    /metrics hidden, 413 and 429 from the collector's limits, both upstreams used, WebSocket
#   9  backup        encrypted and unencrypted backups hold no secret or private key in clear; destroy refuses a
#                    wrong confirmation, then removes the data; restore (interactive answers) refuses a wrong
#                    passphrase, then brings back every row of every table; the collector serves again
#   10 deploy        deploy.sh --dry-run prints the plan and changes nothing
#   11 compose       docker-compose.yml and its nginx config: what can be checked without Docker
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: tests/packaging/run.sh BUILD_DIR}" && pwd)
: "${PROCTOR_TEST_PG_ADMIN_URL:?needs PROCTOR_TEST_PG_ADMIN_URL (run through tests/run.sh)}"
: "${PROCTOR_TEST_REDIS_URL:?needs PROCTOR_TEST_REDIS_URL (run through tests/run.sh)}"
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3

# One packaging test at a time on a shared machine: it installs a system package.
exec 9>>/tmp/proctor-packaging-test.lock
chmod 666 /tmp/proctor-packaging-test.lock 2>/dev/null
flock -w 900 9 || { echo "packaging: another packaging test holds /tmp/proctor-packaging-test.lock" >&2; exit 1; }

work=$(mktemp -d /tmp/proctor-pkgtest.XXXXXX)
chmod 755 "$work"
failures=0
passes=0
t_ok() { passes=$((passes + 1)); printf 'ok    %s\n' "$*"; }
failed_checks=()
t_fail() { failures=$((failures + 1)); failed_checks+=("$*"); printf 'FAIL  %s\n' "$*"; }
t_skip() { printf 'skip  %s\n' "$*"; }
section() { printf '\n--- %s   [%ds]\n' "$*" "$SECONDS"; }
# grep -q on a whole input (a pipeline into grep -q may kill its writer with SIGPIPE under pipefail).
has() { local in; in=$(cat); grep -q "$@" <<<"$in"; }
check() { # NAME COMMAND...   ok when the command succeeds
  local name=$1
  shift
  if "$@" >"$work/last.log" 2>&1; then t_ok "$name"; else t_fail "$name"; sed 's/^/      /' "$work/last.log" | tail -n 30; fi
}
check_fails() { # NAME COMMAND...   ok when the command fails
  local name=$1
  shift
  if "$@" >"$work/last.log" 2>&1; then t_fail "$name (it succeeded)"; sed 's/^/      /' "$work/last.log" | tail -n 15; else t_ok "$name"; fi
}
fatal() { t_fail "$*"; finish; }

# Below the kernel's ephemeral range (32768+), where outgoing connections of parallel tests take ports,
# and used by no socket in any state.
port_free() { [ -z "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
taken_ports=" "
c1="" c2="" h1="" s1="" w="" h2="" s2="" hc="" sc="" # ports, set by free_port
free_port() { # VAR: a free port into VAR (never one handed out before in this run)
  local p
  for _ in $(seq 1 200); do
    p=$(((RANDOM * 32768 + RANDOM) % 12000 + 20500))
    [[ $taken_ports == *" $p "* ]] && continue
    if port_free "$p"; then taken_ports+="$p "; printf -v "$1" '%s' "$p"; return 0; fi
  done
  fatal "no free port"
}
wait_http() { # URL [SECONDS] [CURL ARGS...]
  local url=$1 limit=${2:-30} i
  shift 2 || shift
  for ((i = 0; i < limit * 5; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" 2>/dev/null)" = 200 ] && return 0
    sleep 0.2
  done
  return 1
}

is_root=no
[ "$(id -u)" -eq 0 ] && is_root=yes
pids=()
installed_by_test=no
etc_existed=no
user_existed=no
[ -d /etc/proctor ] && etc_existed=yes
id proctor >/dev/null 2>&1 && user_existed=yes
suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
db=pkgtest_$suffix
role=pkgtest_owner_$suffix
redis_db=11
redis_base=${PROCTOR_TEST_REDIS_URL%/*}

# The pid of whatever listens on 127.0.0.1:PORT (the collector itself, not runuser or the shells around it).
listener_pid() { ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1; }
collector_ports=()
stop_collectors() {
  local p pid
  for p in "${collector_ports[@]}"; do
    pid=$(listener_pid "$p")
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
  done
  collector_ports=()
  sleep 0.5
}

finish() {
  trap - EXIT
  if [ "${PROCTOR_PKGTEST_KEEP:-0}" = 1 ]; then # debugging: leave everything running and installed
    printf '\npackaging: %d passed, %d failed; kept %s (collectors %s)\n' "$passes" "$failures" "$work" "${collector_ports[*]}"
    exit 1
  fi
  stop_collectors
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for n in "$work"/nginx-*/nginx.pid; do [ -s "$n" ] && kill "$(cat "$n")" 2>/dev/null; done
  sleep 0.3
  psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
  psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -q -c "DROP ROLE IF EXISTS ${role}_app" >/dev/null 2>&1
  redis-cli -u "$redis_base/$redis_db" FLUSHDB >/dev/null 2>&1
  if [ "$installed_by_test" = yes ]; then
    apt-get purge -y -q -o DPkg::Lock::Timeout=300 proctor-collector >/dev/null 2>&1 \
      || dpkg --purge proctor-collector >/dev/null 2>&1
    [ "$etc_existed" = yes ] || rm -rf /etc/proctor
    [ "$user_existed" = yes ] || { deluser --quiet --system proctor >/dev/null 2>&1 || userdel proctor >/dev/null 2>&1; }
    [ "$user_existed" = yes ] || delgroup --quiet --system proctor >/dev/null 2>&1 || true
  fi
  # Keep the evidence of a failed run next to the other test artifacts.
  if [ "$failures" -gt 0 ] && [ -n "${PROCTOR_ARTIFACTS_DIR:-}" ]; then
    mkdir -p "$PROCTOR_ARTIFACTS_DIR/packaging"
    cp -r "$work"/*.log "$work"/nginx-*/error.log "$PROCTOR_ARTIFACTS_DIR/packaging/" 2>/dev/null
  fi
  rm -rf "$work"
  printf '\npackaging: %d passed, %d failed in %ds\n' "$passes" "$failures" "$SECONDS"
  # Repeated last, so the first failure is visible even where only the end of a long log is shown.
  [ "$failures" -eq 0 ] || printf 'failed: %s\n' "${failed_checks[@]}"
  [ "$failures" -eq 0 ] && exit 0 || exit 1
}
trap finish EXIT

# ==========================================================================================================
section "1. packages (cpack on $build)"
pkgs=$work/pkgs
if bash "$root/installer/package.sh" "$build" "$pkgs" >"$work/package.log" 2>&1; then
  t_ok "make package: cpack DEB and RPM from the existing build"
else
  sed 's/^/      /' "$work/package.log" | tail -n 40
  fatal "make package failed"
fi
deb=$(ls "$pkgs"/proctor-collector_*.deb 2>/dev/null | head -n 1)
rpm=$(ls "$pkgs"/proctor-collector-*.rpm 2>/dev/null | head -n 1)
[ -f "$deb" ] && t_ok "proctor-collector .deb: $(basename "$deb")" || fatal "no proctor-collector .deb"
[ -f "$rpm" ] && t_ok "proctor-collector .rpm: $(basename "$rpm")" || t_fail "no proctor-collector .rpm"
if [ -x "$build/admin-desktop/proctor-admin" ]; then
  for f in "$pkgs"/proctor-admin_*.deb "$pkgs"/proctor-admin-*.rpm; do
    [ -f "$f" ] && t_ok "proctor-admin package: $(basename "$f")" || t_fail "proctor-admin package missing ($f)"
  done
  admin_deb=$(ls "$pkgs"/proctor-admin_*.deb 2>/dev/null | head -n 1)
  if [ -f "$admin_deb" ]; then
    contents=$(dpkg-deb -c "$admin_deb")
    for f in ./usr/bin/proctor-admin ./usr/share/applications/proctor-admin.desktop \
      ./usr/share/icons/hicolor/scalable/apps/proctor-admin.svg; do
      grep -q " $f\$" <<<"$contents" && t_ok "proctor-admin has $f" || t_fail "proctor-admin lacks $f"
    done
    command -v desktop-file-validate >/dev/null \
      && check "desktop entry valid" desktop-file-validate "$root/installer/desktop/proctor-admin.desktop"
  fi
fi
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/proctor-collector ./etc/proctor/collector.env ./usr/lib/systemd/system/proctor-collector@.service \
  ./usr/lib/systemd/system/proctor-collector.target ./usr/share/proctor/tests/infosec-basics.json \
  ./usr/share/proctor/tests/personal-data.json ./usr/share/proctor/control/Makefile \
  ./usr/share/proctor/nginx/proctor.conf.in ./usr/share/proctor/deploy/deploy.sh ./usr/share/doc/proctor-collector/copyright; do
  grep -q " $f\$" <<<"$contents" && t_ok "collector .deb has $f" || t_fail "collector .deb lacks $f"
done
if [ -f "$root/web-client/dist/index.html" ]; then
  n_dist=$(cd "$root/web-client/dist" && find . -type f | wc -l)
  n_pkg=$(grep -c ' ./usr/share/proctor/web/.*[^/]$' <<<"$contents")
  [ "$n_pkg" -ge "$n_dist" ] && t_ok "web client packaged ($n_pkg files)" || t_fail "web client: $n_pkg of $n_dist files packaged"
else
  t_skip "web-client/dist is not built: web client not checked"
fi
grep -q '^/etc/proctor/collector.env$' <(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles) \
  && t_ok "collector.env is a conffile" || t_fail "collector.env is not a conffile"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libpqxx-6.4 libhiredis0.14 libsodium23 libprometheus-cpp-core1.0 libhttp-parser2.9 libqt6core6 libqt6network6 adduser; do
  grep -qw -- "$d" <<<"$depends" && t_ok "Depends computed: $d" || t_fail "Depends lacks $d: $depends"
done
# Complete: every library the packaged binary needs comes from a package in Depends.
dpkg-deb -x "$deb" "$work/unpacked"
missing_deps=""
while read -r soname; do
  lib=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64|x32|64bit|AArch64/ {print $NF; exit}')
  [ -n "$lib" ] || lib=$(ldconfig -p | awk -v s="$soname" '$1 == s {print $NF; exit}')
  owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1)
  [ -n "$owner" ] || owner=$(dpkg -S "$lib" 2>/dev/null | head -n 1 | cut -d: -f1)
  grep -qw -- "$owner" <<<"$depends" || missing_deps+=" $soname($owner)"
done < <(readelf -d "$work/unpacked/usr/bin/proctor-collector" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -z "$missing_deps" ] && t_ok "every NEEDED library of the packaged binary is covered by Depends" \
  || t_fail "libraries not covered by Depends:$missing_deps"
if [ -f "$rpm" ]; then
  rpm_req=$(rpm -qpR "$rpm" 2>/dev/null)
  for d in 'libpqxx-6.4.so' 'libhiredis.so.0.14' 'libsodium.so.23' 'libQt6Core.so.6'; do
    grep -qF "$d" <<<"$rpm_req" && t_ok "RPM requires $d" || t_fail "RPM lacks requirement $d"
  done
  rpm -qplv "$rpm" 2>/dev/null | has 'root *proctor .*/etc/proctor/collector.env' \
    && t_ok "RPM: collector.env owned by group proctor" || t_fail "RPM: collector.env attributes"
  rpm -qpc "$rpm" 2>/dev/null | has -x /etc/proctor/collector.env && t_ok "RPM: collector.env is %config" \
    || t_fail "RPM: collector.env is not %config"
fi

# ==========================================================================================================
section "2. lintian"
lintian --fail-on error --no-tag-display-limit "$pkgs"/*.deb >"$work/lintian.log" 2>&1
rc=$?
grep -E '^[EW]:' "$work/lintian.log" | sed 's/^/      /'
if [ $rc -eq 0 ] && ! grep -q '^E:' "$work/lintian.log"; then t_ok "lintian: no errors"; else t_fail "lintian reports errors"; fi

# ==========================================================================================================
section "3. signing"
export GNUPGHOME=$work/gnupg
mkdir -m 700 "$GNUPGHOME"
signpass=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
gpg --batch --quiet --pinentry-mode loopback --passphrase "$signpass" \
  --quick-gen-key "Proctor Test Release <release@example.invalid>" rsa3072 sign 1d 2>/dev/null
fpr=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr:/ {print $10; exit}')
gpg --batch --armor --export "$fpr" >"$work/release-key.asc"
# A second, unrelated key: an attacker's.
GNUPGHOME=$work/gnupg-other
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key "Mallory <m@example.invalid>" rsa2048 sign 1d 2>/dev/null
gpg --batch --armor --export >"$work/other-key.asc"
GNUPGHOME=$work/gnupg
[ -n "$fpr" ] && t_ok "throwaway signing key generated" || fatal "could not generate a signing key"

if PROCTOR_SIGNING_KEY=$fpr PROCTOR_SIGNING_PASSPHRASE=$signpass \
  bash "$root/installer/signing/sign.sh" --repo "$pkgs/apt" "$pkgs" >"$work/sign.log" 2>&1; then
  t_ok "sign.sh: rpmsign, detached signatures, SHA256SUMS, apt repository"
else
  sed 's/^/      /' "$work/sign.log"
  t_fail "sign.sh failed"
fi
for a in "$pkgs"/*.deb "$pkgs"/*.rpm "$pkgs"/deploy.sh "$pkgs"/verify.sh "$pkgs"/SHA256SUMS; do
  [ -f "$a.asc" ] && t_ok "signature file $(basename "$a").asc" || t_fail "no signature for $(basename "$a")"
done
for f in dists/stable/InRelease dists/stable/Release.gpg proctor-archive-keyring.gpg; do
  [ -f "$pkgs/apt/$f" ] && t_ok "apt repository has $f" || t_fail "apt repository lacks $f"
done
verify=$root/installer/signing/verify.sh
check "verify.sh passes on the signed release and repository" \
  bash "$verify" --keyring "$work/release-key.asc" --repo "$pkgs/apt" "$pkgs"
grep -q 'embedded RPM signature' "$work/last.log" && t_ok "verify.sh checked the embedded RPM signature" \
  || t_fail "verify.sh did not check the RPM signature"
check "rpm -K: digests signatures OK" bash -c "mkdir -p '$work/rpmdb' && rpmkeys --dbpath '$work/rpmdb' --import '$work/release-key.asc' && rpmkeys --dbpath '$work/rpmdb' -K '$rpm' | grep -q 'signatures OK'"

tamper=$work/tampered
cp -r "$pkgs" "$tamper"
printf 'x' >>"$tamper/$(basename "$deb")"
check_fails "verify.sh fails on a tampered .deb" bash "$verify" --keyring "$work/release-key.asc" "$tamper"
grep -q "FAILED  $(basename "$deb") checksum" "$work/last.log" && t_ok "verify.sh names the tampered file" \
  || t_fail "verify.sh did not name the tampered file"
(cd "$tamper" && sha256sum -- *.deb *.rpm *.sh >SHA256SUMS)
check_fails "verify.sh fails when the attacker also rewrites SHA256SUMS" bash "$verify" --keyring "$work/release-key.asc" "$tamper"
rm -rf "$tamper" && cp -r "$pkgs" "$tamper"
check_fails "verify.sh fails with a foreign key" bash "$verify" --keyring "$work/other-key.asc" "$tamper"
for p in "$tamper"/apt/dists/stable/main/binary-*/Packages; do
  sed -i 's/^Version: .*/Version: 9.9.9-1/' "$p"
  gzip -9nc "$p" >"$p.gz"
done
check_fails "verify.sh fails on a tampered repository index" bash "$verify" --keyring "$work/release-key.asc" --repo "$tamper/apt"

# Supply-chain attacks on a signed folder: what an installer would pick up must be exactly what was signed.
dropped=$work/dropped
rm -rf "$dropped" && cp -r "$pkgs" "$dropped"
cp "$deb" "$dropped/proctor-collector_9.9.9_amd64.deb"
check_fails "verify.sh fails on an extra .deb dropped into a signed folder" bash "$verify" --keyring "$work/release-key.asc" "$dropped"
grep -q "FAILED  proctor-collector_9.9.9_amd64.deb is not listed in SHA256SUMS" "$work/last.log" \
  && t_ok "verify.sh names the unlisted file" || t_fail "verify.sh did not name the unlisted file"
rm -rf "$dropped" && cp -r "$pkgs" "$dropped" && rm "$dropped/SHA256SUMS.asc"
check_fails "verify.sh with a keyring fails when SHA256SUMS.asc is missing" bash "$verify" --keyring "$work/release-key.asc" "$dropped"
check "verify.sh --allow-unsigned checks the checksums of an unsigned folder" bash "$verify" --allow-unsigned "$dropped"
printf 'x' >>"$dropped/$(basename "$deb")"
check_fails "verify.sh --allow-unsigned still fails on a checksum mismatch" bash "$verify" --allow-unsigned "$dropped"
check_fails "verify.sh refuses to run without --keyring or --allow-unsigned" bash "$verify" "$pkgs"

# 1.9.0 and 1.10.0 in one signed folder: the newest by dpkg's rules, not the lexically last file name.
versions=$work/versions
rm -rf "$versions" && mkdir -p "$versions"
for v in 1.9.0 1.10.0; do
  p=$work/pkg-$v
  mkdir -p "$p/DEBIAN"
  printf 'Package: proctor-collector\nVersion: %s\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: version test\n' "$v" >"$p/DEBIAN/control"
  dpkg-deb --build --root-owner-group "$p" "$versions/proctor-collector_${v}_all.deb" >/dev/null
done
if PROCTOR_SIGNING_KEY=$fpr PROCTOR_SIGNING_PASSPHRASE=$signpass bash "$root/installer/signing/sign.sh" "$versions" >"$work/last.log" 2>&1; then
  picked=$(bash "$verify" --keyring "$work/release-key.asc" --stage "$work/staged" --newest proctor-collector "$versions" 2>"$work/last.log")
  [ "$(basename "$picked")" = proctor-collector_1.10.0_all.deb ] && [ "${picked#"$work/staged/"}" != "$picked" ] \
    && t_ok "verify.sh --newest picks 1.10.0 over 1.9.0, from the verified copy" \
    || t_fail "verify.sh --newest picked '$picked'"
  cp "$versions/proctor-collector_1.10.0_all.deb" "$versions/proctor-collector_2.0.0_all.deb"
  check_fails "verify.sh --newest refuses a folder with an unlisted newer .deb" \
    bash "$verify" --keyring "$work/release-key.asc" --stage "$work/staged2" --newest proctor-collector "$versions"
else
  t_fail "sign.sh on the version folder"
fi

# apt itself, with private state directories (the system's apt state is untouched).
apt_try() { # REPO_DIR -> apt-get update with only that repository
  local a=$work/aptstate
  rm -rf "$a"
  mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/parts" "$a/prefs"
  echo "deb [signed-by=$1/proctor-archive-keyring.gpg] file:$1 stable main" >"$a/sources.list"
  apt-get -q -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" -o Dir::Etc::SourceList="$a/sources.list" \
    -o Dir::Etc::SourceParts="$a/parts" -o Dir::Etc::PreferencesParts="$a/prefs" -o Debug::NoLocking=1 \
    -o APT::Sandbox::User="$(id -un)" -o Acquire::AllowInsecureRepositories=false update \
    && apt-cache -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" -o Dir::Etc::SourceList="$a/sources.list" \
      -o Dir::Etc::SourceParts="$a/parts" policy proctor-collector | has "Candidate: $(dpkg-deb -f "$deb" Version)"
}
check "apt accepts the signed repository and sees proctor-collector" apt_try "$pkgs/apt"
check_fails "apt rejects the tampered repository" apt_try "$tamper/apt"

# ==========================================================================================================
section "4. install"
if [ -f /etc/proctor/deploy.env ]; then
  fatal "this machine has a deployed Proctor (/etc/proctor/deploy.env): the install steps would overwrite it"
fi
if [ "$is_root" = yes ]; then
  if apt-get install -y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confnew "$deb" >"$work/install.log" 2>&1; then
    installed_by_test=yes
    t_ok "apt-get install $(basename "$deb")"
  else
    sed 's/^/      /' "$work/install.log" | tail -n 20
    fatal "the .deb does not install"
  fi
  PROCTOR_BIN=/usr/bin/proctor-collector
  share=/usr/share/proctor
  id proctor >/dev/null 2>&1 && t_ok "system user proctor exists" || t_fail "no proctor user"
  [ "$(stat -c '%U:%G %a' /etc/proctor)" = "root:proctor 750" ] && t_ok "/etc/proctor is root:proctor 0750" \
    || t_fail "/etc/proctor is $(stat -c '%U:%G %a' /etc/proctor)"
  [ "$(stat -c '%U:%G %a' /etc/proctor/collector.env)" = "root:proctor 640" ] && t_ok "collector.env is root:proctor 0640" \
    || t_fail "collector.env is $(stat -c '%U:%G %a' /etc/proctor/collector.env)"
  dpkg-query -W -f='${Conffiles}\n' proctor-collector | has /etc/proctor/collector.env \
    && t_ok "dpkg knows collector.env as a conffile" || t_fail "collector.env not registered as conffile"
  env_file=/etc/proctor/collector.env
else
  # Not root: everything that needs no installation still runs, from the unpacked package.
  t_skip "not root: the package is unpacked, not installed (user, permissions, postinst not checked)"
  dpkg-deb -x "$deb" "$work/root"
  PROCTOR_BIN=$work/root/usr/bin/proctor-collector
  share=$work/root/usr/share/proctor
  env_file=$work/root/etc/proctor/collector.env
  chmod 600 "$env_file"
fi
export PROCTOR_BIN PROCTOR_ENV_FILE=$env_file PROCTOR_SHARE=$share PROCTOR_DEPLOY_ENV=$work/none/deploy.env
PROCTOR_CONFIG_DIR=$(dirname "$env_file")
export PROCTOR_CONFIG_DIR

# ==========================================================================================================
section "5. systemd units"
units=$work/units
mkdir -p "$units"
unitdir=/usr/lib/systemd/system
[ "$is_root" = yes ] || unitdir=$work/root/usr/lib/systemd/system
cp "$unitdir/proctor-collector@.service" "$units/proctor-collector@8081.service"
if [ "$is_root" = yes ]; then
  check "systemd-analyze verify: proctor-collector@8081.service, .target, backup service and timer" \
    systemd-analyze verify --man=no "$units/proctor-collector@8081.service" "$unitdir/proctor-collector.target" \
    "$unitdir/proctor-backup.service" "$unitdir/proctor-backup.timer"
else
  t_skip "systemd-analyze verify needs the installed binary (not root)"
fi
sed 's|^ExecStart=.*|ExecStart=/nonexistent/proctor-collector serve|' \
  "$units/proctor-collector@8081.service" >"$units/broken@8081.service"
check_fails "systemd-analyze verify rejects a broken unit (the check can fail)" \
  systemd-analyze verify --man=no "$units/broken@8081.service"
for h in 'User=proctor' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' 'ProtectHome=yes' \
  'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' 'CapabilityBoundingSet=$' 'SystemCallFilter=@system-service' \
  'EnvironmentFile=/etc/proctor/collector.env'; do
  grep -q "^$h" "$units/proctor-collector@8081.service" && t_ok "unit sets ${h%\$}" || t_fail "unit lacks $h"
done
exposure=$(systemd-analyze security --offline=true --no-pager "$units/proctor-collector@8081.service" 2>/dev/null \
  | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN {exit !(e <= 2.0)}'; then
  t_ok "systemd-analyze security: exposure $exposure (<= 2.0)"
else
  t_fail "systemd-analyze security: exposure '${exposure:-unknown}' (want <= 2.0)"
fi

# ==========================================================================================================
section "6. configure the installed collector.env (as deploy.sh does) and check it"
# The installed deploy.sh's functions and the control panel's library: the code a real deployment runs.
# shellcheck disable=SC1091
. "$share/deploy/deploy.sh"
set +e # deploy.sh sets -e for itself; this test counts failures instead
load_ctl_lib
pg_host_port=$(sed -E 's|^postgres(ql)?://[^@]*@([^/]+)/.*$|\2|' <<<"$PROCTOR_TEST_PG_ADMIN_URL")
# The roles and the database as deploy.sh makes them (its own function, passwords on psql's standard input):
# the owner for migrate and backups, the service's restricted role for serve.
make_roles() { PROCTOR_PG_ADMIN_URL=$PROCTOR_TEST_PG_ADMIN_URL deploy_database_roles "$role" "${role}_app" "$db" "$pg_host_port"; }
make_roles >"$work/last.log" 2>&1 || { cat "$work/last.log"; fatal "cannot create the test roles and database"; }
db_url=$(ctl_env_get PROCTOR_MIGRATION_DATABASE_URL)
app_url=$(ctl_env_get PROCTOR_DATABASE_URL)
[[ $db_url == "postgresql://$role:"*"@$pg_host_port/$db" && $app_url == "postgresql://${role}_app:"*"@$pg_host_port/$db" ]] \
  && t_ok "deploy.sh wrote the owner's PROCTOR_MIGRATION_DATABASE_URL and the service role's PROCTOR_DATABASE_URL" \
  || t_fail "database URLs after deploy_database_roles"
check "deploy.sh's database step run again (an update)" make_roles
[ "$(ctl_env_get PROCTOR_MIGRATION_DATABASE_URL)" = "$db_url" ] && [ "$(ctl_env_get PROCTOR_DATABASE_URL)" = "$app_url" ] \
  && t_ok "a second run changed neither URL" || t_fail "a second run changed the database URLs"
ctl_parse_db_url "$db_url"
owner_pw=$PG_PASSWORD
ctl_parse_db_url "$app_url"
app_pw=$PG_PASSWORD
session_secret=$(random_hex 32)
metrics_token=$(random_hex 16)
ctl_env_set PROCTOR_REDIS_URL "$redis_base/$redis_db"
ctl_env_set PROCTOR_SESSION_SECRET "$session_secret"
ctl_env_set PROCTOR_METRICS_TOKEN "$metrics_token"
ctl_env_set PROCTOR_PUBLIC_URL "https://localhost"
ctl_env_set PROCTOR_WEB_ROOT "$share/web"
# Small limits, so nginx's copies of them can be exercised quickly.
ctl_env_set PROCTOR_MAX_BODY_BYTES 65536
ctl_env_set PROCTOR_RATE_LIMIT_PER_ADDRESS 1200
[ "$is_root" = yes ] && [ "$(stat -c '%U:%G %a' "$env_file")" = "root:proctor 640" ] \
  && t_ok "ctl_env_set keeps owner and mode of collector.env"
grep -q "^PROCTOR_SESSION_SECRET=$session_secret\$" "$env_file" && ! grep -q '^PROCTOR_SESSION_SECRET=$' "$env_file" \
  && t_ok "ctl_env_set replaced the placeholder in place" || t_fail "ctl_env_set did not write the secret"
check "proctor-collector check (service user, collector.env only)" ctl_collector check
grep -q 'postgres: ok' "$work/last.log" && grep -q 'redis: ok' "$work/last.log" \
  && t_ok "check reached PostgreSQL and Redis" || t_fail "check output: $(tr '\n' ' ' <"$work/last.log")"
check_fails "check fails when Redis is unreachable" ctl_collector PROCTOR_REDIS_URL=redis://127.0.0.1:1/0 check
prepare_extensions() { PROCTOR_PG_ADMIN_URL=$PROCTOR_TEST_PG_ADMIN_URL ctl_pg_prepare_extensions; }
check "pg_partman created by the superuser, granted to the owner role (make migrate does this)" prepare_extensions
check "proctor-collector migrate" ctl_collector migrate
grep -q 'application role granted' "$work/last.log" && t_ok "migrate ran as the owner and granted the service role" \
  || t_fail "migrate did not grant the service role"
check_fails "the service role cannot rewrite the audit log" \
  psql "$app_url" -X -q -v ON_ERROR_STOP=1 -c "UPDATE audit_log SET action = action"
for t in "$share"/tests/*.json; do
  check "import-test $(basename "$t")" ctl_collector import-test "$t"
done
page_key=$(PAGE=1 bash "$share/control/proctorctl.sh" create-apikey page 2>"$work/apikey.log")
[ -n "$page_key" ] && [ "$(ctl_env_get PROCTOR_PAGE_API_KEY)" = "$page_key" ] \
  && t_ok "make create-apikey PAGE=1: key printed and written to collector.env" \
  || { t_fail "create-apikey PAGE=1"; cat "$work/apikey.log"; }

# ==========================================================================================================
section "7. the installed binary serves"
free_port c1
free_port c2
start_collector() { # PORT
  ctl_collector PROCTOR_HTTP_ADDR="127.0.0.1:$1" PROCTOR_LOG_FORMAT=text serve >"$work/collector-$1.log" 2>&1 &
  collector_ports+=("$1")
}
start_collector "$c1"
start_collector "$c2"
check "installed collector on 127.0.0.1:$c1: /readyz 200" wait_http "http://127.0.0.1:$c1/readyz" 30
check "installed collector on 127.0.0.1:$c2: /readyz 200" wait_http "http://127.0.0.1:$c2/readyz" 30
if [ "$is_root" = yes ]; then
  [ "$(ps -o user= -p "$(listener_pid "$c1")" 2>/dev/null)" = proctor ] \
    && t_ok "the collector runs as user proctor" || t_fail "the collector does not run as proctor"
fi
curl -s "http://127.0.0.1:$c1/app-config.json" | has "\"$page_key\"" \
  && t_ok "/app-config.json hands out the page key from collector.env" || t_fail "/app-config.json lacks the page key"

# Some candidate data through the API: sessions with candidates and fingerprints.
mk_session() { # N
  local h
  h=$(printf 'device-%s-%s' "$suffix" "$1" | sha256sum | cut -d' ' -f1)
  cat <<EOF
{"testId":"infosec-basics","kind":"test","locale":"ru",
 "candidate":{"lastName":"Иванов$1","firstName":"Иван","middleName":"Иванович","position":"Консультант","email":"c$1@example.org"},
 "persistentId":"0b5c4f7e-6a1d-4c1b-9a43-$(printf '%012d' "$1")",
 "fingerprint":{"privacySafeHash":"$h","attributes":{"userAgent":"pkgtest","platform":"Linux x86_64","hardwareConcurrency":8,
  "webglVendor":"v","webglRenderer":"r","screen":"1920x1080x24","timezone":"Europe/Moscow","languages":["ru-RU"]}}}
EOF
}
mk_session 99 >"$work/session.json"

# ==========================================================================================================
section "8. nginx with the generated site"
tls=$PROCTOR_CONFIG_DIR/tls
tls_self_signed "$tls" localhost
[ "$(stat -c %a "$tls/privkey.pem")" = 600 ] && t_ok "deploy.sh's self-signed key is 0600" || t_fail "private key mode"
start_nginx() { # NAME SITE_FILE -> nginx with its own prefix, pid and temp dirs
  local d=$work/nginx-$1 user=""
  mkdir -p "$d/tmp"
  if [ "$is_root" = yes ]; then user="user www-data www-data;"; chown -R www-data: "$d/tmp"; fi
  cat >"$d/nginx.conf" <<EOF
$user
pid $d/nginx.pid;
error_log $d/error.log warn;
worker_processes 1;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  include $2;
}
EOF
  nginx -p "$d" -c "$d/nginx.conf" -t >"$d/test.log" 2>&1 || { cat "$d/test.log"; return 1; }
  nginx -p "$d" -c "$d/nginx.conf" >"$d/start.log" 2>&1 || { cat "$d/start.log" "$d/error.log"; return 1; }
}
free_port h1
free_port s1
site=$work/proctor-site.conf
check "render-nginx.sh renders the site from collector.env" \
  bash "$share/nginx/render-nginx.sh" --server-name localhost --upstream "127.0.0.1:$c1 127.0.0.1:$c2" \
  --cert "$tls/fullchain.pem" --key "$tls/privkey.pem" --http-listen "127.0.0.1:$h1" --https-listen "127.0.0.1:$s1" \
  --web-root "$share/web" --acme-root "$work/acme" --env "$env_file" --out "$site"
grep -q 'client_max_body_size 65536;' "$site" && t_ok "nginx body limit = PROCTOR_MAX_BODY_BYTES" || t_fail "body limit not from collector.env"
grep -q 'rate=1200r/m' "$site" && t_ok "nginx per-address rate = PROCTOR_RATE_LIMIT_PER_ADDRESS" || t_fail "rate not from collector.env"
grep -q 'rate=300000r/m' "$site" && t_ok "nginx per-key rate = the collector's default" || t_fail "per-key rate"
check "nginx -t and start on 127.0.0.1:$h1 / :$s1" start_nginx main "$site"
https=(--cacert "$tls/fullchain.pem" --resolve "localhost:$s1:127.0.0.1")
base=https://localhost:$s1
check "TLS: the certificate verifies for localhost" wait_http "$base/healthz" 10 "${https[@]}"
loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: localhost' "http://127.0.0.1:$h1/test.html?x=1")
[ "$loc" = "301 https://localhost:$s1/test.html?x=1" ] && t_ok "HTTP -> HTTPS: $loc" || t_fail "HTTP redirect: '$loc'"
code=$(curl -s -o "$work/tests.json" -w '%{http_code}' "${https[@]}" -H "X-API-Key: $page_key" "$base/api/v1/tests")
[ "$code" = 200 ] && grep -q infosec-basics "$work/tests.json" && t_ok "API through nginx: GET /api/v1/tests 200" \
  || t_fail "API through nginx: $code $(head -c 200 "$work/tests.json")"
code=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" "$base/api/v1/tests")
[ "$code" = 401 ] && t_ok "API through nginx without a key: 401 from the collector" || t_fail "no-key request: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" "$base/readyz")
[ "$code" = 200 ] && t_ok "/readyz through nginx: 200" || t_fail "/readyz through nginx: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" "$base/metrics")
[ "$code" = 404 ] && t_ok "/metrics is not exposed through nginx" || t_fail "/metrics through nginx: $code"
curl -s -D "$work/hsts.h" -o /dev/null "${https[@]}" "$base/api/v1/tests"
grep -qi '^strict-transport-security: max-age=31536000' "$work/hsts.h" && t_ok "HSTS on proxied responses" || t_fail "no HSTS"
if [ -f "$share/web/index.html" ]; then
  curl -s -D "$work/static.h" -o "$work/index.html" "${https[@]}" "$base/"
  cmp -s "$work/index.html" "$share/web/index.html" && t_ok "static web client: / is index.html, from disk" || t_fail "static /"
  grep -qi '^cache-control: no-cache' "$work/static.h" && grep -qi '^content-security-policy:' "$work/static.h" \
    && grep -qi '^etag:' "$work/static.h" && t_ok "static pages: no-cache + ETag (revalidated), CSP" \
    || t_fail "static page headers: $(tr -d '\r' <"$work/static.h" | tr '\n' '|')"
  etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/static.h" | tr -d '\r')
  code=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" -H "If-None-Match: $etag" "$base/")
  [ "$code" = 304 ] && t_ok "static pages: revalidation answers 304" || t_fail "revalidation: $code"
  asset=$(cd "$share/web" && find vendor fonts -type f 2>/dev/null | head -n 1)
  if [ -n "$asset" ]; then
    curl -s -D "$work/asset.h" -o /dev/null "${https[@]}" "$base/$asset"
    grep -qi '^cache-control: public, max-age=86400' "$work/asset.h" && t_ok "static libraries/fonts cached a day ($asset)" \
      || t_fail "asset caching: $(tr -d '\r' <"$work/asset.h" | tr '\n' '|')"
  fi
  curl -s -o /dev/null -w '%{http_code}' "${https[@]}" "$base/../../etc/passwd" | has '^40[04]$' \
    && t_ok "no path escape from the web root" || t_fail "path escape"
else
  t_skip "no web client packaged: static files not checked"
fi
head -c 100000 /dev/zero | tr '\0' 'a' >"$work/big.json"
code=$(curl -s -o "$work/413.json" -w '%{http_code}' "${https[@]}" -H 'Content-Type: application/json' \
  -H "X-API-Key: $page_key" --data-binary @"$work/big.json" "$base/api/v1/sessions")
[ "$code" = 413 ] && grep -q payload_too_large "$work/413.json" && t_ok "body over PROCTOR_MAX_BODY_BYTES: 413 payload_too_large" \
  || t_fail "oversized body: $code $(head -c 200 "$work/413.json")"
# Both instances get traffic.
m1=$(curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$c1/metrics" | awk '/^proctor_http_requests_total/ {s += $NF} END {print s + 0}')
m2=$(curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$c2/metrics" | awk '/^proctor_http_requests_total/ {s += $NF} END {print s + 0}')
urls=()
for _ in $(seq 1 12); do urls+=(-o /dev/null "$base/readyz"); done
curl -s "${https[@]}" "${urls[@]}" 2>/dev/null
n1=$(curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$c1/metrics" | awk '/^proctor_http_requests_total/ {s += $NF} END {print s + 0}')
n2=$(curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$c2/metrics" | awk '/^proctor_http_requests_total/ {s += $NF} END {print s + 0}')
awk -v a="$m1" -v b="$n1" -v c="$m2" -v d="$n2" 'BEGIN {exit !(b > a && d > c)}' \
  && t_ok "upstream: both collector instances served requests" || t_fail "upstream balance: $m1->$n1, $m2->$n2"
# Per-address rate limit: 1200/min = 20/s with a burst of 20; 80 back-to-back requests must hit it.
urls=()
for _ in $(seq 1 79); do urls+=(-o /dev/null "$base/api/v1/tests"); done
urls+=(-o "$work/429.json" "$base/api/v1/tests")
curl -s -D "$work/burst.h" -w '%{http_code}\n' "${https[@]}" -H "X-API-Key: $page_key" "${urls[@]}" >"$work/burst.txt" 2>/dev/null
n429=$(grep -c '^429$' "$work/burst.txt")
n200=$(grep -c '^200$' "$work/burst.txt")
[ "$n429" -gt 0 ] && [ "$n200" -ge 15 ] && t_ok "rate limit: $n200 passed, $n429 got 429" || t_fail "rate limit: $n200 x 200, $n429 x 429"
[ "$(tail -n 1 "$work/burst.txt")" = 429 ] && grep -q '"code":"rate_limited"' "$work/429.json" \
  && grep -qi '^retry-after:' "$work/burst.h" \
  && t_ok "429 has the API error shape and Retry-After" || t_fail "429 body/headers: $(head -c 200 "$work/429.json")"

# WebSocket through the same rendered template, to a WebSocket upstream on loopback.
free_port w
$python "$root/tests/packaging/ws.py" serve "$w" >"$work/ws-standin.log" 2>&1 &
pids+=($!)
free_port h2
free_port s2
site2=$work/proctor-site-ws.conf
bash "$share/nginx/render-nginx.sh" --server-name localhost --upstream "127.0.0.1:$w" --cert "$tls/fullchain.pem" \
  --key "$tls/privkey.pem" --http-listen "127.0.0.1:$h2" --https-listen "127.0.0.1:$s2" --web-root "$share/web" \
  --acme-root "$work/acme" --env "$env_file" --out "$site2"
check "second nginx (WebSocket upstream) starts" start_nginx ws "$site2"
sleep 0.3
check "WebSocket through nginx: upgrade on /api/v1/live, frame echoed (wss, verified TLS)" \
  $python "$root/tests/packaging/ws.py" echo "wss://localhost:$s2/api/v1/live" --cafile "$tls/fullchain.pem" \

code=$(curl -s -o "$work/plain.json" -w '%{http_code}' --cacert "$tls/fullchain.pem" --resolve "localhost:$s2:127.0.0.1" \
  "https://localhost:$s2/api/v1/live")
grep -q '"upgrade": ""' "$work/plain.json" && t_ok "no Upgrade header invented for plain requests" || t_fail "plain request to /api/v1/live: $code"
# The collector's own live endpoint, once it exists (admin login + token).
if "$PROCTOR_BIN" --help 2>&1 | has create-admin \
  && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$c1/api/v1/live")" = 401 ]; then
  admin_pw=$(random_hex 12)
  printf '%s\n' "$admin_pw" | ctl_collector create-admin --email "ops-$suffix@example.org" --role admin >/dev/null 2>&1
  token=$(curl -s "${https[@]}" -H 'Content-Type: application/json' \
    -d "{\"email\":\"ops-$suffix@example.org\",\"password\":\"$admin_pw\"}" "$base/api/v1/auth/login" \
    | $python -c 'import json,sys; print(json.load(sys.stdin).get("token",""))' 2>/dev/null)
  [ -n "$token" ] && t_ok "admin login through nginx" || t_fail "admin login through nginx"
  check "collector WebSocket /api/v1/live through nginx (upgrade + first message)" \
    $python "$root/tests/packaging/ws.py" listen "wss://localhost:$s1/api/v1/live" --header "Authorization: Bearer $token" \
    --cafile "$tls/fullchain.pem" \
    --trigger "curl -s ${https[*]} -H 'X-API-Key: $page_key' -H 'Content-Type: application/json' -d @$work/session.json $base/api/v1/sessions" \
    --expect session_started
else
  t_skip "the collector has no /api/v1/live + create-admin yet: WebSocket checked against a stand-in upstream only"
fi

# ==========================================================================================================
section "9. backup, destroy, restore"
sleep 1.1 # let the rate-limit bucket refill
made=0
for i in 1 2 3; do
  code=$(mk_session "$i" | curl -s -o /dev/null -w '%{http_code}' "${https[@]}" -H "X-API-Key: $page_key" \
    -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/sessions")
  [ "$code" = 201 ] && made=$((made + 1))
done
[ "$made" = 3 ] && t_ok "3 candidate sessions created through nginx" || t_fail "sessions created: $made of 3"

# Collectors off: the round trip compares exact table contents (they update usage counters in the background).
stop_collectors
table_digest() { # one line per table: name, rows, md5 of all rows in a stable order
  psql "$db_url" -X -Atq -v ON_ERROR_STOP=1 <<'SQL'
SELECT format('SELECT %L || '' '' || count(*) || '' '' || coalesce(md5(string_agg(t::text, E''\n'' ORDER BY t::text)), ''-'') FROM public.%I t', tablename, tablename)
FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
\gexec
SQL
}
before=$(table_digest)
rows_before=$(awk '{s += $2} END {print s + 0}' <<<"$before")
[ "$rows_before" -gt 0 ] && t_ok "database holds $rows_before rows in $(wc -l <<<"$before") tables" || t_fail "no rows to back up"

export PROCTOR_BACKUP_DIR=$work/backups PROCTOR_PG_ADMIN_URL=$PROCTOR_TEST_PG_ADMIN_URL
export PROCTOR_BACKUP_PASSPHRASE_FILE=$work/none/passphrase
mk=(make --no-print-directory -f "$share/control/Makefile")
secrets=("$session_secret" "$metrics_token" "$page_key" "$owner_pw" "$app_pw" "PRIVATE KEY")
no_secrets_in() { # DIR: no secret value in any file, also inside the tar archives
  local d=$1 s f
  for s in "${secrets[@]}"; do
    if grep -rqaF -- "$s" "$d"; then echo "found '${s:0:6}...' in $(grep -rlaF -- "$s" "$d")"; return 1; fi
    for f in "$d"/*.tar; do
      [ -f "$f" ] || continue
      if tar -xOf "$f" 2>/dev/null | has -aF -- "$s"; then echo "found '${s:0:6}...' inside $f"; return 1; fi
    done
  done
}
# Without a passphrase: secrets left out, said so.
check "make backup (no passphrase)" "${mk[@]}" backup
plain=$(ls -d "$PROCTOR_BACKUP_DIR"/proctor-* | tail -n 1)
grep -q 'NOT ENCRYPTED' "$work/last.log" && grep -q '^encrypted no' "$plain/MANIFEST" \
  && grep -q 'REDACTED' "$plain/MANIFEST" && t_ok "unencrypted backup says so clearly" || t_fail "unencrypted backup notice"
check "unencrypted backup: no secret and no private key in clear" no_secrets_in "$plain"
tar -xOf "$plain/config-redacted.tar" ".$env_file" 2>/dev/null | has '^PROCTOR_SESSION_SECRET=REDACTED$' \
  && t_ok "unencrypted backup: collector.env kept with secrets REDACTED" || t_fail "redacted collector.env missing"
sleep 1
# With a passphrase from the environment: everything encrypted.
backup_pass=$(random_hex 16)
check "make backup (PROCTOR_BACKUP_PASSPHRASE)" env PROCTOR_BACKUP_PASSPHRASE="$backup_pass" "${mk[@]}" backup
enc=$(ls -d "$PROCTOR_BACKUP_DIR"/proctor-* | tail -n 1)
[ "$enc" != "$plain" ] && [ -f "$enc/database.dump.gpg" ] && [ -f "$enc/config.tar.gpg" ] && ! [ -e "$enc/database.dump" ] \
  && t_ok "encrypted backup: database.dump.gpg, config.tar.gpg" || t_fail "encrypted backup layout: $(ls "$enc")"
check "encrypted backup: no secret and no private key in clear" no_secrets_in "$enc"
grep -q "^rows " "$enc/MANIFEST" && t_ok "MANIFEST counts the rows of every table" || t_fail "MANIFEST has no row counts"

echo "not-$db" | "${mk[@]}" destroy >"$work/destroy-wrong.log" 2>&1
[ "$(psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -Atq -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 1 ] \
  && t_ok "make destroy refuses a wrong typed confirmation" || t_fail "destroy ran without the right confirmation"
redis-cli -u "$redis_base/$redis_db" SET pkgtest:marker 1 >/dev/null
echo "$db" | "${mk[@]}" destroy >"$work/destroy.log" 2>&1
[ "$(psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -Atq -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 0 ] \
  && [ "$(psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -Atq -c "SELECT count(*) FROM pg_roles WHERE rolname IN ('$role', '${role}_app')")" = 0 ] \
  && t_ok "make destroy (typed confirmation): database and both roles gone" || { t_fail "destroy"; cat "$work/destroy.log"; }
[ "$(redis-cli -u "$redis_base/$redis_db" EXISTS pkgtest:marker)" = 0 ] && t_ok "make destroy flushed the Redis database" \
  || t_fail "Redis database not flushed"

printf '1\nn\n%s\n' "$db" | env PROCTOR_BACKUP_PASSPHRASE=wrong-passphrase "${mk[@]}" restore >"$work/restore-wrong.log" 2>&1
grep -q 'cannot decrypt' "$work/restore-wrong.log" \
  && [ "$(psql "$PROCTOR_TEST_PG_ADMIN_URL" -X -Atq -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 0 ] \
  && t_ok "restore refuses a wrong passphrase before touching anything" || { t_fail "restore with a wrong passphrase"; tail -n 5 "$work/restore-wrong.log"; }
# Interactive: backup 1 (newest, the encrypted one), no configuration, then the typed database name.
if printf '1\nn\n%s\n' "$db" | env PROCTOR_BACKUP_PASSPHRASE="$backup_pass" "${mk[@]}" restore >"$work/restore.log" 2>&1; then
  t_ok "make restore (interactive answers, encrypted backup)"
else
  t_fail "make restore"
  tail -n 20 "$work/restore.log" | sed 's/^/      /'
fi
grep -q 'row counts match the backup' "$work/restore.log" && t_ok "restore compared every table's row count with MANIFEST" \
  || t_fail "restore did not check the row counts"
after=$(table_digest)
if [ "$before" = "$after" ]; then
  t_ok "every row of every table restored ($rows_before rows, contents identical)"
else
  t_fail "restored data differs"
  diff <(echo "$before") <(echo "$after") | sed 's/^/      /'
fi
mkdir -p "$work/cfgroot"
check "restore of the encrypted configuration (RESTORE_CONFIG=yes, into a scratch root)" \
  env CONFIRM="$db" RESTORE_CONFIG=yes RESTORE_ROOT="$work/cfgroot" PROCTOR_BACKUP_PASSPHRASE="$backup_pass" \
  "${mk[@]}" restore BACKUP="$enc"
cmp -s "$work/cfgroot$env_file" "$env_file" && cmp -s "$work/cfgroot$tls/privkey.pem" "$tls/privkey.pem" \
  && t_ok "configuration restored byte for byte (collector.env with secrets, TLS key)" || t_fail "restored configuration differs"
start_collector "$c1"
check "collector ready again on the restored database" wait_http "http://127.0.0.1:$c1/readyz" 30
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $page_key" "http://127.0.0.1:$c1/api/v1/tests")
[ "$code" = 200 ] && t_ok "the page key works after the restore" || t_fail "page key after restore: $code"

# The other control-panel targets that work without systemd.
export PROCTOR_INSTANCES=$c1
check "make status: instance /readyz and configuration check" "${mk[@]}" status
grep -q "127.0.0.1:$c1  /readyz 200" "$work/last.log" && grep -q 'postgres: ok' "$work/last.log" \
  && t_ok "make status reports the instance ready and the dependencies ok" || t_fail "make status output"
check "make monitor ONCE=1" env ONCE=1 "${mk[@]}" monitor
grep -q -- '--- PostgreSQL' "$work/last.log" && grep -q 'connected_clients' "$work/last.log" \
  && grep -Eq "^  $c1 +\{.*\} +requests [1-9]" "$work/last.log" \
  && t_ok "make monitor shows instance, requests, PostgreSQL and Redis" || t_fail "make monitor output"
check "make list-apikeys" "${mk[@]}" list-apikeys
if ctl_has_command create-admin; then
  check "make create-admin (password on stdin)" bash -c "printf '%s\n' 'correct-horse-$suffix' | $(printf '%q ' "${mk[@]}") create-admin EMAIL=proctor-$suffix@example.org ROLE=proctor"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"proctor-$suffix@example.org\",\"password\":\"correct-horse-$suffix\"}" "http://127.0.0.1:$c1/api/v1/auth/login")
  [ "$code" = 200 ] && t_ok "the new proctor account signs in" || t_fail "sign-in of the created account: $code"
  check_fails "make create-admin refuses a short password" bash -c "echo short | $(printf '%q ' "${mk[@]}") create-admin EMAIL=x-$suffix@example.org"
else
  t_skip "this proctor-collector has no create-admin: make create-admin not checked"
fi
if [ "$is_root" = yes ]; then
  # Same version again: backup first, signature check against the release key, apt, migrate.
  check "make update PACKAGES=<signed release> (backup, verify, install, migrate)" \
    env PROCTOR_RELEASE_KEYRING="$work/release-key.asc" PACKAGES="$pkgs" "${mk[@]}" update
  grep -q 'backup written' "$work/last.log" && grep -q 'all checks passed' "$work/last.log" \
    && t_ok "make update backed up and verified before installing" || t_fail "make update skipped backup or verification"
  rm -rf "$tamper" && cp -r "$pkgs" "$tamper" && printf 'x' >>"$tamper/$(basename "$deb")"
  check_fails "make update refuses a tampered release" \
    env PROCTOR_RELEASE_KEYRING="$work/release-key.asc" PACKAGES="$tamper" "${mk[@]}" update
  grep -q 'fail verification' "$work/last.log" && t_ok "make update stopped at the verification" \
    || { t_fail "make update failed for another reason"; tail -n 15 "$work/last.log" | sed 's/^/      /'; }
  rm -rf "$tamper" && cp -r "$pkgs" "$tamper" && rm "$tamper/SHA256SUMS.asc"
  check_fails "make update refuses an unsigned release while a release key is configured" \
    env PROCTOR_RELEASE_KEYRING="$work/release-key.asc" PACKAGES="$tamper" "${mk[@]}" update
  rm -rf "$tamper" && cp -r "$pkgs" "$tamper" && cp "$deb" "$tamper/proctor-collector_9.9.9_amd64.deb"
  check_fails "make update refuses a signed release with an extra .deb dropped in" \
    env PROCTOR_RELEASE_KEYRING="$work/release-key.asc" PACKAGES="$tamper" "${mk[@]}" update
fi

# ==========================================================================================================
section "10. deploy.sh --dry-run"
before_etc=$(find "$PROCTOR_CONFIG_DIR" -type f -exec sha256sum {} + 2>/dev/null | sort)
if bash "$share/deploy/deploy.sh" --dry-run --non-interactive --domain exam.example.org --admin-email it@example.org \
  --packages "$pkgs" --keyring "$work/release-key.asc" --home "$work/opt" >"$work/dry.log" 2>&1; then
  t_ok "deploy.sh --dry-run --non-interactive exits 0"
else
  t_fail "deploy.sh --dry-run"
  tail -n 20 "$work/dry.log" | sed 's/^/      /'
fi
steps=$(grep -c '^== ' "$work/dry.log")
[ "$steps" -ge 12 ] && t_ok "dry run walks through $steps steps" || t_fail "dry run shows $steps steps"
grep -q '\[dry-run\] apt-get install' "$work/dry.log" && grep -q 'create-admin' "$work/dry.log" \
  && grep -q 'create-apikey' "$work/dry.log" && t_ok "dry run plans packages, admin and page key" || t_fail "dry run plan incomplete"
after_etc=$(find "$PROCTOR_CONFIG_DIR" -type f -exec sha256sum {} + 2>/dev/null | sort)
[ ! -e "$work/opt" ] && [ "$before_etc" = "$after_etc" ] && t_ok "dry run changed nothing" || t_fail "dry run changed files"
check_fails "deploy.sh rejects a bad domain" bash "$share/deploy/deploy.sh" --dry-run --non-interactive \
  --domain 'bad domain' --admin-email it@example.org --packages "$pkgs"

# ==========================================================================================================
section "11. docker-compose (validated without Docker)"
check "docker/prepare.sh writes .env, TLS and the nginx config" \
  bash "$root/installer/docker/prepare.sh" --domain localhost --packages "$pkgs" --out "$work/compose"
check "docker-compose.yml: structure, references, healthchecks, no secrets inline" \
  $python "$root/tests/packaging/check_compose.py" "$root/installer/docker/docker-compose.yml" "$work/compose"
# nginx cannot resolve the compose service names here, and nginx -t binds the listen ports: the same config
# with the services mapped to loopback and the ports to free high ones.
free_port hc
free_port sc
sed -E 's/server (collector-[0-9]+):8080/server 127.0.0.1:8080/; s#/etc/proctor/tls/#'"$work/compose/tls/"'#; s#/usr/share/proctor/web#'"$share/web"'#' \
  "$work/compose/nginx/proctor.conf" \
  | sed -E "s/listen 80;/listen 127.0.0.1:$hc;/; s/listen 443 ssl http2;/listen 127.0.0.1:$sc ssl http2;/" >"$work/compose-nginx.conf"
grep -q "listen 127.0.0.1:$sc ssl" "$work/compose-nginx.conf" || t_fail "compose nginx config: listen lines not found"
d=$work/nginx-compose
mkdir -p "$d/logs" "$d/tmp"
cat >"$d/nginx.conf" <<EOF
pid $d/nginx.pid;
error_log stderr;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  include $work/compose-nginx.conf;
}
EOF
check "compose nginx config passes nginx -t" nginx -p "$d" -c "$d/nginx.conf" -t

if command -v shellcheck >/dev/null; then
  check "shellcheck (warnings) on the installer's scripts" shellcheck -S warning -x "$root"/installer/*.sh \
    "$root"/installer/{control,deploy,signing,nginx,docker}/*.sh "$root/tests/packaging/run.sh"
fi

finish
