#!/usr/bin/env bash
# Builds the SafetyPlanner fuzz target with libFuzzer and AddressSanitizer and runs it.
#
#   Tests/Fuzz/run.sh [runs] [more libFuzzer flags…]     (default: 1000000 runs)
#
# One job, one worker (the machine is shared). The committed seed corpus, corpus/, is only
# read; inputs the fuzzer finds go to .build-fuzz-work/corpus/ and crash, leak, timeout and
# out-of-memory artefacts to .build-fuzz-work/artifacts/, both git-ignored. Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

runs="${1:-1000000}"
shift || true

scratch="$here/.build-fuzz"
work="$here/.build-fuzz-work"
mkdir -p "$work/corpus" "$work/artifacts"

# The library modules and the target are all instrumented; libxml2 (a system library) is not.
# SwiftPM renames an executable's main to FuzzSafetyPlanner_main, which the target defines
# and which calls libFuzzer's LLVMFuzzerRunDriver (see README.md).
swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g \
    --product FuzzSafetyPlanner
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/FuzzSafetyPlanner"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"
exec "$binary" \
    -runs="$runs" -max_len=65536 -timeout=5 -rss_limit_mb=4096 \
    -dict="$here/xml.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$@" \
    "$work/corpus" "$here/corpus"
