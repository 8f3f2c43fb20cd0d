#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make bench`: every benchmark, each printing one JSON object; copies go to build/bench-results/.
#   tests/bench/run.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: tests/bench/run.sh BUILD_DIR}
out=$root/build/bench-results
mkdir -p "$out"

services=$(mktemp -d /tmp/proctor-bench-services.XXXXXX)
trap 'bash "$root/installer/dev/services.sh" stop "$services"; rm -rf "$services"' EXIT
bash "$root/installer/dev/services.sh" start "$services"
# shellcheck disable=SC1091
. "$services/env"

"$build/tests/bench/dtw/bench_dtw" | tee "$out/dtw.json"
# Validation of the calibrated cross-session factors on the public development data (../shared/data beside
# the checkout unless PROCTOR_DEV_DATA says otherwise).
"$build/tests/bench/analysis/bench_analysis" "${PROCTOR_DEV_DATA:-$root/../shared/data}" | tee "$out/analysis.json"
bash "$root/tests/bench/ingest/run.sh" "$build/collector/proctor-collector" "${BENCH_SECONDS:-10}" | tee "$out/ingest.json"
# Review reads at 1M sessions / 50M events on a cluster of its own, kept between runs (README "Benchmarks").
bash "$root/tests/bench/review/run.sh" "$build/collector/proctor-collector" | tee "$out/review.json"
