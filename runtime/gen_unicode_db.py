#!/usr/bin/python3.11
"""Writes the character database behind str's case mappings and character tests (unicode.c
looks code points up in it), taken from CPython 3.11's own str methods and unicodedata so that
cellar agrees with CPython exactly. Run at build time by CMake; the output lives in the build
tree and is never committed.

Usage: /usr/bin/python3.11 runtime/gen_unicode_db.py OUTPUT_C

Each code point gets a record: its property flags (see unicode_data.h), its decimal digit value
and its four full case mappings (lower, upper, title, casefold). A mapping to one code point is
stored as the difference from it; when any of the four maps to several code points, the record
is marked extended and each field holds (length << 24 | offset) into the extended array.
Equal records are shared, and code points find theirs through a two-level table: blocks of
2**SHIFT code points, with equal blocks shared (CPython's makeunicodedata does the same).

Every property is read off CPython's behaviour rather than the Unicode data files, so it is the
property CPython itself uses: Cased is what str.title() treats as cased, Case_Ignorable what the
final-sigma rule of str.lower() skips over."""
import sys
import unicodedata

SHIFT = 7  # must match RT_UNICODE_SHIFT in unicode_data.h
FLAGS = ["LOWER", "UPPER", "TITLE", "CASED", "CASE_IGNORABLE", "ALPHA", "DECIMAL", "DIGIT",
         "NUMERIC", "ID_START", "ID_CONTINUE", "PRINTABLE", "EXTENDED"]  # as unicode_data.h
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}


def is_cased(ch):
    # str.title() lowercases a letter that follows a cased character.
    return (ch + "A").title()[-1] == "a"


def is_case_ignorable(ch, cased):
    # Final sigma: a cased letter, case-ignorables, then Σ, with no cased letter after the
    # case-ignorables that follow it.
    if cased:
        return ("A\u03a3" + ch).lower()[1] == "\u03c2"
    return ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"


def flags_of(ch):
    cased = is_cased(ch)
    tests = {
        # A single character: islower() is Lowercase, isupper() Uppercase, and istitle() is
        # Uppercase or Titlecase (the three are disjoint; checked below).
        "LOWER": ch.islower(), "UPPER": ch.isupper(), "TITLE": ch.istitle() and not ch.isupper(),
        "CASED": cased, "CASE_IGNORABLE": is_case_ignorable(ch, cased),
        "ALPHA": ch.isalpha(), "DECIMAL": ch.isdecimal(), "DIGIT": ch.isdigit(),
        "NUMERIC": ch.isnumeric(), "ID_START": ch.isidentifier(),
        "ID_CONTINUE": ("a" + ch).isidentifier(), "PRINTABLE": ch.isprintable(),
    }
    return sum(BIT[name] for name, on in tests.items() if on)


def build():
    """The record index of every code point, the distinct records, the extended array."""
    per_code_point, records, record_of, extended, extended_at = [], [], {}, [], {}
    for c in range(0x110000):
        ch = chr(c)
        flags = flags_of(ch)
        if (flags & BIT["TITLE"]) != (BIT["TITLE"] if unicodedata.category(ch) == "Lt" else 0):
            sys.exit(f"gen_unicode_db: U+{c:04X}: case flags are not disjoint")
        maps = [ch.lower(), ch.upper(), ch.title(), ch.casefold()]
        if max(len(m) for m in maps) > 3:
            sys.exit(f"gen_unicode_db: U+{c:04X}: a case mapping longer than 3")
        if all(len(m) == 1 for m in maps):
            fields = tuple(ord(m) - c for m in maps)
        else:
            flags |= BIT["EXTENDED"]
            for m in maps:
                if m not in extended_at:
                    extended_at[m] = len(extended)
                    extended.extend(ord(x) for x in m)
            fields = tuple(len(m) << 24 | extended_at[m] for m in maps)
        record = fields + (flags, unicodedata.decimal(ch, -1))
        if record not in record_of:
            record_of[record] = len(records)
            records.append(record)
        per_code_point.append(record_of[record])
    return per_code_point, records, extended


def numbers(values, per_line=16):
    values = list(values)
    return "\n".join("    " + " ".join(f"{v}," for v in values[i:i + per_line])
                     for i in range(0, len(values), per_line))


def main():
    per_code_point, records, extended = build()
    blocks, block_of, index1 = [], {}, []
    for start in range(0, 0x110000, 1 << SHIFT):
        block = tuple(per_code_point[start:start + (1 << SHIFT)])
        if block not in block_of:
            block_of[block] = len(blocks)
            blocks.append(block)
        index1.append(block_of[block])
    if len(blocks) > 0xFFFF or len(records) > 0xFFFF:
        sys.exit("gen_unicode_db: the tables outgrew uint16_t indices")
    rows = "\n".join(f"    {{{l}, {u}, {t}, {f}, 0x{flags:X}, {d}}},"
                     for l, u, t, f, flags, d in records)
    with open(sys.argv[1], "w", encoding="ascii") as out:
        out.write(f"""/* Generated at build time by runtime/gen_unicode_db.py from CPython 3.11
 * (Unicode {unicodedata.unidata_version}): {len(records)} records, {len(blocks)} blocks. Do not edit. */
#include "unicode_data.h"

// clang-format off
const rt_unicode_record rt_unicode_records[] = {{
{rows}
}};

const uint32_t rt_unicode_extended[] = {{
{numbers(extended)}
}};

const uint16_t rt_unicode_index1[] = {{
{numbers(index1)}
}};

const uint16_t rt_unicode_index2[] = {{
{numbers(v for block in blocks for v in block)}
}};
// clang-format on
""")


main()
