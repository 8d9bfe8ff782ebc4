#!/bin/sh
# Builds the frontend fuzz target (parser + scope analysis) with libFuzzer, ASan and UBSan
# over frontend/*.c, then fuzzes for ${FUZZ_SECONDS:-300} seconds starting from the committed
# seed corpus. New inputs, the binary and any crash artifacts go to ${FUZZ_OUT:-build-fuzz}/,
# never into the source tree. Extra arguments are passed to libFuzzer (e.g. -jobs=2).
#   tests/fuzz/run.sh                      # 5 minutes
#   FUZZ_SECONDS=30 ASAN_OPTIONS=detect_leaks=1 tests/fuzz/run.sh
#   FUZZ_CFLAGS=-fno-sanitize=pointer-overflow tests/fuzz/run.sh
#   tests/fuzz/run.sh build-fuzz/crash-...  (after a build: replays one input)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$root/build-fuzz}
cc=${FUZZ_CC:-clang-19}
if ! command -v "$cc" >/dev/null 2>&1; then
    CELLAR_FUZZ=1 "$root/scripts/install-deps.sh"
fi
mkdir -p "$out/corpus"
# The \N{...} name table is generated from CPython's unicodedata, as the CMake build does.
[ -f "$out/lex_names_data.c" ] || /usr/bin/python3.11 "$root/frontend/gen_unicode_names.py" \
    "$root/frontend/unicode_name_aliases.txt" "$out/lex_names_data.c"

# -fno-sanitize-recover makes UBSan findings crashes libFuzzer keeps as artifacts;
# FUZZ_CFLAGS adds flags (e.g. -fno-sanitize=pointer-overflow to get past a known finding).
"$cc" -std=c11 -g -O1 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined ${FUZZ_CFLAGS:-} \
    -I"$root/frontend" "$root/tests/fuzz/fuzz_frontend.c" "$root"/frontend/*.c "$out/lex_names_data.c" \
    -lgmp -lm -o "$out/fuzz_frontend"

if [ $# -gt 0 ] && [ -f "$1" ]; then
    exec "$out/fuzz_frontend" "$@"
fi
# Inputs up to 4 KB keep executions fast; -timeout flags anything slower than 5 seconds per
# input (the frontend is linear, so that is a bug too).
exec "$out/fuzz_frontend" -max_total_time="${FUZZ_SECONDS:-300}" -max_len=4096 -timeout=5 \
    -rss_limit_mb=2048 -dict="$root/tests/fuzz/python.dict" -artifact_prefix="$out/" \
    -print_final_stats=1 "$@" "$out/corpus" "$root/tests/fuzz/corpus"
