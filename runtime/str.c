/* str: construction, UTF-8 and code-point helpers, CPython's siphash13 string hash (over the
 * same UCS1/UCS2/UCS4 bytes CPython hashes, so set and dict order match under PYTHONHASHSEED=0),
 * repr and ascii, the string builder, rt_str_printf, interning, and the type's slots. The
 * methods are in str_methods.c, formatting in format.c. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "format.h"
#include "int.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "unicode.h"

/* --- UTF-8 and code points ----------------------------------------------------------------- */

uint32_t rt_utf8_decode(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    if (u[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if (u[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
           ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

size_t rt_utf8_encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Exactly the characters CPython's str.isspace() and str.split() treat as whitespace. */
bool rt_codepoint_isspace(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

int rt_codepoint_decimal(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
    return rt_unicode_decimal(c);
}

bool rt_codepoint_isprintable(uint32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7F;
    return rt_unicode_is(c, RT_UNICODE_PRINTABLE);
}

/* --- construction and comparison ----------------------------------------------------------- */

static rt_string *str_alloc(size_t size)
{
    rt_string *s = rt_alloc_atomic(sizeof(rt_string) + size + 1, &rt_str_type);
    s->size = (int64_t)size;
    s->hash = -1;
    return s;
}

static void str_measure(rt_string *s)
{
    int64_t length = 0;
    bool ascii = true;
    for (int64_t i = 0; i < s->size; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (c >= 0x80)
            ascii = false;
        if ((c & 0xC0) != 0x80)
            length++;
    }
    s->length = length;
    s->ascii = ascii;
}

rt_value rt_str_new(const char *utf8, size_t size)
{
    rt_string *s = str_alloc(size);
    memcpy(s->data, utf8, size);
    s->data[size] = '\0';
    str_measure(s);
    return rt_from_object(s);
}

rt_value rt_str_from_cstr(const char *s) { return rt_str_new(s, strlen(s)); }

rt_value rt_str_from_codepoint(uint32_t c)
{
    char buf[4];
    return rt_str_new(buf, rt_utf8_encode(c, buf));
}

bool rt_str_equal(rt_value a, rt_value b)
{
    if (a == b)
        return true;
    rt_string *x = rt_as_str(a), *y = rt_as_str(b);
    if (x->size != y->size || (x->hash != -1 && y->hash != -1 && x->hash != y->hash))
        return false;
    return memcmp(x->data, y->data, (size_t)x->size) == 0;
}

bool rt_str_equal_cstr(rt_value s, const char *c)
{
    size_t n = strlen(c);
    return (size_t)rt_str_size(s) == n && memcmp(rt_str_data(s), c, n) == 0;
}

/* The byte offset `count` code points after byte `offset`. */
static int64_t advance(const rt_string *s, int64_t offset, int64_t count)
{
    for (; count > 0 && offset < s->size; count--) {
        offset++;
        while (offset < s->size && ((unsigned char)s->data[offset] & 0xC0) == 0x80)
            offset++;
    }
    return offset;
}

int64_t rt_str_byte_offset(rt_value s, int64_t index)
{
    rt_string *str = rt_as_str(s);
    return str->ascii ? index : advance(str, 0, index);
}

rt_value rt_str_substring(rt_value s, int64_t start, int64_t stop)
{
    rt_string *str = rt_as_str(s);
    if (start == 0 && stop == str->length)
        return s;
    int64_t from = rt_str_byte_offset(s, start);
    int64_t to = str->ascii ? stop : advance(str, from, stop - start);
    return rt_str_new(str->data + from, (size_t)(to - from));
}

rt_value rt_str_concat(rt_vm *vm, rt_value a, rt_value b)
{
    rt_string *x = rt_as_str(a), *y = rt_as_str(b);
    if (y->size == 0)
        return a;
    if (x->size == 0)
        return b;
    rt_string *s = str_alloc((size_t)(x->size + y->size));
    memcpy(s->data, x->data, (size_t)x->size);
    memcpy(s->data + x->size, y->data, (size_t)y->size + 1);
    s->length = x->length + y->length;
    s->ascii = x->ascii && y->ascii;
    return rt_from_object(s);
}

/* Results beyond this many bytes cannot be allocated on any machine cellar runs on; CPython
 * reports those as MemoryError rather than dying, and so does cellar. */
#define STR_MAX_SIZE ((int64_t)1 << 34)

rt_value rt_str_repeat(rt_vm *vm, rt_value v, int64_t n)
{
    rt_string *x = rt_as_str(v);
    if (n <= 0 || x->size == 0)
        return rt_str_new("", 0);
    if (n == 1)
        return v;
    if (n > INT64_MAX / x->size)
        return rt_raise_msg(vm, &rt_overflow_error_type, "repeated string is too long");
    if (n > STR_MAX_SIZE / x->size)
        return rt_raise_msg(vm, &rt_memory_error_type, "");
    rt_string *s = str_alloc((size_t)(x->size * n));
    for (int64_t i = 0; i < n; i++)
        memcpy(s->data + i * x->size, x->data, (size_t)x->size);
    s->data[s->size] = '\0';
    s->length = x->length * n;
    s->ascii = x->ascii;
    return rt_from_object(s);
}

/* --- hashing: CPython's siphash13 ------------------------------------------------------------ */

static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

static void half_round(uint64_t *a, uint64_t *b, uint64_t *c, uint64_t *d, int s, int t)
{
    *a += *b;
    *c += *d;
    *b = rotl(*b, s) ^ *a;
    *d = rotl(*d, t) ^ *c;
    *a = rotl(*a, 32);
}

static void sip_round(uint64_t v[4])
{
    half_round(&v[0], &v[1], &v[2], &v[3], 13, 16);
    half_round(&v[2], &v[1], &v[0], &v[3], 17, 21);
}

/* CPython's siphash13 (Python/pyhash.c) with the all-zero key of PYTHONHASHSEED=0. */
static uint64_t siphash13(const uint8_t *in, size_t size)
{
    const uint64_t k0 = 0, k1 = 0;
    uint64_t v[4] = {k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
                     k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    uint64_t b = (uint64_t)size << 56;
    for (; size >= 8; in += 8, size -= 8) {
        uint64_t m = 0;
        for (int i = 7; i >= 0; i--)
            m = (m << 8) | in[i]; /* little-endian load */
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < size; i++)
        t |= (uint64_t)in[i] << (8 * i);
    b |= t;
    v[3] ^= b;
    sip_round(v);
    v[0] ^= b;
    v[2] ^= 0xff;
    sip_round(v);
    sip_round(v);
    sip_round(v);
    return (v[0] ^ v[1]) ^ (v[2] ^ v[3]);
}

/* CPython hashes a str's internal representation: one byte per character when every code
 * point is below 256, two (little-endian) below 65536, else four. */
static int64_t hash_non_ascii(rt_string *s)
{
    uint32_t max = 0;
    for (int64_t i = 0; i < s->size;) {
        size_t len;
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        max = c > max ? c : max;
        i += (int64_t)len;
    }
    size_t width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    uint8_t *units = rt_alloc_raw_atomic((size_t)s->length * width + 1);
    size_t n = 0;
    for (int64_t i = 0; i < s->size;) {
        size_t len;
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        for (size_t k = 0; k < width; k++)
            units[n++] = (uint8_t)(c >> (8 * k));
        i += (int64_t)len;
    }
    return (int64_t)siphash13(units, n);
}

int64_t rt_str_hash(rt_value v)
{
    rt_string *s = rt_as_str(v);
    if (s->hash != -1)
        return s->hash;
    int64_t h = 0;
    if (s->size > 0)
        h = s->ascii ? (int64_t)siphash13((const uint8_t *)s->data, (size_t)s->size)
                     : hash_non_ascii(s);
    if (h == -1)
        h = -2;
    s->hash = h;
    return h;
}

/* --- repr and ascii ------------------------------------------------------------------------ */

static void append_escape(rt_strbuf *b, uint32_t c)
{
    char buf[12];
    if (c <= 0xFF)
        snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c <= 0xFFFF)
        snprintf(buf, sizeof buf, "\\u%04x", c);
    else
        snprintf(buf, sizeof buf, "\\U%08x", c);
    rt_strbuf_append_cstr(b, buf);
}

/* unicode_repr: single quotes unless the text has ' and no ". `ascii_only` escapes every
 * non-ASCII character (ascii()); otherwise only the non-printable ones. */
static rt_value quote_str(rt_value v, bool ascii_only)
{
    rt_string *s = rt_as_str(v);
    bool has_single = memchr(s->data, '\'', (size_t)s->size) != NULL;
    bool has_double = memchr(s->data, '"', (size_t)s->size) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_char(&b, quote);
    for (int64_t i = 0; i < s->size;) {
        size_t len;
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        if (c == (uint32_t)quote || c == '\\') {
            rt_strbuf_append_char(&b, '\\');
            rt_strbuf_append_char(&b, (char)c);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            rt_strbuf_append_cstr(&b, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && (ascii_only || !rt_codepoint_isprintable(c)))) {
            append_escape(&b, c);
        } else {
            rt_strbuf_append(&b, s->data + i, len);
        }
        i += (int64_t)len;
    }
    rt_strbuf_append_char(&b, quote);
    return rt_strbuf_finish(&b);
}

rt_value rt_str_repr(rt_vm *vm, rt_value s) { return quote_str(s, false); }

rt_value rt_ascii(rt_vm *vm, rt_value v)
{
    if (rt_is_type(v, &rt_str_type))
        return quote_str(v, true);
    rt_value r = rt_repr(vm, v);
    if (!r || rt_as_str(r)->ascii)
        return r;
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (int64_t i = 0; i < rt_str_size(r);) {
        size_t len;
        uint32_t c = rt_utf8_decode(rt_str_data(r) + i, &len);
        if (c < 0x80)
            rt_strbuf_append_char(&b, (char)c);
        else
            append_escape(&b, c);
        i += (int64_t)len;
    }
    return rt_strbuf_finish(&b);
}

/* --- the string builder -------------------------------------------------------------------- */

void rt_strbuf_init(rt_strbuf *b)
{
    b->capacity = 64;
    b->size = 0;
    b->data = rt_alloc_raw_atomic(b->capacity);
}

static void strbuf_reserve(rt_strbuf *b, size_t extra)
{
    if (b->size + extra + 1 <= b->capacity)
        return;
    size_t capacity = b->capacity * 2;
    while (capacity < b->size + extra + 1)
        capacity *= 2;
    b->data = rt_realloc_raw(b->data, capacity);
    b->capacity = capacity;
}

void rt_strbuf_append(rt_strbuf *b, const char *s, size_t n)
{
    strbuf_reserve(b, n);
    memcpy(b->data + b->size, s, n);
    b->size += n;
}

void rt_strbuf_append_cstr(rt_strbuf *b, const char *s) { rt_strbuf_append(b, s, strlen(s)); }

void rt_strbuf_append_char(rt_strbuf *b, char c) { rt_strbuf_append(b, &c, 1); }

bool rt_strbuf_append_str_of(rt_vm *vm, rt_strbuf *b, rt_value v)
{
    rt_value s = rt_is_type(v, &rt_str_type) ? v : rt_str(vm, v);
    if (!s)
        return false;
    rt_strbuf_append(b, rt_str_data(s), (size_t)rt_str_size(s));
    return true;
}

bool rt_strbuf_append_repr_of(rt_vm *vm, rt_strbuf *b, rt_value v)
{
    rt_value s = rt_repr(vm, v);
    if (!s)
        return false;
    rt_strbuf_append(b, rt_str_data(s), (size_t)rt_str_size(s));
    return true;
}

rt_value rt_strbuf_finish(rt_strbuf *b)
{
    rt_value s = rt_str_new(b->data, b->size);
    rt_strbuf_init(b);
    return s;
}

/* --- rt_str_printf ------------------------------------------------------------------------- */

/* Appends a str, truncated to `precision` code points when precision >= 0. */
static void append_truncated(rt_strbuf *b, rt_value s, long precision)
{
    int64_t size = rt_str_size(s);
    if (precision >= 0 && precision < rt_as_str(s)->length)
        size = rt_str_byte_offset(s, precision);
    rt_strbuf_append(b, rt_str_data(s), (size_t)size);
}

/* One conversion of an rt_str_printf format: flags, width and precision ('*' reads an int
 * argument, as in printf), length modifier and conversion character. */
typedef struct conversion {
    char flags[8];
    int width, precision; /* -1 when absent */
    char length[3];
    char conv;
} conversion;

static const char *parse_conversion(const char *p, conversion *c, va_list *ap)
{
    *c = (conversion){.width = -1, .precision = -1};
    size_t nflags = 0;
    while (*p && strchr("-+ #0", *p) && nflags < sizeof c->flags - 1)
        c->flags[nflags++] = *p++;
    if (*p == '*') {
        c->width = va_arg(*ap, int);
        p++;
    } else if (*p >= '0' && *p <= '9') {
        c->width = (int)strtol(p, (char **)&p, 10);
    }
    if (*p == '.') {
        p++;
        if (*p == '*') {
            c->precision = va_arg(*ap, int);
            p++;
        } else {
            c->precision = (int)strtol(p, (char **)&p, 10);
        }
    }
    for (size_t n = 0; (*p == 'z' || *p == 'l' || *p == 'h') && n < 2; n++)
        c->length[n] = *p++;
    c->conv = *p;
    return p;
}

/* The C argument of a conversion, read from the va_list once. */
typedef struct c_argument {
    char kind; /* 's' string, 'p' pointer, 'd' double, 'z' size_t, 'L' long long, 'l', 'i' */
    union {
        const char *s;
        void *p;
        double d;
        size_t z;
        long long ll;
        long l;
        int i;
    } u;
} c_argument;

static c_argument read_argument(const conversion *c, va_list *ap)
{
    c_argument a;
    if (c->conv == 's')
        a = (c_argument){'s', {.s = va_arg(*ap, const char *)}};
    else if (c->conv == 'p')
        a = (c_argument){'p', {.p = va_arg(*ap, void *)}};
    else if (strchr("eEfFgGaA", c->conv))
        a = (c_argument){'d', {.d = va_arg(*ap, double)}};
    else if (strcmp(c->length, "z") == 0)
        a = (c_argument){'z', {.z = va_arg(*ap, size_t)}};
    else if (strcmp(c->length, "ll") == 0)
        a = (c_argument){'L', {.ll = va_arg(*ap, long long)}};
    else if (strcmp(c->length, "l") == 0)
        a = (c_argument){'l', {.l = va_arg(*ap, long)}};
    else
        a = (c_argument){'i', {.i = va_arg(*ap, int)}};
    return a;
}

static int format_argument(char *out, size_t cap, const char *fmt, const c_argument *a)
{
    switch (a->kind) {
    case 's': return snprintf(out, cap, fmt, a->u.s ? a->u.s : "(null)");
    case 'p': return snprintf(out, cap, fmt, a->u.p);
    case 'd': return snprintf(out, cap, fmt, a->u.d);
    case 'z': return snprintf(out, cap, fmt, a->u.z);
    case 'L': return snprintf(out, cap, fmt, a->u.ll);
    case 'l': return snprintf(out, cap, fmt, a->u.l);
    default: return snprintf(out, cap, fmt, a->u.i);
    }
}

/* A C argument converted by snprintf with the same flags, width and precision. */
static void append_c_conversion(rt_strbuf *b, const conversion *c, va_list *ap)
{
    c_argument a = read_argument(c, ap);
    char fmt[48], small[128];
    int n = snprintf(fmt, sizeof fmt, "%%%s", c->flags);
    if (c->width >= 0)
        n += snprintf(fmt + n, sizeof fmt - (size_t)n, "%d", c->width);
    if (c->precision >= 0)
        n += snprintf(fmt + n, sizeof fmt - (size_t)n, ".%d", c->precision);
    snprintf(fmt + n, sizeof fmt - (size_t)n, "%s%c", a.kind == 'd' ? "" : c->length, c->conv);
    n = format_argument(small, sizeof small, fmt, &a);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        rt_strbuf_append(b, small, (size_t)n);
        return;
    }
    char *big = rt_alloc_raw_atomic((size_t)n + 1);
    format_argument(big, (size_t)n + 1, fmt, &a);
    rt_strbuf_append(b, big, (size_t)n);
}

/* %R %S %T %U: a value's repr, str, type name, or the str itself. */
static bool append_value_conversion(rt_vm *vm, rt_strbuf *b, char conv, long precision,
                                    rt_value v)
{
    rt_value s;
    if (conv == 'T') {
        const char *name = rt_type_of(v)->name;
        rt_strbuf_append_cstr(b, name);
        return true;
    }
    if (conv == 'U')
        s = v;
    else if (conv == 'R')
        s = rt_repr(vm, v);
    else
        s = rt_is_type(v, &rt_str_type) ? v : rt_str(vm, v);
    if (!s)
        return false;
    append_truncated(b, s, precision);
    return true;
}

rt_value rt_str_vprintf(rt_vm *vm, const char *fmt, va_list ap)
{
    rt_strbuf b;
    rt_strbuf_init(&b);
    va_list args;
    va_copy(args, ap);
    bool ok = true;
    for (const char *p = fmt; *p && ok; p++) {
        if (*p != '%') {
            rt_strbuf_append_char(&b, *p);
            continue;
        }
        if (p[1] == '%') {
            rt_strbuf_append_char(&b, '%');
            p++;
            continue;
        }
        conversion c;
        p = parse_conversion(p + 1, &c, &args);
        if (c.conv == '\0')
            break;
        if (c.conv == 'R' || c.conv == 'S' || c.conv == 'T' || c.conv == 'U')
            ok = append_value_conversion(vm, &b, c.conv, c.precision, va_arg(args, rt_value));
        else
            append_c_conversion(&b, &c, &args);
    }
    va_end(args);
    return ok ? rt_strbuf_finish(&b) : RT_ERROR;
}

rt_value rt_str_printf(rt_vm *vm, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_value s = rt_str_vprintf(vm, fmt, ap);
    va_end(ap);
    return s;
}

/* --- interning ----------------------------------------------------------------------------- */

rt_value rt_str_intern_value(rt_vm *vm, rt_value str)
{
    if (!vm->interned)
        vm->interned = rt_dict_new();
    rt_value found = rt_dict_get_str(vm->interned, str);
    if (found)
        return found;
    if (rt_dict_set(vm, vm->interned, str, str) < 0)
        return RT_ERROR;
    return str;
}

rt_value rt_str_intern(rt_vm *vm, const char *s)
{
    return rt_str_intern_value(vm, rt_str_from_cstr(s));
}

/* --- slots --------------------------------------------------------------------------------- */

static rt_value str_repr_slot(rt_vm *vm, rt_value self) { return rt_str_repr(vm, self); }

static rt_value str_str_slot(rt_vm *vm, rt_value self) { return self; }

static bool str_hash_slot(rt_vm *vm, rt_value self, int64_t *out)
{
    *out = rt_str_hash(self);
    return true;
}

/* UTF-8 byte order is code-point order, so memcmp compares as CPython does. */
static rt_value str_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(self, &rt_str_type) || !rt_is_type(other, &rt_str_type))
        return RT_NOT_IMPLEMENTED;
    if (op == RT_EQ || op == RT_NE)
        return rt_bool(rt_str_equal(self, other) == (op == RT_EQ));
    rt_string *a = rt_as_str(self), *b = rt_as_str(other);
    size_t n = (size_t)(a->size < b->size ? a->size : b->size);
    int c = memcmp(a->data, b->data, n);
    if (c == 0)
        c = (a->size > b->size) - (a->size < b->size);
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
}

static rt_value str_multiply(rt_vm *vm, rt_value s, rt_value count)
{
    if (!rt_is_int(count))
        return rt_raise_format(vm, &rt_type_error_type,
                               "can't multiply sequence by non-int of type '%T'", count);
    int64_t n;
    if (!rt_int_index(vm, count, &n))
        return RT_ERROR;
    return rt_str_repeat(vm, s, n);
}

static rt_value str_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    op &= ~RT_INPLACE;
    bool left = rt_is_type(a, &rt_str_type);
    switch (op) {
    case RT_ADD:
        if (!left)
            return RT_NOT_IMPLEMENTED;
        if (!rt_is_type(b, &rt_str_type))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "can only concatenate str (not \"%T\") to str", b);
        return rt_str_concat(vm, a, b);
    case RT_MUL:
        return left ? str_multiply(vm, a, b) : str_multiply(vm, b, a);
    case RT_MOD:
        return left ? rt_str_percent_format(vm, a, b) : RT_NOT_IMPLEMENTED;
    default: return RT_NOT_IMPLEMENTED;
    }
}

static int str_truth(rt_vm *vm, rt_value self) { return rt_str_size(self) != 0; }

static int64_t str_length(rt_vm *vm, rt_value self) { return rt_as_str(self)->length; }

static int str_contains(rt_vm *vm, rt_value self, rt_value item)
{
    if (!rt_is_type(item, &rt_str_type)) {
        rt_raise_format(vm, &rt_type_error_type,
                        "'in <string>' requires string as left operand, not %T", item);
        return -1;
    }
    if (rt_str_size(item) == 0)
        return 1;
    return memmem(rt_str_data(self), (size_t)rt_str_size(self), rt_str_data(item),
                  (size_t)rt_str_size(item)) != NULL;
}

/* Code point i of s as a one-character str. */
static rt_value char_at(rt_value s, int64_t i)
{
    if (rt_as_str(s)->ascii)
        return rt_str_new(rt_str_data(s) + i, 1);
    int64_t offset = rt_str_byte_offset(s, i);
    size_t len;
    rt_utf8_decode(rt_str_data(s) + offset, &len);
    return rt_str_new(rt_str_data(s) + offset, len);
}

static rt_value str_slice(rt_vm *vm, rt_value s, rt_value slice)
{
    int64_t start, stop, step, count;
    if (rt_slice_indices(vm, slice, rt_as_str(s)->length, &start, &stop, &step, &count) < 0)
        return RT_ERROR;
    if (step == 1)
        return rt_str_substring(s, start, start + count);
    rt_strbuf b;
    rt_strbuf_init(&b);
    bool ascii = rt_as_str(s)->ascii;
    for (int64_t k = 0, i = start; k < count; k++, i += step) {
        if (ascii) {
            rt_strbuf_append_char(&b, rt_str_data(s)[i]);
        } else {
            rt_value c = char_at(s, i);
            rt_strbuf_append(&b, rt_str_data(c), (size_t)rt_str_size(c));
        }
    }
    return rt_strbuf_finish(&b);
}

static rt_value str_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    if (rt_is_type(key, &rt_slice_type))
        return str_slice(vm, self, key);
    if (!rt_is_int(key))
        return rt_raise_format(vm, &rt_type_error_type, "string indices must be integers, not '%T'",
                               key);
    int64_t i;
    if (!rt_int_index(vm, key, &i)) {
        if (rt_pending_is(vm, &rt_overflow_error_type)) {
            vm->pending = 0;
            return rt_raise_msg(vm, &rt_index_error_type,
                                "cannot fit 'int' into an index-sized integer");
        }
        return RT_ERROR;
    }
    int64_t length = rt_as_str(self)->length;
    if (i < 0)
        i += length;
    if (i < 0 || i >= length)
        return rt_raise_msg(vm, &rt_index_error_type, "string index out of range");
    return char_at(self, i);
}

/* The iterator: a byte offset into the string, so iterating non-ASCII text stays linear. */
typedef struct str_iterator {
    rt_object base;
    rt_value str;
    int64_t offset;
} str_iterator;

static rt_value str_iter(rt_vm *vm, rt_value self)
{
    /* CPython 3.11 names the iterator of an ASCII string differently. */
    const rt_type *type = rt_as_str(self)->ascii ? &rt_str_ascii_iterator_type
                                                 : &rt_str_iterator_type;
    str_iterator *it = rt_alloc(sizeof(str_iterator), type);
    it->str = self;
    return rt_from_object(it);
}

static rt_value str_iterator_next(rt_vm *vm, rt_value self)
{
    str_iterator *it = (str_iterator *)rt_as_object(self);
    if (!it->str || it->offset >= rt_str_size(it->str)) {
        it->str = 0;
        return RT_ITER_DONE;
    }
    size_t len;
    rt_utf8_decode(rt_str_data(it->str) + it->offset, &len);
    rt_value c = rt_str_new(rt_str_data(it->str) + it->offset, len);
    it->offset += (int64_t)len;
    return c;
}

static rt_value str_iterator_iter(rt_vm *vm, rt_value self) { return self; }

const rt_type rt_str_iterator_type = {
    .base = {&rt_type_type},
    .name = "str_iterator",
    .base_type = &rt_object_type,
    .iter = str_iterator_iter,
    .next = str_iterator_next,
};

const rt_type rt_str_ascii_iterator_type = {
    .base = {&rt_type_type},
    .name = "str_ascii_iterator",
    .base_type = &rt_object_type,
    .iter = str_iterator_iter,
    .next = str_iterator_next,
};

static rt_value str_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    size_t nkw = kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
    rt_value object = nargs > 0 ? args[0] : 0;
    for (size_t k = 0; k < nkw; k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        if (!rt_str_equal_cstr(name, "object"))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "'%U' is an invalid keyword argument for str()", name);
        object = args[nargs + k];
    }
    if (nargs > 3)
        return rt_raise_format(vm, &rt_type_error_type,
                               "str() takes at most 3 arguments (%zu given)", nargs);
    if (nargs > 1)
        return rt_raise_format(vm, &rt_type_error_type,
                               "str() argument 'encoding' must be str, not %T", args[1]);
    if (!object)
        return rt_str_new("", 0);
    return rt_str(vm, object);
}

const rt_type rt_str_type = {
    .base = {&rt_type_type},
    .name = "str",
    .base_type = &rt_object_type,
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .compare = str_compare,
    .binary = str_binary,
    .truth = str_truth,
    .length = str_length,
    .contains = str_contains,
    .getitem = str_getitem,
    .iter = str_iter,
    .methods = rt_str_methods,
    .construct = str_construct,
};
