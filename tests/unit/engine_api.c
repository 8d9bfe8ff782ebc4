/* The embedding API (include/cellar.h) as a host sees it: running code, errors and their
 * reports, values and handles (surviving forced collections), calls with positional and
 * keyword arguments, and the error paths — syntax errors in host-given source, calling a
 * non-callable, wrong arity, released handles. Host functions, limits and typed entry points
 * have their own files (engine_api_host.c, engine_api_limits.c, engine_api_typed.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cellar.h"

/* ---- a VM whose output goes to a buffer ---- */

typedef struct output {
    char text[8192];
    size_t len;
} output;

static void capture(void *user_data, const char *text, size_t len)
{
    output *o = user_data;
    if (o->len + len < sizeof o->text) {
        memcpy(o->text + o->len, text, len);
        o->len += len;
        o->text[o->len] = '\0';
    }
}

static output out;
static cellar_vm *vm;

static void setup(void)
{
    memset(&out, 0, sizeof out);
    cellar_config config;
    cellar_config_init(&config);
    config.write = capture;
    config.write_error = capture;
    config.user_data = &out;
    vm = cellar_vm_new(&config);
    cr_assert_not_null(vm);
}

static void teardown(void) { cellar_vm_free(vm); }

TestSuite(api, .init = setup, .fini = teardown);

static void run(const char *source)
{
    cellar_status s = cellar_exec_string(vm, source, strlen(source), "<test>");
    cr_assert_eq(s, CELLAR_OK, "%s: %s", cellar_error_type(vm), cellar_error_report(vm));
}

static cellar_value global(const char *name)
{
    cellar_value v;
    cr_assert_eq(cellar_get_global(vm, name, &v), CELLAR_OK, "%s", cellar_error_report(vm));
    return v;
}

static cellar_value int_value(int64_t i)
{
    cellar_value v;
    cr_assert_eq(cellar_new_int(vm, i, &v), CELLAR_OK);
    return v;
}

static int64_t as_int(cellar_value v)
{
    int64_t i = 0;
    cr_assert_eq(cellar_to_int(vm, v, &i), CELLAR_OK, "%s", cellar_error_report(vm));
    return i;
}

/* ---- the VM and running code ---- */

Test(api, config_defaults)
{
    cellar_config c;
    cellar_config_init(&c);
    cr_expect_eq(c.opt_level, 2);
    cr_expect_eq(c.recursion_limit, 1000);
    cr_expect_not_null(c.write);
    cr_expect_not_null(c.write_error);
    cr_expect_eq(c.memory_limit, 0);
    cr_expect_eq(c.step_budget, 0);
    cr_expect_null(c.import);
    cr_expect_null(c.error);
}

Test(api, null_config_and_null_free)
{
    cellar_vm *other = cellar_vm_new(NULL);
    cr_assert_not_null(other);
    cellar_vm_free(other);
    cellar_vm_free(NULL);
}

Test(api, print_goes_to_the_write_callback)
{
    run("print('hello', 42)");
    cr_expect_str_eq(out.text, "hello 42\n");
    cr_expect_eq(cellar_user_data(vm), &out);
}

Test(api, globals_persist_across_calls)
{
    run("def add(a, b):\n    return a + b\ncount = 10\n");
    run("count += add(1, 2)\n");
    run("print(count)");
    cr_expect_str_eq(out.text, "13\n");
}

Test(api, syntax_error_in_host_source)
{
    const char *src = "x = (1,\n";
    cellar_status s = cellar_exec_string(vm, src, strlen(src), "host.py");
    cr_assert_eq(s, CELLAR_SYNTAX_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "SyntaxError");
    cr_expect(strstr(cellar_error_message(vm), "never closed") != NULL, "%s",
              cellar_error_message(vm));
    cr_expect(strstr(cellar_error_report(vm), "File \"host.py\", line 1") != NULL, "%s",
              cellar_error_report(vm));
    cr_expect_eq(cellar_error_status(vm), CELLAR_SYNTAX_ERROR);
    cr_expect_eq(cellar_exit_status(vm), 1);
    run("print('still usable')");
    cr_expect_str_eq(cellar_error_type(vm), "");
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
}

Test(api, indentation_error)
{
    const char *src = "def f():\nreturn 1\n";
    cr_assert_eq(cellar_exec_string(vm, src, strlen(src), NULL), CELLAR_SYNTAX_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "IndentationError");
    cr_expect(strstr(cellar_error_report(vm), "\"<string>\"") != NULL);
}

Test(api, uncaught_exception_reports_a_traceback_and_leaves_the_vm_usable)
{
    const char *src = "def f(x):\n    return 1 // x\nf(0)\n";
    cr_assert_eq(cellar_exec_string(vm, src, strlen(src), "t.py"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "ZeroDivisionError");
    cr_expect_str_eq(cellar_error_message(vm), "integer division or modulo by zero");
    const char *report = cellar_error_report(vm);
    cr_expect(strstr(report, "Traceback (most recent call last):\n") == report, "%s", report);
    cr_expect(strstr(report, "line 2, in f") != NULL, "%s", report);
    cr_expect(strstr(report, "ZeroDivisionError: integer division or modulo by zero\n"), "%s",
              report);
    cr_expect_eq(out.len, 0, "nothing is printed unless the host asks");
    cellar_print_error(vm);
    cr_expect_str_eq(out.text, report);
    run("print(f(1))");
}

Test(api, system_exit_sets_the_exit_status)
{
    const char *src = "import sys\nsys.exit(7)\n";
    cr_assert_eq(cellar_exec_string(vm, src, strlen(src), NULL), CELLAR_RUNTIME_ERROR);
    cr_expect_eq(cellar_exit_status(vm), 7);
    cr_expect_str_eq(cellar_error_type(vm), "SystemExit");
    const char *zero = "raise SystemExit(0)\n";
    cr_expect_eq(cellar_exec_string(vm, zero, strlen(zero), NULL), CELLAR_OK);
}

Test(api, missing_file_is_an_io_error)
{
    cr_assert_eq(cellar_exec_file(vm, "/nonexistent/x.py"), CELLAR_IO_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "OSError");
    cr_expect_eq(cellar_exit_status(vm), 2);
}

Test(api, exec_file_runs_a_script)
{
    char path[] = "/tmp/cellar_api_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char *src = "print(__file__.endswith('X') or True)\nanswer = 6 * 7\n";
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    cellar_status s = cellar_exec_file(vm, path);
    unlink(path);
    cr_assert_eq(s, CELLAR_OK, "%s", cellar_error_report(vm));
    cellar_value a = global("answer");
    cr_expect_eq(as_int(a), 42);
    cellar_release(vm, a);
}

Test(api, exec_file_sets_the_globals_of_a_script)
{
    char path[] = "/tmp/cellar_api_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    /* CPython 3.11 running a script: its globals, its dir(), and what __loader__ knows */
    const char *src = "print(list(globals()))\nprint(dir())\n"
                      "print(type(__loader__).__name__, __loader__.name, __loader__.path == __file__,"
                      " __cached__, __spec__)\n";
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    cellar_status s = cellar_exec_file(vm, path);
    unlink(path);
    cr_assert_eq(s, CELLAR_OK, "%s", cellar_error_report(vm));
    cr_expect_str_eq(out.text,
                     "['__name__', '__doc__', '__package__', '__loader__', '__spec__', "
                     "'__annotations__', '__builtins__', '__file__', '__cached__']\n"
                     "['__annotations__', '__builtins__', '__cached__', '__doc__', '__file__', "
                     "'__loader__', '__name__', '__package__', '__spec__']\n"
                     "SourceFileLoader __main__ True None None\n");
}

static int errors_seen;
static cellar_status last_status;
static char last_type[64];

static void on_error(void *user_data, cellar_vm *v, cellar_status status, const char *type,
                     const char *message, const char *report)
{
    (void)user_data, (void)v, (void)message, (void)report;
    errors_seen++;
    last_status = status;
    snprintf(last_type, sizeof last_type, "%s", type);
}

Test(api, error_callback_hears_each_failed_call)
{
    cellar_config c;
    cellar_config_init(&c);
    c.error = on_error;
    c.write_error = capture;
    c.user_data = &out;
    cellar_vm *v = cellar_vm_new(&c);
    errors_seen = 0;
    cr_assert_eq(cellar_exec_string(v, "1/0", 3, NULL), CELLAR_RUNTIME_ERROR);
    cr_expect_eq(errors_seen, 1);
    cr_expect_eq(last_status, CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(last_type, "ZeroDivisionError");
    cr_assert_eq(cellar_exec_string(v, "(", 1, NULL), CELLAR_SYNTAX_ERROR);
    cr_expect_eq(errors_seen, 2);
    cr_expect_eq(cellar_exec_string(v, "x = 1", 5, NULL), CELLAR_OK);
    cr_expect_eq(errors_seen, 2);
    cellar_vm_free(v);
}

Test(api, recursion_error_is_an_ordinary_exception)
{
    run("def down(n):\n    return down(n + 1)\n");
    const char *src = "down(0)";
    cr_assert_eq(cellar_exec_string(vm, src, strlen(src), NULL), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "RecursionError");
    run("print('after')");
}

Test(api, dump_the_pipeline_stages)
{
    char *text = NULL;
    cr_assert_eq(cellar_dump(vm, "x = 1\n", 6, NULL, CELLAR_DUMP_IR, &text), CELLAR_OK);
    cr_expect(strstr(text, "STORE_GLOBAL x") != NULL, "%s", text);
    cellar_free(text);
    cr_assert_eq(cellar_dump(vm, "x = (\n", 6, NULL, CELLAR_DUMP_AST, &text), CELLAR_SYNTAX_ERROR);
    cr_expect_null(text);
}

/* ---- values ---- */

Test(api, ints_round_trip)
{
    int64_t samples[] = {0, -1, 42, INT64_MAX, INT64_MIN, (int64_t)1 << 61, -((int64_t)1 << 61) - 1};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        cellar_value v = int_value(samples[i]);
        cr_expect_eq(cellar_type_of(vm, v), CELLAR_TYPE_INT);
        cr_expect_eq(as_int(v), samples[i]);
        cellar_release(vm, v);
    }
}

Test(api, big_ints_as_decimal_strings)
{
    const char *digits = "-123456789012345678901234567890123456789";
    cellar_value v;
    cr_assert_eq(cellar_new_int_str(vm, digits, &v), CELLAR_OK);
    char *back = NULL;
    cr_assert_eq(cellar_to_int_str(vm, v, &back), CELLAR_OK);
    cr_expect_str_eq(back, digits);
    cellar_free(back);
    int64_t i;
    cr_expect_eq(cellar_to_int(vm, v, &i), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "OverflowError");
    cr_assert_eq(cellar_set_global(vm, "big", v), CELLAR_OK);
    run("print(big % 1000, big.bit_length())");
    cr_expect_str_eq(out.text, "211 127\n");
    cr_expect_eq(cellar_new_int_str(vm, "12x", &v), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "ValueError");
    cr_assert_eq(cellar_new_int_str(vm, "77", &v), CELLAR_OK);
    cr_expect_eq(as_int(v), 77);
    cr_assert_eq(cellar_to_int_str(vm, v, &back), CELLAR_OK);
    cr_expect_str_eq(back, "77");
    cellar_free(back);
}

Test(api, floats_bools_and_none)
{
    cellar_value f, b, n;
    cr_assert_eq(cellar_new_float(vm, 2.5, &f), CELLAR_OK);
    cr_assert_eq(cellar_new_bool(vm, true, &b), CELLAR_OK);
    cr_assert_eq(cellar_new_none(vm, &n), CELLAR_OK);
    double d = 0;
    cr_assert_eq(cellar_to_float(vm, f, &d), CELLAR_OK);
    cr_expect_eq(d, 2.5);
    cr_assert_eq(cellar_to_float(vm, b, &d), CELLAR_OK, "bool converts like float(True)");
    cr_expect_eq(d, 1.0);
    cr_expect_eq(as_int(b), 1);
    cr_expect_eq(cellar_type_of(vm, f), CELLAR_TYPE_FLOAT);
    cr_expect_eq(cellar_type_of(vm, b), CELLAR_TYPE_BOOL);
    cr_expect_eq(cellar_type_of(vm, n), CELLAR_TYPE_NONE);
    cr_expect_str_eq(cellar_type_name(vm, n), "NoneType");
    bool truth = true;
    cr_assert_eq(cellar_to_bool(vm, n, &truth), CELLAR_OK);
    cr_expect(!truth);
    int64_t i;
    cr_expect_eq(cellar_to_int(vm, f, &i), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "TypeError");
    cr_expect_str_eq(cellar_error_message(vm), "'float' object cannot be interpreted as an integer");
    cr_expect_eq(cellar_to_float(vm, n, &d), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "must be real number, not NoneType");
}

Test(api, strings_are_utf8)
{
    const char *text = "na\xc3\xafve \xe2\x82\xac";
    cellar_value s;
    cr_assert_eq(cellar_new_str(vm, text, strlen(text), &s), CELLAR_OK);
    const char *back;
    size_t len;
    cr_assert_eq(cellar_to_str(vm, s, &back, &len), CELLAR_OK);
    cr_expect_str_eq(back, text);
    cr_expect_eq(len, strlen(text));
    size_t n;
    cr_assert_eq(cellar_len(vm, s, &n), CELLAR_OK);
    cr_expect_eq(n, 7, "len counts code points");
    char *r;
    cr_assert_eq(cellar_repr(vm, s, &r), CELLAR_OK);
    cr_expect_str_eq(r, "'na\xc3\xafve \xe2\x82\xac'");
    cellar_free(r);
    cr_expect_eq(cellar_new_str(vm, "ab\xff", 3, &s), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "UnicodeDecodeError");
    cr_expect_eq(cellar_new_str(vm, "\xed\xa0\x80", 3, &s), CELLAR_RUNTIME_ERROR, "surrogate");
    cr_assert_eq(cellar_new_str(vm, "a\0b", 3, &s), CELLAR_OK, "embedded NUL is a character");
    cr_assert_eq(cellar_len(vm, s, &n), CELLAR_OK);
    cr_expect_eq(n, 3);
    cellar_value i = int_value(3);
    cr_expect_eq(cellar_to_str(vm, i, &back, NULL), CELLAR_RUNTIME_ERROR);
    char *str;
    cr_assert_eq(cellar_str(vm, i, &str), CELLAR_OK);
    cr_expect_str_eq(str, "3");
    cellar_free(str);
}

Test(api, tuples_lists_and_dicts)
{
    cellar_value items[3] = {int_value(1), int_value(2), int_value(3)};
    cellar_value t, l, d, k, v, got;
    cr_assert_eq(cellar_new_tuple(vm, 3, items, &t), CELLAR_OK);
    cr_assert_eq(cellar_new_list(vm, 2, items, &l), CELLAR_OK);
    cr_assert_eq(cellar_list_append(vm, l, t), CELLAR_OK);
    cr_assert_eq(cellar_new_dict(vm, &d), CELLAR_OK);
    cr_assert_eq(cellar_new_str(vm, "key", 3, &k), CELLAR_OK);
    cr_assert_eq(cellar_set_item(vm, d, k, l), CELLAR_OK);
    cr_expect_eq(cellar_type_of(vm, t), CELLAR_TYPE_TUPLE);
    cr_expect_eq(cellar_type_of(vm, l), CELLAR_TYPE_LIST);
    cr_expect_eq(cellar_type_of(vm, d), CELLAR_TYPE_DICT);
    char *r;
    cr_assert_eq(cellar_repr(vm, d, &r), CELLAR_OK);
    cr_expect_str_eq(r, "{'key': [1, 2, (1, 2, 3)]}");
    cellar_free(r);
    cr_assert_eq(cellar_get_index(vm, t, -1, &got), CELLAR_OK);
    cr_expect_eq(as_int(got), 3);
    cr_expect_eq(cellar_get_index(vm, t, 5, &got), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "tuple index out of range");
    cr_assert_eq(cellar_get_item(vm, d, k, &got), CELLAR_OK);
    size_t n;
    cr_assert_eq(cellar_len(vm, got, &n), CELLAR_OK);
    cr_expect_eq(n, 3);
    cr_expect_eq(cellar_get_item(vm, d, items[0], &got), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "KeyError");
    cr_expect_eq(cellar_set_item(vm, t, items[0], items[1]), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "'tuple' object does not support item assignment");
    cr_assert_eq(cellar_dict_items(vm, d, &v), CELLAR_OK);
    cr_assert_eq(cellar_repr(vm, v, &r), CELLAR_OK);
    cr_expect_str_eq(r, "[('key', [1, 2, (1, 2, 3)])]");
    cellar_free(r);
    cr_expect_eq(cellar_list_append(vm, t, t), CELLAR_RUNTIME_ERROR);
    cr_expect_eq(cellar_dict_items(vm, l, &v), CELLAR_RUNTIME_ERROR);
}

Test(api, values_from_scripts)
{
    run("data = {'xs': [1, 2.5, 'three', None, True], 'n': 2**100}\n"
        "def f(): pass\n");
    cellar_value data = global("data"), key, xs, n, item, f, len_fn;
    cr_assert_eq(cellar_new_str(vm, "xs", 2, &key), CELLAR_OK);
    cr_assert_eq(cellar_get_item(vm, data, key, &xs), CELLAR_OK);
    cellar_type want[] = {CELLAR_TYPE_INT, CELLAR_TYPE_FLOAT, CELLAR_TYPE_STR, CELLAR_TYPE_NONE,
                          CELLAR_TYPE_BOOL};
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(cellar_get_index(vm, xs, i, &item), CELLAR_OK);
        cr_expect_eq(cellar_type_of(vm, item), want[i], "item %d", i);
        cellar_release(vm, item);
    }
    cr_assert_eq(cellar_new_str(vm, "n", 1, &key), CELLAR_OK);
    cr_assert_eq(cellar_get_item(vm, data, key, &n), CELLAR_OK);
    char *digits;
    cr_assert_eq(cellar_to_int_str(vm, n, &digits), CELLAR_OK);
    cr_expect_str_eq(digits, "1267650600228229401496703205376");
    cellar_free(digits);
    f = global("f");
    len_fn = global("len");
    cr_expect_eq(cellar_type_of(vm, f), CELLAR_TYPE_FUNCTION);
    cr_expect_eq(cellar_type_of(vm, len_fn), CELLAR_TYPE_BUILTIN);
    cr_expect(cellar_is_callable(vm, f));
    cr_expect(!cellar_is_callable(vm, data));
    cr_assert_eq(cellar_get_attr(vm, f, "__name__", &item), CELLAR_OK);
    const char *name;
    cr_assert_eq(cellar_to_str(vm, item, &name, NULL), CELLAR_OK);
    cr_expect_str_eq(name, "f");
    cr_expect_eq(cellar_get_attr(vm, data, "nope", &item), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "'dict' object has no attribute 'nope'");
}

Test(api, set_global_then_use_it)
{
    cellar_value v = int_value(5);
    cr_assert_eq(cellar_set_global(vm, "five", v), CELLAR_OK);
    cellar_release(vm, v);
    run("print(five * 2)");
    cr_expect_str_eq(out.text, "10\n");
    cr_expect_eq(cellar_get_global(vm, "undefined_thing", &v), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "NameError");
    cr_expect_str_eq(cellar_error_message(vm), "name 'undefined_thing' is not defined");
}

/* ---- handles ---- */

Test(api, released_and_foreign_handles_are_api_errors)
{
    cellar_value v = int_value(1), w;
    cellar_release(vm, v);
    cellar_release(vm, v); /* twice: no effect */
    int64_t i;
    cr_expect_eq(cellar_to_int(vm, v, &i), CELLAR_API_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "SystemError");
    cr_expect(strstr(cellar_error_message(vm), "not a live handle") != NULL);
    cellar_value zero = {0}, forged = {0x12345678u};
    cr_expect_eq(cellar_dup(vm, zero, &w), CELLAR_API_ERROR);
    cr_expect_eq(cellar_dup(vm, forged, &w), CELLAR_API_ERROR);
    cr_expect_eq(cellar_type_of(vm, v), CELLAR_TYPE_INVALID);
    cr_expect_str_eq(cellar_type_name(vm, v), "");
    /* the slot is reused, the old handle stays dead */
    cellar_value again = int_value(2);
    cr_expect_eq(cellar_to_int(vm, v, &i), CELLAR_API_ERROR);
    cr_expect_eq(as_int(again), 2);
    cr_expect_eq(cellar_new_int(vm, 1, NULL), CELLAR_API_ERROR, "NULL result pointer");
}

Test(api, another_vms_handles_are_rejected)
{
    cellar_vm *other = cellar_vm_new(NULL);
    cellar_value mine = int_value(1), theirs;
    cr_assert_eq(cellar_new_int(other, 2, &theirs), CELLAR_OK);
    int64_t i;
    cr_expect_eq(cellar_to_int(vm, theirs, &i), CELLAR_API_ERROR);
    cr_expect_eq(cellar_to_int(other, mine, &i), CELLAR_API_ERROR);
    cellar_release(vm, theirs); /* a foreign handle: ignored */
    cr_expect_eq(as_int(mine), 1);
    cellar_vm_free(other);
}

Test(api, handle_count_and_dup)
{
    size_t base = cellar_handle_count(vm);
    cellar_value v = int_value(9), w;
    cr_assert_eq(cellar_dup(vm, v, &w), CELLAR_OK);
    cr_expect_neq(v.id, w.id);
    cr_expect_eq(cellar_handle_count(vm), base + 2);
    cellar_release(vm, v);
    cr_expect_eq(as_int(w), 9);
    cellar_release(vm, w);
    cr_expect_eq(cellar_handle_count(vm), base);
}

Test(api, many_handles_grow_the_table)
{
    enum { N = 5000 };
    static cellar_value vs[N];
    for (int i = 0; i < N; i++)
        vs[i] = int_value(i * 3);
    for (int i = 0; i < N; i += 2)
        cellar_release(vm, vs[i]);
    for (int i = 1; i < N; i += 2)
        cr_assert_eq(as_int(vs[i]), i * 3);
    for (int i = 1; i < N; i += 2)
        cellar_release(vm, vs[i]);
    cr_expect_eq(cellar_handle_count(vm), 0);
}

/* Values only a handle keeps alive must survive any number of collections while the garbage
 * around them is reclaimed. */
Test(api, handles_survive_forced_collections)
{
    enum { N = 200 };
    static cellar_value lists[N];
    char text[64];
    for (int i = 0; i < N; i++) {
        snprintf(text, sizeof text, "list number %d", i);
        cellar_value s, items[2];
        cr_assert_eq(cellar_new_str(vm, text, strlen(text), &s), CELLAR_OK);
        items[0] = s;
        items[1] = int_value(i);
        cr_assert_eq(cellar_new_list(vm, 2, items, &lists[i]), CELLAR_OK);
        cellar_release(vm, s);
        cellar_release(vm, items[1]);
    }
    for (int round = 0; round < 5; round++) {
        run("junk = [[i] * 50 for i in range(2000)]\njunk = None\n");
        cellar_collect(vm);
    }
    for (int i = 0; i < N; i++) {
        cellar_value s, n;
        cr_assert_eq(cellar_get_index(vm, lists[i], 0, &s), CELLAR_OK);
        cr_assert_eq(cellar_get_index(vm, lists[i], 1, &n), CELLAR_OK);
        const char *got;
        cr_assert_eq(cellar_to_str(vm, s, &got, NULL), CELLAR_OK);
        snprintf(text, sizeof text, "list number %d", i);
        cr_expect_str_eq(got, text);
        cr_expect_eq(as_int(n), i);
        cellar_release(vm, s);
        cellar_release(vm, n);
        cellar_release(vm, lists[i]);
    }
}

/* A script function the host keeps after the script dropped every name for it. */
Test(api, a_held_closure_outlives_its_names)
{
    run("def make(n):\n    def add(x):\n        return x + n\n    return add\nf = make(100)\n");
    cellar_value f = global("f");
    run("del f\ndel make\n");
    cellar_collect(vm);
    run("junk = [str(i) for i in range(5000)]\n");
    cellar_collect(vm);
    cellar_value x = int_value(5), r;
    cr_assert_eq(cellar_call(vm, f, 1, &x, NULL, &r), CELLAR_OK, "%s", cellar_error_report(vm));
    cr_expect_eq(as_int(r), 105);
}

/* ---- calls ---- */

Test(api, call_a_script_closure)
{
    run("def make_counter(step):\n"
        "    count = 0\n"
        "    def tick():\n"
        "        nonlocal count\n"
        "        count += step\n"
        "        return count\n"
        "    return tick\n");
    cellar_value make = global("make_counter"), step = int_value(5), tick, r;
    cr_assert_eq(cellar_call(vm, make, 1, &step, NULL, &tick), CELLAR_OK);
    for (int i = 1; i <= 3; i++) {
        cr_assert_eq(cellar_call(vm, tick, 0, NULL, NULL, &r), CELLAR_OK);
        cr_expect_eq(as_int(r), 5 * i);
        cellar_release(vm, r);
    }
}

Test(api, keyword_arguments)
{
    run("def greet(name, *, greeting='hello', punct='!'):\n"
        "    return greeting + ', ' + name + punct\n");
    cellar_value f = global("greet"), name, kw, key, value, r;
    cr_assert_eq(cellar_new_str(vm, "ada", 3, &name), CELLAR_OK);
    cr_assert_eq(cellar_new_dict(vm, &kw), CELLAR_OK);
    cr_assert_eq(cellar_new_str(vm, "greeting", 8, &key), CELLAR_OK);
    cr_assert_eq(cellar_new_str(vm, "hi", 2, &value), CELLAR_OK);
    cr_assert_eq(cellar_set_item(vm, kw, key, value), CELLAR_OK);
    cr_assert_eq(cellar_call(vm, f, 1, &name, &kw, &r), CELLAR_OK, "%s", cellar_error_report(vm));
    const char *s;
    cr_assert_eq(cellar_to_str(vm, r, &s, NULL), CELLAR_OK);
    cr_expect_str_eq(s, "hi, ada!");
    cr_assert_eq(cellar_new_str(vm, "bogus", 5, &key), CELLAR_OK);
    cr_assert_eq(cellar_set_item(vm, kw, key, value), CELLAR_OK);
    cr_expect_eq(cellar_call(vm, f, 1, &name, &kw, &r), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "greet() got an unexpected keyword argument 'bogus'");
}

Test(api, calling_a_non_callable)
{
    cellar_value x = int_value(3), r;
    cr_assert_eq(cellar_call(vm, x, 0, NULL, NULL, &r), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "TypeError");
    cr_expect_str_eq(cellar_error_message(vm), "'int' object is not callable");
    cr_expect_str_eq(cellar_error_report(vm), "TypeError: 'int' object is not callable\n");
}

Test(api, wrong_arity)
{
    run("def pair(a, b):\n    return (a, b)\n");
    cellar_value f = global("pair"), args[3] = {int_value(1), int_value(2), int_value(3)}, r;
    cr_assert_eq(cellar_call(vm, f, 3, args, NULL, &r), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm),
                     "pair() takes 2 positional arguments but 3 were given");
    cr_assert_eq(cellar_call(vm, f, 1, args, NULL, &r), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "pair() missing 1 required positional argument: 'b'");
    cr_assert_eq(cellar_call(vm, f, 2, args, NULL, &r), CELLAR_OK);
}

Test(api, exception_raised_by_a_called_function)
{
    run("def check(x):\n    if x < 0:\n        raise ValueError(f'negative: {x}')\n    return x\n");
    cellar_value f = global("check"), x = int_value(-4), r;
    cr_assert_eq(cellar_call(vm, f, 1, &x, NULL, &r), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "ValueError");
    cr_expect_str_eq(cellar_error_message(vm), "negative: -4");
    cr_expect(strstr(cellar_error_report(vm), "line 3, in check\n") != NULL, "%s",
              cellar_error_report(vm));
    x = int_value(4);
    cr_assert_eq(cellar_call(vm, f, 1, &x, NULL, &r), CELLAR_OK);
    cr_expect_eq(as_int(r), 4);
}

Test(api, calling_builtins_and_methods)
{
    cellar_value len_fn = global("len"), s, r, upper;
    cr_assert_eq(cellar_new_str(vm, "abcd", 4, &s), CELLAR_OK);
    cr_assert_eq(cellar_call(vm, len_fn, 1, &s, NULL, &r), CELLAR_OK);
    cr_expect_eq(as_int(r), 4);
    cr_assert_eq(cellar_get_attr(vm, s, "upper", &upper), CELLAR_OK);
    cr_assert_eq(cellar_call(vm, upper, 0, NULL, NULL, &r), CELLAR_OK);
    const char *text;
    cr_assert_eq(cellar_to_str(vm, r, &text, NULL), CELLAR_OK);
    cr_expect_str_eq(text, "ABCD");
}

Test(api, bad_arguments_are_api_errors)
{
    cellar_value v = int_value(1), r;
    cr_expect_eq(cellar_call(vm, v, 2, NULL, NULL, &r), CELLAR_API_ERROR);
    cr_expect_eq(cellar_exec_string(vm, NULL, 0, NULL), CELLAR_API_ERROR);
    cr_expect_eq(cellar_get_global(vm, NULL, &r), CELLAR_API_ERROR);
    cr_expect_eq(cellar_get_global(vm, "\xff", &r), CELLAR_API_ERROR);
    cr_expect_eq(cellar_call(vm, v, 0, NULL, NULL, NULL), CELLAR_API_ERROR);
}

Test(api, many_calls_do_not_leak_handles)
{
    run("def inc(x):\n    return x + 1\n");
    cellar_value f = global("inc");
    size_t base = cellar_handle_count(vm);
    int64_t acc = 0;
    for (int i = 0; i < 100000; i++) {
        cellar_value x = int_value(acc), r;
        cr_assert_eq(cellar_call(vm, f, 1, &x, NULL, &r), CELLAR_OK);
        acc = as_int(r);
        cellar_release(vm, x);
        cellar_release(vm, r);
    }
    cr_expect_eq(acc, 100000);
    cr_expect_eq(cellar_handle_count(vm), base);
}

/* ---- captured variables held by value, seen from outside their unit ---- */

/* x is never reassigned in make, so f's closure holds the value 41 itself. The host, and any
 * later unit, still sees a tuple of cells: fresh ones, whose contents cannot be changed. */
Test(api, closure_of_a_by_value_capture_is_materialised)
{
    run("def make(x, y):\n"
        "    def get():\n"
        "        return x, y\n"
        "    def bump():\n"
        "        nonlocal y\n"
        "        y += 1\n"
        "    return get, bump\n"
        "f, bump = make(41, 0)\n");
    cellar_value f = global("f"), closure, cell, contents;
    cr_assert_eq(cellar_get_attr(vm, f, "__closure__", &closure), CELLAR_OK);
    size_t n = 0;
    cr_assert_eq(cellar_len(vm, closure, &n), CELLAR_OK);
    cr_expect_eq(n, 2);
    cr_assert_eq(cellar_get_index(vm, closure, 0, &cell), CELLAR_OK);
    char *repr = NULL;
    cr_assert_eq(cellar_repr(vm, cell, &repr), CELLAR_OK);
    cr_expect(strncmp(repr, "<cell at 0x", 11) == 0, "%s", repr);
    cellar_free(repr);
    cr_assert_eq(cellar_get_attr(vm, cell, "cell_contents", &contents), CELLAR_OK);
    int64_t v = 0;
    cr_assert_eq(cellar_to_int(vm, contents, &v), CELLAR_OK);
    cr_expect_eq(v, 41);
    cellar_release(vm, contents);
    cellar_release(vm, cell);
    cellar_release(vm, closure);
    cellar_release(vm, f);

    /* A later unit reading __closure__ gets the same picture, and the same tuple each time
     * (as CPython); writing the copy is an error, writing y's real cell is seen by the closure. */
    run("c = f.__closure__\n"
        "print(c[0].cell_contents, c[1].cell_contents, c[0] is f.__closure__[0])\n"
        "c[1].cell_contents = 7\n"
        "bump()\n"
        "print(f())\n");
    cr_expect_str_eq(out.text, "41 0 True\n(41, 8)\n");
    const char *src = "f.__closure__[0].cell_contents = 1\n";
    cr_expect_eq(cellar_exec_string(vm, src, strlen(src), "<test>"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "AttributeError");
    cr_expect_str_eq(cellar_error_message(vm),
                     "cell_contents of this cell cannot be changed: cellar captured 'x' by value "
                     "(it is never reassigned), so __closure__ shows a copy");
    src = "del f.__closure__[0].cell_contents\n";
    cr_expect_eq(cellar_exec_string(vm, src, strlen(src), "<test>"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "AttributeError");
    memset(&out, 0, sizeof out);
    run("print(f())\n");
    cr_expect_str_eq(out.text, "(41, 8)\n");
}

/* Swapping __code__ between functions that hold their free variables differently would make
 * the code read a value as a cell: it is refused. Within one unit that assigns __code__, every
 * variable is a cell, so such swaps work as in CPython. */
Test(api, code_swaps_between_by_value_and_cell_closures_are_refused)
{
    run("def make(x):\n"
        "    return lambda: x\n"
        "byvalue = make(1)\n");
    run("def make2(x):\n"
        "    return lambda: x\n"
        "cells = make2(2)\n"
        "other = make2(3)\n"
        "other.__code__ = cells.__code__\n"
        "print(other())\n");
    cr_expect_str_eq(out.text, "3\n");
    const char *src = "byvalue.__code__ = cells.__code__\n";
    cr_expect_eq(cellar_exec_string(vm, src, strlen(src), "<test>"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "ValueError");
    cr_expect(strstr(cellar_error_message(vm), "by value or in cells") != NULL, "%s",
              cellar_error_message(vm));
    memset(&out, 0, sizeof out);
    run("print(byvalue(), cells())\n");
    cr_expect_str_eq(out.text, "1 2\n");
}
