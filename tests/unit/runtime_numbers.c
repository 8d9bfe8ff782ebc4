/* Unit tests for int, float and bool: arithmetic across the small/big boundary, CPython's
 * division and modulo signs, error messages, hashes, conversions and the float repr. Every
 * expectation was computed by /usr/bin/python3.11; the comment names the Python expression. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "exception.h"
#include "float.h"
#include "int.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(numbers, .init = setup);

static const char *pending_text(void)
{
    if (!vm->pending)
        return "(no exception)";
    rt_value args = ((rt_exception *)rt_as_object(vm->pending))->args;
    if (rt_as_tuple(args)->size == 0)
        return "";
    return rt_str_data(rt_as_tuple(args)->items[0]);
}

static const char *repr(rt_value v)
{
    cr_assert(v != 0, "unexpected error: %s", pending_text());
    rt_value r = rt_repr(vm, v);
    cr_assert(r != 0, "repr failed: %s", pending_text());
    return rt_str_data(r);
}

static void expect_repr(rt_value v, const char *want)
{
    const char *got = repr(v);
    cr_expect_str_eq(got, want);
}

static void expect_error(rt_value r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, 0, "expected %s but got a value", type->name);
    cr_assert(vm->pending != 0);
    cr_expect_eq(rt_as_object(vm->pending)->type, type, "raised %s, expected %s",
                 rt_as_object(vm->pending)->type->name, type->name);
    cr_expect_str_eq(pending_text(), message);
    vm->pending = 0;
}

/* An int from decimal text with an optional sign. */
static rt_value num(const char *text)
{
    bool negative = text[0] == '-';
    rt_value v = rt_int_from_string(vm, text + negative, 10);
    cr_assert(v != 0);
    return negative ? rt_int_unary(vm, RT_NEG, v) : v;
}

static rt_value i(int64_t v) { return rt_int_from_int64(v); }
static rt_value f(double d) { return rt_float_new(d); }

/* The binary-operator protocol: the left operand's slot, then the right one's. */
static rt_value op(int which, rt_value a, rt_value b)
{
    rt_value r = rt_type_of(a)->binary(vm, which, a, b);
    if (r == RT_NOT_IMPLEMENTED && rt_type_of(b)->binary && rt_type_of(b) != rt_type_of(a))
        r = rt_type_of(b)->binary(vm, which, a, b);
    cr_assert_neq(r, RT_NOT_IMPLEMENTED);
    return r;
}

static rt_value cmp(rt_compare_op which, rt_value a, rt_value b)
{
    rt_value r = rt_type_of(a)->compare(vm, a, b, which);
    cr_assert_neq(r, RT_NOT_IMPLEMENTED);
    return r;
}

/* --- int ------------------------------------------------------------------------------------ */

Test(numbers, small_ints_overflow_into_big_ints)
{
    expect_repr(op(RT_ADD, i(RT_SMALL_INT_MAX), i(1)), "2305843009213693952"); /* 2**61 */
    expect_repr(op(RT_SUB, i(RT_SMALL_INT_MIN), i(1)), "-2305843009213693953"); /* -(2**61)-1 */
    expect_repr(op(RT_POW, i(2), i(62)), "4611686018427387904");                /* 2**62 */
    expect_repr(op(RT_MUL, op(RT_POW, i(2), i(64)), op(RT_POW, i(2), i(64))),
                "340282366920938463463374607431768211456"); /* 2**64 * 2**64 */
    /* 3**200 */
    expect_repr(op(RT_POW, i(3), i(200)),
                "265613988875874769338781322035779626829233452653394495974574961739092490901302"
                "182994384699044001");
    /* Results that fit again are small ints again. */
    rt_value back = op(RT_SUB, op(RT_POW, i(2), i(64)), op(RT_POW, i(2), i(64)));
    cr_expect(rt_is_small_int(back));
    cr_expect(rt_is_small_int(op(RT_SUB, i(RT_SMALL_INT_MAX + 0), i(0))));
}

Test(numbers, floor_division_and_modulo_round_toward_negative_infinity)
{
    expect_repr(op(RT_FLOORDIV, i(-7), i(2)), "-4"); /* -7 // 2 */
    expect_repr(op(RT_MOD, i(-7), i(2)), "1");       /* -7 % 2 */
    expect_repr(op(RT_FLOORDIV, i(7), i(-2)), "-4"); /* 7 // -2 */
    expect_repr(op(RT_MOD, i(7), i(-2)), "-1");      /* 7 % -2 */
    expect_repr(op(RT_MOD, i(6), i(-3)), "0");       /* 6 % -3 */
    rt_value big = num("-1000000000000000000000000000000");
    expect_repr(op(RT_FLOORDIV, big, i(7)), "-142857142857142857142857142858"); /* (-10**30)//7 */
    expect_repr(op(RT_MOD, big, i(7)), "6");                                    /* (-10**30)%7 */
    rt_value pos = num("1000000000000000000000000000000");
    expect_repr(op(RT_FLOORDIV, pos, i(-7)), "-142857142857142857142857142858"); /* 10**30//-7 */
    expect_repr(op(RT_MOD, pos, i(-7)), "-6");                                   /* 10**30%-7 */
}

Test(numbers, division_by_zero_messages)
{
    expect_error(op(RT_FLOORDIV, i(1), i(0)), &rt_zero_division_error_type,
                 "integer division or modulo by zero"); /* 1//0 */
    expect_error(op(RT_MOD, i(1), i(0)), &rt_zero_division_error_type,
                 "integer modulo by zero"); /* 1%0 */
    expect_error(op(RT_TRUEDIV, i(1), i(0)), &rt_zero_division_error_type,
                 "division by zero"); /* 1/0 */
    expect_error(op(RT_POW, i(0), i(-1)), &rt_zero_division_error_type,
                 "0.0 cannot be raised to a negative power"); /* 0**-1 */
    expect_error(op(RT_MOD, num("100000000000000000000000"), i(0)), &rt_zero_division_error_type,
                 "integer modulo by zero"); /* 10**23 % 0 */
    expect_error(rt_number_divmod(vm, i(1), i(0)), &rt_zero_division_error_type,
                 "integer division or modulo by zero"); /* divmod(1, 0) */
}

Test(numbers, shifts_and_bitwise)
{
    expect_repr(op(RT_LSHIFT, i(1), i(100)), "1267650600228229401496703205376"); /* 1<<100 */
    expect_repr(op(RT_RSHIFT, i(-1), i(100)), "-1");                             /* -1>>100 */
    expect_repr(op(RT_RSHIFT, i(-5), i(1)), "-3");                               /* (-5)>>1 */
    expect_repr(op(RT_LSHIFT, i(5), i(61)), "11529215046068469760");             /* 5<<61 */
    expect_repr(op(RT_LSHIFT, i(-3), i(62)), "-13835058055282163712");           /* (-3)<<62 */
    expect_error(op(RT_LSHIFT, i(1), i(-1)), &rt_value_error_type, "negative shift count");
    expect_error(op(RT_RSHIFT, i(1), i(-1)), &rt_value_error_type, "negative shift count");
    rt_value m = num("-1180591620717411303424"); /* -2**70 */
    expect_repr(op(RT_AND, m, num("1208925819614629174706175")),
                "1207745227993911763402752");                        /* (-2**70)&(2**80-1) */
    expect_repr(op(RT_OR, m, i(5)), "-1180591620717411303419");      /* (-2**70)|5 */
    expect_repr(op(RT_XOR, num("1180591620717411303424"), i(-1)),
                "-1180591620717411303425");                          /* (2**70)^-1 */
    expect_repr(rt_int_unary(vm, RT_INVERT, num("1180591620717411303424")),
                "-1180591620717411303425"); /* ~(2**70) */
    expect_repr(rt_int_unary(vm, RT_NEG, i(RT_SMALL_INT_MIN)), "2305843009213693952");
}

Test(numbers, impossible_sizes_are_memory_errors)
{
    /* CPython 3.11 raises MemoryError for these (1<<(1<<62) in the probe); so must cellar,
     * rather than abort inside GMP. */
    expect_error(op(RT_LSHIFT, i(1), op(RT_POW, i(2), i(62))), &rt_memory_error_type, "");
    expect_error(op(RT_POW, i(3), op(RT_POW, i(2), i(40))), &rt_memory_error_type, "");
    expect_repr(op(RT_POW, i(-1), op(RT_POW, i(2), i(70))), "1");   /* (-1)**(2**70) */
    expect_repr(op(RT_POW, i(-1), op(RT_ADD, op(RT_POW, i(2), i(70)), i(1))), "-1");
    expect_repr(op(RT_RSHIFT, i(-7), op(RT_POW, i(2), i(70))), "-1"); /* -7 >> 2**70 */
    expect_repr(op(RT_LSHIFT, i(0), op(RT_POW, i(2), i(70))), "0");   /* 0 << 2**70 */
}

Test(numbers, true_division_is_correctly_rounded)
{
    expect_repr(op(RT_TRUEDIV, i(1), i(3)), "0.3333333333333333");                   /* 1/3 */
    expect_repr(op(RT_TRUEDIV, num("1000000000000000000000000000000"), i(3)),
                "3.333333333333333e+29");                                         /* 10**30/3 */
    rt_value a = op(RT_POW, i(2), i(1100)), b = op(RT_POW, i(2), i(1000));
    expect_repr(op(RT_TRUEDIV, a, b), "1.2676506002282294e+30"); /* 2**1100/2**1000 */
    rt_value c = op(RT_ADD, a, i(1)), d = op(RT_POW, i(3), i(500));
    expect_repr(op(RT_TRUEDIV, c, d), "3.7356645449244473e+92"); /* (2**1100+1)/3**500 */
    expect_error(op(RT_TRUEDIV, op(RT_POW, i(10), i(400)), i(1)), &rt_overflow_error_type,
                 "integer division result too large for a float"); /* (10**400)/1 */
    expect_repr(op(RT_TRUEDIV, i(1), op(RT_POW, i(10), i(400))), "0.0"); /* 1/(10**400) */
    expect_repr(op(RT_POW, i(2), i(-1)), "0.5");                         /* 2**-1 */
}

Test(numbers, int_to_float_conversion_rounds_to_nearest)
{
    bool ok;
    char buf[32];
    rt_double_repr(rt_int_to_double(vm, num("9007199254740993"), &ok), buf);
    cr_expect_str_eq(buf, "9007199254740992.0"); /* float(2**53+1) */
    rt_double_repr(rt_int_to_double(vm, num("18014398509481987"), &ok), buf);
    cr_expect_str_eq(buf, "1.8014398509481988e+16"); /* float(2**54+3) */
    rt_double_repr(rt_int_to_double(vm, num("18446744073709551615"), &ok), buf);
    cr_expect_str_eq(buf, "1.8446744073709552e+19"); /* float(2**64-1) */
    rt_int_to_double(vm, op(RT_POW, i(2), i(1024)), &ok);
    cr_expect(!ok);
    expect_error(0, &rt_overflow_error_type, "int too large to convert to float");
    expect_error(rt_float_from_value(vm, op(RT_POW, i(10), i(400))), &rt_overflow_error_type,
                 "int too large to convert to float"); /* float(10**400) */
}

Test(numbers, comparisons_between_ints_and_floats_are_exact)
{
    rt_value big = num("9007199254740993"); /* 2**53 + 1 */
    rt_value f53 = f(9007199254740992.0);
    cr_expect_eq(cmp(RT_GT, big, f53), RT_TRUE);  /* 2**53+1 > float(2**53) */
    cr_expect_eq(cmp(RT_EQ, big, f53), RT_FALSE); /* 2**53+1 == float(2**53) */
    cr_expect_eq(cmp(RT_LT, f53, big), RT_TRUE);  /* float(2**53) < 2**53+1 */
    cr_expect_eq(cmp(RT_LT, op(RT_POW, i(10), i(400)), f(INFINITY)), RT_TRUE);
    cr_expect_eq(cmp(RT_EQ, i(1), f(NAN)), RT_FALSE);
    cr_expect_eq(cmp(RT_NE, i(1), f(NAN)), RT_TRUE);
    cr_expect_eq(cmp(RT_EQ, i(1), f(1.0)), RT_TRUE);
    cr_expect_eq(cmp(RT_EQ, RT_TRUE, i(1)), RT_TRUE);
    cr_expect_eq(cmp(RT_LT, i(-3), num("100000000000000000000000")), RT_TRUE);
}

Test(numbers, int_hash_matches_cpython)
{
    cr_expect_eq(rt_int_hash(i(-1)), -2);                        /* hash(-1) */
    cr_expect_eq(rt_int_hash(i(RT_SMALL_INT_MAX)), 0);           /* hash(2**61-1) */
    cr_expect_eq(rt_int_hash(num("2305843009213693952")), 1);    /* hash(2**61) */
    cr_expect_eq(rt_int_hash(i(RT_SMALL_INT_MIN)), -2);          /* hash(-2**61) */
    cr_expect_eq(rt_int_hash(op(RT_POW, i(2), i(100))), 549755813888); /* hash(2**100) */
    cr_expect_eq(rt_int_hash(i(-(RT_SMALL_INT_MAX))), 0);        /* hash(-(2**61)+1) */
    cr_expect_eq(rt_int_hash(RT_TRUE), 1);
}

Test(numbers, float_hash_matches_cpython)
{
    cr_expect_eq(rt_float_hash(1.5), 1152921504606846977);     /* hash(1.5) */
    cr_expect_eq(rt_float_hash(-1.0), -2);                     /* hash(-1.0) */
    cr_expect_eq(rt_float_hash(1e300), 1224995262755759164);   /* hash(1e300) */
    cr_expect_eq(rt_float_hash(INFINITY), 314159);             /* hash(float('inf')) */
    cr_expect_eq(rt_float_hash(1e-300), 482449582752280463);   /* hash(1e-300) */
    cr_expect_eq(rt_float_hash(-2.5), -1152921504606846978);   /* hash(-2.5) */
    cr_expect_eq(rt_float_hash(0.1), 230584300921369408);      /* hash(0.1) */
    cr_expect_eq(rt_float_hash(1152921504606846976.0), 1152921504606846976); /* hash(2.0**60) */
    cr_expect_eq(rt_float_hash(7.0), rt_int_hash(i(7)));       /* hash(7.0) == hash(7) */
}

Test(numbers, int_from_string)
{
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 2,
                                      (rt_value[]){rt_str_from_cstr(" 0x1f "), i(0)}, 0),
                "31"); /* int(' 0x1f ', 0) */
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 1,
                                      (rt_value[]){rt_str_from_cstr("-1_000")}, 0),
                "-1000"); /* int('-1_000') */
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 2,
                                      (rt_value[]){rt_str_from_cstr("0b_101"), i(2)}, 0),
                "5"); /* int('0b_101', 2) */
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 1,
                                      (rt_value[]){rt_str_from_cstr("\xd9\xa1\xd9\xa2")}, 0),
                "12"); /* int('١٢') */
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 2,
                                      (rt_value[]){rt_str_from_cstr("zz"), i(36)}, 0),
                "1295"); /* int('zz', 36) */
    expect_repr(rt_int_type.construct(vm, &rt_int_type, 2,
                                      (rt_value[]){rt_str_from_cstr("000"), i(0)}, 0),
                "0"); /* int('000', 0) */
    expect_repr(rt_int_from_string(vm, "123456789012345678901234567890", 10),
                "123456789012345678901234567890");
}

Test(numbers, int_from_string_errors)
{
    struct { const char *text; int base; const char *message; } cases[] = {
        {"abc", 10, "invalid literal for int() with base 10: 'abc'"},       /* int('abc') */
        {"010", 0, "invalid literal for int() with base 0: '010'"},         /* int('010', 0) */
        {"0x", 16, "invalid literal for int() with base 16: '0x'"},         /* int('0x', 16) */
        {"1__0", 10, "invalid literal for int() with base 10: '1__0'"},     /* int('1__0') */
        {"_10", 10, "invalid literal for int() with base 10: '_10'"},       /* int('_10') */
        {"10_", 10, "invalid literal for int() with base 10: '10_'"},       /* int('10_') */
        {"  -  1", 10, "invalid literal for int() with base 10: '  -  1'"}, /* int('  -  1') */
        {"", 10, "invalid literal for int() with base 10: ''"},             /* int('') */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        rt_value args[] = {rt_str_from_cstr(cases[k].text), i(cases[k].base)};
        expect_error(rt_int_type.construct(vm, &rt_int_type, 2, args, 0), &rt_value_error_type,
                     cases[k].message);
    }
    expect_error(rt_int_type.construct(vm, &rt_int_type, 2,
                                       (rt_value[]){rt_str_from_cstr("12"), i(1)}, 0),
                 &rt_value_error_type, "int() base must be >= 2 and <= 36, or 0");
    expect_error(rt_int_type.construct(vm, &rt_int_type, 2, (rt_value[]){i(12), i(10)}, 0),
                 &rt_type_error_type, "int() can't convert non-string with explicit base");
    expect_error(rt_int_type.construct(vm, &rt_int_type, 1, (rt_value[]){RT_NONE}, 0),
                 &rt_type_error_type,
                 "int() argument must be a string, a bytes-like object or a real number, not "
                 "'NoneType'"); /* int(None) */
}

Test(numbers, int_max_str_digits)
{
    char *digits = malloc(5001);
    memset(digits, '1', 5000);
    digits[5000] = '\0';
    cr_expect(rt_int_from_string(vm, digits, 10) != 0); /* literals have no limit */
    rt_value text = rt_str_from_cstr(digits);
    expect_error(rt_int_type.construct(vm, &rt_int_type, 1, &text, 0), &rt_value_error_type,
                 "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
                 "digits; use sys.set_int_max_str_digits() to increase the limit"); /* int('1'*5000) */
    free(digits);
    rt_value huge = op(RT_POW, i(10), i(5000));
    expect_error(rt_int_repr(vm, huge), &rt_value_error_type,
                 "Exceeds the limit (4300 digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit"); /* str(10**5000) */
    cr_expect(rt_int_to_base(vm, huge, 16, true) != 0); /* hex() has no limit */
    rt_value edge = op(RT_SUB, op(RT_POW, i(10), i(4300)), i(1)); /* 4300 nines: allowed */
    cr_expect(rt_int_repr(vm, edge) != 0);
    expect_error(rt_int_repr(vm, op(RT_POW, i(10), i(4300))), &rt_value_error_type,
                 "Exceeds the limit (4300 digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit"); /* str(10**4300) */
}

Test(numbers, int_from_float)
{
    expect_repr(rt_int_from_double(vm, 1e20), "100000000000000000000"); /* int(1e20) */
    expect_repr(rt_int_from_double(vm, -2.9), "-2");                    /* int(-2.9) */
    expect_error(rt_int_from_double(vm, NAN), &rt_value_error_type,
                 "cannot convert float NaN to integer");
    expect_error(rt_int_from_double(vm, -INFINITY), &rt_overflow_error_type,
                 "cannot convert float infinity to integer");
}

Test(numbers, int_to_base)
{
    cr_expect_str_eq(rt_str_data(rt_int_to_base(vm, i(255), 16, true)), "0xff");  /* hex(255) */
    cr_expect_str_eq(rt_str_data(rt_int_to_base(vm, i(-5), 2, true)), "-0b101");  /* bin(-5) */
    cr_expect_str_eq(rt_str_data(rt_int_to_base(vm, i(8), 8, true)), "0o10");     /* oct(8) */
    cr_expect_str_eq(rt_str_data(rt_int_to_base(vm, i(0), 16, true)), "0x0");     /* hex(0) */
    cr_expect_str_eq(rt_str_data(rt_int_to_base(vm, num("-1180591620717411303424"), 16, true)),
                     "-0x400000000000000000"); /* hex(-2**70) */
}

Test(numbers, index_conversion)
{
    int64_t out;
    cr_expect(rt_int_index(vm, i(42), &out) && out == 42);
    cr_expect(!rt_int_index(vm, f(1.5), &out));
    expect_error(0, &rt_type_error_type, "'float' object cannot be interpreted as an integer");
    cr_expect(!rt_int_index(vm, op(RT_POW, i(2), i(63)), &out));
    expect_error(0, &rt_overflow_error_type, "cannot fit 'int' into an index-sized integer");
}

Test(numbers, pow_mod)
{
    expect_repr(rt_int_pow_mod(vm, i(2), i(-1), i(5)), "3");  /* pow(2, -1, 5) */
    expect_repr(rt_int_pow_mod(vm, i(3), i(200), i(-7)), "-5"); /* pow(3, 200, -7) */
    expect_error(rt_int_pow_mod(vm, i(2), i(3), i(0)), &rt_value_error_type,
                 "pow() 3rd argument cannot be 0");
    expect_error(rt_int_pow_mod(vm, i(4), i(-1), i(6)), &rt_value_error_type,
                 "base is not invertible for the given modulus");
    expect_error(rt_int_pow_mod(vm, i(2), f(1.5), i(3)), &rt_type_error_type,
                 "pow() 3rd argument not allowed unless all arguments are integers");
}

/* --- bool ----------------------------------------------------------------------------------- */

Test(numbers, bool_is_an_int)
{
    expect_repr(op(RT_ADD, RT_TRUE, RT_TRUE), "2");     /* True+True */
    expect_repr(op(RT_AND, RT_TRUE, RT_FALSE), "False"); /* True&False */
    expect_repr(op(RT_XOR, RT_TRUE, RT_FALSE), "True");  /* True^False */
    expect_repr(op(RT_OR, RT_TRUE, i(2)), "3");          /* True|2 */
    expect_repr(rt_bool_type.unary(vm, RT_INVERT, RT_TRUE), "-2"); /* ~True */
    expect_repr(rt_bool_type.unary(vm, RT_NEG, RT_TRUE), "-1");    /* -True */
    expect_repr(op(RT_MUL, RT_TRUE, f(2.5)), "2.5");               /* True*2.5 */
    expect_repr(RT_NONE, "None");
    expect_repr(RT_ELLIPSIS, "Ellipsis");
    expect_repr(RT_NOT_IMPLEMENTED, "NotImplemented");
    cr_expect_str_eq(rt_none_type.name, "NoneType");
}

/* --- float ---------------------------------------------------------------------------------- */

Test(numbers, float_repr_is_shortest_round_trip)
{
    struct { double value; const char *want; } cases[] = {
        {0.1, "0.1"},
        {0.1 + 0.2, "0.30000000000000004"}, /* 0.1+0.2 */
        {1e16, "1e+16"},
        {1e22, "1e+22"},
        {5e-324, "5e-324"},
        {1.0, "1.0"},
        {-0.0, "-0.0"},
        {2.5e-05, "2.5e-05"},
        {1e-05, "1e-05"},
        {0.0001, "0.0001"},
        {1e15, "1000000000000000.0"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {2.2250738585072014e-308, "2.2250738585072014e-308"}, /* 2.0**-1022 */
        {8.98846567431158e+307, "8.98846567431158e+307"},     /* 2.0**1023 */
        {1.152921504606847e+18, "1.152921504606847e+18"},     /* 2.0**60 */
        {1e-323, "1e-323"},                                   /* 2.0**-1073 */
        {4.35e-322, "4.35e-322"},
        {9007199254740992.0, "9007199254740992.0"},
        {123.456, "123.456"},
        {-1.5, "-1.5"},
        {100.0, "100.0"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        expect_repr(f(cases[k].value), cases[k].want);
    expect_repr(f(INFINITY), "inf");
    expect_repr(f(-INFINITY), "-inf");
    expect_repr(f(NAN), "nan");
}

Test(numbers, float_arithmetic)
{
    expect_repr(op(RT_FLOORDIV, f(-7.0), i(2)), "-4.0"); /* -7.0//2 */
    expect_repr(op(RT_MOD, f(-7.0), i(2)), "1.0");       /* -7.0%2 */
    expect_repr(op(RT_MOD, f(7.0), i(-2)), "-1.0");      /* 7.0%-2 */
    expect_repr(op(RT_MOD, f(-0.0), i(5)), "0.0");       /* -0.0%5 */
    expect_repr(op(RT_FLOORDIV, f(5.0), f(0.3)), "16.0"); /* 5.0//0.3 */
    expect_repr(op(RT_MOD, f(5.0), f(0.3)), "0.20000000000000018"); /* 5.0%0.3 */
    expect_repr(op(RT_MUL, f(1e300), f(1e10)), "inf");              /* 1e300*1e10 */
    expect_repr(op(RT_ADD, i(1), f(0.5)), "1.5");                   /* 1+0.5 */
    expect_repr(op(RT_POW, f(2.0), f(0.5)), "1.4142135623730951");  /* 2.0**0.5 */
    expect_repr(op(RT_POW, f(-8.0), i(3)), "-512.0");               /* (-8.0)**3 */
    expect_repr(op(RT_POW, f(0.0), i(0)), "1.0");                   /* 0.0**0 */
    expect_repr(op(RT_POW, f(INFINITY), i(-1)), "0.0");             /* inf**-1 */
    expect_repr(op(RT_POW, f(-2.0), i(-1)), "-0.5");                /* (-2.0)**-1 */
    expect_repr(rt_number_divmod(vm, f(7.5), i(-2)), "(-4.0, -0.5)"); /* divmod(7.5, -2) */
    expect_repr(rt_number_divmod(vm, f(-0.0), f(5.0)), "(-0.0, 0.0)"); /* divmod(-0.0, 5.0) */
    expect_repr(rt_number_divmod(vm, i(-7), i(2)), "(-4, 1)");         /* divmod(-7, 2) */
}

Test(numbers, float_errors)
{
    expect_error(op(RT_TRUEDIV, f(1.0), i(0)), &rt_zero_division_error_type,
                 "float division by zero"); /* 1.0/0 */
    expect_error(op(RT_FLOORDIV, f(1.0), i(0)), &rt_zero_division_error_type,
                 "float floor division by zero"); /* 1.0//0 */
    expect_error(op(RT_MOD, f(1.0), i(0)), &rt_zero_division_error_type,
                 "float modulo"); /* 1.0%0 */
    expect_error(rt_number_divmod(vm, f(1.0), f(0.0)), &rt_zero_division_error_type,
                 "float divmod()"); /* divmod(1.0, 0.0) */
    expect_error(op(RT_POW, f(0.0), i(-1)), &rt_zero_division_error_type,
                 "0.0 cannot be raised to a negative power"); /* 0.0**-1 */
    expect_error(op(RT_POW, f(10.0), i(400)), &rt_overflow_error_type,
                 "(34, 'Numerical result out of range')"); /* 10.0**400 */
    /* CPython returns a complex here; cellar has none and raises instead. */
    expect_error(op(RT_POW, f(-8.0), f(0.5)), &rt_value_error_type,
                 "negative number cannot be raised to a fractional power");
}

Test(numbers, float_from_string)
{
    struct { const char *text; const char *want; } good[] = {
        {"1_0.5", "10.5"}, {" inf ", "inf"}, {"-nan", "nan"}, {"infinity", "inf"},
        {"1e5", "100000.0"}, {".5", "0.5"}, {"5.", "5.0"}, {"  -1.25e-3\n", "-0.00125"},
        {"1e400", "inf"}, {"\xd9\xa1.5", "1.5"},
    };
    for (size_t k = 0; k < sizeof good / sizeof good[0]; k++)
        expect_repr(rt_float_from_value(vm, rt_str_from_cstr(good[k].text)), good[k].want);
    struct { const char *text; const char *message; } bad[] = {
        {"x", "could not convert string to float: 'x'"},
        {"", "could not convert string to float: ''"},
        {"0x10", "could not convert string to float: '0x10'"},
        {"1__0", "could not convert string to float: '1__0'"},
        {"1e", "could not convert string to float: '1e'"},
        {"_1", "could not convert string to float: '_1'"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        expect_error(rt_float_from_value(vm, rt_str_from_cstr(bad[k].text)), &rt_value_error_type,
                     bad[k].message);
    expect_error(rt_float_from_value(vm, RT_NONE), &rt_type_error_type,
                 "float() argument must be a string or a real number, not 'NoneType'");
}

Test(numbers, round)
{
    expect_repr(rt_number_round(vm, f(2.5), 0), "2");              /* round(2.5) */
    expect_repr(rt_number_round(vm, f(-1.5), 0), "-2");            /* round(-1.5) */
    expect_repr(rt_number_round(vm, f(0.125), i(2)), "0.12");      /* round(0.125, 2) */
    expect_repr(rt_number_round(vm, f(2.675), i(2)), "2.67");      /* round(2.675, 2) */
    expect_repr(rt_number_round(vm, f(2.5), i(0)), "2.0");         /* round(2.5, 0) */
    expect_repr(rt_number_round(vm, f(123.456), i(-1)), "120.0");  /* round(123.456, -1) */
    expect_repr(rt_number_round(vm, f(1e300), i(-300)), "1e+300"); /* round(1e300, -300) */
    expect_repr(rt_number_round(vm, f(5e-324), i(400)), "5e-324"); /* round(5e-324, 400) */
    expect_repr(rt_number_round(vm, f(1e22), i(3)), "1e+22");      /* round(1e22, 3) */
    expect_repr(rt_number_round(vm, i(1234), i(-2)), "1200");      /* round(1234, -2) */
    expect_repr(rt_number_round(vm, i(1250), i(-2)), "1200");      /* round(1250, -2) */
    expect_repr(rt_number_round(vm, i(1350), i(-2)), "1400");      /* round(1350, -2) */
    expect_repr(rt_number_round(vm, i(-1250), i(-2)), "-1200");    /* round(-1250, -2) */
    expect_repr(rt_number_round(vm, RT_TRUE, 0), "1");             /* round(True) */
    expect_error(rt_number_round(vm, f(NAN), 0), &rt_value_error_type,
                 "cannot convert float NaN to integer");
}

Test(numbers, float_methods_and_abs)
{
    expect_repr(rt_number_abs(vm, f(-0.0)), "0.0");
    expect_repr(rt_number_abs(vm, i(RT_SMALL_INT_MIN)), "2305843009213693952");
    expect_repr(rt_number_abs(vm, RT_TRUE), "1");
    cr_expect_eq(rt_number_abs(vm, RT_NONE), RT_NOT_IMPLEMENTED);
}
