/* int arithmetic: the binary, unary and comparison slots of int (and, through them, bool),
 * with a fast path for two small ints and GMP for everything else. Division and modulo round
 * toward negative infinity, as Python's do. */
#include <math.h>
#include <string.h>

#include "exception.h"
#include "float.h"
#include "int.h"

static bool fits_small(int64_t i) { return i >= RT_SMALL_INT_MIN && i <= RT_SMALL_INT_MAX; }

/* Results with more bits than this cannot be allocated (8 GiB); they raise MemoryError, as
 * CPython's do when its allocation fails, instead of aborting inside GMP. */
#define MAX_RESULT_BITS ((int64_t)1 << 36)

/* Small-int operands as int64 (bools count as 0/1); false if either is big. */
static bool both_int64(rt_value a, rt_value b, int64_t *x, int64_t *y)
{
    return (rt_is_small_int(a) || a == RT_TRUE || a == RT_FALSE) &&
           (rt_is_small_int(b) || b == RT_TRUE || b == RT_FALSE) && rt_int_to_int64(a, x) &&
           rt_int_to_int64(b, y);
}

static int64_t floor_div64(int64_t x, int64_t y)
{
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        q--;
    return q;
}

static int64_t floor_mod64(int64_t x, int64_t y)
{
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0)))
        r += y;
    return r;
}

/* Shift counts: ValueError when negative; a shift too large to perform is a MemoryError in
 * CPython (it would need that much memory). */
static bool shift_count(rt_vm *vm, rt_value b, bool left, bool *huge, uint64_t *count)
{
    if (rt_int_sign(b) < 0) {
        rt_raise_msg(vm, &rt_value_error_type, "negative shift count");
        return false;
    }
    int64_t n;
    *huge = !rt_int_to_int64(b, &n) || n > MAX_RESULT_BITS;
    *count = *huge ? 0 : (uint64_t)n;
    return true;
}

static rt_value big_shift(rt_vm *vm, int op, mpz_t x, rt_value b)
{
    bool huge;
    uint64_t n;
    if (!shift_count(vm, b, op == RT_LSHIFT, &huge, &n))
        return RT_ERROR;
    if (op == RT_LSHIFT) {
        if (mpz_sgn(x) == 0)
            return rt_small_int(0);
        if (huge)
            return rt_raise_msg(vm, &rt_memory_error_type, "");
        mpz_mul_2exp(x, x, n);
    } else {
        if (huge)
            return rt_small_int(mpz_sgn(x) < 0 ? -1 : 0);
        mpz_fdiv_q_2exp(x, x, n);
    }
    return rt_int_take_mpz(x);
}

/* a ** b for ints; a negative exponent gives a float, as in CPython. */
static rt_value int_pow(rt_vm *vm, rt_value a, rt_value b)
{
    if (rt_int_sign(b) < 0) {
        bool ok;
        double x = rt_int_to_double(vm, a, &ok);
        if (!ok)
            return RT_ERROR;
        double y = rt_int_to_double(vm, b, &ok);
        if (!ok)
            return RT_ERROR;
        return rt_float_type.binary(vm, RT_POW, rt_float_new(x), rt_float_new(y));
    }
    mpz_t x;
    mpz_init(x);
    rt_int_to_mpz(a, x);
    int64_t e;
    if (!rt_int_to_int64(b, &e)) {
        /* Only 0, 1 and -1 survive an exponent this large. */
        if (mpz_cmpabs_ui(x, 1) > 0)
            return rt_raise_msg(vm, &rt_memory_error_type, "");
        bool odd = rt_int_sign(b) != 0 && (rt_is_small_int(b) ? (rt_small_int_value(b) & 1)
                                                              : mpz_odd_p(((rt_bigint *)
                                                                   rt_as_object(b))->z));
        return rt_small_int(mpz_sgn(x) < 0 && !odd ? 1 : mpz_get_si(x));
    }
    int64_t bits = (int64_t)mpz_sizeinbase(x, 2);
    if (mpz_cmpabs_ui(x, 1) > 0 && e > 0 && bits - 1 > MAX_RESULT_BITS / e)
        return rt_raise_msg(vm, &rt_memory_error_type, "");
    mpz_pow_ui(x, x, (unsigned long)e);
    rt_value r = rt_int_take_mpz(x);
    mpz_clear(x);
    return r;
}

static rt_value big_divmod_op(rt_vm *vm, int op, mpz_t r, mpz_srcptr x, mpz_srcptr y)
{
    if (mpz_sgn(y) == 0)
        return rt_raise_msg(vm, &rt_zero_division_error_type,
                            op == RT_MOD ? "integer modulo by zero"
                                         : "integer division or modulo by zero");
    if (op == RT_MOD)
        mpz_fdiv_r(r, x, y);
    else
        mpz_fdiv_q(r, x, y);
    return rt_int_take_mpz(r);
}

/* The general path: the operands viewed as mpz (big ints are not copied), the result
 * computed into r and handed over to the new int. */
static rt_value big_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    mpz_t r, xs, ys;
    mpz_inits(r, xs, ys, NULL);
    mpz_srcptr x = rt_int_view_mpz(a, xs), y = rt_int_view_mpz(b, ys);
    rt_value result;
    switch (op) {
    case RT_ADD: mpz_add(r, x, y); break;
    case RT_SUB: mpz_sub(r, x, y); break;
    case RT_MUL: mpz_mul(r, x, y); break;
    case RT_AND: mpz_and(r, x, y); break;
    case RT_OR: mpz_ior(r, x, y); break;
    case RT_XOR: mpz_xor(r, x, y); break;
    case RT_MOD:
    case RT_FLOORDIV: result = big_divmod_op(vm, op, r, x, y); goto done;
    case RT_LSHIFT:
    case RT_RSHIFT:
        mpz_set(r, x);
        result = big_shift(vm, op, r, b);
        goto done;
    default: result = RT_NOT_IMPLEMENTED; goto done;
    }
    result = rt_int_take_mpz(r);
done:
    mpz_clears(r, xs, ys, NULL);
    return result;
}

/* Both operands small: returns 0 (no exception) when the fast path does not apply. */
static rt_value small_binary(rt_vm *vm, int op, int64_t x, int64_t y)
{
    int64_t r;
    switch (op) {
    case RT_ADD: r = x + y; break; /* 62-bit operands cannot overflow 64 bits */
    case RT_SUB: r = x - y; break;
    case RT_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return 0;
        break;
    case RT_FLOORDIV:
    case RT_MOD:
        if (y == 0)
            return rt_raise_msg(vm, &rt_zero_division_error_type,
                                op == RT_MOD ? "integer modulo by zero"
                                             : "integer division or modulo by zero");
        r = op == RT_MOD ? floor_mod64(x, y) : floor_div64(x, y);
        break;
    case RT_AND: r = x & y; break;
    case RT_OR: r = x | y; break;
    case RT_XOR: r = x ^ y; break;
    case RT_RSHIFT:
        if (y < 0)
            return rt_raise_msg(vm, &rt_value_error_type, "negative shift count");
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    case RT_LSHIFT:
        if (y < 0)
            return rt_raise_msg(vm, &rt_value_error_type, "negative shift count");
        if (x == 0)
            return rt_small_int(0);
        if (y >= 62 || (x > 0 ? x > (RT_SMALL_INT_MAX >> y) : x < (RT_SMALL_INT_MIN >> y)))
            return 0;
        r = (int64_t)((uint64_t)x << y);
        break;
    default: return 0;
    }
    return rt_int_from_int64(r);
}

rt_value rt_int_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    op = op & ~RT_INPLACE;
    if (rt_is_type(a, &rt_float_type) || rt_is_type(b, &rt_float_type))
        return rt_float_type.binary(vm, op, a, b);
    if (!rt_is_int(a) || !rt_is_int(b))
        return RT_NOT_IMPLEMENTED;
    if (op == RT_TRUEDIV)
        return rt_int_true_divide(vm, a, b);
    if (op == RT_POW)
        return int_pow(vm, a, b);
    if (op == RT_MATMUL)
        return RT_NOT_IMPLEMENTED;
    int64_t x, y;
    if (both_int64(a, b, &x, &y)) {
        rt_value r = small_binary(vm, op, x, y);
        if (r || vm->pending)
            return r;
    }
    return big_binary(vm, op, a, b);
}

rt_value rt_int_unary(rt_vm *vm, int op, rt_value a)
{
    if (op == RT_NOT)
        return rt_bool(rt_int_sign(a) == 0);
    int64_t x;
    if (rt_int_to_int64(a, &x) && fits_small(x)) {
        switch (op) {
        case RT_NEG: return rt_int_from_int64(-x);
        case RT_POS: return rt_small_int(x);
        case RT_INVERT: return rt_small_int(~x); /* ~x stays within the small range */
        default: return RT_NOT_IMPLEMENTED;
        }
    }
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(a, z);
    if (op == RT_NEG)
        mpz_neg(z, z);
    else if (op == RT_INVERT)
        mpz_com(z, z);
    rt_value r = rt_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static rt_value compare_result(int c, rt_compare_op op)
{
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_EQ: return rt_bool(c == 0);
    case RT_NE: return rt_bool(c != 0);
    case RT_GT: return rt_bool(c > 0);
    case RT_GE: return rt_bool(c >= 0);
    }
    return RT_NOT_IMPLEMENTED;
}

/* Reverses an operator for `other op self` turned into `self op' other`. */
static rt_compare_op swapped(rt_compare_op op)
{
    static const rt_compare_op table[] = {RT_GT, RT_GE, RT_EQ, RT_NE, RT_LT, RT_LE};
    return table[op];
}

rt_value rt_int_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_int(self)) {
        /* Called for the right operand with a non-int left: compare the other way round. */
        if (!rt_is_int(other))
            return RT_NOT_IMPLEMENTED;
        return rt_int_compare(vm, other, self, swapped(op));
    }
    if (rt_is_type(other, &rt_float_type)) {
        int c = rt_int_compare_double(self, rt_float_value(other));
        if (c == 2)
            return rt_bool(op == RT_NE);
        return compare_result(c, op);
    }
    if (!rt_is_int(other))
        return RT_NOT_IMPLEMENTED;
    int64_t x, y;
    if (rt_int_to_int64(self, &x) && rt_int_to_int64(other, &y))
        return compare_result((x > y) - (x < y), op);
    mpz_t p, q;
    mpz_inits(p, q, NULL);
    rt_int_to_mpz(self, p);
    rt_int_to_mpz(other, q);
    int c = mpz_cmp(p, q);
    mpz_clears(p, q, NULL);
    return compare_result((c > 0) - (c < 0), op);
}

rt_value rt_int_pow_mod(rt_vm *vm, rt_value base, rt_value exp, rt_value mod)
{
    if (!rt_is_int(base) || !rt_is_int(exp) || !rt_is_int(mod))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "pow() 3rd argument not allowed unless all arguments are integers");
    if (rt_int_sign(mod) == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "pow() 3rd argument cannot be 0");
    mpz_t b, e, m, r;
    mpz_inits(b, e, m, r, NULL);
    rt_int_to_mpz(base, b);
    rt_int_to_mpz(exp, e);
    rt_int_to_mpz(mod, m);
    bool negative_mod = mpz_sgn(m) < 0;
    mpz_abs(m, m);
    rt_value result = 0;
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(b, b, m)) {
            mpz_clears(b, e, m, r, NULL);
            return rt_raise_msg(vm, &rt_value_error_type,
                                "base is not invertible for the given modulus");
        }
        mpz_neg(e, e);
    }
    mpz_powm(r, b, e, m); /* r in [0, |m|) */
    /* Python's result takes the sign of the modulus. */
    if (negative_mod && mpz_sgn(r) != 0)
        mpz_sub(r, r, m);
    result = rt_int_from_mpz(r);
    mpz_clears(b, e, m, r, NULL);
    return result;
}
