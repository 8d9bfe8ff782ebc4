#!/bin/bash
# The benchmark suite of issue 5 (`make bench`): closure programs, decorator overhead, cold
# start and memory, each under cellar, CPython 3.11 and whichever of PyPy, LuaJIT, node and C
# are installed (`make bench` installs PyPy, LuaJIT and gnuplot first); results into
# docs/performance.md. See bench/runner.py for the options:
#   BENCH_RUNS=3 bash bench/run.sh [suite|deco|coldstart|memory]... [--only a,b] [--no-doc]
set -eu
cd "$(dirname "$0")/.."
exec /usr/bin/python3.11 bench/runner.py "$@"
