#!/bin/sh
# Builds the embedding API's tests (tests/unit/engine_api*.c) with AddressSanitizer in their own
# build directory and runs them. The collector and ASan coexist with the defaults: Boehm takes
# its heap from mmap, not malloc, so ASan neither checks GC memory nor reports it as leaked,
# while it does check, and leak-check, everything the API itself mallocs. (Use-after-free of GC
# memory is the job of -DCELLAR_GC_STRESS=ON.) No GC_DONT_GC is needed. ASan's quarantine of
# freed malloc memory is kept small: at its default (256 MiB) the memory LLVM frees with each
# VM stays resident, and the thousand-VM test's RSS bound (64 MiB) would measure ASan instead
# of cellar (119 MiB of growth at the default, 1 MiB at 8 MiB, on the same build).
# usage: tests/embed/run_asan.sh [BUILD_DIR]   (default: build-asan)
set -eu
source=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$source/build-asan}
flags="-fsanitize=address -fno-omit-frame-pointer"
cmake -S "$source" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address \
  -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address >/dev/null
tests="engine_api engine_api_host engine_api_typed engine_api_limits"
cmake --build "$build" -j 2 --target $tests
status=0
export ASAN_OPTIONS="quarantine_size_mb=8${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
for t in $tests; do
  "$build/tests/$t" --jobs 1 || status=1
done
exit $status
