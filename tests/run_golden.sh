#!/bin/sh
# Runs one golden program through cellar and compares with CPython's recorded behaviour:
# stdout must match NAME.out exactly, with 0x... addresses normalised on both sides; a program
# with NAME.err must exit with the status on its first line and end stderr with its second.
set -u
cellar=$1 level=$2 program=$3
base=${program%.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$program" "$work/"
name=$(basename "$program")
(cd "$work" && "$cellar" "$level" "$name" >stdout 2>stderr)
status=$?
normalise() { sed -E 's/0x[0-9a-fA-F]+/0x.../g' "$1"; }
normalise "$work/stdout" >"$work/stdout.n"
if ! normalise "$base.out" | cmp -s - "$work/stdout.n"; then
  echo "stdout differs from $base.out:"
  normalise "$base.out" | diff - "$work/stdout.n" | head -40
  echo "--- stderr:"; head -40 "$work/stderr"
  exit 1
fi
if [ -f "$base.err" ]; then
  want_status=$(sed -n 1p "$base.err")
  want_last=$(sed -n 2p "$base.err")
  got_last=$(tail -n 1 "$work/stderr" | sed -E 's/0x[0-9a-fA-F]+/0x.../g')
  want_last=$(printf '%s\n' "$want_last" | sed -E 's/0x[0-9a-fA-F]+/0x.../g')
  if [ "$status" != "$want_status" ] || [ "$got_last" != "$want_last" ]; then
    echo "want exit $want_status and last stderr line: $want_last"
    echo "got  exit $status and stderr:"; cat "$work/stderr"
    exit 1
  fi
elif [ "$status" != 0 ]; then
  echo "exit status $status, stderr:"; cat "$work/stderr"
  exit 1
fi
exit 0
