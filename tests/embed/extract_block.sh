#!/bin/sh
# Prints the fenced block that follows the line "<!-- embed-test: NAME -->" in a Markdown file
# (without its fences) into OUT: how the tests compile docs/embedding.md's example as written.
set -eu
doc=$1 name=$2 out=$3
awk -v marker="<!-- embed-test: $name -->" '
  $0 == marker { armed = 1; next }
  armed && /^```/ { if (inside) exit; inside = 1; next }
  inside { print }
' "$doc" >"$out"
[ -s "$out" ] || { echo "extract_block: no block marked '$name' in $doc" >&2; exit 1; }
