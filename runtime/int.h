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
rt_value rt_int_from_string(rt_vm *vm, const char *digits, int base); /* literal text; 0 on error */
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

#endif
