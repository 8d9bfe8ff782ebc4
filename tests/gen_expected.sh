#!/bin/sh
# Regenerates the expected output of golden programs by running CPython 3.11 on each.
# Usage: tests/gen_expected.sh [tests/programs/NAME.py ...]   (default: every program)
set -u
python=/usr/bin/python3.11
dir=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$dir"/programs/*.py
for program in "$@"; do
  base=${program%.py}
  work=$(mktemp -d)
  cp "$program" "$work/"
  (cd "$work" && PYTHONHASHSEED=0 "$python" "$(basename "$program")" >stdout 2>stderr)
  status=$?
  cp "$work/stdout" "$base.out"
  if [ "$status" != 0 ]; then
    { echo "$status"; tail -n 1 "$work/stderr"; } >"$base.err"
  else
    rm -f "$base.err"
  fi
  rm -rf "$work"
done
