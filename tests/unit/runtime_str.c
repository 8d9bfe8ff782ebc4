/* Unit tests for str: hashing (CPython's siphash13 under PYTHONHASHSEED=0), repr escapes,
 * indexing and slicing by code point, the methods, the format-spec mini-language, str.format
 * and printf-style %. Every expectation was computed by /usr/bin/python3.11; the comment above
 * each check names the Python expression. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "dict.h"
#include "exception.h"
#include "float.h"
#include "format.h"
#include "int.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;
static const char *context = ""; /* the Python expression being checked, for messages */

static void setup(void) { vm = rt_vm_new(); }

TestSuite(str, .init = setup);

static const char *pending_text(void)
{
    if (!vm->pending)
        return "(no exception)";
    rt_value args = ((rt_exception *)rt_as_object(vm->pending))->args;
    if (rt_as_tuple(args)->size == 0)
        return "";
    rt_value first = rt_as_tuple(args)->items[0];
    return rt_is_type(first, &rt_str_type) ? rt_str_data(first) : "(not a str)";
}

static void expect_str(rt_value v, const char *want)
{
    cr_assert(v != 0, "%s: unexpected error: %s (want %s)", context, pending_text(), want);
    cr_assert(rt_is_type(v, &rt_str_type));
    cr_expect(strcmp(rt_str_data(v), want) == 0, "%s: got %s, want %s", context, rt_str_data(v),
              want);
}

static void expect_repr(rt_value v, const char *want)
{
    cr_assert(v != 0, "%s: unexpected error: %s (want %s)", context, pending_text(), want);
    rt_value r = rt_repr(vm, v);
    cr_assert(r != 0, "repr failed: %s", pending_text());
    cr_expect(strcmp(rt_str_data(r), want) == 0, "%s: got %s, want %s", context, rt_str_data(r),
              want);
}

static void expect_error(rt_value r, const rt_type *type, const char *message)
{
    cr_assert_eq(r, 0, "%s: expected %s(%s) but got a value", context, type->name, message);
    cr_assert(vm->pending != 0);
    cr_expect_eq(rt_as_object(vm->pending)->type, type, "%s: raised %s, expected %s", context,
                 rt_as_object(vm->pending)->type->name, type->name);
    cr_expect(strcmp(pending_text(), message) == 0, "%s: message %s, want %s", context,
              pending_text(), message);
    vm->pending = 0;
}

/* Value builders for the tables below. */
static rt_value S(const char *s) { return rt_str_from_cstr(s); }
static rt_value F(double d) { return rt_float_new(d); }

static rt_value I(const char *digits)
{
    bool negative = digits[0] == '-';
    rt_value v = rt_int_from_string(vm, digits + negative, 10);
    return negative ? rt_int_unary(vm, RT_NEG, v) : v;
}

static rt_value T(int n, ...)
{
    rt_value t = rt_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++)
        rt_as_tuple(t)->items[k] = va_arg(ap, rt_value);
    va_end(ap);
    return t;
}

static rt_value L(int n, ...)
{
    rt_value l = rt_list_new(n);
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++)
        rt_list_append(vm, l, va_arg(ap, rt_value));
    va_end(ap);
    return l;
}

static rt_value D(int n, ...)
{
    rt_value d = rt_dict_new();
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++) {
        rt_value key = va_arg(ap, rt_value);
        rt_dict_set(vm, d, key, va_arg(ap, rt_value));
    }
    va_end(ap);
    return d;
}

/* Calls a str method from the type's method table. */
static rt_value call_kw(rt_value self, const char *name, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    for (const rt_method *m = rt_str_type.methods; m->name; m++)
        if (strcmp(m->name, name) == 0)
            return m->fn(vm, self, nargs, args, kwnames);
    cr_assert_fail("no method str.%s", name);
    return 0;
}

static rt_value call(rt_value self, const char *name, size_t nargs, const rt_value *args)
{
    return call_kw(self, name, nargs, args, 0);
}

/* --- core ----------------------------------------------------------------------------------- */

Test(str, hash_matches_cpython_with_hashseed_0)
{
    /* PYTHONHASHSEED=0 python3.11 -c 'print(hash(...))' */
    cr_expect_eq(rt_str_hash(S("abc")), -4594863902769663758);
    cr_expect_eq(rt_str_hash(S("")), 0);
    cr_expect_eq(rt_str_hash(S("h\xc3\xa9llo")), 6395329678795984700);        /* 'héllo' */
    cr_expect_eq(rt_str_hash(S("\xe6\x97\xa5\xe6\x9c\xac")), 6243316497235261705); /* '日本' */
    cr_expect_eq(rt_str_hash(S("\xf0\x9f\x98\x80")), -3536540696076613844);   /* '😀' */
    cr_expect_eq(rt_str_hash(S("hello world")), -5642461784034726774);
    cr_expect_eq(rt_str_hash(S("\xc3\xa9")), 6047309291227476195);            /* 'é' */
    cr_expect_eq(rt_str_hash(S("abcdefgh")), 4574395652268504554);
    cr_expect_eq(rt_str_hash(S("abcdefg")), 7904145750247929094);
    char hundred[101];
    memset(hundred, 'a', 100);
    hundred[100] = '\0';
    cr_expect_eq(rt_str_hash(S(hundred)), -2643860352045292050); /* 'a'*100 */
}

Test(str, repr_quotes_and_escapes)
{
    expect_str(rt_str_repr(vm, S("it's")), "\"it's\"");           /* repr("it's") */
    expect_str(rt_str_repr(vm, S("a\"b")), "'a\"b'");             /* repr('a"b') */
    expect_str(rt_str_repr(vm, S("it's \"x\"")), "'it\\'s \"x\"'"); /* repr('it\'s "x"') */
    /* repr('\n\t\\\x00\x7f\x1b') */
    expect_str(rt_str_repr(vm, rt_str_new("\n\t\\\0\x7f\x1b", 6)), "'\\n\\t\\\\\\x00\\x7f\\x1b'");
    /* repr('é\xa0\u2028\U0001F600\u200b\xad') */
    expect_str(rt_str_repr(vm, S("\xc3\xa9\xc2\xa0\xe2\x80\xa8\xf0\x9f\x98\x80\xe2\x80\x8b\xc2\xad")),
               "'\xc3\xa9\\xa0\\u2028\xf0\x9f\x98\x80\\u200b\\xad'");
    /* ascii('é日😀\n') */
    expect_str(rt_ascii(vm, S("\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\n")),
               "'\\xe9\\u65e5\\U0001f600\\n'");
    expect_str(rt_ascii(vm, L(1, S("\xc3\xa9"))), "['\\xe9']"); /* ascii(['é']) */
}

Test(str, length_counts_code_points)
{
    cr_expect_eq(rt_str_type.length(vm, S("h\xc3\xa9llo")), 5);
    cr_expect_eq(rt_str_type.length(vm, S("\xf0\x9f\x98\x80")), 1);
    cr_expect(rt_as_str(S("abc"))->ascii);
    cr_expect(!rt_as_str(S("\xc3\xa9"))->ascii);
}

Test(str, concatenation_and_repetition)
{
    expect_str(rt_str_type.binary(vm, RT_ADD, S("ab"), S("c\xc3\xa9")), "abc\xc3\xa9");
    cr_expect_eq(rt_as_str(rt_str_type.binary(vm, RT_ADD, S("ab"), S("c\xc3\xa9")))->length, 4);
    expect_str(rt_str_type.binary(vm, RT_MUL, S("ab"), I("3")), "ababab");   /* 'ab'*3 */
    expect_str(rt_str_type.binary(vm, RT_MUL, I("2"), S("x")), "xx");        /* 2*'x' */
    expect_str(rt_str_type.binary(vm, RT_MUL, S("ab"), I("-1")), "");        /* 'ab'*-1 */
    expect_str(rt_str_type.binary(vm, RT_MUL, S("ab"), RT_TRUE), "ab");      /* 'ab'*True */
    expect_error(rt_str_type.binary(vm, RT_ADD, S("a"), I("1")), &rt_type_error_type,
                 "can only concatenate str (not \"int\") to str"); /* 'a'+1 */
    cr_expect_eq(rt_str_type.binary(vm, RT_ADD, I("1"), S("a")), RT_NOT_IMPLEMENTED);
    expect_error(rt_str_type.binary(vm, RT_MUL, S("a"), F(1.5)), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'float'"); /* 'a'*1.5 */
    expect_error(rt_str_type.binary(vm, RT_MUL, F(1.5), S("a")), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'float'"); /* 1.5*'a' */
    expect_error(rt_str_type.binary(vm, RT_MUL, S("a"), S("b")), &rt_type_error_type,
                 "can't multiply sequence by non-int of type 'str'"); /* 'a'*'b' */
    expect_error(rt_str_type.binary(vm, RT_MUL, S("a"), I("9223372036854775808")),
                 &rt_overflow_error_type, "cannot fit 'int' into an index-sized integer");
    expect_error(rt_str_type.binary(vm, RT_MUL, S("ab"), I("4611686018427387904")),
                 &rt_overflow_error_type, "repeated string is too long"); /* 'ab'*(2**62) */
    expect_error(rt_str_type.binary(vm, RT_MUL, S("ab"), I("1099511627776")),
                 &rt_memory_error_type, ""); /* 'ab'*(2**40): cannot be allocated */
}

Test(str, comparison_is_code_point_order)
{
    cr_expect_eq(rt_str_type.compare(vm, S("a"), S("b"), RT_LT), RT_TRUE);
    cr_expect_eq(rt_str_type.compare(vm, S("ab"), S("a"), RT_GT), RT_TRUE);
    cr_expect_eq(rt_str_type.compare(vm, S("\xc3\xa9"), S("z"), RT_GT), RT_TRUE); /* 'é' > 'z' */
    cr_expect_eq(rt_str_type.compare(vm, S("\xef\xbf\xbf"), S("\xf0\x9f\x98\x80"), RT_LT),
                 RT_TRUE); /* '\uffff' < '😀' */
    cr_expect_eq(rt_str_type.compare(vm, S("x"), S("x"), RT_EQ), RT_TRUE);
    cr_expect_eq(rt_str_type.compare(vm, S("x"), I("1"), RT_EQ), RT_NOT_IMPLEMENTED);
}

Test(str, contains)
{
    cr_expect_eq(rt_str_type.contains(vm, S("h\xc3\xa9llo"), S("\xc3\xa9l")), 1);
    cr_expect_eq(rt_str_type.contains(vm, S("hello"), S("")), 1);
    cr_expect_eq(rt_str_type.contains(vm, S("hello"), S("z")), 0);
    cr_expect_eq(rt_str_type.contains(vm, S("abc"), I("1")), -1);
    expect_error(0, &rt_type_error_type, "'in <string>' requires string as left operand, not int");
}

Test(str, indexing)
{
    expect_str(rt_str_type.getitem(vm, S("abc"), I("1")), "b");
    expect_str(rt_str_type.getitem(vm, S("abc"), I("-1")), "c");
    expect_str(rt_str_type.getitem(vm, S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), I("-1")),
               "\xe8\xaa\x9e"); /* '日本語'[-1] */
    expect_error(rt_str_type.getitem(vm, S("abc"), I("5")), &rt_index_error_type,
                 "string index out of range"); /* 'abc'[5] */
    expect_error(rt_str_type.getitem(vm, S("abc"), I("-4")), &rt_index_error_type,
                 "string index out of range");
    expect_error(rt_str_type.getitem(vm, S("abc"), F(1.5)), &rt_type_error_type,
                 "string indices must be integers, not 'float'"); /* 'abc'[1.5] */
    expect_error(rt_str_type.getitem(vm, S("abc"), S("x")), &rt_type_error_type,
                 "string indices must be integers, not 'str'");
    expect_str(rt_str_type.getitem(vm, S("abc"), RT_TRUE), "b");
}

static rt_value slice(rt_value a, rt_value b, rt_value c) { return rt_slice_new(vm, a, b, c); }

Test(str, slicing)
{
    rt_value s = S("abcdef");
    expect_str(rt_str_type.getitem(vm, s, slice(RT_NONE, RT_NONE, I("2"))), "ace");    /* [::2] */
    expect_str(rt_str_type.getitem(vm, s, slice(RT_NONE, RT_NONE, I("-1"))), "fedcba"); /* [::-1] */
    expect_str(rt_str_type.getitem(vm, s, slice(I("-2"), RT_NONE, RT_NONE)), "ef");    /* [-2:] */
    expect_str(rt_str_type.getitem(vm, s, slice(I("10"), RT_NONE, RT_NONE)), "");      /* [10:] */
    expect_str(rt_str_type.getitem(vm, s, slice(I("4"), I("1"), I("-2"))), "ec");      /* [4:1:-2] */
    rt_value u = S("h\xc3\xa9llo");
    expect_str(rt_str_type.getitem(vm, u, slice(I("1"), I("4"), RT_NONE)), "\xc3\xa9ll"); /* [1:4] */
    expect_str(rt_str_type.getitem(vm, u, slice(RT_NONE, RT_NONE, I("-2"))), "olh");      /* [::-2] */
    expect_str(rt_str_type.getitem(vm, u, slice(RT_NONE, RT_NONE, I("-1"))), "oll\xc3\xa9h");
    expect_error(rt_str_type.getitem(vm, s, slice(RT_NONE, RT_NONE, I("0"))), &rt_value_error_type,
                 "slice step cannot be zero");
    expect_error(rt_str_type.getitem(vm, s, slice(F(1.5), RT_NONE, RT_NONE)), &rt_type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
}

Test(str, iteration_yields_characters)
{
    rt_value it = rt_str_type.iter(vm, S("a\xc3\xa9\xf0\x9f\x98\x80"));
    cr_expect_str_eq(rt_type_of(it)->name, "str_iterator");
    expect_str(rt_type_of(it)->next(vm, it), "a");
    expect_str(rt_type_of(it)->next(vm, it), "\xc3\xa9");
    expect_str(rt_type_of(it)->next(vm, it), "\xf0\x9f\x98\x80");
    cr_expect_eq(rt_type_of(it)->next(vm, it), RT_ITER_DONE);
    cr_expect_eq(rt_type_of(it)->next(vm, it), RT_ITER_DONE);
    cr_expect_str_eq(rt_type_of(rt_str_type.iter(vm, S("ab")))->name, "str_ascii_iterator");
}

Test(str, construct)
{
    expect_str(rt_str_type.construct(vm, &rt_str_type, 0, NULL, 0), "");
    expect_str(rt_str_type.construct(vm, &rt_str_type, 1, (rt_value[]){F(0.1)}, 0), "0.1");
    expect_str(rt_str_type.construct(vm, &rt_str_type, 1, (rt_value[]){RT_TRUE}, 0), "True");
    expect_error(rt_str_type.construct(vm, &rt_str_type, 1, (rt_value[]){I("1")}, T(1, S("x"))),
                 &rt_type_error_type, "'x' is an invalid keyword argument for str()"); /* str(x=1) */
}

Test(str, printf)
{
    expect_str(rt_str_printf(vm, "%d|%s|%zu|%lld|%c|%x|%5d|%-3s|%%|%.2s", -5, "ab", (size_t)7,
                             (long long)-9, 'q', 255, 42, "a", "xyz"),
               "-5|ab|7|-9|q|ff|   42|a  |%|xy");
    expect_str(rt_str_printf(vm, "%R %S %T %U", S("a'b"), S("x"), F(1.5), S("\xc3\xa9")),
               "\"a'b\" x float \xc3\xa9");
    expect_str(rt_str_printf(vm, "[%.2U]", S("\xc3\xa9\xc3\xa9\xc3\xa9")), "[\xc3\xa9\xc3\xa9]");
    expect_str(rt_str_printf(vm, "%.*s|%*d|%g|%5.2f|%lu|%p", 2, "abcd", 4, 7, 0.5, 3.14159,
                             123456789012UL, (void *)0x10),
               "ab|   7|0.5| 3.14|123456789012|0x10");
    char long_text[300];
    memset(long_text, 'x', 299);
    long_text[299] = '\0';
    cr_expect_eq(rt_str_size(rt_str_printf(vm, "<%s>", long_text)), 301);
}

Test(str, interning_returns_one_object)
{
    rt_value a = rt_str_intern(vm, "name");
    rt_value b = rt_str_intern_value(vm, S("name"));
    cr_expect_eq(a, b);
    cr_expect(rt_str_equal_cstr(a, "name"));
}

Test(str, strbuf)
{
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (int k = 0; k < 1000; k++)
        rt_strbuf_append_cstr(&b, "\xc3\xa9");
    cr_assert(rt_strbuf_append_repr_of(vm, &b, S("x")));
    rt_value s = rt_strbuf_finish(&b);
    cr_expect_eq(rt_as_str(s)->length, 1003);
    cr_expect_eq(rt_str_size(s), 2003);
}

Test(str, keyword_arguments)
{
    rt_value r = call_kw(S("a,b,c"), "split", 0, (rt_value[]){S(","), I("1")},
                         T(2, S("sep"), S("maxsplit")));
    expect_repr(r, "['a', 'b,c']"); /* 'a,b,c'.split(sep=',', maxsplit=1) */
    r = call_kw(S("a\nb"), "splitlines", 0, (rt_value[]){RT_TRUE}, T(1, S("keepends")));
    expect_repr(r, "['a\\n', 'b']"); /* 'a\nb'.splitlines(keepends=True) */
    r = call_kw(S("\tx"), "expandtabs", 0, (rt_value[]){I("2")}, T(1, S("tabsize")));
    expect_str(r, "  x"); /* '\tx'.expandtabs(tabsize=2) */
    expect_error(call_kw(S("a"), "split", 0, (rt_value[]){I("1")}, T(1, S("x"))),
                 &rt_type_error_type, "'x' is an invalid keyword argument for split()");
    expect_error(call_kw(S("a"), "split", 1, (rt_value[]){S(","), S(",")}, T(1, S("sep"))),
                 &rt_type_error_type, "argument for split() given by name ('sep') and position (1)");
    expect_error(call_kw(S("a"), "find", 1, (rt_value[]){S("a"), I("1")}, T(1, S("x"))),
                 &rt_type_error_type, "str.find() takes no keyword arguments");
    expect_error(call_kw(S("a"), "upper", 0, (rt_value[]){I("1")}, T(1, S("x"))),
                 &rt_type_error_type, "str.upper() takes no keyword arguments");
    expect_error(call_kw(S("a"), "replace", 2, (rt_value[]){S("a"), S("b"), I("1")},
                         T(1, S("count"))),
                 &rt_type_error_type, "str.replace() takes no keyword arguments");
}

Test(str, format_map)
{
    /* '{a}-{b[0]}'.format_map({'a': 1, 'b': 'xy'}) */
    expect_str(call(S("{a}-{b[0]}"), "format_map", 1,
                    (rt_value[]){D(2, S("a"), I("1"), S("b"), S("xy"))}),
               "1-x");
    /* '{c}'.format_map({}) */
    expect_error(call(S("{c}"), "format_map", 1, (rt_value[]){D(0)}), &rt_key_error_type, "c");
}

Test(str, translate)
{
    rt_value table = call(rt_type_value(&rt_str_type), "maketrans", 3,
                          (rt_value[]){S("ab"), S("xy"), S("c")});
    expect_repr(table, "{97: 120, 98: 121, 99: None}"); /* str.maketrans('ab', 'xy', 'c') */
    expect_str(call(S("abcabc"), "translate", 1, &table), "xyxy");
    /* 'hello'.translate({104: 'J', 108: None, 111: 0x263A}) */
    rt_value t2 = D(3, I("104"), S("J"), I("108"), RT_NONE, I("111"), I("9786"));
    expect_str(call(S("hello"), "translate", 1, &t2), "Je\xe2\x98\xba");
    rt_value bad = D(1, I("97"), F(1.5));
    expect_error(call(S("a"), "translate", 1, &bad), &rt_type_error_type,
                 "character mapping must return integer, None or str");
    rt_value str_type = rt_type_value(&rt_str_type);
    expect_error(call(str_type, "maketrans", 2, (rt_value[]){S("ab"), S("x")}),
                 &rt_value_error_type, "the first two maketrans arguments must have equal length");
    expect_error(call(str_type, "maketrans", 2, (rt_value[]){S("ab"), I("2")}), &rt_type_error_type,
                 "maketrans() argument 2 must be str, not int"); /* str.maketrans('ab', 2) */
    /* str.maketrans({'a': '1', 98: None}) */
    rt_value one = D(2, S("a"), S("1"), I("98"), RT_NONE);
    expect_repr(call(str_type, "maketrans", 1, &one), "{97: '1', 98: None}");
    expect_error(call(str_type, "maketrans", 1, (rt_value[]){I("1")}), &rt_type_error_type,
                 "if you give only one argument to maketrans it must be a dict");
}

Test(str, format_value_and_build_string)
{
    expect_str(rt_format_value(vm, S("a"), 'r', 0), "'a'");              /* f'{"a"!r}' */
    expect_str(rt_format_value(vm, F(0.5), 0, S(".1%")), "50.0%");      /* f'{0.5:.1%}' */
    expect_str(rt_format_value(vm, S("\xc3\xa9"), 'a', S(">6")), "'\\xe9'"); /* f'{"é"!a:>6}' */
    expect_str(rt_format_value(vm, I("7"), 's', S("03")), "700"); /* f'{7!s:03}' */
    rt_value parts[] = {S("a"), S("\xc3\xa9"), S(""), S("c")};
    expect_str(rt_build_string(vm, 4, parts), "a\xc3\xa9" "c");
    cr_expect_eq(rt_as_str(rt_build_string(vm, 4, parts))->length, 3);
}

/* --- generated from CPython: str methods ------------------------------------------------- */

Test(str, methods)
{
    context = "'a'.find()";
    expect_error(call(S("a"), "find", 0, (rt_value[]){0}), &rt_type_error_type, "find() takes at least 1 argument (0 given)");
    context = "'a'.find(1,2,3,4)";
    expect_error(call(S("a"), "find", 4, (rt_value[]){I("1"), I("2"), I("3"), I("4")}), &rt_type_error_type, "find() takes at most 3 arguments (4 given)");
    context = "'a'.count()";
    expect_error(call(S("a"), "count", 0, (rt_value[]){0}), &rt_type_error_type, "count() takes at least 1 argument (0 given)");
    context = "'a'.startswith()";
    expect_error(call(S("a"), "startswith", 0, (rt_value[]){0}), &rt_type_error_type, "startswith() takes at least 1 argument (0 given)");
    context = "'a'.replace('a')";
    expect_error(call(S("a"), "replace", 1, (rt_value[]){S("a")}), &rt_type_error_type, "replace expected at least 2 arguments, got 1");
    context = "'a'.replace('a', 'b', 1, 2)";
    expect_error(call(S("a"), "replace", 4, (rt_value[]){S("a"), S("b"), I("1"), I("2")}), &rt_type_error_type, "replace expected at most 3 arguments, got 4");
    context = "'a'.center()";
    expect_error(call(S("a"), "center", 0, (rt_value[]){0}), &rt_type_error_type, "center expected at least 1 argument, got 0");
    context = "'a'.center(1,2,3)";
    expect_error(call(S("a"), "center", 3, (rt_value[]){I("1"), I("2"), I("3")}), &rt_type_error_type, "center expected at most 2 arguments, got 3");
    context = "'a'.center(5, 1)";
    expect_error(call(S("a"), "center", 2, (rt_value[]){I("5"), I("1")}), &rt_type_error_type, "The fill character must be a unicode character, not int");
    context = "'a'.strip(1, 2)";
    expect_error(call(S("a"), "strip", 2, (rt_value[]){I("1"), I("2")}), &rt_type_error_type, "strip expected at most 1 argument, got 2");
    context = "'a'.join()";
    expect_error(call(S("a"), "join", 0, (rt_value[]){0}), &rt_type_error_type, "str.join() takes exactly one argument (0 given)");
    context = "'a'.join(1, 2)";
    expect_error(call(S("a"), "join", 2, (rt_value[]){I("1"), I("2")}), &rt_type_error_type, "str.join() takes exactly one argument (2 given)");
    context = "'a'.partition()";
    expect_error(call(S("a"), "partition", 0, (rt_value[]){0}), &rt_type_error_type, "str.partition() takes exactly one argument (0 given)");
    context = "'a'.zfill()";
    expect_error(call(S("a"), "zfill", 0, (rt_value[]){0}), &rt_type_error_type, "str.zfill() takes exactly one argument (0 given)");
    context = "'a'.splitlines(1, 2)";
    expect_error(call(S("a"), "splitlines", 2, (rt_value[]){I("1"), I("2")}), &rt_type_error_type, "splitlines() takes at most 1 argument (2 given)");
    context = "'a'.ljust(3, 'ab')";
    expect_error(call(S("a"), "ljust", 2, (rt_value[]){I("3"), S("ab")}), &rt_type_error_type, "The fill character must be exactly one character long");
    context = "'a'.removeprefix()";
    expect_error(call(S("a"), "removeprefix", 0, (rt_value[]){0}), &rt_type_error_type, "str.removeprefix() takes exactly one argument (0 given)");
    context = "'a'.index('b', 0, 1)";
    expect_error(call(S("a"), "index", 3, (rt_value[]){S("b"), I("0"), I("1")}), &rt_value_error_type, "substring not found");
    context = "'abc'.find('c', None, None)";
    expect_repr(call(S("abc"), "find", 3, (rt_value[]){S("c"), RT_NONE, RT_NONE}), "2");
    context = "'abc'.find('c', 'x')";
    expect_error(call(S("abc"), "find", 2, (rt_value[]){S("c"), S("x")}), &rt_type_error_type, "slice indices must be integers or None or have an __index__ method");
    context = "'abc'.find('c', 1.5)";
    expect_error(call(S("abc"), "find", 2, (rt_value[]){S("c"), F(1.5)}), &rt_type_error_type, "slice indices must be integers or None or have an __index__ method");
    context = "'abc'.startswith('c', 1.5)";
    expect_error(call(S("abc"), "startswith", 2, (rt_value[]){S("c"), F(1.5)}), &rt_type_error_type, "slice indices must be integers or None or have an __index__ method");
    context = "'abc'.endswith(('x', 'c'))";
    expect_repr(call(S("abc"), "endswith", 1, (rt_value[]){T(2, S("x"), S("c"))}), "True");
    context = "'abc'.count('', 1)";
    expect_repr(call(S("abc"), "count", 2, (rt_value[]){S(""), I("1")}), "3");
    context = "'abc'.replace('', '-')";
    expect_repr(call(S("abc"), "replace", 2, (rt_value[]){S(""), S("-")}), "'-a-b-c-'");
    context = "'abc'.replace('', '-', 2)";
    expect_repr(call(S("abc"), "replace", 3, (rt_value[]){S(""), S("-"), I("2")}), "'-a-bc'");
    context = "'a b  c'.split()";
    expect_repr(call(S("a b  c"), "split", 0, (rt_value[]){0}), "['a', 'b', 'c']");
    context = "'  a b  c  '.split(None, 1)";
    expect_repr(call(S("  a b  c  "), "split", 2, (rt_value[]){RT_NONE, I("1")}), "['a', 'b  c  ']");
    context = "'  a b  c  '.rsplit(None, 1)";
    expect_repr(call(S("  a b  c  "), "rsplit", 2, (rt_value[]){RT_NONE, I("1")}), "['  a b', 'c']");
    context = "'a,b,,c'.split(',')";
    expect_repr(call(S("a,b,,c"), "split", 1, (rt_value[]){S(",")}), "['a', 'b', '', 'c']");
    context = "'a,b,,c'.rsplit(',', 1)";
    expect_repr(call(S("a,b,,c"), "rsplit", 2, (rt_value[]){S(","), I("1")}), "['a,b,', 'c']");
    context = "'a\\nb\\r\\nc\\rd\\x0be\\x1cf\\u2028g'.splitlines()";
    expect_repr(call(S("a\nb\r\nc\rd\x0b""e\x1c""f\xe2""\x80""\xa8""g"), "splitlines", 0, (rt_value[]){0}), "['a', 'b', 'c', 'd', 'e', 'f', 'g']");
    context = "'a\\nb\\r\\n'.splitlines(True)";
    expect_repr(call(S("a\nb\r\n"), "splitlines", 1, (rt_value[]){RT_TRUE}), "['a\\n', 'b\\r\\n']");
    context = "'hello world'.title()";
    expect_repr(call(S("hello world"), "title", 0, (rt_value[]){0}), "'Hello World'");
    context = "\"they're bill's\".title()";
    expect_repr(call(S("they're bill's"), "title", 0, (rt_value[]){0}), "\"They'Re Bill'S\"");
    context = "'\xc3""\x9f""'.upper()";
    expect_repr(call(S("\xc3""\x9f"""), "upper", 0, (rt_value[]){0}), "'SS'");
    context = "'\xc4""\xb0""'.lower()";
    expect_repr(call(S("\xc4""\xb0"""), "lower", 0, (rt_value[]){0}), "'i\xcc""\x87""'");
    context = "'\xce""\xa3""\xce""\x91""\xce""\xa3""'.lower()";
    expect_repr(call(S("\xce""\xa3""\xce""\x91""\xce""\xa3"""), "lower", 0, (rt_value[]){0}), "'\xcf""\x83""\xce""\xb1""\xcf""\x82""'");
    context = "'hello'.capitalize()";
    expect_repr(call(S("hello"), "capitalize", 0, (rt_value[]){0}), "'Hello'");
    context = "'HELLO wORLD'.swapcase()";
    expect_repr(call(S("HELLO wORLD"), "swapcase", 0, (rt_value[]){0}), "'hello World'");
    context = "'abc'.center(10, '*')";
    expect_repr(call(S("abc"), "center", 2, (rt_value[]){I("10"), S("*")}), "'***abc****'");
    context = "'abc'.center(6, '*')";
    expect_repr(call(S("abc"), "center", 2, (rt_value[]){I("6"), S("*")}), "'*abc**'");
    context = "'abc'.center(4, '*')";
    expect_repr(call(S("abc"), "center", 2, (rt_value[]){I("4"), S("*")}), "'abc*'");
    context = "'ab'.center(5)";
    expect_repr(call(S("ab"), "center", 1, (rt_value[]){I("5")}), "'  ab '");
    context = "'-42'.zfill(6)";
    expect_repr(call(S("-42"), "zfill", 1, (rt_value[]){I("6")}), "'-00042'");
    context = "'+42'.zfill(6)";
    expect_repr(call(S("+42"), "zfill", 1, (rt_value[]){I("6")}), "'+00042'");
    context = "'42'.zfill(1)";
    expect_repr(call(S("42"), "zfill", 1, (rt_value[]){I("1")}), "'42'");
    context = "'a\\tb\\tc'.expandtabs()";
    expect_repr(call(S("a\tb\tc"), "expandtabs", 0, (rt_value[]){0}), "'a       b       c'");
    context = "'ab\\tc\\n\\td'.expandtabs(4)";
    expect_repr(call(S("ab\tc\n\td"), "expandtabs", 1, (rt_value[]){I("4")}), "'ab  c\\n    d'");
    context = "'x'.isidentifier()";
    expect_repr(call(S("x"), "isidentifier", 0, (rt_value[]){0}), "True");
    context = "'1x'.isidentifier()";
    expect_repr(call(S("1x"), "isidentifier", 0, (rt_value[]){0}), "False");
    context = "'_'.isidentifier()";
    expect_repr(call(S("_"), "isidentifier", 0, (rt_value[]){0}), "True");
    context = "'\xc3""\xa9""'.isidentifier()";
    expect_repr(call(S("\xc3""\xa9"""), "isidentifier", 0, (rt_value[]){0}), "True");
    context = "''.isdigit()";
    expect_repr(call(S(""), "isdigit", 0, (rt_value[]){0}), "False");
    context = "'\xc2""\xb2""'.isdigit()";
    expect_repr(call(S("\xc2""\xb2"""), "isdigit", 0, (rt_value[]){0}), "True");
    context = "'\xc2""\xb2""'.isdecimal()";
    expect_repr(call(S("\xc2""\xb2"""), "isdecimal", 0, (rt_value[]){0}), "False");
    context = "'\xc2""\xbd""'.isnumeric()";
    expect_repr(call(S("\xc2""\xbd"""), "isnumeric", 0, (rt_value[]){0}), "True");
    context = "'Aa'.isupper()";
    expect_repr(call(S("Aa"), "isupper", 0, (rt_value[]){0}), "False");
    context = "'A1'.isupper()";
    expect_repr(call(S("A1"), "isupper", 0, (rt_value[]){0}), "True");
    context = "'1'.isupper()";
    expect_repr(call(S("1"), "isupper", 0, (rt_value[]){0}), "False");
    context = "'Hello World'.istitle()";
    expect_repr(call(S("Hello World"), "istitle", 0, (rt_value[]){0}), "True");
    context = "'  '.isspace()";
    expect_repr(call(S("  "), "isspace", 0, (rt_value[]){0}), "True");
    context = "''.isspace()";
    expect_repr(call(S(""), "isspace", 0, (rt_value[]){0}), "False");
    context = "'abc'.isalnum()";
    expect_repr(call(S("abc"), "isalnum", 0, (rt_value[]){0}), "True");
    context = "'abc1'.isalpha()";
    expect_repr(call(S("abc1"), "isalpha", 0, (rt_value[]){0}), "False");
    context = "'\xc3""\xa9""'.isalpha()";
    expect_repr(call(S("\xc3""\xa9"""), "isalpha", 0, (rt_value[]){0}), "True");
    context = "'\xe6""\x97""\xa5""\xe6""\x9c""\xac""'.isalpha()";
    expect_repr(call(S("\xe6""\x97""\xa5""\xe6""\x9c""\xac"""), "isalpha", 0, (rt_value[]){0}), "True");
    context = "'abc'.isascii()";
    expect_repr(call(S("abc"), "isascii", 0, (rt_value[]){0}), "True");
    context = "'aaa'.rfind('a')";
    expect_repr(call(S("aaa"), "rfind", 1, (rt_value[]){S("a")}), "2");
    context = "'aaa'.rindex('a', 0, 2)";
    expect_repr(call(S("aaa"), "rindex", 3, (rt_value[]){S("a"), I("0"), I("2")}), "1");
    context = "'aaaa'.count('aa')";
    expect_repr(call(S("aaaa"), "count", 1, (rt_value[]){S("aa")}), "2");
    context = "'abcabc'.rpartition('b')";
    expect_repr(call(S("abcabc"), "rpartition", 1, (rt_value[]){S("b")}), "('abca', 'b', 'c')");
    context = "'abc'.rpartition('x')";
    expect_repr(call(S("abc"), "rpartition", 1, (rt_value[]){S("x")}), "('', '', 'abc')");
    context = "'abc'.partition('x')";
    expect_repr(call(S("abc"), "partition", 1, (rt_value[]){S("x")}), "('abc', '', '')");
    context = "'  x  '.lstrip()";
    expect_repr(call(S("  x  "), "lstrip", 0, (rt_value[]){0}), "'x  '");
    context = "'xxaxx'.strip('x')";
    expect_repr(call(S("xxaxx"), "strip", 1, (rt_value[]){S("x")}), "'a'");
    context = "'xyaxy'.rstrip('yx')";
    expect_repr(call(S("xyaxy"), "rstrip", 1, (rt_value[]){S("yx")}), "'xya'");
    context = "'abc'.casefold()";
    expect_repr(call(S("abc"), "casefold", 0, (rt_value[]){0}), "'abc'");
    context = "'\xc3""\x9f""'.casefold()";
    expect_repr(call(S("\xc3""\x9f"""), "casefold", 0, (rt_value[]){0}), "'ss'");
    context = "'a-b'.split('-', -1)";
    expect_repr(call(S("a-b"), "split", 2, (rt_value[]){S("-"), I("-1")}), "['a', 'b']");
    context = "'a-b'.split('-', 0)";
    expect_repr(call(S("a-b"), "split", 2, (rt_value[]){S("-"), I("0")}), "['a-b']");
    context = "''.split()";
    expect_repr(call(S(""), "split", 0, (rt_value[]){0}), "[]");
    context = "''.split(',')";
    expect_repr(call(S(""), "split", 1, (rt_value[]){S(",")}), "['']");
    context = "'abc'.rjust(5, '\xc3""\xa9""')";
    expect_repr(call(S("abc"), "rjust", 2, (rt_value[]){I("5"), S("\xc3""\xa9""")}), "'\xc3""\xa9""\xc3""\xa9""abc'");
    context = "'\xc3""\xa9""a'.find('a')";
    expect_repr(call(S("\xc3""\xa9""a"), "find", 1, (rt_value[]){S("a")}), "1");
    context = "'a\xc3""\xa9""'.rfind('\xc3""\xa9""')";
    expect_repr(call(S("a\xc3""\xa9"""), "rfind", 1, (rt_value[]){S("\xc3""\xa9""")}), "1");
    context = "'\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""'.index('\xe8""\xaa""\x9e""')";
    expect_repr(call(S("\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e"""), "index", 1, (rt_value[]){S("\xe8""\xaa""\x9e""")}), "2");
    context = "'Hello'.startswith('ell', 1)";
    expect_repr(call(S("Hello"), "startswith", 2, (rt_value[]){S("ell"), I("1")}), "True");
    context = "'Hello'.endswith('ell', 0, 4)";
    expect_repr(call(S("Hello"), "endswith", 3, (rt_value[]){S("ell"), I("0"), I("4")}), "True");
    context = "'Hello'.startswith('', 10)";
    expect_repr(call(S("Hello"), "startswith", 2, (rt_value[]){S(""), I("10")}), "False");
    context = "'Hello'.find('', 10)";
    expect_repr(call(S("Hello"), "find", 2, (rt_value[]){S(""), I("10")}), "-1");
    context = "'Hello'.find('', 5)";
    expect_repr(call(S("Hello"), "find", 2, (rt_value[]){S(""), I("5")}), "5");
    context = "'Hello'.count('', 2, 1)";
    expect_repr(call(S("Hello"), "count", 3, (rt_value[]){S(""), I("2"), I("1")}), "0");
    context = "'a,b,c'.split(',', 1)";
    expect_repr(call(S("a,b,c"), "split", 2, (rt_value[]){S(","), I("1")}), "['a', 'b,c']");
    context = "'a,b,c'.rsplit(',', 1)";
    expect_repr(call(S("a,b,c"), "rsplit", 2, (rt_value[]){S(","), I("1")}), "['a,b', 'c']");
    context = "'  a  b  '.split(None, 0)";
    expect_repr(call(S("  a  b  "), "split", 2, (rt_value[]){RT_NONE, I("0")}), "['a  b  ']");
    context = "'  a  b  '.rsplit(None, 0)";
    expect_repr(call(S("  a  b  "), "rsplit", 2, (rt_value[]){RT_NONE, I("0")}), "['  a  b']");
    context = "'a\\u3000b\\xa0c\\u2028d'.split()";
    expect_repr(call(S("a\xe3""\x80""\x80""b\xc2""\xa0""c\xe2""\x80""\xa8""d"), "split", 0, (rt_value[]){0}), "['a', 'b', 'c', 'd']");
    context = "'x'.join(['a', 'b', 'c'])";
    expect_repr(call(S("x"), "join", 1, (rt_value[]){L(3, S("a"), S("b"), S("c"))}), "'axbxc'");
    context = "', '.join(('x',))";
    expect_repr(call(S(", "), "join", 1, (rt_value[]){T(1, S("x"))}), "'x'");
    context = "''.join([])";
    expect_repr(call(S(""), "join", 1, (rt_value[]){L(0)}), "''");
    context = "'-'.join('abc')";
    expect_repr(call(S("-"), "join", 1, (rt_value[]){S("abc")}), "'a-b-c'");
    context = "'-'.join([1])";
    expect_error(call(S("-"), "join", 1, (rt_value[]){L(1, I("1"))}), &rt_type_error_type, "sequence item 0: expected str instance, int found");
    context = "'-'.join(5)";
    expect_error(call(S("-"), "join", 1, (rt_value[]){I("5")}), &rt_type_error_type, "can only join an iterable");
    context = "'ab'.join(['\xc3""\xa9""', '\xe6""\x97""\xa5""'])";
    expect_repr(call(S("ab"), "join", 1, (rt_value[]){L(2, S("\xc3""\xa9"""), S("\xe6""\x97""\xa5"""))}), "'\xc3""\xa9""ab\xe6""\x97""\xa5""'");
    context = "'hello'.replace('l', 'L')";
    expect_repr(call(S("hello"), "replace", 2, (rt_value[]){S("l"), S("L")}), "'heLLo'");
    context = "'hello'.replace('l', 'L', 1)";
    expect_repr(call(S("hello"), "replace", 3, (rt_value[]){S("l"), S("L"), I("1")}), "'heLlo'");
    context = "'hello'.replace('l', 'L', 0)";
    expect_repr(call(S("hello"), "replace", 3, (rt_value[]){S("l"), S("L"), I("0")}), "'hello'");
    context = "'hello'.replace('l', 'L', -1)";
    expect_repr(call(S("hello"), "replace", 3, (rt_value[]){S("l"), S("L"), I("-1")}), "'heLLo'");
    context = "'h\xc3""\xa9""llo'.replace('\xc3""\xa9""', 'e')";
    expect_repr(call(S("h\xc3""\xa9""llo"), "replace", 2, (rt_value[]){S("\xc3""\xa9"""), S("e")}), "'hello'");
    context = "'aaa'.replace('a', '')";
    expect_repr(call(S("aaa"), "replace", 2, (rt_value[]){S("a"), S("")}), "''");
    context = "'abc'.upper()";
    expect_repr(call(S("abc"), "upper", 0, (rt_value[]){0}), "'ABC'");
    context = "'Stra\xc3""\x9f""e'.upper()";
    expect_repr(call(S("Stra\xc3""\x9f""e"), "upper", 0, (rt_value[]){0}), "'STRASSE'");
    context = "'\xc3""\x80""\xc3""\x89""\xc3""\x8e""'.lower()";
    expect_repr(call(S("\xc3""\x80""\xc3""\x89""\xc3""\x8e"""), "lower", 0, (rt_value[]){0}), "'\xc3""\xa0""\xc3""\xa9""\xc3""\xae""'");
    context = "'\xd0""\x9f""\xd1""\x80""\xd0""\xb8""\xd0""\xb2""\xd0""\xb5""\xd1""\x82""'.upper()";
    expect_repr(call(S("\xd0""\x9f""\xd1""\x80""\xd0""\xb8""\xd0""\xb2""\xd0""\xb5""\xd1""\x82"""), "upper", 0, (rt_value[]){0}), "'\xd0""\x9f""\xd0""\xa0""\xd0""\x98""\xd0""\x92""\xd0""\x95""\xd0""\xa2""'");
    context = "'\xce""\x9f""\xce""\x94""\xce""\x9f""\xce""\xa3"" \xce""\x9f""\xce""\x94""\xce""\x9f""\xce""\xa3""'.lower()";
    expect_repr(call(S("\xce""\x9f""\xce""\x94""\xce""\x9f""\xce""\xa3"" \xce""\x9f""\xce""\x94""\xce""\x9f""\xce""\xa3"""), "lower", 0, (rt_value[]){0}), "'\xce""\xbf""\xce""\xb4""\xce""\xbf""\xcf""\x82"" \xce""\xbf""\xce""\xb4""\xce""\xbf""\xcf""\x82""'");
    context = "'hello WORLD'.capitalize()";
    expect_repr(call(S("hello WORLD"), "capitalize", 0, (rt_value[]){0}), "'Hello world'");
    context = "'\xc3""\x9f""a'.capitalize()";
    expect_repr(call(S("\xc3""\x9f""a"), "capitalize", 0, (rt_value[]){0}), "'Ssa'");
    context = "'hello_world-foo bar'.title()";
    expect_repr(call(S("hello_world-foo bar"), "title", 0, (rt_value[]){0}), "'Hello_World-Foo Bar'");
    context = "'abc123'.isalnum()";
    expect_repr(call(S("abc123"), "isalnum", 0, (rt_value[]){0}), "True");
    context = "'abc 123'.isalnum()";
    expect_repr(call(S("abc 123"), "isalnum", 0, (rt_value[]){0}), "False");
    context = "'ABC'.isupper()";
    expect_repr(call(S("ABC"), "isupper", 0, (rt_value[]){0}), "True");
    context = "'abc'.islower()";
    expect_repr(call(S("abc"), "islower", 0, (rt_value[]){0}), "True");
    context = "'Abc'.islower()";
    expect_repr(call(S("Abc"), "islower", 0, (rt_value[]){0}), "False");
    context = "'Title Case'.istitle()";
    expect_repr(call(S("Title Case"), "istitle", 0, (rt_value[]){0}), "True");
    context = "'Not title'.istitle()";
    expect_repr(call(S("Not title"), "istitle", 0, (rt_value[]){0}), "False");
    context = "'if'.isidentifier()";
    expect_repr(call(S("if"), "isidentifier", 0, (rt_value[]){0}), "True");
    context = "'a b'.isidentifier()";
    expect_repr(call(S("a b"), "isidentifier", 0, (rt_value[]){0}), "False");
    context = "'123'.isdecimal()";
    expect_repr(call(S("123"), "isdecimal", 0, (rt_value[]){0}), "True");
    context = "'12.3'.isdigit()";
    expect_repr(call(S("12.3"), "isdigit", 0, (rt_value[]){0}), "False");
    context = "'abc'.find('c', -1)";
    expect_repr(call(S("abc"), "find", 2, (rt_value[]){S("c"), I("-1")}), "2");
    context = "'abc'.find('a', -10, -2)";
    expect_repr(call(S("abc"), "find", 3, (rt_value[]){S("a"), I("-10"), I("-2")}), "0");
    context = "'abc'.find('', 3)";
    expect_repr(call(S("abc"), "find", 2, (rt_value[]){S(""), I("3")}), "3");
    context = "'abc'.find('', 4)";
    expect_repr(call(S("abc"), "find", 2, (rt_value[]){S(""), I("4")}), "-1");
    context = "'abcabc'.rfind('abc', 0, 5)";
    expect_repr(call(S("abcabc"), "rfind", 3, (rt_value[]){S("abc"), I("0"), I("5")}), "0");
    context = "'abc'.index('z')";
    expect_error(call(S("abc"), "index", 1, (rt_value[]){S("z")}), &rt_value_error_type, "substring not found");
    context = "'abc'.rindex('z')";
    expect_error(call(S("abc"), "rindex", 1, (rt_value[]){S("z")}), &rt_value_error_type, "substring not found");
    context = "'\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac""'.rfind('\xe6""\x97""\xa5""\xe6""\x9c""\xac""')";
    expect_repr(call(S("\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac"""), "rfind", 1, (rt_value[]){S("\xe6""\x97""\xa5""\xe6""\x9c""\xac""")}), "3");
    context = "'\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac""'.count('\xe6""\x9c""\xac""')";
    expect_repr(call(S("\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac"""), "count", 1, (rt_value[]){S("\xe6""\x9c""\xac""")}), "2");
    context = "'\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac""'.find('\xe6""\x9c""\xac""', 2)";
    expect_repr(call(S("\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""\xe6""\x97""\xa5""\xe6""\x9c""\xac"""), "find", 2, (rt_value[]){S("\xe6""\x9c""\xac"""), I("2")}), "4");
    context = "'banana'.count('an')";
    expect_repr(call(S("banana"), "count", 1, (rt_value[]){S("an")}), "2");
    context = "'banana'.count('a', 2, -1)";
    expect_repr(call(S("banana"), "count", 3, (rt_value[]){S("a"), I("2"), I("-1")}), "1");
    context = "'banana'.startswith('ban')";
    expect_repr(call(S("banana"), "startswith", 1, (rt_value[]){S("ban")}), "True");
    context = "'banana'.startswith(('x', 'ba'))";
    expect_repr(call(S("banana"), "startswith", 1, (rt_value[]){T(2, S("x"), S("ba"))}), "True");
    context = "'banana'.endswith('nan', 0, -1)";
    expect_repr(call(S("banana"), "endswith", 3, (rt_value[]){S("nan"), I("0"), I("-1")}), "True");
    context = "'banana'.endswith('an', 0, -1)";
    expect_repr(call(S("banana"), "endswith", 3, (rt_value[]){S("an"), I("0"), I("-1")}), "True");
    context = "'banana'.startswith('a', -1)";
    expect_repr(call(S("banana"), "startswith", 2, (rt_value[]){S("a"), I("-1")}), "True");
    context = "'abc'.startswith(1)";
    expect_error(call(S("abc"), "startswith", 1, (rt_value[]){I("1")}), &rt_type_error_type, "startswith first arg must be str or a tuple of str, not int");
    context = "'abc'.startswith((1,))";
    expect_error(call(S("abc"), "startswith", 1, (rt_value[]){T(1, I("1"))}), &rt_type_error_type, "tuple for startswith must only contain str, not int");
    context = "'abc'.endswith([])";
    expect_error(call(S("abc"), "endswith", 1, (rt_value[]){L(0)}), &rt_type_error_type, "endswith first arg must be str or a tuple of str, not list");
    context = "'  x '.strip()";
    expect_repr(call(S("  x "), "strip", 0, (rt_value[]){0}), "'x'");
    context = "'\\t\\n x \\u3000'.strip()";
    expect_repr(call(S("\t\n x \xe3""\x80""\x80"""), "strip", 0, (rt_value[]){0}), "'x'");
    context = "'xyzabczyx'.strip('xyz')";
    expect_repr(call(S("xyzabczyx"), "strip", 1, (rt_value[]){S("xyz")}), "'abc'");
    context = "'\xc3""\xa9""\xc3""\xa9""a\xc3""\xa9""\xc3""\xa9""'.strip('\xc3""\xa9""')";
    expect_repr(call(S("\xc3""\xa9""\xc3""\xa9""a\xc3""\xa9""\xc3""\xa9"""), "strip", 1, (rt_value[]){S("\xc3""\xa9""")}), "'a'");
    context = "'abc'.strip(None)";
    expect_repr(call(S("abc"), "strip", 1, (rt_value[]){RT_NONE}), "'abc'");
    context = "'abc'.lstrip(1)";
    expect_error(call(S("abc"), "lstrip", 1, (rt_value[]){I("1")}), &rt_type_error_type, "lstrip arg must be None or str");
    context = "'abc'.center(9)";
    expect_repr(call(S("abc"), "center", 1, (rt_value[]){I("9")}), "'   abc   '");
    context = "'abc'.center(2)";
    expect_repr(call(S("abc"), "center", 1, (rt_value[]){I("2")}), "'abc'");
    context = "'\xc3""\xa9""'.center(4, '\xe6""\x97""\xa5""')";
    expect_repr(call(S("\xc3""\xa9"""), "center", 2, (rt_value[]){I("4"), S("\xe6""\x97""\xa5""")}), "'\xe6""\x97""\xa5""\xc3""\xa9""\xe6""\x97""\xa5""\xe6""\x97""\xa5""'");
    context = "'abc'.ljust(6, '.')";
    expect_repr(call(S("abc"), "ljust", 2, (rt_value[]){I("6"), S(".")}), "'abc...'");
    context = "'abc'.rjust(6, '.')";
    expect_repr(call(S("abc"), "rjust", 2, (rt_value[]){I("6"), S(".")}), "'...abc'");
    context = "'abc'.ljust(2**63)";
    expect_error(call(S("abc"), "ljust", 1, (rt_value[]){I("9223372036854775808")}), &rt_overflow_error_type, "Python int too large to convert to C ssize_t");
    context = "'abc'.center(5, 'xy')";
    expect_error(call(S("abc"), "center", 2, (rt_value[]){I("5"), S("xy")}), &rt_type_error_type, "The fill character must be exactly one character long");
    context = "'abc'.center(5, 1)";
    expect_error(call(S("abc"), "center", 2, (rt_value[]){I("5"), I("1")}), &rt_type_error_type, "The fill character must be a unicode character, not int");
    context = "'42'.zfill(5)";
    expect_repr(call(S("42"), "zfill", 1, (rt_value[]){I("5")}), "'00042'");
    context = "'-'.zfill(3)";
    expect_repr(call(S("-"), "zfill", 1, (rt_value[]){I("3")}), "'-00'");
    context = "''.zfill(3)";
    expect_repr(call(S(""), "zfill", 1, (rt_value[]){I("3")}), "'000'");
    context = "'a\\tbc\\td'.expandtabs(3)";
    expect_repr(call(S("a\tbc\td"), "expandtabs", 1, (rt_value[]){I("3")}), "'a  bc d'");
    context = "'a\\tb'.expandtabs(0)";
    expect_repr(call(S("a\tb"), "expandtabs", 1, (rt_value[]){I("0")}), "'ab'");
    context = "'a\\tb'.expandtabs(-1)";
    expect_repr(call(S("a\tb"), "expandtabs", 1, (rt_value[]){I("-1")}), "'ab'");
    context = "'k=v=w'.partition('=')";
    expect_repr(call(S("k=v=w"), "partition", 1, (rt_value[]){S("=")}), "('k', '=', 'v=w')");
    context = "'k=v=w'.rpartition('=')";
    expect_repr(call(S("k=v=w"), "rpartition", 1, (rt_value[]){S("=")}), "('k=v', '=', 'w')");
    context = "'kvw'.rpartition('=')";
    expect_repr(call(S("kvw"), "rpartition", 1, (rt_value[]){S("=")}), "('', '', 'kvw')");
    context = "'abc'.partition('')";
    expect_error(call(S("abc"), "partition", 1, (rt_value[]){S("")}), &rt_value_error_type, "empty separator");
    context = "'abc'.partition(1)";
    expect_error(call(S("abc"), "partition", 1, (rt_value[]){I("1")}), &rt_type_error_type, "must be str, not int");
    context = "'TestCase'.removeprefix('Test')";
    expect_repr(call(S("TestCase"), "removeprefix", 1, (rt_value[]){S("Test")}), "'Case'");
    context = "'TestCase'.removesuffix('Case')";
    expect_repr(call(S("TestCase"), "removesuffix", 1, (rt_value[]){S("Case")}), "'Test'");
    context = "'TestCase'.removesuffix('')";
    expect_repr(call(S("TestCase"), "removesuffix", 1, (rt_value[]){S("")}), "'TestCase'");
    context = "'TestCase'.removeprefix('x')";
    expect_repr(call(S("TestCase"), "removeprefix", 1, (rt_value[]){S("x")}), "'TestCase'");
    context = "'one\\ntwo\\r\\n\\nthree'.splitlines()";
    expect_repr(call(S("one\ntwo\r\n\nthree"), "splitlines", 0, (rt_value[]){0}), "['one', 'two', '', 'three']");
    context = "'one\\ntwo\\r\\n\\nthree\\n'.splitlines(True)";
    expect_repr(call(S("one\ntwo\r\n\nthree\n"), "splitlines", 1, (rt_value[]){RT_TRUE}), "['one\\n', 'two\\r\\n', '\\n', 'three\\n']");
    context = "''.splitlines()";
    expect_repr(call(S(""), "splitlines", 0, (rt_value[]){0}), "[]");
    context = "'a\\x85b\\u2029c\\x0cd'.splitlines()";
    expect_repr(call(S("a\xc2""\x85""b\xe2""\x80""\xa9""c\x0c""d"), "splitlines", 0, (rt_value[]){0}), "['a', 'b', 'c', 'd']");
    context = "'Hello'.swapcase()";
    expect_repr(call(S("Hello"), "swapcase", 0, (rt_value[]){0}), "'hELLO'");
    context = "'ABC'.casefold()";
    expect_repr(call(S("ABC"), "casefold", 0, (rt_value[]){0}), "'abc'");
    context = "'abc'.upper(1)";
    expect_error(call(S("abc"), "upper", 1, (rt_value[]){I("1")}), &rt_type_error_type, "str.upper() takes no arguments (1 given)");
    context = "'abc'.find()";
    expect_error(call(S("abc"), "find", 0, (rt_value[]){0}), &rt_type_error_type, "find() takes at least 1 argument (0 given)");
    context = "'abc'.find('a', 1, 2, 3)";
    expect_error(call(S("abc"), "find", 4, (rt_value[]){S("a"), I("1"), I("2"), I("3")}), &rt_type_error_type, "find() takes at most 3 arguments (4 given)");
    context = "'abc'.replace('a')";
    expect_error(call(S("abc"), "replace", 1, (rt_value[]){S("a")}), &rt_type_error_type, "replace expected at least 2 arguments, got 1");
    context = "'abc'.split('')";
    expect_error(call(S("abc"), "split", 1, (rt_value[]){S("")}), &rt_value_error_type, "empty separator");
    context = "'abc'.split(1)";
    expect_error(call(S("abc"), "split", 1, (rt_value[]){I("1")}), &rt_type_error_type, "must be str or None, not int");
    context = "'abc'.split(None, 1, 2)";
    expect_error(call(S("abc"), "split", 3, (rt_value[]){RT_NONE, I("1"), I("2")}), &rt_type_error_type, "split() takes at most 2 arguments (3 given)");
    context = "'1,2,,3,'.split(',')";
    expect_repr(call(S("1,2,,3,"), "split", 1, (rt_value[]){S(",")}), "['1', '2', '', '3', '']");
    context = "',a,'.rsplit(',')";
    expect_repr(call(S(",a,"), "rsplit", 1, (rt_value[]){S(",")}), "['', 'a', '']");
    context = "'a  b'.split(' ')";
    expect_repr(call(S("a  b"), "split", 1, (rt_value[]){S(" ")}), "['a', '', 'b']");
    context = "'abc'.isascii()";
    expect_repr(call(S("abc"), "isascii", 0, (rt_value[]){0}), "True");
    context = "'\xc3""\xa9""'.isascii()";
    expect_repr(call(S("\xc3""\xa9"""), "isascii", 0, (rt_value[]){0}), "False");
    context = "''.isascii()";
    expect_repr(call(S(""), "isascii", 0, (rt_value[]){0}), "True");
    context = "'\\n'.isprintable()";
    expect_repr(call(S("\n"), "isprintable", 0, (rt_value[]){0}), "False");
    context = "''.isprintable()";
    expect_repr(call(S(""), "isprintable", 0, (rt_value[]){0}), "True");
    context = "'ab'.zfill('x')";
    expect_error(call(S("ab"), "zfill", 1, (rt_value[]){S("x")}), &rt_type_error_type, "'str' object cannot be interpreted as an integer");
    context = "'abc'.count('')";
    expect_repr(call(S("abc"), "count", 1, (rt_value[]){S("")}), "4");
    context = "'abc'.count('', 5)";
    expect_repr(call(S("abc"), "count", 2, (rt_value[]){S(""), I("5")}), "0");
    context = "'abc'.replace('', '-', 2)";
    expect_repr(call(S("abc"), "replace", 3, (rt_value[]){S(""), S("-"), I("2")}), "'-a-bc'");
    context = "''.replace('', 'x')";
    expect_repr(call(S(""), "replace", 2, (rt_value[]){S(""), S("x")}), "'x'");
    context = "'abc'.rjust(1.5)";
    expect_error(call(S("abc"), "rjust", 1, (rt_value[]){F(1.5)}), &rt_type_error_type, "'float' object cannot be interpreted as an integer");
}

Test(str, format_spec)
{
    context = "format(1234, '08,')";
    expect_str(rt_format(vm, I("1234"), S("08,")), "0,001,234");
    context = "format(1234, '09,')";
    expect_str(rt_format(vm, I("1234"), S("09,")), "0,001,234");
    context = "format(1234, '07,')";
    expect_str(rt_format(vm, I("1234"), S("07,")), "001,234");
    context = "format(123, '06,')";
    expect_str(rt_format(vm, I("123"), S("06,")), "00,123");
    context = "format(123, '05,')";
    expect_str(rt_format(vm, I("123"), S("05,")), "0,123");
    context = "format(1, '06_x')";
    expect_str(rt_format(vm, I("1"), S("06_x")), "0_0001");
    context = "format(1, '07_x')";
    expect_str(rt_format(vm, I("1"), S("07_x")), "00_0001");
    context = "format(-1234, '09,')";
    expect_str(rt_format(vm, I("-1234"), S("09,")), "-0,001,234");
    context = "format(-1234.5, '012,.1f')";
    expect_str(rt_format(vm, F(-1234.5), S("012,.1f")), "-0,001,234.5");
    context = "format(1234, '0=9,')";
    expect_str(rt_format(vm, I("1234"), S("0=9,")), "0,001,234");
    context = "format(1234, 'x=9,')";
    expect_str(rt_format(vm, I("1234"), S("x=9,")), "xxxx1,234");
    context = "format(1234, '*^12,')";
    expect_str(rt_format(vm, I("1234"), S("*^12,")), "***1,234****");
    context = "format(255, '#010x')";
    expect_str(rt_format(vm, I("255"), S("#010x")), "0x000000ff");
    context = "format(255, '#10X')";
    expect_str(rt_format(vm, I("255"), S("#10X")), "      0XFF");
    context = "format(-255, '=+#10x')";
    expect_str(rt_format(vm, I("-255"), S("=+#10x")), "-0x     ff");
    context = "format(255, '_b')";
    expect_str(rt_format(vm, I("255"), S("_b")), "1111_1111");
    context = "format(65, 'c')";
    expect_str(rt_format(vm, I("65"), S("c")), "A");
    context = "format(65, '5c')";
    expect_str(rt_format(vm, I("65"), S("5c")), "    A");
    context = "format(True, '')";
    expect_str(rt_format(vm, RT_TRUE, S("")), "True");
    context = "format(True, '>5')";
    expect_str(rt_format(vm, RT_TRUE, S(">5")), "    1");
    context = "format(True, 'd')";
    expect_str(rt_format(vm, RT_TRUE, S("d")), "1");
    context = "format(False, '^7')";
    expect_str(rt_format(vm, RT_FALSE, S("^7")), "   0   ");
    context = "format(1.0, '')";
    expect_str(rt_format(vm, F(1.0), S("")), "1.0");
    context = "format(1e16, '')";
    expect_str(rt_format(vm, F(1e+16), S("")), "1e+16");
    context = "format(1.0, '.3')";
    expect_str(rt_format(vm, F(1.0), S(".3")), "1.0");
    context = "format(100.0, '.3')";
    expect_str(rt_format(vm, F(100.0), S(".3")), "1e+02");
    context = "format(1234.5, '.2')";
    expect_str(rt_format(vm, F(1234.5), S(".2")), "1.2e+03");
    context = "format(1e20, '.3')";
    expect_str(rt_format(vm, F(1e+20), S(".3")), "1e+20");
    context = "format(0.1, '.0')";
    expect_str(rt_format(vm, F(0.1), S(".0")), "0.1");
    context = "format(1.5, '#')";
    expect_str(rt_format(vm, F(1.5), S("#")), "1.5");
    context = "format(1.5, '#.0')";
    expect_str(rt_format(vm, F(1.5), S("#.0")), "2.e+00");
    context = "format(1.0, '#.0f')";
    expect_str(rt_format(vm, F(1.0), S("#.0f")), "1.");
    context = "format(1.0, '#g')";
    expect_str(rt_format(vm, F(1.0), S("#g")), "1.00000");
    context = "format(1.0, '#.3')";
    expect_str(rt_format(vm, F(1.0), S("#.3")), "1.00");
    context = "format(2.5, '.0f')";
    expect_str(rt_format(vm, F(2.5), S(".0f")), "2");
    context = "format(-0.0, 'z.1f')";
    expect_str(rt_format(vm, F(-0.0), S("z.1f")), "0.0");
    context = "format(-0.001, 'z.1f')";
    expect_str(rt_format(vm, F(-0.001), S("z.1f")), "0.0");
    context = "format(-0.001, 'z')";
    expect_str(rt_format(vm, F(-0.001), S("z")), "-0.001");
    context = "format(-0.0, 'z')";
    expect_str(rt_format(vm, F(-0.0), S("z")), "0.0");
    context = "format(-0.0, '')";
    expect_str(rt_format(vm, F(-0.0), S("")), "-0.0");
    context = "format(float('nan'), '+f')";
    expect_str(rt_format(vm, F(NAN), S("+f")), "+nan");
    context = "format(-float('nan'), 'f')";
    expect_str(rt_format(vm, F(NAN), S("f")), "nan");
    context = "format(float('inf'), 'F')";
    expect_str(rt_format(vm, F(INFINITY), S("F")), "INF");
    context = "format(float('-inf'), '010.2f')";
    expect_str(rt_format(vm, F(-INFINITY), S("010.2f")), "-000000inf");
    context = "format(float('nan'), '010')";
    expect_str(rt_format(vm, F(NAN), S("010")), "0000000nan");
    context = "format(0.5, '%')";
    expect_str(rt_format(vm, F(0.5), S("%")), "50.000000%");
    context = "format(0.5, '.1%')";
    expect_str(rt_format(vm, F(0.5), S(".1%")), "50.0%");
    context = "format(123456789.123, ',.2f')";
    expect_str(rt_format(vm, F(123456789.123), S(",.2f")), "123,456,789.12");
    context = "format(123456789.123, '_.2e')";
    expect_str(rt_format(vm, F(123456789.123), S("_.2e")), "1.23e+08");
    context = "format(1234567.0, ',')";
    expect_str(rt_format(vm, F(1234567.0), S(",")), "1,234,567.0");
    context = "format(1234567.0, 'n')";
    expect_str(rt_format(vm, F(1234567.0), S("n")), "1.23457e+06");
    context = "format(1234567, 'n')";
    expect_str(rt_format(vm, I("1234567"), S("n")), "1234567");
    context = "format(12345, ',d')";
    expect_str(rt_format(vm, I("12345"), S(",d")), "12,345");
    context = "format(1e100, ',.0f')";
    expect_str(rt_format(vm, F(1e+100), S(",.0f")), "10,000,000,000,000,000,159,028,911,097,599,180,468,360,808,563,945,281,389,781,327,557,747,838,772,170,381,060,813,469,985,856,815,104");
    context = "format(3, 'e')";
    expect_str(rt_format(vm, I("3"), S("e")), "3.000000e+00");
    context = "format(3, '.2%')";
    expect_str(rt_format(vm, I("3"), S(".2%")), "300.00%");
    context = "format(10**400, 'e')";
    expect_error(rt_format(vm, I("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), S("e")), &rt_overflow_error_type, "int too large to convert to float");
    context = "format(3, 'g')";
    expect_str(rt_format(vm, I("3"), S("g")), "3");
    context = "format(3, 'n')";
    expect_str(rt_format(vm, I("3"), S("n")), "3");
    context = "format(3, 'X')";
    expect_str(rt_format(vm, I("3"), S("X")), "3");
    context = "format(-3, 'b')";
    expect_str(rt_format(vm, I("-3"), S("b")), "-11");
    context = "format(3, '#o')";
    expect_str(rt_format(vm, I("3"), S("#o")), "0o3");
    context = "format(3, '#b')";
    expect_str(rt_format(vm, I("3"), S("#b")), "0b11");
    context = "format(3, '+')";
    expect_str(rt_format(vm, I("3"), S("+")), "+3");
    context = "format(3, ' ')";
    expect_str(rt_format(vm, I("3"), S(" ")), " 3");
    context = "format(-3, ' ')";
    expect_str(rt_format(vm, I("-3"), S(" ")), "-3");
    context = "format('abc', '.2')";
    expect_str(rt_format(vm, S("abc"), S(".2")), "ab");
    context = "format('abc', '^7')";
    expect_str(rt_format(vm, S("abc"), S("^7")), "  abc  ");
    context = "format('abc', 'x^7')";
    expect_str(rt_format(vm, S("abc"), S("x^7")), "xxabcxx");
    context = "format('abc', '05')";
    expect_str(rt_format(vm, S("abc"), S("05")), "abc00");
    context = "format('abc', '<05')";
    expect_str(rt_format(vm, S("abc"), S("<05")), "abc00");
    context = "format('abc', ' ')";
    expect_error(rt_format(vm, S("abc"), S(" ")), &rt_value_error_type, "Space not allowed in string format specifier");
    context = "format('abc', 'z')";
    expect_error(rt_format(vm, S("abc"), S("z")), &rt_value_error_type, "Negative zero coercion (z) not allowed in string format specifier");
    context = "format('abc', '_')";
    expect_error(rt_format(vm, S("abc"), S("_")), &rt_value_error_type, "Cannot specify '_' with 's'.");
    context = "format('abc', 'd')";
    expect_error(rt_format(vm, S("abc"), S("d")), &rt_value_error_type, "Unknown format code 'd' for object of type 'str'");
    context = "format('\xc3""\xa9""', '^5')";
    expect_str(rt_format(vm, S("\xc3""\xa9"""), S("^5")), "  \xc3""\xa9""  ");
    context = "format('abc', '\xc3""\xa9""^5')";
    expect_str(rt_format(vm, S("abc"), S("\xc3""\xa9""^5")), "\xc3""\xa9""abc\xc3""\xa9""");
    context = "format(1.5, '\xc3""\xa9""^7')";
    expect_str(rt_format(vm, F(1.5), S("\xc3""\xa9""^7")), "\xc3""\xa9""\xc3""\xa9""1.5\xc3""\xa9""\xc3""\xa9""");
    context = "format(12, '\xc3""\xa9""')";
    expect_error(rt_format(vm, I("12"), S("\xc3""\xa9""")), &rt_value_error_type, "Unknown format code '\\xe9' for object of type 'int'");
    context = "format(1, '\xc3""\xa9""')";
    expect_error(rt_format(vm, I("1"), S("\xc3""\xa9""")), &rt_value_error_type, "Unknown format code '\\xe9' for object of type 'int'");
    context = "format(1, '\\x01')";
    expect_error(rt_format(vm, I("1"), S("\x01""")), &rt_value_error_type, "Unknown format code '\\x1' for object of type 'int'");
    context = "format(1, ',\\x01')";
    expect_error(rt_format(vm, I("1"), S(",\x01""")), &rt_value_error_type, "Cannot specify ',' with '\\x1'.");
    context = "format(1, '#c')";
    expect_error(rt_format(vm, I("1"), S("#c")), &rt_value_error_type, "Alternate form (#) not allowed with integer format specifier 'c'");
    context = "format(1.5, 'c')";
    expect_error(rt_format(vm, F(1.5), S("c")), &rt_value_error_type, "Unknown format code 'c' for object of type 'float'");
    context = "format(1.5, '.2d')";
    expect_error(rt_format(vm, F(1.5), S(".2d")), &rt_value_error_type, "Unknown format code 'd' for object of type 'float'");
    context = "format(1, '.2f')";
    expect_str(rt_format(vm, I("1"), S(".2f")), "1.00");
    context = "format(1.5, ',,')";
    expect_error(rt_format(vm, F(1.5), S(",,")), &rt_value_error_type, "Cannot specify ',' with ','.");
    context = "format(1.5, '_,')";
    expect_error(rt_format(vm, F(1.5), S("_,")), &rt_value_error_type, "Cannot specify both ',' and '_'.");
    context = "format(1, '%x')";
    expect_error(rt_format(vm, I("1"), S("%x")), &rt_value_error_type, "Invalid format specifier '%x' for object of type 'int'");
    context = "format(1.234567e-7, '')";
    expect_str(rt_format(vm, F(1.234567e-07), S("")), "1.234567e-07");
    context = "format(1.234567e-7, 'g')";
    expect_str(rt_format(vm, F(1.234567e-07), S("g")), "1.23457e-07");
    context = "format(123456789.0, 'g')";
    expect_str(rt_format(vm, F(123456789.0), S("g")), "1.23457e+08");
    context = "format(1234567890123456789.0, '')";
    expect_str(rt_format(vm, F(1.2345678901234568e+18), S("")), "1.2345678901234568e+18");
    context = "format(1e-5, '.3')";
    expect_str(rt_format(vm, F(1e-05), S(".3")), "1e-05");
    context = "format(0.0001, '.3')";
    expect_str(rt_format(vm, F(0.0001), S(".3")), "0.0001");
    context = "format(12.0, '.1')";
    expect_str(rt_format(vm, F(12.0), S(".1")), "1e+01");
    context = "format(12.0, '.2')";
    expect_str(rt_format(vm, F(12.0), S(".2")), "1.2e+01");
    context = "format(1.0, 'E')";
    expect_str(rt_format(vm, F(1.0), S("E")), "1.000000E+00");
    context = "format(1.0, '10.3E')";
    expect_str(rt_format(vm, F(1.0), S("10.3E")), " 1.000E+00");
    context = "format(123, '=10')";
    expect_str(rt_format(vm, I("123"), S("=10")), "       123");
    context = "format(-123, '=10')";
    expect_str(rt_format(vm, I("-123"), S("=10")), "-      123");
    context = "format(-123, '010')";
    expect_str(rt_format(vm, I("-123"), S("010")), "-000000123");
    context = "format(-123, '<010')";
    expect_str(rt_format(vm, I("-123"), S("<010")), "-123000000");
    context = "format(5, '0>10')";
    expect_str(rt_format(vm, I("5"), S("0>10")), "0000000005");
    context = "format(1.5, '0<10')";
    expect_str(rt_format(vm, F(1.5), S("0<10")), "1.50000000");
    context = "format(1.0, '0')";
    expect_str(rt_format(vm, F(1.0), S("0")), "1.0");
    context = "format(12, '')";
    expect_str(rt_format(vm, I("12"), S("")), "12");
    context = "format(-1234567, ',')";
    expect_str(rt_format(vm, I("-1234567"), S(",")), "-1,234,567");
    context = "format(123456789, '_')";
    expect_str(rt_format(vm, I("123456789"), S("_")), "123_456_789");
    context = "format(2**64, ',')";
    expect_str(rt_format(vm, I("18446744073709551616"), S(",")), "18,446,744,073,709,551,616");
    context = "format(-(2**70), '#x')";
    expect_str(rt_format(vm, I("-1180591620717411303424"), S("#x")), "-0x400000000000000000");
    context = "format(1e-7, '.2%')";
    expect_str(rt_format(vm, F(1e-07), S(".2%")), "0.00%");
    context = "format(0.000123456, 'e')";
    expect_str(rt_format(vm, F(0.000123456), S("e")), "1.234560e-04");
    context = "format(12345.6789, '10.2f')";
    expect_str(rt_format(vm, F(12345.6789), S("10.2f")), "  12345.68");
    context = "format(12345.6789, '<12.1e')";
    expect_str(rt_format(vm, F(12345.6789), S("<12.1e")), "1.2e+04     ");
    context = "format(3.14159, '^+12.3f')";
    expect_str(rt_format(vm, F(3.14159), S("^+12.3f")), "   +3.142   ");
    context = "format(-5.5, '=+10.1f')";
    expect_str(rt_format(vm, F(-5.5), S("=+10.1f")), "-      5.5");
    context = "format(1.5, '')";
    expect_str(rt_format(vm, F(1.5), S("")), "1.5");
    context = "format(1e300, '.3f')";
    expect_str(rt_format(vm, F(1e+300), S(".3f")), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000");
    context = "format(0.1, '.20f')";
    expect_str(rt_format(vm, F(0.1), S(".20f")), "0.10000000000000000555");
    context = "format(0.1, '.17g')";
    expect_str(rt_format(vm, F(0.1), S(".17g")), "0.10000000000000001");
    context = "format(1e-320, 'g')";
    expect_str(rt_format(vm, F(1e-320), S("g")), "9.99989e-321");
    context = "format(123, '#b')";
    expect_str(rt_format(vm, I("123"), S("#b")), "0b1111011");
    context = "format(123, '#_b')";
    expect_str(rt_format(vm, I("123"), S("#_b")), "0b111_1011");
    context = "format('\xc3""\xa9""\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80""', '*^9')";
    expect_str(rt_format(vm, S("\xc3""\xa9""\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80"""), S("*^9")), "***\xc3""\xa9""\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80""***");
    context = "format('\xc3""\xa9""\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80""', '.2')";
    expect_str(rt_format(vm, S("\xc3""\xa9""\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80"""), S(".2")), "\xc3""\xa9""\xe2""\x82""\xac""");
    context = "format('', '>3')";
    expect_str(rt_format(vm, S(""), S(">3")), "   ");
    context = "format(True, '.2f')";
    expect_str(rt_format(vm, RT_TRUE, S(".2f")), "1.00");
    context = "format(5, 'x<5d')";
    expect_str(rt_format(vm, I("5"), S("x<5d")), "5xxxx");
    context = "format(2.5, '.0f')";
    expect_str(rt_format(vm, F(2.5), S(".0f")), "2");
    context = "format(3.5, '.0f')";
    expect_str(rt_format(vm, F(3.5), S(".0f")), "4");
    context = "format(-0.0, '.2f')";
    expect_str(rt_format(vm, F(-0.0), S(".2f")), "-0.00");
    context = "format(-0.0, '+')";
    expect_str(rt_format(vm, F(-0.0), S("+")), "-0.0");
    context = "format(0.5, '.0%')";
    expect_str(rt_format(vm, F(0.5), S(".0%")), "50%");
    context = "format(1234.5, ',.2f')";
    expect_str(rt_format(vm, F(1234.5), S(",.2f")), "1,234.50");
    context = "format(1234.5, '_g')";
    expect_str(rt_format(vm, F(1234.5), S("_g")), "1_234.5");
    context = "format(1e16, ',')";
    expect_str(rt_format(vm, F(1e+16), S(",")), "1e+16");
    context = "format(1e16, '.1f')";
    expect_str(rt_format(vm, F(1e+16), S(".1f")), "10000000000000000.0");
    context = "format(10**20, ',')";
    expect_str(rt_format(vm, I("100000000000000000000"), S(",")), "100,000,000,000,000,000,000");
    context = "format(10**20, ',.2f')";
    expect_str(rt_format(vm, I("100000000000000000000"), S(",.2f")), "100,000,000,000,000,000,000.00");
    context = "format(-17, '08,')";
    expect_str(rt_format(vm, I("-17"), S("08,")), "-000,017");
    context = "format(255, '08_b')";
    expect_str(rt_format(vm, I("255"), S("08_b")), "1111_1111");
    context = "format(1, '0=3c')";
    expect_str(rt_format(vm, I("1"), S("0=3c")), "00\x01""");
    context = "format(1.0, 'z')";
    expect_str(rt_format(vm, F(1.0), S("z")), "1.0");
    context = "format(-1e-10, 'z.3f')";
    expect_str(rt_format(vm, F(-1e-10), S("z.3f")), "0.000");
    context = "format(-1e-10, 'z.3e')";
    expect_str(rt_format(vm, F(-1e-10), S("z.3e")), "-1.000e-10");
    context = "format(1.25, '.1f')";
    expect_str(rt_format(vm, F(1.25), S(".1f")), "1.2");
    context = "format(1.35, '.1f')";
    expect_str(rt_format(vm, F(1.35), S(".1f")), "1.4");
    context = "format(2**53+1, '.0f')";
    expect_str(rt_format(vm, I("9007199254740993"), S(".0f")), "9007199254740992");
}

Test(str, str_format)
{
    context = "'{:>{w}}'.format(*('x',), **{'w': 4})";
    expect_str(rt_str_format_method(vm, S("{:>{w}}"), 1, (rt_value[]){S("x"), I("4")}, T(1, S("w"))), "   x");
    context = "'{0:{1}.{2}f}'.format(*(3.14159, 10, 2), **{})";
    expect_str(rt_str_format_method(vm, S("{0:{1}.{2}f}"), 3, (rt_value[]){F(3.14159), I("10"), I("2")}, 0), "      3.14");
    context = "'{0!r:>10}'.format(*('a',), **{})";
    expect_str(rt_str_format_method(vm, S("{0!r:>10}"), 1, (rt_value[]){S("a")}, 0), "       'a'");
    context = "'{}{}'.format(*(1, 2), **{})";
    expect_str(rt_str_format_method(vm, S("{}{}"), 2, (rt_value[]){I("1"), I("2")}, 0), "12");
    context = "'{a}{b}'.format(*(), **{'a': 1, 'b': 2})";
    expect_str(rt_str_format_method(vm, S("{a}{b}"), 0, (rt_value[]){I("1"), I("2")}, T(2, S("a"), S("b"))), "12");
    context = "'{0[1]}'.format(*([5, 6],), **{})";
    expect_str(rt_str_format_method(vm, S("{0[1]}"), 1, (rt_value[]){L(2, I("5"), I("6"))}, 0), "6");
    context = "'{0[a]}'.format(*({'a': 7},), **{})";
    expect_str(rt_str_format_method(vm, S("{0[a]}"), 1, (rt_value[]){D(1, S("a"), I("7"))}, 0), "7");
    context = "'{x[0]}'.format(*(), **{'x': 'ab'})";
    expect_str(rt_str_format_method(vm, S("{x[0]}"), 0, (rt_value[]){S("ab")}, T(1, S("x"))), "a");
    context = "'{{}}{}'.format(*(3,), **{})";
    expect_str(rt_str_format_method(vm, S("{{}}{}"), 1, (rt_value[]){I("3")}, 0), "{}3");
    context = "'{:{}}'.format(*(1, 5), **{})";
    expect_str(rt_str_format_method(vm, S("{:{}}"), 2, (rt_value[]){I("1"), I("5")}, 0), "    1");
    context = "'{:{}}{}'.format(*(1, 5, 6), **{})";
    expect_str(rt_str_format_method(vm, S("{:{}}{}"), 3, (rt_value[]){I("1"), I("5"), I("6")}, 0), "    16");
    context = "'{!a}'.format(*('\xc3""\xa9""',), **{})";
    expect_str(rt_str_format_method(vm, S("{!a}"), 1, (rt_value[]){S("\xc3""\xa9""")}, 0), "'\\xe9'");
    context = "'{0[0]x}'.format(*([1],), **{})";
    expect_error(rt_str_format_method(vm, S("{0[0]x}"), 1, (rt_value[]){L(1, I("1"))}, 0), &rt_value_error_type, "Only '.' or '[' may follow ']' in format field specifier");
    context = "'{0!r:}'.format(*(1,), **{})";
    expect_str(rt_str_format_method(vm, S("{0!r:}"), 1, (rt_value[]){I("1")}, 0), "1");
    context = "'{0!rr}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0!rr}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "expected ':' after conversion specifier");
    context = "'{a.b}'.format(*(), **{'a': 1})";
    expect_error(rt_str_format_method(vm, S("{a.b}"), 0, (rt_value[]){I("1")}, T(1, S("a"))), &rt_attribute_error_type, "'int' object has no attribute 'b'");
    context = "'{:%}'.format(*(0.25,), **{})";
    expect_str(rt_str_format_method(vm, S("{:%}"), 1, (rt_value[]){F(0.25)}, 0), "25.000000%");
    context = "'{0:}'.format(*(7,), **{})";
    expect_str(rt_str_format_method(vm, S("{0:}"), 1, (rt_value[]){I("7")}, 0), "7");
    context = "'{0.real.imag}'.format(*(5,), **{})";
    expect_str(rt_str_format_method(vm, S("{0.real.imag}"), 1, (rt_value[]){I("5")}, 0), "0");
    context = "'{0[1][0]}'.format(*([0, 'xy'],), **{})";
    expect_str(rt_str_format_method(vm, S("{0[1][0]}"), 1, (rt_value[]){L(2, I("0"), S("xy"))}, 0), "x");
    context = "'{0[99999999999999999999]}'.format(*({},), **{})";
    expect_error(rt_str_format_method(vm, S("{0[99999999999999999999]}"), 1, (rt_value[]){D(0)}, 0), &rt_value_error_type, "Too many decimal digits in format string");
    context = "'{99999999999999999999}'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("{99999999999999999999}"), 0, (rt_value[]){0}, 0), &rt_value_error_type, "Too many decimal digits in format string");
    context = "'{:{:{}}}'.format(*(1, 2, 3), **{})";
    expect_error(rt_str_format_method(vm, S("{:{:{}}}"), 3, (rt_value[]){I("1"), I("2"), I("3")}, 0), &rt_value_error_type, "Max string recursion exceeded");
    context = "'{!}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{!}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "unmatched '{' in format spec");
    context = "'{:}}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{:}}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "Single '}' encountered in format string");
    context = "'{:{}'.format(*(1, 2), **{})";
    expect_error(rt_str_format_method(vm, S("{:{}"), 2, (rt_value[]){I("1"), I("2")}, 0), &rt_value_error_type, "unmatched '{' in format spec");
    context = "'x{'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("x{"), 0, (rt_value[]){0}, 0), &rt_value_error_type, "Single '{' encountered in format string");
    context = "'{}'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("{}"), 0, (rt_value[]){0}, 0), &rt_index_error_type, "Replacement index 0 out of range for positional args tuple");
    context = "'{'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("{"), 0, (rt_value[]){0}, 0), &rt_value_error_type, "Single '{' encountered in format string");
    context = "'}'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("}"), 0, (rt_value[]){0}, 0), &rt_value_error_type, "Single '}' encountered in format string");
    context = "'{0}{}'.format(*(1, 2), **{})";
    expect_error(rt_str_format_method(vm, S("{0}{}"), 2, (rt_value[]){I("1"), I("2")}, 0), &rt_value_error_type, "cannot switch from manual field specification to automatic field numbering");
    context = "'{}{0}'.format(*(1, 2), **{})";
    expect_error(rt_str_format_method(vm, S("{}{0}"), 2, (rt_value[]){I("1"), I("2")}, 0), &rt_value_error_type, "cannot switch from automatic field numbering to manual field specification");
    context = "'{1}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{1}"), 1, (rt_value[]){I("1")}, 0), &rt_index_error_type, "Replacement index 1 out of range for positional args tuple");
    context = "'{a}'.format(*(), **{})";
    expect_error(rt_str_format_method(vm, S("{a}"), 0, (rt_value[]){0}, 0), &rt_key_error_type, "a");
    context = "'{!x}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{!x}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "Unknown conversion specifier x");
    context = "'{0!}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0!}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "unmatched '{' in format spec");
    context = "'{0'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "expected '}' before end of string");
    context = "'{0:{1:{2}}}'.format(*(1, 2, 3), **{})";
    expect_error(rt_str_format_method(vm, S("{0:{1:{2}}}"), 3, (rt_value[]){I("1"), I("2"), I("3")}, 0), &rt_value_error_type, "Max string recursion exceeded");
    context = "'{0.x}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0.x}"), 1, (rt_value[]){I("1")}, 0), &rt_attribute_error_type, "'int' object has no attribute 'x'");
    context = "'{0[0]}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0[0]}"), 1, (rt_value[]){I("1")}, 0), &rt_type_error_type, "'int' object is not subscriptable");
    context = "'{0[}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0[}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "expected '}' before end of string");
    context = "'{:d}'.format(*('a',), **{})";
    expect_error(rt_str_format_method(vm, S("{:d}"), 1, (rt_value[]){S("a")}, 0), &rt_value_error_type, "Unknown format code 'd' for object of type 'str'");
    context = "'{0.}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0.}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "Empty attribute in format string");
    context = "'{0[]}'.format(*([1],), **{})";
    expect_error(rt_str_format_method(vm, S("{0[]}"), 1, (rt_value[]){L(1, I("1"))}, 0), &rt_value_error_type, "Empty attribute in format string");
    context = "'{0]}'.format(*([1],), **{})";
    expect_error(rt_str_format_method(vm, S("{0]}"), 1, (rt_value[]){L(1, I("1"))}, 0), &rt_key_error_type, "0]");
    context = "'{0!r:}x'.format(*('a',), **{})";
    expect_str(rt_str_format_method(vm, S("{0!r:}x"), 1, (rt_value[]){S("a")}, 0), "'a'x");
    context = "'{-1}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{-1}"), 1, (rt_value[]){I("1")}, 0), &rt_key_error_type, "-1");
    context = "'{0}-{1}-{0}'.format(*('a', 'b'), **{})";
    expect_str(rt_str_format_method(vm, S("{0}-{1}-{0}"), 2, (rt_value[]){S("a"), S("b")}, 0), "a-b-a");
    context = "'{name:>8}|{n:05d}'.format(*(), **{'name': 'bob', 'n': 42})";
    expect_str(rt_str_format_method(vm, S("{name:>8}|{n:05d}"), 0, (rt_value[]){S("bob"), I("42")}, T(2, S("name"), S("n"))), "     bob|00042");
    context = "'{:.3f} {:e} {:g}'.format(*(3.14159, 12345.678, 0.0001), **{})";
    expect_str(rt_str_format_method(vm, S("{:.3f} {:e} {:g}"), 3, (rt_value[]){F(3.14159), F(12345.678), F(0.0001)}, 0), "3.142 1.234568e+04 0.0001");
    context = "'{:,}'.format(*(1234567,), **{})";
    expect_str(rt_str_format_method(vm, S("{:,}"), 1, (rt_value[]){I("1234567")}, 0), "1,234,567");
    context = "'{0:^{1}}'.format(*('x', 7), **{})";
    expect_str(rt_str_format_method(vm, S("{0:^{1}}"), 2, (rt_value[]){S("x"), I("7")}, 0), "   x   ");
    context = "'{:*<{}.{}}'.format(*('abcdef', 6, 3), **{})";
    expect_str(rt_str_format_method(vm, S("{:*<{}.{}}"), 3, (rt_value[]){S("abcdef"), I("6"), I("3")}, 0), "abc***");
    context = "'{!r} {!s} {!a}'.format(*('\xc3""\xa9""', '\xc3""\xa9""', '\xc3""\xa9""'), **{})";
    expect_str(rt_str_format_method(vm, S("{!r} {!s} {!a}"), 3, (rt_value[]){S("\xc3""\xa9"""), S("\xc3""\xa9"""), S("\xc3""\xa9""")}, 0), "'\xc3""\xa9""' \xc3""\xa9"" '\\xe9'");
    context = "'{0!r:^9}'.format(*('ab',), **{})";
    expect_str(rt_str_format_method(vm, S("{0!r:^9}"), 1, (rt_value[]){S("ab")}, 0), "  'ab'   ");
    context = "'{0[0]}{0[1]}'.format(*('xy',), **{})";
    expect_str(rt_str_format_method(vm, S("{0[0]}{0[1]}"), 1, (rt_value[]){S("xy")}, 0), "xy");
    context = "'{a[1]}'.format(*(), **{'a': ['p', 'q']})";
    expect_str(rt_str_format_method(vm, S("{a[1]}"), 0, (rt_value[]){L(2, S("p"), S("q"))}, T(1, S("a"))), "q");
    context = "'{0.real}'.format(*(3.5,), **{})";
    expect_str(rt_str_format_method(vm, S("{0.real}"), 1, (rt_value[]){F(3.5)}, 0), "3.5");
    context = "'{0.imag}'.format(*(3,), **{})";
    expect_str(rt_str_format_method(vm, S("{0.imag}"), 1, (rt_value[]){I("3")}, 0), "0");
    context = "'{}'.format(*(None,), **{})";
    expect_str(rt_str_format_method(vm, S("{}"), 1, (rt_value[]){RT_NONE}, 0), "None");
    context = "'{:>5}'.format(*(None,), **{})";
    expect_error(rt_str_format_method(vm, S("{:>5}"), 1, (rt_value[]){RT_NONE}, 0), &rt_type_error_type, "unsupported format string passed to NoneType.__format__");
    context = "'{:d}'.format(*(True,), **{})";
    expect_str(rt_str_format_method(vm, S("{:d}"), 1, (rt_value[]){RT_TRUE}, 0), "1");
    context = "'{}'.format(*(True,), **{})";
    expect_str(rt_str_format_method(vm, S("{}"), 1, (rt_value[]){RT_TRUE}, 0), "True");
    context = "'{:x} {:X} {:o} {:b} {:#x}'.format(*(255, 255, 8, 5, 255), **{})";
    expect_str(rt_str_format_method(vm, S("{:x} {:X} {:o} {:b} {:#x}"), 5, (rt_value[]){I("255"), I("255"), I("8"), I("5"), I("255")}, 0), "ff FF 10 101 0xff");
    context = "'{{{}}}'.format(*(1,), **{})";
    expect_str(rt_str_format_method(vm, S("{{{}}}"), 1, (rt_value[]){I("1")}, 0), "{1}");
    context = "'}}{{'.format(*(), **{})";
    expect_str(rt_str_format_method(vm, S("}}{{"), 0, (rt_value[]){0}, 0), "}{");
    context = "'{0:}'.format(*('',), **{})";
    expect_str(rt_str_format_method(vm, S("{0:}"), 1, (rt_value[]){S("")}, 0), "");
    context = "'{:}'.format(*(1.0,), **{})";
    expect_str(rt_str_format_method(vm, S("{:}"), 1, (rt_value[]){F(1.0)}, 0), "1.0");
    context = "'{:%}'.format(*(1,), **{})";
    expect_str(rt_str_format_method(vm, S("{:%}"), 1, (rt_value[]){I("1")}, 0), "100.000000%");
    context = "'{:=^10.2%}'.format(*(0.1234,), **{})";
    expect_str(rt_str_format_method(vm, S("{:=^10.2%}"), 1, (rt_value[]){F(0.1234)}, 0), "==12.34%==");
    context = "'{!x}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{!x}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "Unknown conversion specifier x");
    context = "'{0.}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0.}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "Empty attribute in format string");
    context = "'{0[}'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0[}"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "expected '}' before end of string");
    context = "'{0]'.format(*(1,), **{})";
    expect_error(rt_str_format_method(vm, S("{0]"), 1, (rt_value[]){I("1")}, 0), &rt_value_error_type, "expected '}' before end of string");
    context = "'{a'.format(*(), **{'a': 1})";
    expect_error(rt_str_format_method(vm, S("{a"), 0, (rt_value[]){I("1")}, T(1, S("a"))), &rt_value_error_type, "expected '}' before end of string");
    context = "'{a!r'.format(*(), **{'a': 1})";
    expect_error(rt_str_format_method(vm, S("{a!r"), 0, (rt_value[]){I("1")}, T(1, S("a"))), &rt_value_error_type, "unmatched '{' in format spec");
    context = "'{a:'.format(*(), **{'a': 1})";
    expect_error(rt_str_format_method(vm, S("{a:"), 0, (rt_value[]){I("1")}, T(1, S("a"))), &rt_value_error_type, "unmatched '{' in format spec");
    context = "'{:{:{}}}'.format(*(1, 2, 3), **{})";
    expect_error(rt_str_format_method(vm, S("{:{:{}}}"), 3, (rt_value[]){I("1"), I("2"), I("3")}, 0), &rt_value_error_type, "Max string recursion exceeded");
    context = "'{0[0'.format(*([1],), **{})";
    expect_error(rt_str_format_method(vm, S("{0[0"), 1, (rt_value[]){L(1, I("1"))}, 0), &rt_value_error_type, "expected '}' before end of string");
    context = "'{0[0]'.format(*([1],), **{})";
    expect_error(rt_str_format_method(vm, S("{0[0]"), 1, (rt_value[]){L(1, I("1"))}, 0), &rt_value_error_type, "expected '}' before end of string");
}

Test(str, percent_format)
{
    context = "'%5%' % (1,)";
    expect_error(rt_str_percent_format(vm, S("%5%"), T(1, I("1"))), &rt_value_error_type, "unsupported format character '%' (0x25) at index 2");
    context = "'%5%' % 1";
    expect_error(rt_str_percent_format(vm, S("%5%"), I("1")), &rt_value_error_type, "unsupported format character '%' (0x25) at index 2");
    context = "'%-%' % ()";
    expect_error(rt_str_percent_format(vm, S("%-%"), T(0)), &rt_type_error_type, "not enough arguments for format string");
    context = "'%%' % ()";
    expect_str(rt_str_percent_format(vm, S("%%"), T(0)), "%");
    context = "'%.2%' % ()";
    expect_error(rt_str_percent_format(vm, S("%.2%"), T(0)), &rt_type_error_type, "not enough arguments for format string");
    context = "'a%%' % 5";
    expect_error(rt_str_percent_format(vm, S("a%%"), I("5")), &rt_type_error_type, "not all arguments converted during string formatting");
    context = "'%s' % [1]";
    expect_str(rt_str_percent_format(vm, S("%s"), L(1, I("1"))), "[1]");
    context = "'%s' % {'a':1}";
    expect_str(rt_str_percent_format(vm, S("%s"), D(1, S("a"), I("1"))), "{'a': 1}");
    context = "'%(a)s %s' % {'a':1}";
    expect_error(rt_str_percent_format(vm, S("%(a)s %s"), D(1, S("a"), I("1"))), &rt_type_error_type, "not enough arguments for format string");
    context = "'%(a)s %(b)s' % {'a':1}";
    expect_error(rt_str_percent_format(vm, S("%(a)s %(b)s"), D(1, S("a"), I("1"))), &rt_key_error_type, "b");
    context = "'%(a' % {'a':1}";
    expect_error(rt_str_percent_format(vm, S("%(a"), D(1, S("a"), I("1"))), &rt_value_error_type, "incomplete format key");
    context = "'%(a)' % {'a':1}";
    expect_error(rt_str_percent_format(vm, S("%(a)"), D(1, S("a"), I("1"))), &rt_value_error_type, "incomplete format");
    context = "'%s %s' % 'ab'";
    expect_error(rt_str_percent_format(vm, S("%s %s"), S("ab")), &rt_type_error_type, "not enough arguments for format string");
    context = "'%d' % 2.5";
    expect_str(rt_str_percent_format(vm, S("%d"), F(2.5)), "2");
    context = "'%d' % '1'";
    expect_error(rt_str_percent_format(vm, S("%d"), S("1")), &rt_type_error_type, "%d format: a real number is required, not str");
    context = "'%i' % 1.9";
    expect_str(rt_str_percent_format(vm, S("%i"), F(1.9)), "1");
    context = "'%x' % 255.0";
    expect_error(rt_str_percent_format(vm, S("%x"), F(255.0)), &rt_type_error_type, "%x format: an integer is required, not float");
    context = "'%o' % 8";
    expect_str(rt_str_percent_format(vm, S("%o"), I("8")), "10");
    context = "'%#o' % 8";
    expect_str(rt_str_percent_format(vm, S("%#o"), I("8")), "0o10");
    context = "'%#x' % -255";
    expect_str(rt_str_percent_format(vm, S("%#x"), I("-255")), "-0xff");
    context = "'%+5d' % 3";
    expect_str(rt_str_percent_format(vm, S("%+5d"), I("3")), "   +3");
    context = "'%-5d|' % 3";
    expect_str(rt_str_percent_format(vm, S("%-5d|"), I("3")), "3    |");
    context = "'%05d' % -3";
    expect_str(rt_str_percent_format(vm, S("%05d"), I("-3")), "-0003");
    context = "'% 05d' % 3";
    expect_str(rt_str_percent_format(vm, S("% 05d"), I("3")), " 0003");
    context = "'%-05d' % 3";
    expect_str(rt_str_percent_format(vm, S("%-05d"), I("3")), "3    ");
    context = "'%.3d' % -5";
    expect_str(rt_str_percent_format(vm, S("%.3d"), I("-5")), "-005");
    context = "'%08.3f' % -3.14159";
    expect_str(rt_str_percent_format(vm, S("%08.3f"), F(-3.14159)), "-003.142");
    context = "'%-8.3f|' % 3.14159";
    expect_str(rt_str_percent_format(vm, S("%-8.3f|"), F(3.14159)), "3.142   |");
    context = "'%+.2e' % 12345.678";
    expect_str(rt_str_percent_format(vm, S("%+.2e"), F(12345.678)), "+1.23e+04");
    context = "'%10.3g|' % 0.00001234";
    expect_str(rt_str_percent_format(vm, S("%10.3g|"), F(1.234e-05)), "  1.23e-05|");
    context = "'%#.3g' % 1.0";
    expect_str(rt_str_percent_format(vm, S("%#.3g"), F(1.0)), "1.00");
    context = "'%g' % 1e20";
    expect_str(rt_str_percent_format(vm, S("%g"), F(1e+20)), "1e+20");
    context = "'%g' % 123456";
    expect_str(rt_str_percent_format(vm, S("%g"), I("123456")), "123456");
    context = "'%g' % 1234567";
    expect_str(rt_str_percent_format(vm, S("%g"), I("1234567")), "1.23457e+06");
    context = "'%.0e' % 5.5";
    expect_str(rt_str_percent_format(vm, S("%.0e"), F(5.5)), "6e+00");
    context = "'%r' % '\xc3""\xa9""'";
    expect_str(rt_str_percent_format(vm, S("%r"), S("\xc3""\xa9""")), "'\xc3""\xa9""'");
    context = "'%a' % '\xc3""\xa9""'";
    expect_str(rt_str_percent_format(vm, S("%a"), S("\xc3""\xa9""")), "'\\xe9'");
    context = "'%s' % None";
    expect_str(rt_str_percent_format(vm, S("%s"), RT_NONE), "None");
    context = "'%c' % '\xc3""\xa9""'";
    expect_str(rt_str_percent_format(vm, S("%c"), S("\xc3""\xa9""")), "\xc3""\xa9""");
    context = "'%5c|' % 'a'";
    expect_str(rt_str_percent_format(vm, S("%5c|"), S("a")), "    a|");
    context = "'%-5c|' % 'a'";
    expect_str(rt_str_percent_format(vm, S("%-5c|"), S("a")), "a    |");
    context = "'%.1c' % 'a'";
    expect_str(rt_str_percent_format(vm, S("%.1c"), S("a")), "a");
    context = "'%5.1s|' % 'abc'";
    expect_str(rt_str_percent_format(vm, S("%5.1s|"), S("abc")), "    a|");
    context = "'%*s|' % (-5, 'a')";
    expect_str(rt_str_percent_format(vm, S("%*s|"), T(2, I("-5"), S("a"))), "a    |");
    context = "'%.*s' % (2, 'abc')";
    expect_str(rt_str_percent_format(vm, S("%.*s"), T(2, I("2"), S("abc"))), "ab");
    context = "'%*s' % (1.5, 'a')";
    expect_error(rt_str_percent_format(vm, S("%*s"), T(2, F(1.5), S("a"))), &rt_type_error_type, "* wants int");
    context = "'%ld' % 5";
    expect_str(rt_str_percent_format(vm, S("%ld"), I("5")), "5");
    context = "'%hd' % 5";
    expect_str(rt_str_percent_format(vm, S("%hd"), I("5")), "5");
    context = "'%Ld' % 5";
    expect_str(rt_str_percent_format(vm, S("%Ld"), I("5")), "5");
    context = "'%f' % float('inf')";
    expect_str(rt_str_percent_format(vm, S("%f"), F(INFINITY)), "inf");
    context = "'%F' % float('nan')";
    expect_str(rt_str_percent_format(vm, S("%F"), F(NAN)), "NAN");
    context = "'%5.1f' % float('-inf')";
    expect_str(rt_str_percent_format(vm, S("%5.1f"), F(-INFINITY)), " -inf");
    context = "'%d' % 10**30";
    expect_str(rt_str_percent_format(vm, S("%d"), I("1000000000000000000000000000000")), "1000000000000000000000000000000");
    context = "'%x' % True";
    expect_str(rt_str_percent_format(vm, S("%x"), RT_TRUE), "1");
    context = "'%s' % (1,2)";
    expect_error(rt_str_percent_format(vm, S("%s"), T(2, I("1"), I("2"))), &rt_type_error_type, "not all arguments converted during string formatting");
    context = "'%s' % ((1,2),)";
    expect_str(rt_str_percent_format(vm, S("%s"), T(1, T(2, I("1"), I("2")))), "(1, 2)");
    context = "'%d %s' % (1,)";
    expect_error(rt_str_percent_format(vm, S("%d %s"), T(1, I("1"))), &rt_type_error_type, "not enough arguments for format string");
    context = "'%y' % 1";
    expect_error(rt_str_percent_format(vm, S("%y"), I("1")), &rt_value_error_type, "unsupported format character 'y' (0x79) at index 1");
    context = "'%d' % None";
    expect_error(rt_str_percent_format(vm, S("%d"), RT_NONE), &rt_type_error_type, "%d format: a real number is required, not NoneType");
    context = "'%f' % 'a'";
    expect_error(rt_str_percent_format(vm, S("%f"), S("a")), &rt_type_error_type, "must be real number, not str");
    context = "'%x' % 'a'";
    expect_error(rt_str_percent_format(vm, S("%x"), S("a")), &rt_type_error_type, "%x format: an integer is required, not str");
    context = "'%c' % None";
    expect_error(rt_str_percent_format(vm, S("%c"), RT_NONE), &rt_type_error_type, "%c requires int or char");
    context = "'%s %' % (1,)";
    expect_error(rt_str_percent_format(vm, S("%s %"), T(1, I("1"))), &rt_value_error_type, "incomplete format");
    context = "'%(x)d' % {'x': 'a'}";
    expect_error(rt_str_percent_format(vm, S("%(x)d"), D(1, S("x"), S("a"))), &rt_type_error_type, "%d format: a real number is required, not str");
    context = "'%(x)s' % {}";
    expect_error(rt_str_percent_format(vm, S("%(x)s"), D(0)), &rt_key_error_type, "x");
    context = "'%i' % True";
    expect_str(rt_str_percent_format(vm, S("%i"), RT_TRUE), "1");
    context = "'%u' % -3";
    expect_str(rt_str_percent_format(vm, S("%u"), I("-3")), "-3");
    context = "'%.0f' % 0.5";
    expect_str(rt_str_percent_format(vm, S("%.0f"), F(0.5)), "0");
    context = "'%.0f' % 1.5";
    expect_str(rt_str_percent_format(vm, S("%.0f"), F(1.5)), "2");
    context = "'%.15g' % 0.1";
    expect_str(rt_str_percent_format(vm, S("%.15g"), F(0.1)), "0.1");
    context = "'%.17g' % 0.1";
    expect_str(rt_str_percent_format(vm, S("%.17g"), F(0.1)), "0.10000000000000001");
    context = "'%5s' % '\xc3""\xa9""'";
    expect_str(rt_str_percent_format(vm, S("%5s"), S("\xc3""\xa9""")), "    \xc3""\xa9""");
    context = "'%X' % 255";
    expect_str(rt_str_percent_format(vm, S("%X"), I("255")), "FF");
    context = "'%#X' % 255";
    expect_str(rt_str_percent_format(vm, S("%#X"), I("255")), "0XFF");
    context = "'%E' % 1.5";
    expect_str(rt_str_percent_format(vm, S("%E"), F(1.5)), "1.500000E+00");
    context = "'%G' % 1e-10";
    expect_str(rt_str_percent_format(vm, S("%G"), F(1e-10)), "1E-10");
    context = "'%+s' % 'a'";
    expect_str(rt_str_percent_format(vm, S("%+s"), S("a")), "a");
    context = "'%010s' % 'a'";
    expect_str(rt_str_percent_format(vm, S("%010s"), S("a")), "         a");
    context = "'%010.2s' % 'abc'";
    expect_str(rt_str_percent_format(vm, S("%010.2s"), S("abc")), "        ab");
    context = "'%-010d|' % 5";
    expect_str(rt_str_percent_format(vm, S("%-010d|"), I("5")), "5         |");
    context = "'%d' % 'a'";
    expect_error(rt_str_percent_format(vm, S("%d"), S("a")), &rt_type_error_type, "%d format: a real number is required, not str");
    context = "'%x' % 1.5";
    expect_error(rt_str_percent_format(vm, S("%x"), F(1.5)), &rt_type_error_type, "%x format: an integer is required, not float");
    context = "'%d %d' % (1,)";
    expect_error(rt_str_percent_format(vm, S("%d %d"), T(1, I("1"))), &rt_type_error_type, "not enough arguments for format string");
    context = "'%d' % (1,2)";
    expect_error(rt_str_percent_format(vm, S("%d"), T(2, I("1"), I("2"))), &rt_type_error_type, "not all arguments converted during string formatting");
    context = "'%z' % 1";
    expect_error(rt_str_percent_format(vm, S("%z"), I("1")), &rt_value_error_type, "unsupported format character 'z' (0x7a) at index 1");
    context = "'%' % 1";
    expect_error(rt_str_percent_format(vm, S("%"), I("1")), &rt_value_error_type, "incomplete format");
    context = "'%(a)s' % 1";
    expect_error(rt_str_percent_format(vm, S("%(a)s"), I("1")), &rt_type_error_type, "format requires a mapping");
    context = "'%c' % 'ab'";
    expect_error(rt_str_percent_format(vm, S("%c"), S("ab")), &rt_type_error_type, "%c requires int or char");
    context = "'%c' % 1.5";
    expect_error(rt_str_percent_format(vm, S("%c"), F(1.5)), &rt_type_error_type, "%c requires int or char");
    context = "'%*d' % ('a', 1)";
    expect_error(rt_str_percent_format(vm, S("%*d"), T(2, S("a"), I("1"))), &rt_type_error_type, "* wants int");
    context = "'%c' % -1";
    expect_error(rt_str_percent_format(vm, S("%c"), I("-1")), &rt_overflow_error_type, "%c arg not in range(0x110000)");
    context = "'%s' % ()";
    expect_error(rt_str_percent_format(vm, S("%s"), T(0)), &rt_type_error_type, "not enough arguments for format string");
    context = "'%5.2f|%-5d|%+d|% d|%05d|%x|%X|%#x|%#o|%e|%g|%r|%%' % (3.14159, 42, 5, 5, 42, 255, 255, 255, 8, 12345.678, 0.0001, 'hi')";
    expect_str(rt_str_percent_format(vm, S("%5.2f|%-5d|%+d|% d|%05d|%x|%X|%#x|%#o|%e|%g|%r|%%"), T(12, F(3.14159), I("42"), I("5"), I("5"), I("42"), I("255"), I("255"), I("255"), I("8"), F(12345.678), F(0.0001), S("hi"))), " 3.14|42   |+5| 5|00042|ff|FF|0xff|0o10|1.234568e+04|0.0001|'hi'|%");
    context = "'%.3s|%5s|%-5s|%c|%c' % ('abcdef', 'ab', 'ab', 65, 'z')";
    expect_str(rt_str_percent_format(vm, S("%.3s|%5s|%-5s|%c|%c"), T(5, S("abcdef"), S("ab"), S("ab"), I("65"), S("z"))), "abc|   ab|ab   |A|z");
    context = "'%i|%u|%#X|%.0f|%.0e|%G|%a' % (1, 2, 255, 2.5, 15000, 1e-10, '\xc3""\xa9""')";
    expect_str(rt_str_percent_format(vm, S("%i|%u|%#X|%.0f|%.0e|%G|%a"), T(7, I("1"), I("2"), I("255"), F(2.5), I("15000"), F(1e-10), S("\xc3""\xa9"""))), "1|2|0XFF|2|2e+04|1E-10|'\\xe9'");
    context = "'%s %s' % ([1], (1,))";
    expect_str(rt_str_percent_format(vm, S("%s %s"), T(2, L(1, I("1")), T(1, I("1")))), "[1] (1,)");
    context = "'%(a)s-%(b)r' % {'a': 1, 'b': 'x'}";
    expect_str(rt_str_percent_format(vm, S("%(a)s-%(b)r"), D(2, S("a"), I("1"), S("b"), S("x"))), "1-'x'");
    context = "'%*.*f' % (8, 2, 3.14159)";
    expect_str(rt_str_percent_format(vm, S("%*.*f"), T(3, I("8"), I("2"), F(3.14159))), "    3.14");
    context = "'%d' % 3.99";
    expect_str(rt_str_percent_format(vm, S("%d"), F(3.99)), "3");
    context = "'%d' % True";
    expect_str(rt_str_percent_format(vm, S("%d"), RT_TRUE), "1");
    context = "'%s' % True";
    expect_str(rt_str_percent_format(vm, S("%s"), RT_TRUE), "True");
    context = "'%f' % True";
    expect_str(rt_str_percent_format(vm, S("%f"), RT_TRUE), "1.000000");
    context = "'%x' % True";
    expect_str(rt_str_percent_format(vm, S("%x"), RT_TRUE), "1");
    context = "'%o' % -8";
    expect_str(rt_str_percent_format(vm, S("%o"), I("-8")), "-10");
    context = "'%.2d' % 5";
    expect_str(rt_str_percent_format(vm, S("%.2d"), I("5")), "05");
    context = "'%+.3e' % 0.0";
    expect_str(rt_str_percent_format(vm, S("%+.3e"), F(0.0)), "+0.000e+00");
    context = "'%10.4g|%-10.2e|%#g' % (3.14159, 1234.5, 1.0)";
    expect_str(rt_str_percent_format(vm, S("%10.4g|%-10.2e|%#g"), T(3, F(3.14159), F(1234.5), F(1.0))), "     3.142|1.23e+03  |1.00000");
    context = "'%d' % (2**100)";
    expect_str(rt_str_percent_format(vm, S("%d"), I("1267650600228229401496703205376")), "1267650600228229401496703205376");
    context = "'%x' % (-(2**70))";
    expect_str(rt_str_percent_format(vm, S("%x"), I("-1180591620717411303424")), "-400000000000000000");
    context = "'%c' % 0x1F600";
    expect_str(rt_str_percent_format(vm, S("%c"), I("128512")), "\xf0""\x9f""\x98""\x80""");
    context = "'%5%' % ()";
    expect_error(rt_str_percent_format(vm, S("%5%"), T(0)), &rt_type_error_type, "not enough arguments for format string");
}
