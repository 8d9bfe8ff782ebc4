/* The layout of the generated character database (runtime/gen_unicode_db.py writes the tables
 * into the build tree). Only unicode.c and the generated file include this; the rest of the
 * runtime asks unicode.h. */
#ifndef CELLAR_UNICODE_DATA_H
#define CELLAR_UNICODE_DATA_H

#include <stdint.h>

/* Code points per block of the two-level table; must match SHIFT in gen_unicode_db.py. */
enum { RT_UNICODE_SHIFT = 7 };

/* A record with RT_UNICODE_EXTENDED in flags maps some case to several code points: each of
 * its four fields is then (length << 24 | offset) into rt_unicode_extended. Otherwise each
 * field is the difference from the code point to its mapping. */
enum { RT_UNICODE_EXTENDED = 1 << 12 };

typedef struct rt_unicode_record {
    int32_t lower, upper, title, fold;
    uint16_t flags; /* the RT_UNICODE_* properties of unicode.h, and RT_UNICODE_EXTENDED */
    int8_t decimal; /* the digit's value, or -1 */
} rt_unicode_record;

extern const rt_unicode_record rt_unicode_records[];
extern const uint32_t rt_unicode_extended[];
/* The block of code point c is rt_unicode_index1[c >> SHIFT]; its record index is entry
 * c & (2**SHIFT - 1) of that block in rt_unicode_index2. */
extern const uint16_t rt_unicode_index1[];
extern const uint16_t rt_unicode_index2[];

#endif
