/* The character name table behind \N{NAME} escapes, shared by the lookup (lex_names.c) and the
 * data generated at build time from CPython 3.11's unicodedata (gen_unicode_names.py writes
 * lex_names_data.c into the build tree). Nothing outside the frontend sees these. */
#ifndef CELLAR_LEX_NAMES_H
#define CELLAR_LEX_NAMES_H

#include <stdint.h>

/* Names per front-coded bucket (gen_unicode_names.py's BUCKET). */
enum { LEX_NAME_BUCKET = 16 };

/* The sorted names (aliases included), front-coded: a bucket starts with a whole name; every
 * later name is one byte, the length of the prefix it shares with the name before it, then
 * the rest. Each name ends with a NUL. */
extern const int32_t lex_name_count;
extern const char lex_name_text[];
extern const uint32_t lex_name_buckets[];     /* offset in lex_name_text of each bucket */
extern const uint32_t lex_name_code_points[]; /* the code point of each name, in name order */

/* The ranges CPython names CJK UNIFIED IDEOGRAPH-XXXX by rule (its is_unified_ideograph). */
extern const int32_t lex_unified_ideograph_count;
extern const int32_t lex_unified_ideographs[][2];

#endif
