/* Unit tests for the generated character database (unicode.h): properties and full case
 * mappings. Every expectation was computed by /usr/bin/python3.11; the comment above each
 * check names the Python that gives it. */
#include <criterion/criterion.h>

#include "unicode.h"

/* The mapping of c as a NUL-terminated array of code points. */
static const uint32_t *mapped(uint32_t c, rt_unicode_case kind)
{
    static uint32_t out[RT_UNICODE_MAX_MAPPING + 1];
    int n = rt_unicode_map(c, kind, out);
    cr_assert(n >= 1 && n <= RT_UNICODE_MAX_MAPPING);
    out[n] = 0;
    return out;
}

static void expect_mapping(uint32_t c, rt_unicode_case kind, const uint32_t *want)
{
    const uint32_t *got = mapped(c, kind);
    for (int i = 0; want[i] || got[i]; i++)
        cr_expect_eq(got[i], want[i], "U+%04X (case %d): code point %d is U+%04X, want U+%04X",
                     c, kind, i, got[i], want[i]);
}

Test(unicode, titlecase_letters)
{
    /* 'ǅ'.lower(), .upper(), .title(); 'ǅ'.isupper(), .islower(), .istitle() */
    expect_mapping(0x1C5, RT_CASE_LOWER, (uint32_t[]){0x1C6, 0});
    expect_mapping(0x1C5, RT_CASE_UPPER, (uint32_t[]){0x1C4, 0});
    expect_mapping(0x1C6, RT_CASE_TITLE, (uint32_t[]){0x1C5, 0});
    cr_expect(rt_unicode_is(0x1C5, RT_UNICODE_TITLE) && rt_unicode_is(0x1C5, RT_UNICODE_CASED));
    cr_expect(!rt_unicode_is(0x1C5, RT_UNICODE_UPPER) && !rt_unicode_is(0x1C5, RT_UNICODE_LOWER));
}

Test(unicode, special_casing)
{
    /* 'ß'.upper() == 'SS', .title() == 'Ss', .casefold() == 'ss', .lower() == 'ß' */
    expect_mapping(0xDF, RT_CASE_UPPER, (uint32_t[]){'S', 'S', 0});
    expect_mapping(0xDF, RT_CASE_TITLE, (uint32_t[]){'S', 's', 0});
    expect_mapping(0xDF, RT_CASE_FOLD, (uint32_t[]){'s', 's', 0});
    expect_mapping(0xDF, RT_CASE_LOWER, (uint32_t[]){0xDF, 0});
    /* 'ﬃ'.upper() == 'FFI', .title() == 'Ffi'; '\U00010400'.lower() == '\U00010428' */
    expect_mapping(0xFB03, RT_CASE_UPPER, (uint32_t[]){'F', 'F', 'I', 0});
    expect_mapping(0xFB03, RT_CASE_TITLE, (uint32_t[]){'F', 'f', 'i', 0});
    expect_mapping(0x10400, RT_CASE_LOWER, (uint32_t[]){0x10428, 0});
    /* beyond Unicode: no mapping */
    expect_mapping(0x110000, RT_CASE_UPPER, (uint32_t[]){0x110000, 0});
}

Test(unicode, properties)
{
    /* '\u0345' is cased and case-ignorable (the final-sigma rule skips it) */
    cr_expect(rt_unicode_is(0x345, RT_UNICODE_CASED));
    cr_expect(rt_unicode_is(0x345, RT_UNICODE_CASE_IGNORABLE));
    /* '²': isdigit() but not isdecimal(); 'Ⅻ': isnumeric() but not isdigit(); '٣' is 3 */
    cr_expect(rt_unicode_is(0xB2, RT_UNICODE_DIGIT) && !rt_unicode_is(0xB2, RT_UNICODE_DECIMAL));
    cr_expect(rt_unicode_is(0x216B, RT_UNICODE_NUMERIC) &&
              !rt_unicode_is(0x216B, RT_UNICODE_DIGIT));
    cr_expect_eq(rt_unicode_decimal(0x663), 3);
    cr_expect_eq(rt_unicode_decimal(0xB2), -1);
    /* '·'.isidentifier() is False, ('a' + '·').isidentifier() is True */
    cr_expect(!rt_unicode_is(0xB7, RT_UNICODE_ID_START));
    cr_expect(rt_unicode_is(0xB7, RT_UNICODE_ID_CONTINUE));
    /* '\xad' and '\u3000' are not printable, 'é' is */
    cr_expect(!rt_unicode_is(0xAD, RT_UNICODE_PRINTABLE));
    cr_expect(!rt_unicode_is(0x3000, RT_UNICODE_PRINTABLE));
    cr_expect(rt_unicode_is(0xE9, RT_UNICODE_PRINTABLE));
}
