/* float: boxed doubles with CPython's arithmetic (floor division and modulo toward -inf, the
 * special cases of float_pow), exact comparison with ints, CPython's hash (so hash(1.0) ==
 * hash(1)), the shortest round-trip repr, float() parsing, and round()/abs()/divmod(). */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

rt_value rt_float_new(double d)
{
    rt_float *f = rt_alloc_atomic(sizeof(rt_float), &rt_float_type);
    f->value = d;
    return rt_from_object(f);
}

bool rt_number_to_double(rt_vm *vm, rt_value v, double *out)
{
    if (rt_is_type(v, &rt_float_type)) {
        *out = rt_float_value(v);
        return true;
    }
    if (!rt_is_int(v))
        return false;
    bool ok;
    *out = rt_int_to_double(vm, v, &ok);
    return ok;
}

/* --- repr ---------------------------------------------------------------------------------- */

static bool round_trips(const char *text, double d) { return strtod(text, NULL) == d; }

/* Replaces the significand of a "%.Ne" string by its neighbour one unit up or down in the last
 * place; used where the correctly rounded candidate misses a lopsided rounding interval. */
static bool nudge(char *text, int direction)
{
    char *e = strchr(text, 'e');
    char *p = e - 1;
    while (p >= text) {
        if (*p == '.') {
            p--;
            continue;
        }
        if (direction > 0 && *p != '9') {
            (*p)++;
            return true;
        }
        if (direction < 0 && *p != '0') {
            (*p)--;
            return *text != '0';
        }
        *p = direction > 0 ? '0' : '9';
        p--;
    }
    return false; /* carried out of the leading digit: not a same-length candidate */
}

int rt_double_shortest_digits(double d, char *digits, int *decpt)
{
    char text[40];
    int found = 0;
    bool power_of_two = frexp(d, &(int){0}) == 0.5;
    for (int precision = 1; precision <= 17 && !found; precision++) {
        snprintf(text, sizeof text, "%.*e", precision - 1, d);
        if (round_trips(text, d)) {
            found = precision;
            break;
        }
        for (int dir = -1; power_of_two && dir <= 1; dir += 2) {
            char alt[40];
            memcpy(alt, text, sizeof text);
            if (nudge(alt, dir) && round_trips(alt, d)) {
                memcpy(text, alt, sizeof text);
                found = precision;
                break;
            }
        }
    }
    int n = 0;
    char *e = strchr(text, 'e');
    for (char *p = text; p < e; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = atoi(e + 1) + 1;
    return n;
}

int rt_double_repr(double d, char *buf)
{
    if (isnan(d))
        return sprintf(buf, "nan");
    if (isinf(d))
        return sprintf(buf, d > 0 ? "inf" : "-inf");
    if (d == 0)
        return sprintf(buf, signbit(d) ? "-0.0" : "0.0");
    char digits[24];
    int decpt;
    char *out = buf;
    if (d < 0)
        *out++ = '-';
    int n = rt_double_shortest_digits(fabs(d), digits, &decpt);
    if (decpt <= -4 || decpt > 16) {
        *out++ = digits[0];
        if (n > 1) {
            *out++ = '.';
            memcpy(out, digits + 1, (size_t)n - 1);
            out += n - 1;
        }
        int exp = decpt - 1;
        out += sprintf(out, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
    } else if (decpt <= 0) {
        out += sprintf(out, "0.");
        for (int z = 0; z < -decpt; z++)
            *out++ = '0';
        memcpy(out, digits, (size_t)n);
        out += n;
    } else if (n <= decpt) {
        memcpy(out, digits, (size_t)n);
        out += n;
        for (int z = 0; z < decpt - n; z++)
            *out++ = '0';
        out += sprintf(out, ".0");
    } else {
        memcpy(out, digits, (size_t)decpt);
        out += decpt;
        *out++ = '.';
        memcpy(out, digits + decpt, (size_t)(n - decpt));
        out += n - decpt;
    }
    *out = '\0';
    return (int)(out - buf);
}

rt_value rt_float_repr(rt_vm *vm, rt_value v)
{
    char buf[40];
    int n = rt_double_repr(rt_float_value(v), buf);
    return rt_str_new(buf, (size_t)n);
}

/* --- hash ---------------------------------------------------------------------------------- */

/* CPython's _Py_HashDouble for finite values: the value of d modulo 2**61 - 1. */
int64_t rt_float_hash(double d)
{
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* NaNs hash by identity since 3.10 (_Py_HashPointer). */
static bool float_hash_slot(rt_vm *vm, rt_value self, int64_t *out)
{
    double d = rt_float_value(self);
    if (isnan(d)) {
        uint64_t y = (uint64_t)self;
        y = (y >> 4) | (y << 60);
        *out = (int64_t)y == -1 ? -2 : (int64_t)y;
        return true;
    }
    *out = rt_float_hash(d);
    return true;
}

/* --- arithmetic ---------------------------------------------------------------------------- */

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* CPython's float_pow, special cases first; a negative base with a fractional exponent would
 * give a complex number, which cellar does not have: it raises ValueError instead. */
static rt_value float_pow(rt_vm *vm, double v, double w)
{
    if (w == 0)
        return rt_float_new(1.0);
    if (isnan(v))
        return rt_float_new(v);
    if (isnan(w))
        return rt_float_new(v == 1.0 ? 1.0 : w);
    if (isinf(w)) {
        v = fabs(v);
        if (v == 1.0)
            return rt_float_new(1.0);
        return rt_float_new((w > 0.0) == (v > 1.0) ? fabs(w) : 0.0);
    }
    if (isinf(v)) {
        bool odd = is_odd_integer(w);
        if (w > 0)
            return rt_float_new(odd ? v : fabs(v));
        return rt_float_new(odd ? copysign(0.0, v) : 0.0);
    }
    if (v == 0.0) {
        if (w < 0.0)
            return rt_raise_msg(vm, &rt_zero_division_error_type,
                                "0.0 cannot be raised to a negative power");
        return rt_float_new(is_odd_integer(w) ? v : 0.0);
    }
    bool negate = false;
    if (v < 0.0) {
        if (w != floor(w))
            return rt_raise_msg(vm, &rt_value_error_type,
                                "negative number cannot be raised to a fractional power");
        v = -v;
        negate = is_odd_integer(w);
    }
    if (v == 1.0)
        return rt_float_new(negate ? -1.0 : 1.0);
    double r = pow(v, w);
    if (isinf(r))
        return rt_raise_msg(vm, &rt_overflow_error_type, "(34, 'Numerical result out of range')");
    return rt_float_new(negate ? -r : r);
}

/* CPython's float_divmod: the quotient is floored, the remainder takes the divisor's sign. */
static void float_divmod_values(double v, double w, double *div_out, double *mod_out)
{
    double mod = fmod(v, w);
    double div = (v - mod) / w;
    if (mod) {
        if ((w < 0) != (mod < 0)) {
            mod += w;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, w);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, v / w);
    }
    *div_out = floordiv;
    *mod_out = mod;
}

static rt_value float_arith(rt_vm *vm, int op, double v, double w)
{
    double div, mod;
    switch (op) {
    case RT_ADD: return rt_float_new(v + w);
    case RT_SUB: return rt_float_new(v - w);
    case RT_MUL: return rt_float_new(v * w);
    case RT_TRUEDIV:
        if (w == 0)
            return rt_raise_msg(vm, &rt_zero_division_error_type, "float division by zero");
        return rt_float_new(v / w);
    case RT_FLOORDIV:
        if (w == 0)
            return rt_raise_msg(vm, &rt_zero_division_error_type, "float floor division by zero");
        float_divmod_values(v, w, &div, &mod);
        return rt_float_new(div);
    case RT_MOD:
        if (w == 0)
            return rt_raise_msg(vm, &rt_zero_division_error_type, "float modulo");
        float_divmod_values(v, w, &div, &mod);
        return rt_float_new(mod);
    case RT_POW: return float_pow(vm, v, w);
    default: return RT_NOT_IMPLEMENTED;
    }
}

static bool is_number(rt_value v) { return rt_is_int(v) || rt_is_type(v, &rt_float_type); }

rt_value rt_float_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    op = op & ~RT_INPLACE;
    if (!is_number(a) || !is_number(b))
        return RT_NOT_IMPLEMENTED;
    switch (op) {
    case RT_ADD: case RT_SUB: case RT_MUL: case RT_TRUEDIV: case RT_FLOORDIV: case RT_MOD:
    case RT_POW: break;
    default: return RT_NOT_IMPLEMENTED;
    }
    double v, w;
    if (!rt_number_to_double(vm, a, &v) || !rt_number_to_double(vm, b, &w))
        return RT_ERROR;
    return float_arith(vm, op, v, w);
}

static rt_value float_unary(rt_vm *vm, int op, rt_value a)
{
    double d = rt_float_value(a);
    switch (op) {
    case RT_NEG: return rt_float_new(-d);
    case RT_POS: return a;
    case RT_NOT: return rt_bool(d == 0);
    default: return RT_NOT_IMPLEMENTED;
    }
}

static rt_value compare_doubles(double x, double y, rt_compare_op op)
{
    switch (op) {
    case RT_LT: return rt_bool(x < y);
    case RT_LE: return rt_bool(x <= y);
    case RT_EQ: return rt_bool(x == y);
    case RT_NE: return rt_bool(x != y);
    case RT_GT: return rt_bool(x > y);
    case RT_GE: return rt_bool(x >= y);
    }
    return RT_NOT_IMPLEMENTED;
}

/* Comparing with an int is exact (no conversion of the int to double), as in CPython. */
rt_value rt_float_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    static const rt_compare_op reflected[] = {RT_GT, RT_GE, RT_EQ, RT_NE, RT_LT, RT_LE};
    if (!rt_is_type(self, &rt_float_type)) {
        if (!rt_is_type(other, &rt_float_type))
            return RT_NOT_IMPLEMENTED;
        return rt_float_compare(vm, other, self, reflected[op]);
    }
    double x = rt_float_value(self);
    if (rt_is_type(other, &rt_float_type))
        return compare_doubles(x, rt_float_value(other), op);
    if (!rt_is_int(other))
        return RT_NOT_IMPLEMENTED;
    int c = rt_int_compare_double(other, x); /* other vs self */
    if (c == 2)
        return rt_bool(op == RT_NE);
    return compare_doubles(0.0, (double)c, op); /* self vs other is the reverse of c */
}

static int float_truth(rt_vm *vm, rt_value self) { return rt_float_value(self) != 0; }

static rt_value float_repr_slot(rt_vm *vm, rt_value self) { return rt_float_repr(vm, self); }

/* --- parsing and float() ------------------------------------------------------------------- */

static bool match_word(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* Copies the numeral to ASCII without underscores, checking that each underscore sits between
 * two digits. Returns false on any character float() would reject. */
static bool clean_numeral(const char *s, size_t n, char *out)
{
    size_t o = 0;
    bool prev_digit = false;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = rt_utf8_decode(s + i, &len);
        i += len;
        int d = rt_codepoint_decimal(c);
        if (d >= 0) {
            out[o++] = (char)('0' + d);
            prev_digit = true;
        } else if (c == '_') {
            if (!prev_digit || i >= n || rt_codepoint_decimal(rt_utf8_decode(s + i, &len)) < 0)
                return false;
            prev_digit = false;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
            out[o++] = (char)c;
            prev_digit = false;
        } else {
            return false;
        }
    }
    out[o] = '\0';
    return true;
}

/* numeral = digits ["." [digits]] | "." digits, then an optional exponent. */
static bool valid_numeral(const char *s)
{
    size_t i = 0, before = 0, after = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++, before++;
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9')
            i++, after++;
    }
    if (before + after == 0)
        return false;
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '+' || s[i] == '-')
            i++;
        size_t exp = 0;
        while (s[i] >= '0' && s[i] <= '9')
            i++, exp++;
        if (exp == 0)
            return false;
    }
    return s[i] == '\0';
}

bool rt_parse_double(const char *s, size_t n, double *out)
{
    size_t i = 0, len;
    while (i < n && rt_codepoint_isspace(rt_utf8_decode(s + i, &len)))
        i += len;
    while (n > i) {
        size_t back = n - 1;
        while (back > i && ((unsigned char)s[back] & 0xC0) == 0x80)
            back--;
        if (!rt_codepoint_isspace(rt_utf8_decode(s + back, &len)))
            break;
        n = back;
    }
    bool negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    const char *body = s + i;
    size_t size = n - i;
    if (match_word(body, size, "inf") || match_word(body, size, "infinity")) {
        *out = negative ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(body, size, "nan")) {
        *out = negative ? -NAN : NAN;
        return true;
    }
    char *clean = rt_alloc_raw_atomic(size + 1);
    if (!clean_numeral(body, size, clean) || !valid_numeral(clean))
        return false;
    double d = strtod(clean, NULL); /* correctly rounded; overflow gives inf as in CPython */
    *out = negative ? -d : d;
    return true;
}

rt_value rt_float_from_value(rt_vm *vm, rt_value x)
{
    if (rt_is_type(x, &rt_float_type))
        return x;
    if (rt_is_int(x)) {
        bool ok;
        double d = rt_int_to_double(vm, x, &ok);
        return ok ? rt_float_new(d) : RT_ERROR;
    }
    if (rt_is_type(x, &rt_str_type)) {
        double d;
        if (rt_parse_double(rt_str_data(x), (size_t)rt_str_size(x), &d))
            return rt_float_new(d);
        return rt_raise_format(vm, &rt_value_error_type, "could not convert string to float: %R",
                               x);
    }
    return rt_raise_format(vm, &rt_type_error_type,
                           "float() argument must be a string or a real number, not '%T'", x);
}

static rt_value float_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "float() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_format(vm, &rt_type_error_type, "float expected at most 1 argument, got %zu",
                               nargs);
    return nargs == 0 ? rt_float_new(0.0) : rt_float_from_value(vm, args[0]);
}

/* --- round, abs, divmod -------------------------------------------------------------------- */

/* round(x, n) for a double: the exact value of x scaled by 10**n, rounded half to even, scaled
 * back with one correct rounding (what CPython's dtoa-based double_round computes). */
static rt_value round_double(rt_vm *vm, double x, int64_t n)
{
    if (!isfinite(x) || n > 323)
        return rt_float_new(x);
    if (n < -308)
        return rt_float_new(0.0 * x);
    mpq_t q;
    mpz_t scale, rounded, two;
    mpq_init(q);
    mpz_inits(scale, rounded, two, NULL);
    mpq_set_d(q, x);
    mpz_ui_pow_ui(scale, 10, (unsigned long)(n < 0 ? -n : n));
    if (n >= 0)
        mpz_mul(mpq_numref(q), mpq_numref(q), scale);
    else
        mpz_mul(mpq_denref(q), mpq_denref(q), scale);
    mpq_canonicalize(q);
    /* rounded = round-half-even(q) = floor(q + 1/2), minus one on an exact odd tie */
    mpz_mul_2exp(two, mpq_numref(q), 1);
    mpz_add(two, two, mpq_denref(q));
    mpz_mul_2exp(rounded, mpq_denref(q), 1);
    bool tie = mpz_divisible_p(two, rounded);
    mpz_fdiv_q(rounded, two, rounded);
    if (tie && mpz_odd_p(rounded))
        mpz_sub_ui(rounded, rounded, 1);
    rt_value num = rt_int_from_mpz(rounded), result;
    if (n >= 0) {
        result = rt_int_true_divide(vm, num, rt_int_from_mpz(scale));
    } else {
        mpz_mul(rounded, rounded, scale);
        bool ok;
        double d = rt_int_to_double(vm, rt_int_from_mpz(rounded), &ok);
        result = ok ? rt_float_new(d) : 0;
    }
    mpq_clear(q);
    mpz_clears(scale, rounded, two, NULL);
    if (!result && rt_pending_is(vm, &rt_overflow_error_type)) {
        vm->pending = 0;
        return rt_raise_msg(vm, &rt_overflow_error_type, "rounded value too large to represent");
    }
    if (result && rt_float_value(result) == 0)
        return rt_float_new(copysign(0.0, x));
    return result;
}

/* round(i, n) for an int and n < 0: round half to even to a multiple of 10**-n. */
static rt_value round_int(rt_vm *vm, rt_value x, int64_t n)
{
    if (n >= 0)
        return rt_int_binary(vm, RT_ADD, x, rt_small_int(0));
    mpz_t z, scale, q, r, twice;
    mpz_inits(z, scale, q, r, twice, NULL);
    rt_int_to_mpz(x, z);
    mpz_ui_pow_ui(scale, 10, (unsigned long)(n < -10000000 ? 10000000 : -n));
    mpz_fdiv_qr(q, r, z, scale);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, scale);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, scale);
    rt_value result = rt_int_from_mpz(q);
    mpz_clears(z, scale, q, r, twice, NULL);
    return result;
}

rt_value rt_number_round(rt_vm *vm, rt_value x, rt_value ndigits)
{
    bool has_digits = ndigits && ndigits != RT_NONE;
    int64_t n = 0;
    if (has_digits && !rt_int_index(vm, ndigits, &n)) {
        if (!rt_pending_is(vm, &rt_overflow_error_type))
            return RT_ERROR;
        vm->pending = 0; /* an enormous ndigits behaves like the clamped limits */
        n = rt_int_sign(ndigits) > 0 ? INT64_MAX / 2 : -(INT64_MAX / 2);
    }
    if (rt_is_int(x))
        return has_digits ? round_int(vm, x, n) : rt_int_binary(vm, RT_ADD, x, rt_small_int(0));
    if (!rt_is_type(x, &rt_float_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "type %T doesn't define __round__ method", x);
    double d = rt_float_value(x);
    if (has_digits)
        return round_double(vm, d, n);
    double r = nearbyint(d); /* the default rounding mode is half to even */
    return rt_int_from_double(vm, r);
}

rt_value rt_number_abs(rt_vm *vm, rt_value x)
{
    if (rt_is_type(x, &rt_float_type))
        return rt_float_new(fabs(rt_float_value(x)));
    if (!rt_is_int(x))
        return RT_NOT_IMPLEMENTED;
    return rt_int_unary(vm, rt_int_sign(x) < 0 ? RT_NEG : RT_POS, x);
}

rt_value rt_number_divmod(rt_vm *vm, rt_value a, rt_value b)
{
    if (!is_number(a) || !is_number(b))
        return RT_NOT_IMPLEMENTED;
    if (rt_is_int(a) && rt_is_int(b)) {
        rt_value q = rt_int_binary(vm, RT_FLOORDIV, a, b);
        if (!q)
            return RT_ERROR;
        rt_value r = rt_int_binary(vm, RT_MOD, a, b);
        return r ? rt_tuple_pack(2, q, r) : RT_ERROR;
    }
    double v, w, div, mod;
    if (!rt_number_to_double(vm, a, &v) || !rt_number_to_double(vm, b, &w))
        return RT_ERROR;
    if (w == 0)
        return rt_raise_msg(vm, &rt_zero_division_error_type, "float divmod()");
    float_divmod_values(v, w, &div, &mod);
    return rt_tuple_pack(2, rt_float_new(div), rt_float_new(mod));
}

/* --- methods and the type object ----------------------------------------------------------- */

static rt_value float_is_integer(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    if (!rt_check_args(vm, "float.is_integer", nargs, kwnames, 0, 0))
        return RT_ERROR;
    double d = rt_float_value(self);
    return rt_bool(isfinite(d) && d == floor(d));
}

static rt_value float_as_integer_ratio(rt_vm *vm, rt_value self, size_t nargs,
                                       const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "float.as_integer_ratio", nargs, kwnames, 0, 0))
        return RT_ERROR;
    double d = rt_float_value(self);
    if (isinf(d))
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return rt_raise_msg(vm, &rt_value_error_type, "cannot convert NaN to integer ratio");
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, d);
    rt_value r = rt_tuple_pack(2, rt_int_from_mpz(mpq_numref(q)), rt_int_from_mpz(mpq_denref(q)));
    mpq_clear(q);
    return r;
}

static rt_value float_conjugate(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    if (!rt_check_args(vm, "float.conjugate", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return self;
}

static rt_value float_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    if (rt_str_equal_cstr(name, "real"))
        return self;
    if (rt_str_equal_cstr(name, "imag"))
        return rt_float_new(0.0);
    return 0;
}

static const rt_method float_methods[] = {
    {"is_integer", float_is_integer, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, "Return integer ratio."},
    {"conjugate", float_conjugate, "Return self, the complex conjugate of any float."},
    {NULL, NULL, NULL},
};

const rt_type rt_float_type = {
    .base = {&rt_type_type},
    .name = "float",
    .base_type = &rt_object_type,
    .repr = float_repr_slot,
    .hash = float_hash_slot,
    .compare = rt_float_compare,
    .binary = rt_float_binary,
    .unary = float_unary,
    .truth = float_truth,
    .getattr = float_getattr,
    .methods = float_methods,
    .construct = float_construct,
};
