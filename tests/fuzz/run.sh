#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang in BUILD_ROOT/fuzz and runs each for SECONDS on a copy of its
# committed corpus (tests/fuzz/corpus/<target>, with <target>.dict when present). Prints one JSON line per
# target and fails on any crash, leak, timeout, out-of-memory or sanitizer report.
#   tests/fuzz/run.sh BUILD_ROOT SECONDS_PER_TARGET [TARGET...]
# Findings are kept in BUILD_ROOT/fuzz/findings/<target>/; reproduce one with
#   BUILD_ROOT/fuzz/<target> BUILD_ROOT/fuzz/findings/<target>/crash-…
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build_root=${1:?usage: tests/fuzz/run.sh BUILD_ROOT SECONDS_PER_TARGET [TARGET...]}
seconds=${2:?usage: tests/fuzz/run.sh BUILD_ROOT SECONDS_PER_TARGET [TARGET...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_http_request fuzz_json_body fuzz_test_definition fuzz_headers fuzz_query)
fi
mkdir -p "$build_root"
build=$(cd "$build_root" && pwd)/fuzz
mkdir -p "$build"

for tool in clang clang++ cmake ninja; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool is missing (installer/dev/deps.sh installs it)" >&2; exit 1; }
done
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Debug keeps assertions (Q_ASSERT, assert) on; tests/fuzz/CMakeLists.txt adds -O1.
started=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug -DPROCTOR_FUZZ=ON -DPROCTOR_BUILD_DESKTOP=OFF "${launcher[@]}" >"$build/configure.log" 2>&1 \
  || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"${PROCTOR_FUZZ_BUILD_JOBS:-2}" --target "${targets[@]}" >"$build/build.log" 2>&1 \
  || { tail -n 60 "$build/build.log" >&2; exit 1; }
echo "fuzz: built ${targets[*]} in $(($(date +%s) - started)) s" >&2

# Inputs over these sizes only slow the search down: the limits they would test are scaled down in the targets.
declare -A max_len=([fuzz_http_request]=4096 [fuzz_json_body]=8192 [fuzz_test_definition]=16384
                    [fuzz_headers]=512 [fuzz_query]=2048)
failed=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  findings=$build/findings/$target
  rm -rf "$corpus" "$findings"
  mkdir -p "$corpus" "$findings"
  if [ -d "$here/corpus/$target" ]; then
    cp "$here/corpus/$target"/* "$corpus"/
  fi
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="${max_len[$target]:-4096}"
        -artifact_prefix="$findings/" -print_final_stats=1)
  if [ -f "$here/$target.dict" ]; then
    args+=(-dict="$here/$target.dict")
  fi
  log=$build/$target.log
  rc=0
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    "$build/$target" "${args[@]}" "$corpus" >"$log" 2>&1 || rc=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
  findings_count=$(find "$findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
                   -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
  reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|invariant broken' "$log" || true)
  crashes=$((findings_count > reports ? findings_count : reports))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes=1
  fi
  printf '{"target":"%s","seconds":%s,"runs":%s,"corpus_size":%s,"crashes":%s}\n' \
    "$target" "$seconds" "${runs:-0}" "$(find "$corpus" -type f | wc -l)" "$crashes"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    echo "fuzz: $target failed (exit $rc); log $log, inputs in $findings" >&2
    grep -m 40 -A 30 -E 'ERROR: |runtime error:|invariant broken' "$log" >&2 || tail -n 40 "$log" >&2
  fi
done
echo "fuzz: done in $(($(date +%s) - started)) s" >&2
exit $failed
