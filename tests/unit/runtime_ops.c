/* Unit tests for the generic operations (ops.c) and slices (slice.c): operator dispatch and
 * its TypeErrors, comparisons with the reflected order and the identity fallback of == and
 * !=, truth, hash, len, subscripts, attributes, method calls and slice index arithmetic.
 * Every expectation was printed by /usr/bin/python3.11; the comment names the Python. */
#include <criterion/criterion.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(ops, .init = setup);
TestSuite(slice, .init = setup);

static const char *pending_text(void)
{
    if (!vm->pending)
        return "(no exception)";
    rt_value r = rt_str(vm, vm->pending);
    return r ? rt_str_data(r) : "(str failed)";
}

static const char *repr(rt_value v)
{
    cr_assert(v != 0, "unexpected error: %s: %s", rt_type_of(vm->pending)->name, pending_text());
    rt_value r = rt_repr(vm, v);
    cr_assert(r != 0, "repr failed: %s", pending_text());
    return rt_str_data(r);
}

static void expect_repr(rt_value v, const char *want) { cr_expect_str_eq(repr(v), want); }

static void expect_error(rt_value r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, 0, "expected %s but got %s", type->name, r ? repr(r) : "");
    cr_assert(vm->pending != 0);
    cr_expect_eq(rt_as_object(vm->pending)->type, type, "raised %s, expected %s",
                 rt_as_object(vm->pending)->type->name, type->name);
    cr_expect_str_eq(pending_text(), message);
    vm->pending = 0;
}

/* For int-returning operations: -1 means the exception is checked like a value error. */
static void expect_int_error(int r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, -1, "expected %s", type->name);
    expect_error(0, type, message);
}

static rt_value I(int64_t v) { return rt_int_from_int64(v); }
static rt_value S(const char *s) { return rt_str_from_cstr(s); }
static rt_value name(const char *s) { return rt_str_intern(vm, s); }
static rt_value builtin(const char *s) { return rt_dict_get_str(vm->builtins, name(s)); }

/* 1 + 'a', 1 += 'a' (x = 1; x += 'a'), 1 ** 'a', 1 **= 'a', 1 @ 2, 1 + None,
 * None - None, 1 // 'a', 1 << [] */
Test(ops, binary_errors)
{
    expect_error(rt_binary_op(vm, RT_ADD, I(1), S("a")), &rt_type_error_type,
                 "unsupported operand type(s) for +: 'int' and 'str'");
    expect_error(rt_binary_op(vm, RT_ADD | RT_INPLACE, I(1), S("a")), &rt_type_error_type,
                 "unsupported operand type(s) for +=: 'int' and 'str'");
    expect_error(rt_binary_op(vm, RT_POW, I(1), S("a")), &rt_type_error_type,
                 "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    expect_error(rt_binary_op(vm, RT_POW | RT_INPLACE, I(1), S("a")), &rt_type_error_type,
                 "unsupported operand type(s) for **=: 'int' and 'str'");
    expect_error(rt_binary_op(vm, RT_MATMUL, I(1), I(2)), &rt_type_error_type,
                 "unsupported operand type(s) for @: 'int' and 'int'");
    expect_error(rt_binary_op(vm, RT_ADD, I(1), RT_NONE), &rt_type_error_type,
                 "unsupported operand type(s) for +: 'int' and 'NoneType'");
    expect_error(rt_binary_op(vm, RT_SUB, RT_NONE, RT_NONE), &rt_type_error_type,
                 "unsupported operand type(s) for -: 'NoneType' and 'NoneType'");
    expect_error(rt_binary_op(vm, RT_FLOORDIV, I(1), S("a")), &rt_type_error_type,
                 "unsupported operand type(s) for //: 'int' and 'str'");
    expect_error(rt_binary_op(vm, RT_LSHIFT, I(1), rt_list_new(0)), &rt_type_error_type,
                 "unsupported operand type(s) for <<: 'int' and 'list'");
    /* x = [1]; x -= 1 */
    expect_error(rt_binary_op(vm, RT_SUB | RT_INPLACE, rt_list_new(0), I(1)),
                 &rt_type_error_type, "unsupported operand type(s) for -=: 'list' and 'int'");
    /* 'a' * 'b' -> the sequence's own message */
    expect_error(rt_binary_op(vm, RT_MUL, S("a"), S("b")), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'str'");
}

/* print(True + True, True | False, -True, ~True) -> 2 True -1 -2; small-int fast paths at
 * the edge of the unboxed range: 2**61 - 1 + 1 == 2**61 */
Test(ops, arithmetic)
{
    expect_repr(rt_binary_op(vm, RT_ADD, RT_TRUE, RT_TRUE), "2");
    expect_repr(rt_binary_op(vm, RT_OR, RT_TRUE, RT_FALSE), "True");
    expect_repr(rt_unary_op(vm, RT_NEG, RT_TRUE), "-1");
    expect_repr(rt_unary_op(vm, RT_INVERT, RT_TRUE), "-2");
    expect_repr(rt_binary_op(vm, RT_ADD, I(RT_SMALL_INT_MAX), I(1)), "2305843009213693952");
    expect_repr(rt_binary_op(vm, RT_SUB, I(RT_SMALL_INT_MIN), I(1)), "-2305843009213693953");
    expect_repr(rt_unary_op(vm, RT_NEG, I(RT_SMALL_INT_MIN)), "2305843009213693952");
    expect_repr(rt_binary_op(vm, RT_ADD | RT_INPLACE, I(40), I(2)), "42");
    /* x = [1]; y = x; x += (2,); print(x is y, y) -> True [1, 2] */
    rt_value l = rt_list_from_array(vm, 1, (rt_value[]){I(1)});
    cr_expect_eq(rt_binary_op(vm, RT_ADD | RT_INPLACE, l, rt_tuple_pack(1, I(2))), l);
    expect_repr(l, "[1, 2]");
    cr_expect_eq(rt_unary_op(vm, RT_NOT, rt_list_new(0)), RT_TRUE);
    cr_expect_eq(rt_unary_op(vm, RT_NOT, I(1)), RT_FALSE);
}

/* -[], ~'a', +None */
Test(ops, unary_errors)
{
    expect_error(rt_unary_op(vm, RT_NEG, rt_list_new(0)), &rt_type_error_type,
                 "bad operand type for unary -: 'list'");
    expect_error(rt_unary_op(vm, RT_INVERT, S("a")), &rt_type_error_type,
                 "bad operand type for unary ~: 'str'");
    expect_error(rt_unary_op(vm, RT_POS, RT_NONE), &rt_type_error_type,
                 "bad operand type for unary +: 'NoneType'");
    expect_error(rt_unary_op(vm, RT_INVERT, rt_float_new(1.5)), &rt_type_error_type,
                 "bad operand type for unary ~: 'float'");
}

/* print(1 < 2.5, 2.5 < 1, 1 == 1.0, 'a' < 'b', [1] < [2], (1, 2) < (1, 3)) -> all but the
 * second True; print(None == 0, None != 0, 'a' == 1) -> False True False */
Test(ops, compare)
{
    cr_expect_eq(rt_compare(vm, RT_LT, I(1), rt_float_new(2.5)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, rt_float_new(2.5), I(1)), RT_FALSE);
    cr_expect_eq(rt_compare(vm, RT_EQ, I(1), rt_float_new(1.0)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, S("a"), S("b")), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, rt_list_from_array(vm, 1, (rt_value[]){I(1)}),
                            rt_list_from_array(vm, 1, (rt_value[]){I(2)})),
                 RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, rt_tuple_pack(2, I(1), I(2)), rt_tuple_pack(2, I(1), I(3))),
                 RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, RT_NONE, I(0)), RT_FALSE);
    cr_expect_eq(rt_compare(vm, RT_NE, RT_NONE, I(0)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, S("a"), I(1)), RT_FALSE);
    rt_value o = rt_call(vm, builtin("object"), 0, NULL, 0);
    cr_expect_eq(rt_compare(vm, RT_EQ, o, o), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_NE, o, o), RT_FALSE);
    /* x = float('nan'); print([x] == [x], x == x) -> True False */
    rt_value nan = rt_float_new(__builtin_nan(""));
    cr_expect_eq(rt_compare(vm, RT_EQ, nan, nan), RT_FALSE);
    cr_expect_eq(rt_equal(vm, nan, nan), 0);
    cr_expect_eq(rt_compare_bool(vm, RT_EQ, nan, nan), 1);
    rt_value ln = rt_list_from_array(vm, 1, &nan);
    cr_expect_eq(rt_compare(vm, RT_EQ, ln, rt_list_from_array(vm, 1, &nan)), RT_TRUE);
}

/* 1 < 'a', 1 >= 'a', [] < (), None < None, 1 < None, [1] < [None], object() < object() */
Test(ops, compare_errors)
{
    expect_error(rt_compare(vm, RT_LT, I(1), S("a")), &rt_type_error_type,
                 "'<' not supported between instances of 'int' and 'str'");
    expect_error(rt_compare(vm, RT_GE, I(1), S("a")), &rt_type_error_type,
                 "'>=' not supported between instances of 'int' and 'str'");
    expect_error(rt_compare(vm, RT_LT, rt_list_new(0), rt_tuple_new(0)), &rt_type_error_type,
                 "'<' not supported between instances of 'list' and 'tuple'");
    expect_error(rt_compare(vm, RT_LT, RT_NONE, RT_NONE), &rt_type_error_type,
                 "'<' not supported between instances of 'NoneType' and 'NoneType'");
    expect_error(rt_compare(vm, RT_LT, rt_list_from_array(vm, 1, (rt_value[]){I(1)}),
                            rt_list_from_array(vm, 1, (rt_value[]){RT_NONE})),
                 &rt_type_error_type, "'<' not supported between instances of 'int' and 'NoneType'");
    rt_value o = rt_call(vm, builtin("object"), 0, NULL, 0);
    expect_error(rt_compare(vm, RT_LT, o, o), &rt_type_error_type,
                 "'<' not supported between instances of 'object' and 'object'");
    cr_expect_eq(rt_compare_bool(vm, RT_GT, I(1), S("a")), -1);
    expect_error(0, &rt_type_error_type, "'>' not supported between instances of 'int' and 'str'");
}

/* print(1 in [1, 2], 3 in (1, 2), 'a' in 'abc', 2 in {2: 3}) -> True False True True;
 * 'a' in 1 -> argument of type 'int' is not iterable; 1 in 'abc' -> str's own message;
 * 3 in iter([1, 2, 3]) -> True (an iterator without a contains slot is searched) */
Test(ops, contains)
{
    rt_value l = rt_list_from_array(vm, 2, (rt_value[]){I(1), I(2)});
    cr_expect_eq(rt_contains(vm, l, I(1)), 1);
    cr_expect_eq(rt_contains(vm, rt_tuple_pack(2, I(1), I(2)), I(3)), 0);
    cr_expect_eq(rt_contains(vm, S("abc"), S("a")), 1);
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(2), I(3));
    cr_expect_eq(rt_contains(vm, d, I(2)), 1);
    expect_int_error(rt_contains(vm, I(1), S("a")), &rt_type_error_type,
                     "argument of type 'int' is not iterable");
    expect_int_error(rt_contains(vm, S("abc"), I(1)), &rt_type_error_type,
                     "'in <string>' requires string as left operand, not int");
    rt_value it = rt_call(vm, builtin("iter"), 1, (rt_value[]){l}, 0);
    cr_expect_eq(rt_contains(vm, it, I(2)), 1);
    cr_expect_eq(rt_contains(vm, it, I(1)), 0); /* consumed */
}

/* print(bool([]), bool([0]), bool(''), bool(None), bool(0.0), bool(range(0)))
 * -> False True False False False False; functions and other objects are true */
Test(ops, truth)
{
    cr_expect_eq(rt_truthy(vm, rt_list_new(0)), 0);
    cr_expect_eq(rt_truthy(vm, rt_list_from_array(vm, 1, (rt_value[]){I(0)})), 1);
    cr_expect_eq(rt_truthy(vm, S("")), 0);
    cr_expect_eq(rt_truthy(vm, RT_NONE), 0);
    cr_expect_eq(rt_truthy(vm, rt_float_new(0.0)), 0);
    cr_expect_eq(rt_truthy(vm, rt_call(vm, builtin("range"), 1, (rt_value[]){I(0)}, 0)), 0);
    cr_expect_eq(rt_truthy(vm, I(0)), 0);
    cr_expect_eq(rt_truthy(vm, I(-3)), 1);
    cr_expect_eq(rt_truthy(vm, builtin("len")), 1);
    cr_expect_eq(rt_truthy(vm, rt_dict_new()), 0);
    cr_expect_eq(rt_truthy(vm, rt_set_new()), 0);
}

/* print(hash(None) == hash(None), hash(1), hash(-1), hash(2**61 - 1), hash(2**61),
 *       hash(-2**61), hash(1.5), hash((1, 2)), hash(()))
 * -> True 1 -2 0 1 -2 1152921504606846977 -3550055125485641917 5740354900026072187 */
Test(ops, hash)
{
    int64_t h, h2;
    cr_assert(rt_hash(vm, RT_NONE, &h) && rt_hash(vm, RT_NONE, &h2));
    cr_expect_eq(h, h2);
    static const struct {
        const char *digits;
        int64_t want;
    } ints[] = {{"1", 1}, {"-1", -2}, {"2305843009213693951", 0}, {"2305843009213693952", 1},
                {"-2305843009213693952", -2}};
    for (size_t k = 0; k < sizeof ints / sizeof ints[0]; k++) {
        bool neg = ints[k].digits[0] == '-';
        rt_value v = rt_int_from_string(vm, ints[k].digits + neg, 10);
        if (neg)
            v = rt_unary_op(vm, RT_NEG, v);
        cr_assert(rt_hash(vm, v, &h));
        cr_expect_eq(h, ints[k].want, "hash(%s) = %lld", ints[k].digits, (long long)h);
    }
    cr_assert(rt_hash(vm, rt_float_new(1.5), &h));
    cr_expect_eq(h, 1152921504606846977);
    cr_assert(rt_hash(vm, rt_tuple_pack(2, I(1), I(2)), &h));
    cr_expect_eq(h, -3550055125485641917);
    cr_assert(rt_hash(vm, rt_tuple_new(0), &h));
    cr_expect_eq(h, 5740354900026072187);
    /* Functions and other objects without comparison hash by identity. */
    cr_expect(rt_hash(vm, builtin("len"), &h));
    /* hash({}), hash([]), hash(slice(1)), hash(set()) */
    cr_expect(!rt_hash(vm, rt_dict_new(), &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'dict'");
    cr_expect(!rt_hash(vm, rt_list_new(0), &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'list'");
    cr_expect(!rt_hash(vm, rt_slice_new(vm, RT_NONE, I(1), RT_NONE), &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'slice'");
}

/* len(1.5), len(None) */
Test(ops, length)
{
    cr_expect_eq(rt_length(vm, S("héllo")), 5);
    cr_expect_eq(rt_length(vm, rt_tuple_pack(2, I(1), I(2))), 2);
    cr_expect_eq(rt_length(vm, rt_float_new(1.5)), -1);
    expect_error(0, &rt_type_error_type, "object of type 'float' has no len()");
    cr_expect_eq(rt_length(vm, RT_NONE), -1);
    expect_error(0, &rt_type_error_type, "object of type 'NoneType' has no len()");
}

/* [][0], (1,)[5], 'ab'[2], 1[0], int[0], (1, 2)[0] = 1, x = 1; x[0] = 2, del (1, 2)[0],
 * del 'ab'[0], x = 1; del x[0]; [1, 2, 3][-1] -> 3 */
Test(ops, subscripts)
{
    rt_value l = rt_list_from_array(vm, 3, (rt_value[]){I(1), I(2), I(3)});
    cr_expect_eq(rt_getitem(vm, l, I(-1)), I(3));
    cr_expect_eq(rt_getitem(vm, rt_tuple_pack(2, I(7), I(8)), I(0)), I(7));
    expect_error(rt_getitem(vm, rt_list_new(0), I(0)), &rt_index_error_type,
                 "list index out of range");
    expect_error(rt_getitem(vm, rt_tuple_pack(1, I(1)), I(5)), &rt_index_error_type,
                 "tuple index out of range");
    expect_error(rt_getitem(vm, S("ab"), I(2)), &rt_index_error_type, "string index out of range");
    expect_error(rt_getitem(vm, I(1), I(0)), &rt_type_error_type,
                 "'int' object is not subscriptable");
    expect_error(rt_getitem(vm, rt_type_value(&rt_int_type), I(0)), &rt_type_error_type,
                 "type 'int' is not subscriptable");
    expect_int_error(rt_setitem(vm, rt_tuple_pack(2, I(1), I(2)), I(0), I(1)), &rt_type_error_type,
                     "'tuple' object does not support item assignment");
    expect_int_error(rt_setitem(vm, I(1), I(0), I(2)), &rt_type_error_type,
                     "'int' object does not support item assignment");
    expect_int_error(rt_delitem(vm, rt_tuple_pack(2, I(1), I(2)), I(0)), &rt_type_error_type,
                     "'tuple' object doesn't support item deletion");
    expect_int_error(rt_delitem(vm, S("ab"), I(0)), &rt_type_error_type,
                     "'str' object doesn't support item deletion");
    expect_int_error(rt_delitem(vm, I(1), I(0)), &rt_type_error_type,
                     "'int' object does not support item deletion");
    cr_expect_eq(rt_setitem(vm, l, I(0), S("x")), 0);
    cr_expect_eq(rt_delitem(vm, l, I(1)), 0);
    expect_repr(l, "['x', 3]");
}

/* len.foo, (1).foo, None.foo, int.foo, sys.foo; print((1).__class__, int.__class__,
 * int.__name__, print.__class__) */
Test(ops, getattr)
{
    expect_error(rt_getattr(vm, builtin("len"), name("foo")), &rt_attribute_error_type,
                 "'builtin_function_or_method' object has no attribute 'foo'");
    expect_error(rt_getattr(vm, I(1), name("foo")), &rt_attribute_error_type,
                 "'int' object has no attribute 'foo'");
    expect_error(rt_getattr(vm, RT_NONE, name("foo")), &rt_attribute_error_type,
                 "'NoneType' object has no attribute 'foo'");
    expect_error(rt_getattr(vm, rt_type_value(&rt_int_type), name("foo")),
                 &rt_attribute_error_type, "type object 'int' has no attribute 'foo'");
    rt_value sys = rt_import_name(vm, name("sys"));
    cr_assert(sys != 0, "%s", pending_text());
    expect_error(rt_getattr(vm, sys, name("foo")), &rt_attribute_error_type,
                 "module 'sys' has no attribute 'foo'");
    expect_repr(rt_getattr(vm, I(1), name("__class__")), "<class 'int'>");
    expect_repr(rt_getattr(vm, rt_type_value(&rt_int_type), name("__class__")), "<class 'type'>");
    expect_repr(rt_getattr(vm, rt_type_value(&rt_int_type), name("__name__")), "'int'");
    expect_repr(rt_getattr(vm, builtin("print"), name("__class__")),
                "<class 'builtin_function_or_method'>");
    /* print([].append) -> <built-in method append of list object at 0x...> */
    rt_value l = rt_list_new(0);
    rt_value append = rt_getattr(vm, l, name("append"));
    cr_expect(strncmp(repr(append), "<built-in method append of list object at 0x", 44) == 0, "%s",
              repr(append));
    cr_expect_eq(rt_call(vm, append, 1, (rt_value[]){I(5)}, 0), RT_NONE);
    expect_repr(l, "[5]");
    /* getattr(x, 'foo', default) and hasattr: no exception left behind */
    cr_expect_eq(rt_getattr_optional(vm, I(1), name("foo")), 0);
    cr_expect_eq(vm->pending, 0);
    cr_expect(rt_getattr_optional(vm, I(1), name("real")) != 0);
}

/* x = None; x.foo = 1; int.foo = 1; del int.foo; x = (); x.count = 1; x = []; del x.append */
Test(ops, setattr)
{
    expect_int_error(rt_setattr(vm, RT_NONE, name("foo"), I(1)), &rt_attribute_error_type,
                     "'NoneType' object has no attribute 'foo'");
    expect_int_error(rt_setattr(vm, rt_type_value(&rt_int_type), name("foo"), I(1)),
                     &rt_type_error_type, "cannot set 'foo' attribute of immutable type 'int'");
    expect_int_error(rt_setattr(vm, rt_type_value(&rt_int_type), name("foo"), 0),
                     &rt_type_error_type, "cannot set 'foo' attribute of immutable type 'int'");
    expect_int_error(rt_setattr(vm, rt_tuple_new(0), name("count"), I(1)),
                     &rt_attribute_error_type, "'tuple' object attribute 'count' is read-only");
    expect_int_error(rt_setattr(vm, rt_list_new(0), name("append"), 0), &rt_attribute_error_type,
                     "'list' object attribute 'append' is read-only");
    /* (1).real = 5; del (1).real; len.__name__ = 1; (1).__class__ = str */
    expect_int_error(rt_setattr(vm, I(1), name("real"), I(5)), &rt_attribute_error_type,
                     "attribute 'real' of 'int' objects is not writable");
    expect_int_error(rt_setattr(vm, I(1), name("real"), 0), &rt_attribute_error_type,
                     "attribute 'real' of 'int' objects is not writable");
    expect_int_error(rt_setattr(vm, builtin("len"), name("__name__"), I(1)),
                     &rt_attribute_error_type,
                     "attribute '__name__' of 'builtin_function_or_method' objects is not writable");
    expect_int_error(rt_setattr(vm, I(1), name("__class__"), rt_type_value(&rt_str_type)),
                     &rt_type_error_type,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
}

/* Method calls go straight to the method table; module attributes and functions in a
 * module's namespace first. [3, 1, 2].index(2) -> 2; ', '.join(['a', 'b']) -> 'a, b';
 * str.join(', ', ['a', 'b']) -> 'a, b'; math.sqrt(4) -> 2.0; (1).foo() -> AttributeError */
Test(ops, call_method)
{
    rt_value l = rt_list_from_array(vm, 3, (rt_value[]){I(3), I(1), I(2)});
    cr_expect_eq(rt_call_method(vm, l, name("index"), 1, (rt_value[]){I(2)}, 0), I(2));
    rt_value parts = rt_list_from_array(vm, 2, (rt_value[]){S("a"), S("b")});
    expect_repr(rt_call_method(vm, S(", "), name("join"), 1, &parts, 0), "'a, b'");
    expect_repr(rt_call_method(vm, rt_type_value(&rt_str_type), name("join"), 2,
                               (rt_value[]){S(", "), parts}, 0),
                "'a, b'");
    rt_value math = rt_import_name(vm, name("math"));
    cr_assert(math != 0, "%s", pending_text());
    expect_repr(rt_call_method(vm, math, name("sqrt"), 1, (rt_value[]){I(4)}, 0), "2.0");
    expect_error(rt_call_method(vm, I(1), name("foo"), 0, NULL, 0), &rt_attribute_error_type,
                 "'int' object has no attribute 'foo'");
    cr_expect(rt_isinstance_type(RT_TRUE, &rt_int_type));
    cr_expect(!rt_isinstance_type(I(1), &rt_bool_type));
    cr_expect(rt_isinstance_type(S("x"), &rt_object_type));
}

/* a = []; [a := [a] for _ in range(100000)]; repr(a) -> RecursionError: maximum recursion
 * depth exceeded while getting the repr of an object */
Test(ops, deep_repr_is_a_recursion_error)
{
    rt_value a = rt_list_new(0);
    for (int k = 0; k < 100000; k++)
        a = rt_list_from_array(vm, 1, &a);
    expect_error(rt_repr(vm, a), &rt_recursion_error_type,
                 "maximum recursion depth exceeded while getting the repr of an object");
    cr_expect_eq(vm->depth, 0);
    /* a = [1]; a.append(a); print(a) -> [1, [...]] */
    rt_value b = rt_list_from_array(vm, 1, (rt_value[]){I(1)});
    rt_list_append(vm, b, b);
    expect_repr(b, "[1, [...]]");
}

/* ---- slices ---- */

static rt_value sl(rt_value start, rt_value stop, rt_value step)
{
    return rt_slice_new(vm, start, stop, step);
}

static void expect_indices(rt_value slice, int64_t length, int64_t start, int64_t stop,
                           int64_t step, int64_t count)
{
    int64_t a, b, c, n;
    cr_assert_eq(rt_slice_indices(vm, slice, length, &a, &b, &c, &n), 0, "%s", pending_text());
    cr_expect(a == start && b == stop && c == step && n == count,
              "%s over %lld: got (%lld, %lld, %lld) count %lld", repr(slice), (long long)length,
              (long long)a, (long long)b, (long long)c, (long long)n);
}

/* print(slice(-100, 100, 3).indices(10), slice(None, None, -1).indices(5),
 *       slice(5, -100, -2).indices(8), slice(2**70, None).indices(3))
 * -> (0, 10, 3) (4, -1, -1) (5, -1, -2) (3, 3, 1); the counts are len(range(*...)) */
Test(slice, indices)
{
    expect_indices(sl(I(-100), I(100), I(3)), 10, 0, 10, 3, 4);
    expect_indices(sl(RT_NONE, RT_NONE, I(-1)), 5, 4, -1, -1, 5);
    expect_indices(sl(I(5), I(-100), I(-2)), 8, 5, -1, -2, 3);
    rt_value big = rt_binary_op(vm, RT_POW, I(2), I(70));
    expect_indices(sl(big, RT_NONE, RT_NONE), 3, 3, 3, 1, 0);
    expect_indices(sl(RT_NONE, RT_NONE, RT_NONE), 0, 0, 0, 1, 0);
    expect_indices(sl(I(-1), RT_NONE, RT_NONE), 4, 3, 4, 1, 1);
    expect_indices(sl(RT_TRUE, RT_NONE, RT_NONE), 4, 1, 4, 1, 3);
    /* print(slice(None, -2**70, -2**70).indices(10)) -> (9, -1, -1180591620717411303424);
     * the step clamps to -(2**63 - 1) here, selecting the same single item */
    expect_indices(sl(RT_NONE, rt_unary_op(vm, RT_NEG, big), rt_unary_op(vm, RT_NEG, big)), 10,
                   9, -1, -INT64_MAX, 1);
    /* [1, 2][::0], [1]['a':] */
    int64_t a, b, c, n;
    cr_expect_eq(rt_slice_indices(vm, sl(RT_NONE, RT_NONE, I(0)), 2, &a, &b, &c, &n), -1);
    expect_error(0, &rt_value_error_type, "slice step cannot be zero");
    cr_expect_eq(rt_slice_indices(vm, sl(S("a"), RT_NONE, RT_NONE), 2, &a, &b, &c, &n), -1);
    expect_error(0, &rt_type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
}

/* print(slice(1), slice(1, 'a', [])); slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3),
 * slice(1) == slice(None, 1, None) -> True True True; slice(1, 2).start, slice(1, 2, 3).step;
 * slice(), slice(1, 2, 3, 4), slice(a=1), slice(1).start = 2, slice(1, 2, 3).indices(-1),
 * slice(1).indices('a') */
Test(slice, object)
{
    rt_value slice = rt_type_value(&rt_slice_type);
    expect_repr(rt_call(vm, slice, 1, (rt_value[]){I(1)}, 0), "slice(None, 1, None)");
    expect_repr(rt_call(vm, slice, 3, (rt_value[]){I(1), S("a"), rt_list_new(0)}, 0),
                "slice(1, 'a', [])");
    cr_expect_eq(rt_compare(vm, RT_EQ, sl(I(1), I(2), RT_NONE), sl(I(1), I(2), RT_NONE)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, sl(I(1), I(2), RT_NONE), sl(I(1), I(3), RT_NONE)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, rt_call(vm, slice, 1, (rt_value[]){I(1)}, 0),
                            sl(RT_NONE, I(1), RT_NONE)),
                 RT_TRUE);
    cr_expect_eq(rt_getattr(vm, sl(I(1), I(2), RT_NONE), name("start")), I(1));
    cr_expect_eq(rt_getattr(vm, sl(I(1), I(2), I(3)), name("step")), I(3));
    expect_error(rt_call(vm, slice, 0, NULL, 0), &rt_type_error_type,
                 "slice expected at least 1 argument, got 0");
    expect_error(rt_call(vm, slice, 4, (rt_value[]){I(1), I(2), I(3), I(4)}, 0),
                 &rt_type_error_type, "slice expected at most 3 arguments, got 4");
    expect_error(rt_call(vm, slice, 0, (rt_value[]){I(1)}, rt_tuple_pack(1, name("a"))),
                 &rt_type_error_type, "slice() takes no keyword arguments");
    expect_int_error(rt_setattr(vm, sl(RT_NONE, I(1), RT_NONE), name("start"), I(2)),
                     &rt_attribute_error_type, "readonly attribute");
    rt_value s = sl(RT_NONE, RT_NONE, I(-1));
    expect_repr(rt_call_method(vm, s, name("indices"), 1, (rt_value[]){I(5)}, 0), "(4, -1, -1)");
    expect_error(rt_call_method(vm, sl(I(1), I(2), I(3)), name("indices"), 1, (rt_value[]){I(-1)}, 0),
                 &rt_value_error_type, "length should not be negative");
    expect_error(rt_call_method(vm, s, name("indices"), 1, (rt_value[]){S("a")}, 0),
                 &rt_type_error_type, "'str' object cannot be interpreted as an integer");
    /* print([1, 2, 3][::-1], 'abcdef'[1:5:2], (1, 2, 3, 4)[-3:]) -> [3, 2, 1] bd (2, 3, 4) */
    rt_value l = rt_list_from_array(vm, 3, (rt_value[]){I(1), I(2), I(3)});
    expect_repr(rt_getitem(vm, l, s), "[3, 2, 1]");
    expect_repr(rt_getitem(vm, S("abcdef"), sl(I(1), I(5), I(2))), "'bd'");
    expect_repr(rt_getitem(vm, rt_tuple_pack(4, I(1), I(2), I(3), I(4)), sl(I(-3), RT_NONE, RT_NONE)),
                "(2, 3, 4)");
}
