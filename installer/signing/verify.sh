#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Verifies a signed Proctor release (and optionally its apt repository) against a release key you trust.
# Exits non-zero on the first doubt: a missing or bad signature, a checksum mismatch, an unsigned RPM.
#
#   verify.sh --keyring KEY DIR                  DIR as written by sign.sh
#   verify.sh --keyring KEY --repo REPO [--suite stable]
#   verify.sh --keyring KEY --repo REPO DIR      both
# KEY: the release public key, armored (.asc) or binary (.gpg). Get it from a channel you already trust,
# not from the directory being verified.
set -euo pipefail

keyring=""
repo=""
suite=stable
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keyring) keyring=$2; shift 2 ;;
    --repo) repo=$2; shift 2 ;;
    --suite) suite=$2; shift 2 ;;
    -h | --help) sed -n '3,11p' "$0"; exit 0 ;;
    -*) echo "verify: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
[ -n "$keyring" ] || { echo "verify: --keyring KEY is required" >&2; exit 2; }
[ -n "$dir$repo" ] || { echo "verify: nothing to verify (DIR and/or --repo)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# gpg never touches the caller's keyrings.
export GNUPGHOME=$tmp/gnupg
mkdir -m 700 "$GNUPGHOME"
failures=0
ok() { printf 'OK      %s\n' "$*"; }
bad() { printf 'FAILED  %s\n' "$*"; failures=$((failures + 1)); }

# gpgv wants a binary keyring.
if grep -q 'BEGIN PGP PUBLIC KEY BLOCK' "$keyring" 2>/dev/null; then
  gpg --batch --quiet --dearmor <"$keyring" >"$tmp/keyring.gpg"
else
  cp "$keyring" "$tmp/keyring.gpg"
fi
sigcheck() { gpgv --quiet --keyring "$tmp/keyring.gpg" "$@" >/dev/null 2>&1; }

if [ -n "$dir" ]; then
  [ -d "$dir" ] || { echo "verify: $dir is not a directory" >&2; exit 2; }
  if [ ! -f "$dir/SHA256SUMS" ] || [ ! -f "$dir/SHA256SUMS.asc" ]; then
    bad "$dir: SHA256SUMS or SHA256SUMS.asc missing"
  elif sigcheck "$dir/SHA256SUMS.asc" "$dir/SHA256SUMS"; then
    ok "SHA256SUMS signature"
    mapfile -t listed < <(awk '{sub(/^\*/, "", $2); print $2}' "$dir/SHA256SUMS")
    [ ${#listed[@]} -gt 0 ] || bad "SHA256SUMS lists nothing"
    for a in "${listed[@]}"; do
      [[ $a != */* && $a != .* ]] || { bad "$a: unexpected path in SHA256SUMS"; continue; }
      if [ ! -f "$dir/$a" ]; then bad "$a: missing"; continue; fi
      if (cd "$dir" && grep -E "^[0-9a-f]{64} [ *]$(printf '%s' "$a" | sed 's/[.[\*^$]/\\&/g')\$" SHA256SUMS | sha256sum --quiet --strict -c - >/dev/null 2>&1); then
        ok "$a checksum"
      else
        bad "$a checksum"
      fi
      if [ -f "$dir/$a.asc" ] && sigcheck "$dir/$a.asc" "$dir/$a"; then ok "$a signature"; else bad "$a signature"; fi
      if [[ $a == *.rpm ]]; then
        if command -v rpmkeys >/dev/null; then
          mkdir -p "$tmp/rpmdb"
          if [ ! -f "$tmp/rpmdb/.imported" ]; then
            gpg --batch --quiet --no-default-keyring --keyring "$tmp/keyring.gpg" --armor --export >"$tmp/key.asc" 2>/dev/null
            rpmkeys --dbpath "$tmp/rpmdb" --import "$tmp/key.asc" && touch "$tmp/rpmdb/.imported"
          fi
          out=$(rpmkeys --dbpath "$tmp/rpmdb" --checksig "$dir/$a" 2>&1 || true)
          if [[ $out == *"signatures OK"* ]]; then ok "$a embedded RPM signature"; else bad "$a embedded RPM signature: ${out##*: }"; fi
        else
          echo "note    rpmkeys not installed: embedded RPM signature of $a not checked"
        fi
      fi
    done
    for f in "$dir"/*; do
      b=$(basename "$f")
      case "$b" in SHA256SUMS | SHA256SUMS.asc | *.asc) continue ;; esac
      printf '%s\n' "${listed[@]}" | grep -qxF "$b" || echo "note    $b is not in SHA256SUMS (not verified)"
    done
  else
    bad "SHA256SUMS signature (not made by this key, or SHA256SUMS was changed)"
  fi
fi

if [ -n "$repo" ]; then
  d=$repo/dists/$suite
  if [ ! -f "$d/InRelease" ]; then
    bad "$d/InRelease missing"
  elif sigcheck "$d/InRelease"; then
    ok "InRelease signature"
    [ -f "$d/Release.gpg" ] && { sigcheck "$d/Release.gpg" "$d/Release" && ok "Release.gpg signature" || bad "Release.gpg signature"; }
    # What apt trusts is the clear-signed content of InRelease: check index files against it.
    gpgv --quiet --keyring "$tmp/keyring.gpg" --output "$tmp/Release" "$d/InRelease" >/dev/null 2>&1
    while read -r hash size path; do
      if [ ! -f "$d/$path" ]; then bad "$path: listed in Release but missing"; continue; fi
      [ "$(sha256sum "$d/$path" | cut -d' ' -f1)" = "$hash" ] && [ "$(stat -c %s "$d/$path")" = "$size" ] \
        && ok "$path" || bad "$path: does not match Release"
    done < <(awk '/^SHA256:/ {on = 1; next} /^[^ ]/ {on = 0} on {print $1, $2, $3}' "$tmp/Release")
    # ...and every package against its index.
    for pk in "$d"/main/binary-*/Packages; do
      while IFS='|' read -r file sha; do
        if [ ! -f "$repo/$file" ]; then bad "$file: in Packages but missing"; continue; fi
        [ "$(sha256sum "$repo/$file" | cut -d' ' -f1)" = "$sha" ] && ok "$file" || bad "$file: does not match Packages"
      done < <(awk '/^Filename:/ {f = $2} /^SHA256:/ {print f "|" $2}' "$pk")
    done
  else
    bad "InRelease signature"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "verify: $failures check(s) FAILED: do not install these files" >&2
  exit 1
fi
echo "verify: all checks passed"
