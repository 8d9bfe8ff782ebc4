/* Unit tests for tuple, list, set/frozenset, range, slicing, unpacking and the generic
 * operations' messages. Set iteration order, hashes and messages were computed by
 * /usr/bin/python3.11 with PYTHONHASHSEED=0; the comment above each check gives the Python. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
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

TestSuite(containers, .init = setup);

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

static rt_value I(int64_t i) { return rt_small_int(i); }
static rt_value S(const char *s) { return rt_str_from_cstr(s); }

static rt_value list_of(size_t n, const int64_t *xs)
{
    rt_value l = rt_list_new(0);
    for (size_t i = 0; i < n; i++)
        rt_list_append(vm, l, I(xs[i]));
    return l;
}

#define LIST(...) list_of(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t), (int64_t[]){__VA_ARGS__})

static rt_value method(rt_value obj, const char *name, size_t nargs, const rt_value *args)
{
    return rt_call_method(vm, obj, rt_str_intern(vm, name), nargs, args, 0);
}

static rt_value slice(rt_value start, rt_value stop, rt_value step)
{
    return rt_slice_new(vm, start, stop, step);
}

/* Runs "+k" (s.add(k)), "-k" (s.discard(k)) and "p" (s.pop()) on a new set. */
static rt_value set_script(const char *script)
{
    rt_value s = rt_set_new();
    char buf[4096];
    strncpy(buf, script, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *tok = strtok(buf, " "); tok != NULL; tok = strtok(NULL, " ")) {
        if (tok[0] == 'p') {
            cr_assert(method(s, "pop", 0, NULL) != 0);
            continue;
        }
        char *end;
        long long v = strtoll(tok + 1, &end, 10);
        rt_value k = *end == '\0' ? rt_int_from_int64(v) : S(tok + 1);
        rt_value r = method(s, tok[0] == '+' ? "add" : "discard", 1, &k);
        cr_assert(r != 0, "%s", pending_text());
    }
    return s;
}

/* ---- set order ---- */

Test(containers, set_order_ints)
{
    /* {5, 3, 1, 100, -1, 9, 17, 33} built by add() in that order */
    expect_repr(set_script("+5 +3 +1 +100 +-1 +9 +17 +33"), "{1, 33, 3, 100, 5, 9, 17, -1}");
    /* s = set(); [s.add(i) for i in range(0, 80, 7)] (a resize on the way) */
    expect_repr(set_script("+0 +7 +14 +21 +28 +35 +42 +49 +56 +63 +70 +77"),
                "{0, 35, 70, 7, 42, 77, 14, 49, 21, 56, 28, 63}");
    /* multiples of 8 collide in a small table: linear probing decides the order */
    expect_repr(set_script("+0 +8 +16 +24 +32 +40 +48 +56 +64 +72"),
                "{0, 32, 64, 8, 40, 72, 16, 48, 24, 56}");
    /* range(10), discard 3, 4, 5, add 13, 14, 4 */
    expect_repr(set_script("+0 +1 +2 +3 +4 +5 +6 +7 +8 +9 -3 -4 -5 +13 +14 +4"),
                "{0, 1, 2, 4, 6, 7, 8, 9, 13, 14}");
    /* a new key takes the LAST dummy on its probe path:
     * s = {0, 8, 16, 1}; s.discard(0); s.discard(8); s.add(24); s.add(32) */
    expect_repr(set_script("+0 +8 +16 +1 -0 -8 +24 +32"), "{32, 24, 16, 1}");
    /* negative ints (hash(-1) == -2) */
    expect_repr(set_script("+-1 +-2 +-8 +8 +16 +1"), "{1, 8, 16, -2, -8, -1}");
    /* s = set(range(10)); s.pop() x3; s.add(100) */
    expect_repr(set_script("+0 +1 +2 +3 +4 +5 +6 +7 +8 +9 p p p +100"),
                "{3, 4, 5, 6, 7, 8, 9, 100}");
    /* {1 << i for i in range(0, 62, 3)} added in order (hashes wrap mod 2**61 - 1) */
    expect_repr(set_script("+1 +8 +64 +512 +4096 +32768 +262144 +2097152 +16777216 +134217728 "
                           "+1073741824 +8589934592 +68719476736 +549755813888 +4398046511104 "
                           "+35184372088832 +281474976710656 +2251799813685248 "
                           "+18014398509481984 +144115188075855872 +1152921504606846976"),
                "{4096, 1, 512, 32768, 262144, 2097152, 16777216, 134217728, 8, 1073741824, "
                "8589934592, 68719476736, 549755813888, 4398046511104, 35184372088832, "
                "18014398509481984, 2251799813685248, 281474976710656, 144115188075855872, "
                "1152921504606846976, 64}");
}

Test(containers, set_order_strs)
{
    /* s = set(); for c in 'abcdefg': s.add(c) */
    expect_repr(set_script("+a +b +c +d +e +f +g"), "{'d', 'f', 'g', 'b', 'c', 'a', 'e'}");
    /* apple banana cherry date egg fig, discard banana, add grape */
    expect_repr(set_script("+apple +banana +cherry +date +egg +fig -banana +grape"),
                "{'apple', 'cherry', 'fig', 'date', 'egg', 'grape'}");
    /* frozenset('abc') */
    expect_repr(rt_call1(vm, rt_type_value(&rt_frozenset_type), S("abc")),
                "frozenset({'c', 'a', 'b'})");
}

/* A display of constants is a frozenset constant built twice by the compiler, then merged. */
static rt_value constant_display(size_t n, const rt_value *items)
{
    rt_value r = rt_set_from_constants(vm, n, items);
    cr_assert(r != 0, "%s", pending_text());
    return r;
}

Test(containers, set_constant_displays)
{
    /* {-12, 50, 85, 8, 296, -14} (one-by-one adds would give {296, 50, -14, -12, 85, 8}) */
    expect_repr(constant_display(6, (rt_value[]){I(-12), I(50), I(85), I(8), I(296), I(-14)}),
                "{296, -14, 50, -12, 85, 8}");
    /* {312, 320, 304, 40, 248, 240, -10, 168, 41} */
    expect_repr(constant_display(9, (rt_value[]){I(312), I(320), I(304), I(40), I(248), I(240),
                                                 I(-10), I(168), I(41)}),
                "{320, 312, 40, 168, 41, 304, 240, -10, 248}");
    /* [x for x in {-12, 50, 85, 8, 296, -14}] iterates the frozenset constant itself */
    rt_value frozen = rt_frozenset_from_constants(
        vm, 6, (rt_value[]){I(-12), I(50), I(85), I(8), I(296), I(-14)});
    expect_repr(rt_list_from_iterable(vm, frozen), "[8, 296, -14, 50, -12, 85]");
    /* {'é', 'ü', 'a', '日本'} */
    expect_repr(constant_display(4, (rt_value[]){S("é"), S("ü"), S("a"), S("日本")}),
                "{'日本', 'a', 'ü', 'é'}");
}

Test(containers, set_algebra)
{
    rt_value s = set_script("+1 +2 +3");
    /* s | {4}, s & {2, 3, 9}, s - {1}, s ^ {3, 4} */
    expect_repr(rt_binary_op(vm, RT_OR, s, set_script("+4")), "{1, 2, 3, 4}");
    expect_repr(rt_binary_op(vm, RT_AND, s, set_script("+2 +3 +9")), "{2, 3}");
    expect_repr(rt_binary_op(vm, RT_SUB, s, set_script("+1")), "{2, 3}");
    expect_repr(rt_binary_op(vm, RT_XOR, s, set_script("+3 +4")), "{1, 2, 4}");
    /* {1, 2} <= s, {1, 2} < s, s < s, s == {3, 2, 1} */
    cr_expect_eq(rt_compare(vm, RT_LE, set_script("+1 +2"), s), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, set_script("+1 +2"), s), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, s, s), RT_FALSE);
    cr_expect_eq(rt_compare(vm, RT_EQ, s, set_script("+3 +2 +1")), RT_TRUE);
    /* frozenset({2}) | {1} keeps the left operand's type */
    rt_value f = rt_call1(vm, rt_type_value(&rt_frozenset_type), set_script("+2"));
    expect_repr(rt_binary_op(vm, RT_OR, f, set_script("+1")), "frozenset({1, 2})");
    /* set() | [] -> TypeError: unsupported operand type(s) for |: 'set' and 'list' */
    expect_error(rt_binary_op(vm, RT_OR, s, rt_list_new(0)) == 0, &rt_type_error_type,
                 "unsupported operand type(s) for |: 'set' and 'list'");
    /* s.union([7], (8,)) accepts any iterables */
    rt_value args[2] = {LIST(7), rt_tuple_pack(1, I(8))};
    expect_repr(method(s, "union", 2, args), "{1, 2, 3, 7, 8}");
    /* set().pop() -> KeyError: 'pop from an empty set' */
    expect_error(method(rt_set_new(), "pop", 0, NULL) == 0, &rt_key_error_type,
                 "'pop from an empty set'");
    /* s.remove(9) -> KeyError: 9 */
    rt_value nine = I(9);
    expect_error(method(s, "remove", 1, &nine) == 0, &rt_key_error_type, "9");
    /* [] in s -> TypeError: unhashable type: 'list' */
    expect_error(rt_contains(vm, s, rt_list_new(0)) < 0, &rt_type_error_type,
                 "unhashable type: 'list'");
    /* {1} in {frozenset({1})} (a set is looked up as the equal frozenset) */
    rt_value holder = rt_set_new();
    rt_set_add(vm, holder, rt_call1(vm, rt_type_value(&rt_frozenset_type), set_script("+1")));
    cr_expect_eq(rt_contains(vm, holder, set_script("+1")), 1);
    /* frozenset().add -> AttributeError */
    expect_error(rt_getattr(vm, f, rt_str_intern(vm, "add")) == 0, &rt_attribute_error_type,
                 "'frozenset' object has no attribute 'add'");
    /* repr(set()), repr(frozenset()) */
    expect_repr(rt_set_new(), "set()");
    expect_repr(rt_call0(vm, rt_type_value(&rt_frozenset_type)), "frozenset()");
}

/* ---- hashes ---- */

static int64_t hash_of(rt_value v)
{
    int64_t h = 0;
    cr_assert(rt_hash(vm, v, &h), "%s", pending_text());
    return h;
}

Test(containers, hashes_match_cpython)
{
    /* hash((1, 2)), hash(()), hash((1, (2, 3), 'a')), hash(('a', 'b')), hash((-1,)) */
    cr_expect_eq(hash_of(rt_tuple_pack(2, I(1), I(2))), -3550055125485641917LL);
    cr_expect_eq(hash_of(rt_tuple_new(0)), 5740354900026072187LL);
    cr_expect_eq(hash_of(rt_tuple_pack(3, I(1), rt_tuple_pack(2, I(2), I(3)), S("a"))),
                 -5450618956905408118LL);
    cr_expect_eq(hash_of(rt_tuple_pack(2, S("a"), S("b"))), 7372137184884179083LL);
    cr_expect_eq(hash_of(rt_tuple_pack(1, I(-1))), 8078679518589016365LL);
    /* hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset({'a', 'b'})) */
    rt_value fs = rt_type_value(&rt_frozenset_type);
    cr_expect_eq(hash_of(rt_call1(vm, fs, set_script("+1 +2 +3"))), -272375401224217160LL);
    cr_expect_eq(hash_of(rt_call0(vm, fs)), 133146708735736LL);
    cr_expect_eq(hash_of(rt_call1(vm, fs, set_script("+a +b"))), 1679668661828516449LL);
    /* hash(frozenset({frozenset({1})})) */
    rt_value inner = rt_call1(vm, fs, set_script("+1"));
    rt_value outer = rt_set_new();
    rt_set_add(vm, outer, inner);
    cr_expect_eq(hash_of(rt_call1(vm, fs, outer)), 5515263749738256364LL);
    /* hash(range(3)) == hash((3, 0, 1)), hash(range(0, 10, 2)) */
    cr_expect_eq(hash_of(rt_range_new(vm, 0, 3, 1)), -8338477496398685190LL);
    cr_expect_eq(hash_of(rt_range_new(vm, 0, 10, 2)), -6143170332311272345LL);
    /* hash(range(0)) == hash(range(3, 3)); hash(range(5, 6)) == hash(range(5, 7, 3)) (the
     * values hash None, whose hash is its address in CPython, so only equalities are stable) */
    cr_expect_eq(hash_of(rt_range_new(vm, 0, 0, 1)), hash_of(rt_range_new(vm, 3, 3, 1)));
    cr_expect_eq(hash_of(rt_range_new(vm, 5, 6, 1)), hash_of(rt_range_new(vm, 5, 7, 3)));
    /* hash([]) -> TypeError: unhashable type: 'list'; hash({1}) likewise for 'set' */
    int64_t h;
    expect_error(!rt_hash(vm, rt_list_new(0), &h), &rt_type_error_type, "unhashable type: 'list'");
    expect_error(!rt_hash(vm, rt_set_new(), &h), &rt_type_error_type, "unhashable type: 'set'");
    expect_error(!rt_hash(vm, rt_dict_new(), &h), &rt_type_error_type, "unhashable type: 'dict'");
}

/* ---- tuples and lists ---- */

Test(containers, tuple_and_list_basics)
{
    rt_value t = rt_tuple_pack(2, I(1), I(2));
    /* (1, 2) * 3, [1, 2] * 2, (1,) + (2,), [1] + [2], 3 * [0] */
    expect_repr(rt_binary_op(vm, RT_MUL, t, I(3)), "(1, 2, 1, 2, 1, 2)");
    expect_repr(rt_binary_op(vm, RT_MUL, LIST(1, 2), I(2)), "[1, 2, 1, 2]");
    expect_repr(rt_binary_op(vm, RT_ADD, rt_tuple_pack(1, I(1)), rt_tuple_pack(1, I(2))), "(1, 2)");
    expect_repr(rt_binary_op(vm, RT_ADD, LIST(1), LIST(2)), "[1, 2]");
    expect_repr(rt_binary_op(vm, RT_MUL, I(3), LIST(0)), "[0, 0, 0]");
    /* (1,) + [2] -> TypeError: can only concatenate tuple (not "list") to tuple */
    expect_error(rt_binary_op(vm, RT_ADD, rt_tuple_pack(1, I(1)), LIST(2)) == 0,
                 &rt_type_error_type, "can only concatenate tuple (not \"list\") to tuple");
    /* [1] * 'a' -> TypeError: can't multiply sequence by non-int of type 'str' */
    expect_error(rt_binary_op(vm, RT_MUL, LIST(1), S("a")) == 0, &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'str'");
    /* l = [1]; l += (2, 3); l += 'ab' (in-place extend takes any iterable) */
    rt_value l = LIST(1);
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE + RT_ADD, l, rt_tuple_pack(2, I(2), I(3))), l);
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE + RT_ADD, l, S("ab")), l);
    expect_repr(l, "[1, 2, 3, 'a', 'b']");
    /* (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1, [2]) == (1, [2]) */
    cr_expect_eq(rt_compare(vm, RT_LT, t, rt_tuple_pack(2, I(1), I(3))), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, t, rt_tuple_pack(3, I(1), I(2), I(0))), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, rt_tuple_pack(2, I(1), LIST(2)),
                            rt_tuple_pack(2, I(1), LIST(2))),
                 RT_TRUE);
    /* repr((1,)), repr(()), repr(((1, 2), [3])); l = [1]; l.append(l) -> [1, [...]] */
    expect_repr(rt_tuple_pack(1, I(1)), "(1,)");
    expect_repr(rt_tuple_new(0), "()");
    expect_repr(rt_tuple_pack(2, t, LIST(3)), "((1, 2), [3])");
    rt_value self = LIST(1);
    rt_list_append(vm, self, self);
    expect_repr(self, "[1, [...]]");
}

Test(containers, list_methods)
{
    rt_value l = LIST(1, 2, 3, 2);
    rt_value two = I(2), nine = I(9);
    /* l.index(2), l.count(2), l.index(2, 2) */
    expect_repr(method(l, "index", 1, &two), "1");
    expect_repr(method(l, "count", 1, &two), "2");
    expect_repr(method(l, "index", 2, (rt_value[]){two, I(2)}), "3");
    /* l.index(9) -> ValueError: 9 is not in list */
    expect_error(method(l, "index", 1, &nine) == 0, &rt_value_error_type, "9 is not in list");
    /* (1, 2).index(9) -> ValueError: tuple.index(x): x not in tuple */
    expect_error(method(rt_tuple_pack(2, I(1), I(2)), "index", 1, &nine) == 0,
                 &rt_value_error_type, "tuple.index(x): x not in tuple");
    /* l.remove(9) -> ValueError: list.remove(x): x not in list */
    expect_error(method(l, "remove", 1, &nine) == 0, &rt_value_error_type,
                 "list.remove(x): x not in list");
    /* [].pop() -> IndexError: pop from empty list; [1].pop(5) -> pop index out of range */
    expect_error(method(rt_list_new(0), "pop", 0, NULL) == 0, &rt_index_error_type,
                 "pop from empty list");
    rt_value five = I(5);
    expect_error(method(LIST(1), "pop", 1, &five) == 0, &rt_index_error_type,
                 "pop index out of range");
    /* l = [1, 2, 3]; l.insert(-10, 0); l.insert(100, 9) -> [0, 1, 2, 3, 9] */
    l = LIST(1, 2, 3);
    method(l, "insert", 2, (rt_value[]){I(-10), I(0)});
    method(l, "insert", 2, (rt_value[]){I(100), I(9)});
    expect_repr(l, "[0, 1, 2, 3, 9]");
    /* l.pop(), l.pop(0), l.reverse() */
    expect_repr(method(l, "pop", 0, NULL), "9");
    expect_repr(method(l, "pop", 1, (rt_value[]){I(0)}), "0");
    method(l, "reverse", 0, NULL);
    expect_repr(l, "[3, 2, 1]");
    /* [].sort(1) -> TypeError: sort() takes no positional arguments */
    expect_error(method(l, "sort", 1, &two) == 0, &rt_type_error_type,
                 "sort() takes no positional arguments");
    /* [].sort(foo=1) -> TypeError: 'foo' is an invalid keyword argument for sort() */
    expect_error(rt_call_method(vm, l, rt_str_intern(vm, "sort"), 0, &two,
                                rt_tuple_pack(1, rt_str_intern(vm, "foo"))) == 0,
                 &rt_type_error_type, "'foo' is an invalid keyword argument for sort()");
}

/* ---- sorting ---- */

static rt_value first_item(rt_vm *vm_, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return rt_as_tuple(args[0])->items[0];
}

/* A key function that appends to the list being sorted. */
static rt_value appending_key(rt_vm *vm_, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    rt_list_append(vm_, self, args[0]);
    return args[0];
}

static rt_value pairs(void)
{
    /* [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')] */
    const int64_t k[] = {3, 1, 3, 2, 1, 3};
    const char *v[] = {"a", "b", "c", "d", "e", "f"};
    rt_value l = rt_list_new(0);
    for (int i = 0; i < 6; i++)
        rt_list_append(vm, l, rt_tuple_pack(2, I(k[i]), S(v[i])));
    return l;
}

Test(containers, sort_stability_key_reverse)
{
    rt_value key = rt_builtin_new("first", first_item, 0, NULL);
    /* sorted(xs, key=lambda t: t[0]) keeps equal keys in order */
    rt_value l = pairs();
    cr_assert_eq(rt_list_sort(vm, l, key, false), 0, "%s", pending_text());
    expect_repr(l, "[(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c'), (3, 'f')]");
    /* sorted(xs, key=lambda t: t[0], reverse=True) is stable too */
    l = pairs();
    cr_assert_eq(rt_list_sort(vm, l, key, true), 0, "%s", pending_text());
    expect_repr(l, "[(3, 'a'), (3, 'c'), (3, 'f'), (2, 'd'), (1, 'b'), (1, 'e')]");
    /* big = [(i * 7919) % 1000 for i in range(300)]; big.sort() (merges with galloping) */
    l = rt_list_new(0);
    for (int i = 0; i < 300; i++)
        rt_list_append(vm, l, I((i * 7919) % 1000));
    cr_assert_eq(rt_list_sort(vm, l, RT_NONE, false), 0);
    rt_list *sorted = rt_as_list(l);
    for (int64_t i = 1; i < sorted->size; i++)
        cr_assert(rt_small_int_value(sorted->items[i - 1]) <= rt_small_int_value(sorted->items[i]));
    /* sorted(big)[:10] */
    expect_repr(rt_getitem(vm, l, slice(RT_NONE, I(10), RT_NONE)),
                "[0, 3, 6, 9, 12, 15, 18, 21, 24, 28]");
}

Test(containers, sort_errors)
{
    /* [1, 'a'].sort() -> TypeError: '<' not supported between instances of 'str' and 'int' */
    rt_value l = LIST(1);
    rt_list_append(vm, l, S("a"));
    expect_error(rt_list_sort(vm, l, RT_NONE, false) < 0, &rt_type_error_type,
                 "'<' not supported between instances of 'str' and 'int'");
    /* ['a', 1].sort() -> ... between instances of 'int' and 'str' */
    l = rt_list_new(0);
    rt_list_append(vm, l, S("a"));
    rt_list_append(vm, l, I(1));
    expect_error(rt_list_sort(vm, l, RT_NONE, false) < 0, &rt_type_error_type,
                 "'<' not supported between instances of 'int' and 'str'");
    /* l = [3, 1, 2]; l.sort(key=lambda x: l.append(x) or x)
     * -> ValueError: list modified during sort; l == [1, 2, 3] */
    l = LIST(3, 1, 2);
    rt_value key = rt_builtin_new("k", appending_key, l, NULL);
    expect_error(rt_list_sort(vm, l, key, false) < 0, &rt_value_error_type,
                 "list modified during sort");
    expect_repr(l, "[1, 2, 3]");
}

/* ---- slicing ---- */

Test(containers, slicing)
{
    rt_value l = LIST(1, 2, 3, 4, 5);
    rt_value N = RT_NONE;
    /* l[1:4], l[::-1], l[::2], l[-2:], l[10:], l[-10:2], l[4:1:-1] */
    expect_repr(rt_getitem(vm, l, slice(I(1), I(4), N)), "[2, 3, 4]");
    expect_repr(rt_getitem(vm, l, slice(N, N, I(-1))), "[5, 4, 3, 2, 1]");
    expect_repr(rt_getitem(vm, l, slice(N, N, I(2))), "[1, 3, 5]");
    expect_repr(rt_getitem(vm, l, slice(I(-2), N, N)), "[4, 5]");
    expect_repr(rt_getitem(vm, l, slice(I(10), N, N)), "[]");
    expect_repr(rt_getitem(vm, l, slice(I(-10), I(2), N)), "[1, 2]");
    expect_repr(rt_getitem(vm, l, slice(I(4), I(1), I(-1))), "[5, 4, 3]");
    /* (1, 2, 3, 4, 5)[1:4], [::-2] */
    rt_value t = rt_list_to_tuple(vm, l);
    expect_repr(rt_getitem(vm, t, slice(I(1), I(4), N)), "(2, 3, 4)");
    expect_repr(rt_getitem(vm, t, slice(N, N, I(-2))), "(5, 3, 1)");
    /* l[1:2:0] -> ValueError: slice step cannot be zero */
    expect_error(rt_getitem(vm, l, slice(I(1), I(2), I(0))) == 0, &rt_value_error_type,
                 "slice step cannot be zero");
    /* l['a':] -> TypeError: slice indices must be integers or None or have an __index__ method */
    expect_error(rt_getitem(vm, l, slice(S("a"), N, N)) == 0, &rt_type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
    /* l[5], l['a'], (1, 2)[5] */
    expect_error(rt_getitem(vm, l, I(5)) == 0, &rt_index_error_type, "list index out of range");
    expect_error(rt_getitem(vm, l, S("a")) == 0, &rt_type_error_type,
                 "list indices must be integers or slices, not str");
    expect_error(rt_getitem(vm, t, I(5)) == 0, &rt_index_error_type, "tuple index out of range");
    /* (1, 2)[10**30] -> IndexError: cannot fit 'int' into an index-sized integer */
    expect_error(rt_getitem(vm, t, rt_binary_op(vm, RT_POW, I(10), I(30))) == 0,
                 &rt_index_error_type, "cannot fit 'int' into an index-sized integer");
    /* repr(slice(1)), repr(slice(1, 2, 3)) */
    expect_repr(slice(N, I(1), N), "slice(None, 1, None)");
    expect_repr(slice(I(1), I(2), I(3)), "slice(1, 2, 3)");
}

Test(containers, slice_assignment)
{
    rt_value N = RT_NONE;
    /* l = list(range(10)); l[2:5] = ['a'] */
    rt_value l = LIST(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    cr_assert_eq(rt_setitem(vm, l, slice(I(2), I(5), N), rt_list_from_array(vm, 1, (rt_value[]){S("a")})), 0);
    expect_repr(l, "[0, 1, 'a', 5, 6, 7, 8, 9]");
    /* l = list(range(10)); l[::3] = ['a', 'b', 'c', 'd'] */
    l = LIST(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    rt_value abcd = rt_list_from_array(vm, 4, (rt_value[]){S("a"), S("b"), S("c"), S("d")});
    cr_assert_eq(rt_setitem(vm, l, slice(N, N, I(3)), abcd), 0);
    expect_repr(l, "['a', 1, 2, 'b', 4, 5, 'c', 7, 8, 'd']");
    /* l[::3] = [1] -> ValueError: attempt to assign sequence of size 1 to extended slice of size 4 */
    expect_error(rt_setitem(vm, l, slice(N, N, I(3)), LIST(1)) < 0, &rt_value_error_type,
                 "attempt to assign sequence of size 1 to extended slice of size 4");
    /* l[::2] = 1 -> TypeError: must assign iterable to extended slice */
    expect_error(rt_setitem(vm, l, slice(N, N, I(2)), I(1)) < 0, &rt_type_error_type,
                 "must assign iterable to extended slice");
    /* l[0:1] = 1 -> TypeError: can only assign an iterable */
    expect_error(rt_setitem(vm, l, slice(I(0), I(1), N), I(1)) < 0, &rt_type_error_type,
                 "can only assign an iterable");
    /* l = list(range(10)); del l[::2] */
    l = LIST(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    cr_assert_eq(rt_delitem(vm, l, slice(N, N, I(2))), 0);
    expect_repr(l, "[1, 3, 5, 7, 9]");
    /* l = list(range(10)); del l[7:1:-2] */
    l = LIST(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    cr_assert_eq(rt_delitem(vm, l, slice(I(7), I(1), I(-2))), 0);
    expect_repr(l, "[0, 1, 2, 4, 6, 8, 9]");
    /* l = [0, 1, 2, 3]; l[1:1] = [9, 9]; l[:] = l; l[3:0] = ['x'] */
    l = LIST(0, 1, 2, 3);
    rt_setitem(vm, l, slice(I(1), I(1), N), LIST(9, 9));
    expect_repr(l, "[0, 9, 9, 1, 2, 3]");
    l = LIST(0, 1, 2, 3);
    rt_setitem(vm, l, slice(N, N, N), l);
    expect_repr(l, "[0, 1, 2, 3]");
    rt_setitem(vm, l, slice(I(3), I(0), N), rt_list_from_array(vm, 1, (rt_value[]){S("x")}));
    expect_repr(l, "[0, 1, 2, 'x', 3]");
    /* l[5] = 1 / del l[5] -> IndexError: list assignment index out of range */
    expect_error(rt_setitem(vm, l, I(50), I(1)) < 0, &rt_index_error_type,
                 "list assignment index out of range");
    expect_error(rt_delitem(vm, l, I(50)) < 0, &rt_index_error_type,
                 "list assignment index out of range");
    /* (1,)[0] = 1 / del (1,)[0] */
    rt_value t = rt_tuple_pack(1, I(1));
    expect_error(rt_setitem(vm, t, I(0), I(1)) < 0, &rt_type_error_type,
                 "'tuple' object does not support item assignment");
    expect_error(rt_delitem(vm, t, I(0)) < 0, &rt_type_error_type,
                 "'tuple' object doesn't support item deletion");
}

/* ---- unpacking ---- */

Test(containers, unpacking)
{
    rt_value out[4];
    /* a, b = 1 -> TypeError: cannot unpack non-iterable int object */
    expect_error(rt_unpack_sequence(vm, I(1), 2, -1, out) < 0, &rt_type_error_type,
                 "cannot unpack non-iterable int object");
    /* a, b = [1] */
    expect_error(rt_unpack_sequence(vm, LIST(1), 2, -1, out) < 0, &rt_value_error_type,
                 "not enough values to unpack (expected 2, got 1)");
    /* a, b = [1, 2, 3] */
    expect_error(rt_unpack_sequence(vm, LIST(1, 2, 3), 2, -1, out) < 0, &rt_value_error_type,
                 "too many values to unpack (expected 2)");
    /* a, *b, c = [1] */
    expect_error(rt_unpack_sequence(vm, LIST(1), 3, 1, out) < 0, &rt_value_error_type,
                 "not enough values to unpack (expected at least 2, got 1)");
    /* a, b, c = iter([1, 2]) (an iterator, not a sequence) */
    expect_error(rt_unpack_sequence(vm, rt_get_iter(vm, LIST(1, 2)), 3, -1, out) < 0,
                 &rt_value_error_type, "not enough values to unpack (expected 3, got 2)");
    /* a, b = iter([1, 2, 3]) */
    expect_error(rt_unpack_sequence(vm, rt_get_iter(vm, LIST(1, 2, 3)), 2, -1, out) < 0,
                 &rt_value_error_type, "too many values to unpack (expected 2)");
    /* a, *b, c = range(5) -> 0, [1, 2, 3], 4 */
    cr_assert_eq(rt_unpack_sequence(vm, rt_range_new(vm, 0, 5, 1), 3, 1, out), 0);
    expect_repr(rt_tuple_from_array(vm, 3, out), "(0, [1, 2, 3], 4)");
    /* *a, b = 'xy' */
    cr_assert_eq(rt_unpack_sequence(vm, S("xy"), 2, 0, out), 0);
    expect_repr(rt_tuple_from_array(vm, 2, out), "(['x'], 'y')");
    /* a, b, *c = (1, 2) */
    cr_assert_eq(rt_unpack_sequence(vm, rt_tuple_pack(2, I(1), I(2)), 3, 2, out), 0);
    expect_repr(rt_tuple_from_array(vm, 3, out), "(1, 2, [])");
}

/* ---- range ---- */

Test(containers, range)
{
    rt_value r = rt_range_new(vm, 0, 10, 3);
    rt_value N = RT_NONE;
    /* range(0, 10, 3)[1:], [::-1], range(10)[-3], len(range(-5, 5, 3)) */
    expect_repr(rt_getitem(vm, r, slice(I(1), N, N)), "range(3, 12, 3)");
    expect_repr(rt_getitem(vm, r, slice(N, N, I(-1))), "range(9, -3, -3)");
    expect_repr(rt_getitem(vm, rt_range_new(vm, 0, 10, 1), I(-3)), "7");
    cr_expect_eq(rt_length(vm, rt_range_new(vm, -5, 5, 3)), 4);
    /* list(range(5, -5, -3)), list(reversed(range(1, 10, 4))) */
    expect_repr(rt_list_from_iterable(vm, rt_range_new(vm, 5, -5, -3)), "[5, 2, -1, -4]");
    rt_value rev = rt_call1(vm, rt_type_value(&rt_reversed_type), rt_range_new(vm, 1, 10, 4));
    expect_repr(rt_list_from_iterable(vm, rev), "[9, 5, 1]");
    /* repr(range(0, 5)), repr(range(1, 9, 2)); 3 in range(0, 10, 3); 4 in ... */
    expect_repr(rt_range_new(vm, 0, 5, 1), "range(0, 5)");
    expect_repr(rt_range_new(vm, 1, 9, 2), "range(1, 9, 2)");
    cr_expect_eq(rt_contains(vm, r, I(3)), 1);
    cr_expect_eq(rt_contains(vm, r, I(4)), 0);
    /* range(0) == range(1, 1); range(3) < range(4) -> TypeError */
    cr_expect_eq(rt_compare(vm, RT_EQ, rt_range_new(vm, 0, 0, 1), rt_range_new(vm, 1, 1, 1)), RT_TRUE);
    expect_error(rt_compare(vm, RT_LT, rt_range_new(vm, 0, 3, 1), rt_range_new(vm, 0, 4, 1)) == 0,
                 &rt_type_error_type, "'<' not supported between instances of 'range' and 'range'");
    /* range(5)[10], range(5)['a'] */
    rt_value r5 = rt_range_new(vm, 0, 5, 1);
    expect_error(rt_getitem(vm, r5, I(10)) == 0, &rt_index_error_type,
                 "range object index out of range");
    expect_error(rt_getitem(vm, r5, S("a")) == 0, &rt_type_error_type,
                 "range indices must be integers or slices, not str");
    /* range(1, 2, 0) -> ValueError: range() arg 3 must not be zero */
    rt_value range_type = rt_type_value(&rt_range_type);
    rt_value args[3] = {I(1), I(2), I(0)};
    expect_error(rt_call(vm, range_type, 3, args, 0) == 0, &rt_value_error_type,
                 "range() arg 3 must not be zero");
    /* range() -> TypeError: range expected at least 1 argument, got 0 */
    expect_error(rt_call(vm, range_type, 0, args, 0) == 0, &rt_type_error_type,
                 "range expected at least 1 argument, got 0");
    /* range(1.0) -> TypeError: 'float' object cannot be interpreted as an integer */
    expect_error(rt_call1(vm, range_type, rt_binary_op(vm, RT_TRUEDIV, I(1), I(1))) == 0,
                 &rt_type_error_type, "'float' object cannot be interpreted as an integer");
    /* range(5).index(7) -> ValueError: 7 is not in range */
    rt_value seven = I(7);
    expect_error(method(r5, "index", 1, &seven) == 0, &rt_value_error_type, "7 is not in range");
    /* iterating a range of small ints gives unboxed ints */
    rt_value it = rt_get_iter(vm, r5);
    rt_value first = rt_iter_next(vm, it);
    cr_expect(rt_is_small_int(first));
}

/* ---- generic operations' messages ---- */

Test(containers, generic_operation_errors)
{
    /* 1 + 'a' */
    expect_error(rt_binary_op(vm, RT_ADD, I(1), S("a")) == 0, &rt_type_error_type,
                 "unsupported operand type(s) for +: 'int' and 'str'");
    /* x = 1; x += 'a' */
    expect_error(rt_binary_op(vm, RT_INPLACE + RT_ADD, I(1), S("a")) == 0, &rt_type_error_type,
                 "unsupported operand type(s) for +=: 'int' and 'str'");
    /* 1 ** 'a' */
    expect_error(rt_binary_op(vm, RT_POW, I(1), S("a")) == 0, &rt_type_error_type,
                 "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    /* -'a', ~[1] */
    expect_error(rt_unary_op(vm, RT_NEG, S("a")) == 0, &rt_type_error_type,
                 "bad operand type for unary -: 'str'");
    expect_error(rt_unary_op(vm, RT_INVERT, LIST(1)) == 0, &rt_type_error_type,
                 "bad operand type for unary ~: 'list'");
    /* 1 < 'a'; [] < () */
    expect_error(rt_compare(vm, RT_LT, I(1), S("a")) == 0, &rt_type_error_type,
                 "'<' not supported between instances of 'int' and 'str'");
    expect_error(rt_compare(vm, RT_LT, rt_list_new(0), rt_tuple_new(0)) == 0, &rt_type_error_type,
                 "'<' not supported between instances of 'list' and 'tuple'");
    /* 1 == 'a' falls back to identity */
    cr_expect_eq(rt_compare(vm, RT_EQ, I(1), S("a")), RT_FALSE);
    cr_expect_eq(rt_compare(vm, RT_NE, I(1), S("a")), RT_TRUE);
    /* len(1), 1 in 1, iter(1), 1[0] */
    expect_error(rt_length(vm, I(1)) < 0, &rt_type_error_type, "object of type 'int' has no len()");
    expect_error(rt_contains(vm, I(1), I(1)) < 0, &rt_type_error_type,
                 "argument of type 'int' is not iterable");
    expect_error(rt_get_iter(vm, I(1)) == 0, &rt_type_error_type, "'int' object is not iterable");
    expect_error(rt_getitem(vm, I(1), I(0)) == 0, &rt_type_error_type,
                 "'int' object is not subscriptable");
    /* x = 1; x[0] = 1 / del x[0] */
    expect_error(rt_setitem(vm, I(1), I(0), I(1)) < 0, &rt_type_error_type,
                 "'int' object does not support item assignment");
    expect_error(rt_delitem(vm, I(1), I(0)) < 0, &rt_type_error_type,
                 "'int' object does not support item deletion");
    /* (1).foo; x = []; x.append = 2; x.foo = 2 */
    rt_value foo = rt_str_intern(vm, "foo");
    expect_error(rt_getattr(vm, I(1), foo) == 0, &rt_attribute_error_type,
                 "'int' object has no attribute 'foo'");
    expect_error(rt_setattr(vm, rt_list_new(0), rt_str_intern(vm, "append"), I(2)) < 0,
                 &rt_attribute_error_type, "'list' object attribute 'append' is read-only");
    expect_error(rt_setattr(vm, rt_list_new(0), foo, I(2)) < 0, &rt_attribute_error_type,
                 "'list' object has no attribute 'foo'");
    cr_expect_eq(rt_getattr_optional(vm, I(1), foo), 0);
    cr_expect_eq(vm->pending, 0);
    /* [].__class__ is list; list.__name__ */
    cr_expect_eq(rt_getattr(vm, rt_list_new(0), rt_str_intern(vm, "__class__")),
                 rt_type_value(&rt_list_type));
    expect_repr(rt_getattr(vm, rt_type_value(&rt_list_type), rt_str_intern(vm, "__name__")),
                "'list'");
    /* next(1) -> TypeError: 'int' object is not an iterator */
    expect_error(rt_iter_next(vm, I(1)) == 0, &rt_type_error_type, "'int' object is not an iterator");
}

/* ---- iterator builtins ---- */

Test(containers, builtin_iterators)
{
    /* list(enumerate([5, 6], start=10)) */
    rt_value args[2] = {LIST(5, 6), I(10)};
    rt_value e = rt_call(vm, rt_type_value(&rt_enumerate_type), 1, args,
                         rt_tuple_pack(1, rt_str_intern(vm, "start")));
    expect_repr(rt_list_from_iterable(vm, e), "[(10, 5), (11, 6)]");
    /* list(zip([1, 2], 'ab')) */
    rt_value z = rt_call2(vm, rt_type_value(&rt_zip_type), LIST(1, 2), S("ab"));
    expect_repr(rt_list_from_iterable(vm, z), "[(1, 'a'), (2, 'b')]");
    /* list(zip([1, 2], [1], strict=True)) -> ValueError: zip() argument 2 is shorter than argument 1 */
    rt_value zargs[3] = {LIST(1, 2), LIST(1), RT_TRUE};
    rt_value zs = rt_call(vm, rt_type_value(&rt_zip_type), 2, zargs,
                          rt_tuple_pack(1, rt_str_intern(vm, "strict")));
    cr_assert(zs != 0, "%s", pending_text());
    expect_error(rt_list_from_iterable(vm, zs) == 0, &rt_value_error_type,
                 "zip() argument 2 is shorter than argument 1");
    /* list(filter(None, [0, 1, '', 'x'])) */
    rt_value items = rt_list_from_array(vm, 4, (rt_value[]){I(0), I(1), S(""), S("x")});
    rt_value f = rt_call2(vm, rt_type_value(&rt_filter_type), RT_NONE, items);
    expect_repr(rt_list_from_iterable(vm, f), "[1, 'x']");
    /* map(1) -> TypeError: map() must have at least two arguments. */
    expect_error(rt_call1(vm, rt_type_value(&rt_map_type), I(1)) == 0, &rt_type_error_type,
                 "map() must have at least two arguments.");
    /* reversed({1}) -> TypeError: 'set' object is not reversible */
    expect_error(rt_call1(vm, rt_type_value(&rt_reversed_type), set_script("+1")) == 0,
                 &rt_type_error_type, "'set' object is not reversible");
    /* list(reversed((1, 2, 3))), list(reversed('ab')) */
    rt_value rv = rt_call1(vm, rt_type_value(&rt_reversed_type), rt_tuple_pack(3, I(1), I(2), I(3)));
    expect_repr(rt_list_from_iterable(vm, rv), "[3, 2, 1]");
    rv = rt_call1(vm, rt_type_value(&rt_reversed_type), S("ab"));
    expect_repr(rt_list_from_iterable(vm, rv), "['b', 'a']");
}

Test(containers, min_max_sum_sorted)
{
    rt_value l = LIST(3, 1, 2);
    /* max([3, 1, 2]), min([3, 1, 2]), sum([3, 1, 2]), sum([3, 1, 2], 10) */
    expect_repr(rt_builtin_max(vm, 0, 1, &l, 0), "3");
    expect_repr(rt_builtin_min(vm, 0, 1, &l, 0), "1");
    expect_repr(rt_builtin_sum(vm, 0, 1, &l, 0), "6");
    expect_repr(rt_builtin_sum(vm, 0, 2, (rt_value[]){l, I(10)}, 0), "16");
    /* max([]) -> ValueError: max() arg is an empty sequence */
    rt_value empty = rt_list_new(0);
    expect_error(rt_builtin_max(vm, 0, 1, &empty, 0) == 0, &rt_value_error_type,
                 "max() arg is an empty sequence");
    /* max([], default=5) */
    rt_value dargs[2] = {empty, I(5)};
    expect_repr(rt_builtin_max(vm, 0, 1, dargs, rt_tuple_pack(1, rt_str_intern(vm, "default"))), "5");
    /* sum([], '') -> TypeError: sum() can't sum strings [use ''.join(seq) instead] */
    expect_error(rt_builtin_sum(vm, 0, 2, (rt_value[]){empty, S("")}, 0) == 0, &rt_type_error_type,
                 "sum() can't sum strings [use ''.join(seq) instead]");
    /* sorted([3, 1, 2], reverse=True) */
    rt_value sargs[2] = {l, RT_TRUE};
    expect_repr(rt_builtin_sorted(vm, 0, 1, sargs, rt_tuple_pack(1, rt_str_intern(vm, "reverse"))),
                "[3, 2, 1]");
    expect_repr(l, "[3, 1, 2]");
    /* any([0, '']), all([]) */
    rt_value falsy = rt_list_from_array(vm, 2, (rt_value[]){I(0), S("")});
    expect_repr(rt_builtin_any(vm, 0, 1, &falsy, 0), "False");
    expect_repr(rt_builtin_all(vm, 0, 1, &empty, 0), "True");
    /* next(iter([]), 5) */
    rt_value nargs[2] = {rt_get_iter(vm, empty), I(5)};
    expect_repr(rt_builtin_next(vm, 0, 2, nargs, 0), "5");
}

/* ---- dunder methods backed by slots ---- */

Test(containers, slot_methods)
{
    rt_value l = LIST(1, 2, 3);
    /* [1, 2, 3].__len__(), {1: 2}.__getitem__(1), [1].__contains__(1) */
    expect_repr(method(l, "__len__", 0, NULL), "3");
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, I(1), I(2));
    rt_value one = I(1);
    expect_repr(method(d, "__getitem__", 1, &one), "2");
    expect_repr(method(l, "__contains__", 1, &one), "True");
    /* (1).__eq__('a') is NotImplemented; (1).__lt__(2) */
    rt_value a = S("a"), two = I(2);
    cr_expect_eq(method(one, "__eq__", 1, &a), RT_NOT_IMPLEMENTED);
    expect_repr(method(one, "__lt__", 1, &two), "True");
    /* [].__hash__ is None */
    cr_expect_eq(rt_getattr(vm, l, rt_str_intern(vm, "__hash__")), RT_NONE);
    /* (5).__add__(3), (5).__rsub__(3), [1].__add__([2]), (5).__neg__(), (5).__add__('a') */
    rt_value five = I(5), three = I(3), l2 = LIST(2);
    expect_repr(method(five, "__add__", 1, &three), "8");
    expect_repr(method(five, "__rsub__", 1, &three), "-2");
    expect_repr(method(LIST(1), "__add__", 1, &l2), "[1, 2]");
    expect_repr(method(five, "__neg__", 0, NULL), "-5");
    cr_expect_eq(method(five, "__add__", 1, &a), RT_NOT_IMPLEMENTED);
    /* (1).__len__ -> AttributeError: 'int' object has no attribute '__len__' */
    expect_error(rt_getattr(vm, one, rt_str_intern(vm, "__len__")) == 0, &rt_attribute_error_type,
                 "'int' object has no attribute '__len__'");
}

/* The dunders each type has are CPython's, type by type, and most are method-wrappers. */
Test(containers, slot_methods_per_type)
{
    rt_value l = LIST(1), f = rt_float_new(1.5), five = I(5);
    /* [].__sub__, (1.5).__and__, (5).__matmul__, [].__bool__: AttributeError */
    expect_error(rt_getattr(vm, l, rt_str_intern(vm, "__sub__")) == 0, &rt_attribute_error_type,
                 "'list' object has no attribute '__sub__'");
    expect_error(rt_getattr(vm, f, rt_str_intern(vm, "__and__")) == 0, &rt_attribute_error_type,
                 "'float' object has no attribute '__and__'");
    expect_error(rt_getattr(vm, five, rt_str_intern(vm, "__matmul__")) == 0,
                 &rt_attribute_error_type, "'int' object has no attribute '__matmul__'");
    expect_error(rt_getattr(vm, l, rt_str_intern(vm, "__bool__")) == 0, &rt_attribute_error_type,
                 "'list' object has no attribute '__bool__'");
    /* None.__bool__(), True.__and__(False) (bool inherits int's) */
    expect_repr(method(RT_NONE, "__bool__", 0, NULL), "False");
    rt_value no = RT_FALSE;
    expect_repr(method(RT_TRUE, "__and__", 1, &no), "False");
    /* type([].__len__).__name__, type([].__getitem__).__name__, repr((5).__add__) */
    rt_value len = rt_getattr(vm, l, rt_str_intern(vm, "__len__"));
    cr_expect_str_eq(rt_type_of(len)->name, "method-wrapper");
    rt_value item = rt_getattr(vm, l, rt_str_intern(vm, "__getitem__"));
    cr_expect_str_eq(rt_type_of(item)->name, "builtin_function_or_method");
    rt_value add = rt_getattr(vm, five, rt_str_intern(vm, "__add__"));
    cr_expect(strncmp(rt_str_data(rt_repr(vm, add)), "<method-wrapper '__add__' of int object at 0x",
                      45) == 0);
    /* (5).__add__.__qualname__, (5).__add__ == (5).__add__ */
    expect_repr(rt_getattr(vm, add, rt_str_intern(vm, "__qualname__")), "'int.__add__'");
    cr_expect_eq(rt_compare(vm, RT_EQ, add, rt_getattr(vm, five, rt_str_intern(vm, "__add__"))),
                 RT_TRUE);
    /* (5).__sizeof__(), (2**100).__sizeof__(), 'abc'.__sizeof__(), [].__sizeof__() */
    expect_repr(method(five, "__sizeof__", 0, NULL), "28");
    rt_value big = rt_int_from_string(vm, "1267650600228229401496703205376", 10);
    expect_repr(method(big, "__sizeof__", 0, NULL), "40");
    expect_repr(method(S("abc"), "__sizeof__", 0, NULL), "52");
    expect_repr(method(rt_list_new(0), "__sizeof__", 0, NULL), "40");
    /* (-5).__abs__(), (7).__divmod__(2), (7).__divmod__(2.0), (2.5).__floor__(), True.real */
    rt_value minus = I(-5), two = I(2), two_f = rt_float_new(2.0);
    expect_repr(method(minus, "__abs__", 0, NULL), "5");
    expect_repr(method(I(7), "__divmod__", 1, &two), "(3, 1)");
    cr_expect_eq(method(I(7), "__divmod__", 1, &two_f), RT_NOT_IMPLEMENTED);
    expect_repr(method(rt_float_new(2.5), "__floor__", 0, NULL), "2");
    expect_repr(rt_getattr(vm, RT_TRUE, rt_str_intern(vm, "real")), "1");
    /* (5).__add__(1.5) is NotImplemented; 'a'.__mul__('b') wants an index */
    rt_value half = rt_float_new(1.5), b = S("b");
    cr_expect_eq(method(five, "__add__", 1, &half), RT_NOT_IMPLEMENTED);
    expect_error(method(S("a"), "__mul__", 1, &b) == 0, &rt_type_error_type,
                 "'str' object cannot be interpreted as an integer");
    /* int.__add__, int.__add__(5, 3), int.__add__('a', 1), bool.__and__, list.__hash__ */
    rt_value add_d = rt_getattr(vm, rt_type_value(&rt_int_type), rt_str_intern(vm, "__add__"));
    expect_repr(add_d, "<slot wrapper '__add__' of 'int' objects>");
    expect_repr(rt_call(vm, add_d, 2, (rt_value[]){five, I(3)}, 0), "8");
    expect_error(rt_call(vm, add_d, 2, (rt_value[]){S("a"), I(1)}, 0) == 0, &rt_type_error_type,
                 "descriptor '__add__' requires a 'int' object but received a 'str'");
    expect_repr(rt_getattr(vm, rt_type_value(&rt_bool_type), rt_str_intern(vm, "__and__")),
                "<slot wrapper '__and__' of 'bool' objects>");
    cr_expect_eq(rt_getattr(vm, rt_type_value(&rt_list_type), rt_str_intern(vm, "__hash__")),
                 RT_NONE);
}

/* PEP 585: subscripting a builtin container type. */
Test(containers, generic_alias)
{
    rt_value list_int = rt_getitem(vm, rt_type_value(&rt_list_type), rt_type_value(&rt_int_type));
    rt_value key = rt_tuple_pack(2, rt_type_value(&rt_str_type), list_int);
    rt_value d = rt_getitem(vm, rt_type_value(&rt_dict_type), key);
    /* dict[str, list[int]], its __args__, tuple[int, ...], list[int]((1, 2)) */
    expect_repr(d, "dict[str, list[int]]");
    expect_repr(rt_getattr(vm, d, rt_str_intern(vm, "__args__")), "(<class 'str'>, list[int])");
    rt_value ellipsis = rt_tuple_pack(2, rt_type_value(&rt_int_type), RT_ELLIPSIS);
    expect_repr(rt_getitem(vm, rt_type_value(&rt_tuple_type), ellipsis), "tuple[int, ...]");
    rt_value items = rt_tuple_pack(2, I(1), I(2));
    expect_repr(rt_call(vm, list_int, 1, &items, 0), "[1, 2]");
    /* int[str] */
    expect_error(rt_getitem(vm, rt_type_value(&rt_int_type), rt_type_value(&rt_str_type)) == 0,
                 &rt_type_error_type, "type 'int' is not subscriptable");
    /* int | None, int | int, list[int] | None | str, (int | str) == (str | int) */
    rt_value i_t = rt_type_value(&rt_int_type), s_t = rt_type_value(&rt_str_type);
    expect_repr(rt_binary_op(vm, RT_OR, i_t, RT_NONE), "int | None");
    cr_expect_eq(rt_binary_op(vm, RT_OR, i_t, i_t), i_t);
    rt_value u = rt_binary_op(vm, RT_OR, rt_binary_op(vm, RT_OR, list_int, RT_NONE), s_t);
    expect_repr(u, "list[int] | None | str");
    cr_expect_eq(rt_compare(vm, RT_EQ, rt_binary_op(vm, RT_OR, i_t, s_t),
                            rt_binary_op(vm, RT_OR, s_t, i_t)),
                 RT_TRUE);
}
