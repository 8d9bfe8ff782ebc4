#!/usr/bin/python3.11
"""Writes the docstrings of the builtins and of the modules cellar provides (builtins_doc.c
looks them up), taken from CPython 3.11 itself so that every __doc__ reads as CPython's. Run at
build time by CMake; the output lives in the build tree and is never committed.

Usage: /usr/bin/python3.11 runtime/gen_docs.py OUTPUT_C

An entry is keyed by the qualified name cellar asks for: "builtins.len", "builtins.int",
"functools.reduce", or a module's own name for its docstring. It also records the __module__
CPython gives a function, which is not always the module it is found in (functools.reduce
comes from _functools), and a module's __file__ when CPython's is a source file (functools,
logging; the reference CPython's layout, which error messages and reprs show). Entries are
sorted by key for binary search."""
import builtins
import functools
import inspect
import logging
import math
import sys
import time

MODULES = [builtins, functools, logging, math, sys, time]  # the modules cellar provides


def entries():
    for module in MODULES:
        if module.__doc__:
            yield module.__name__, getattr(module, "__file__", None), module.__doc__
        for name in dir(module):
            value = getattr(module, name)
            if name.startswith("_") or not (inspect.isroutine(value) or isinstance(value, type)):
                continue
            doc = value.__doc__
            if isinstance(doc, str):
                yield f"{module.__name__}.{name}", getattr(value, "__module__", None), doc


def c_string(text):
    if text is None:
        return "NULL"
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= byte < 0x7F and ch != "?":  # "?" could start a trigraph
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def main():
    rows = sorted(entries())
    keys = [key for key, _, _ in rows]
    if len(keys) != len(set(keys)):
        sys.exit("gen_docs: duplicate keys")
    body = "\n".join(f"    {{{c_string(k)}, {c_string(m)},\n     {c_string(d)}}},"
                     for k, m, d in rows)
    with open(sys.argv[1], "w", encoding="ascii") as out:
        out.write(f"""/* Generated at build time by runtime/gen_docs.py from CPython {sys.version.split()[0]}: {len(rows)}
 * docstrings. Do not edit. */
#include "doc_data.h"

// clang-format off
const rt_doc_entry rt_doc_entries[] = {{
{body}
}};
// clang-format on

const size_t rt_doc_entry_count = {len(rows)};
""")


main()
