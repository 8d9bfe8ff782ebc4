/* Unit tests for tuple, list (growth, slices, methods), sort, range, unpacking, the builtin
 * iterators and the builtins over iterables, at the C level. Every expectation was computed
 * by /usr/bin/python3.11 (str hashes with PYTHONHASHSEED=0); the comment above a check gives
 * the Python that produced it. */
#include <criterion/criterion.h>
#include <stdarg.h>
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
#include "struct_seq.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(sequences, .init = setup);

static const char *pending_text(void)
{
    if (!vm->pending)
        return "(no exception)";
    rt_value args = ((rt_exception *)rt_as_object(vm->pending))->args;
    if (rt_as_tuple(args)->size == 0)
        return "";
    rt_value s = rt_str(vm, rt_as_tuple(args)->items[0]);
    return s ? rt_str_data(s) : "(str failed)";
}

static const char *repr(rt_value v)
{
    cr_assert(v != 0, "unexpected error: %s: %s",
              vm->pending ? rt_as_object(vm->pending)->type->name : "?", pending_text());
    rt_value r = rt_repr(vm, v);
    cr_assert(r != 0, "repr failed: %s", pending_text());
    return rt_str_data(r);
}

static void expect_repr(rt_value v, const char *want) { cr_expect_str_eq(repr(v), want); }

static void expect_error(rt_value r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, 0, "expected %s but got %s", type->name, rt_str_data(rt_repr(vm, r)));
    cr_assert(vm->pending != 0);
    cr_expect_eq(rt_as_object(vm->pending)->type, type, "raised %s, expected %s",
                 rt_as_object(vm->pending)->type->name, type->name);
    cr_expect_str_eq(pending_text(), message);
    vm->pending = 0;
}

static void expect_error_int(int r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, -1);
    expect_error(0, type, message);
}

static rt_value i(int64_t v) { return rt_int_from_int64(v); }
static rt_value s(const char *text) { return rt_str_from_cstr(text); }
static rt_value name(const char *text) { return rt_str_intern(vm, text); }

/* A list / a tuple of n small ints. */
static rt_value L(int n, ...)
{
    rt_value l = rt_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++)
        rt_list_append(vm, l, i(va_arg(ap, int)));
    va_end(ap);
    return l;
}

static rt_value T(int n, ...)
{
    rt_value l = rt_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++)
        rt_list_append(vm, l, i(va_arg(ap, int)));
    va_end(ap);
    return rt_list_to_tuple(vm, l);
}

static rt_value range3(int64_t a, int64_t b, int64_t c)
{
    rt_value r = rt_range_new(vm, a, b, c);
    cr_assert(r != 0);
    return r;
}

static rt_value slice(rt_value a, rt_value b, rt_value c) { return rt_slice_new(vm, a, b, c); }

/* Calls `callee` with positional args, then keyword args named by the comma-separated kw. */
static rt_value call_kw(rt_value callee, size_t nargs, const rt_value *args, const char *kw,
                        size_t nkw, const rt_value *kwvalues)
{
    rt_value all[16];
    memcpy(all, args, nargs * sizeof(rt_value));
    memcpy(all + nargs, kwvalues, nkw * sizeof(rt_value));
    rt_value kwnames = 0;
    if (nkw > 0) {
        kwnames = rt_tuple_new((int64_t)nkw);
        char buf[128];
        strcpy(buf, kw);
        char *save = NULL;
        size_t k = 0;
        for (char *p = strtok_r(buf, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save))
            rt_as_tuple(kwnames)->items[k++] = name(p);
    }
    return rt_call(vm, callee, nargs, all, kwnames);
}

static rt_value call(rt_value callee, size_t nargs, const rt_value *args)
{
    return rt_call(vm, callee, nargs, args, 0);
}

static rt_value type_call(const rt_type *t, size_t nargs, const rt_value *args)
{
    return call(rt_type_value(t), nargs, args);
}

static rt_value method(rt_value obj, const char *m, size_t nargs, const rt_value *args)
{
    return rt_call_method(vm, obj, name(m), nargs, args, 0);
}

/* The builtins over iterables, wrapped directly (their registration is the builtins' test). */
static rt_value builtin(const char *fn)
{
    static const struct {
        const char *name;
        rt_cfunc fn;
    } table[] = {{"sorted", rt_builtin_sorted}, {"min", rt_builtin_min}, {"max", rt_builtin_max},
                 {"sum", rt_builtin_sum},       {"any", rt_builtin_any}, {"all", rt_builtin_all},
                 {"iter", rt_builtin_iter},     {"next", rt_builtin_next}};
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (strcmp(table[k].name, fn) == 0)
            return rt_builtin_new(table[k].name, table[k].fn, 0, NULL);
    cr_assert_fail("no builtin %s", fn);
    return 0;
}

static rt_value fn(rt_cfunc f) { return rt_builtin_new("f", f, 0, NULL); }

static rt_value list_of(rt_value iterable)
{
    rt_value l = rt_list_from_iterable(vm, iterable);
    cr_assert(l != 0, "list() failed: %s", pending_text());
    return l;
}

/* ---- tuple ---- */

Test(sequences, tuple_repr)
{
    expect_repr(T(0), "()");
    expect_repr(T(1, 1), "(1,)");
    expect_repr(rt_tuple_pack(3, i(1), T(2, 2, 3), s("a")), "(1, (2, 3), 'a')");
}

Test(sequences, tuple_hash_matches_cpython)
{
    int64_t h;
    cr_assert(rt_hash(vm, T(2, 1, 2), &h));
    cr_expect_eq(h, -3550055125485641917); /* hash((1,2)) */
    cr_assert(rt_hash(vm, T(0), &h));
    cr_expect_eq(h, 5740354900026072187); /* hash(()) */
    cr_assert(rt_hash(vm, T(1, -1), &h));
    cr_expect_eq(h, 8078679518589016365); /* hash((-1,)) */
    cr_assert(rt_hash(vm, rt_tuple_pack(1, T(0)), &h));
    cr_expect_eq(h, -5486347211504344842); /* hash(((),)) */
    /* PYTHONHASHSEED=0: hash((1,(2,3),'a')), hash((1,2,3,'abc')) */
    cr_assert(rt_hash(vm, rt_tuple_pack(3, i(1), T(2, 2, 3), s("a")), &h));
    cr_expect_eq(h, -5450618956905408118);
    cr_assert(rt_hash(vm, rt_tuple_pack(4, i(1), i(2), i(3), s("abc")), &h));
    cr_expect_eq(h, -3854580240254360190);
    /* hash((1.5,True,False)); None hashes by address in CPython 3.11, so it is left out */
    cr_assert(rt_hash(vm, rt_tuple_pack(3, rt_float_new(1.5), RT_TRUE, RT_FALSE), &h));
    cr_expect_eq(h, -2426623596252682432);
    /* hash(([],)) */
    cr_expect(!rt_hash(vm, rt_tuple_pack(1, L(0)), &h));
    expect_error(0, &rt_type_error_type, "unhashable type: 'list'");
}

Test(sequences, tuple_compare)
{
    /* (1,2)<(1,2,3), (2,)>(1,5), (1,2)==(1,2), (1,2)==(1,'a') */
    cr_expect_eq(rt_compare(vm, RT_LT, T(2, 1, 2), T(3, 1, 2, 3)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_GT, T(1, 2), T(2, 1, 5)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, T(2, 1, 2), T(2, 1, 2)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, T(2, 1, 2), rt_tuple_pack(2, i(1), s("a"))), RT_FALSE);
    /* (1,2)<(1,'a') ; (1,)<[1] */
    expect_error(rt_compare(vm, RT_LT, T(2, 1, 2), rt_tuple_pack(2, i(1), s("a"))),
                 &rt_type_error_type, "'<' not supported between instances of 'int' and 'str'");
    expect_error(rt_compare(vm, RT_LT, T(1, 1), L(1, 1)), &rt_type_error_type,
                 "'<' not supported between instances of 'tuple' and 'list'");
    /* nan = float('nan'); (nan,) == (nan,) -> True (identity first) */
    rt_value nan = rt_float_new(__builtin_nan(""));
    cr_expect_eq(rt_compare(vm, RT_EQ, rt_tuple_pack(1, nan), rt_tuple_pack(1, nan)), RT_TRUE);
}

Test(sequences, tuple_arithmetic)
{
    expect_repr(rt_binary_op(vm, RT_ADD, T(1, 1), T(2, 2, 3)), "(1, 2, 3)");
    expect_repr(rt_binary_op(vm, RT_MUL, T(2, 1, 2), i(2)), "(1, 2, 1, 2)");
    expect_repr(rt_binary_op(vm, RT_MUL, i(-1), T(2, 1, 2)), "()");
    expect_error(rt_binary_op(vm, RT_ADD, T(1, 1), L(1, 1)), &rt_type_error_type,
                 "can only concatenate tuple (not \"list\") to tuple");
    expect_error(rt_binary_op(vm, RT_MUL, T(1, 1), rt_float_new(2.0)), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'float'");
    /* (1,2)*(2**60) -> MemoryError */
    expect_error(rt_binary_op(vm, RT_MUL, T(2, 1, 2), i((int64_t)1 << 60)),
                 &rt_memory_error_type, "");
}

Test(sequences, tuple_subscripts_and_methods)
{
    rt_value t = T(5, 10, 11, 12, 13, 14);
    expect_repr(rt_getitem(vm, t, i(-1)), "14");
    expect_repr(rt_getitem(vm, t, slice(i(1), i(4), RT_NONE)), "(11, 12, 13)");
    expect_repr(rt_getitem(vm, t, slice(RT_NONE, RT_NONE, i(-2))), "(14, 12, 10)");
    cr_expect_eq(rt_getitem(vm, t, slice(RT_NONE, RT_NONE, RT_NONE)), t); /* t[:] is t */
    expect_error(rt_getitem(vm, t, i(5)), &rt_index_error_type, "tuple index out of range");
    expect_error(rt_getitem(vm, t, s("a")), &rt_type_error_type,
                 "tuple indices must be integers or slices, not str");
    rt_value x = i(12);
    expect_repr(method(t, "index", 1, &x), "2");
    expect_repr(method(t, "count", 1, &x), "1");
    rt_value missing = i(2);
    expect_error(method(T(1, 1), "index", 1, &missing), &rt_value_error_type,
                 "tuple.index(x): x not in tuple");
    cr_expect_eq(rt_contains(vm, t, i(13)), 1);
    cr_expect_eq(rt_contains(vm, t, s("x")), 0);
}

Test(sequences, tuple_construct)
{
    rt_value arg = L(3, 1, 2, 3);
    expect_repr(type_call(&rt_tuple_type, 1, &arg), "(1, 2, 3)");
    expect_repr(type_call(&rt_tuple_type, 0, NULL), "()");
    rt_value r = range3(0, 3, 1);
    expect_repr(type_call(&rt_tuple_type, 1, &r), "(0, 1, 2)");
    rt_value bad = i(1);
    expect_error(type_call(&rt_tuple_type, 1, &bad), &rt_type_error_type,
                 "'int' object is not iterable");
    rt_value two[] = {L(0), L(0)};
    expect_error(type_call(&rt_tuple_type, 2, two), &rt_type_error_type,
                 "tuple expected at most 1 argument, got 2");
    expect_error(call_kw(rt_type_value(&rt_tuple_type), 0, NULL, "x", 1, &bad),
                 &rt_type_error_type, "tuple() takes no keyword arguments");
}

/* ---- list ---- */

static int64_t capacity(rt_value l) { return rt_as_list(l)->capacity; }

Test(sequences, list_growth_matches_cpython)
{
    /* l=[]; the capacities seen while appending 100 items ((sys.getsizeof(l)-56)//8):
     * [4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108] */
    static const int64_t want[] = {4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108};
    rt_value l = rt_list_new(0);
    int64_t seen[16], n = 0;
    for (int k = 0; k < 100; k++) {
        rt_list_append(vm, l, i(k));
        if (n == 0 || seen[n - 1] != capacity(l))
            seen[n++] = capacity(l);
    }
    cr_assert_eq(n, 11);
    for (int k = 0; k < 11; k++)
        cr_expect_eq(seen[k], want[k], "step %d: %lld", k, (long long)seen[k]);
}

Test(sequences, list_allocation_matches_cpython)
{
    /* list(range(100)) -> 100; then del l[10:] -> 16 */
    rt_value l = list_of(range3(0, 100, 1));
    cr_expect_eq(capacity(l), 100);
    cr_assert_eq(rt_delitem(vm, l, slice(i(10), RT_NONE, RT_NONE)), 0);
    cr_expect_eq(capacity(l), 16);
    /* list('abcde') -> 6 (exact, rounded to even); list((1,2,3,4,5)) -> 6 */
    cr_expect_eq(capacity(list_of(s("abcde"))), 6);
    cr_expect_eq(capacity(list_of(T(5, 1, 2, 3, 4, 5))), 6);
    /* l=[]; l.extend((1,2,3)) -> 4 ; l=[0]; l.extend((1,2,3)) -> 8 */
    l = rt_list_new(0);
    cr_assert_eq(rt_list_extend(vm, l, T(3, 1, 2, 3)), 0);
    cr_expect_eq(capacity(l), 4);
    rt_value zero = i(0); /* [0] is BUILD_LIST 1: exactly one slot */
    l = rt_list_from_array(vm, 1, &zero);
    cr_assert_eq(rt_list_extend(vm, l, T(3, 1, 2, 3)), 0);
    cr_expect_eq(capacity(l), 8);
    /* l=[0]; l.extend(range(10)) -> 12 ; l=[]; l.extend(iter(range(10))) -> 10 */
    l = rt_list_from_array(vm, 1, &zero);
    cr_assert_eq(rt_list_extend(vm, l, range3(0, 10, 1)), 0);
    cr_expect_eq(capacity(l), 12);
    l = rt_list_new(0);
    cr_assert_eq(rt_list_extend(vm, l, rt_get_iter(vm, range3(0, 10, 1))), 0);
    cr_expect_eq(capacity(l), 10);
    /* l=list(range(10)); l+=range(5) -> 20 ; l*=3 (from 10) -> 32 */
    l = list_of(range3(0, 10, 1));
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE | RT_ADD, l, range3(0, 5, 1)), l);
    cr_expect_eq(capacity(l), 20);
    l = list_of(range3(0, 10, 1));
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE | RT_MUL, l, i(3)), l);
    cr_expect_eq(capacity(l), 32);
    /* l=list(range(8)); l.insert(0,1) -> 16 ; l=list(range(20)); l.pop() -> 20 */
    l = list_of(range3(0, 8, 1));
    rt_value ins[] = {i(0), i(1)};
    cr_assert_eq(method(l, "insert", 2, ins), RT_NONE);
    cr_expect_eq(capacity(l), 16);
    l = list_of(range3(0, 20, 1));
    cr_assert(method(l, "pop", 0, NULL) != 0);
    cr_expect_eq(capacity(l), 20);
    /* l=list(range(20)); l[2:4]=range(10) -> 36 */
    l = list_of(range3(0, 20, 1));
    cr_assert_eq(rt_setitem(vm, l, slice(i(2), i(4), RT_NONE), range3(0, 10, 1)), 0);
    cr_expect_eq(capacity(l), 36);
    /* sorted(range(10)) -> 10 */
    rt_value r = range3(0, 10, 1);
    cr_expect_eq(capacity(call(builtin("sorted"), 1, &r)), 10);
}

Test(sequences, list_repr_recursion)
{
    /* l=[1]; l.append(l) -> [1, [...]] */
    rt_value l = L(1, 1);
    rt_list_append(vm, l, l);
    expect_repr(l, "[1, [...]]");
    /* d={}; l=[d]; d['a']=l -> [{'a': [...]}] */
    rt_value d = rt_dict_new();
    rt_value m = rt_list_new(0);
    rt_list_append(vm, m, d);
    rt_dict_set(vm, d, s("a"), m);
    expect_repr(m, "[{'a': [...]}]");
    expect_repr(L(0), "[]");
}

Test(sequences, list_slices)
{
    rt_value a = list_of(range3(0, 10, 1));
    /* a[2:5]=['x'] -> [0, 1, 'x', 5, 6, 7, 8, 9] */
    rt_value x = rt_list_new(0);
    rt_list_append(vm, x, s("x"));
    cr_assert_eq(rt_setitem(vm, a, slice(i(2), i(5), RT_NONE), x), 0);
    expect_repr(a, "[0, 1, 'x', 5, 6, 7, 8, 9]");
    /* a=list(range(10)); a[::3]=[0,0,0,0] */
    a = list_of(range3(0, 10, 1));
    cr_assert_eq(rt_setitem(vm, a, slice(RT_NONE, RT_NONE, i(3)), L(4, 0, 0, 0, 0)), 0);
    expect_repr(a, "[0, 1, 2, 0, 4, 5, 0, 7, 8, 0]");
    /* del a[::2] -> [1, 3, 5, 7, 9] */
    a = list_of(range3(0, 10, 1));
    cr_assert_eq(rt_delitem(vm, a, slice(RT_NONE, RT_NONE, i(2))), 0);
    expect_repr(a, "[1, 3, 5, 7, 9]");
    /* del a[::-3] -> [1, 2, 4, 5, 7, 8] */
    a = list_of(range3(0, 10, 1));
    cr_assert_eq(rt_delitem(vm, a, slice(RT_NONE, RT_NONE, i(-3))), 0);
    expect_repr(a, "[1, 2, 4, 5, 7, 8]");
    /* a[8:2:-2]='abc' -> [0, 1, 2, 3, 'c', 5, 'b', 7, 'a', 9] */
    a = list_of(range3(0, 10, 1));
    cr_assert_eq(rt_setitem(vm, a, slice(i(8), i(2), i(-2)), s("abc")), 0);
    expect_repr(a, "[0, 1, 2, 3, 'c', 5, 'b', 7, 'a', 9]");
    /* a=list(range(5)); a[5:0]=[7,8] -> [0, 1, 2, 3, 4, 7, 8] */
    a = list_of(range3(0, 5, 1));
    cr_assert_eq(rt_setitem(vm, a, slice(i(5), i(0), RT_NONE), L(2, 7, 8)), 0);
    expect_repr(a, "[0, 1, 2, 3, 4, 7, 8]");
    /* a[1:3]=a -> [0, 0, 1, 2, 3, 4, 3, 4] */
    a = list_of(range3(0, 5, 1));
    cr_assert_eq(rt_setitem(vm, a, slice(i(1), i(3), RT_NONE), a), 0);
    expect_repr(a, "[0, 0, 1, 2, 3, 4, 3, 4]");
    /* list(range(20))[-3:2:-4], [100:], [-100:3] */
    a = list_of(range3(0, 20, 1));
    expect_repr(rt_getitem(vm, a, slice(i(-3), i(2), i(-4))), "[17, 13, 9, 5]");
    expect_repr(rt_getitem(vm, a, slice(i(100), RT_NONE, RT_NONE)), "[]");
    expect_repr(rt_getitem(vm, a, slice(i(-100), i(3), RT_NONE)), "[0, 1, 2]");
}

Test(sequences, list_slice_errors)
{
    rt_value a = list_of(range3(0, 10, 1));
    expect_error_int(rt_setitem(vm, a, slice(RT_NONE, RT_NONE, i(3)), L(2, 1, 2)),
                     &rt_value_error_type,
                     "attempt to assign sequence of size 2 to extended slice of size 4");
    expect_error_int(rt_setitem(vm, a, slice(i(1), i(3), RT_NONE), i(5)), &rt_type_error_type,
                     "can only assign an iterable");
    expect_error_int(rt_setitem(vm, a, slice(RT_NONE, RT_NONE, i(2)), i(5)),
                     &rt_type_error_type, "must assign iterable to extended slice");
    expect_error_int(rt_setitem(vm, L(1, 1), i(5), i(1)), &rt_index_error_type,
                     "list assignment index out of range");
    expect_error_int(rt_delitem(vm, L(1, 1), i(5)), &rt_index_error_type,
                     "list assignment index out of range");
    expect_error(rt_getitem(vm, a, i(10)), &rt_index_error_type, "list index out of range");
    expect_error(rt_getitem(vm, a, s("a")), &rt_type_error_type,
                 "list indices must be integers or slices, not str");
    expect_error_int(rt_setitem(vm, a, slice(RT_NONE, RT_NONE, i(0)), L(0)),
                     &rt_value_error_type, "slice step cannot be zero");
}

Test(sequences, list_arithmetic)
{
    expect_repr(rt_binary_op(vm, RT_MUL, L(2, 1, 2), i(3)), "[1, 2, 1, 2, 1, 2]");
    expect_repr(rt_binary_op(vm, RT_MUL, i(2), L(2, 1, 2)), "[1, 2, 1, 2]");
    expect_repr(rt_binary_op(vm, RT_MUL, L(1, 1), i(-1)), "[]");
    /* x=[3,1,2]; x*=2 */
    rt_value x = L(3, 3, 1, 2);
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE | RT_MUL, x, i(2)), x);
    expect_repr(x, "[3, 1, 2, 3, 1, 2]");
    /* x=[1]; x+=range(3); x+='ab' */
    x = L(1, 1);
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE | RT_ADD, x, range3(0, 3, 1)), x);
    cr_expect_eq(rt_binary_op(vm, RT_INPLACE | RT_ADD, x, s("ab")), x);
    expect_repr(x, "[1, 0, 1, 2, 'a', 'b']");
    expect_error(rt_binary_op(vm, RT_ADD, L(1, 1), T(1, 1)), &rt_type_error_type,
                 "can only concatenate list (not \"tuple\") to list");
    expect_error(rt_binary_op(vm, RT_MUL, L(1, 1), s("a")), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'str'");
    expect_error(rt_binary_op(vm, RT_INPLACE | RT_ADD, L(0), i(1)), &rt_type_error_type,
                 "'int' object is not iterable");
    /* [1,2]<=[1,2], [] < [0], [1]==(1,) */
    cr_expect_eq(rt_compare(vm, RT_LE, L(2, 1, 2), L(2, 1, 2)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, L(0), L(1, 0)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, L(1, 1), T(1, 1)), RT_FALSE);
}

Test(sequences, list_methods)
{
    /* l=[5,3,1]; l.insert(-10, 0); l.insert(100, 9); l.insert(1, 4) -> [0, 4, 5, 3, 1, 9] */
    rt_value l = L(3, 5, 3, 1);
    rt_value a1[] = {i(-10), i(0)}, a2[] = {i(100), i(9)}, a3[] = {i(1), i(4)};
    cr_assert_eq(method(l, "insert", 2, a1), RT_NONE);
    cr_assert_eq(method(l, "insert", 2, a2), RT_NONE);
    cr_assert_eq(method(l, "insert", 2, a3), RT_NONE);
    expect_repr(l, "[0, 4, 5, 3, 1, 9]");
    /* l=list(range(5)); l.pop(), l.pop(0), l.pop(-2), l -> 4 0 2 [1, 3] */
    l = list_of(range3(0, 5, 1));
    rt_value zero = i(0), m2 = i(-2);
    expect_repr(method(l, "pop", 0, NULL), "4");
    expect_repr(method(l, "pop", 1, &zero), "0");
    expect_repr(method(l, "pop", 1, &m2), "2");
    expect_repr(l, "[1, 3]");
    rt_value three = i(3);
    cr_expect_eq(method(l, "remove", 1, &three), RT_NONE);
    expect_repr(l, "[1]");
    expect_repr(method(l, "copy", 0, NULL), "[1]");
    cr_expect_eq(method(l, "clear", 0, NULL), RT_NONE);
    expect_repr(l, "[]");
    l = L(4, 1, 2, 3, 2);
    cr_expect_eq(method(l, "reverse", 0, NULL), RT_NONE);
    expect_repr(l, "[2, 3, 2, 1]");
    rt_value two = i(2);
    expect_repr(method(l, "count", 1, &two), "2");
    rt_value idx[] = {i(2), i(1)};
    expect_repr(method(l, "index", 2, idx), "2");
    rt_value ext = T(2, 7, 8);
    cr_expect_eq(method(l, "extend", 1, &ext), RT_NONE);
    expect_repr(l, "[2, 3, 2, 1, 7, 8]");
}

Test(sequences, list_method_errors)
{
    rt_value two = i(2), a = s("a");
    expect_error(method(L(1, 1), "index", 1, &two), &rt_value_error_type, "2 is not in list");
    /* [1,2,3].index(3, 1, 2) ; [1,2,3].index(3, 'a') */
    rt_value idx[] = {i(3), i(1), i(2)};
    expect_error(method(L(3, 1, 2, 3), "index", 3, idx), &rt_value_error_type,
                 "3 is not in list");
    rt_value idx_bad[] = {i(3), s("a")};
    expect_error(method(L(3, 1, 2, 3), "index", 2, idx_bad), &rt_type_error_type,
                 "slice indices must be integers or have an __index__ method");
    expect_error(method(L(1, 1), "remove", 1, &two), &rt_value_error_type,
                 "list.remove(x): x not in list");
    expect_error(method(L(0), "pop", 0, NULL), &rt_index_error_type, "pop from empty list");
    rt_value five = i(5);
    expect_error(method(L(1, 1), "pop", 1, &five), &rt_index_error_type,
                 "pop index out of range");
    expect_error(method(L(1, 1), "pop", 1, &a), &rt_type_error_type,
                 "'str' object cannot be interpreted as an integer");
    expect_error(method(L(1, 1), "insert", 0, NULL), &rt_type_error_type,
                 "insert expected 2 arguments, got 0");
    rt_value ins[] = {s("a"), i(1)};
    expect_error(method(L(1, 1), "insert", 2, ins), &rt_type_error_type,
                 "'str' object cannot be interpreted as an integer");
    expect_error(method(L(1, 1), "append", 0, NULL), &rt_type_error_type,
                 "list.append() takes exactly one argument (0 given)");
    expect_error(method(L(0), "index", 0, NULL), &rt_type_error_type,
                 "index expected at least 1 argument, got 0");
    expect_error(method(L(0), "count", 0, NULL), &rt_type_error_type,
                 "list.count() takes exactly one argument (0 given)");
    rt_value one = i(1);
    expect_error(method(L(0), "extend", 1, &one), &rt_type_error_type,
                 "'int' object is not iterable");
}

Test(sequences, list_construct)
{
    rt_value arg = T(2, 1, 2);
    expect_repr(type_call(&rt_list_type, 1, &arg), "[1, 2]");
    expect_repr(type_call(&rt_list_type, 0, NULL), "[]");
    rt_value bad = i(1);
    expect_error(type_call(&rt_list_type, 1, &bad), &rt_type_error_type,
                 "'int' object is not iterable");
    rt_value two[] = {L(0), L(0)};
    expect_error(type_call(&rt_list_type, 2, two), &rt_type_error_type,
                 "list expected at most 1 argument, got 2");
    expect_error(call_kw(rt_type_value(&rt_list_type), 0, NULL, "x", 1, &bad),
                 &rt_type_error_type, "list() takes no keyword arguments");
    rt_value l = L(1, 1);
    cr_expect_neq(type_call(&rt_list_type, 1, &l), l); /* list(l) is a copy */
}

/* ---- sort ---- */

static rt_value first_item(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return rt_getitem(v, args[0], rt_small_int(0));
}

static rt_value length_of(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    int64_t n = rt_length(v, args[0]);
    return n < 0 ? 0 : rt_small_int(n);
}

static rt_value negate(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    return rt_unary_op(v, RT_NEG, args[0]);
}

/* A key function that appends to the list being sorted (its bound self). */
static rt_value mutate_self(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    rt_list_append(v, self, rt_small_int(0));
    return args[0];
}

/* self[arg]: data.__getitem__ as a key function. */
static rt_value item_of_self(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    return rt_getitem(v, self, args[0]);
}

static rt_value pair(int a, const char *b) { return rt_tuple_pack(2, i(a), s(b)); }

Test(sequences, sort_stability_key_reverse)
{
    /* sorted([(1,'b'),(0,'a'),(1,'a'),(0,'b')], key=lambda p:p[0])
     * -> [(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')] */
    rt_value l = rt_list_new(0);
    rt_list_append(vm, l, pair(1, "b"));
    rt_list_append(vm, l, pair(0, "a"));
    rt_list_append(vm, l, pair(1, "a"));
    rt_list_append(vm, l, pair(0, "b"));
    cr_assert_eq(rt_list_sort(vm, l, fn(first_item), false), 0);
    expect_repr(l, "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]");
    /* sorted(['bb','a','ccc','dd','e'], key=len, reverse=True) -> ['ccc', 'bb', 'dd', 'a', 'e'] */
    const char *words[] = {"bb", "a", "ccc", "dd", "e"};
    l = rt_list_new(0);
    for (int k = 0; k < 5; k++)
        rt_list_append(vm, l, s(words[k]));
    rt_value kw[] = {fn(length_of), RT_TRUE};
    rt_value r = call_kw(builtin("sorted"), 1, &l, "key,reverse", 2, kw);
    expect_repr(r, "['ccc', 'bb', 'dd', 'a', 'e']");
    expect_repr(l, "['bb', 'a', 'ccc', 'dd', 'e']"); /* sorted() copies */
    /* sorted([3,1,2], key=lambda x:-x, reverse=1) -> [1, 2, 3] */
    rt_value kw2[] = {fn(negate), i(1)};
    rt_value src = L(3, 3, 1, 2);
    expect_repr(call_kw(builtin("sorted"), 1, &src, "key,reverse", 2, kw2), "[1, 2, 3]");
}

Test(sequences, sort_large_matches_cpython)
{
    /* Many duplicates, so stability shows; the order is checked through a tuple hash:
     * x=1; data=[]
     * for _ in range(1000): x=(x*1103515245+12345)%2**31; data.append(x%97)
     * idx=sorted(range(1000), key=lambda i: data[i]); hash(tuple(idx))
     * idx.sort(key=data.__getitem__, reverse=True); hash(tuple(idx)) */
    int64_t x = 1;
    rt_value idx = rt_list_new(0), data = rt_list_new(0);
    for (int k = 0; k < 1000; k++) {
        x = (x * 1103515245 + 12345) % ((int64_t)1 << 31);
        rt_list_append(vm, idx, i(k));
        rt_list_append(vm, data, i(x % 97));
    }
    rt_value key = rt_builtin_new("__getitem__", item_of_self, data, NULL);
    cr_assert_eq(rt_list_sort(vm, idx, key, false), 0);
    int64_t h;
    cr_assert(rt_hash(vm, rt_list_to_tuple(vm, idx), &h));
    cr_expect_eq(h, 1373387352257480590);
    cr_assert_eq(rt_list_sort(vm, idx, key, true), 0);
    cr_assert(rt_hash(vm, rt_list_to_tuple(vm, idx), &h));
    cr_expect_eq(h, 4192599615361762831);
}

Test(sequences, sort_errors)
{
    rt_value l = rt_list_new(0);
    rt_list_append(vm, l, i(1));
    rt_list_append(vm, l, s("a"));
    /* [1,'a'].sort() */
    expect_error_int(rt_list_sort(vm, l, RT_NONE, false), &rt_type_error_type,
                     "'<' not supported between instances of 'str' and 'int'");
    expect_repr(l, "[1, 'a']");
    rt_value one = i(1);
    expect_error(method(L(0), "sort", 1, &one), &rt_type_error_type,
                 "sort() takes no positional arguments");
    rt_value sortm = rt_getattr(vm, L(0), name("sort"));
    cr_assert(sortm != 0);
    expect_error(call_kw(sortm, 0, NULL, "foo", 1, &one), &rt_type_error_type,
                 "'foo' is an invalid keyword argument for sort()");
    expect_error(call_kw(rt_getattr(vm, L(2, 3, 1), name("sort")), 0, NULL, "key", 1, &one),
                 &rt_type_error_type, "'int' object is not callable");
    /* l=[3,1,2]; l.sort(key=lambda x: l.append(0) or x) */
    l = L(3, 3, 1, 2);
    rt_value mut = rt_builtin_new("mut", mutate_self, l, NULL);
    expect_error_int(rt_list_sort(vm, l, mut, false), &rt_value_error_type,
                     "list modified during sort");
    cr_expect_eq(rt_as_list(l)->size, 3);
    rt_value src = L(2, 3, 1);
    expect_error(call_kw(builtin("sorted"), 1, &src, "foo", 1, &one), &rt_type_error_type,
                 "'foo' is an invalid keyword argument for sort()");
    expect_error(call(builtin("sorted"), 0, NULL), &rt_type_error_type,
                 "sorted expected 1 argument, got 0");
    rt_value two[] = {src, one};
    expect_error(call(builtin("sorted"), 2, two), &rt_type_error_type,
                 "sorted expected 1 argument, got 2");
}

/* ---- unpacking ---- */

Test(sequences, unpack)
{
    rt_value out[4];
    cr_assert_eq(rt_unpack_sequence(vm, T(2, 1, 2), 2, -1, out), 0);
    expect_repr(out[1], "2");
    /* a,*b,c = range(5) -> 0 [1, 2, 3] 4 */
    cr_assert_eq(rt_unpack_sequence(vm, range3(0, 5, 1), 3, 1, out), 0);
    expect_repr(out[0], "0");
    expect_repr(out[1], "[1, 2, 3]");
    expect_repr(out[2], "4");
    /* *a,b = [1] -> [] 1 */
    cr_assert_eq(rt_unpack_sequence(vm, L(1, 1), 2, 0, out), 0);
    expect_repr(out[0], "[]");
    expect_repr(out[1], "1");
    cr_assert_eq(rt_unpack_sequence(vm, s("ab"), 2, -1, out), 0);
    expect_repr(out[1], "'b'");
}

Test(sequences, unpack_errors)
{
    rt_value out[4];
    /* a,b=1 ; a,b=None */
    expect_error_int(rt_unpack_sequence(vm, i(1), 2, -1, out), &rt_type_error_type,
                     "cannot unpack non-iterable int object");
    expect_error_int(rt_unpack_sequence(vm, RT_NONE, 2, -1, out), &rt_type_error_type,
                     "cannot unpack non-iterable NoneType object");
    /* a,b=[1] ; a,b=[1,2,3] ; a,b=iter([1,2,3]) */
    expect_error_int(rt_unpack_sequence(vm, L(1, 1), 2, -1, out), &rt_value_error_type,
                     "not enough values to unpack (expected 2, got 1)");
    expect_error_int(rt_unpack_sequence(vm, L(3, 1, 2, 3), 2, -1, out), &rt_value_error_type,
                     "too many values to unpack (expected 2)");
    expect_error_int(rt_unpack_sequence(vm, rt_get_iter(vm, L(3, 1, 2, 3)), 2, -1, out),
                     &rt_value_error_type, "too many values to unpack (expected 2)");
    /* a,*b,c=[1] ; a,*b,c=iter([1]) */
    expect_error_int(rt_unpack_sequence(vm, L(1, 1), 3, 1, out), &rt_value_error_type,
                     "not enough values to unpack (expected at least 2, got 1)");
    expect_error_int(rt_unpack_sequence(vm, rt_get_iter(vm, L(1, 1)), 3, 1, out),
                     &rt_value_error_type,
                     "not enough values to unpack (expected at least 2, got 1)");
    /* *a,b=[] ; a, = [] ; a,b = 'abc' ; a,*b=5 */
    expect_error_int(rt_unpack_sequence(vm, L(0), 2, 0, out), &rt_value_error_type,
                     "not enough values to unpack (expected at least 1, got 0)");
    expect_error_int(rt_unpack_sequence(vm, L(0), 1, -1, out), &rt_value_error_type,
                     "not enough values to unpack (expected 1, got 0)");
    expect_error_int(rt_unpack_sequence(vm, s("abc"), 2, -1, out), &rt_value_error_type,
                     "too many values to unpack (expected 2)");
    expect_error_int(rt_unpack_sequence(vm, i(5), 2, 0, out), &rt_type_error_type,
                     "cannot unpack non-iterable int object");
}

/* ---- range ---- */

Test(sequences, range_basics)
{
    expect_repr(range3(0, 5, 1), "range(0, 5)");
    expect_repr(range3(1, 10, 3), "range(1, 10, 3)");
    cr_expect_eq(rt_length(vm, range3(1, 10, 3)), 3);
    cr_expect_eq(rt_length(vm, range3(10, 1, 1)), 0);
    cr_expect_eq(rt_length(vm, range3(10, 1, -4)), 3);
    expect_repr(list_of(range3(1, 10, 3)), "[1, 4, 7]");
    expect_repr(list_of(range3(5, -6, -5)), "[5, 0, -5]");
    /* range(10)[2:5], range(10)[::-1], range(5)[1:100:2], range(-5, 5, 3)[::-2] */
    expect_repr(rt_getitem(vm, range3(0, 10, 1), slice(i(2), i(5), RT_NONE)), "range(2, 5)");
    expect_repr(rt_getitem(vm, range3(0, 10, 1), slice(RT_NONE, RT_NONE, i(-1))),
                "range(9, -1, -1)");
    expect_repr(rt_getitem(vm, range3(0, 5, 1), slice(i(1), i(100), i(2))), "range(1, 5, 2)");
    expect_repr(rt_getitem(vm, range3(-5, 5, 3), slice(RT_NONE, RT_NONE, i(-2))),
                "range(4, -8, -6)");
    expect_repr(rt_getitem(vm, range3(0, 5, 1), i(-1)), "4");
    expect_repr(rt_getitem(vm, range3(0, 5, 1), RT_TRUE), "1");
    expect_error(rt_getitem(vm, range3(0, 10, 1), i(20)), &rt_index_error_type,
                 "range object index out of range");
    expect_error(rt_getitem(vm, range3(0, 5, 1), i(-6)), &rt_index_error_type,
                 "range object index out of range");
    expect_error(rt_getitem(vm, range3(0, 10, 1), s("a")), &rt_type_error_type,
                 "range indices must be integers or slices, not str");
    /* 3 in range(1,10,2), 4 in range(1,10,2), 3.0 in range(5), 'a' in range(5) */
    cr_expect_eq(rt_contains(vm, range3(1, 10, 2), i(3)), 1);
    cr_expect_eq(rt_contains(vm, range3(1, 10, 2), i(4)), 0);
    cr_expect_eq(rt_contains(vm, range3(0, 5, 1), rt_float_new(3.0)), 1);
    cr_expect_eq(rt_contains(vm, range3(0, 5, 1), s("a")), 0);
    cr_expect_eq(rt_truthy(vm, range3(0, 0, 1)), 0);
}

Test(sequences, range_hash_eq_methods)
{
    int64_t h, h2;
    /* hash(range(5)), hash(range(1,10,3)); ranges of length 0 or 1 hash None (an address in
     * CPython 3.11), so those are only checked against equal ranges */
    cr_assert(rt_hash(vm, range3(0, 5, 1), &h));
    cr_expect_eq(h, 5795932985296280846);
    cr_assert(rt_hash(vm, range3(1, 10, 3), &h));
    cr_expect_eq(h, -9160968616009628824);
    cr_assert(rt_hash(vm, range3(3, 4, 1), &h) && rt_hash(vm, range3(3, 5, 7), &h2));
    cr_expect_eq(h, h2);
    /* range(0)==range(5,5), range(0,3,2)==range(0,4,2), range(1,2,5)==range(1,2,3) */
    cr_expect_eq(rt_compare(vm, RT_EQ, range3(0, 0, 1), range3(5, 5, 1)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, range3(0, 3, 2), range3(0, 4, 2)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, range3(1, 2, 5), range3(1, 2, 3)), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_EQ, range3(0, 5, 1), range3(0, 6, 1)), RT_FALSE);
    expect_error(rt_compare(vm, RT_LT, range3(0, 5, 1), range3(0, 6, 1)), &rt_type_error_type,
                 "'<' not supported between instances of 'range' and 'range'");
    /* range(1,10,3).index(4), .count(4), range(5).index(7), range(5).index('a') */
    rt_value four = i(4), seven = i(7), a = s("a");
    expect_repr(method(range3(1, 10, 3), "index", 1, &four), "1");
    expect_repr(method(range3(1, 10, 3), "count", 1, &four), "1");
    expect_error(method(range3(0, 5, 1), "index", 1, &seven), &rt_value_error_type,
                 "7 is not in range");
    expect_error(method(range3(0, 5, 1), "index", 1, &a), &rt_value_error_type,
                 "sequence.index(x): x not in sequence");
    expect_repr(rt_getattr(vm, range3(1, 2, 3), name("step")), "3");
    expect_repr(rt_getattr(vm, range3(1, 2, 3), name("start")), "1");
}

Test(sequences, range_construct)
{
    rt_value r = rt_type_value(&rt_range_type);
    rt_value a1[] = {i(5)}, a3[] = {i(1), i(10), i(3)}, zero[] = {i(1), i(2), i(0)};
    expect_repr(call(r, 1, a1), "range(0, 5)");
    expect_repr(call(r, 3, a3), "range(1, 10, 3)");
    expect_error(call(r, 3, zero), &rt_value_error_type, "range() arg 3 must not be zero");
    rt_value str = s("a"), f = rt_float_new(1.0);
    expect_error(call(r, 1, &str), &rt_type_error_type,
                 "'str' object cannot be interpreted as an integer");
    expect_error(call(r, 1, &f), &rt_type_error_type,
                 "'float' object cannot be interpreted as an integer");
    expect_error(call(r, 0, NULL), &rt_type_error_type,
                 "range expected at least 1 argument, got 0");
    rt_value four[] = {i(1), i(2), i(3), i(4)};
    expect_error(call(r, 4, four), &rt_type_error_type,
                 "range expected at most 3 arguments, got 4");
    expect_error(call_kw(r, 0, NULL, "x", 1, a1), &rt_type_error_type,
                 "range() takes no keyword arguments");
}

Test(sequences, range_iterators)
{
    rt_value it = rt_get_iter(vm, range3(0, 3, 1));
    cr_expect_str_eq(rt_type_of(it)->name, "range_iterator");
    cr_expect_eq(rt_iter_next(vm, it), rt_small_int(0));
    /* list(reversed(range(1,10,3))) -> [7, 4, 1] */
    rt_value r = range3(1, 10, 3);
    rt_value rev = type_call(&rt_reversed_type, 1, &r);
    cr_expect_str_eq(rt_type_of(rev)->name, "range_iterator");
    expect_repr(list_of(rev), "[7, 4, 1]");
    r = range3(0, 0, 1);
    expect_repr(list_of(type_call(&rt_reversed_type, 1, &r)), "[]");
}

/* An int from its decimal text (for bounds beyond int64). */
static rt_value big(const char *digits) { return rt_int_from_string(vm, digits, 10); }

Test(sequences, range_big_bounds)
{
    rt_value r = rt_type_value(&rt_range_type);
    rt_value e20 = big("100000000000000000000"), e19 = big("10000000000000000000");
    rt_value one[] = {e20}, three[] = {e20, i(0), big("-30000000000000000000")};
    rt_value b = call(r, 1, one), down = call(r, 3, three);
    /* range(10**20), its [10**19], [-1], [::10**19], 10**19 in it, len() */
    expect_repr(b, "range(0, 100000000000000000000)");
    expect_repr(rt_getitem(vm, b, e19), "10000000000000000000");
    expect_repr(rt_getitem(vm, b, i(-1)), "99999999999999999999");
    expect_repr(rt_getitem(vm, b, slice(RT_NONE, RT_NONE, e19)),
                "range(0, 100000000000000000000, 10000000000000000000)");
    cr_expect_eq(rt_contains(vm, b, e19), 1);
    cr_expect_eq(rt_contains(vm, b, e20), 0);
    cr_expect_eq(rt_length(vm, b), -1);
    expect_error(0, &rt_overflow_error_type, "Python int too large to convert to C ssize_t");
    /* list(range(10**20, 0, -3*10**19)), its reversed(), type(iter(...)).__name__ */
    expect_repr(list_of(down), "[100000000000000000000, 70000000000000000000, "
                               "40000000000000000000, 10000000000000000000]");
    expect_repr(list_of(type_call(&rt_reversed_type, 1, &down)),
                "[10000000000000000000, 40000000000000000000, 70000000000000000000, "
                "100000000000000000000]");
    cr_expect_str_eq(rt_type_of(rt_get_iter(vm, b))->name, "longrange_iterator");
    /* range(5)[10**20] is out of range, not "cannot fit"; range(10)[::10**20] keeps the step */
    expect_error(rt_getitem(vm, range3(0, 5, 1), e20), &rt_index_error_type,
                 "range object index out of range");
    expect_repr(rt_getitem(vm, range3(0, 10, 1), slice(RT_NONE, RT_NONE, e20)),
                "range(0, 10, 100000000000000000000)");
    /* range(-2**63, -2**63 + 2)[::-1]: an int64 range whose slice stops below int64 */
    rt_value low = rt_getitem(vm, range3(INT64_MIN, INT64_MIN + 2, 1),
                              slice(RT_NONE, RT_NONE, i(-1)));
    expect_repr(low, "range(-9223372036854775807, -9223372036854775809, -1)");
    expect_repr(list_of(low), "[-9223372036854775807, -9223372036854775808]");
    /* hash(range(10**20)) */
    int64_t h;
    cr_assert(rt_hash(vm, b, &h));
    cr_expect_eq(h, 6178378689728963704);
}

Test(sequences, struct_sequence)
{
    rt_value items[] = {i(3), i(11), i(2), s("final"), i(0)};
    rt_value v = rt_struct_seq_new(&rt_version_info_type, items);
    /* repr(sys.version_info) of 3.11.2, .minor, [:2], == (3, 11, 2, 'final', 0) */
    expect_repr(v, "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)");
    expect_repr(rt_getattr(vm, v, name("minor")), "11");
    expect_repr(rt_getitem(vm, v, slice(RT_NONE, i(2), RT_NONE)), "(3, 11)");
    rt_value t = rt_tuple_from_array(vm, 5, items);
    cr_expect_eq(rt_compare(vm, RT_EQ, v, t), RT_TRUE);
    cr_expect_eq(rt_compare(vm, RT_LT, t, v), RT_FALSE);
    cr_expect(rt_isinstance_type(v, &rt_tuple_type));
}

/* ---- iterators ---- */

Test(sequences, iterator_types)
{
    cr_expect_str_eq(rt_type_of(rt_get_iter(vm, L(0)))->name, "list_iterator");
    cr_expect_str_eq(rt_type_of(rt_get_iter(vm, T(0)))->name, "tuple_iterator");
    rt_value l = L(0), t = T(0), str = s("ab");
    cr_expect_str_eq(rt_type_of(type_call(&rt_reversed_type, 1, &l))->name,
                     "list_reverseiterator");
    cr_expect_str_eq(rt_type_of(type_call(&rt_reversed_type, 1, &t))->name, "reversed");
    expect_repr(list_of(type_call(&rt_reversed_type, 1, &str)), "['b', 'a']");
    rt_value tup = T(3, 1, 2, 3);
    expect_repr(list_of(type_call(&rt_reversed_type, 1, &tup)), "[3, 2, 1]");
    /* iter([1,2]).__length_hint__() -> 2 */
    rt_value it = rt_get_iter(vm, L(2, 1, 2));
    cr_expect_eq(rt_get_iter(vm, it), it);
    expect_repr(rt_call_method(vm, it, name("__length_hint__"), 0, NULL, 0), "2");
    expect_error(rt_get_iter(vm, i(1)), &rt_type_error_type, "'int' object is not iterable");
    expect_error(rt_iter_next(vm, L(0)), &rt_type_error_type,
                 "'list' object is not an iterator");
}

Test(sequences, iterator_exhaustion_sticks)
{
    /* l=[1]; it=iter(l); list(it); l.append(2); list(it) -> [] */
    rt_value l = L(1, 1);
    rt_value it = rt_get_iter(vm, l);
    expect_repr(list_of(it), "[1]");
    rt_list_append(vm, l, i(2));
    expect_repr(list_of(it), "[]");
}

Test(sequences, reversed_errors)
{
    rt_value one = i(1), set = rt_set_new();
    expect_error(type_call(&rt_reversed_type, 1, &one), &rt_type_error_type,
                 "'int' object is not reversible");
    expect_error(type_call(&rt_reversed_type, 1, &set), &rt_type_error_type,
                 "'set' object is not reversible");
    expect_error(type_call(&rt_reversed_type, 0, NULL), &rt_type_error_type,
                 "reversed expected 1 argument, got 0");
    expect_error(call_kw(rt_type_value(&rt_reversed_type), 0, NULL, "x", 1, &one),
                 &rt_type_error_type, "reversed() takes no keyword arguments");
    /* list(reversed({1: 2, 3: 4})) -> [3, 1] */
    rt_value d = rt_dict_new();
    rt_dict_set(vm, d, i(1), i(2));
    rt_dict_set(vm, d, i(3), i(4));
    expect_repr(list_of(type_call(&rt_reversed_type, 1, &d)), "[3, 1]");
}

Test(sequences, enumerate)
{
    /* list(enumerate('ab', 5)) -> [(5, 'a'), (6, 'b')] */
    rt_value args[] = {s("ab"), i(5)};
    expect_repr(list_of(type_call(&rt_enumerate_type, 2, args)), "[(5, 'a'), (6, 'b')]");
    /* list(enumerate('ab', start=2**61-1)) crosses into big ints */
    rt_value kw[] = {i(RT_SMALL_INT_MAX)};
    rt_value e = call_kw(rt_type_value(&rt_enumerate_type), 1, args, "start", 1, kw);
    expect_repr(list_of(e), "[(2305843009213693951, 'a'), (2305843009213693952, 'b')]");
    expect_error(type_call(&rt_enumerate_type, 0, NULL), &rt_type_error_type,
                 "enumerate() missing required argument 'iterable'");
    rt_value one = i(1);
    expect_error(type_call(&rt_enumerate_type, 1, &one), &rt_type_error_type,
                 "'int' object is not iterable");
    rt_value bad[] = {L(0), s("a")};
    expect_error(type_call(&rt_enumerate_type, 2, bad), &rt_type_error_type,
                 "'str' object cannot be interpreted as an integer");
    rt_value three[] = {L(0), i(1), i(2)};
    expect_error(type_call(&rt_enumerate_type, 3, three), &rt_type_error_type,
                 "enumerate() takes at most 2 arguments (3 given)");
    expect_error(call_kw(rt_type_value(&rt_enumerate_type), 1, three, "foo", 1, &one),
                 &rt_type_error_type, "'foo' is an invalid keyword argument for enumerate()");
}

Test(sequences, zip)
{
    rt_value args[] = {L(2, 1, 2), s("abc")};
    expect_repr(list_of(type_call(&rt_zip_type, 2, args)), "[(1, 'a'), (2, 'b')]");
    expect_repr(list_of(type_call(&rt_zip_type, 0, NULL)), "[]");
    rt_value bad[] = {L(1, 1), i(2)};
    expect_error(type_call(&rt_zip_type, 2, bad), &rt_type_error_type,
                 "'int' object is not iterable");
    rt_value z = rt_type_value(&rt_zip_type), yes = RT_TRUE;
    /* list(zip([1,2],[3], strict=True)) ; ([1],[3,4]) ; ([1],[3],[5,6]) ; ([1,2],[1],[1])
     * ; ([1],[3],[]) */
    rt_value a1[] = {L(2, 1, 2), L(1, 3)};
    expect_error(rt_list_from_iterable(vm, call_kw(z, 2, a1, "strict", 1, &yes)),
                 &rt_value_error_type, "zip() argument 2 is shorter than argument 1");
    rt_value a2[] = {L(1, 1), L(2, 3, 4)};
    expect_error(rt_list_from_iterable(vm, call_kw(z, 2, a2, "strict", 1, &yes)),
                 &rt_value_error_type, "zip() argument 2 is longer than argument 1");
    rt_value a3[] = {L(1, 1), L(1, 3), L(2, 5, 6)};
    expect_error(rt_list_from_iterable(vm, call_kw(z, 3, a3, "strict", 1, &yes)),
                 &rt_value_error_type, "zip() argument 3 is longer than arguments 1-2");
    rt_value a4[] = {L(2, 1, 2), L(1, 1), L(1, 1)};
    expect_error(rt_list_from_iterable(vm, call_kw(z, 3, a4, "strict", 1, &yes)),
                 &rt_value_error_type, "zip() argument 2 is shorter than argument 1");
    rt_value a5[] = {L(1, 1), L(1, 3), L(0)};
    expect_error(rt_list_from_iterable(vm, call_kw(z, 3, a5, "strict", 1, &yes)),
                 &rt_value_error_type, "zip() argument 3 is shorter than arguments 1-2");
    rt_value ok[] = {L(1, 1), L(1, 2)};
    expect_repr(list_of(call_kw(z, 2, ok, "strict", 1, &yes)), "[(1, 2)]");
    expect_error(call_kw(z, 0, NULL, "foo", 1, &yes), &rt_type_error_type,
                 "'foo' is an invalid keyword argument for zip()");
    rt_value kw2[] = {RT_TRUE, RT_TRUE};
    expect_error(call_kw(z, 0, NULL, "strict,x", 2, kw2), &rt_type_error_type,
                 "zip() takes at most 1 keyword argument (2 given)");
}

static rt_value add2(rt_vm *v, rt_value self, size_t nargs, const rt_value *args,
                     rt_value kwnames)
{
    return rt_binary_op(v, RT_ADD, args[0], args[1]);
}

Test(sequences, map_filter)
{
    /* list(map(lambda x,y: x+y, [1,2,3], [10,20])) -> [11, 22] */
    rt_value args[] = {fn(add2), L(3, 1, 2, 3), L(2, 10, 20)};
    expect_repr(list_of(type_call(&rt_map_type, 3, args)), "[11, 22]");
    expect_error(type_call(&rt_map_type, 1, args), &rt_type_error_type,
                 "map() must have at least two arguments.");
    rt_value bad[] = {fn(add2), i(1)};
    expect_error(type_call(&rt_map_type, 2, bad), &rt_type_error_type,
                 "'int' object is not iterable");
    expect_error(call_kw(rt_type_value(&rt_map_type), 2, args, "x", 1, args),
                 &rt_type_error_type, "map() takes no keyword arguments");
    /* list(filter(None, [0,1,2])) ; list(filter(lambda x:-x, [0,1,2])) -> [1, 2] */
    rt_value f[] = {RT_NONE, L(3, 0, 1, 2)};
    expect_repr(list_of(type_call(&rt_filter_type, 2, f)), "[1, 2]");
    rt_value g[] = {fn(negate), L(3, 0, 1, 2)};
    expect_repr(list_of(type_call(&rt_filter_type, 2, g)), "[1, 2]");
    expect_error(type_call(&rt_filter_type, 1, f), &rt_type_error_type,
                 "filter expected 2 arguments, got 1");
    rt_value h[] = {i(5), L(1, 1)};
    expect_error(rt_list_from_iterable(vm, type_call(&rt_filter_type, 2, h)),
                 &rt_type_error_type, "'int' object is not callable");
    expect_error(call_kw(rt_type_value(&rt_filter_type), 0, NULL, "x", 1, f),
                 &rt_type_error_type, "filter() takes no keyword arguments");
}

/* ---- builtin functions ---- */

Test(sequences, min_max)
{
    rt_value three[] = {i(3), i(1), i(2)};
    expect_repr(call(builtin("max"), 3, three), "3");
    expect_repr(call(builtin("min"), 3, three), "1");
    rt_value abc = s("abc");
    expect_repr(call(builtin("max"), 1, &abc), "'c'");
    /* max([1,2], key=lambda x:-x) -> 1 ; max([3], [4]) -> [4] */
    rt_value l = L(2, 1, 2), key = fn(negate);
    expect_repr(call_kw(builtin("max"), 1, &l, "key", 1, &key), "1");
    rt_value lists[] = {L(1, 3), L(1, 4)};
    expect_repr(call(builtin("max"), 2, lists), "[4]");
    /* max/min([(1,'a'),(1,'b')], key=lambda p:p[0]) -> (1, 'a') both: ties keep the first */
    rt_value pairs = rt_list_new(0);
    rt_list_append(vm, pairs, pair(1, "a"));
    rt_list_append(vm, pairs, pair(1, "b"));
    rt_value first = fn(first_item);
    expect_repr(call_kw(builtin("max"), 1, &pairs, "key", 1, &first), "(1, 'a')");
    expect_repr(call_kw(builtin("min"), 1, &pairs, "key", 1, &first), "(1, 'a')");
    rt_value empty = L(0), five = i(5);
    expect_repr(call_kw(builtin("min"), 1, &empty, "default", 1, &five), "5");
    expect_error(call(builtin("min"), 1, &empty), &rt_value_error_type,
                 "min() arg is an empty sequence");
    expect_error(call_kw(builtin("max"), 1, &empty, "key", 1, &first), &rt_value_error_type,
                 "max() arg is an empty sequence");
    expect_error(call(builtin("min"), 0, NULL), &rt_type_error_type,
                 "min expected at least 1 argument, got 0");
    expect_error(call(builtin("max"), 1, &five), &rt_type_error_type,
                 "'int' object is not iterable");
    expect_error(call_kw(builtin("min"), 3, three, "default", 1, &five), &rt_type_error_type,
                 "Cannot specify a default for min() with multiple positional arguments");
    expect_error(call_kw(builtin("max"), 1, &l, "foo", 1, &five), &rt_type_error_type,
                 "'foo' is an invalid keyword argument for max()");
    expect_error(call_kw(builtin("min"), 3, three, "key", 1, &five), &rt_type_error_type,
                 "'int' object is not callable");
    /* max(1,'a') */
    rt_value mixed[] = {i(1), s("a")};
    expect_error(call(builtin("max"), 2, mixed), &rt_type_error_type,
                 "'>' not supported between instances of 'str' and 'int'");
}

Test(sequences, sum_any_all)
{
    rt_value l = L(2, 1, 2), ten = i(10);
    expect_repr(call(builtin("sum"), 1, &l), "3");
    expect_repr(call_kw(builtin("sum"), 1, &l, "start", 1, &ten), "13");
    /* sum([0.1]*10) -> 0.9999999999999999 */
    rt_value fl = rt_list_new(0);
    for (int k = 0; k < 10; k++)
        rt_list_append(vm, fl, rt_float_new(0.1));
    expect_repr(call(builtin("sum"), 1, &fl), "0.9999999999999999");
    /* sum([[1]], []) -> [1] */
    rt_value nested = rt_list_new(0);
    rt_list_append(vm, nested, L(1, 1));
    rt_value args[] = {nested, L(0)};
    expect_repr(call(builtin("sum"), 2, args), "[1]");
    rt_value strs[] = {L(0), s("")};
    expect_error(call(builtin("sum"), 2, strs), &rt_type_error_type,
                 "sum() can't sum strings [use ''.join(seq) instead]");
    expect_error(call(builtin("sum"), 0, NULL), &rt_type_error_type,
                 "sum() takes at least 1 positional argument (0 given)");
    rt_value many[] = {L(0), i(2), i(3)};
    expect_error(call(builtin("sum"), 3, many), &rt_type_error_type,
                 "sum() takes at most 2 arguments (3 given)");
    expect_error(call_kw(builtin("sum"), 1, &l, "x", 1, &ten), &rt_type_error_type,
                 "'x' is an invalid keyword argument for sum()");
    rt_value z = L(2, 0, 1), e = L(0);
    cr_expect_eq(call(builtin("any"), 1, &z), RT_TRUE);
    cr_expect_eq(call(builtin("all"), 1, &z), RT_FALSE);
    cr_expect_eq(call(builtin("all"), 1, &e), RT_TRUE);
    cr_expect_eq(call(builtin("any"), 1, &e), RT_FALSE);
    expect_error(call(builtin("any"), 0, NULL), &rt_type_error_type,
                 "any() takes exactly one argument (0 given)");
    expect_error(call_kw(builtin("all"), 0, NULL, "x", 1, &ten), &rt_type_error_type,
                 "all() takes no keyword arguments");
    expect_error(call(builtin("all"), 1, &ten), &rt_type_error_type,
                 "'int' object is not iterable");
}

Test(sequences, iter_next)
{
    rt_value l = L(1, 7);
    rt_value it = call(builtin("iter"), 1, &l);
    cr_expect_str_eq(rt_type_of(it)->name, "list_iterator");
    expect_repr(call(builtin("next"), 1, &it), "7");
    rt_value with_default[] = {it, i(5)};
    expect_repr(call(builtin("next"), 2, with_default), "5");
    expect_error(call(builtin("next"), 1, &it), &rt_stop_iteration_type, "");
    rt_value one = i(1);
    expect_error(call(builtin("next"), 1, &one), &rt_type_error_type,
                 "'int' object is not an iterator");
    expect_error(call(builtin("next"), 1, &l), &rt_type_error_type,
                 "'list' object is not an iterator");
    expect_error(call(builtin("next"), 0, NULL), &rt_type_error_type,
                 "next expected at least 1 argument, got 0");
    expect_error(call(builtin("iter"), 0, NULL), &rt_type_error_type,
                 "iter expected at least 1 argument, got 0");
    rt_value two[] = {i(1), i(2)};
    expect_error(call(builtin("iter"), 2, two), &rt_type_error_type,
                 "iter(v, w): v must be callable");
    expect_error(call(builtin("iter"), 1, &one), &rt_type_error_type,
                 "'int' object is not iterable");
    /* list(iter([1,2,3].pop, 1)) -> [3, 2] */
    rt_value src = L(3, 1, 2, 3);
    rt_value cargs[] = {rt_getattr(vm, src, name("pop")), i(1)};
    rt_value ci = call(builtin("iter"), 2, cargs);
    cr_expect_str_eq(rt_type_of(ci)->name, "callable_iterator");
    expect_repr(list_of(ci), "[3, 2]");
}
