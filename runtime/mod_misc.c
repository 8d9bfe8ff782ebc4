/* The small built-in modules: time (clocks and sleep), sys (argv, modules, the recursion
 * limit, stdout/stderr, exit) and math (the common functions and constants, with CPython's
 * "math domain error" / "math range error" conventions). */
#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "struct_seq.h"
#include "tuple.h"
#include "type.h"

/* ---- time ---- */

static double clock_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static rt_value clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return rt_int_from_int64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static rt_value seconds_value(clockid_t clock) { return rt_float_new(clock_seconds(clock)); }

static rt_value time_time(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "time", nargs, kwnames, 0, 0) ? seconds_value(CLOCK_REALTIME) : 0;
}

static rt_value time_perf_counter(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                  rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "perf_counter", nargs, kwnames, 0, 0) ? seconds_value(CLOCK_MONOTONIC)
                                                                   : 0;
}

static rt_value time_process_time(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                  rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "process_time", nargs, kwnames, 0, 0)
               ? seconds_value(CLOCK_PROCESS_CPUTIME_ID)
               : 0;
}

static rt_value time_time_ns(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "time_ns", nargs, kwnames, 0, 0) ? clock_ns(CLOCK_REALTIME) : 0;
}

static rt_value time_perf_counter_ns(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                     rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "perf_counter_ns", nargs, kwnames, 0, 0) ? clock_ns(CLOCK_MONOTONIC)
                                                                      : 0;
}

static rt_value time_sleep(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "sleep", nargs, kwnames, 1, 1))
        return 0;
    double secs;
    if (!rt_is_int(args[0]) && !rt_is_type(args[0], &rt_float_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "'%T' object cannot be interpreted as an integer", args[0]);
    if (!rt_number_to_double(vm, args[0], &secs))
        return 0;
    if (secs < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "sleep length must be non-negative");
    struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
    return RT_NONE;
}

rt_value rt_time_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "time");
    rt_module_def(vm, m, "time", time_time);
    rt_module_def(vm, m, "perf_counter", time_perf_counter);
    rt_module_def(vm, m, "monotonic", time_perf_counter);
    rt_module_def(vm, m, "process_time", time_process_time);
    rt_module_def(vm, m, "time_ns", time_time_ns);
    rt_module_def(vm, m, "perf_counter_ns", time_perf_counter_ns);
    rt_module_def(vm, m, "monotonic_ns", time_perf_counter_ns);
    rt_module_def(vm, m, "sleep", time_sleep);
    return m;
}

/* ---- sys ---- */

void rt_stream_write(rt_vm *vm, rt_value stream, rt_value text)
{
    rt_stream *s = (rt_stream *)rt_as_object(stream);
    (s->err ? rt_write_err : rt_write_out)(vm, rt_str_data(text), (size_t)rt_str_size(text));
}

static rt_value stream_write(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, "write", nargs, kwnames, 1, 1))
        return 0;
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "write() argument must be str, not %T",
                               args[0]);
    rt_stream_write(vm, self, args[0]);
    return rt_int_from_int64(rt_as_str(args[0])->length);
}

static rt_value stream_flush(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self, (void)args;
    return rt_check_args(vm, "flush", nargs, kwnames, 0, 0) ? RT_NONE : 0;
}

static rt_value stream_repr(rt_vm *vm, rt_value self)
{
    bool err = ((rt_stream *)rt_as_object(self))->err;
    return rt_str_printf(vm, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>",
                         err ? "stderr" : "stdout");
}

static const rt_method stream_methods[] = {
    {"write", stream_write, NULL},
    {"flush", stream_flush, NULL},
    {NULL, NULL, NULL},
};

const rt_type rt_stream_type = {
    .base = {&rt_type_type},
    .name = "_io.TextIOWrapper",
    .base_type = &rt_object_type,
    .repr = stream_repr,
    .hash = rt_identity_hash,
    .methods = stream_methods,
};

static rt_value sys_getrecursionlimit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                      rt_value kwnames)
{
    (void)self, (void)args;
    if (!rt_check_args(vm, "getrecursionlimit", nargs, kwnames, 0, 0))
        return 0;
    return rt_small_int(vm->recursion_limit);
}

static rt_value sys_setrecursionlimit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                      rt_value kwnames)
{
    (void)self;
    int64_t limit;
    if (!rt_check_args(vm, "setrecursionlimit", nargs, kwnames, 1, 1))
        return 0;
    if (rt_is_type(args[0], &rt_float_type))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "'float' object cannot be interpreted as an integer");
    if (!rt_int_index(vm, args[0], &limit))
        return 0;
    if (limit < 1)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "recursion limit must be greater or equal than 1");
    if (limit > INT32_MAX)
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "Python int too large to convert to C int");
    if (vm->depth >= limit)
        return rt_raise_format(vm, &rt_recursion_error_type,
                               "cannot set the recursion limit to %d at the recursion depth "
                               "%d: the limit is too low",
                               (int)limit, vm->depth);
    vm->recursion_limit = (int)limit;
    return RT_NONE;
}

static rt_value sys_exit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "exit", nargs, kwnames, 0, 1))
        return 0;
    rt_value exc_args = nargs ? rt_tuple_pack(1, args[0]) : rt_tuple_new(0);
    return rt_raise_value(vm, rt_new_exception(vm, &rt_system_exit_type, exc_args));
}

static rt_value new_stream(bool err)
{
    rt_stream *s = rt_alloc(sizeof *s, &rt_stream_type);
    s->err = err;
    return rt_from_object(s);
}

void rt_sys_set_argv(rt_vm *vm, int argc, const char *const *argv)
{
    rt_value sys = rt_dict_get_str(vm->modules, rt_str_intern(vm, "sys"));
    if (sys == 0)
        return;
    rt_value list = rt_list_new(argc);
    for (int i = 0; i < argc; i++)
        rt_list_append(vm, list, rt_str_from_cstr(argv[i]));
    rt_module_set(vm, sys, "argv", list);
}

rt_value rt_sys_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "sys");
    rt_value argv = rt_list_new(0);
    rt_list_append(vm, argv, rt_str_from_cstr(""));
    rt_module_set(vm, m, "argv", argv);
    rt_module_set(vm, m, "modules", vm->modules);
    rt_module_set(vm, m, "maxsize", rt_int_from_int64(INT64_MAX));
    rt_value version[] = {rt_small_int(3), rt_small_int(11), rt_small_int(0),
                          rt_str_from_cstr("final"), rt_small_int(0)};
    rt_module_set(vm, m, "version_info", rt_struct_seq_new(&rt_version_info_type, version));
    rt_module_set(vm, m, "version", rt_str_from_cstr("3.11.0 (cellar)"));
    rt_module_set(vm, m, "platform", rt_str_from_cstr("linux"));
    rt_module_set(vm, m, "byteorder", rt_str_from_cstr("little"));
    rt_module_set(vm, m, "path", rt_list_new(0));
    rt_module_set(vm, m, "stdout", new_stream(false));
    rt_module_set(vm, m, "stderr", new_stream(true));
    rt_module_def(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    rt_module_def(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    rt_module_def(vm, m, "exit", sys_exit);
    return m;
}

/* ---- math ---- */

/* The argument as a double, or CPython's "must be real number, not str". */
static bool real_arg(rt_vm *vm, rt_value v, double *out)
{
    if (!rt_is_int(v) && !rt_is_type(v, &rt_float_type)) {
        rt_raise_format(vm, &rt_type_error_type, "must be real number, not %T", v);
        return false;
    }
    return rt_number_to_double(vm, v, out);
}

/* CPython's is_error/math_1 conventions: NaN out of a non-NaN input is a domain error, an
 * infinity out of a finite input is a range error. */
static rt_value math_result(rt_vm *vm, double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x))
        return rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    if (isinf(r) && isfinite(x))
        return can_overflow ? rt_raise_msg(vm, &rt_overflow_error_type, "math range error")
                            : rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    return rt_float_new(r);
}

typedef struct unary_math {
    const char *name;
    double (*fn)(double);
    bool can_overflow; /* an infinite result from a finite input is a range error */
} unary_math;

static const unary_math unary_table[] = {
    {"math.sqrt", sqrt, false},  {"math.exp", exp, true},      {"math.sin", sin, false},
    {"math.cos", cos, false},    {"math.tan", tan, false},     {"math.asin", asin, false},
    {"math.acos", acos, false},  {"math.atan", atan, false},   {"math.fabs", fabs, false},
    {"math.sinh", sinh, true},   {"math.cosh", cosh, true},    {"math.tanh", tanh, false},
    {"math.expm1", expm1, true}, {"math.log1p", log1p, false}, {NULL, NULL, false}};

static rt_value math_unary(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    const unary_math *m = ((rt_builtin *)rt_as_object(self))->data;
    double x;
    if (!rt_check_args(vm, m->name, nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    if (m->fn == log1p && x <= -1.0)
        return rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    return math_result(vm, x, m->fn(x), m->can_overflow);
}

/* log of an int uses its bit length, so huge ints work like CPython's loghelper. */
static bool log_of(rt_vm *vm, rt_value v, double base_log, double *out)
{
    if (rt_is_object(v) && rt_as_object(v)->type == &rt_int_type) {
        mpz_t z;
        mpz_init(z);
        rt_int_to_mpz(v, z);
        if (mpz_sgn(z) <= 0) {
            rt_raise_msg(vm, &rt_value_error_type, "math domain error");
            return false;
        }
        long exp;
        double d = mpz_get_d_2exp(&exp, z);
        *out = (log(d) + log(2.0) * (double)exp) / base_log;
        return true;
    }
    double x;
    if (!real_arg(vm, v, &x))
        return false;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return true;
    }
    if (x <= 0) {
        rt_raise_msg(vm, &rt_value_error_type, "math domain error");
        return false;
    }
    *out = log(x) / base_log;
    return true;
}

static rt_value math_log(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    double num, den = 1.0;
    if (!rt_check_args(vm, "log", nargs, kwnames, 1, 2) || !log_of(vm, args[0], 1.0, &num))
        return 0;
    if (nargs == 2) {
        if (!log_of(vm, args[1], 1.0, &den))
            return 0;
        if (den == 0.0)
            return rt_raise_msg(vm, &rt_zero_division_error_type, "float division by zero");
    }
    return rt_float_new(num / den);
}

static rt_value math_log2(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    double r;
    if (!rt_check_args(vm, "math.log2", nargs, kwnames, 1, 1) || !log_of(vm, args[0], log(2.0), &r))
        return 0;
    double x;
    if (rt_is_small_int(args[0]) || rt_is_type(args[0], &rt_float_type)) {
        rt_number_to_double(vm, args[0], &x);
        r = log2(x); /* exact for powers of two */
    }
    return rt_float_new(r);
}

static rt_value math_log10(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    double r;
    if (!rt_check_args(vm, "math.log10", nargs, kwnames, 1, 1) ||
        !log_of(vm, args[0], log(10.0), &r))
        return 0;
    double x;
    if (rt_is_small_int(args[0]) || rt_is_type(args[0], &rt_float_type)) {
        rt_number_to_double(vm, args[0], &x);
        r = log10(x);
    }
    return rt_float_new(r);
}

/* floor/ceil/trunc: ints pass through; floats become ints. */
static rt_value integral(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                         rt_value kwnames, double (*fn)(double))
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return 0;
    rt_value x = args[0];
    if (x == RT_TRUE || x == RT_FALSE)
        return rt_small_int(x == RT_TRUE);
    if (rt_is_int(x))
        return x;
    double d;
    if (!real_arg(vm, x, &d))
        return 0;
    return rt_call1(vm, rt_type_value(&rt_int_type), rt_float_new(fn(d)));
}

static rt_value math_floor(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    return integral(vm, "math.floor", nargs, args, kwnames, floor);
}

static rt_value math_ceil(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    return integral(vm, "math.ceil", nargs, args, kwnames, ceil);
}

static rt_value math_trunc(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    return integral(vm, "math.trunc", nargs, args, kwnames, trunc);
}

static bool two_reals(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                      rt_value kwnames, double *x, double *y)
{
    return rt_check_args(vm, name, nargs, kwnames, 2, 2) && real_arg(vm, args[0], x) &&
           real_arg(vm, args[1], y);
}

static rt_value math_pow(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    double x, y;
    if (!two_reals(vm, "pow", nargs, args, kwnames, &x, &y))
        return 0;
    if (x == 0.0 && y < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    if (isinf(r) && isfinite(x) && isfinite(y))
        return rt_raise_msg(vm, &rt_overflow_error_type, "math range error");
    return rt_float_new(r);
}

static rt_value math_atan2(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    double x, y;
    return two_reals(vm, "atan2", nargs, args, kwnames, &y, &x) ? rt_float_new(atan2(y, x)) : 0;
}

static rt_value math_copysign(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    double x, y;
    return two_reals(vm, "copysign", nargs, args, kwnames, &x, &y) ? rt_float_new(copysign(x, y))
                                                                   : 0;
}

static rt_value math_fmod(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    double x, y;
    if (!two_reals(vm, "fmod", nargs, args, kwnames, &x, &y))
        return 0;
    if (y == 0.0 || isinf(x))
        return rt_raise_msg(vm, &rt_value_error_type, "math domain error");
    return rt_float_new(fmod(x, y));
}

static rt_value math_hypot(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "hypot", nargs, kwnames, 0, -1))
        return 0;
    double r = 0.0;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (!real_arg(vm, args[i], &x))
            return 0;
        r = hypot(r, x);
    }
    return rt_float_new(r);
}

static rt_value float_test(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                           rt_value kwnames, int (*test)(double))
{
    double x;
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    return rt_bool(test(x));
}

static int is_nan(double x) { return isnan(x); }
static int is_inf(double x) { return isinf(x); }
static int is_finite(double x) { return isfinite(x); }

static rt_value math_isnan(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    return float_test(vm, "math.isnan", nargs, args, kwnames, is_nan);
}

static rt_value math_isinf(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    return float_test(vm, "math.isinf", nargs, args, kwnames, is_inf);
}

static rt_value math_isfinite(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    return float_test(vm, "math.isfinite", nargs, args, kwnames, is_finite);
}

static rt_value math_isclose(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    const rt_value *kw = args + nargs;
    double a, b, rel = 1e-09, abs_tol = 0.0;
    rt_value r = rt_kwarg(kwnames, kw, "rel_tol"), t = rt_kwarg(kwnames, kw, "abs_tol");
    if (nargs != 2)
        return rt_raise_format(vm, &rt_type_error_type,
                               "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
    if (!real_arg(vm, args[0], &a) || !real_arg(vm, args[1], &b) || (r && !real_arg(vm, r, &rel)) ||
        (t && !real_arg(vm, t, &abs_tol)))
        return 0;
    if (rel < 0.0 || abs_tol < 0.0)
        return rt_raise_msg(vm, &rt_value_error_type, "tolerances must be non-negative");
    if (a == b)
        return RT_TRUE;
    if (isinf(a) || isinf(b))
        return RT_FALSE;
    double diff = fabs(b - a);
    return rt_bool((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || diff <= abs_tol);
}

static rt_value math_degrees(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    double x;
    if (!rt_check_args(vm, "math.degrees", nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    return rt_float_new(x * (180.0 / M_PI));
}

static rt_value math_radians(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    double x;
    if (!rt_check_args(vm, "math.radians", nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    return rt_float_new(x * (M_PI / 180.0));
}

/* ---- integer functions (GMP) ---- */

static bool int_arg(rt_vm *vm, rt_value v, mpz_t out)
{
    if (rt_is_int(v)) {
        rt_int_to_mpz(v, out);
        return true;
    }
    int64_t ignored;
    if (!rt_int_index(vm, v, &ignored))
        return false;
    mpz_set_si(out, ignored);
    return true;
}

static rt_value math_factorial(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "math.factorial", nargs, kwnames, 1, 1))
        return 0;
    mpz_t n;
    mpz_init(n);
    if (!int_arg(vm, args[0], n))
        return 0;
    if (mpz_sgn(n) < 0)
        return rt_raise_msg(vm, &rt_value_error_type,
                            "factorial() not defined for negative values");
    if (!mpz_fits_ulong_p(n))
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "factorial() argument should not exceed 9223372036854775807");
    mpz_fac_ui(n, mpz_get_ui(n));
    return rt_int_from_mpz(n);
}

static rt_value gcd_or_lcm(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                           rt_value kwnames, bool lcm)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 0, -1))
        return 0;
    mpz_t acc, x;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        if (!int_arg(vm, args[i], x))
            return 0;
        if (lcm)
            mpz_lcm(acc, acc, x);
        else
            mpz_gcd(acc, acc, x);
    }
    return rt_int_from_mpz(acc);
}

static rt_value math_gcd(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    return gcd_or_lcm(vm, "gcd", nargs, args, kwnames, false);
}

static rt_value math_lcm(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    return gcd_or_lcm(vm, "lcm", nargs, args, kwnames, true);
}

static rt_value math_isqrt(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    mpz_t n;
    mpz_init(n);
    if (!rt_check_args(vm, "math.isqrt", nargs, kwnames, 1, 1) || !int_arg(vm, args[0], n))
        return 0;
    if (mpz_sgn(n) < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "isqrt() argument must be nonnegative");
    mpz_sqrt(n, n);
    return rt_int_from_mpz(n);
}

/* comb(n, k) and perm(n, k); perm with one argument is n!. */
static rt_value comb_or_perm(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                             rt_value kwnames, bool comb)
{
    if (!rt_check_args(vm, name, nargs, kwnames, comb ? 2 : 1, 2))
        return 0;
    mpz_t n, k, r;
    mpz_inits(n, k, r, NULL);
    if (!int_arg(vm, args[0], n) || (nargs > 1 && !int_arg(vm, args[1], k)))
        return 0;
    if (nargs == 1)
        mpz_set(k, n);
    if (mpz_sgn(n) < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "n must be a non-negative integer");
    if (mpz_sgn(k) < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "k must be a non-negative integer");
    if (mpz_cmp(k, n) > 0 || !mpz_fits_ulong_p(k))
        return rt_small_int(0);
    unsigned long kk = mpz_get_ui(k);
    if (comb) {
        mpz_bin_ui(r, n, kk);
    } else {
        mpz_set_ui(r, 1);
        for (unsigned long i = 0; i < kk; i++) {
            mpz_mul(r, r, n);
            mpz_sub_ui(n, n, 1);
        }
    }
    return rt_int_from_mpz(r);
}

static rt_value math_comb(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    return comb_or_perm(vm, "comb", nargs, args, kwnames, true);
}

static rt_value math_perm(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    return comb_or_perm(vm, "perm", nargs, args, kwnames, false);
}

/* prod(iterable, *, start=1): the product with the generic `*`. */
static rt_value math_prod(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    rt_value start = rt_kwarg(kwnames, args + nargs, "start");
    if (nargs != 1)
        return rt_raise_format(vm, &rt_type_error_type,
                               "prod() takes exactly 1 positional argument (%zu given)", nargs);
    rt_value acc = start ? start : rt_small_int(1);
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == 0)
        return 0;
    rt_value item;
    while ((item = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        if (item == 0 || (acc = rt_binary_op(vm, RT_MUL, acc, item)) == 0)
            return 0;
    }
    return acc;
}

/* fsum: Shewchuk's exact summation with a list of non-overlapping partials, as CPython. */
static rt_value math_fsum(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "math.fsum", nargs, kwnames, 1, 1))
        return 0;
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == 0)
        return 0;
    double partials[64];
    int n = 0;
    rt_value item;
    while ((item = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        double x;
        if (item == 0 || !real_arg(vm, item, &x))
            return 0;
        int i = 0;
        for (int j = 0; j < n; j++) {
            double y = partials[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y, y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                partials[i++] = lo;
            x = hi;
        }
        if (i < 64)
            partials[i++] = x;
        n = i;
    }
    double sum = 0.0;
    for (int i = n - 1; i >= 0; i--)
        sum += partials[i];
    return rt_float_new(sum);
}

static rt_value math_modf(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)self;
    double x, ip;
    if (!rt_check_args(vm, "math.modf", nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    double fp = modf(x, &ip);
    return rt_tuple_pack(2, rt_float_new(fp), rt_float_new(ip));
}

static rt_value math_frexp(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    double x;
    int e;
    if (!rt_check_args(vm, "math.frexp", nargs, kwnames, 1, 1) || !real_arg(vm, args[0], &x))
        return 0;
    double m = frexp(x, &e);
    return rt_tuple_pack(2, rt_float_new(m), rt_small_int(e));
}

static rt_value math_ldexp(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    double x;
    int64_t e;
    if (!rt_check_args(vm, "ldexp", nargs, kwnames, 2, 2) || !real_arg(vm, args[0], &x) ||
        !rt_int_index(vm, args[1], &e))
        return 0;
    double r = ldexp(x, (int)(e > INT32_MAX ? INT32_MAX : e < INT32_MIN ? INT32_MIN : e));
    if (isinf(r) && isfinite(x))
        return rt_raise_msg(vm, &rt_overflow_error_type, "math range error");
    return rt_float_new(r);
}

static void def_unary(rt_vm *vm, rt_value m)
{
    for (const unary_math *u = unary_table; u->name != NULL; u++) {
        const char *short_name = u->name + strlen("math.");
        rt_value f = rt_module_function_new(vm, "math", short_name, math_unary);
        ((rt_builtin *)rt_as_object(f))->data = (void *)u;
        rt_module_set(vm, m, short_name, f);
    }
}

rt_value rt_math_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "math");
    static const struct {
        const char *name;
        rt_cfunc fn;
    } table[] = {{"log", math_log},
                 {"log2", math_log2},
                 {"log10", math_log10},
                 {"floor", math_floor},
                 {"ceil", math_ceil},
                 {"trunc", math_trunc},
                 {"pow", math_pow},
                 {"atan2", math_atan2},
                 {"copysign", math_copysign},
                 {"fmod", math_fmod},
                 {"hypot", math_hypot},
                 {"isnan", math_isnan},
                 {"isinf", math_isinf},
                 {"isfinite", math_isfinite},
                 {"isclose", math_isclose},
                 {"degrees", math_degrees},
                 {"radians", math_radians},
                 {"factorial", math_factorial},
                 {"gcd", math_gcd},
                 {"lcm", math_lcm},
                 {"isqrt", math_isqrt},
                 {"comb", math_comb},
                 {"perm", math_perm},
                 {"prod", math_prod},
                 {"fsum", math_fsum},
                 {"modf", math_modf},
                 {"frexp", math_frexp},
                 {"ldexp", math_ldexp},
                 {NULL, NULL}};
    def_unary(vm, m);
    for (int i = 0; table[i].name != NULL; i++)
        rt_module_def(vm, m, table[i].name, table[i].fn);
    rt_module_set(vm, m, "pi", rt_float_new(M_PI));
    rt_module_set(vm, m, "e", rt_float_new(M_E));
    rt_module_set(vm, m, "tau", rt_float_new(2 * M_PI));
    rt_module_set(vm, m, "inf", rt_float_new(INFINITY));
    rt_module_set(vm, m, "nan", rt_float_new(NAN));
    return m;
}
