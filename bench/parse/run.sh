#!/bin/sh
# Parse benchmark: generates a ~10,000-line closure-heavy program (never committed), builds
# parse_bench with -O2 over frontend/*.c, and prints the median time of parse_module and of
# parse_module + scope_analyze. Target: parse + scopes under 50 ms.
#   bench/parse/run.sh [LINES] [RUNS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${BENCH_OUT:-$root/build-bench}
lines=${1:-10000}
runs=${2:-15}
mkdir -p "$out"
/usr/bin/python3.11 "$root/bench/parse/gen_program.py" "$lines" > "$out/program.py"
# The \N{...} name table is generated from CPython's unicodedata, as the CMake build does.
[ -f "$out/lex_names_data.c" ] || /usr/bin/python3.11 "$root/frontend/gen_unicode_names.py" \
    "$root/frontend/unicode_name_aliases.txt" "$out/lex_names_data.c"
${CC:-cc} -std=c11 -O2 -DNDEBUG -D_GNU_SOURCE -I"$root/frontend" \
    "$root/bench/parse/parse_bench.c" "$root"/frontend/*.c "$out/lex_names_data.c" -lgmp -lm -o "$out/parse_bench"
"$out/parse_bench" "$out/program.py" "$runs"
