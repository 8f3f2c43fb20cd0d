#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Verifies a signed Proctor release (and optionally its apt repository) against a release key you trust.
# Exits non-zero on the first doubt: a missing or bad signature, a checksum mismatch, an unsigned RPM, or a
# file in DIR that SHA256SUMS does not list (a package dropped into a signed folder is an attack, not a note).
#
#   verify.sh --keyring KEY DIR                  DIR as written by sign.sh
#   verify.sh --keyring KEY --repo REPO [--suite stable]
#   verify.sh --keyring KEY --repo REPO DIR      both
#   verify.sh --allow-unsigned DIR               checksums only (SHA256SUMS still required): for unsigned
#                                                development builds, and only when asked for explicitly
#   ... --stage STAGE [--newest PACKAGE] DIR     after the checks, copy the listed files into STAGE (a new
#                                                private directory) and check them again there; with
#                                                --newest, print the staged path of the highest version of
#                                                PACKAGE_*.deb (dpkg --compare-versions), so an installer
#                                                installs exactly a file that was verified
# KEY: the release public key, armored (.asc) or binary (.gpg). Get it from a channel you already trust,
# not from the directory being verified.
set -euo pipefail

keyring=""
repo=""
suite=stable
dir=""
unsigned=no
stage=""
newest=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keyring) keyring=$2; shift 2 ;;
    --repo) repo=$2; shift 2 ;;
    --suite) suite=$2; shift 2 ;;
    --allow-unsigned) unsigned=yes; shift ;;
    --stage) stage=$2; shift 2 ;;
    --newest) newest=$2; shift 2 ;;
    -h | --help) sed -n '3,21p' "$0"; exit 0 ;;
    -*) echo "verify: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
if [ -z "$keyring" ] && [ "$unsigned" = no ]; then
  echo "verify: --keyring KEY is required (or --allow-unsigned for checksums only)" >&2
  exit 2
fi
[ -n "$keyring" ] && [ "$unsigned" = yes ] && { echo "verify: --keyring and --allow-unsigned exclude each other" >&2; exit 2; }
[ -n "$dir$repo" ] || { echo "verify: nothing to verify (DIR and/or --repo)" >&2; exit 2; }
[ -z "$repo" ] || [ -n "$keyring" ] || { echo "verify: --repo needs --keyring" >&2; exit 2; }
[ -z "$stage$newest" ] || [ -n "$dir" ] || { echo "verify: --stage and --newest need DIR" >&2; exit 2; }
[ -z "$newest" ] || [ -n "$stage" ] || { echo "verify: --newest needs --stage" >&2; exit 2; }
if [ -n "$stage" ] && [ -e "$stage" ] && [ -n "$(ls -A "$stage" 2>/dev/null)" ]; then
  echo "verify: --stage $stage must be a new or empty directory" >&2
  exit 2
fi

# With --newest, stdout carries only the chosen path; the report goes to stderr.
exec 3>&1
[ -z "$newest" ] || exec 1>&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# gpg never touches the caller's keyrings.
export GNUPGHOME=$tmp/gnupg
mkdir -m 700 "$GNUPGHOME"
failures=0
ok() { printf 'OK      %s\n' "$*"; }
bad() { printf 'FAILED  %s\n' "$*"; failures=$((failures + 1)); }

# gpgv wants a binary keyring.
if [ -z "$keyring" ]; then
  :
elif grep -q 'BEGIN PGP PUBLIC KEY BLOCK' "$keyring" 2>/dev/null; then
  gpg --batch --quiet --dearmor <"$keyring" >"$tmp/keyring.gpg"
else
  cp "$keyring" "$tmp/keyring.gpg" || { echo "verify: cannot read the keyring $keyring" >&2; exit 2; }
fi
sigcheck() { gpgv --quiet --keyring "$tmp/keyring.gpg" "$@" >/dev/null 2>&1; }

# One listed file: its checksum (against the SHA256SUMS copy that was verified) and, when signed, its
# detached signature and embedded RPM signature.
check_listed() { # DIR FILE
  local d=$1 a=$2 out
  if [ ! -f "$d/$a" ]; then bad "$a: missing"; return; fi
  if [ "$(sha256sum <"$d/$a" | cut -d' ' -f1)" = "${sums[$a]}" ]; then ok "$a checksum"; else bad "$a checksum"; fi
  [ "$unsigned" = yes ] && return
  if [ -f "$d/$a.asc" ] && sigcheck "$d/$a.asc" "$d/$a"; then ok "$a signature"; else bad "$a signature"; fi
  if [[ $a == *.rpm ]]; then
    if command -v rpmkeys >/dev/null; then
      mkdir -p "$tmp/rpmdb"
      if [ ! -f "$tmp/rpmdb/.imported" ]; then
        gpg --batch --quiet --no-default-keyring --keyring "$tmp/keyring.gpg" --armor --export >"$tmp/key.asc" 2>/dev/null
        rpmkeys --dbpath "$tmp/rpmdb" --import "$tmp/key.asc" && touch "$tmp/rpmdb/.imported"
      fi
      out=$(rpmkeys --dbpath "$tmp/rpmdb" --checksig "$d/$a" 2>&1 || true)
      if [[ $out == *"signatures OK"* ]]; then ok "$a embedded RPM signature"; else bad "$a embedded RPM signature: ${out##*: }"; fi
    else
      echo "note    rpmkeys not installed: embedded RPM signature of $a not checked"
    fi
  fi
}

declare -A sums=()
listed=()
if [ -n "$dir" ]; then
  [ -d "$dir" ] || { echo "verify: $dir is not a directory" >&2; exit 2; }
  sums_ok=no
  if [ ! -f "$dir/SHA256SUMS" ]; then
    bad "$dir: SHA256SUMS missing"
  elif [ "$unsigned" = yes ]; then
    echo "note    --allow-unsigned: no signature is checked, only checksums"
    sums_ok=yes
  elif [ ! -f "$dir/SHA256SUMS.asc" ]; then
    bad "$dir: SHA256SUMS.asc missing (the release is not signed; unsigned installs need --allow-unsigned)"
  elif sigcheck "$dir/SHA256SUMS.asc" "$dir/SHA256SUMS"; then
    ok "SHA256SUMS signature"
    sums_ok=yes
  else
    bad "SHA256SUMS signature (not made by this key, or SHA256SUMS was changed)"
  fi
  if [ "$sums_ok" = yes ]; then
    # Read the verified bytes once, from a private copy: the directory may change under us.
    cp "$dir/SHA256SUMS" "$tmp/SHA256SUMS"
    while read -r hash name; do
      name=${name#\*}
      if [[ ! $hash =~ ^[0-9a-f]{64}$ ]] || [ -z "$name" ] || [[ $name == */* || $name == .* ]]; then
        bad "SHA256SUMS: unexpected line for '$name'"
        continue
      fi
      sums[$name]=$hash
      listed+=("$name")
    done <"$tmp/SHA256SUMS"
    [ ${#listed[@]} -gt 0 ] || bad "SHA256SUMS lists nothing"
    for a in "${listed[@]}"; do check_listed "$dir" "$a"; done
    # Anything else in the folder is refused: installers must never meet a file nobody signed.
    for f in "$dir"/* "$dir"/.[!.]*; do
      [ -e "$f" ] || continue
      b=$(basename "$f")
      [ -n "${sums[$b]+x}" ] && continue
      case "$b" in
        SHA256SUMS | SHA256SUMS.asc | proctor-release-key.asc) continue ;;
        *.asc) [ -n "${sums[${b%.asc}]+x}" ] && continue ;;
      esac
      if [ -d "$f" ] && [ "$b" = apt ]; then
        continue # the apt repository has its own signed index (--repo)
      fi
      bad "$b is not listed in SHA256SUMS"
    done
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

if [ -n "$stage" ]; then
  # Copy, then check the copies: what gets installed is exactly what was verified, even if DIR changes now.
  (umask 077 && mkdir -p "$stage")
  for a in "${listed[@]}"; do
    cp -- "$dir/$a" "$stage/$a"
    [ "$(sha256sum <"$stage/$a" | cut -d' ' -f1)" = "${sums[$a]}" ] || bad "$a changed while it was being copied"
  done
  if [ "$failures" -gt 0 ]; then
    rm -rf "$stage"
    echo "verify: $failures check(s) FAILED: do not install these files" >&2
    exit 1
  fi
fi
echo "verify: all checks passed"

if [ -n "$newest" ]; then
  best="" best_version=""
  for a in "${listed[@]}"; do
    [[ $a == "${newest}"_*.deb ]] || continue
    v=$(dpkg-deb -f "$stage/$a" Version 2>/dev/null) || { echo "verify: $a is not a .deb" >&2; exit 1; }
    [ "$(dpkg-deb -f "$stage/$a" Package)" = "$newest" ] || continue
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best_version"; then
      best=$a best_version=$v
    fi
  done
  [ -n "$best" ] || { echo "verify: no verified ${newest}_*.deb in $dir" >&2; exit 1; }
  echo "$stage/$best" >&3
fi
