/* Unit tests for dict (written by the containers helper; restored under this name after
 * runtime_dict.c was replaced by the dict owner's suite): insertion order through inserts,
 * deletes, reinserts, popitem and resizes; lookups, views, iteration errors, update/merge
 * errors and the methods. Every expectation was computed by /usr/bin/python3.11
 * (PYTHONHASHSEED=0); the comment above each check gives the Python that produced it. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
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

static const char *pending_text(void)
{
    if (!vm->pending)
        return "(no exception)";
    rt_value r = rt_repr(vm, vm->pending);
    return r ? rt_str_data(r) : "(repr failed)";
}

static void expect_repr(rt_value v, const char *want)
{
    cr_assert(v != 0, "unexpected error %s (want %s)", pending_text(), want);
    rt_value r = rt_repr(vm, v);
    cr_assert(r != 0, "repr failed: %s", pending_text());
    cr_expect_str_eq(rt_str_data(r), want);
}

/* Checks that the last call failed with type(message) and clears the exception. */
static void expect_error(bool failed, const rt_type *type, const char *want)
{
    cr_assert(failed, "expected %s: %s", type->name, want);
    cr_assert(vm->pending != 0);
    cr_expect_eq(rt_as_object(vm->pending)->type, type, "raised %s, expected %s",
                 rt_type_of(vm->pending)->name, type->name);
    rt_value args = ((rt_exception *)rt_as_object(vm->pending))->args;
    rt_value first = rt_as_tuple(args)->size ? rt_as_tuple(args)->items[0] : 0;
    rt_value text = first == 0 ? rt_str_from_cstr("")
                    : rt_is_type(first, &rt_str_type) && type != &rt_key_error_type
                        ? first
                        : rt_repr(vm, first);
    cr_expect_str_eq(rt_str_data(text), want);
    vm->pending = 0;
}

/* A key token of a script: an int when it looks like one, else a str. */
static rt_value key_of(const char *tok)
{
    char *end;
    long v = strtol(tok, &end, 10);
    if (*tok != '\0' && *end == '\0')
        return rt_small_int(v);
    return rt_str_from_cstr(tok);
}

static rt_value call_method(rt_value obj, const char *name, size_t nargs, const rt_value *args)
{
    return rt_call_method(vm, obj, rt_str_intern(vm, name), nargs, args, 0);
}

/* Runs a script of "+k" (d[k] = k), "-k" (del d[k]) and "pp" (d.popitem()) on d. */
static rt_value run_script(rt_value d, const char *script)
{
    char buf[2048];
    strncpy(buf, script, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *tok = strtok(buf, " "); tok != NULL; tok = strtok(NULL, " ")) {
        if (tok[0] == 'p') {
            cr_assert(call_method(d, "popitem", 0, NULL) != 0);
            continue;
        }
        rt_value k = key_of(tok + 1);
        if (tok[0] == '+')
            cr_assert_eq(rt_dict_set(vm, d, k, k), 0);
        else
            cr_assert_eq(rt_dict_delete(vm, d, k), 1, "del %s", tok + 1);
    }
    return d;
}

static char *range_script(const char *op, int start, int stop, int step)
{
    static char buf[2048];
    buf[0] = '\0';
    for (int i = start; i < stop; i += step) {
        char item[32];
        snprintf(item, sizeof item, "%s%d ", op, i);
        strcat(buf, item);
    }
    return buf;
}

Test(dict, order_after_delete_and_reinsert)
{
    /* d = {}; d[1] = 1; d[2] = 2; d[3] = 3; del d[2]; d[2] = 2 */
    expect_repr(run_script(rt_dict_new(), "+1 +2 +3 -2 +2"), "{1: 1, 3: 3, 2: 2}");
    /* for k in 'abc': d[k] = k; del d['a']; d['d'] = 'd'; del d['c']; d['a'] = 'a'; d['c'] = 'c' */
    expect_repr(run_script(rt_dict_new(), "+a +b +c -a +d -c +a +c"),
                "{'b': 'b', 'd': 'd', 'a': 'a', 'c': 'c'}");
    /* negative keys: d[-1], d[-2], d[1], d[2]; del d[-1]; d[-1] = -1 (hash(-1) == hash(-2)) */
    expect_repr(run_script(rt_dict_new(), "+-1 +-2 +1 +2 --1 +-1"),
                "{-2: -2, 1: 1, 2: 2, -1: -1}");
}

Test(dict, order_through_resizes)
{
    /* d = {i: i for i in range(20)}; for i in range(0, 20, 3): del d[i]; d[3] = 3; d[100] = 100 */
    rt_value d = run_script(rt_dict_new(), range_script("+", 0, 20, 1));
    run_script(d, range_script("-", 0, 20, 3));
    run_script(d, "+3 +100");
    expect_repr(d, "{1: 1, 2: 2, 4: 4, 5: 5, 7: 7, 8: 8, 10: 10, 11: 11, 13: 13, 14: 14, "
                   "16: 16, 17: 17, 19: 19, 3: 3, 100: 100}");
    cr_expect_eq(rt_dict_size(d), 15);
    /* d = {i: i for i in range(6)}; del d[0..4]; then d[0..6] = ... (a resize compacts) */
    d = run_script(rt_dict_new(), "+0 +1 +2 +3 +4 +5 -0 -1 -2 -3 -4 +0 +1 +2 +3 +4 +5 +6");
    expect_repr(d, "{5: 5, 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 6: 6}");
}

Test(dict, popitem_is_lifo)
{
    /* d = {f'k{i}': ... for i in range(12)}; del d['k5'], d['k0']; d.popitem() x2;
     * d['k5'] = 'k5'; d['k0'] = 'k0' */
    rt_value d = rt_dict_new();
    for (int i = 0; i < 12; i++) {
        char k[8];
        snprintf(k, sizeof k, "+k%d", i);
        run_script(d, k);
    }
    run_script(d, "-k5 -k0 pp pp +k5 +k0");
    expect_repr(d, "{'k1': 'k1', 'k2': 'k2', 'k3': 'k3', 'k4': 'k4', 'k6': 'k6', 'k7': 'k7', "
                   "'k8': 'k8', 'k9': 'k9', 'k5': 'k5', 'k0': 'k0'}");
    /* {1: 2}.popitem() */
    rt_value one = run_script(rt_dict_new(), "+1");
    expect_repr(call_method(one, "popitem", 0, NULL), "(1, 1)");
    /* {}.popitem() -> KeyError: 'popitem(): dictionary is empty' */
    expect_error(call_method(one, "popitem", 0, NULL) == 0, &rt_key_error_type,
                 "'popitem(): dictionary is empty'");
}

Test(dict, lookup_and_key_errors)
{
    rt_value d = run_script(rt_dict_new(), "+1 +a");
    /* d[1], d['a'] */
    expect_repr(rt_getitem(vm, d, rt_small_int(1)), "1");
    expect_repr(rt_getitem(vm, d, rt_str_from_cstr("a")), "'a'");
    /* d['zz'] -> KeyError: 'zz' (the key's repr) */
    expect_error(rt_getitem(vm, d, rt_str_from_cstr("zz")) == 0, &rt_key_error_type, "'zz'");
    /* d[[]] -> TypeError: unhashable type: 'list' */
    expect_error(rt_getitem(vm, d, rt_list_new(0)) == 0, &rt_type_error_type,
                 "unhashable type: 'list'");
    /* del d[5] -> KeyError: 5 */
    expect_error(rt_delitem(vm, d, rt_small_int(5)) < 0, &rt_key_error_type, "5");
    /* 1.0 in d, True in d (equal keys with equal hashes) */
    cr_expect_eq(rt_contains(vm, d, rt_float_new(1.0)), 1);
    cr_expect_eq(rt_contains(vm, d, RT_TRUE), 1);
    /* rt_dict_get_str finds a non-interned str with the same text */
    cr_expect_eq(rt_dict_get_str(d, rt_str_from_cstr("a")), rt_dict_get_str(d, rt_str_intern(vm, "a")));
    cr_expect_eq(rt_dict_get_str(d, rt_str_from_cstr("b")), 0);
}

Test(dict, methods)
{
    rt_value d = run_script(rt_dict_new(), "+1 +2");
    rt_value args[2] = {rt_small_int(9), rt_small_int(7)};
    /* d.get(9), d.get(9, 7) */
    expect_repr(call_method(d, "get", 1, args), "None");
    expect_repr(call_method(d, "get", 2, args), "7");
    /* d.setdefault(9, 7); d */
    expect_repr(call_method(d, "setdefault", 2, args), "7");
    expect_repr(d, "{1: 1, 2: 2, 9: 7}");
    /* d.pop(9), d.pop(9, 7), d.pop(9) -> KeyError: 9 */
    expect_repr(call_method(d, "pop", 1, args), "7");
    expect_repr(call_method(d, "pop", 2, args), "7");
    expect_error(call_method(d, "pop", 1, args) == 0, &rt_key_error_type, "9");
    /* d.get() -> TypeError: get expected at least 1 argument, got 0 */
    expect_error(call_method(d, "get", 0, args) == 0, &rt_type_error_type,
                 "get expected at least 1 argument, got 0");
    /* d.keys(1) -> TypeError: dict.keys() takes no arguments (1 given) */
    expect_error(call_method(d, "keys", 1, args) == 0, &rt_type_error_type,
                 "dict.keys() takes no arguments (1 given)");
    /* d.copy() == d, and is a new object */
    rt_value c = call_method(d, "copy", 0, NULL);
    cr_expect_neq(c, d);
    cr_expect_eq(rt_compare(vm, RT_EQ, c, d), RT_TRUE);
    /* d.clear(); d */
    call_method(d, "clear", 0, NULL);
    expect_repr(d, "{}");
    expect_repr(c, "{1: 1, 2: 2}");
}

Test(dict, views)
{
    rt_value d = run_script(rt_dict_new(), "+1 +2 +3");
    rt_value keys = call_method(d, "keys", 0, NULL);
    rt_value values = call_method(d, "values", 0, NULL);
    rt_value items = call_method(d, "items", 0, NULL);
    /* repr(d.keys()), repr(d.values()), repr(d.items()) */
    expect_repr(keys, "dict_keys([1, 2, 3])");
    expect_repr(values, "dict_values([1, 2, 3])");
    expect_repr(items, "dict_items([(1, 1), (2, 2), (3, 3)])");
    /* views are live: d[4] = 4; len(d.keys()) */
    rt_dict_set(vm, d, rt_small_int(4), rt_small_int(16));
    cr_expect_eq(rt_length(vm, keys), 4);
    /* (4, 16) in d.items(), 16 in d.values(), 5 in d.keys() */
    cr_expect_eq(rt_contains(vm, items, rt_tuple_pack(2, rt_small_int(4), rt_small_int(16))), 1);
    cr_expect_eq(rt_contains(vm, values, rt_small_int(16)), 1);
    cr_expect_eq(rt_contains(vm, keys, rt_small_int(5)), 0);
    /* d.keys() & {1, 5} -> {1};  d.keys() | [7] -> {1, 2, 3, 4, 7} */
    rt_value s = rt_set_from_array(vm, 2, (rt_value[]){rt_small_int(1), rt_small_int(5)});
    expect_repr(rt_binary_op(vm, RT_AND, keys, s), "{1}");
    expect_repr(rt_binary_op(vm, RT_OR, keys, rt_list_from_array(vm, 1, (rt_value[]){rt_small_int(7)})),
                "{1, 2, 3, 4, 7}");
    /* list(reversed(d.items())) */
    rt_value rev = rt_call1(vm, rt_type_value(&rt_reversed_type), items);
    expect_repr(rt_list_from_iterable(vm, rev), "[(4, 16), (3, 3), (2, 2), (1, 1)]");
    /* d.keys() == {1, 2, 3, 4} */
    rt_value all = rt_set_from_array(vm, 4, (rt_value[]){rt_small_int(1), rt_small_int(2),
                                                          rt_small_int(3), rt_small_int(4)});
    cr_expect_eq(rt_compare(vm, RT_EQ, keys, all), RT_TRUE);
}

Test(dict, iteration_errors)
{
    /* for k in d: d[k + 10] = 0 -> RuntimeError: dictionary changed size during iteration */
    rt_value d = run_script(rt_dict_new(), "+1 +2");
    rt_value it = rt_get_iter(vm, d);
    rt_value k = rt_iter_next(vm, it);
    expect_repr(k, "1");
    rt_dict_set(vm, d, rt_small_int(11), rt_small_int(0));
    expect_error(rt_iter_next(vm, it) == 0, &rt_runtime_error_type,
                 "dictionary changed size during iteration");
    /* replacing a value is not a size change */
    rt_value it2 = rt_get_iter(vm, d);
    rt_dict_set(vm, d, rt_small_int(1), rt_small_int(5));
    expect_repr(rt_iter_next(vm, it2), "1");
}

Test(dict, construct_and_update)
{
    rt_value dict_type = rt_type_value(&rt_dict_type);
    /* dict([(1, 2), [3, 4]]) */
    rt_value pairs = rt_list_from_array(
        vm, 2, (rt_value[]){rt_tuple_pack(2, rt_small_int(1), rt_small_int(2)),
                            rt_list_from_array(vm, 2, (rt_value[]){rt_small_int(3), rt_small_int(4)})});
    expect_repr(rt_call1(vm, dict_type, pairs), "{1: 2, 3: 4}");
    /* dict([1]) -> TypeError: cannot convert dictionary update sequence element #0 to a sequence */
    expect_error(rt_call1(vm, dict_type, rt_list_from_array(vm, 1, (rt_value[]){rt_small_int(1)})) == 0,
                 &rt_type_error_type,
                 "cannot convert dictionary update sequence element #0 to a sequence");
    /* dict([(1, 2, 3)]) -> ValueError: dictionary update sequence element #0 has length 3; 2 is required */
    rt_value triple = rt_tuple_pack(3, rt_small_int(1), rt_small_int(2), rt_small_int(3));
    expect_error(rt_call1(vm, dict_type, rt_list_from_array(vm, 1, &triple)) == 0,
                 &rt_value_error_type,
                 "dictionary update sequence element #0 has length 3; 2 is required");
    /* dict(1) -> TypeError: 'int' object is not iterable */
    expect_error(rt_call1(vm, dict_type, rt_small_int(1)) == 0, &rt_type_error_type,
                 "'int' object is not iterable");
    /* dict({}, {}) -> TypeError: dict expected at most 1 argument, got 2 */
    expect_error(rt_call2(vm, dict_type, rt_dict_new(), rt_dict_new()) == 0, &rt_type_error_type,
                 "dict expected at most 1 argument, got 2");
    /* dict([(1, 2)], a=1) */
    rt_value argv[2] = {rt_list_from_array(vm, 1, (rt_value[]){rt_tuple_pack(2, rt_small_int(1), rt_small_int(2))}),
                        rt_small_int(1)};
    expect_repr(rt_call(vm, dict_type, 1, argv, rt_tuple_pack(1, rt_str_intern(vm, "a"))),
                "{1: 2, 'a': 1}");
    /* dict.fromkeys('ab', 0) */
    rt_value fromkeys = rt_getattr(vm, dict_type, rt_str_intern(vm, "fromkeys"));
    cr_assert(fromkeys != 0, "%s", pending_text());
    expect_repr(rt_call2(vm, fromkeys, rt_str_from_cstr("ab"), rt_small_int(0)),
                "{'a': 0, 'b': 0}");
}

Test(dict, merge_operator_and_equality)
{
    rt_value a = run_script(rt_dict_new(), "+1 +2");
    rt_value b = run_script(rt_dict_new(), "+2 +3");
    /* {1: 1, 2: 2} | {2: 2, 3: 3} */
    expect_repr(rt_binary_op(vm, RT_OR, a, b), "{1: 1, 2: 2, 3: 3}");
    /* {1: 1, 2: 2} | 1 -> TypeError: unsupported operand type(s) for |: 'dict' and 'int' */
    expect_error(rt_binary_op(vm, RT_OR, a, rt_small_int(1)) == 0, &rt_type_error_type,
                 "unsupported operand type(s) for |: 'dict' and 'int'");
    /* {1: 1, 2: 2} == {2: 2, 1: 1} (order does not matter) */
    cr_expect_eq(rt_compare(vm, RT_EQ, a, run_script(rt_dict_new(), "+2 +1")), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_NE, a, b), RT_TRUE);
    /* {1: 2} < {} -> TypeError: '<' not supported between instances of 'dict' and 'dict' */
    expect_error(rt_compare(vm, RT_LT, a, b) == 0, &rt_type_error_type,
                 "'<' not supported between instances of 'dict' and 'dict'");
    /* d = {}; d[d] ... no: a self-containing dict prints {...}: d = {}; d[1] = d */
    rt_value self = rt_dict_new();
    rt_dict_set(vm, self, rt_small_int(1), self);
    expect_repr(self, "{1: {...}}");
}

Test(dict, merge_kwargs)
{
    rt_value kw = rt_dict_new();
    rt_dict_set_str(vm, kw, "a", rt_small_int(1));
    rt_value len = rt_dict_get_str(vm->builtins, rt_str_intern(vm, "len"));
    cr_assert(len != 0);
    /* len(**{'a': 1}, **{'a': 2}) -> TypeError: len() got multiple values for keyword argument 'a' */
    rt_value target = rt_dict_new();
    cr_expect_eq(rt_dict_merge_kwargs(vm, target, kw, len), 0);
    expect_error(rt_dict_merge_kwargs(vm, target, kw, len) < 0, &rt_type_error_type,
                 "len() got multiple values for keyword argument 'a'");
    /* len(**1) -> TypeError: len() argument after ** must be a mapping, not int */
    expect_error(rt_dict_merge_kwargs(vm, target, rt_small_int(1), len) < 0, &rt_type_error_type,
                 "len() argument after ** must be a mapping, not int");
}
