#!/bin/sh
# Runs programs through lowering and the reference IR interpreter (interp.py) and compares
# their output with CPython's: tests/ir/cases/NAME.py against NAME.out by default, or the given
# golden programs (tests/programs/NAME.py against NAME.out, and NAME.err's last line).
#   tests/ir/run.sh path/to/cellar [PROGRAM.py...]
set -u
cellar=$1
shift
here=$(dirname "$0")
[ $# -gt 0 ] || set -- "$here"/cases/*.py
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for program in "$@"; do
  base=${program%.py}
  status=0
  "$cellar" --emit-ir "$program" >"$work/ir" 2>"$work/err" &&
    python3 "$here/interp.py" "$work/ir" >"$work/out" 2>"$work/err" || status=$?
  ok=1
  cmp -s "$base.out" "$work/out" || ok=0
  if [ -f "$base.err" ]; then
    [ "$status" = "$(sed -n 1p "$base.err")" ] &&
      [ "$(tail -n 1 "$work/err")" = "$(sed -n 2p "$base.err")" ] || ok=0
  elif [ "$status" != 0 ]; then
    ok=0
  fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $program"; fi
done
echo "pass=$pass fail=$fail"
[ $fail = 0 ]
