#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Signs the release artifacts in DIR and, with --repo, writes a signed apt repository.
#
#   sign.sh [--repo REPO_DIR] [--suite stable] DIR
#
# In DIR, in this order (the KeePassXC release-tool order: embedded signatures first, then what covers them):
#   1. every *.rpm gets an embedded OpenPGP signature (rpmsign --addsign)
#   2. every artifact (*.deb *.rpm *.msi *.dmg *.tar.gz *.zip *.sh) gets a detached armored signature FILE.asc
#   3. SHA256SUMS lists every artifact; SHA256SUMS.asc is its detached signature
#   4. proctor-release-key.asc: the public key (publish it through a channel users already trust)
# With --repo REPO_DIR: pool/main/*.deb, dists/SUITE/main/binary-ARCH/Packages(.gz), dists/SUITE/Release
# signed as InRelease (clear-signed) and Release.gpg (detached), and the keyring for apt's Signed-By.
#
# The key comes from the environment, never from the repository:
#   PROCTOR_SIGNING_KEY              key ID or fingerprint (required)
#   PROCTOR_SIGNING_KEY_FILE         armored secret key, imported into a temporary keyring (CI secrets);
#                                    without it GNUPGHOME (or ~/.gnupg) must hold the key
#   PROCTOR_SIGNING_PASSPHRASE       its passphrase, or PROCTOR_SIGNING_PASSPHRASE_FILE (a file holding it)
set -euo pipefail

repo=""
suite=stable
while [ $# -gt 1 ]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --suite) suite=$2; shift 2 ;;
    *) echo "sign: unknown option $1" >&2; exit 2 ;;
  esac
done
dir=${1:?usage: sign.sh [--repo REPO_DIR] [--suite SUITE] DIR}
dir=$(cd "$dir" && pwd)
key=${PROCTOR_SIGNING_KEY:?set PROCTOR_SIGNING_KEY to the signing key ID or fingerprint}

tmp=$(mktemp -d)
cleanup() {
  if [ -n "${PROCTOR_SIGNING_KEY_FILE:-}" ]; then gpgconf --homedir "$tmp/gnupg" --kill all >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ -n "${PROCTOR_SIGNING_KEY_FILE:-}" ]; then
  export GNUPGHOME=$tmp/gnupg
  mkdir -m 700 "$GNUPGHOME"
  gpg --batch --quiet --import "$PROCTOR_SIGNING_KEY_FILE"
fi
gnupghome=${GNUPGHOME:-$HOME/.gnupg}

pass_args=()
if [ -n "${PROCTOR_SIGNING_PASSPHRASE_FILE:-}" ]; then
  pass_args=(--pinentry-mode loopback --passphrase-file "$PROCTOR_SIGNING_PASSPHRASE_FILE")
elif [ -n "${PROCTOR_SIGNING_PASSPHRASE:-}" ]; then
  (umask 077; printf '%s' "$PROCTOR_SIGNING_PASSPHRASE" >"$tmp/passphrase")
  pass_args=(--pinentry-mode loopback --passphrase-file "$tmp/passphrase")
fi
gpg_sign() { gpg --batch --yes --quiet --local-user "$key" "${pass_args[@]}" "$@"; }

gpg --batch --list-secret-keys "$key" >/dev/null 2>&1 || { echo "sign: no secret key '$key' in $gnupghome" >&2; exit 1; }
fpr=$(gpg --batch --with-colons --list-secret-keys "$key" | awk -F: '/^fpr:/ {print $10; exit}')
echo "sign: key $fpr"

shopt -s nullglob
artifacts=()
for f in "$dir"/*.deb "$dir"/*.rpm "$dir"/*.msi "$dir"/*.dmg "$dir"/*.tar.gz "$dir"/*.zip "$dir"/*.sh; do
  artifacts+=("$(basename "$f")")
done
[ ${#artifacts[@]} -gt 0 ] || { echo "sign: no artifacts in $dir" >&2; exit 1; }

# 1. embedded RPM signatures (they change the file, so they come before every digest)
for f in "$dir"/*.rpm; do
  rpmsign --addsign --define "_gpg_name $fpr" --define "_gpg_path $gnupghome" --define "__gpg $(command -v gpg)" \
    --define "_gpg_sign_cmd_extra_args --batch ${pass_args[*]}" "$f" >/dev/null
  echo "sign: rpmsign $(basename "$f")"
done

# 2. detached signatures
for a in "${artifacts[@]}"; do
  gpg_sign --armor --detach-sign --output "$dir/$a.asc" "$dir/$a"
done
echo "sign: ${#artifacts[@]} detached signatures"

# 3. checksums, signed
(cd "$dir" && sha256sum -- "${artifacts[@]}" >SHA256SUMS)
gpg_sign --armor --detach-sign --output "$dir/SHA256SUMS.asc" "$dir/SHA256SUMS"
echo "sign: SHA256SUMS, SHA256SUMS.asc"

# 4. the public key
gpg --batch --armor --export "$fpr" >"$dir/proctor-release-key.asc"

# --- apt repository --------------------------------------------------------------------------------------
if [ -n "$repo" ]; then
  mkdir -p "$repo/pool/main"
  debs=("$dir"/*.deb)
  [ ${#debs[@]} -gt 0 ] || { echo "sign: no .deb for the repository" >&2; exit 1; }
  cp -f "${debs[@]}" "$repo/pool/main/"
  archs=$(for d in "$repo"/pool/main/*.deb; do dpkg-deb -f "$d" Architecture; done | sort -u | grep -v '^all$' || true)
  [ -n "$archs" ] || archs=$(dpkg --print-architecture)
  dists=$repo/dists/$suite
  rm -rf "$dists"
  for arch in $archs; do
    bin=$dists/main/binary-$arch
    mkdir -p "$bin"
    (cd "$repo" && dpkg-scanpackages --multiversion --arch "$arch" pool /dev/null 2>/dev/null) >"$bin/Packages"
    gzip -9nc "$bin/Packages" >"$bin/Packages.gz"
    printf 'Archive: %s\nComponent: main\nOrigin: Proctor\nLabel: Proctor\nArchitecture: %s\n' "$suite" "$arch" >"$bin/Release"
  done
  {
    echo "Origin: Proctor"
    echo "Label: Proctor"
    echo "Suite: $suite"
    echo "Codename: $suite"
    echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
    echo "Architectures: ${archs//$'\n'/ }"
    echo "Components: main"
    echo "Description: Proctor packages"
    echo "SHA256:"
    (cd "$dists" && find main -type f | sort | while read -r f; do
      printf ' %s %16d %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"
    done)
  } >"$dists/Release"
  gpg_sign --clearsign --output "$dists/InRelease" "$dists/Release"
  gpg_sign --armor --detach-sign --output "$dists/Release.gpg" "$dists/Release"
  gpg --batch --export "$fpr" >"$repo/proctor-archive-keyring.gpg"
  gpg --batch --armor --export "$fpr" >"$repo/proctor-archive-keyring.asc"
  echo "sign: apt repository $repo (suite $suite: ${archs//$'\n'/ })"
fi
