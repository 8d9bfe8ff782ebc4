#!/usr/bin/env bash
# Builds bench_embed.c against a cellar build (default: build/), Lua 5.4 (liblua5.4-dev) and
# CPython 3.11 (python3-dev), runs it and prints the table. With --update-docs it also puts
# the table into docs/performance.md, between the embed:start and embed:end markers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build
update=0
for arg in "$@"; do
  case $arg in
    --update-docs) update=1 ;;
    *) build=$(cd "$arg" && pwd) ;;
  esac
done
llvm_config=/usr/lib/llvm-19/bin/llvm-config
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -O2 -std=c11 -D_GNU_SOURCE -o "$out/bench_embed" "$here/bench_embed.c" -I"$root/include" \
  $(pkg-config --cflags lua5.4 python3-embed) \
  "$build/libcellar.a" $(pkg-config --libs bdw-gc) -lgmp \
  $("$llvm_config" --link-static --ldflags --libs core orcjit native passes analysis support \
    executionengine target --system-libs) \
  $(pkg-config --libs lua5.4 python3-embed) -lstdc++ -lm -lpthread
table=$("$out/bench_embed")
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "$table"
echo
echo "Machine: $cpu; cellar $(git -C "$root" rev-parse --short HEAD)."
if [ $update = 1 ]; then
  python3 - "$root/docs/performance.md" "$table" "$cpu" "$(git -C "$root" rev-parse --short HEAD)" <<'PY'
import re, sys
path, table, cpu, head = sys.argv[1:5]
text = open(path).read()
start, end = "<!-- embed:start -->", "<!-- embed:end -->"
body = text[text.index(start) + len(start):text.index(end)]
marker = "<!-- embed:table -->"
if marker not in body:
    sys.exit("docs/performance.md: no <!-- embed:table --> inside the embed section")
before, _, rest = body.partition(marker)
after = rest[rest.index("<!-- embed:table-end -->"):]
new = f"{before}{marker}\n{table}\n\nMachine: {cpu}; cellar {head}.\n{after}"
open(path, "w").write(text.replace(body, new))
PY
fi
