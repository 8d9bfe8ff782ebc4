/* int: representation (unboxed small ints, normalised GMP big ints), conversions, hashing,
 * decimal and power-of-two text in both directions, int() and the int type object. The
 * arithmetic slots live in int_ops.c. */
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

/* CPython's modulus for numeric hashes: 2**61 - 1 (a Mersenne prime). */

static bool fits_small(int64_t i) { return i >= RT_SMALL_INT_MIN && i <= RT_SMALL_INT_MAX; }

static rt_value new_big(const mpz_t z)
{
    rt_bigint *b = rt_alloc(sizeof(rt_bigint), &rt_int_type);
    mpz_init_set(b->z, z);
    return rt_from_object(b);
}

static bool is_big(rt_value v) { return rt_is_type(v, &rt_int_type); }

rt_value rt_int_from_int64(int64_t i)
{
    if (fits_small(i))
        return rt_small_int(i);
    mpz_t z;
    mpz_init_set_si(z, (long)i);
    rt_value r = new_big(z);
    mpz_clear(z);
    return r;
}

/* z as a small int when it is one, else 0. */
static rt_value small_of(const mpz_t z)
{
    if (!mpz_fits_slong_p(z))
        return 0;
    long i = mpz_get_si(z);
    return fits_small(i) ? rt_small_int(i) : 0;
}

rt_value rt_int_from_mpz(const mpz_t z)
{
    rt_value small = small_of(z);
    return small ? small : new_big(z);
}

rt_value rt_int_take_mpz(mpz_t z)
{
    rt_value small = small_of(z);
    if (small)
        return small;
    rt_bigint *b = rt_alloc(sizeof(rt_bigint), &rt_int_type);
    mpz_init(b->z); /* allocates nothing: z gets an empty value to clear */
    mpz_swap(b->z, z);
    return rt_from_object(b);
}

mpz_srcptr rt_int_view_mpz(rt_value v, mpz_t space)
{
    if (is_big(v))
        return ((rt_bigint *)rt_as_object(v))->z;
    rt_int_to_mpz(v, space);
    return space;
}

bool rt_is_int(rt_value v)
{
    return rt_is_small_int(v) || v == RT_TRUE || v == RT_FALSE || is_big(v);
}

bool rt_int_to_int64(rt_value v, int64_t *out)
{
    if (rt_is_small_int(v)) {
        *out = rt_small_int_value(v);
        return true;
    }
    if (v == RT_TRUE || v == RT_FALSE) {
        *out = v == RT_TRUE;
        return true;
    }
    if (is_big(v) && mpz_fits_slong_p(((rt_bigint *)rt_as_object(v))->z)) {
        *out = mpz_get_si(((rt_bigint *)rt_as_object(v))->z);
        return true;
    }
    return false;
}

void rt_int_to_mpz(rt_value v, mpz_t out)
{
    if (is_big(v))
        mpz_set(out, ((rt_bigint *)rt_as_object(v))->z);
    else if (rt_is_small_int(v))
        mpz_set_si(out, (long)rt_small_int_value(v));
    else
        mpz_set_si(out, v == RT_TRUE);
}

int rt_int_sign(rt_value v)
{
    if (is_big(v))
        return mpz_sgn(((rt_bigint *)rt_as_object(v))->z);
    int64_t i = rt_is_small_int(v) ? rt_small_int_value(v) : v == RT_TRUE;
    return (i > 0) - (i < 0);
}

bool rt_int_index(rt_vm *vm, rt_value v, int64_t *out)
{
    if (!rt_is_int(v)) {
        rt_raise_format(vm, &rt_type_error_type, "'%T' object cannot be interpreted as an integer",
                        v);
        return false;
    }
    if (!rt_int_to_int64(v, out)) {
        rt_raise_msg(vm, &rt_overflow_error_type, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    return true;
}

/* Text of |v| or v in `base`, lowercase digits, with a leading '-' when negative. */
static char *int_digits(rt_value v, int base)
{
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(v, z);
    char *text = rt_alloc_raw_atomic(mpz_sizeinbase(z, base) + 2);
    mpz_get_str(text, base, z);
    mpz_clear(z);
    return text;
}

static rt_value raise_str_digits_limit(rt_vm *vm)
{
    return rt_raise_format(vm, &rt_value_error_type,
                           "Exceeds the limit (%d digits) for integer string conversion; use "
                           "sys.set_int_max_str_digits() to increase the limit",
                           RT_INT_MAX_STR_DIGITS);
}

rt_value rt_int_repr(rt_vm *vm, rt_value v)
{
    int64_t i;
    if (rt_int_to_int64(v, &i)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)i);
        return rt_str_new(buf, (size_t)n);
    }
    /* sizeinbase may overshoot by one, so only a clear excess is rejected before converting. */
    if (mpz_sizeinbase(((rt_bigint *)rt_as_object(v))->z, 10) > RT_INT_MAX_STR_DIGITS + 1)
        return raise_str_digits_limit(vm);
    char *text = int_digits(v, 10);
    size_t n = strlen(text);
    if (n - (text[0] == '-') > RT_INT_MAX_STR_DIGITS)
        return raise_str_digits_limit(vm);
    return rt_str_new(text, n);
}

rt_value rt_int_to_base(rt_vm *vm, rt_value v, int base, bool prefix)
{
    if (base == 10)
        return rt_int_repr(vm, v);
    char *text = int_digits(v, base);
    bool negative = text[0] == '-';
    rt_strbuf b;
    rt_strbuf_init(&b);
    if (negative)
        rt_strbuf_append_char(&b, '-');
    if (prefix)
        rt_strbuf_append_cstr(&b, base == 16 ? "0x" : base == 8 ? "0o" : "0b");
    rt_strbuf_append_cstr(&b, text + negative);
    return rt_strbuf_finish(&b);
}

/* Rounds q * 2**exp to the nearest double (ties to even); `sticky` says that bits below q were
 * dropped. q must be positive. Returns HUGE_VAL when the result overflows. */
static double round_mpz_to_double(mpz_t q, bool sticky, long exp)
{
    long bits = (long)mpz_sizeinbase(q, 2);
    /* Precision: 53 bits, fewer for subnormal results (binary exponent below -1022). */
    long top = bits + exp - 1;
    long precision = 53;
    if (top < -1022)
        precision = 53 - (-1022 - top);
    if (precision < 0)
        precision = 0;
    long drop = bits - precision;
    if (drop > 0) {
        bool half = mpz_tstbit(q, (mp_bitcnt_t)drop - 1);
        bool below = sticky || (drop >= 2 && mpz_scan1(q, 0) < (mp_bitcnt_t)drop - 1);
        mpz_fdiv_q_2exp(q, q, (mp_bitcnt_t)drop);
        if (half && (below || mpz_odd_p(q)))
            mpz_add_ui(q, q, 1);
        exp += drop;
    }
    double d = ldexp(mpz_get_d(q), (int)(exp > 100000 ? 100000 : exp < -100000 ? -100000 : exp));
    return d;
}

/* Correctly rounded conversion (mpz_get_d truncates, CPython rounds to nearest). */
static double mpz_to_double(const mpz_t z, bool *overflow)
{
    mpz_t q;
    mpz_init(q);
    mpz_abs(q, z);
    double d = mpz_sgn(q) ? round_mpz_to_double(q, false, 0) : 0.0;
    mpz_clear(q);
    *overflow = isinf(d);
    return mpz_sgn(z) < 0 ? -d : d;
}

double rt_int_to_double(rt_vm *vm, rt_value v, bool *ok)
{
    int64_t i;
    *ok = true;
    if (rt_int_to_int64(v, &i) && i > -((int64_t)1 << 53) && i < ((int64_t)1 << 53))
        return (double)i;
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(v, z);
    bool overflow;
    double d = mpz_to_double(z, &overflow);
    mpz_clear(z);
    if (overflow) {
        rt_raise_msg(vm, &rt_overflow_error_type, "int too large to convert to float");
        *ok = false;
        return -1.0;
    }
    return d;
}

rt_value rt_int_true_divide(rt_vm *vm, rt_value a, rt_value b)
{
    if (rt_int_sign(b) == 0)
        return rt_raise_msg(vm, &rt_zero_division_error_type, "division by zero");
    int64_t x, y;
    const int64_t exact = (int64_t)1 << 53;
    if (rt_int_to_int64(a, &x) && rt_int_to_int64(b, &y) && x > -exact && x < exact &&
        y > -exact && y < exact)
        return rt_float_new((double)x / (double)y);
    mpz_t n, d, q, r;
    mpz_inits(n, d, q, r, NULL);
    rt_int_to_mpz(a, n);
    rt_int_to_mpz(b, d);
    bool negative = (mpz_sgn(n) < 0) != (mpz_sgn(d) < 0);
    mpz_abs(n, n);
    mpz_abs(d, d);
    double result = 0.0;
    if (mpz_sgn(n)) {
        /* Scale so the quotient has at least 55 significant bits, then round once. */
        long shift = 55 - ((long)mpz_sizeinbase(n, 2) - (long)mpz_sizeinbase(d, 2));
        if (shift > 0)
            mpz_mul_2exp(n, n, (mp_bitcnt_t)shift);
        else
            mpz_mul_2exp(d, d, (mp_bitcnt_t)-shift);
        mpz_tdiv_qr(q, r, n, d);
        result = round_mpz_to_double(q, mpz_sgn(r) != 0, -shift);
    }
    mpz_clears(n, d, q, r, NULL);
    if (isinf(result))
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "integer division result too large for a float");
    return rt_float_new(negative ? -result : result);
}

int rt_int_compare_double(rt_value i, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    int64_t x;
    const int64_t exact = (int64_t)1 << 53;
    if (rt_int_to_int64(i, &x) && x > -exact && x < exact) {
        double xd = (double)x;
        return (xd > d) - (xd < d);
    }
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(i, z);
    int c = mpz_cmp_d(z, d); /* exact in GMP */
    mpz_clear(z);
    return (c > 0) - (c < 0);
}

rt_value rt_int_from_double(rt_vm *vm, double d)
{
    if (isnan(d))
        return rt_raise_msg(vm, &rt_value_error_type, "cannot convert float NaN to integer");
    if (isinf(d))
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "cannot convert float infinity to integer");
    d = trunc(d);
    if (d > -9.2e18 && d < 9.2e18)
        return rt_int_from_int64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    rt_value r = rt_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

int64_t rt_int_hash(rt_value v)
{
    if (rt_is_small_int(v))
        return rt_small_int_hash(v);
    int64_t i;
    uint64_t h;
    bool negative;
    if (rt_int_to_int64(v, &i)) {
        negative = i < 0;
        uint64_t magnitude = negative ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        h = magnitude % RT_HASH_MODULUS;
    } else {
        const mpz_srcptr z = ((rt_bigint *)rt_as_object(v))->z;
        negative = mpz_sgn(z) < 0;
        mpz_t a;
        mpz_init(a);
        mpz_abs(a, z);
        h = mpz_fdiv_ui(a, RT_HASH_MODULUS);
        mpz_clear(a);
    }
    return rt_int_hash_signed(negative, h);
}

bool rt_int_hash_slot(rt_vm *vm, rt_value self, int64_t *out)
{
    *out = rt_int_hash(self);
    return true;
}

/* --- Parsing: int(str, base) and integer literals --------------------------------------- */

static int digit_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (int)(c - 'A' + 10);
    int d = rt_codepoint_decimal(c);
    return d >= 0 ? d : 99;
}

/* Skips Python whitespace (any Unicode space) starting at s[i]; returns the new index. */
static size_t skip_space(const char *s, size_t n, size_t i)
{
    while (i < n) {
        size_t len;
        uint32_t c = rt_utf8_decode(s + i, &len);
        if (!rt_codepoint_isspace(c))
            break;
        i += len;
    }
    return i;
}

static size_t trim_space_end(const char *s, size_t start, size_t end)
{
    while (end > start) {
        size_t back = end - 1;
        while (back > start && ((unsigned char)s[back] & 0xC0) == 0x80)
            back--;
        size_t len;
        if (!rt_codepoint_isspace(rt_utf8_decode(s + back, &len)))
            break;
        end = back;
    }
    return end;
}

/* Reads the base prefix for base 0 (or a matching one for 16/8/2). Returns the base and
 * advances *i past the prefix. */
static int read_prefix(const char *s, size_t n, size_t *i, int base)
{
    if (*i + 1 >= n || s[*i] != '0')
        return base == 0 ? 10 : base;
    char p = (char)(s[*i + 1] | 0x20);
    int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefixed && (base == 0 || base == prefixed)) {
        *i += 2;
        return prefixed;
    }
    return base == 0 ? 10 : base;
}

/* Collects the digits of s[i..end) into clean ASCII (underscores removed). Returns the digit
 * count, or -1 when the text is not a valid numeral in `base`. `after_prefix` allows one
 * leading underscore ("0x_ff"). */
static long collect_digits(const char *s, size_t i, size_t end, int base, bool after_prefix,
                           char *out)
{
    long count = 0;
    bool last_underscore = after_prefix;
    bool first = true;
    while (i < end) {
        size_t len;
        uint32_t c = rt_utf8_decode(s + i, &len);
        i += len;
        if (c == '_') {
            if (last_underscore && !(first && after_prefix))
                return -1;
            if (first && !after_prefix)
                return -1;
            last_underscore = true;
            first = false;
            continue;
        }
        int d = digit_value(c);
        if (d >= base)
            return -1;
        out[count++] = d < 10 ? (char)('0' + d) : (char)('a' + d - 10);
        last_underscore = false;
        first = false;
    }
    if (count == 0 || last_underscore)
        return -1;
    out[count] = '\0';
    return count;
}

static rt_value raise_invalid_literal(rt_vm *vm, const char *s, size_t n, int base)
{
    rt_value text = rt_str_new(s, n);
    rt_value r = rt_repr(vm, text);
    if (!r)
        return RT_ERROR;
    return rt_raise_format(vm, &rt_value_error_type, "invalid literal for int() with base %d: %.200U",
                           base, r);
}

static bool power_of_two(int base) { return (base & (base - 1)) == 0; }

/* Parses s[0..n) as int() does for a str argument. `limited`: apply the decimal digit limit
 * (int() does; literals do not, the parser has already checked decimal ones). */
static rt_value parse_int(rt_vm *vm, const char *s, size_t n, int base, bool limited)
{
    size_t i = skip_space(s, n, 0);
    size_t end = trim_space_end(s, i, n);
    bool negative = false;
    if (i < end && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    size_t start = i;
    int actual = read_prefix(s, end, &i, base);
    bool prefixed = i != start;
    char *clean = rt_alloc_raw_atomic(end - i + 2);
    long count = collect_digits(s, i, end, actual, prefixed, clean);
    if (count < 0)
        return raise_invalid_literal(vm, s, n, base);
    /* Base 0 forbids leading zeros in non-zero decimals ("010"), as literals do. */
    if (base == 0 && !prefixed && clean[0] == '0' && strspn(clean, "0") != (size_t)count)
        return raise_invalid_literal(vm, s, n, base);
    if (limited && !power_of_two(actual) && count > RT_INT_MAX_STR_DIGITS)
        return rt_raise_format(vm, &rt_value_error_type,
                               "Exceeds the limit (%d digits) for integer string conversion: "
                               "value has %ld digits; use sys.set_int_max_str_digits() to "
                               "increase the limit",
                               RT_INT_MAX_STR_DIGITS, count);
    if (count <= (actual <= 10 ? 18 : 12)) { /* fits int64 for any base up to 36 */
        int64_t v = strtoll(clean, NULL, actual);
        return rt_int_from_int64(negative ? -v : v);
    }
    mpz_t z;
    mpz_init_set_str(z, clean, actual);
    if (negative)
        mpz_neg(z, z);
    rt_value r = rt_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

rt_value rt_int_from_string(rt_vm *vm, const char *digits, int base)
{
    return parse_int(vm, digits, strlen(digits), base, false);
}

/* --- int() and the type object ----------------------------------------------------------- */

static rt_value int_from_object(rt_vm *vm, rt_value x)
{
    if (rt_is_int(x))
        return x == RT_TRUE ? rt_small_int(1) : x == RT_FALSE ? rt_small_int(0) : x;
    if (rt_is_type(x, &rt_float_type))
        return rt_int_from_double(vm, rt_float_value(x));
    if (rt_is_type(x, &rt_str_type))
        return parse_int(vm, rt_str_data(x), (size_t)rt_str_size(x), 10, true);
    return rt_raise_format(vm, &rt_type_error_type,
                           "int() argument must be a string, a bytes-like object or a real "
                           "number, not '%T'",
                           x);
}

static rt_value int_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    size_t nkw = kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
    rt_value x = nargs > 0 ? args[0] : 0, base_arg = nargs > 1 ? args[1] : 0;
    for (size_t k = 0; k < nkw; k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        if (!rt_str_equal_cstr(name, "base"))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "'%U' is an invalid keyword argument for int()", name);
        if (base_arg)
            return rt_raise_msg(vm, &rt_type_error_type,
                                "argument for int() given by name ('base') and position (2)");
        base_arg = args[nargs + k];
    }
    if (nargs > 2)
        return rt_raise_format(vm, &rt_type_error_type,
                               "int() takes at most 2 arguments (%zu given)", nargs + nkw);
    if (!base_arg)
        return x ? int_from_object(vm, x) : rt_small_int(0);
    int64_t base;
    if (!rt_int_index(vm, base_arg, &base)) {
        if (rt_pending_is(vm, &rt_overflow_error_type)) {
            vm->pending = 0;
            base = -1;
        } else {
            return RT_ERROR;
        }
    }
    if (!x)
        return rt_raise_msg(vm, &rt_type_error_type, "int() missing string argument");
    if (base != 0 && (base < 2 || base > 36))
        return rt_raise_msg(vm, &rt_value_error_type, "int() base must be >= 2 and <= 36, or 0");
    if (!rt_is_type(x, &rt_str_type))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "int() can't convert non-string with explicit base");
    return parse_int(vm, rt_str_data(x), (size_t)rt_str_size(x), (int)base, true);
}

static rt_value int_repr_slot(rt_vm *vm, rt_value self) { return rt_int_repr(vm, self); }

static int int_truth(rt_vm *vm, rt_value self) { return rt_int_sign(self) != 0; }

static rt_value int_bit_length(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "int.bit_length", nargs, kwnames, 0, 0))
        return RT_ERROR;
    if (rt_int_sign(self) == 0)
        return rt_small_int(0);
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(self, z);
    size_t bits = mpz_sizeinbase(z, 2);
    mpz_clear(z);
    return rt_int_from_int64((int64_t)bits);
}

static rt_value int_bit_count(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    if (!rt_check_args(vm, "int.bit_count", nargs, kwnames, 0, 0))
        return RT_ERROR;
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(self, z);
    mpz_abs(z, z);
    mp_bitcnt_t count = mpz_popcount(z);
    mpz_clear(z);
    return rt_int_from_int64((int64_t)count);
}

/* int.conjugate() and friends return the int itself (a bool becomes a plain int). */
static rt_value int_identity(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, "int.conjugate", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return int_from_object(vm, self);
}

static rt_value int_as_integer_ratio(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                     rt_value kwnames)
{
    if (!rt_check_args(vm, "int.as_integer_ratio", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_tuple_pack(2, int_from_object(vm, self), rt_small_int(1));
}

/* .real, .imag, .numerator, .denominator */
rt_value rt_int_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    if (rt_str_equal_cstr(name, "real") || rt_str_equal_cstr(name, "numerator"))
        return int_from_object(vm, self);
    if (rt_str_equal_cstr(name, "imag"))
        return rt_small_int(0);
    if (rt_str_equal_cstr(name, "denominator"))
        return rt_small_int(1);
    return 0;
}

static const rt_method int_methods[] = {
    {"bit_length", int_bit_length, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_identity, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, "Return integer ratio."},
    {NULL, NULL, NULL},
};

const rt_type rt_int_type = {
    .base = {&rt_type_type},
    .name = "int",
    .base_type = &rt_object_type,
    .repr = int_repr_slot,
    .hash = rt_int_hash_slot,
    .compare = rt_int_compare,
    .binary = rt_int_binary,
    .unary = rt_int_unary,
    .truth = int_truth,
    .getattr = rt_int_getattr,
    .methods = int_methods,
    .construct = int_construct,
};
