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
int64_t rt_float_hash(double d);
/* Converts int/bool/float to double for mixed arithmetic; false if not a number. */
bool rt_number_to_double(rt_vm *vm, rt_value v, double *out);

#endif
