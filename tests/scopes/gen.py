#!/usr/bin/python3.11
"""Writes tests/scopes/NAME.expected for every tests/scopes/NAME.py from CPython 3.11 itself.

For a program that compiles: one line per code object, walking co_consts recursively in
pre-order (a code object, then the code objects among its co_consts in co_consts order, which
is the order CPython compiled them), each line

    QUALNAME varnames=(...) cellvars=(...) freevars=(...) args=N posonly=N kwonly=N line=N

For a program CPython rejects at compile time, the single line

    KIND LINENO OFFSET END_LINENO END_OFFSET MESSAGE

co_consts order is the order CPython's compiler made the nested code objects (decorators,
then defaults, then annotations, then the body; a comprehension's code before its first
iterable; a finally body first compiled at the first return/break/continue leaving it), and
cellar's scope tree keeps children in that same order, so tests/unit/frontend_scope.c prints
it with the same pre-order walk. A comprehension's co_varnames start with its `.0` argument.

Cases stay clear of unreachable code that contains a def, lambda or comprehension: CPython
3.11 drops such a code object from co_consts when no reachable instruction loads a constant
added after it (trim_unused_consts cuts only the tail), while scope analysis, which models
neither reachability nor the constant table, keeps every scope it compiles.

Run with /usr/bin/python3.11 from anywhere; it rewrites every .expected file."""
import pathlib
import sys
import types

HERE = pathlib.Path(__file__).resolve().parent


def code_lines(code, out):
    out.append(f"{code.co_qualname} varnames={code.co_varnames!r} cellvars={code.co_cellvars!r} "
               f"freevars={code.co_freevars!r} args={code.co_argcount} "
               f"posonly={code.co_posonlyargcount} kwonly={code.co_kwonlyargcount} "
               f"line={code.co_firstlineno}")
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            code_lines(const, out)


def expected(path):
    source = path.read_bytes()
    try:
        code = compile(source, path.name, "exec", dont_inherit=True)
    except (SyntaxError, RecursionError) as e:
        if isinstance(e, RecursionError):
            return [f"RecursionError 0 0 0 0 {e}"]
        return [f"{type(e).__name__} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.msg}"]
    out = []
    code_lines(code, out)
    return out


def main():
    assert sys.version_info[:2] == (3, 11), "run with /usr/bin/python3.11"
    for path in sorted(HERE.glob("*.py")):
        if path.name == "gen.py":
            continue
        path.with_suffix(".expected").write_text("\n".join(expected(path)) + "\n")


if __name__ == "__main__":
    main()
