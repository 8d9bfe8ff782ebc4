/* The methods of str (self is the str), with CPython 3.11's argument errors. Searching works
 * on UTF-8 bytes (a match of valid UTF-8 is always character-aligned) and converts between
 * code-point and byte positions at the edges. Case mapping and character classes come from
 * the character database generated from CPython 3.11 (unicode.h), so they are exact. */
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "format.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

/* --- character classes and case mapping ------------------------------------------------------ */

static bool is_upper(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_UPPER); }
static bool is_lower(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_LOWER); }
static bool is_title(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_TITLE); }
static bool is_cased(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_CASED); }
static bool is_decimal(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_DECIMAL); }
static bool is_digit(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_DIGIT); }
static bool is_numeric(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_NUMERIC); }
static bool is_alpha(uint32_t c) { return rt_unicode_is(c, RT_UNICODE_ALPHA); }
/* CPython's isalnum: alpha, decimal, digit or numeric; numeric includes the other two. */
static bool is_alnum(uint32_t c) { return is_alpha(c) || is_numeric(c); }

/* --- argument helpers ------------------------------------------------------------------------ */

static bool no_keywords(rt_vm *vm, const char *qualname, rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0) {
        rt_raise_format(vm, &rt_type_error_type, "%s() takes no keyword arguments", qualname);
        return false;
    }
    return true;
}

/* METH_VARARGS wording: "find() takes at least 1 argument (0 given)". */
static bool varargs(rt_vm *vm, const char *name, size_t nargs, rt_value kwnames, size_t min,
                    size_t max)
{
    char qualname[64];
    snprintf(qualname, sizeof qualname, "str.%s", name);
    if (!no_keywords(vm, qualname, kwnames))
        return false;
    if (nargs < min || nargs > max) {
        size_t bound = nargs < min ? min : max;
        rt_raise_format(vm, &rt_type_error_type, "%s() takes %s %zu argument%s (%zu given)", name,
                        nargs < min ? "at least" : "at most", bound, bound == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

/* Argument Clinic positional-only wording: "center expected at least 1 argument, got 0". */
static bool positional(rt_vm *vm, const char *name, size_t nargs, rt_value kwnames, size_t min,
                       size_t max)
{
    char qualname[64];
    snprintf(qualname, sizeof qualname, "str.%s", name);
    if (!no_keywords(vm, qualname, kwnames))
        return false;
    return rt_check_args(vm, name, nargs, 0, min, (long)max);
}

/* Positional-or-keyword parameters `names` (split(sep, maxsplit)); missing ones stay 0. */
static bool keyword_args(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                         rt_value kwnames, const char *const *names, size_t count, rt_value *out)
{
    if (nargs > count) {
        rt_raise_format(vm, &rt_type_error_type, "%s() takes at most %zu argument%s (%zu given)",
                        name, count, count == 1 ? "" : "s", nargs);
        return false;
    }
    for (size_t k = 0; k < count; k++)
        out[k] = k < nargs ? args[k] : 0;
    size_t nkw = kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
    for (size_t j = 0; j < nkw; j++) {
        rt_value key = rt_as_tuple(kwnames)->items[j];
        size_t k = 0;
        while (k < count && !rt_str_equal_cstr(key, names[k]))
            k++;
        if (k == count) {
            rt_raise_format(vm, &rt_type_error_type, "'%U' is an invalid keyword argument for %s()",
                            key, name);
            return false;
        }
        if (out[k]) {
            rt_raise_format(vm, &rt_type_error_type,
                            "argument for %s() given by name ('%s') and position (%zu)", name,
                            names[k], k + 1);
            return false;
        }
        out[k] = args[nargs + j];
    }
    return true;
}

static bool require_str(rt_vm *vm, rt_value v, const char *fmt)
{
    if (rt_is_type(v, &rt_str_type))
        return true;
    rt_raise_format(vm, &rt_type_error_type, fmt, v);
    return false;
}

/* An index-sized integer argument (width, count): TypeError or OverflowError as CPython. */
static bool size_arg(rt_vm *vm, rt_value v, int64_t *out)
{
    if (!rt_is_int(v)) {
        rt_raise_format(vm, &rt_type_error_type, "'%T' object cannot be interpreted as an integer",
                        v);
        return false;
    }
    if (!rt_int_to_int64(v, out)) {
        rt_raise_msg(vm, &rt_overflow_error_type, "Python int too large to convert to C ssize_t");
        return false;
    }
    return true;
}

/* start/end of find(), count(), startswith(): None or an int, clamped like a slice. */
static bool slice_bound(rt_vm *vm, rt_value v, int64_t *out, int64_t fallback)
{
    if (!v || v == RT_NONE) {
        *out = fallback;
        return true;
    }
    if (!rt_is_int(v)) {
        rt_raise_msg(vm, &rt_type_error_type,
                     "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    if (!rt_int_to_int64(v, out))
        *out = rt_int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    return true;
}

/* CPython's ADJUST_INDICES. */
static void adjust_indices(int64_t *start, int64_t *end, int64_t length)
{
    if (*end > length)
        *end = length;
    else if (*end < 0 && (*end += length) < 0)
        *end = 0;
    if (*start < 0 && (*start += length) < 0)
        *start = 0;
}

static bool range_args(rt_vm *vm, size_t nargs, const rt_value *args, int64_t length,
                       int64_t *start, int64_t *end)
{
    if (!slice_bound(vm, nargs > 1 ? args[1] : 0, start, 0) ||
        !slice_bound(vm, nargs > 2 ? args[2] : 0, end, INT64_MAX / 2))
        return false;
    adjust_indices(start, end, length);
    return true;
}

/* --- positions ------------------------------------------------------------------------------- */

static int64_t str_len(rt_value s) { return rt_as_str(s)->length; }

static int64_t byte_to_index(rt_value s, int64_t offset)
{
    if (rt_as_str(s)->ascii)
        return offset;
    int64_t index = 0;
    const char *d = rt_str_data(s);
    for (int64_t i = 0; i < offset; i++)
        index += ((unsigned char)d[i] & 0xC0) != 0x80;
    return index;
}

/* Byte position of the first (or last) match of sub in s[start:end), or -1. */
static int64_t find_bytes(rt_value s, rt_value sub, int64_t start, int64_t end, bool last)
{
    const char *d = rt_str_data(s), *n = rt_str_data(sub);
    int64_t from = rt_str_byte_offset(s, start), to = rt_str_byte_offset(s, end);
    int64_t size = rt_str_size(sub);
    if (to - from < size)
        return -1;
    if (!last) {
        const char *hit = memmem(d + from, (size_t)(to - from), n, (size_t)size);
        return hit ? hit - d : -1;
    }
    for (int64_t i = to - size; i >= from; i--)
        if (memcmp(d + i, n, (size_t)size) == 0)
            return i;
    return -1;
}

/* Code-point index of sub in s[start:end] (find/rfind/index/rindex), -1 if absent. */
static int64_t find_index(rt_value s, rt_value sub, int64_t start, int64_t end, bool last)
{
    if (start > str_len(s))
        return -1;
    if (end - start < str_len(sub))
        return -1;
    int64_t hit = find_bytes(s, sub, start, end, last);
    return hit < 0 ? -1 : byte_to_index(s, hit);
}

static rt_value find_common(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                            const rt_value *args, rt_value kwnames, bool last, bool raise)
{
    int64_t start, end;
    if (!varargs(vm, name, nargs, kwnames, 1, 3) ||
        !require_str(vm, args[0], "must be str, not %T") ||
        !range_args(vm, nargs, args, str_len(self), &start, &end))
        return RT_ERROR;
    int64_t i = find_index(self, args[0], start, end, last);
    if (i < 0 && raise)
        return rt_raise_msg(vm, &rt_value_error_type, "substring not found");
    return rt_int_from_int64(i);
}

static rt_value str_find(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    return find_common(vm, "find", self, nargs, args, kwnames, false, false);
}

static rt_value str_rfind(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return find_common(vm, "rfind", self, nargs, args, kwnames, true, false);
}

static rt_value str_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return find_common(vm, "index", self, nargs, args, kwnames, false, true);
}

static rt_value str_rindex(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return find_common(vm, "rindex", self, nargs, args, kwnames, true, true);
}

static rt_value str_count(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    int64_t start, end;
    if (!varargs(vm, "count", nargs, kwnames, 1, 3) ||
        !require_str(vm, args[0], "must be str, not %T") ||
        !range_args(vm, nargs, args, str_len(self), &start, &end))
        return RT_ERROR;
    rt_value sub = args[0];
    if (start > str_len(self) || end < start)
        return rt_small_int(0);
    if (rt_str_size(sub) == 0)
        return rt_int_from_int64(end - start + 1);
    int64_t count = 0, to = rt_str_byte_offset(self, end);
    int64_t from = rt_str_byte_offset(self, start), size = rt_str_size(sub);
    const char *d = rt_str_data(self);
    while (to - from >= size) {
        const char *hit = memmem(d + from, (size_t)(to - from), rt_str_data(sub), (size_t)size);
        if (!hit)
            break;
        count++;
        from = hit - d + size;
    }
    return rt_int_from_int64(count);
}

/* CPython's tailmatch for one prefix/suffix. */
static bool tail_match(rt_value s, rt_value sub, int64_t start, int64_t end, bool suffix)
{
    int64_t n = str_len(sub);
    if (start > str_len(s) || end - start < n)
        return false;
    int64_t at = suffix ? end - n : start;
    int64_t from = rt_str_byte_offset(s, at);
    return memcmp(rt_str_data(s) + from, rt_str_data(sub), (size_t)rt_str_size(sub)) == 0;
}

static rt_value starts_ends(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                            const rt_value *args, rt_value kwnames, bool suffix)
{
    int64_t start, end;
    if (!varargs(vm, name, nargs, kwnames, 1, 3) ||
        !range_args(vm, nargs, args, str_len(self), &start, &end))
        return RT_ERROR;
    rt_value what = args[0];
    if (rt_is_type(what, &rt_tuple_type)) {
        for (int64_t k = 0; k < rt_as_tuple(what)->size; k++) {
            rt_value item = rt_as_tuple(what)->items[k];
            if (!rt_is_type(item, &rt_str_type))
                return rt_raise_format(vm, &rt_type_error_type,
                                       "tuple for %s must only contain str, not %T", name, item);
            if (tail_match(self, item, start, end, suffix))
                return RT_TRUE;
        }
        return RT_FALSE;
    }
    if (!rt_is_type(what, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "%s first arg must be str or a tuple of str, not %T", name, what);
    return rt_bool(tail_match(self, what, start, end, suffix));
}

static rt_value str_startswith(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    return starts_ends(vm, "startswith", self, nargs, args, kwnames, false);
}

static rt_value str_endswith(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    return starts_ends(vm, "endswith", self, nargs, args, kwnames, true);
}

/* --- building new strings -------------------------------------------------------------------- */

static rt_value str_replace(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    int64_t count = -1;
    if (!positional(vm, "replace", nargs, kwnames, 2, 3) ||
        !require_str(vm, args[0], "replace() argument 1 must be str, not %T") ||
        !require_str(vm, args[1], "replace() argument 2 must be str, not %T") ||
        (nargs > 2 && !size_arg(vm, args[2], &count)))
        return RT_ERROR;
    rt_value old = args[0], new = args[1];
    const char *d = rt_str_data(self);
    int64_t size = rt_str_size(self), osize = rt_str_size(old);
    rt_strbuf b;
    rt_strbuf_init(&b);
    int64_t i = 0;
    if (osize == 0) {
        /* An empty pattern matches before every character and at the end. */
        for (; count != 0 && i <= size; count--) {
            rt_strbuf_append(&b, rt_str_data(new), (size_t)rt_str_size(new));
            if (i == size) {
                i++;
                break;
            }
            size_t len;
            rt_utf8_decode(d + i, &len);
            rt_strbuf_append(&b, d + i, len);
            i += (int64_t)len;
        }
        if (i < size)
            rt_strbuf_append(&b, d + i, (size_t)(size - i));
        return rt_strbuf_finish(&b);
    }
    for (; count != 0; count--) {
        const char *hit = memmem(d + i, (size_t)(size - i), rt_str_data(old), (size_t)osize);
        if (!hit)
            break;
        rt_strbuf_append(&b, d + i, (size_t)(hit - d - i));
        rt_strbuf_append(&b, rt_str_data(new), (size_t)rt_str_size(new));
        i = hit - d + osize;
    }
    rt_strbuf_append(&b, d + i, (size_t)(size - i));
    return rt_strbuf_finish(&b);
}

typedef enum case_kind { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE,
                         CASE_FOLD } case_kind;

static int64_t prev_char(const char *d, int64_t end);

/* CPython's handle_capital_sigma: the Σ at d[at..next) is final (ς) when a cased character
 * precedes it and none follows, looking past case-ignorable characters both ways. */
static bool final_sigma(const char *d, int64_t size, int64_t at, int64_t next)
{
    size_t len;
    uint32_t c;
    int64_t j = at;
    do {
        if (j == 0)
            return false;
        j = prev_char(d, j);
        c = rt_utf8_decode(d + j, &len);
    } while (rt_unicode_is(c, RT_UNICODE_CASE_IGNORABLE));
    if (!is_cased(c))
        return false;
    for (j = next; j < size; j += (int64_t)len) {
        c = rt_utf8_decode(d + j, &len);
        if (!rt_unicode_is(c, RT_UNICODE_CASE_IGNORABLE))
            return !is_cased(c);
    }
    return true;
}

/* Which mapping the character c gets, as CPython's do_upper, do_swapcase, do_title, ...
 * choose; -1 keeps it as it is. */
static int mapping_for(case_kind kind, uint32_t c, bool first, bool previous_cased)
{
    switch (kind) {
    case CASE_UPPER: return RT_CASE_UPPER;
    case CASE_LOWER: return RT_CASE_LOWER;
    case CASE_FOLD: return RT_CASE_FOLD;
    case CASE_CAPITALIZE: return first ? RT_CASE_TITLE : RT_CASE_LOWER;
    case CASE_TITLE: return previous_cased ? RT_CASE_LOWER : RT_CASE_TITLE;
    case CASE_SWAP: return is_upper(c) ? RT_CASE_LOWER : is_lower(c) ? RT_CASE_UPPER : -1;
    }
    return -1;
}

/* Appends the full mapping of the character c at d[at..at+len) (ß upper-cases to "SS");
 * lowering Σ follows the final-sigma rule, as CPython's lower_ucs4. */
static void append_mapped(rt_strbuf *b, const char *d, int64_t size, int64_t at, size_t len,
                          uint32_t c, rt_unicode_case mapping)
{
    uint32_t out[RT_UNICODE_MAX_MAPPING];
    int n = 1;
    if (c == 0x3A3 && mapping == RT_CASE_LOWER)
        out[0] = final_sigma(d, size, at, at + (int64_t)len) ? 0x3C2 : 0x3C3;
    else
        n = rt_unicode_map(c, mapping, out);
    char buf[4];
    for (int i = 0; i < n; i++)
        rt_strbuf_append(b, buf, rt_utf8_encode(out[i], buf));
}

static rt_value change_case(rt_value self, case_kind kind)
{
    const char *d = rt_str_data(self);
    int64_t size = rt_str_size(self);
    rt_strbuf b;
    rt_strbuf_init(&b);
    bool previous_cased = false;
    for (int64_t i = 0; i < size;) {
        size_t len;
        uint32_t c = rt_utf8_decode(d + i, &len);
        int mapping = mapping_for(kind, c, i == 0, previous_cased);
        if (mapping < 0)
            rt_strbuf_append(&b, d + i, len);
        else
            append_mapped(&b, d, size, i, len, c, (rt_unicode_case)mapping);
        previous_cased = is_cased(c);
        i += (int64_t)len;
    }
    return rt_strbuf_finish(&b);
}

static rt_value no_arg_case(rt_vm *vm, const char *qualname, rt_value self, size_t nargs,
                            rt_value kwnames, case_kind kind)
{
    if (!rt_check_args(vm, qualname, nargs, kwnames, 0, 0))
        return RT_ERROR;
    return change_case(self, kind);
}

static rt_value str_upper(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return no_arg_case(vm, "str.upper", self, nargs, kwnames, CASE_UPPER);
}

static rt_value str_lower(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return no_arg_case(vm, "str.lower", self, nargs, kwnames, CASE_LOWER);
}

static rt_value str_casefold(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    return no_arg_case(vm, "str.casefold", self, nargs, kwnames, CASE_FOLD);
}

static rt_value str_swapcase(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    return no_arg_case(vm, "str.swapcase", self, nargs, kwnames, CASE_SWAP);
}

static rt_value str_capitalize(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    return no_arg_case(vm, "str.capitalize", self, nargs, kwnames, CASE_CAPITALIZE);
}

static rt_value str_title(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return no_arg_case(vm, "str.title", self, nargs, kwnames, CASE_TITLE);
}

/* center/ljust/rjust(width[, fillchar]) */
static bool fill_args(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                      rt_value kwnames, int64_t *width, rt_value *fill)
{
    if (!positional(vm, name, nargs, kwnames, 1, 2) || !size_arg(vm, args[0], width))
        return false;
    *fill = 0;
    if (nargs < 2)
        return true;
    if (!rt_is_type(args[1], &rt_str_type)) {
        rt_raise_format(vm, &rt_type_error_type,
                        "The fill character must be a unicode character, not %T", args[1]);
        return false;
    }
    if (str_len(args[1]) != 1) {
        rt_raise_msg(vm, &rt_type_error_type, "The fill character must be exactly one character long");
        return false;
    }
    *fill = args[1];
    return true;
}

static void append_repeated(rt_strbuf *b, rt_value fill, int64_t count)
{
    for (int64_t k = 0; k < count; k++) {
        if (fill)
            rt_strbuf_append(b, rt_str_data(fill), (size_t)rt_str_size(fill));
        else
            rt_strbuf_append_char(b, ' ');
    }
}

static rt_value padded(rt_value self, int64_t left, int64_t right, rt_value fill)
{
    if (left <= 0 && right <= 0)
        return self;
    rt_strbuf b;
    rt_strbuf_init(&b);
    append_repeated(&b, fill, left);
    rt_strbuf_append(&b, rt_str_data(self), (size_t)rt_str_size(self));
    append_repeated(&b, fill, right);
    return rt_strbuf_finish(&b);
}

static rt_value str_center(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    int64_t width;
    rt_value fill;
    if (!fill_args(vm, "center", nargs, args, kwnames, &width, &fill))
        return RT_ERROR;
    int64_t margin = width - str_len(self);
    if (margin <= 0)
        return self;
    int64_t left = margin / 2 + (margin & width & 1); /* CPython's rounding */
    return padded(self, left, margin - left, fill);
}

static rt_value str_ljust(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    int64_t width;
    rt_value fill;
    if (!fill_args(vm, "ljust", nargs, args, kwnames, &width, &fill))
        return RT_ERROR;
    return padded(self, 0, width - str_len(self), fill);
}

static rt_value str_rjust(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    int64_t width;
    rt_value fill;
    if (!fill_args(vm, "rjust", nargs, args, kwnames, &width, &fill))
        return RT_ERROR;
    return padded(self, width - str_len(self), 0, fill);
}

static rt_value str_zfill(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    int64_t width;
    if (!rt_check_args(vm, "str.zfill", nargs, kwnames, 1, 1) || !size_arg(vm, args[0], &width))
        return RT_ERROR;
    int64_t fill = width - str_len(self);
    if (fill <= 0)
        return self;
    const char *d = rt_str_data(self);
    size_t sign = rt_str_size(self) > 0 && (d[0] == '+' || d[0] == '-');
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append(&b, d, sign);
    for (int64_t k = 0; k < fill; k++)
        rt_strbuf_append_char(&b, '0');
    rt_strbuf_append(&b, d + sign, (size_t)rt_str_size(self) - sign);
    return rt_strbuf_finish(&b);
}

static rt_value str_expandtabs(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    static const char *const names[] = {"tabsize"};
    rt_value arg;
    int64_t tabsize = 8;
    if (!keyword_args(vm, "expandtabs", nargs, args, kwnames, names, 1, &arg) ||
        (arg && !size_arg(vm, arg, &tabsize)))
        return RT_ERROR;
    const char *d = rt_str_data(self);
    rt_strbuf b;
    rt_strbuf_init(&b);
    int64_t column = 0;
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        uint32_t c = rt_utf8_decode(d + i, &len);
        if (c == '\t') {
            int64_t spaces = tabsize > 0 ? tabsize - column % tabsize : 0;
            for (int64_t k = 0; k < spaces; k++)
                rt_strbuf_append_char(&b, ' ');
            column += spaces;
        } else {
            rt_strbuf_append(&b, d + i, len);
            column = c == '\n' || c == '\r' ? 0 : column + 1;
        }
        i += (int64_t)len;
    }
    return rt_strbuf_finish(&b);
}

/* --- strip, split, join, partition ------------------------------------------------------------ */

static bool in_chars(rt_value chars, uint32_t c)
{
    if (!chars)
        return rt_codepoint_isspace(c);
    char buf[4];
    size_t len = rt_utf8_encode(c, buf);
    return memmem(rt_str_data(chars), (size_t)rt_str_size(chars), buf, len) != NULL;
}

/* Byte offset of the start of the character that ends at `end`. */
static int64_t prev_char(const char *d, int64_t end)
{
    int64_t i = end - 1;
    while (i > 0 && ((unsigned char)d[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static rt_value strip(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                      const rt_value *args, rt_value kwnames, bool left, bool right)
{
    if (!positional(vm, name, nargs, kwnames, 0, 1))
        return RT_ERROR;
    rt_value chars = nargs > 0 && args[0] != RT_NONE ? args[0] : 0;
    if (chars && !rt_is_type(chars, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "%s arg must be None or str", name);
    const char *d = rt_str_data(self);
    int64_t start = 0, end = rt_str_size(self);
    size_t len;
    while (left && start < end && in_chars(chars, rt_utf8_decode(d + start, &len)))
        start += (int64_t)len;
    while (right && end > start) {
        int64_t p = prev_char(d, end);
        if (!in_chars(chars, rt_utf8_decode(d + p, &len)))
            break;
        end = p;
    }
    if (start == 0 && end == rt_str_size(self))
        return self;
    return rt_str_new(d + start, (size_t)(end - start));
}

static rt_value str_strip(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return strip(vm, "strip", self, nargs, args, kwnames, true, true);
}

static rt_value str_lstrip(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return strip(vm, "lstrip", self, nargs, args, kwnames, true, false);
}

static rt_value str_rstrip(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return strip(vm, "rstrip", self, nargs, args, kwnames, false, true);
}

static bool append_piece(rt_vm *vm, rt_value list, const char *d, int64_t from, int64_t to)
{
    return rt_list_append(vm, list, rt_str_new(d + from, (size_t)(to - from))) == 0;
}

/* split() without a separator: runs of whitespace separate, ends are trimmed. */
static rt_value split_whitespace(rt_vm *vm, rt_value self, int64_t maxsplit)
{
    const char *d = rt_str_data(self);
    int64_t size = rt_str_size(self), i = 0;
    rt_value list = rt_list_new(0);
    size_t len;
    for (;;) {
        while (i < size && rt_codepoint_isspace(rt_utf8_decode(d + i, &len)))
            i += (int64_t)len;
        if (i >= size)
            break;
        if (maxsplit == 0) /* the rest, trailing whitespace included */
            return append_piece(vm, list, d, i, size) ? list : RT_ERROR;
        int64_t start = i;
        while (i < size && !rt_codepoint_isspace(rt_utf8_decode(d + i, &len)))
            i += (int64_t)len;
        if (!append_piece(vm, list, d, start, i))
            return RT_ERROR;
        maxsplit--;
    }
    return list;
}

static rt_value rsplit_whitespace(rt_vm *vm, rt_value self, int64_t maxsplit)
{
    const char *d = rt_str_data(self);
    int64_t end = rt_str_size(self);
    rt_value pieces = rt_list_new(0);
    size_t len;
    for (;;) {
        while (end > 0 && rt_codepoint_isspace(rt_utf8_decode(d + prev_char(d, end), &len)))
            end = prev_char(d, end);
        if (end <= 0)
            break;
        int64_t stop = end;
        if (maxsplit == 0) { /* the rest, leading whitespace included */
            if (!append_piece(vm, pieces, d, 0, stop))
                return RT_ERROR;
            break;
        }
        while (end > 0 && !rt_codepoint_isspace(rt_utf8_decode(d + prev_char(d, end), &len)))
            end = prev_char(d, end);
        if (!append_piece(vm, pieces, d, end, stop))
            return RT_ERROR;
        maxsplit--;
    }
    rt_value list = rt_list_new(0); /* collected right to left; reverse */
    for (int64_t k = rt_as_list(pieces)->size - 1; k >= 0; k--)
        if (rt_list_append(vm, list, rt_as_list(pieces)->items[k]) < 0)
            return RT_ERROR;
    return list;
}

static rt_value split_sep(rt_vm *vm, rt_value self, rt_value sep, int64_t maxsplit, bool right)
{
    const char *d = rt_str_data(self);
    int64_t size = rt_str_size(self), n = rt_str_size(sep);
    rt_value list = rt_list_new(0);
    if (!right) {
        int64_t i = 0;
        for (; maxsplit != 0; maxsplit--) {
            const char *hit = memmem(d + i, (size_t)(size - i), rt_str_data(sep), (size_t)n);
            if (!hit)
                break;
            if (!append_piece(vm, list, d, i, hit - d))
                return RT_ERROR;
            i = hit - d + n;
        }
        return append_piece(vm, list, d, i, size) ? list : RT_ERROR;
    }
    rt_value pieces = rt_list_new(0);
    int64_t end = size;
    for (; maxsplit != 0; maxsplit--) {
        int64_t at = -1;
        for (int64_t k = end - n; k >= 0; k--)
            if (memcmp(d + k, rt_str_data(sep), (size_t)n) == 0) {
                at = k;
                break;
            }
        if (at < 0)
            break;
        if (!append_piece(vm, pieces, d, at + n, end))
            return RT_ERROR;
        end = at;
    }
    if (!append_piece(vm, pieces, d, 0, end))
        return RT_ERROR;
    for (int64_t k = rt_as_list(pieces)->size - 1; k >= 0; k--)
        if (rt_list_append(vm, list, rt_as_list(pieces)->items[k]) < 0)
            return RT_ERROR;
    return list;
}

static rt_value split_common(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                             const rt_value *args, rt_value kwnames, bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    rt_value a[2];
    int64_t maxsplit = -1;
    if (!keyword_args(vm, name, nargs, args, kwnames, names, 2, a) ||
        (a[1] && !size_arg(vm, a[1], &maxsplit)))
        return RT_ERROR;
    if (maxsplit < 0)
        maxsplit = -1;
    rt_value sep = a[0] && a[0] != RT_NONE ? a[0] : 0;
    if (!sep)
        return right ? rsplit_whitespace(vm, self, maxsplit) : split_whitespace(vm, self, maxsplit);
    if (!rt_is_type(sep, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "must be str or None, not %T", sep);
    if (rt_str_size(sep) == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "empty separator");
    return split_sep(vm, self, sep, maxsplit, right);
}

static rt_value str_split(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    return split_common(vm, "split", self, nargs, args, kwnames, false);
}

static rt_value str_rsplit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return split_common(vm, "rsplit", self, nargs, args, kwnames, true);
}

static bool is_line_break(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
           c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static rt_value str_splitlines(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    static const char *const names[] = {"keepends"};
    rt_value keep_arg;
    if (!keyword_args(vm, "splitlines", nargs, args, kwnames, names, 1, &keep_arg))
        return RT_ERROR;
    int keep = keep_arg ? rt_truthy(vm, keep_arg) : 0;
    if (keep < 0)
        return RT_ERROR;
    const char *d = rt_str_data(self);
    int64_t size = rt_str_size(self), i = 0;
    rt_value list = rt_list_new(0);
    while (i < size) {
        int64_t start = i, eol;
        size_t len = 0;
        while (i < size && !is_line_break(rt_utf8_decode(d + i, &len)))
            i += (int64_t)len;
        eol = i;
        if (i < size) {
            i += (int64_t)len;
            if (d[eol] == '\r' && i < size && d[i] == '\n')
                i++;
        }
        if (!append_piece(vm, list, d, start, keep ? i : eol))
            return RT_ERROR;
    }
    return list;
}

/* The items of a join() argument as an array (lists and tuples without copying). */
static bool join_items(rt_vm *vm, rt_value iterable, const rt_value **items, int64_t *count)
{
    if (rt_is_type(iterable, &rt_list_type) || rt_is_type(iterable, &rt_tuple_type)) {
        bool list = rt_is_type(iterable, &rt_list_type);
        *items = list ? rt_as_list(iterable)->items : rt_as_tuple(iterable)->items;
        *count = list ? rt_as_list(iterable)->size : rt_as_tuple(iterable)->size;
        return true;
    }
    rt_value it = rt_get_iter(vm, iterable);
    if (!it) {
        if (rt_pending_is(vm, &rt_type_error_type)) {
            vm->pending = 0;
            rt_raise_msg(vm, &rt_type_error_type, "can only join an iterable");
        }
        return false;
    }
    rt_value list = rt_list_from_iterable(vm, it);
    if (!list)
        return false;
    *items = rt_as_list(list)->items;
    *count = rt_as_list(list)->size;
    return true;
}

static rt_value str_join(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    const rt_value *items;
    int64_t count;
    if (!rt_check_args(vm, "str.join", nargs, kwnames, 1, 1) ||
        !join_items(vm, args[0], &items, &count))
        return RT_ERROR;
    if (count == 1 && rt_is_type(items[0], &rt_str_type))
        return items[0];
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (int64_t k = 0; k < count; k++) {
        if (!rt_is_type(items[k], &rt_str_type))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "sequence item %lld: expected str instance, %T found",
                                   (long long)k, items[k]);
        if (k > 0)
            rt_strbuf_append(&b, rt_str_data(self), (size_t)rt_str_size(self));
        rt_strbuf_append(&b, rt_str_data(items[k]), (size_t)rt_str_size(items[k]));
    }
    return rt_strbuf_finish(&b);
}

static rt_value partition(rt_vm *vm, const char *qualname, rt_value self, size_t nargs,
                          const rt_value *args, rt_value kwnames, bool right)
{
    if (!rt_check_args(vm, qualname, nargs, kwnames, 1, 1) ||
        !require_str(vm, args[0], "must be str, not %T"))
        return RT_ERROR;
    rt_value sep = args[0];
    if (rt_str_size(sep) == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "empty separator");
    int64_t at = find_bytes(self, sep, 0, str_len(self), right);
    rt_value empty = rt_str_new("", 0);
    if (at < 0)
        return right ? rt_tuple_pack(3, empty, empty, self) : rt_tuple_pack(3, self, empty, empty);
    const char *d = rt_str_data(self);
    int64_t after = at + rt_str_size(sep);
    return rt_tuple_pack(3, rt_str_new(d, (size_t)at), sep,
                         rt_str_new(d + after, (size_t)(rt_str_size(self) - after)));
}

static rt_value str_partition(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    return partition(vm, "str.partition", self, nargs, args, kwnames, false);
}

static rt_value str_rpartition(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    return partition(vm, "str.rpartition", self, nargs, args, kwnames, true);
}

static rt_value affix(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                      const rt_value *args, rt_value kwnames, bool suffix)
{
    char qualname[32], message[80];
    snprintf(qualname, sizeof qualname, "str.%s", name);
    snprintf(message, sizeof message, "%s() argument must be str, not %%T", name);
    if (!rt_check_args(vm, qualname, nargs, kwnames, 1, 1) || !require_str(vm, args[0], message))
        return RT_ERROR;
    int64_t n = rt_str_size(args[0]), size = rt_str_size(self);
    const char *d = rt_str_data(self);
    if (n == 0 || n > size || memcmp(d + (suffix ? size - n : 0), rt_str_data(args[0]), (size_t)n))
        return self;
    return suffix ? rt_str_new(d, (size_t)(size - n)) : rt_str_new(d + n, (size_t)(size - n));
}

static rt_value str_removeprefix(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    return affix(vm, "removeprefix", self, nargs, args, kwnames, false);
}

static rt_value str_removesuffix(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    return affix(vm, "removesuffix", self, nargs, args, kwnames, true);
}

/* --- predicates ------------------------------------------------------------------------------ */

/* True when the string is non-empty and every character satisfies `pred`. */
static rt_value all_chars(rt_vm *vm, const char *qualname, rt_value self, size_t nargs,
                          rt_value kwnames, bool (*pred)(uint32_t), bool empty_result)
{
    if (!rt_check_args(vm, qualname, nargs, kwnames, 0, 0))
        return RT_ERROR;
    const char *d = rt_str_data(self);
    if (rt_str_size(self) == 0)
        return rt_bool(empty_result);
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        if (!pred(rt_utf8_decode(d + i, &len)))
            return RT_FALSE;
        i += (int64_t)len;
    }
    return RT_TRUE;
}

static bool is_ascii_char(uint32_t c) { return c < 0x80; }

static rt_value str_isalpha(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return all_chars(vm, "str.isalpha", self, nargs, kwnames, is_alpha, false);
}

static rt_value str_isalnum(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return all_chars(vm, "str.isalnum", self, nargs, kwnames, is_alnum, false);
}

static rt_value str_isdigit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return all_chars(vm, "str.isdigit", self, nargs, kwnames, is_digit, false);
}

static rt_value str_isdecimal(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    return all_chars(vm, "str.isdecimal", self, nargs, kwnames, is_decimal, false);
}

static rt_value str_isnumeric(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    return all_chars(vm, "str.isnumeric", self, nargs, kwnames, is_numeric, false);
}

static rt_value str_isspace(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return all_chars(vm, "str.isspace", self, nargs, kwnames, rt_codepoint_isspace, false);
}

static rt_value str_isascii(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return all_chars(vm, "str.isascii", self, nargs, kwnames, is_ascii_char, true);
}

static rt_value str_isprintable(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    return all_chars(vm, "str.isprintable", self, nargs, kwnames, rt_codepoint_isprintable, true);
}

/* isupper/islower: at least one character of the case, and none of the other case or
 * titlecase. */
static rt_value case_test(rt_vm *vm, const char *qualname, rt_value self, size_t nargs,
                          rt_value kwnames, bool upper)
{
    if (!rt_check_args(vm, qualname, nargs, kwnames, 0, 0))
        return RT_ERROR;
    bool cased = false;
    const char *d = rt_str_data(self);
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        uint32_t c = rt_utf8_decode(d + i, &len);
        if (is_title(c) || (upper ? is_lower(c) : is_upper(c)))
            return RT_FALSE;
        cased |= upper ? is_upper(c) : is_lower(c);
        i += (int64_t)len;
    }
    return rt_bool(cased);
}

static rt_value str_isupper(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return case_test(vm, "str.isupper", self, nargs, kwnames, true);
}

static rt_value str_islower(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    return case_test(vm, "str.islower", self, nargs, kwnames, false);
}

static rt_value str_istitle(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "str.istitle", nargs, kwnames, 0, 0))
        return RT_ERROR;
    bool cased = false, previous_cased = false;
    const char *d = rt_str_data(self);
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        uint32_t c = rt_utf8_decode(d + i, &len);
        if (is_upper(c) || is_title(c)) {
            if (previous_cased)
                return RT_FALSE;
            previous_cased = cased = true;
        } else if (is_lower(c)) {
            if (!previous_cased)
                return RT_FALSE;
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
        i += (int64_t)len;
    }
    return rt_bool(cased);
}

static rt_value str_isidentifier(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    if (!rt_check_args(vm, "str.isidentifier", nargs, kwnames, 0, 0))
        return RT_ERROR;
    const char *d = rt_str_data(self);
    if (rt_str_size(self) == 0)
        return RT_FALSE;
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        uint32_t c = rt_utf8_decode(d + i, &len);
        if (!rt_unicode_is(c, i == 0 ? RT_UNICODE_ID_START : RT_UNICODE_ID_CONTINUE))
            return RT_FALSE;
        i += (int64_t)len;
    }
    return RT_TRUE;
}

static rt_value str_format_map(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "str.format_map", nargs, kwnames, 1, 1))
        return RT_ERROR;
    return rt_str_format_mapping(vm, self, args[0]);
}

/* str.maketrans(x[, y[, z]]) is a static method: its table entry's doc starts with
 * "@staticmethod", so self is the str type (or an instance when called on one) and ignored. */
static rt_value maketrans_dict(rt_vm *vm, rt_value mapping)
{
    if (!rt_is_type(mapping, &rt_dict_type))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "if you give only one argument to maketrans it must be a dict");
    rt_value table = rt_dict_new(), key, value;
    for (int64_t pos = 0; rt_dict_next(mapping, &pos, &key, &value);) {
        if (rt_is_type(key, &rt_str_type)) {
            if (str_len(key) != 1)
                return rt_raise_msg(vm, &rt_value_error_type,
                                    "string keys in translate table must be of length 1");
            size_t len;
            key = rt_int_from_int64(rt_utf8_decode(rt_str_data(key), &len));
        } else if (!rt_is_int(key)) {
            return rt_raise_msg(vm, &rt_type_error_type,
                                "keys in translate table must be strings or integers");
        }
        if (rt_dict_set(vm, table, key, value) < 0)
            return RT_ERROR;
    }
    return table;
}

static bool map_chars(rt_vm *vm, rt_value table, rt_value from, rt_value to)
{
    const char *f = rt_str_data(from), *t = to ? rt_str_data(to) : NULL;
    for (int64_t i = 0, j = 0; i < rt_str_size(from);) {
        size_t len, tlen = 0;
        uint32_t c = rt_utf8_decode(f + i, &len);
        rt_value value = RT_NONE;
        if (t) {
            value = rt_int_from_int64(rt_utf8_decode(t + j, &tlen));
            j += (int64_t)tlen;
        }
        if (rt_dict_set(vm, table, rt_int_from_int64(c), value) < 0)
            return false;
        i += (int64_t)len;
    }
    return true;
}

static rt_value str_maketrans(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    if (!positional(vm, "maketrans", nargs, kwnames, 1, 3))
        return RT_ERROR;
    if (nargs == 1)
        return maketrans_dict(vm, args[0]);
    if (!require_str(vm, args[1], "maketrans() argument 2 must be str, not %T") ||
        (nargs > 2 && !require_str(vm, args[2], "maketrans() argument 3 must be str, not %T")))
        return RT_ERROR;
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "first maketrans argument must be a string if there is a second "
                            "argument");
    if (str_len(args[0]) != str_len(args[1]))
        return rt_raise_msg(vm, &rt_value_error_type,
                            "the first two maketrans arguments must have equal length");
    rt_value table = rt_dict_new();
    if (!map_chars(vm, table, args[0], args[1]) ||
        (nargs > 2 && !map_chars(vm, table, args[2], 0)))
        return RT_ERROR;
    return table;
}

/* One character through a translate() table: false on error; *keep when c maps to itself. */
static bool translate_char(rt_vm *vm, rt_value table, uint32_t c, rt_strbuf *b, bool *keep)
{
    rt_value mapped = rt_getitem(vm, table, rt_int_from_int64(c));
    *keep = false;
    if (!mapped) {
        if (!rt_type_is_subtype(rt_type_of(vm->pending), &rt_lookup_error_type))
            return false;
        vm->pending = 0;
        *keep = true;
        return true;
    }
    if (mapped == RT_NONE)
        return true;
    if (rt_is_type(mapped, &rt_str_type)) {
        rt_strbuf_append(b, rt_str_data(mapped), (size_t)rt_str_size(mapped));
        return true;
    }
    int64_t code;
    if (!rt_is_int(mapped)) {
        rt_raise_msg(vm, &rt_type_error_type, "character mapping must return integer, None or str");
        return false;
    }
    if (!rt_int_to_int64(mapped, &code) || code < 0 || code > 0x10FFFF) {
        rt_raise_msg(vm, &rt_value_error_type, "character mapping must be in range(0x110000)");
        return false;
    }
    char buf[4];
    rt_strbuf_append(b, buf, rt_utf8_encode((uint32_t)code, buf));
    return true;
}

static rt_value str_translate(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    if (!rt_check_args(vm, "str.translate", nargs, kwnames, 1, 1))
        return RT_ERROR;
    const char *d = rt_str_data(self);
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (int64_t i = 0; i < rt_str_size(self);) {
        size_t len;
        bool keep;
        uint32_t c = rt_utf8_decode(d + i, &len);
        if (!translate_char(vm, args[0], c, &b, &keep))
            return RT_ERROR;
        if (keep)
            rt_strbuf_append(&b, d + i, len);
        i += (int64_t)len;
    }
    return rt_strbuf_finish(&b);
}

const rt_method rt_str_methods[] = {
    {"capitalize", str_capitalize, "Return a capitalized version of the string."},
    {"casefold", str_casefold, "Return a version of the string suitable for caseless comparisons."},
    {"center", str_center, "Return a centered string of length width."},
    {"count", str_count, "Return the number of non-overlapping occurrences of substring sub."},
    {"endswith", str_endswith, "Return True if S ends with the specified suffix, False otherwise."},
    {"expandtabs", str_expandtabs, "Return a copy where all tab characters are expanded."},
    {"find", str_find, "Return the lowest index in S where substring sub is found."},
    {"format", rt_str_format_method, "Return a formatted version of S."},
    {"format_map", str_format_map, "Return a formatted version of S, using substitutions from mapping."},
    {"index", str_index, "Return the lowest index in S where substring sub is found."},
    {"isalnum", str_isalnum, "Return True if the string is an alpha-numeric string."},
    {"isalpha", str_isalpha, "Return True if the string is an alphabetic string."},
    {"isascii", str_isascii, "Return True if all characters in the string are ASCII."},
    {"isdecimal", str_isdecimal, "Return True if the string is a decimal string."},
    {"isdigit", str_isdigit, "Return True if the string is a digit string."},
    {"isidentifier", str_isidentifier, "Return True if the string is a valid Python identifier."},
    {"islower", str_islower, "Return True if the string is a lowercase string."},
    {"isnumeric", str_isnumeric, "Return True if the string is a numeric string."},
    {"isprintable", str_isprintable, "Return True if the string is printable."},
    {"isspace", str_isspace, "Return True if the string is a whitespace string."},
    {"istitle", str_istitle, "Return True if the string is a title-cased string."},
    {"isupper", str_isupper, "Return True if the string is an uppercase string."},
    {"join", str_join, "Concatenate any number of strings."},
    {"ljust", str_ljust, "Return a left-justified string of length width."},
    {"lower", str_lower, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip, "Return a copy of the string with leading whitespace removed."},
    {"maketrans", str_maketrans, "@staticmethod Return a translation table usable for str.translate()."},
    {"partition", str_partition, "Partition the string into three parts using the given separator."},
    {"removeprefix", str_removeprefix, "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, "Return a str with the given suffix string removed if present."},
    {"replace", str_replace, "Return a copy with all occurrences of substring old replaced by new."},
    {"rfind", str_rfind, "Return the highest index in S where substring sub is found."},
    {"rindex", str_rindex, "Return the highest index in S where substring sub is found."},
    {"rjust", str_rjust, "Return a right-justified string of length width."},
    {"rpartition", str_rpartition, "Partition the string into three parts using the given separator."},
    {"rsplit", str_rsplit, "Return a list of the substrings in the string, using sep as the separator."},
    {"rstrip", str_rstrip, "Return a copy of the string with trailing whitespace removed."},
    {"split", str_split, "Return a list of the substrings in the string, using sep as the separator."},
    {"splitlines", str_splitlines, "Return a list of the lines in the string."},
    {"startswith", str_startswith, "Return True if S starts with the specified prefix, False otherwise."},
    {"strip", str_strip, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, "Convert uppercase characters to lowercase and lowercase to uppercase."},
    {"title", str_title, "Return a version of the string where each word is titlecased."},
    {"translate", str_translate, "Replace each character in the string using the given translation table."},
    {"upper", str_upper, "Return a copy of the string converted to uppercase."},
    {"zfill", str_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {NULL, NULL, NULL},
};
