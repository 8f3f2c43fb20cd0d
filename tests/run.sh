#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the CTest suite against a throwaway PostgreSQL + Redis started in a temp dir, then stops them.
#   tests/run.sh BUILD_DIR [ctest args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: tests/run.sh BUILD_DIR [ctest args]}
shift

services=$(mktemp -d /tmp/proctor-test.XXXXXX)
cleanup() {
  bash "$root/installer/dev/services.sh" stop "$services" || true
  rm -rf "$services"
}
trap cleanup EXIT

bash "$root/installer/dev/services.sh" start "$services"
# shellcheck disable=SC1091
. "$services/env"
export PROCTOR_TEST_SERVICES_DIR=$services
export PROCTOR_ARTIFACTS_DIR=${PROCTOR_ARTIFACTS_DIR:-$root/build/test-artifacts}
mkdir -p "$PROCTOR_ARTIFACTS_DIR"

ctest --test-dir "$build" --output-on-failure --no-tests=error -j2 "$@"
