/* The Unicode character database of CPython 3.11 (Unicode 14.0) as str needs it: the property
 * tests behind isalpha(), isdecimal(), isidentifier(), ... and the full case mappings behind
 * lower(), upper(), title() and casefold(). The tables are generated at build time from
 * CPython itself (gen_unicode_db.py), so they agree with it exactly. */
#ifndef CELLAR_UNICODE_H
#define CELLAR_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

/* Properties, as CPython's Py_UNICODE_IS* macros and str methods see them. */
typedef enum rt_unicode_property {
    RT_UNICODE_LOWER = 1 << 0,          /* Lowercase */
    RT_UNICODE_UPPER = 1 << 1,          /* Uppercase */
    RT_UNICODE_TITLE = 1 << 2,          /* titlecase letters (Lt), such as ǅ */
    RT_UNICODE_CASED = 1 << 3,          /* Cased: title() and the final-sigma rule */
    RT_UNICODE_CASE_IGNORABLE = 1 << 4, /* skipped by the final-sigma rule */
    RT_UNICODE_ALPHA = 1 << 5,          /* str.isalpha() */
    RT_UNICODE_DECIMAL = 1 << 6,        /* str.isdecimal(), and int() digits */
    RT_UNICODE_DIGIT = 1 << 7,          /* str.isdigit() */
    RT_UNICODE_NUMERIC = 1 << 8,        /* str.isnumeric() */
    RT_UNICODE_ID_START = 1 << 9,       /* may begin a str.isidentifier() identifier ('_' too) */
    RT_UNICODE_ID_CONTINUE = 1 << 10,   /* may continue one */
    RT_UNICODE_PRINTABLE = 1 << 11,     /* str.isprintable(), and repr() escaping */
} rt_unicode_property;

typedef enum rt_unicode_case { RT_CASE_LOWER, RT_CASE_UPPER, RT_CASE_TITLE, RT_CASE_FOLD } rt_unicode_case;

/* The longest full case mapping in Unicode 14.0 (ﬃ casefolds to "ffi"). */
enum { RT_UNICODE_MAX_MAPPING = 3 };

bool rt_unicode_is(uint32_t c, rt_unicode_property property);
/* The value of a decimal digit (any script's), or -1. */
int rt_unicode_decimal(uint32_t c);
/* The full mapping of c (SpecialCasing included: ß upper-cases to "SS"): writes 1 to
 * RT_UNICODE_MAX_MAPPING code points to out and returns how many. The final-sigma rule needs
 * context and is the caller's. */
int rt_unicode_map(uint32_t c, rt_unicode_case kind, uint32_t out[RT_UNICODE_MAX_MAPPING]);

#endif
