/* str: immutable UTF-8 text with its code-point length and cached hash. Indexing by code point
 * is O(1) for ASCII strings (the common case) and O(n) otherwise. */
#ifndef CELLAR_STR_H
#define CELLAR_STR_H

#include <stdarg.h>

#include "value.h"

/* The typedef is rt_string because ops.h's rt_str() (str(x)) owns the name rt_str. */
typedef struct rt_str {
    rt_object base;
    int64_t size;   /* bytes, excluding the terminating NUL */
    int64_t length; /* code points */
    int64_t hash;   /* -1 until computed */
    bool ascii;
    char data[];    /* NUL-terminated UTF-8 */
} rt_string;

static inline rt_string *rt_as_str(rt_value v) { return (rt_string *)rt_as_object(v); }
static inline const char *rt_str_data(rt_value v) { return rt_as_str(v)->data; }
static inline int64_t rt_str_size(rt_value v) { return rt_as_str(v)->size; }

rt_value rt_str_new(const char *utf8, size_t size); /* copies; input must be valid UTF-8 */
rt_value rt_str_from_cstr(const char *s);
/* The VM's one str with this text: identifiers, attribute and global names. */
rt_value rt_str_intern(rt_vm *vm, const char *s);
rt_value rt_str_intern_value(rt_vm *vm, rt_value str);
bool rt_str_equal(rt_value a, rt_value b);
bool rt_str_equal_cstr(rt_value s, const char *c);
int64_t rt_str_hash(rt_value s);
rt_value rt_str_concat(rt_vm *vm, rt_value a, rt_value b);
/* repr() of a str, with CPython's quote choice and escapes. */
rt_value rt_str_repr(rt_vm *vm, rt_value s);

/* Formats like PyUnicode_FromFormat: printf's %s %d %i %u %ld %lld %zd %zu %c %x %p %%, plus
 * %R (repr of an rt_value), %S (str of an rt_value), %T (type name of an rt_value),
 * %U (an rt_value str inserted as is). Returns 0 with an exception pending when a repr fails. */
rt_value rt_str_printf(rt_vm *vm, const char *fmt, ...);
rt_value rt_str_vprintf(rt_vm *vm, const char *fmt, va_list ap);

/* A growable UTF-8 buffer for building strings. Memory is GC-allocated. */
typedef struct rt_strbuf {
    char *data;
    size_t size, capacity;
} rt_strbuf;
void rt_strbuf_init(rt_strbuf *b);
void rt_strbuf_append(rt_strbuf *b, const char *s, size_t n);
void rt_strbuf_append_cstr(rt_strbuf *b, const char *s);
void rt_strbuf_append_char(rt_strbuf *b, char c);
/* Appends str(v) / repr(v); false with an exception pending on failure. */
bool rt_strbuf_append_str_of(rt_vm *vm, rt_strbuf *b, rt_value v);
bool rt_strbuf_append_repr_of(rt_vm *vm, rt_strbuf *b, rt_value v);
rt_value rt_strbuf_finish(rt_strbuf *b);

/* ascii(v): repr(v) with non-ASCII characters escaped as \xNN, \uNNNN, \UNNNNNNNN. */
rt_value rt_ascii(rt_vm *vm, rt_value v);
rt_value rt_str_from_codepoint(uint32_t c);
/* str * n (n may be negative: empty); OverflowError when the result cannot be built. */
rt_value rt_str_repeat(rt_vm *vm, rt_value s, int64_t n);
/* Code points [start, stop) of s, 0 <= start <= stop <= length. */
rt_value rt_str_substring(rt_value s, int64_t start, int64_t stop);
/* Byte offset of code point `index` in s (0 <= index <= length). O(1) for ASCII. */
int64_t rt_str_byte_offset(rt_value s, int64_t index);

/* UTF-8 and code-point helpers shared by the number and string modules. */
uint32_t rt_utf8_decode(const char *s, size_t *len); /* valid UTF-8 assumed */
size_t rt_utf8_encode(uint32_t c, char *out);        /* writes 1-4 bytes */
bool rt_codepoint_isspace(uint32_t c);               /* str.isspace / split() whitespace */
int rt_codepoint_decimal(uint32_t c);                /* 0-9 for decimal digits, else -1 */
/* str.isprintable / repr() escaping. Exact for ASCII and Latin-1; for other characters an
 * approximation that treats the common non-printable blocks (format characters, separators,
 * surrogates, private use, noncharacters) as such and everything else as printable. */
bool rt_codepoint_isprintable(uint32_t c);

extern const rt_type rt_str_iterator_type, rt_str_ascii_iterator_type;
/* The method table of str (str_methods.c). */
extern const rt_method rt_str_methods[];

#endif
