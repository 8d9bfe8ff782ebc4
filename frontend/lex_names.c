/* \N{NAME} lookup, as the unicode-escape codec does it (CPython 3.11's unicodedata _getcode):
 * HANGUL SYLLABLE and CJK UNIFIED IDEOGRAPH names by rule (case-sensitively), every other name
 * and alias in the table generated from unicodedata, compared without regard to ASCII case. */
#include <string.h>

#include "lex_names.h"
#include "lexer.h"

/* CPython's NAME_MAXLEN: no name is longer, so a longer one is never looked up. */
enum { LEX_NAME_MAX = 256 };

static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

/* Whether `name` (length n) starts with `prefix`. CPython compares the two algorithmic
 * prefixes case-sensitively (strncmp), unlike the names in its table. */
static bool has_prefix(const char *name, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(name, prefix, k) == 0;
}

/* ---- Hangul syllables: HANGUL SYLLABLE + the short names of the three jamo ---------------- */

/* The jamo short names (Unicode's Jamo.txt): leading consonants, vowels, trailing consonants. */
static const char *const jamo_l[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                     "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
static const char *const jamo_v[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                     "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                     "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
static const char *const jamo_t[] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                     "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};
enum { HANGUL_BASE = 0xAC00, HANGUL_L = 19, HANGUL_V = 21, HANGUL_T = 28 };

/* The longest jamo of `table` that [*s, end) starts with, compared case-sensitively as CPython's
 * find_syllable does; advances *s past it. -1 when none matches. */
static int find_jamo(const char *const *table, int count, const char **s, const char *end)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t len = strlen(table[i]);
        if ((best < 0 || len > best_len) && (size_t)(end - *s) >= len &&
            memcmp(*s, table[i], len) == 0) {
            best = i;
            best_len = len;
        }
    }
    *s += best_len;
    return best;
}

static bool hangul_syllable(const char *name, size_t n, int32_t *cp)
{
    const char *s = name + strlen("HANGUL SYLLABLE "), *end = name + n;
    int l = find_jamo(jamo_l, HANGUL_L, &s, end);
    int v = find_jamo(jamo_v, HANGUL_V, &s, end);
    int t = find_jamo(jamo_t, HANGUL_T, &s, end);
    if (l < 0 || v < 0 || t < 0 || s != end)
        return false;
    *cp = HANGUL_BASE + (l * HANGUL_V + v) * HANGUL_T + t;
    return true;
}

/* ---- CJK unified ideographs: CJK UNIFIED IDEOGRAPH- + 4 or 5 uppercase hex digits ---------- */

static bool unified_ideograph(const char *name, size_t n, int32_t *cp)
{
    size_t k = strlen("CJK UNIFIED IDEOGRAPH-");
    if (n - k != 4 && n - k != 5)
        return false;
    int32_t v = 0;
    for (size_t i = k; i < n; i++) {
        char c = name[i];
        if (c >= '0' && c <= '9')
            v = v * 16 + (c - '0');
        else if (c >= 'A' && c <= 'F')
            v = v * 16 + (c - 'A' + 10);
        else
            return false;
    }
    for (int i = 0; i < lex_unified_ideograph_count; i++) {
        if (v >= lex_unified_ideographs[i][0] && v <= lex_unified_ideographs[i][1]) {
            *cp = v;
            return true;
        }
    }
    return false;
}

/* ---- The table: binary search over the buckets, then a walk through one bucket ----------- */

/* strcmp of the table name `entry` against the uppercased query `key` of length n. */
static int compare(const char *entry, const char *key, size_t n)
{
    size_t m = strlen(entry);
    int c = memcmp(entry, key, m < n ? m : n);
    return c != 0 ? c : (m > n) - (m < n);
}

static bool table_lookup(const char *key, size_t n, int32_t *cp)
{
    int32_t nbuckets = (lex_name_count + LEX_NAME_BUCKET - 1) / LEX_NAME_BUCKET;
    int32_t lo = 0, hi = nbuckets - 1;
    while (lo < hi) { /* the last bucket whose first name is <= key */
        int32_t mid = (lo + hi + 1) / 2;
        if (compare(lex_name_text + lex_name_buckets[mid], key, n) <= 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    char name[LEX_NAME_MAX + 1];
    const char *p = lex_name_text + lex_name_buckets[lo];
    for (int32_t i = lo * LEX_NAME_BUCKET; i < lex_name_count && i < (lo + 1) * LEX_NAME_BUCKET;
         i++) {
        size_t shared = i % LEX_NAME_BUCKET == 0 ? 0 : (unsigned char)*p++;
        size_t rest = strlen(p);
        memcpy(name + shared, p, rest + 1);
        p += rest + 1;
        if (compare(name, key, n) == 0) {
            *cp = (int32_t)lex_name_code_points[i];
            return true;
        }
    }
    return false;
}

bool lex_lookup_name(const char *name, size_t n, int32_t *code_point)
{
    if (n == 0 || n > LEX_NAME_MAX)
        return false;
    if (has_prefix(name, n, "HANGUL SYLLABLE "))
        return hangul_syllable(name, n, code_point);
    if (has_prefix(name, n, "CJK UNIFIED IDEOGRAPH-"))
        return unified_ideograph(name, n, code_point);
    char key[LEX_NAME_MAX];
    for (size_t i = 0; i < n; i++)
        key[i] = upper(name[i]);
    return table_lookup(key, n, code_point);
}
