/* The rest of the builtin functions: numbers (abs, divmod, pow, round, hex/oct/bin),
 * characters (chr, ord, ascii), attributes (getattr/setattr/delattr/hasattr, dir, vars),
 * type tests (isinstance, issubclass), format, input and exit/quit. */
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "format.h"
#include "function.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static bool is_int(rt_value v) { return rt_is_small_int(v) || rt_is_type(v, &rt_int_type); }
static bool is_float(rt_value v) { return rt_is_type(v, &rt_float_type); }

/* ---- numbers ---- */

static rt_value builtin_abs(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "abs", nargs, kwnames, 1, 1))
        return 0;
    rt_value x = args[0];
    if (x == RT_TRUE || x == RT_FALSE)
        return rt_small_int(x == RT_TRUE);
    if (is_float(x))
        return rt_float_new(fabs(rt_float_value(x)));
    if (!is_int(x))
        return rt_raise_format(vm, &rt_type_error_type, "bad operand type for abs(): '%T'", x);
    int negative = rt_compare_bool(vm, RT_LT, x, rt_small_int(0));
    if (negative < 0)
        return 0;
    return negative ? rt_unary_op(vm, RT_NEG, x) : x;
}

static bool is_number(rt_value v) { return rt_is_int(v) || is_float(v); }

static rt_value builtin_divmod(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "divmod", nargs, kwnames, 2, 2))
        return 0;
    rt_value a = args[0], b = args[1];
    if (!is_number(a) || !is_number(b))
        return rt_raise_format(vm, &rt_type_error_type,
                               "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
    if (is_float(a) || is_float(b)) {
        double x, y;
        if (!rt_number_to_double(vm, a, &x) || !rt_number_to_double(vm, b, &y))
            return 0;
        if (y == 0.0)
            return rt_raise_msg(vm, &rt_zero_division_error_type, "float divmod()");
    }
    rt_value q = rt_binary_op(vm, RT_FLOORDIV, a, b);
    if (q == 0)
        return 0;
    rt_value r = rt_binary_op(vm, RT_MOD, a, b);
    return r ? rt_tuple_pack(2, q, r) : 0;
}

/* pow(base, exp, mod) for ints: GMP's powm, with a modular inverse for negative exponents. */
static rt_value pow_mod(rt_vm *vm, rt_value base, rt_value exp, rt_value mod)
{
    if (!rt_is_int(base) || !rt_is_int(exp) || !rt_is_int(mod))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "pow() 3rd argument not allowed unless all arguments are integers");
    mpz_t b, e, m, r;
    mpz_inits(b, e, m, r, NULL);
    rt_int_to_mpz(base, b);
    rt_int_to_mpz(exp, e);
    rt_int_to_mpz(mod, m);
    if (mpz_sgn(m) == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "pow() 3rd argument cannot be 0");
    bool negative_mod = mpz_sgn(m) < 0;
    mpz_abs(m, m);
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(b, b, m))
            return rt_raise_msg(vm, &rt_value_error_type,
                                "base is not invertible for the given modulus");
        mpz_neg(e, e);
    }
    mpz_powm(r, b, e, m);
    if (negative_mod && mpz_sgn(r) != 0)
        mpz_sub(r, r, m); /* the result takes the modulus's sign, as % does */
    return rt_int_from_mpz(r);
}

static rt_value builtin_pow(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    const rt_value *kw = args + nargs;
    rt_value base = nargs > 0 ? args[0] : rt_kwarg(kwnames, kw, "base");
    rt_value exp = nargs > 1 ? args[1] : rt_kwarg(kwnames, kw, "exp");
    rt_value mod = nargs > 2 ? args[2] : rt_kwarg(kwnames, kw, "mod");
    if (nargs > 3)
        return rt_raise_format(vm, &rt_type_error_type,
                               "pow() takes at most 3 arguments (%zu given)", nargs);
    if (base == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "pow() missing required argument 'base' (pos 1)");
    if (exp == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "pow() missing required argument 'exp' (pos 2)");
    if (mod != 0 && mod != RT_NONE)
        return pow_mod(vm, base, exp, mod);
    return rt_binary_op(vm, RT_POW, base, exp);
}

/* round(x) of a float: half to even, as an int. */
static rt_value round_float_to_int(rt_vm *vm, double x)
{
    double r = nearbyint(x); /* the default rounding mode is round-half-even */
    return rt_call1(vm, rt_type_value(&rt_int_type), rt_float_new(r));
}

/* round(x, n) of a float: correctly rounded through decimal text, as CPython's dtoa does. */
static rt_value round_float(rt_vm *vm, double x, int64_t ndigits)
{
    if (!isfinite(x) || x == 0.0 || ndigits > 323)
        return rt_float_new(x);
    if (ndigits < -308)
        return rt_float_new(0.0 * x);
    char buf[800]; /* room for 309 integer digits plus 323 decimals */
    if (ndigits >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        return rt_float_new(strtod(buf, NULL));
    }
    /* Negative ndigits: keep the significant digits left of 10**-ndigits. The decimal
     * exponent comes from the exact %e text, not from log10, which can be off by one. */
    snprintf(buf, sizeof buf, "%.17e", x);
    int exponent = atoi(strchr(buf, 'e') + 1);
    int digits = exponent + 1 + (int)ndigits;
    if (digits <= 0) {
        double unit = pow(10.0, (double)-ndigits);
        double r = digits == 0 && fabs(x) > unit / 2 ? copysign(unit, x) : 0.0 * x;
        return rt_float_new(r);
    }
    snprintf(buf, sizeof buf, "%.*e", digits - 1, x);
    return rt_float_new(strtod(buf, NULL));
}

/* round(i, n) of an int with n < 0: to the nearest multiple of 10**-n, ties to even. */
static rt_value round_int(rt_vm *vm, rt_value x, int64_t ndigits)
{
    if (ndigits >= 0)
        return x;
    mpz_t v, unit, q, r, twice;
    mpz_inits(v, unit, q, r, twice, NULL);
    rt_int_to_mpz(x, v);
    mpz_ui_pow_ui(unit, 10, (unsigned long)-ndigits);
    mpz_fdiv_qr(q, r, v, unit);
    mpz_mul_ui(twice, r, 2);
    int c = mpz_cmp(twice, unit);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(v, q, unit);
    (void)vm;
    return rt_int_from_mpz(v);
}

static rt_value builtin_round(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    const rt_value *kw = args + nargs;
    if (nargs > 2)
        return rt_raise_format(vm, &rt_type_error_type,
                               "round() takes at most 2 arguments (%zu given)", nargs);
    rt_value x = nargs > 0 ? args[0] : rt_kwarg(kwnames, kw, "number");
    rt_value n = nargs > 1 ? args[1] : rt_kwarg(kwnames, kw, "ndigits");
    if (x == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "round() missing required argument 'number' (pos 1)");
    if (!is_number(x))
        return rt_raise_format(vm, &rt_type_error_type, "type %T doesn't define __round__ method",
                               x);
    if (n == 0 || n == RT_NONE) {
        if (is_float(x))
            return round_float_to_int(vm, rt_float_value(x));
        if (x == RT_TRUE || x == RT_FALSE)
            return rt_small_int(x == RT_TRUE);
        return x;
    }
    int64_t digits;
    if (!rt_int_index(vm, n, &digits))
        return 0;
    if (is_float(x))
        return round_float(vm, rt_float_value(x), digits);
    if (x == RT_TRUE || x == RT_FALSE)
        x = rt_small_int(x == RT_TRUE);
    return round_int(vm, x, digits);
}

static rt_value to_base(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                        rt_value kwnames, int base)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return 0;
    int64_t ignored;
    if (!rt_is_int(args[0]) && !rt_int_index(vm, args[0], &ignored))
        return 0;
    rt_value v = args[0];
    if (v == RT_TRUE || v == RT_FALSE)
        v = rt_small_int(v == RT_TRUE);
    return rt_int_to_base(vm, v, base, true);
}

static rt_value builtin_hex(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    return to_base(vm, "hex", nargs, args, kwnames, 16);
}

static rt_value builtin_oct(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    return to_base(vm, "oct", nargs, args, kwnames, 8);
}

static rt_value builtin_bin(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    return to_base(vm, "bin", nargs, args, kwnames, 2);
}

/* ---- characters ---- */

static size_t utf8_encode(uint32_t c, char *out)
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

static uint32_t utf8_decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static rt_value builtin_chr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    int64_t c;
    if (!rt_check_args(vm, "chr", nargs, kwnames, 1, 1) || !rt_int_index(vm, args[0], &c))
        return 0;
    if (c < 0 || c > 0x10FFFF)
        return rt_raise_msg(vm, &rt_value_error_type, "chr() arg not in range(0x110000)");
    char buf[4];
    return rt_str_new(buf, utf8_encode((uint32_t)c, buf));
}

static rt_value builtin_ord(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "ord", nargs, kwnames, 1, 1))
        return 0;
    rt_value s = args[0];
    if (!rt_is_type(s, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "ord() expected string of length 1, but %T found", s);
    if (rt_as_str(s)->length != 1)
        return rt_raise_format(vm, &rt_type_error_type,
                               "ord() expected a character, but string of length %lld found",
                               (long long)rt_as_str(s)->length);
    size_t len;
    return rt_small_int(utf8_decode((const unsigned char *)rt_str_data(s), &len));
}

static rt_value builtin_ascii(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    return rt_check_args(vm, "ascii", nargs, kwnames, 1, 1) ? rt_ascii(vm, args[0]) : 0;
}

static rt_value builtin_format(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "format", nargs, kwnames, 1, 2))
        return 0;
    rt_value spec = nargs > 1 ? args[1] : rt_str_from_cstr("");
    if (!rt_is_type(spec, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "format() argument 2 must be str, not %T",
                               spec);
    return rt_format(vm, args[0], spec);
}

/* ---- attributes ---- */

static bool attr_name(rt_vm *vm, rt_value name)
{
    if (rt_is_type(name, &rt_str_type))
        return true;
    rt_raise_format(vm, &rt_type_error_type, "attribute name must be string, not '%T'", name);
    return false;
}

static rt_value builtin_getattr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "getattr", nargs, kwnames, 2, 3) || !attr_name(vm, args[1]))
        return 0;
    rt_value name = rt_str_intern_value(vm, args[1]);
    rt_value v = rt_getattr(vm, args[0], name);
    if (v == 0 && nargs == 3 && rt_pending_is(vm, &rt_attribute_error_type)) {
        vm->pending = 0;
        return args[2];
    }
    return v;
}

static rt_value builtin_hasattr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "hasattr", nargs, kwnames, 2, 2) || !attr_name(vm, args[1]))
        return 0;
    rt_value v = rt_getattr(vm, args[0], rt_str_intern_value(vm, args[1]));
    if (v == 0 && rt_pending_is(vm, &rt_attribute_error_type)) {
        vm->pending = 0;
        return RT_FALSE;
    }
    return v ? RT_TRUE : 0;
}

static rt_value builtin_setattr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "setattr", nargs, kwnames, 3, 3) || !attr_name(vm, args[1]))
        return 0;
    return rt_setattr(vm, args[0], rt_str_intern_value(vm, args[1]), args[2]) < 0 ? 0 : RT_NONE;
}

static rt_value builtin_delattr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "delattr", nargs, kwnames, 2, 2) || !attr_name(vm, args[1]))
        return 0;
    return rt_setattr(vm, args[0], rt_str_intern_value(vm, args[1]), 0) < 0 ? 0 : RT_NONE;
}

static rt_value sorted_keys(rt_vm *vm, rt_value dict)
{
    rt_value names = rt_list_new(0);
    rt_value key, value;
    int64_t pos = 0;
    while (rt_dict_next(dict, &pos, &key, &value))
        if (rt_is_type(key, &rt_str_type) && rt_list_append(vm, names, key) < 0)
            return 0;
    rt_sort_names(names);
    return names;
}

/* What dir() lists for every object (object's own attributes), then the dunders a type's slots
 * imply, then attributes particular types expose. */
static const char *const object_attributes[] = {
    "__class__",   "__delattr__", "__dir__",           "__doc__",          "__eq__",
    "__format__",  "__ge__",      "__getattribute__",  "__getstate__",     "__gt__",
    "__hash__",    "__init__",    "__init_subclass__", "__le__",           "__lt__",
    "__ne__",      "__new__",     "__reduce__",        "__reduce_ex__",    "__repr__",
    "__setattr__", "__sizeof__",  "__str__",           "__subclasshook__", NULL};

static const char *const builtin_attributes[] = {
    "__call__", "__module__", "__name__", "__qualname__", "__self__", "__text_signature__", NULL};

static const char *const exception_attributes[] = {
    "__cause__",     "__context__", "__dict__", "__setstate__", "__suppress_context__",
    "__traceback__", "args",        NULL};

/* The data attributes types serve from their getattr slot, out of sight of the method table. */
static const char *const int_data[] = {"denominator", "imag", "numerator", "real", NULL};
static const char *const float_data[] = {"imag", "real", NULL};
static const char *const bounds_data[] = {"start", "step", "stop", NULL}; /* range, slice */

static void add_names(rt_vm *vm, rt_value seen, const char *const *names)
{
    for (; *names != NULL; names++)
        rt_dict_set_str(vm, seen, *names, RT_TRUE);
}

static void add_data_names(rt_vm *vm, rt_value seen, const rt_type *t)
{
    if (rt_type_is_subtype(t, &rt_int_type))
        add_names(vm, seen, int_data);
    else if (t == &rt_float_type)
        add_names(vm, seen, float_data);
    else if (t == &rt_range_type || t == &rt_slice_type)
        add_names(vm, seen, bounds_data);
}

static rt_value type_dir(rt_vm *vm, const rt_type *t)
{
    rt_value seen = rt_dict_new();
    add_names(vm, seen, object_attributes);
    rt_slot_method_names(vm, t, seen);
    add_data_names(vm, seen, t);
    if (t == &rt_builtin_type)
        add_names(vm, seen, builtin_attributes);
    if (t->is_exception)
        add_names(vm, seen, exception_attributes);
    for (; t != NULL; t = t->base_type)
        for (const rt_method *m = t->methods; m && m->name; m++)
            rt_dict_set_str(vm, seen, m->name, RT_TRUE);
    return sorted_keys(vm, seen);
}

rt_value rt_dir(rt_vm *vm, rt_value obj)
{
    if (rt_is_type(obj, &rt_module_type))
        return sorted_keys(vm, ((rt_module *)rt_as_object(obj))->dict);
    if (rt_is_type(obj, &rt_function_type))
        return rt_function_dir(vm, obj);
    if (rt_is_type(obj, &rt_type_type))
        return type_dir(vm, (const rt_type *)rt_as_object(obj));
    return type_dir(vm, rt_type_of(obj));
}

static rt_value builtin_dir(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "dir", nargs, kwnames, 0, 1))
        return 0;
    if (nargs == 1)
        return rt_dir(vm, args[0]);
    rt_frame *f = vm->frame;
    return sorted_keys(vm, f && f->function ? f->function->globals : vm->globals);
}

static rt_value builtin_vars(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "vars", nargs, kwnames, 0, 1))
        return 0;
    if (nargs == 0) {
        rt_frame *f = vm->frame;
        return f && f->function ? f->function->globals : vm->globals;
    }
    rt_value d = rt_getattr(vm, args[0], rt_str_intern(vm, "__dict__"));
    if (d == 0 && rt_pending_is(vm, &rt_attribute_error_type))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "vars() argument must have __dict__ attribute");
    return d;
}

/* ---- type tests ---- */

/* 1 / 0 / -1 (error); `what` is "isinstance" or "issubclass" for the message. */
static int class_matches(rt_vm *vm, const rt_type *t, rt_value cls, bool instance)
{
    if (rt_is_type(cls, &rt_generic_alias_type)) {
        rt_raise_msg(vm, &rt_type_error_type,
                     instance ? "isinstance() argument 2 cannot be a parameterized generic"
                              : "issubclass() argument 2 cannot be a parameterized generic");
        return -1;
    }
    if (rt_is_type(cls, &rt_type_type))
        return rt_type_is_subtype(t, (const rt_type *)rt_as_object(cls));
    if (rt_is_type(cls, &rt_union_type)) /* isinstance(x, int | str): any member */
        cls = rt_union_members(cls);
    if (rt_is_type(cls, &rt_tuple_type)) {
        for (int64_t i = 0; i < rt_as_tuple(cls)->size; i++) {
            int r = class_matches(vm, t, rt_as_tuple(cls)->items[i], instance);
            if (r != 0)
                return r;
        }
        return 0;
    }
    rt_raise_msg(vm, &rt_type_error_type,
                 instance ? "isinstance() arg 2 must be a type, a tuple of types, or a union"
                          : "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

static rt_value builtin_isinstance(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                   rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "isinstance", nargs, kwnames, 2, 2))
        return 0;
    int r = class_matches(vm, rt_type_of(args[0]), args[1], true);
    return r < 0 ? 0 : rt_bool(r);
}

static rt_value builtin_issubclass(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                   rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "issubclass", nargs, kwnames, 2, 2))
        return 0;
    if (!rt_is_type(args[0], &rt_type_type))
        return rt_raise_msg(vm, &rt_type_error_type, "issubclass() arg 1 must be a class");
    int r = class_matches(vm, (const rt_type *)rt_as_object(args[0]), args[1], false);
    return r < 0 ? 0 : rt_bool(r);
}

/* ---- input and exit ---- */

static rt_value builtin_input(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "input", nargs, kwnames, 0, 1))
        return 0;
    if (nargs == 1) {
        rt_value prompt = rt_str(vm, args[0]);
        if (prompt == 0)
            return 0;
        rt_write_out(vm, rt_str_data(prompt), (size_t)rt_str_size(prompt));
    }
    fflush(stdout);
    rt_strbuf line;
    rt_strbuf_init(&line);
    int c;
    while ((c = getchar()) != EOF && c != '\n')
        rt_strbuf_append_char(&line, (char)c);
    if (c == EOF && line.size == 0)
        return rt_raise_msg(vm, &rt_eof_error_type, "EOF when reading a line");
    return rt_strbuf_finish(&line);
}

static rt_value builtin_exit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    if (nargs > 1 || (kwnames && rt_as_tuple(kwnames)->size > 0))
        return rt_raise_format(vm, &rt_type_error_type,
                               "Quitter.__call__() takes from 1 to 2 positional arguments but "
                               "%zu were given",
                               nargs + 1);
    rt_value code = nargs ? args[0] : RT_NONE;
    return rt_raise_value(vm, rt_new_exception(vm, &rt_system_exit_type, rt_tuple_pack(1, code)));
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): the module itself for the
 * built-in modules (none of them is a package). */
static rt_value builtin_import(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)self;
    rt_value name = nargs > 0 ? args[0] : rt_kwarg(kwnames, args + nargs, "name");
    if (name == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "__import__() missing required argument 'name' (pos 1)");
    if (!rt_is_type(name, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "__import__() argument 1 must be str, not %T", name);
    return rt_import_name(vm, rt_str_intern_value(vm, name));
}

rt_cfunc rt_builtins_more_function(const char *name)
{
    static const struct {
        const char *name;
        rt_cfunc fn;
    } table[] = {{"abs", builtin_abs},
                 {"ascii", builtin_ascii},
                 {"bin", builtin_bin},
                 {"chr", builtin_chr},
                 {"delattr", builtin_delattr},
                 {"dir", builtin_dir},
                 {"divmod", builtin_divmod},
                 {"format", builtin_format},
                 {"getattr", builtin_getattr},
                 {"hasattr", builtin_hasattr},
                 {"hex", builtin_hex},
                 {"input", builtin_input},
                 {"isinstance", builtin_isinstance},
                 {"issubclass", builtin_issubclass},
                 {"oct", builtin_oct},
                 {"ord", builtin_ord},
                 {"pow", builtin_pow},
                 {"round", builtin_round},
                 {"setattr", builtin_setattr},
                 {"vars", builtin_vars},
                 {"exit", builtin_exit},
                 {"quit", builtin_exit},
                 {"open", rt_builtin_open},
                 {"__import__", builtin_import},
                 {NULL, NULL}};
    for (int i = 0; table[i].name != NULL; i++)
        if (strcmp(table[i].name, name) == 0)
            return table[i].fn;
    return NULL;
}
