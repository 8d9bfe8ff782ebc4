/* Formatting: the format-spec mini-language (format(), f-string fields) for int, float and
 * str with CPython's ValueErrors, str.format's field grammar, and printf-style `str % args`.
 * A spec is parsed into a format_spec; numbers are rendered as sign, prefix, integer digits
 * (grouped) and a remainder, then padded; floats go through a port of CPython's
 * format_float_short so every mode rounds and switches to exponents exactly as CPython. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "exception.h"
#include "tuple.h"
#include "float.h"
#include "format.h"
#include "int.h"
#include "ops.h"
#include "str.h"

typedef struct format_spec {
    uint32_t fill;
    char align;     /* '<', '>', '^', '=' or 0 for the type's default */
    char sign;      /* '+', '-', ' ' or 0 */
    bool no_neg_0;  /* 'z' */
    bool alternate; /* '#' */
    int64_t width;  /* -1 when absent */
    char grouping;  /* ',' or '_' or 0 */
    int group_size; /* 3, or 4 for '_' with b, o, x, X */
    int64_t precision;
    uint32_t type; /* 0 when absent */
} format_spec;

/* "'x'" for a printable ASCII code, "'\x1'" otherwise, as CPython words these messages. */
static void describe_code(uint32_t c, char *out, size_t n)
{
    if (c > 32 && c < 128)
        snprintf(out, n, "'%c'", (char)c);
    else
        snprintf(out, n, "'\\x%x'", c);
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

/* Reads decimal digits at s[*i]; -1 when there are none, -2 after "Too many decimal digits". */
static int64_t read_count(rt_vm *vm, const char *s, size_t n, size_t *i)
{
    int64_t value = -1;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        int digit = s[*i] - '0';
        if (value < 0)
            value = 0;
        if (value > (INT64_MAX - digit) / 10) {
            rt_raise_msg(vm, &rt_value_error_type, "Too many decimal digits in format string");
            return -2;
        }
        value = value * 10 + digit;
        (*i)++;
    }
    return value;
}

static bool value_error_false(rt_vm *vm, const char *message)
{
    rt_raise_msg(vm, &rt_value_error_type, message);
    return false;
}

static bool invalid_spec(rt_vm *vm, rt_value spec, rt_value value)
{
    rt_raise_format(vm, &rt_value_error_type, "Invalid format specifier '%U' for object of type '%T'",
                    spec, value);
    return false;
}

static bool check_grouping(rt_vm *vm, format_spec *f)
{
    if (!f->grouping)
        return true;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return true;
    case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_') {
            f->group_size = 4;
            return true;
        }
        break;
    default: break;
    }
    char code[16];
    describe_code(f->type, code, sizeof code);
    rt_raise_format(vm, &rt_value_error_type, "Cannot specify '%c' with %s.", f->grouping, code);
    return false;
}

/* [[fill]align][sign][z][#][0]: the part of a spec before the width. Returns the index after
 * it. A '0' without an explicit fill means zero padding ('=' alignment for numbers). */
static size_t parse_flags(const char *s, size_t n, char default_align, format_spec *f)
{
    size_t i = 0, len;
    bool fill_given = false;
    if (n > 0) {
        uint32_t first = rt_utf8_decode(s, &len);
        if (len < n && is_align((unsigned char)s[len])) {
            f->fill = first;
            f->align = s[len];
            fill_given = true;
            i = len + 1;
        } else if (is_align(first)) {
            f->align = (char)first;
            i = 1;
        }
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z') {
        f->no_neg_0 = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        f->alternate = true;
        i++;
    }
    if (!fill_given && i < n && s[i] == '0') {
        f->fill = '0';
        if (!f->align && default_align == '>')
            f->align = '=';
        i++;
    }
    return i;
}

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type]; `default_align` is '>' for
 * numbers and '<' for str, `default_type` what an absent type means for the grouping check. */
static bool parse_spec(rt_vm *vm, rt_value spec_str, rt_value value, char default_align,
                       uint32_t default_type, format_spec *f)
{
    const char *s = rt_str_data(spec_str);
    size_t n = (size_t)rt_str_size(spec_str), len;
    *f = (format_spec){.fill = ' ', .width = -1, .precision = -1, .group_size = 3,
                       .type = default_type};
    size_t i = parse_flags(s, n, default_align, f);
    f->width = read_count(vm, s, n, &i);
    if (f->width == -2)
        return false;
    if (i < n && s[i] == ',') {
        f->grouping = ',';
        i++;
    }
    if (i < n && s[i] == '_') {
        if (f->grouping)
            return value_error_false(vm, "Cannot specify both ',' and '_'.");
        f->grouping = '_';
        i++;
    }
    if (i < n && s[i] == ',' && f->grouping == '_')
        return value_error_false(vm, "Cannot specify both ',' and '_'.");
    if (i < n && s[i] == '.') {
        i++;
        f->precision = read_count(vm, s, n, &i);
        if (f->precision == -2)
            return false;
        if (f->precision == -1)
            return value_error_false(vm, "Format specifier missing precision");
    }
    if (i < n) {
        f->type = rt_utf8_decode(s + i, &len);
        if (i + len < n)
            return invalid_spec(vm, spec_str, value);
    }
    return check_grouping(vm, f);
}

static bool unknown_code(rt_vm *vm, uint32_t type, rt_value value)
{
    char code[16];
    describe_code(type, code, sizeof code);
    rt_raise_format(vm, &rt_value_error_type, "Unknown format code %s for object of type '%T'", code,
                    value);
    return false;
}

/* --- padding ------------------------------------------------------------------------------ */

static void append_fill(rt_strbuf *b, uint32_t fill, int64_t count)
{
    char buf[4];
    size_t len = rt_utf8_encode(fill, buf);
    for (int64_t k = 0; k < count; k++)
        rt_strbuf_append(b, buf, len);
}

static int64_t codepoints(const char *s, size_t n)
{
    int64_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* Pads text (whose sign and prefix are its first `lead` bytes) to the spec's width. */
static rt_value pad(const format_spec *f, char default_align, const char *text, size_t n,
                    size_t lead)
{
    int64_t padding = f->width - codepoints(text, n);
    if (padding <= 0)
        return rt_str_new(text, n);
    char align = f->align ? f->align : default_align;
    int64_t left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
    rt_strbuf b;
    rt_strbuf_init(&b);
    if (align == '=') {
        rt_strbuf_append(&b, text, lead);
        append_fill(&b, f->fill, padding);
        rt_strbuf_append(&b, text + lead, n - lead);
        return rt_strbuf_finish(&b);
    }
    append_fill(&b, f->fill, left);
    rt_strbuf_append(&b, text, n);
    append_fill(&b, f->fill, padding - left);
    return rt_strbuf_finish(&b);
}

/* --- str ---------------------------------------------------------------------------------- */

static rt_value format_str(rt_vm *vm, rt_value value, rt_value spec)
{
    format_spec f;
    if (!parse_spec(vm, spec, value, '<', 's', &f))
        return RT_ERROR;
    if (f.type && f.type != 's')
        return unknown_code(vm, f.type, value), RT_ERROR;
    if (f.sign)
        return rt_raise_msg(vm, &rt_value_error_type,
                            f.sign == ' ' ? "Space not allowed in string format specifier"
                                          : "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return rt_raise_msg(vm, &rt_value_error_type,
                            "'=' alignment not allowed in string format specifier");
    size_t n = (size_t)rt_str_size(value);
    if (f.precision >= 0 && f.precision < rt_as_str(value)->length)
        n = (size_t)rt_str_byte_offset(value, f.precision);
    return pad(&f, '<', rt_str_data(value), n, 0);
}

/* --- numbers: grouping and layout --------------------------------------------------------- */

/* Appends the integer digits grouped by `size` with `sep`, zero-extended on the left to at
 * least min_width characters (CPython's _PyUnicode_InsertThousandsGrouping). */
static void append_grouped(rt_strbuf *b, const char *digits, size_t n, char sep, int size,
                           int64_t min_width)
{
    size_t cap = (n + (size_t)(min_width > 0 ? min_width : 0)) * 2 + 4;
    char *out = rt_alloc_raw_atomic(cap);
    size_t pos = cap; /* written backwards */
    int64_t remaining = (int64_t)n;
    for (;;) {
        int64_t l = remaining > min_width ? remaining : min_width;
        if (l < 1)
            l = 1;
        if (sep == 0 || l > size)
            l = sep == 0 ? l : size;
        for (int64_t k = 0; k < l; k++)
            out[--pos] = remaining > 0 ? digits[--remaining] : '0';
        min_width -= l;
        if (remaining <= 0 && min_width <= 0)
            break;
        if (sep == 0)
            continue;
        min_width -= 1;
        out[--pos] = sep;
    }
    rt_strbuf_append(b, out + pos, cap - pos);
}

/* A rendered number: sign and prefix ("0x"), the integer digits, the rest ('.5e+03', '%'). */
typedef struct number_parts {
    const char *sign, *prefix;
    const char *digits;
    size_t ndigits;
    const char *rest;
    size_t nrest;
} number_parts;

static rt_value layout_number(const format_spec *f, const number_parts *p)
{
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_cstr(&b, p->sign);
    rt_strbuf_append_cstr(&b, p->prefix);
    size_t lead = b.size;
    int64_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0)
        min_width = f->width - (int64_t)lead - codepoints(p->rest, p->nrest);
    /* No digits (inf, nan): CPython skips grouping and pads with the fill as usual. */
    if (p->ndigits > 0)
        append_grouped(&b, p->digits, p->ndigits, f->grouping, f->group_size, min_width);
    rt_strbuf_append(&b, p->rest, p->nrest);
    return pad(f, '>', b.data, b.size, lead);
}

static const char *sign_for(const format_spec *f, bool negative)
{
    if (negative)
        return "-";
    return f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
}

/* --- float -------------------------------------------------------------------------------- */

/* Digits of |d| (finite) as _Py_dg_dtoa gives them: mode 0 shortest, mode 2 `ndigits`
 * significant digits, mode 3 `ndigits` digits after the point; trailing zeros removed. The
 * decimal point sits after `*decpt` digits. */
static char *dtoa_digits(double d, int mode, int64_t ndigits, int *decpt, size_t *len)
{
    if (d == 0) {
        *decpt = 1;
        *len = 1;
        return "0";
    }
    if (mode == 0) {
        char *digits = rt_alloc_raw_atomic(24);
        *len = (size_t)rt_double_shortest_digits(d, digits, decpt);
        return digits;
    }
    const char *fmt = mode == 2 ? "%.*e" : "%.*f";
    int prec = (int)(mode == 2 ? ndigits - 1 : ndigits);
    int size = snprintf(NULL, 0, fmt, prec, d);
    char *text = rt_alloc_raw_atomic((size_t)size + 1);
    snprintf(text, (size_t)size + 1, fmt, prec, d);
    char *digits = rt_alloc_raw_atomic((size_t)size + 1);
    size_t n = 0;
    int point = -1;
    for (char *p = text; *p && *p != 'e'; p++) {
        if (*p == '.')
            point = (int)n;
        else
            digits[n++] = *p;
    }
    if (point < 0)
        point = (int)n;
    if (mode == 2)
        point = atoi(strchr(text, 'e') + 1) + 1;
    size_t lead = 0;
    while (lead < n && digits[lead] == '0')
        lead++;
    if (mode == 3)
        point -= (int)lead;
    while (n > lead && digits[n - 1] == '0')
        n--;
    if (n == lead) { /* rounded to zero */
        *decpt = 1;
        *len = 1;
        return "0";
    }
    *decpt = point;
    *len = n - lead;
    return digits + lead;
}

/* CPython's format_float_short for a finite |d|: writes the digits with the point and maybe
 * an exponent. `type` is 'e', 'f', 'g' or 'r'; precision as PyOS_double_to_string gets it. */
static void format_finite(rt_strbuf *b, double d, char type, int64_t precision, bool add_dot_0,
                          bool alternate, char e_char)
{
    int mode = type == 'r' ? 0 : type == 'f' ? 3 : 2;
    if (type == 'e')
        precision++;
    if (type == 'g' && precision == 0)
        precision = 1;
    int decpt;
    size_t n;
    char *digits = dtoa_digits(d, mode, precision, &decpt, &n);
    int64_t end = (int64_t)n, exp = 0;
    bool use_exp = false;
    if (type == 'e') {
        use_exp = true;
        end = precision;
    } else if (type == 'f') {
        end = decpt + precision;
    } else if (type == 'g') {
        use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
        if (alternate)
            end = precision;
    } else {
        use_exp = decpt <= -4 || decpt > 16;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        end = end > decpt ? end : decpt + 1;
    else
        end = end > decpt ? end : decpt;
    /* Emit vdigits[start:end] with the point after position decpt. */
    for (int64_t k = start; k < end; k++) {
        if (k == decpt)
            rt_strbuf_append_char(b, '.');
        rt_strbuf_append_char(b, k >= 0 && k < (int64_t)n ? digits[k] : '0');
    }
    if (end == decpt && alternate)
        rt_strbuf_append_char(b, '.');
    if (use_exp) {
        char e[16];
        snprintf(e, sizeof e, "%c%c%02d", e_char, exp < 0 ? '-' : '+', (int)(exp < 0 ? -exp : exp));
        rt_strbuf_append_cstr(b, e);
    }
}

static size_t integer_digit_count(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    return k;
}

/* True when the significand of rendered text ("0.000e+00", "0.0%") is all zeros: what the z
 * option turns from -0 into 0. */
static bool all_zero_digits(const char *text, size_t n)
{
    for (size_t k = 0; k < n && text[k] != 'e' && text[k] != 'E' && text[k] != '%'; k++)
        if (text[k] != '0' && text[k] != '.')
            return false;
    return true;
}

static rt_value format_double(rt_vm *vm, double d, const format_spec *spec, rt_value value)
{
    format_spec f = *spec;
    uint32_t type = f.type;
    bool add_dot_0 = false, percent = false;
    int64_t precision = f.precision;
    if (type == 0) {
        add_dot_0 = true;
        type = precision < 0 ? 'r' : 'g';
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        d *= 100;
        percent = true;
    }
    if (!strchr("efgrEFG", (int)type) || type > 127)
        return unknown_code(vm, f.type, value), RT_ERROR;
    if (precision < 0)
        precision = type == 'r' ? 0 : 6;
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char lower = upper ? (char)(type + 32) : (char)type;
    bool negative = !isnan(d) && signbit(d);
    rt_strbuf body;
    rt_strbuf_init(&body);
    if (!isfinite(d))
        rt_strbuf_append_cstr(&body, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    else
        format_finite(&body, fabs(d), lower, precision, add_dot_0, f.alternate, upper ? 'E' : 'e');
    if (percent)
        rt_strbuf_append_char(&body, '%');
    if (negative && f.no_neg_0 && isfinite(d) && all_zero_digits(body.data, body.size))
        negative = false;
    size_t k = integer_digit_count(body.data, body.size);
    number_parts p = {sign_for(&f, negative), "", body.data, k, body.data + k, body.size - k};
    return layout_number(&f, &p);
}

static rt_value format_float(rt_vm *vm, rt_value value, rt_value spec)
{
    format_spec f;
    if (!parse_spec(vm, spec, value, '>', 0, &f))
        return RT_ERROR;
    return format_double(vm, rt_float_value(value), &f, value);
}

/* --- int ---------------------------------------------------------------------------------- */

static rt_value format_char(rt_vm *vm, rt_value value, const format_spec *f)
{
    if (f->sign)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Sign not allowed with integer format specifier 'c'");
    if (f->alternate)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t c;
    if (!rt_int_to_int64(value, &c))
        return rt_raise_msg(vm, &rt_overflow_error_type, "Python int too large to convert to C long");
    if (c < 0 || c > 0x10FFFF)
        return rt_raise_msg(vm, &rt_overflow_error_type, "%c arg not in range(0x110000)");
    char buf[4];
    size_t len = rt_utf8_encode((uint32_t)c, buf);
    return pad(f, '>', buf, len, 0);
}

static rt_value format_integer(rt_vm *vm, rt_value value, rt_value spec)
{
    format_spec f;
    if (!parse_spec(vm, spec, value, '>', 'd', &f))
        return RT_ERROR;
    uint32_t type = f.type;
    if (type < 128 && strchr("eEfFgG%", (int)type)) {
        bool ok;
        double d = rt_int_to_double(vm, value, &ok);
        return ok ? format_double(vm, d, &f, value) : RT_ERROR;
    }
    if (type > 127 || !strchr("bcdoxXn", (int)type))
        return unknown_code(vm, f.type, value), RT_ERROR;
    if (f.precision >= 0)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Precision not allowed in integer format specifier");
    if (f.no_neg_0)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c')
        return format_char(vm, value, &f);
    int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
    rt_value text = base == 10 ? rt_int_repr(vm, value) : rt_int_to_base(vm, value, base, false);
    if (!text)
        return RT_ERROR;
    const char *digits = rt_str_data(text);
    bool negative = digits[0] == '-';
    digits += negative;
    if (type == 'X') {
        char *upper = rt_alloc_raw_atomic(strlen(digits) + 1);
        for (size_t k = 0; (upper[k] = digits[k]) != '\0'; k++)
            if (upper[k] >= 'a' && upper[k] <= 'f')
                upper[k] = (char)(upper[k] - 32);
        digits = upper;
    }
    const char *prefix = "";
    if (f.alternate)
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    number_parts p = {sign_for(&f, negative), prefix, digits, strlen(digits), "", 0};
    return layout_number(&f, &p);
}

/* --- entry points ------------------------------------------------------------------------- */

rt_value rt_format(rt_vm *vm, rt_value value, rt_value spec)
{
    bool empty = !spec || rt_str_size(spec) == 0;
    if (rt_is_type(value, &rt_str_type))
        return empty ? value : format_str(vm, value, spec);
    if (empty)
        return rt_str(vm, value);
    if (rt_is_int(value))
        return format_integer(vm, value, spec);
    if (rt_is_type(value, &rt_float_type))
        return format_float(vm, value, spec);
    return rt_raise_format(vm, &rt_type_error_type,
                           "unsupported format string passed to %T.__format__", value);
}

rt_value rt_format_value(rt_vm *vm, rt_value value, int conversion, rt_value spec)
{
    if (conversion == 'r')
        value = rt_repr(vm, value);
    else if (conversion == 'a')
        value = rt_ascii(vm, value);
    else if (conversion == 's')
        value = rt_str(vm, value);
    if (!value)
        return RT_ERROR;
    /* The common f"{x}" case: str values pass through untouched. */
    if (rt_is_type(value, &rt_str_type) && (!spec || rt_str_size(spec) == 0))
        return value;
    return rt_format(vm, value, spec);
}

rt_value rt_build_string(rt_vm *vm, size_t n, const rt_value *parts)
{
    if (n == 1)
        return parts[0];
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (size_t i = 0; i < n; i++)
        rt_strbuf_append(&b, rt_str_data(parts[i]), (size_t)rt_str_size(parts[i]));
    return rt_strbuf_finish(&b);
}

/* --- str.format ---------------------------------------------------------------------------- */

typedef struct format_args {
    size_t nargs;
    const rt_value *args;
    rt_value kwnames;          /* tuple of str or 0 */
    const rt_value *kwvalues;
    int numbering;             /* 0 undecided, 1 automatic, 2 manual */
    int64_t next_auto;
    rt_value mapping;          /* format_map's mapping, or 0 */
} format_args;

/* A parsed replacement field: byte ranges into the format string. */
typedef struct field {
    const char *name;
    size_t name_len;
    uint32_t conversion;
    const char *spec;
    size_t spec_len;
    bool spec_nested;
} field;

static rt_value value_error(rt_vm *vm, const char *message)
{
    return rt_raise_msg(vm, &rt_value_error_type, message);
}

/* CPython's parse_field: s[*i] is just past the '{'; on success *i is past the closing '}'. */
static bool parse_field(rt_vm *vm, const char *s, size_t n, size_t *i, field *f)
{
    *f = (field){.name = s + *i};
    char c = 0;
    while (*i < n) {
        c = s[(*i)++];
        if (c == '{')
            return value_error(vm, "unexpected '{' in field name"), false;
        if (c == '[') {
            while (*i < n && s[*i] != ']')
                (*i)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    f->name_len = (size_t)(s + *i - f->name) - (c == '}' || c == ':' || c == '!' ? 1 : 0);
    if (c != '!' && c != ':') {
        if (c != '}')
            return value_error(vm, "expected '}' before end of string"), false;
        return true;
    }
    if (c == '!') {
        if (*i >= n)
            return value_error(vm, "end of string while looking for conversion specifier"), false;
        size_t len;
        f->conversion = rt_utf8_decode(s + *i, &len);
        *i += len;
        if (*i < n) {
            c = s[(*i)++];
            if (c == '}')
                return true;
            if (c != ':')
                return value_error(vm, "expected ':' after conversion specifier"), false;
        }
    }
    f->spec = s + *i;
    for (int depth = 1; *i < n;) {
        c = s[(*i)++];
        if (c == '{') {
            f->spec_nested = true;
            depth++;
        } else if (c == '}' && --depth == 0) {
            f->spec_len = (size_t)(s + *i - 1 - f->spec);
            return true;
        }
    }
    return value_error(vm, "unmatched '{' in format spec"), false;
}

/* A non-negative decimal index: -1 when the text is not all digits, -2 on overflow. */
static int64_t parse_index(rt_vm *vm, const char *s, size_t n)
{
    if (n == 0)
        return -1;
    int64_t value = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        if (value > (INT64_MAX - 9) / 10) {
            value_error(vm, "Too many decimal digits in format string");
            return -2;
        }
        value = value * 10 + (s[k] - '0');
    }
    return value;
}

static rt_value raise_key_error(rt_vm *vm, rt_value key)
{
    rt_value exc = rt_new_exception(vm, &rt_key_error_type, rt_tuple_pack(1, key));
    return exc ? rt_raise_value(vm, exc) : RT_ERROR;
}

static rt_value positional_field(rt_vm *vm, format_args *a, int64_t index, bool automatic)
{
    int mode = automatic ? 1 : 2;
    if (a->numbering && a->numbering != mode)
        return value_error(vm, automatic ? "cannot switch from manual field specification to "
                                           "automatic field numbering"
                                         : "cannot switch from automatic field numbering to "
                                           "manual field specification");
    a->numbering = mode;
    if (automatic)
        index = a->next_auto++;
    if (index >= (int64_t)a->nargs)
        return rt_raise_format(vm, &rt_index_error_type,
                               "Replacement index %lld out of range for positional args tuple",
                               (long long)index);
    return a->args[index];
}

static rt_value keyword_field(rt_vm *vm, format_args *a, const char *name, size_t len)
{
    rt_value key = rt_str_new(name, len);
    if (a->mapping)
        return rt_getitem(vm, a->mapping, key);
    size_t nkw = a->kwnames ? (size_t)rt_as_tuple(a->kwnames)->size : 0;
    for (size_t k = 0; k < nkw; k++)
        if (rt_str_equal(rt_as_tuple(a->kwnames)->items[k], key))
            return a->kwvalues[k];
    return raise_key_error(vm, key);
}

/* .attr and [key] accessors after the first part of a field name. */
static rt_value field_accessors(rt_vm *vm, rt_value obj, const char *s, size_t n)
{
    size_t i = 0;
    while (obj && i < n) {
        char c = s[i++];
        size_t start = i;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start)
                return value_error(vm, "Empty attribute in format string");
            rt_value name = rt_str_intern_value(vm, rt_str_new(s + start, i - start));
            obj = name ? rt_getattr(vm, obj, name) : RT_ERROR;
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i >= n)
                return value_error(vm, "Missing ']' in format string");
            if (i == start)
                return value_error(vm, "Empty attribute in format string");
            int64_t index = parse_index(vm, s + start, i - start);
            if (index == -2)
                return RT_ERROR;
            rt_value key = index >= 0 ? rt_int_from_int64(index) : rt_str_new(s + start, i - start);
            i++; /* the ']' */
            obj = rt_getitem(vm, obj, key);
            if (obj && i < n && s[i] != '.' && s[i] != '[')
                return value_error(vm, "Only '.' or '[' may follow ']' in format field "
                                       "specifier");
        } else {
            return value_error(vm, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static rt_value field_value(rt_vm *vm, format_args *a, const field *f)
{
    size_t first = 0;
    while (first < f->name_len && f->name[first] != '.' && f->name[first] != '[')
        first++;
    rt_value obj;
    if (first == 0) {
        obj = positional_field(vm, a, 0, true);
    } else {
        int64_t index = parse_index(vm, f->name, first);
        if (index == -2)
            return RT_ERROR;
        obj = index >= 0 ? positional_field(vm, a, index, false)
                         : keyword_field(vm, a, f->name, first);
    }
    if (!obj)
        return RT_ERROR;
    return field_accessors(vm, obj, f->name + first, f->name_len - first);
}

static rt_value convert_field(rt_vm *vm, rt_value obj, uint32_t conversion)
{
    switch (conversion) {
    case 0: return obj;
    case 'r': return rt_repr(vm, obj);
    case 's': return rt_str(vm, obj);
    case 'a': return rt_ascii(vm, obj);
    default: break;
    }
    if (conversion > 32 && conversion < 127)
        return rt_raise_format(vm, &rt_value_error_type, "Unknown conversion specifier %c",
                               (int)conversion);
    return rt_raise_format(vm, &rt_value_error_type, "Unknown conversion specifier \\x%x",
                           (unsigned)conversion);
}

static bool render_format(rt_vm *vm, rt_strbuf *out, const char *s, size_t n, format_args *a,
                          int depth);

static bool render_field(rt_vm *vm, rt_strbuf *out, const field *f, format_args *a, int depth)
{
    rt_value obj = field_value(vm, a, f);
    if (obj)
        obj = convert_field(vm, obj, f->conversion);
    if (!obj)
        return false;
    rt_value spec;
    if (f->spec_nested) {
        rt_strbuf expanded;
        rt_strbuf_init(&expanded);
        if (!render_format(vm, &expanded, f->spec, f->spec_len, a, depth - 1))
            return false;
        spec = rt_strbuf_finish(&expanded);
    } else {
        spec = rt_str_new(f->spec ? f->spec : "", f->spec_len);
    }
    rt_value text = rt_format(vm, obj, spec);
    if (!text)
        return false;
    rt_strbuf_append(out, rt_str_data(text), (size_t)rt_str_size(text));
    return true;
}

/* CPython's MarkupIterator: literal text with {{ and }} escapes, then fields. */
static bool render_format(rt_vm *vm, rt_strbuf *out, const char *s, size_t n, format_args *a,
                          int depth)
{
    if (depth <= 0)
        return value_error(vm, "Max string recursion exceeded"), false;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '{' && s[i] != '}')
            i++;
        rt_strbuf_append(out, s + start, i - start);
        if (i >= n)
            break;
        char c = s[i++];
        bool at_end = i >= n;
        if (c == '}' && (at_end || s[i] != '}'))
            return value_error(vm, "Single '}' encountered in format string"), false;
        if (c == '{' && at_end)
            return value_error(vm, "Single '{' encountered in format string"), false;
        if (s[i] == c) { /* an escaped brace */
            rt_strbuf_append_char(out, c);
            i++;
            continue;
        }
        field f;
        if (!parse_field(vm, s, n, &i, &f) || !render_field(vm, out, &f, a, depth))
            return false;
    }
    return true;
}

rt_value rt_str_format_method(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    format_args a = {nargs, args, kwnames, args + nargs, 0, 0, 0};
    rt_strbuf out;
    rt_strbuf_init(&out);
    if (!render_format(vm, &out, rt_str_data(self), (size_t)rt_str_size(self), &a, 2))
        return RT_ERROR;
    return rt_strbuf_finish(&out);
}

rt_value rt_str_format_mapping(rt_vm *vm, rt_value self, rt_value mapping)
{
    format_args a = {0, NULL, 0, NULL, 0, 0, mapping};
    rt_strbuf out;
    rt_strbuf_init(&out);
    if (!render_format(vm, &out, rt_str_data(self), (size_t)rt_str_size(self), &a, 2))
        return RT_ERROR;
    return rt_strbuf_finish(&out);
}

/* --- printf-style formatting: format % args ------------------------------------------------ */

typedef struct percent_state {
    rt_value args;   /* the right operand */
    int64_t arglen;  /* tuple size, or -1 for a single value */
    int64_t argidx;  /* next item; -2 before the single value is used */
    rt_value dict;   /* mapping for %(key)s, or 0 */
} percent_state;

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct percent_spec {
    int flags;
    int64_t width, precision; /* -1 when absent */
    uint32_t conv;
} percent_spec;

static rt_value next_arg(rt_vm *vm, percent_state *st)
{
    if (st->argidx < st->arglen) {
        int64_t index = st->argidx++;
        return st->arglen < 0 ? st->args : rt_as_tuple(st->args)->items[index];
    }
    return rt_raise_msg(vm, &rt_type_error_type, "not enough arguments for format string");
}

/* Reads a '*' (taking an int argument) or a decimal count into *out, -1 when absent. */
static bool percent_count(rt_vm *vm, percent_state *st, const char *s, size_t n, size_t *i,
                          const char *too_big, int64_t *out)
{
    *out = -1;
    if (*i < n && s[*i] == '*') {
        (*i)++;
        rt_value v = next_arg(vm, st);
        if (!v)
            return false;
        if (!rt_is_int(v))
            return rt_raise_msg(vm, &rt_type_error_type, "* wants int"), false;
        if (!rt_int_to_int64(v, out) || *out > INT32_MAX || *out < -INT32_MAX)
            return value_error(vm, too_big), false;
        return true;
    }
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        if (*out < 0)
            *out = 0;
        if (*out > (INT32_MAX - 9) / 10)
            return value_error(vm, too_big), false;
        *out = *out * 10 + (s[(*i)++] - '0');
    }
    return true;
}

/* %(key): the looked-up value becomes the single argument the conversion takes (CPython
 * replaces its argument state the same way, so a later plain %s finds nothing left). */
static bool mapping_key(rt_vm *vm, percent_state *st, const char *s, size_t n, size_t *i)
{
    if (!st->dict)
        return rt_raise_msg(vm, &rt_type_error_type, "format requires a mapping"), false;
    size_t start = ++(*i);
    for (int depth = 1; *i < n; (*i)++) {
        if (s[*i] == '(')
            depth++;
        else if (s[*i] == ')' && --depth == 0)
            break;
    }
    if (*i >= n)
        return value_error(vm, "incomplete format key"), false;
    rt_value key = rt_str_new(s + start, *i - start);
    (*i)++;
    st->args = rt_getitem(vm, st->dict, key);
    st->arglen = -1;
    st->argidx = -2;
    return st->args != 0;
}

static bool parse_percent_spec(rt_vm *vm, percent_state *st, const char *s, size_t n, size_t *i,
                               percent_spec *p)
{
    *p = (percent_spec){0, -1, -1, 0};
    for (; *i < n; (*i)++) {
        char c = s[*i];
        int flag = c == '-' ? F_LJUST : c == '+' ? F_SIGN : c == ' ' ? F_BLANK
                 : c == '#' ? F_ALT : c == '0' ? F_ZERO : 0;
        if (!flag)
            break;
        p->flags |= flag;
    }
    bool star = *i < n && s[*i] == '*';
    if (!percent_count(vm, st, s, n, i, "width too big", &p->width))
        return false;
    if (star && p->width < 0) { /* a negative '*' width left-justifies */
        p->flags |= F_LJUST;
        p->width = -p->width;
    }
    if (*i < n && s[*i] == '.') {
        (*i)++;
        if (!percent_count(vm, st, s, n, i, "precision too big", &p->precision))
            return false;
        if (p->precision < 0)
            p->precision = 0;
    }
    while (*i < n && (s[*i] == 'h' || s[*i] == 'l' || s[*i] == 'L'))
        (*i)++;
    if (*i >= n)
        return value_error(vm, "incomplete format"), false;
    size_t len;
    p->conv = rt_utf8_decode(s + *i, &len);
    *i += len;
    return true;
}

/* Pads a rendered conversion: zeros go after the sign and 0x prefix (numbers only). */
static void percent_pad(rt_strbuf *out, const percent_spec *p, const char *text, size_t n,
                        size_t lead, bool numeric)
{
    int64_t padding = p->width - codepoints(text, n);
    if (padding <= 0) {
        rt_strbuf_append(out, text, n);
        return;
    }
    if (p->flags & F_LJUST) {
        rt_strbuf_append(out, text, n);
        append_fill(out, ' ', padding);
    } else if (numeric && (p->flags & F_ZERO)) {
        rt_strbuf_append(out, text, lead);
        append_fill(out, '0', padding);
        rt_strbuf_append(out, text + lead, n - lead);
    } else {
        append_fill(out, ' ', padding);
        rt_strbuf_append(out, text, n);
    }
}

static const char *percent_sign(const percent_spec *p, bool negative)
{
    return negative ? "-" : (p->flags & F_SIGN) ? "+" : (p->flags & F_BLANK) ? " " : "";
}

static bool percent_integer(rt_vm *vm, rt_strbuf *out, const percent_spec *p, rt_value v)
{
    char conv = (char)p->conv;
    if (rt_is_type(v, &rt_float_type) && (conv == 'd' || conv == 'i' || conv == 'u'))
        v = rt_int_from_double(vm, rt_float_value(v));
    else if (!rt_is_int(v))
        return rt_raise_format(vm, &rt_type_error_type,
                               conv == 'd' || conv == 'i' || conv == 'u'
                                   ? "%%%c format: a real number is required, not %T"
                                   : "%%%c format: an integer is required, not %T",
                               conv, v),
               false;
    if (!v)
        return false;
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    rt_value text = base == 10 ? rt_int_repr(vm, v) : rt_int_to_base(vm, v, base, false);
    if (!text)
        return false;
    const char *digits = rt_str_data(text);
    bool negative = digits[0] == '-';
    digits += negative;
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_cstr(&b, percent_sign(p, negative));
    if ((p->flags & F_ALT) && base != 10)
        rt_strbuf_append_cstr(&b, conv == 'X' ? "0X" : conv == 'x' ? "0x" : "0o");
    size_t lead = b.size;
    for (int64_t z = (int64_t)strlen(digits); z < p->precision; z++)
        rt_strbuf_append_char(&b, '0');
    for (const char *d = digits; *d; d++)
        rt_strbuf_append_char(&b, conv == 'X' && *d >= 'a' ? (char)(*d - 32) : *d);
    percent_pad(out, p, b.data, b.size, lead, true);
    return true;
}

static bool percent_float(rt_vm *vm, rt_strbuf *out, const percent_spec *p, rt_value v)
{
    double d;
    if (!rt_is_int(v) && !rt_is_type(v, &rt_float_type))
        return rt_raise_format(vm, &rt_type_error_type, "must be real number, not %T", v), false;
    if (!rt_number_to_double(vm, v, &d))
        return false;
    char conv = (char)p->conv;
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_cstr(&b, percent_sign(p, !isnan(d) && signbit(d)));
    size_t lead = b.size;
    if (!isfinite(d))
        rt_strbuf_append_cstr(&b, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    else
        format_finite(&b, fabs(d), upper ? (char)(conv + 32) : conv,
                      p->precision < 0 ? 6 : p->precision, false, p->flags & F_ALT,
                      upper ? 'E' : 'e');
    percent_pad(out, p, b.data, b.size, lead, true);
    return true;
}

static bool percent_char(rt_vm *vm, rt_strbuf *out, const percent_spec *p, rt_value v)
{
    int64_t c;
    if (rt_is_type(v, &rt_str_type) && rt_as_str(v)->length == 1) {
        percent_pad(out, p, rt_str_data(v), (size_t)rt_str_size(v), 0, false);
        return true;
    }
    if (!rt_is_int(v))
        return rt_raise_msg(vm, &rt_type_error_type, "%c requires int or char"), false;
    if (!rt_int_to_int64(v, &c) || c < 0 || c > 0x10FFFF)
        return rt_raise_msg(vm, &rt_overflow_error_type, "%c arg not in range(0x110000)"), false;
    char buf[4];
    percent_pad(out, p, buf, rt_utf8_encode((uint32_t)c, buf), 0, false);
    return true;
}

static bool percent_text(rt_vm *vm, rt_strbuf *out, const percent_spec *p, rt_value v)
{
    rt_value text = p->conv == 's' ? rt_str(vm, v) : p->conv == 'r' ? rt_repr(vm, v)
                                                                    : rt_ascii(vm, v);
    if (!text)
        return false;
    size_t n = (size_t)rt_str_size(text);
    if (p->precision >= 0 && p->precision < rt_as_str(text)->length)
        n = (size_t)rt_str_byte_offset(text, p->precision);
    percent_pad(out, p, rt_str_data(text), n, 0, false);
    return true;
}

static bool percent_conversion(rt_vm *vm, rt_strbuf *out, const percent_spec *p, rt_value v,
                               size_t index)
{
    switch (p->conv) {
    case 's': case 'r': case 'a': return percent_text(vm, out, p, v);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        return percent_integer(vm, out, p, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return percent_float(vm, out, p, v);
    case 'c': return percent_char(vm, out, p, v);
    default: break;
    }
    char shown = p->conv >= 31 && p->conv <= 126 ? (char)p->conv : '?';
    rt_raise_format(vm, &rt_value_error_type,
                    "unsupported format character '%c' (0x%x) at index %zu", shown,
                    (unsigned)p->conv, index);
    return false;
}

static bool percent_one(rt_vm *vm, rt_strbuf *out, percent_state *st, const char *s, size_t n,
                        size_t *i)
{
    if (*i < n && s[*i] == '%') { /* "%%" right after the '%' is a literal */
        rt_strbuf_append_char(out, '%');
        (*i)++;
        return true;
    }
    if (*i < n && s[*i] == '(' && !mapping_key(vm, st, s, n, i))
        return false;
    percent_spec p;
    if (!parse_percent_spec(vm, st, s, n, i, &p))
        return false;
    rt_value v = next_arg(vm, st);
    if (!v)
        return false;
    size_t index = (size_t)codepoints(s, *i) - 1;
    return percent_conversion(vm, out, &p, v, index);
}

rt_value rt_str_percent_format(rt_vm *vm, rt_value format, rt_value args)
{
    percent_state st = {args, -1, -2, 0};
    if (rt_is_type(args, &rt_tuple_type)) {
        st.arglen = rt_as_tuple(args)->size;
        st.argidx = 0;
    } else if (rt_type_of(args)->getitem && !rt_is_type(args, &rt_str_type)) {
        st.dict = args; /* CPython's PyMapping_Check: anything subscriptable */
    }
    const char *s = rt_str_data(format);
    size_t n = (size_t)rt_str_size(format), i = 0;
    rt_strbuf out;
    rt_strbuf_init(&out);
    while (i < n) {
        const char *pct = memchr(s + i, '%', n - i);
        size_t stop = pct ? (size_t)(pct - s) : n;
        rt_strbuf_append(&out, s + i, stop - i);
        i = stop;
        if (i >= n)
            break;
        i++;
        if (!percent_one(vm, &out, &st, s, n, &i))
            return RT_ERROR;
    }
    if (st.argidx < st.arglen && !st.dict)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "not all arguments converted during string formatting");
    return rt_strbuf_finish(&out);
}
