/* int: unboxed small ints and GMP-backed big ints behind one interface. A big int is never
 * within the small range, so equal values always have equal representations. */
#ifndef CELLAR_INT_H
#define CELLAR_INT_H

#include <gmp.h>

#include "value.h"

typedef struct rt_bigint {
    rt_object base;
    mpz_t z;
} rt_bigint;

rt_value rt_int_from_int64(int64_t i);
rt_value rt_int_from_mpz(const mpz_t z);         /* copies; normalises to small when it fits */
/* The same without the copy: the new int takes z's limbs and leaves z empty (still to be
 * cleared). For results computed into a temporary, where the copy doubles the work. */
rt_value rt_int_take_mpz(mpz_t z);
/* A read-only view of an int as an mpz: a big int's own, or `space` (initialised by the
 * caller) set to a small int or bool. */
mpz_srcptr rt_int_view_mpz(rt_value v, mpz_t space);
/* An int literal's text (underscores and a base prefix allowed); 0 with ValueError pending if
 * invalid. No digit limit: huge hexadecimal literals are legal and the parser checks decimal
 * ones. int(str) is the int type's construct slot, which does apply the limit. */
rt_value rt_int_from_string(rt_vm *vm, const char *digits, int base);
bool rt_is_int(rt_value v);                      /* int or bool */
/* Fails (false) when the value does not fit; no exception is set. */
bool rt_int_to_int64(rt_value v, int64_t *out);
/* Sets `out` (initialised by the caller) to the value of an int or bool. */
void rt_int_to_mpz(rt_value v, mpz_t out);
/* Index conversion with CPython's errors (TypeError: '...' object cannot be interpreted as an
 * integer / OverflowError); returns false with an exception pending. */
bool rt_int_index(rt_vm *vm, rt_value v, int64_t *out);
rt_value rt_int_repr(rt_vm *vm, rt_value v);
rt_value rt_int_to_base(rt_vm *vm, rt_value v, int base, bool prefix); /* hex()/oct()/bin() */
double rt_int_to_double(rt_vm *vm, rt_value v, bool *ok);           /* OverflowError */
int64_t rt_int_hash(rt_value v); /* CPython's hash of an int (mod 2**61 - 1) */

/* CPython's modulus for the hashes of numbers, 2**61 - 1. */
#define RT_HASH_MODULUS (((uint64_t)1 << 61) - 1)

/* The hash of an int from its magnitude mod RT_HASH_MODULUS and its sign: -1 is the error
 * value in CPython, so it becomes -2. */
static inline int64_t rt_int_hash_signed(bool negative, uint64_t reduced)
{
    int64_t r = negative ? -(int64_t)reduced : (int64_t)reduced;
    return r == -1 ? -2 : r;
}

/* rt_int_hash of a small int, inline for dict and set probes: its magnitude is at most 2**61,
 * so one subtraction reduces it. */
static inline int64_t rt_small_int_hash(rt_value v)
{
    int64_t i = rt_small_int_value(v);
    uint64_t h = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    if (h >= RT_HASH_MODULUS)
        h -= RT_HASH_MODULUS;
    return rt_int_hash_signed(i < 0, h);
}

/* CPython 3.11's default sys.get_int_max_str_digits(): decimal conversions of ints with more
 * digits raise ValueError (CVE-2020-10735). Fixed here; cellar has no sys.set_int_max_str_digits. */
enum { RT_INT_MAX_STR_DIGITS = 4300 };

/* int(d) for a double: truncates; ValueError for NaN, OverflowError for infinities. */
rt_value rt_int_from_double(rt_vm *vm, double d);
/* -1, 0 or 1 (int or bool). */
int rt_int_sign(rt_value v);
/* Exact comparison of an int with a double (no rounding): -1, 0, 1, or 2 when d is NaN. */
int rt_int_compare_double(rt_value i, double d);
/* pow(base, exp, mod) for ints, with CPython's errors (modulus 0, non-invertible base). */
rt_value rt_int_pow_mod(rt_vm *vm, rt_value base, rt_value exp, rt_value mod);
/* Correctly rounded int / int (CPython's true division), OverflowError when too large. */
rt_value rt_int_true_divide(rt_vm *vm, rt_value a, rt_value b);

/* The type's slots, shared with bool (a subtype) and float (mixed arithmetic). */
rt_value rt_int_binary(rt_vm *vm, int op, rt_value a, rt_value b);
rt_value rt_int_unary(rt_vm *vm, int op, rt_value a);
rt_value rt_int_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op);
bool rt_int_hash_slot(rt_vm *vm, rt_value self, int64_t *out);
rt_value rt_int_getattr(rt_vm *vm, rt_value self, rt_value name); /* real, imag, ... */

#endif
