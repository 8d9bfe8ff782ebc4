/* Unit tests for dict, its views and iterators, set and frozenset: iteration order after
 * inserts, deletes, reinserts and resizes, pop orders, the set algebra, hashes, and error
 * messages. Every expectation was produced by /usr/bin/python3.11 with PYTHONHASHSEED=0 (the
 * runtime's str hash is siphash13 with the zero key); the comment above each names the
 * Python that printed it. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(dict, .init = setup);
TestSuite(set, .init = setup);

/* ---- helpers ---- */

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

static rt_value I(int64_t v) { return rt_int_from_int64(v); }
static rt_value S(const char *s) { return rt_str_from_cstr(s); }
static rt_value name(const char *s) { return rt_str_intern(vm, s); }

static rt_value list_of(size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    rt_value l = rt_list_new(0);
    for (size_t k = 0; k < n; k++)
        rt_list_append(vm, l, va_arg(ap, rt_value));
    va_end(ap);
    return l;
}

/* Calls type(args...) or obj.method(args...). */
static rt_value make(const rt_type *t, size_t n, const rt_value *args)
{
    return rt_call(vm, rt_type_value(t), n, args, 0);
}

static rt_value call(rt_value obj, const char *method, size_t n, ...)
{
    rt_value args[8];
    va_list ap;
    va_start(ap, n);
    for (size_t k = 0; k < n; k++)
        args[k] = va_arg(ap, rt_value);
    va_end(ap);
    return rt_call_method(vm, obj, name(method), n, args, 0);
}

static rt_value ints_set(size_t n, const int64_t *xs)
{
    rt_value s = rt_set_new();
    for (size_t k = 0; k < n; k++)
        cr_assert_eq(rt_set_add(vm, s, I(xs[k])), 0);
    return s;
}

static rt_value list_of_iter(rt_value iterable)
{
    rt_value l = rt_list_from_iterable(vm, iterable);
    cr_assert(l != 0, "%s", pending_text());
    return l;
}

/* The LCG of the workload tests: x * 1103515245 + 12345 mod 2**31. */
static uint64_t lcg(uint64_t x) { return (x * 1103515245u + 12345u) % ((uint64_t)1 << 31); }

/* ---- dict order ---- */

/* def lcg(x): return (x * 1103515245 + 12345) % 2**31
 * x = 1; d = {}
 * for step in range(600):
 *     x = lcg(x); k = (x >> 8) % 50
 *     if (x >> 4) % 3 == 0: d.pop(k, None)
 *     else: d[k] = step
 *     if step % 150 == 149: print(d) */
Test(dict, order_after_deletes_and_reinserts)
{
    static const char *const want[] = {
        "{29: 127, 42: 61, 43: 15, 1: 145, 17: 114, 8: 111, 36: 51, 46: 119, 15: 39, 3: 120, "
        "32: 139, 7: 81, 37: 78, 45: 116, 25: 149, 11: 91, 31: 122, 5: 112, 0: 117, 20: 118, "
        "44: 121, 18: 124, 38: 125, 2: 129, 33: 138, 22: 143, 40: 141, 30: 146, 4: 148}",
        "{43: 294, 1: 277, 17: 286, 8: 207, 46: 271, 3: 120, 31: 175, 0: 117, 38: 248, 2: 219, "
        "40: 141, 5: 290, 39: 257, 9: 246, 28: 222, 49: 247, 47: 288, 16: 240, 25: 274, 34: 241, "
        "29: 256, 26: 278, 35: 284, 7: 292, 32: 297}",
        "{2: 436, 5: 413, 39: 389, 28: 403, 49: 441, 16: 332, 29: 449, 7: 396, 32: 407, 33: 432, "
        "21: 353, 6: 447, 14: 405, 48: 354, 13: 388, 42: 393, 22: 437, 38: 414, 19: 415, 0: 421, "
        "20: 433, 43: 435, 30: 438, 1: 445}",
        "{39: 510, 28: 565, 29: 449, 7: 553, 33: 521, 14: 574, 13: 576, 22: 567, 1: 594, 31: 450, "
        "15: 591, 41: 456, 44: 550, 46: 464, 4: 468, 49: 539, 34: 507, 25: 504, 24: 525, 30: 519, "
        "37: 588, 38: 545, 12: 560, 21: 562, 6: 570, 2: 573, 35: 590, 42: 581, 11: 596, 48: 589, "
        "9: 595, 16: 597, 23: 599}",
    };
    uint64_t x = 1;
    rt_value d = rt_dict_new();
    int snap = 0;
    for (int step = 0; step < 600; step++) {
        x = lcg(x);
        rt_value k = I((int64_t)((x >> 8) % 50));
        if ((x >> 4) % 3 == 0)
            cr_assert(rt_dict_delete(vm, d, k) >= 0);
        else
            cr_assert_eq(rt_dict_set(vm, d, k, I(step)), 0);
        if (step % 150 == 149)
            expect_repr(d, want[snap++]);
    }
}

/* x = 7; d = {}
 * for step in range(300):
 *     x = lcg(x); k = 'k%d' % ((x >> 8) % 30)
 *     if (x >> 4) % 4 == 0: d.pop(k, None)
 *     else: d[k] = step % 10
 * print(d) */
Test(dict, str_keys_order)
{
    uint64_t x = 7;
    rt_value d = rt_dict_new();
    for (int step = 0; step < 300; step++) {
        x = lcg(x);
        char key[16];
        snprintf(key, sizeof key, "k%d", (int)((x >> 8) % 30));
        if ((x >> 4) % 4 == 0)
            cr_assert(call(d, "pop", 2, S(key), RT_NONE) != 0);
        else
            cr_assert_eq(rt_dict_set(vm, d, S(key), I(step % 10)), 0);
    }
    expect_repr(d, "{'k22': 3, 'k4': 7, 'k10': 7, 'k3': 0, 'k14': 8, 'k7': 0, 'k1': 0, "
                   "'k23': 4, 'k26': 9, 'k17': 0, 'k2': 7, 'k20': 6, 'k19': 9, 'k28': 5, "
                   "'k15': 3, 'k25': 7, 'k5': 5, 'k9': 1, 'k13': 5, 'k11': 0, 'k18': 4, "
                   "'k0': 6}");
    /* Interned and non-interned keys find the same entry. */
    cr_expect_eq(rt_dict_get_str(d, name("k22")), I(3));
    cr_expect_eq(rt_dict_get_str(d, S("k0")), I(6));
    cr_expect_eq(rt_dict_get_str(d, S("k29")), 0);
}

/* d = {1: 'a', 2: 'b', 3: 'c'}; d[1] = 'z'; del d[2]; d[2] = 'y'; print(d)
 * -> {1: 'z', 3: 'c', 2: 'y'} (replacing keeps the place, reinserting goes last) */
Test(dict, replace_keeps_position)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(1), S("a"));
    rt_dict_set(vm, d, I(2), S("b"));
    rt_dict_set(vm, d, I(3), S("c"));
    rt_dict_set(vm, d, I(1), S("z"));
    cr_assert_eq(rt_dict_delete(vm, d, I(2)), 1);
    cr_assert_eq(rt_dict_delete(vm, d, I(2)), 0);
    rt_dict_set(vm, d, I(2), S("y"));
    expect_repr(d, "{1: 'z', 3: 'c', 2: 'y'}");
    /* 1 == 1.0 == True: the first key object stays. d[True] = 'q' -> {1: 'q', ...} */
    rt_dict_set(vm, d, RT_TRUE, S("q"));
    expect_repr(d, "{1: 'q', 3: 'c', 2: 'y'}");
}

/* d = dict.fromkeys(range(10)); [d.popitem() for _ in range(3)]; d[20] = 0; print(d, d.popitem())
 * -> {0: None, 1: None, 2: None, 3: None, 4: None, 5: None, 6: None, 20: 0} (20, 0) */
Test(dict, popitem_takes_last)
{
    rt_value range = rt_call(vm, rt_dict_get_str(vm->builtins, name("range")), 1,
                             (rt_value[]){I(10)}, 0);
    rt_value d = rt_getattr(vm, rt_type_value(&rt_dict_type), name("fromkeys"));
    cr_assert(d != 0, "%s", pending_text());
    d = rt_call(vm, d, 1, &range, 0);
    for (int k = 0; k < 3; k++)
        cr_assert(call(d, "popitem", 0) != 0);
    rt_dict_set(vm, d, I(20), I(0));
    expect_repr(d, "{0: None, 1: None, 2: None, 3: None, 4: None, 5: None, 6: None, 20: 0}");
    expect_repr(call(d, "popitem", 0), "(20, 0)");
    expect_error(call(rt_dict_new(), "popitem", 0), &rt_key_error_type,
                 "'popitem(): dictionary is empty'");
}

/* {}[1] -> KeyError: 1; {}['a'] -> KeyError: 'a'; {}[(1, 2)] -> KeyError: (1, 2);
 * {}[[]] -> TypeError: unhashable type: 'list' */
Test(dict, getitem_errors)
{
    rt_value d = rt_dict_new();
    expect_error(rt_getitem(vm, d, I(1)), &rt_key_error_type, "1");
    expect_error(rt_getitem(vm, d, S("a")), &rt_key_error_type, "'a'");
    expect_error(rt_getitem(vm, d, rt_tuple_pack(2, I(1), I(2))), &rt_key_error_type, "(1, 2)");
    expect_error(rt_getitem(vm, d, rt_list_new(0)), &rt_type_error_type,
                 "unhashable type: 'list'");
    cr_expect_eq(rt_delitem(vm, d, I(5)), -1);
    expect_error(0, &rt_key_error_type, "5");
}

/* d = {1: [1]}; d[2] = d; print(d) -> {1: [1], 2: {...}} */
Test(dict, recursive_repr)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(1), list_of(1, I(1)));
    rt_dict_set(vm, d, I(2), d);
    expect_repr(d, "{1: [1], 2: {...}}");
    expect_repr(rt_dict_new(), "{}");
}

/* dict([(1, 2), 'ab', [3, 4]], x=5) -> {1: 2, 'a': 'b', 3: 4, 'x': 5}
 * dict([1]) / dict([[1]]) / dict(1) / dict(1, 2) errors */
Test(dict, construct)
{
    rt_value pairs = list_of(3, rt_tuple_pack(2, I(1), I(2)), S("ab"), list_of(2, I(3), I(4)));
    rt_value args[2] = {pairs, I(5)};
    rt_value d = rt_call(vm, rt_type_value(&rt_dict_type), 1, args, rt_tuple_pack(1, name("x")));
    expect_repr(d, "{1: 2, 'a': 'b', 3: 4, 'x': 5}");
    expect_repr(make(&rt_dict_type, 1, &d), "{1: 2, 'a': 'b', 3: 4, 'x': 5}");
    rt_value bad = list_of(1, I(1));
    expect_error(make(&rt_dict_type, 1, &bad), &rt_type_error_type,
                 "cannot convert dictionary update sequence element #0 to a sequence");
    bad = list_of(2, rt_tuple_pack(2, I(1), I(2)), list_of(1, I(1)));
    expect_error(make(&rt_dict_type, 1, &bad), &rt_value_error_type,
                 "dictionary update sequence element #1 has length 1; 2 is required");
    expect_error(make(&rt_dict_type, 1, (rt_value[]){I(1)}), &rt_type_error_type,
                 "'int' object is not iterable");
    expect_error(make(&rt_dict_type, 2, (rt_value[]){I(1), I(2)}), &rt_type_error_type,
                 "dict expected at most 1 argument, got 2");
}

/* Method behaviour and argument errors, as CPython 3.11 words them. */
Test(dict, methods)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, S("a"), I(1));
    cr_expect_eq(call(d, "get", 1, S("a")), I(1));
    cr_expect_eq(call(d, "get", 1, S("b")), RT_NONE);
    cr_expect_eq(call(d, "get", 2, S("b"), I(7)), I(7));
    expect_error(call(d, "get", 0), &rt_type_error_type, "get expected at least 1 argument, got 0");
    expect_error(call(d, "get", 3, I(1), I(2), I(3)), &rt_type_error_type,
                 "get expected at most 2 arguments, got 3");
    cr_expect_eq(call(d, "setdefault", 2, S("b"), I(2)), I(2));
    cr_expect_eq(call(d, "setdefault", 2, S("b"), I(3)), I(2));
    cr_expect_eq(call(d, "setdefault", 1, S("c")), RT_NONE);
    expect_repr(d, "{'a': 1, 'b': 2, 'c': None}");
    cr_expect_eq(call(d, "pop", 1, S("c")), RT_NONE);
    cr_expect_eq(call(d, "pop", 2, S("c"), I(9)), I(9));
    expect_error(call(d, "pop", 1, S("c")), &rt_key_error_type, "'c'");
    expect_error(call(d, "pop", 0), &rt_type_error_type, "pop expected at least 1 argument, got 0");
    expect_error(call(d, "keys", 1, I(1)), &rt_type_error_type,
                 "dict.keys() takes no arguments (1 given)");
    expect_error(call(d, "copy", 1, I(1)), &rt_type_error_type,
                 "dict.copy() takes no arguments (1 given)");
    expect_error(call(d, "update", 2, I(1), I(2)), &rt_type_error_type,
                 "update expected at most 1 argument, got 2");
    rt_value c = call(d, "copy", 0);
    cr_expect_eq(call(d, "clear", 0), RT_NONE);
    expect_repr(d, "{}");
    expect_repr(c, "{'a': 1, 'b': 2}");
    cr_expect_eq(call(c, "__contains__", 1, S("a")), RT_TRUE);
    cr_expect_eq(rt_contains(vm, c, S("z")), 0);
    cr_expect_eq(rt_length(vm, c), 2);
    /* dict.fromkeys('ab', 0) -> {'a': 0, 'b': 0}; {}.fromkeys([1]) -> {1: None} */
    rt_value fk = rt_getattr(vm, rt_type_value(&rt_dict_type), name("fromkeys"));
    expect_repr(rt_call(vm, fk, 2, (rt_value[]){S("ab"), I(0)}, 0), "{'a': 0, 'b': 0}");
    expect_repr(call(c, "fromkeys", 1, list_of(1, I(1))), "{1: None}");
    expect_error(rt_call(vm, fk, 0, NULL, 0), &rt_type_error_type,
                 "fromkeys expected at least 1 argument, got 0");
    /* print(dict.fromkeys) -> <built-in method fromkeys of type object at 0x...> */
    cr_expect(strncmp(repr(fk), "<built-in method fromkeys of type object at ", 44) == 0, "%s",
              repr(fk));
}

/* {1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {1: 2.0}; {} < {} is a TypeError;
 * {1: 2} | {3: 4}; d |= [(5, 6)]; {} | [] TypeError; d |= 1 TypeError */
Test(dict, compare_and_merge)
{
    rt_value a = rt_dict_new(), b = rt_dict_new();
    rt_dict_set(vm, a, I(1), I(2));
    rt_dict_set(vm, b, I(1), I(2));
    cr_expect_eq(rt_compare(vm, RT_EQ, a, b), RT_TRUE);
    rt_dict_set(vm, b, I(1), I(3));
    cr_expect_eq(rt_compare(vm, RT_EQ, a, b), RT_FALSE);
    cr_expect_eq(rt_compare(vm, RT_NE, a, b), RT_TRUE);
    expect_error(rt_compare(vm, RT_LT, a, b), &rt_type_error_type,
                 "'<' not supported between instances of 'dict' and 'dict'");
    rt_value c = rt_dict_new();
    rt_dict_set(vm, c, I(3), I(4));
    expect_repr(rt_binary_op(vm, RT_OR, a, c), "{1: 2, 3: 4}");
    expect_repr(a, "{1: 2}");
    rt_value r = rt_binary_op(vm, RT_OR | RT_INPLACE, a, list_of(1, rt_tuple_pack(2, I(5), I(6))));
    cr_expect_eq(r, a);
    expect_repr(a, "{1: 2, 5: 6}");
    expect_error(rt_binary_op(vm, RT_OR, a, rt_list_new(0)), &rt_type_error_type,
                 "unsupported operand type(s) for |: 'dict' and 'list'");
    expect_error(rt_binary_op(vm, RT_OR | RT_INPLACE, a, I(1)), &rt_type_error_type,
                 "'int' object is not iterable");
}

/* d = {1: 1}; for k in d: d[k + 1] = 1 -> RuntimeError: dictionary changed size during
 * iteration, and once raised it stays raised.
 * d = {1: 1, 2: 2}; it = iter(d); next(it); del d[1]; d[3] = 3; next(it) -> 2; next(it)
 * -> RuntimeError: dictionary keys changed during iteration (same size, more keys than
 * expected) */
Test(dict, iteration_mutation)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(1), I(1));
    rt_value it = rt_get_iter(vm, d);
    cr_expect_eq(rt_iter_next(vm, it), I(1));
    rt_dict_set(vm, d, I(2), I(1));
    expect_error(rt_iter_next(vm, it), &rt_runtime_error_type,
                 "dictionary changed size during iteration");
    rt_dict_delete(vm, d, I(2));
    expect_error(rt_iter_next(vm, it), &rt_runtime_error_type,
                 "dictionary changed size during iteration");

    d = rt_dict_new();
    rt_dict_set(vm, d, I(1), I(1));
    rt_dict_set(vm, d, I(2), I(2));
    it = rt_get_iter(vm, d);
    cr_expect_eq(rt_iter_next(vm, it), I(1));
    rt_dict_delete(vm, d, I(1));
    rt_dict_set(vm, d, I(3), I(3));
    cr_expect_eq(rt_iter_next(vm, it), I(2));
    expect_error(rt_iter_next(vm, it), &rt_runtime_error_type,
                 "dictionary keys changed during iteration");
}

/* d = {1: 1, 2: 2}; it = iter(d); next(it); next(it); del d[1]; d[5] = 5; next(it)
 * -> RuntimeError: dictionary keys changed during iteration */
Test(dict, keys_changed_during_iteration)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(1), I(1));
    rt_dict_set(vm, d, I(2), I(2));
    rt_value it = rt_get_iter(vm, d);
    cr_expect_eq(rt_iter_next(vm, it), I(1));
    cr_expect_eq(rt_iter_next(vm, it), I(2));
    rt_dict_delete(vm, d, I(1));
    rt_dict_set(vm, d, I(5), I(5));
    expect_error(rt_iter_next(vm, it), &rt_runtime_error_type,
                 "dictionary keys changed during iteration");
}

/* d = {'a': 1, 'b': 2, 'c': 3}
 * print(d.keys(), d.values(), d.items()) and the view algebra, comparisons, reversed() */
Test(dict, views)
{
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, S("a"), I(1));
    rt_dict_set(vm, d, S("b"), I(2));
    rt_dict_set(vm, d, S("c"), I(3));
    rt_value keys = call(d, "keys", 0), values = call(d, "values", 0), items = call(d, "items", 0);
    expect_repr(keys, "dict_keys(['a', 'b', 'c'])");
    expect_repr(values, "dict_values([1, 2, 3])");
    expect_repr(items, "dict_items([('a', 1), ('b', 2), ('c', 3)])");
    cr_expect_eq(rt_length(vm, items), 3);
    cr_expect_eq(rt_contains(vm, items, rt_tuple_pack(2, S("b"), I(2))), 1);
    cr_expect_eq(rt_contains(vm, items, rt_tuple_pack(2, S("b"), I(3))), 0);
    cr_expect_eq(rt_contains(vm, values, I(3)), 1);
    /* d.keys() & {'a', 'z'}, d.keys() | ['q'], d.keys() - {'b'}, d.keys() ^ {'a', 'w'},
     * d.items() & {('a', 1)}, {'b'} - d.keys(), ['x'] | d.keys()
     * -> {'a'} {'q', 'c', 'a', 'b'} {'c', 'a'} {'c', 'w', 'b'} {('a', 1)} set()
     *    {'a', 'c', 'x', 'b'} */
    rt_value az = rt_set_from_array(vm, 2, (rt_value[]){S("a"), S("z")});
    expect_repr(rt_binary_op(vm, RT_AND, keys, az), "{'a'}");
    expect_repr(rt_binary_op(vm, RT_OR, keys, list_of(1, S("q"))), "{'q', 'c', 'a', 'b'}");
    rt_value b = rt_set_from_array(vm, 1, (rt_value[]){S("b")});
    expect_repr(rt_binary_op(vm, RT_SUB, keys, b), "{'c', 'a'}");
    rt_value aw = rt_set_from_array(vm, 2, (rt_value[]){S("a"), S("w")});
    expect_repr(rt_binary_op(vm, RT_XOR, keys, aw), "{'c', 'w', 'b'}");
    rt_value a1 = rt_set_from_array(vm, 1, (rt_value[]){rt_tuple_pack(2, S("a"), I(1))});
    expect_repr(rt_binary_op(vm, RT_AND, items, a1), "{('a', 1)}");
    expect_repr(rt_binary_op(vm, RT_SUB, b, keys), "set()");
    expect_repr(rt_binary_op(vm, RT_OR, list_of(1, S("x")), keys), "{'a', 'c', 'x', 'b'}");
    /* d.keys() == {'a', 'b', 'c'}, d.keys() < {'a', 'b', 'c', 'd'}, d.items() >= {('a', 1)},
     * d.values() == d.values() -> True True True False */
    rt_value abc = rt_set_from_array(vm, 3, (rt_value[]){S("a"), S("b"), S("c")});
    cr_expect_eq(rt_compare(vm, RT_EQ, keys, abc), RT_TRUE);
    rt_set_add(vm, abc, S("d"));
    cr_expect_eq(rt_compare(vm, RT_LT, keys, abc), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_GE, items, a1), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, values, call(d, "values", 0)), RT_FALSE);
    /* list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())) */
    expect_repr(list_of_iter(call(d, "__reversed__", 0)), "['c', 'b', 'a']");
    expect_repr(list_of_iter(call(values, "__reversed__", 0)), "[3, 2, 1]");
    expect_repr(list_of_iter(call(items, "__reversed__", 0)), "[('c', 3), ('b', 2), ('a', 1)]");
    /* d.items() ^ {'a': 1, 'b': 5}.items() -> {('b', 5), ('c', 3), ('b', 2)} */
    rt_value e = rt_dict_new();
    rt_dict_set(vm, e, S("a"), I(1));
    rt_dict_set(vm, e, S("b"), I(5));
    expect_repr(rt_binary_op(vm, RT_XOR, items, call(e, "items", 0)),
                "{('b', 5), ('c', 3), ('b', 2)}");
    /* hash(d.keys()) -> TypeError: unhashable type: 'dict_keys' */
    int64_t h;
    cr_expect(!rt_hash(vm, keys, &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'dict_keys'");
    /* Views are live. */
    rt_dict_set(vm, d, S("z"), I(26));
    expect_repr(keys, "dict_keys(['a', 'b', 'c', 'z'])");
}

/* def f(**k): pass
 * f(**{'a': 1}, **{'a': 2}) -> TypeError: __main__.f() got multiple values for keyword
 * argument 'a' (here the callee is print, which CPython names "print()")
 * print(**[1]) -> TypeError: print() argument after ** must be a mapping, not list */
Test(dict, merge_kwargs)
{
    rt_value print = rt_dict_get_str(vm->builtins, name("print"));
    rt_value kw = rt_dict_new(), m = rt_dict_new();
    rt_dict_set(vm, m, S("a"), I(1));
    cr_expect_eq(rt_dict_merge_kwargs(vm, kw, m, print), 0);
    cr_expect_eq(rt_dict_merge_kwargs(vm, kw, m, print), -1);
    expect_error(0, &rt_type_error_type, "print() got multiple values for keyword argument 'a'");
    cr_expect_eq(rt_dict_merge_kwargs(vm, kw, list_of(1, I(1)), print), -1);
    expect_error(0, &rt_type_error_type, "print() argument after ** must be a mapping, not list");
    /* {**[1]} -> TypeError: 'list' object is not a mapping */
    cr_expect_eq(rt_dict_update(vm, kw, list_of(1, I(1))), -1);
    expect_error(0, &rt_type_error_type, "'list' object is not a mapping");
}

Test(dict, grows_and_shrinks)
{
    /* d = {}; [d.__setitem__(i, i) for i in range(10000)]; [d.pop(i) for i in range(0, 10000, 2)]
     * print(len(d), list(d)[:3], sum(d)) -> 5000 [1, 3, 5] 25000000 */
    rt_value d = rt_dict_new();
    for (int64_t k = 0; k < 10000; k++)
        rt_dict_set(vm, d, I(k), I(k));
    for (int64_t k = 0; k < 10000; k += 2)
        cr_assert_eq(rt_dict_delete(vm, d, I(k)), 1);
    cr_expect_eq(rt_dict_size(d), 5000);
    int64_t pos = 0, sum = 0, first[3], n = 0;
    rt_value key, value;
    while (rt_dict_next(d, &pos, &key, &value)) {
        if (n < 3)
            first[n] = rt_small_int_value(key);
        n++;
        sum += rt_small_int_value(value);
    }
    cr_expect_eq(n, 5000);
    cr_expect_eq(sum, 25000000);
    cr_expect(first[0] == 1 && first[1] == 3 && first[2] == 5);
}

/* ---- set ---- */

/* x = 3; s = set()
 * for step in range(400):
 *     x = lcg(x); k = (x >> 8) % 200 - 100
 *     if (x >> 4) % 3 == 0: s.discard(k)
 *     else: s.add(k)
 * print(s) */
Test(set, int_order_with_dummies)
{
    uint64_t x = 3;
    rt_value s = rt_set_new();
    for (int step = 0; step < 400; step++) {
        x = lcg(x);
        rt_value k = I((int64_t)((x >> 8) % 200) - 100);
        if ((x >> 4) % 3 == 0)
            cr_assert(call(s, "discard", 1, k) != 0);
        else
            cr_assert_eq(rt_set_add(vm, s, k), 0);
    }
    expect_repr(s, "{5, 9, 10, 12, 13, 14, 16, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, "
                   "32, 34, 35, 36, 37, 38, 39, 40, 42, 43, 45, 46, 47, 48, 49, 50, 52, 54, 60, "
                   "62, 63, 65, 66, 68, 69, 72, 73, 74, 76, 78, 79, 80, 81, 83, 84, 86, 87, 88, "
                   "89, 91, 93, 94, 95, 96, 98, -100, -96, -94, -93, -92, -86, -84, -82, -79, "
                   "-75, -74, -73, -72, -71, -70, -69, -68, -67, -64, -63, -62, -61, -60, -57, "
                   "-52, -50, -49, -47, -46, -42, -41, -40, -32, -31, -30, -29, -24, -22, -21, "
                   "-20, -4, -19, -15, -14, -13, -1, -9, -8, -6, -5, -3, -2}");
}

/* x = 5; s = set()
 * for step in range(200):
 *     x = lcg(x); k = 's%d' % ((x >> 8) % 40)
 *     if (x >> 4) % 3 == 0: s.discard(k)
 *     else: s.add(k)
 * print(s) */
Test(set, str_order)
{
    uint64_t x = 5;
    rt_value s = rt_set_new();
    for (int step = 0; step < 200; step++) {
        x = lcg(x);
        char key[16];
        snprintf(key, sizeof key, "s%d", (int)((x >> 8) % 40));
        if ((x >> 4) % 3 == 0)
            cr_assert(call(s, "discard", 1, S(key)) != 0);
        else
            cr_assert_eq(rt_set_add(vm, s, S(key)), 0);
    }
    expect_repr(s, "{'s6', 's4', 's8', 's28', 's37', 's9', 's33', 's7', 's26', 's29', 's16', "
                   "'s19', 's18', 's31', 's32', 's22', 's24', 's34', 's39', 's25', 's35', "
                   "'s15', 's5', 's23'}");
    /* s = set(); [s.add(c) for c in 'xyzwv']; print(s) -> {'y', 'x', 'z', 'v', 'w'}
     * print({'x', 'y', 'z', 'w', 'v'}) -> {'y', 'x', 'v', 'z', 'w'} (a constant display) */
    rt_value xs[5] = {S("x"), S("y"), S("z"), S("w"), S("v")};
    expect_repr(rt_set_from_array(vm, 5, xs), "{'y', 'x', 'z', 'v', 'w'}");
    expect_repr(rt_set_from_constants(vm, 5, xs), "{'y', 'x', 'v', 'z', 'w'}");
    /* set('hello world'), frozenset('abracadabra') */
    expect_repr(make(&rt_set_type, 1, (rt_value[]){S("hello world")}),
                "{' ', 'd', 'r', 'h', 'o', 'e', 'w', 'l'}");
    expect_repr(make(&rt_frozenset_type, 1, (rt_value[]){S("abracadabra")}),
                "frozenset({'d', 'r', 'b', 'c', 'a'})");
}

/* s = set(range(0, 40, 3)); s |= {-1, -8, 1000, 2**40}; print(s)
 * t = set(s); print([t.pop() for _ in range(5)], t) */
Test(set, big_ints_and_pop)
{
    rt_value s = rt_set_new();
    for (int64_t k = 0; k < 40; k += 3)
        rt_set_add(vm, s, I(k));
    int64_t more[] = {-1, -8, 1000, (int64_t)1 << 40};
    cr_assert(rt_binary_op(vm, RT_OR | RT_INPLACE, s, ints_set(4, more)) == s);
    expect_repr(s, "{0, 33, 1099511627776, 3, 36, 6, 39, -8, 9, 1000, 12, 15, 18, 21, -1, 24, "
                   "27, 30}");
    rt_value t = make(&rt_set_type, 1, &s);
    rt_value popped = rt_list_new(0);
    for (int k = 0; k < 5; k++)
        rt_list_append(vm, popped, call(t, "pop", 0));
    expect_repr(popped, "[0, 1099511627776, 3, 6, 9]");
    expect_repr(t, "{12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 1000, -8, -1}");
    expect_error(call(rt_set_new(), "pop", 0), &rt_key_error_type, "'pop from an empty set'");
}

/* a = {1, ..., 10}; b = {5, ..., 15}
 * print(a | b, a & b, a - b, a ^ b, b - a, b ^ a)
 * print(a.union([20, 19, 18], (17,)), a.intersection(b, [5, 6, 100]), a.difference([1], {2}),
 *       a.symmetric_difference([1, 50])) */
Test(set, algebra)
{
    int64_t xa[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    int64_t xb[] = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    rt_value a = ints_set(10, xa), b = ints_set(11, xb);
    expect_repr(rt_binary_op(vm, RT_OR, a, b), "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}");
    expect_repr(rt_binary_op(vm, RT_AND, a, b), "{5, 6, 7, 8, 9, 10}");
    expect_repr(rt_binary_op(vm, RT_SUB, a, b), "{1, 2, 3, 4}");
    expect_repr(rt_binary_op(vm, RT_XOR, a, b), "{1, 2, 3, 4, 11, 12, 13, 14, 15}");
    expect_repr(rt_binary_op(vm, RT_SUB, b, a), "{11, 12, 13, 14, 15}");
    expect_repr(rt_binary_op(vm, RT_XOR, b, a), "{1, 2, 3, 4, 11, 12, 13, 14, 15}");
    expect_repr(call(a, "union", 2, list_of(3, I(20), I(19), I(18)), rt_tuple_pack(1, I(17))),
                "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18, 19, 20}");
    expect_repr(call(a, "intersection", 2, b, list_of(3, I(5), I(6), I(100))), "{5, 6}");
    expect_repr(call(a, "difference", 2, list_of(1, I(1)), ints_set(1, (int64_t[]){2})),
                "{3, 4, 5, 6, 7, 8, 9, 10}");
    expect_repr(call(a, "symmetric_difference", 1, list_of(2, I(1), I(50))),
                "{2, 3, 4, 5, 6, 7, 8, 9, 10, 50}");
    /* type({1} | frozenset({2})), type(frozenset({2}) | {1}) -> set, frozenset */
    rt_value f2 = make(&rt_frozenset_type, 1, (rt_value[]){ints_set(1, (int64_t[]){2})});
    cr_expect_eq(rt_type_of(rt_binary_op(vm, RT_OR, ints_set(1, (int64_t[]){1}), f2)), &rt_set_type);
    cr_expect_eq(rt_type_of(rt_binary_op(vm, RT_OR, f2, ints_set(1, (int64_t[]){1}))),
                 &rt_frozenset_type);
    /* set() | [] -> TypeError: unsupported operand type(s) for |: 'set' and 'list' */
    expect_error(rt_binary_op(vm, RT_OR, a, rt_list_new(0)), &rt_type_error_type,
                 "unsupported operand type(s) for |: 'set' and 'list'");
    /* a = set(range(1, 11)); a -= {1}; a &= {2, 3, 4}; a ^= {4, 99}; print(a) -> {99, 2, 3} */
    rt_value r = rt_binary_op(vm, RT_SUB | RT_INPLACE, a, ints_set(1, (int64_t[]){1}));
    r = rt_binary_op(vm, RT_AND | RT_INPLACE, r, ints_set(3, (int64_t[]){2, 3, 4}));
    r = rt_binary_op(vm, RT_XOR | RT_INPLACE, r, ints_set(2, (int64_t[]){4, 99}));
    cr_expect_eq(r, a);
    expect_repr(a, "{99, 2, 3}");
}

/* print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2},
 *       {1, 2} == frozenset({2, 1}), {1} != {1}) -> True True True False True False
 * print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1, 2}.isdisjoint([3, 4]),
 *       {1}.isdisjoint({1})) -> True True True False */
Test(set, comparisons)
{
    rt_value s12 = ints_set(2, (int64_t[]){1, 2}), s1 = ints_set(1, (int64_t[]){1});
    rt_value s123 = ints_set(3, (int64_t[]){1, 2, 3});
    cr_expect_eq(rt_compare(vm, RT_LT, s12, s123), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LE, s12, s12), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_GT, s12, s1), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_GE, s1, s12), RT_FALSE);
    rt_value f21 = make(&rt_frozenset_type, 1, (rt_value[]){ints_set(2, (int64_t[]){2, 1})});
    cr_expect_eq(rt_compare(vm, RT_EQ, s12, f21), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_NE, s1, ints_set(1, (int64_t[]){1})), RT_FALSE);
    cr_expect_eq(call(s12, "issubset", 1, list_of(3, I(1), I(2), I(3))), RT_TRUE);
    cr_expect_eq(call(s12, "issuperset", 1, list_of(1, I(1))), RT_TRUE);
    cr_expect_eq(call(s12, "isdisjoint", 1, list_of(2, I(3), I(4))), RT_TRUE);
    cr_expect_eq(call(s1, "isdisjoint", 1, s1), RT_FALSE);
    /* {1} < [1] -> TypeError: '<' not supported between instances of 'set' and 'list' */
    expect_error(rt_compare(vm, RT_LT, s1, list_of(1, I(1))), &rt_type_error_type,
                 "'<' not supported between instances of 'set' and 'list'");
}

/* print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})),
 *       hash(frozenset({'a', 'b'})), hash(frozenset({frozenset({1}), 2})))
 * print(hash(frozenset(range(100))))
 * s2 = set(range(20)); [s2.discard(i) for i in range(0, 20, 2)]; print(hash(frozenset(s2))) */
Test(set, frozenset_hash)
{
    static const int64_t want[] = {133146708735736, -558064481276695278, -272375401224217160,
                                   1679668661828516449, -1248503628839622056};
    rt_value sets[5];
    sets[0] = make(&rt_frozenset_type, 0, NULL);
    sets[1] = make(&rt_frozenset_type, 1, (rt_value[]){ints_set(1, (int64_t[]){1})});
    sets[2] = make(&rt_frozenset_type, 1, (rt_value[]){ints_set(3, (int64_t[]){1, 2, 3})});
    sets[3] = make(&rt_frozenset_type, 1, (rt_value[]){S("ab")});
    sets[4] = make(&rt_frozenset_type, 1, (rt_value[]){list_of(2, sets[1], I(2))});
    for (int k = 0; k < 5; k++) {
        int64_t h;
        cr_assert(rt_hash(vm, sets[k], &h), "%s", pending_text());
        cr_expect_eq(h, want[k], "hash %d: %lld", k, (long long)h);
    }
    rt_value r = rt_set_new();
    for (int64_t k = 0; k < 100; k++)
        rt_set_add(vm, r, I(k));
    int64_t h;
    cr_assert(rt_hash(vm, make(&rt_frozenset_type, 1, &r), &h));
    cr_expect_eq(h, 4411996150312757951);
    rt_value s2 = rt_set_new();
    for (int64_t k = 0; k < 20; k++)
        rt_set_add(vm, s2, I(k));
    for (int64_t k = 0; k < 20; k += 2)
        call(s2, "discard", 1, I(k));
    cr_assert(rt_hash(vm, make(&rt_frozenset_type, 1, &s2), &h));
    cr_expect_eq(h, 6779716211069708554);
    /* hash(set()) -> TypeError: unhashable type: 'set' */
    cr_expect(!rt_hash(vm, s2, &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'set'");
}

/* {1} in {frozenset({1})} -> True; [] in {1} -> unhashable; {1}.remove(2) -> KeyError: 2;
 * set(1, 2), set(a=1), frozenset(1, 2) errors; for k in s: s.add(2) -> RuntimeError */
Test(set, errors_and_set_keys)
{
    rt_value s1 = ints_set(1, (int64_t[]){1});
    rt_value outer = rt_set_new();
    rt_set_add(vm, outer, make(&rt_frozenset_type, 1, &s1));
    cr_expect_eq(rt_contains(vm, outer, s1), 1);
    cr_expect_eq(call(outer, "remove", 1, s1), RT_NONE);
    cr_expect_eq(rt_set_size(outer), 0);
    cr_expect_eq(rt_contains(vm, s1, rt_list_new(0)), -1);
    expect_error(0, &rt_type_error_type, "unhashable type: 'list'");
    expect_error(call(s1, "remove", 1, I(2)), &rt_key_error_type, "2");
    expect_error(call(s1, "add", 1, rt_list_new(0)), &rt_type_error_type, "unhashable type: 'list'");
    expect_error(make(&rt_set_type, 2, (rt_value[]){I(1), I(2)}), &rt_type_error_type,
                 "set expected at most 1 argument, got 2");
    expect_error(rt_call(vm, rt_type_value(&rt_set_type), 0, (rt_value[]){I(1)},
                         rt_tuple_pack(1, name("a"))),
                 &rt_type_error_type, "set() takes no keyword arguments");
    expect_error(make(&rt_frozenset_type, 2, (rt_value[]){I(1), I(2)}), &rt_type_error_type,
                 "frozenset expected at most 1 argument, got 2");
    expect_error(call(s1, "union", 1, I(1)), &rt_type_error_type, "'int' object is not iterable");
    rt_value it = rt_get_iter(vm, s1);
    cr_expect_eq(rt_iter_next(vm, it), I(1));
    rt_set_add(vm, s1, I(2));
    expect_error(rt_iter_next(vm, it), &rt_runtime_error_type, "Set changed size during iteration");
    expect_repr(rt_set_new(), "set()");
    expect_repr(make(&rt_frozenset_type, 0, NULL), "frozenset()");
}

/* intersection_update and &= swap in the result's table but keep the set's pop() finger:
 * a = set(range(40)); [a.pop() for _ in range(21)]; a.intersection_update({39, 22, 35, 23})
 * print(a.pop(), a) -> 22 {35, 23, 39}, and the same with a &= {39, 22, 35, 23} (a reset
 * finger would pop 39) */
Test(set, swap_keeps_finger)
{
    /* The display is a constant one, so it is built as CPython's compiler builds it. */
    rt_value other = rt_set_from_constants(vm, 4, (rt_value[]){I(39), I(22), I(35), I(23)});
    for (int inplace_op = 0; inplace_op < 2; inplace_op++) {
        rt_value a = rt_set_new();
        for (int64_t k = 0; k < 40; k++)
            rt_set_add(vm, a, I(k));
        for (int k = 0; k < 21; k++)
            cr_assert(call(a, "pop", 0) != 0);
        if (inplace_op)
            cr_assert_eq(rt_binary_op(vm, RT_AND | RT_INPLACE, a, other), a);
        else
            cr_assert_eq(call(a, "intersection_update", 1, other), RT_NONE);
        expect_repr(call(a, "pop", 0), "22");
        expect_repr(a, "{35, 23, 39}");
    }
}

/* s | s and s.union(s) are plain copies (CPython skips merging a set into its own copy):
 * s = set(); [s.add(v) for v in (31, 23, 15, 7)]; print(s, s | s, s.union(s, s))
 * -> {7, 23, 15, 31} three times (merging into the copy would resize it: {7, 15, 23, 31}) */
Test(set, union_with_itself)
{
    rt_value s = ints_set(4, (int64_t[]){31, 23, 15, 7});
    expect_repr(s, "{7, 23, 15, 31}");
    expect_repr(rt_binary_op(vm, RT_OR, s, s), "{7, 23, 15, 31}");
    expect_repr(call(s, "union", 2, s, s), "{7, 23, 15, 31}");
}
