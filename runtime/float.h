/* float: boxed IEEE doubles with CPython's arithmetic, errors and shortest round-trip repr. */
#ifndef CELLAR_FLOAT_H
#define CELLAR_FLOAT_H

#include "value.h"

typedef struct rt_float {
    rt_object base;
    double value;
} rt_float;

rt_value rt_float_new(double d);
static inline double rt_float_value(rt_value v) { return ((rt_float *)rt_as_object(v))->value; }
/* Shortest string that round-trips, formatted as CPython's float.__repr__ ("1e+16", "0.1"). */
rt_value rt_float_repr(rt_vm *vm, rt_value v);
/* Writes the repr into buf (at least 32 bytes); returns its length. */
int rt_double_repr(double d, char *buf);
/* The digits (no dot, no trailing zeros, at least one) of the shortest decimal that reads back
 * as d, finite and positive, and the decimal point position: d = 0.DIGITS * 10**decpt. */
int rt_double_shortest_digits(double d, char *digits, int *decpt);
int64_t rt_float_hash(double d);
/* Converts int/bool/float to double for mixed arithmetic; false if not a number. */
bool rt_number_to_double(rt_vm *vm, rt_value v, double *out);

/* Parses float() text (whitespace, underscores between digits, inf/nan); false if invalid. */
bool rt_parse_double(const char *s, size_t n, double *out);
/* float(x) for a number or str, with CPython's errors. */
rt_value rt_float_from_value(rt_vm *vm, rt_value x);
/* Numeric helpers for the builtins round(), abs() and divmod() (int, bool, float). */
rt_value rt_number_round(rt_vm *vm, rt_value x, rt_value ndigits); /* ndigits: 0 or None = none */
rt_value rt_number_abs(rt_vm *vm, rt_value x);     /* RT_NOT_IMPLEMENTED if not a number */
rt_value rt_number_divmod(rt_vm *vm, rt_value a, rt_value b); /* RT_NOT_IMPLEMENTED likewise */

/* The type's slots (int's binary slot hands mixed int/float operations to float's). */
rt_value rt_float_binary(rt_vm *vm, int op, rt_value a, rt_value b);
rt_value rt_float_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op);

#endif
