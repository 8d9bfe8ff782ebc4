#!/bin/sh
# Runs one embedding example and compares its stdout with the .out file beside its source
# (stderr carries timings, which vary, and is shown only on failure).
set -u
program=$1 expected=$2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$program" >"$out" 2>"$err"
status=$?
if [ $status -ne 0 ] || ! cmp -s "$expected" "$out"; then
  echo "exit status $status; stdout differs from $expected:"
  diff "$expected" "$out" | head -40
  echo "--- stderr:"; head -40 "$err"
  exit 1
fi
cat "$err"
