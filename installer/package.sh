#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make package`: the release directory from an existing build (nothing is rebuilt here).
#
#   installer/package.sh BUILD_DIR [OUT_DIR]          OUT_DIR defaults to BUILD_DIR/packages
#
# OUT_DIR gets proctor-collector and proctor-admin as .deb and .rpm (cpack), deploy.sh and verify.sh, and
#   - with PROCTOR_SIGNING_KEY set (see installer/signing/sign.sh): signed RPMs, FILE.asc for every artifact,
#     SHA256SUMS + SHA256SUMS.asc, the public key, and a signed apt repository in OUT_DIR/apt
#   - without it: SHA256SUMS only, and a clear "UNSIGNED" notice
# PROCTOR_PACKAGE_GENERATORS overrides the generators ("DEB;RPM").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: installer/package.sh BUILD_DIR [OUT_DIR]}" && pwd)
out=${2:-$build/packages}
generators=${PROCTOR_PACKAGE_GENERATORS:-DEB;RPM}

[ -f "$build/CPackConfig.cmake" ] || { echo "package: $build has no CPackConfig.cmake (configure it first)" >&2; exit 1; }
[ -x "$build/collector/proctor-collector" ] || { echo "package: $build is not built" >&2; exit 1; }
[ -f "$root/web-client/dist/index.html" ] || echo "package: warning: web-client/dist is not built; the web client is left out" >&2

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/.cpack" "$out/apt"
rm -f "$out"/*.deb "$out"/*.rpm "$out"/*.asc "$out"/*.sh "$out"/SHA256SUMS
stage=$out/.cpack
mkdir -p "$stage"

# cpack only runs the install scripts of the build tree, so this takes seconds, not a rebuild.
(cd "$stage" && cpack --config "$build/CPackConfig.cmake" -G "$generators" -B "$stage" >"$stage/cpack.log" 2>&1) || {
  cat "$stage/cpack.log" >&2
  echo "package: cpack failed" >&2
  exit 1
}
grep -i 'warning' "$stage/cpack.log" >&2 || true
find "$stage" -maxdepth 1 \( -name '*.deb' -o -name '*.rpm' \) -exec mv -f {} "$out/" \;
install -m 0755 "$root/installer/deploy/deploy.sh" "$root/installer/signing/verify.sh" "$out/"
rm -rf "$stage"

if [ -n "${PROCTOR_SIGNING_KEY:-}" ]; then
  bash "$root/installer/signing/sign.sh" --repo "$out/apt" "$out"
else
  (cd "$out" && sha256sum -- *.deb *.rpm *.sh >SHA256SUMS 2>/dev/null || sha256sum -- *.deb *.sh >SHA256SUMS)
  echo "package: UNSIGNED (set PROCTOR_SIGNING_KEY to sign; see installer/signing/sign.sh)" >&2
fi
echo "package: $out"
(cd "$out" && ls -l)
