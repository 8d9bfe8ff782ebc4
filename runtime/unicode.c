/* Lookups in the generated character database (layout in unicode_data.h). */
#include "unicode.h"

#include "unicode_data.h"

static const rt_unicode_record *record_of(uint32_t c)
{
    uint32_t key = c <= 0x10FFFF ? c : 0xFFFF; /* a noncharacter: no properties, no mapping */
    uint32_t block = rt_unicode_index1[key >> RT_UNICODE_SHIFT];
    uint32_t at = (block << RT_UNICODE_SHIFT) + (key & ((1u << RT_UNICODE_SHIFT) - 1));
    return &rt_unicode_records[rt_unicode_index2[at]];
}

bool rt_unicode_is(uint32_t c, rt_unicode_property property)
{
    return (record_of(c)->flags & property) != 0;
}

int rt_unicode_decimal(uint32_t c) { return record_of(c)->decimal; }

int rt_unicode_map(uint32_t c, rt_unicode_case kind, uint32_t out[RT_UNICODE_MAX_MAPPING])
{
    const rt_unicode_record *r = record_of(c);
    int32_t field = kind == RT_CASE_LOWER   ? r->lower
                    : kind == RT_CASE_UPPER ? r->upper
                    : kind == RT_CASE_TITLE ? r->title
                                            : r->fold;
    if (!(r->flags & RT_UNICODE_EXTENDED)) {
        out[0] = c + (uint32_t)field;
        return 1;
    }
    int n = field >> 24;
    for (int i = 0; i < n; i++)
        out[i] = rt_unicode_extended[(field & 0xFFFFFF) + i];
    return n;
}
