#!/usr/bin/python3.11
"""Writes the table behind \\N{NAME} escapes (lex_names.c looks names up in it), taken from
CPython 3.11's own unicodedata so that cellar accepts exactly the names CPython does. Run at
build time by CMake; the output lives in the build tree and is never committed.

Usage: /usr/bin/python3.11 frontend/gen_unicode_names.py ALIASES_TXT OUTPUT_C

The table holds every character name unicodedata.name() knows, except the two algorithmic
families CPython's lookup handles by rule before it searches its table (HANGUL SYLLABLE ...
and CJK UNIFIED IDEOGRAPH-XXXX, see lex_names.c), plus the name aliases of ALIASES_TXT.
Python can look aliases up but not list them, so the committed list (Unicode 14.0's
NameAliases.txt, names only) supplies the candidates and unicodedata.lookup() their code
points; named sequences are left out, as the unicode-escape codec rejects them.

Names are sorted and front-coded in buckets of LEX_NAME_BUCKET: a bucket starts with a whole
name, and each later name is one byte (the length of the prefix it shares with the name
before it) followed by the rest; every name ends with a NUL."""
import sys
import unicodedata

BUCKET = 16  # must match LEX_NAME_BUCKET in lex_names.h
ALGORITHMIC = ("HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-")


def character_names():
    names, ideographs = {}, []
    for c in range(0x110000):
        name = unicodedata.name(chr(c), None)
        if name is None:
            continue
        if unicodedata.lookup(name) != chr(c):
            sys.exit(f"gen_unicode_names: lookup({name!r}) is not U+{c:04X}")
        if name.startswith(ALGORITHMIC[1]):
            ideographs.append(c)
        elif not name.startswith(ALGORITHMIC[0]):
            names[name] = c
    return names, ideographs


def add_aliases(names, path):
    with open(path, encoding="ascii") as f:
        aliases = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for alias in aliases:
        try:
            value = unicodedata.lookup(alias)
        except KeyError:
            sys.exit(f"gen_unicode_names: {path}: unicodedata does not know {alias!r}")
        if len(value) != 1 or unicodedata.name(value, None) == alias or alias in names:
            sys.exit(f"gen_unicode_names: {path}: {alias!r} is not a name alias")
        names[alias] = ord(value)


def ranges(code_points):
    out = []
    for c in code_points:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def c_string(data):
    """A C string literal of bytes, split into lines; octal escapes for non-letters."""
    lines, line = [], ""
    for b in data:
        ch = chr(b)
        piece = ch if ch.isalnum() or ch in " -" else f"\\{b:03o}"
        line += piece
        if len(line) >= 88:
            lines.append(f'    "{line}"')
            line = ""
    if line:
        lines.append(f'    "{line}"')
    return "\n".join(lines)


def numbers(values, per_line=10):
    rows = [", ".join(f"0x{v:X}" for v in values[i:i + per_line])
            for i in range(0, len(values), per_line)]
    return "\n".join(f"    {row}," for row in rows)


def front_code(sorted_names):
    text, buckets = bytearray(), []
    for i, name in enumerate(sorted_names):
        raw = name.encode("ascii")
        if i % BUCKET == 0:
            buckets.append(len(text))
            text += raw
        else:
            prev = sorted_names[i - 1].encode("ascii")
            shared = 0
            while shared < min(len(prev), len(raw), 255) and prev[shared] == raw[shared]:
                shared += 1
            text.append(shared)
            text += raw[shared:]
        text.append(0)
    return bytes(text), buckets


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[4])
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_unicode_names: needs CPython 3.11, whose unicodedata cellar matches")
    names, ideographs = character_names()
    add_aliases(names, sys.argv[1])
    order = sorted(names)
    text, buckets = front_code(order)
    unified = ranges(ideographs)
    out = [
        "/* \\N{NAME} lookup table, generated at build time by frontend/gen_unicode_names.py",
        f" * from CPython {sys.version.split()[0]}'s unicodedata (Unicode "
        f"{unicodedata.unidata_version}). Do not edit. */",
        '#include "lex_names.h"',
        "",
        "// clang-format off",
        f"const int32_t lex_name_count = {len(order)};",
        "",
        "const char lex_name_text[] =",
        c_string(text) + ";",
        "",
        f"const uint32_t lex_name_buckets[{len(buckets)}] = {{",
        numbers(buckets),
        "};",
        "",
        f"const uint32_t lex_name_code_points[{len(order)}] = {{",
        numbers([names[n] for n in order]),
        "};",
        "",
        f"const int32_t lex_unified_ideograph_count = {len(unified)};",
        f"const int32_t lex_unified_ideographs[{len(unified)}][2] = {{",
        "\n".join(f"    {{0x{a:X}, 0x{b:X}}}," for a, b in unified),
        "};",
        "// clang-format on",
        "",
    ]
    with open(sys.argv[2], "w", encoding="ascii") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
