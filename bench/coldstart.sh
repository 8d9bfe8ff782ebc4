#!/bin/bash
# Cold start: every tests/programs/seed_*.py as a whole process, cellar vs CPython 3.11, median
# of BENCH_COLD_RUNS (default 5) runs; the table goes into docs/performance.md.
set -eu
cd "$(dirname "$0")/.."
exec /usr/bin/python3.11 bench/runner.py coldstart "$@"
