#!/bin/sh
# Regenerates the frontend's expected outputs with CPython 3.11:
#   ast/NAME.py    -> ast/NAME.ast     ast.dump(ast.parse(src), indent=2, include_attributes=True)
#   ast_noattr/NAME.py -> ast_noattr/NAME.ast   the same without include_attributes
#   syntax/NAME.py -> syntax/NAME.err  the full stderr of running the file as prog.py
# Usage: tests/frontend/gen.sh [FILE.py ...]   (default: every file in both directories)
set -u
python=/usr/bin/python3.11
dir=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$dir"/ast/*.py "$dir"/ast_noattr/*.py "$dir"/syntax/*.py
for file in "$@"; do
  base=${file%.py}
  case $file in
  *ast_noattr/*)
    "$python" -c 'import ast, sys
print(ast.dump(ast.parse(open(sys.argv[1], encoding="utf-8").read()), indent=2))' "$file" >"$base.ast"
    ;;
  *ast/*)
    "$python" -c 'import ast, sys
print(ast.dump(ast.parse(open(sys.argv[1], encoding="utf-8").read()), indent=2,
               include_attributes=True))' "$file" >"$base.ast"
    ;;
  *syntax/*)
    # Hand-written expectations (a first line "# expected by hand") are left alone: they
    # cover inputs where cellar deliberately differs from CPython 3.11.
    if head -n 1 "$file" | grep -q '^# expected by hand'; then continue; fi
    work=$(mktemp -d)
    cp "$file" "$work/prog.py"
    (cd "$work" && "$python" prog.py >/dev/null 2>stderr)
    # CPython names the script by its absolute path; the tests call it prog.py.
    sed "s|$work/prog.py|prog.py|g" "$work/stderr" >"$base.err"
    rm -rf "$work"
    ;;
  esac
done
