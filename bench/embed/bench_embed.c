/* The cost of one host -> script call, side by side in one process: cellar's generic API
 * (handles in, cellar_call, handle out), a cellar typed entry point, a direct C call through a
 * function pointer, Lua 5.4's lua_pcall and CPython 3.11's PyObject_Call, each on the same two
 * functions: add(a, b) = a + b, and a closure adding a captured k to its argument.
 *
 * Every figure is a full round trip as a host writes it: make the arguments from C ints,
 * call, read the C int result back, drop what was made. Rounds of each variant are
 * interleaved and the median round is reported, in nanoseconds per call.
 *
 * Build and run: bench/embed/run.sh (prints the Markdown table of docs/performance.md). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cellar.h"

enum { CALLS = 2000000, ROUNDS = 11 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void die(const char *what)
{
    fprintf(stderr, "bench_embed: %s\n", what);
    exit(1);
}

/* A result every variant must reproduce, so no call is optimised away or wrong. */
static int64_t expected_checksum(int closure)
{
    int64_t s = 0;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ (i + 7)) : s + (i + 1);
    return s;
}

/* ---- direct C ---- */

__attribute__((noinline)) static int64_t c_add(int64_t a, int64_t b)
{
    __asm__ volatile("");
    return a + b;
}

static int64_t c_k = 7;
__attribute__((noinline)) static int64_t c_adder(int64_t x)
{
    __asm__ volatile("");
    return x + c_k;
}

static int64_t (*volatile c_add_ptr)(int64_t, int64_t) = c_add;
static int64_t (*volatile c_adder_ptr)(int64_t) = c_adder;

static int64_t run_c(int closure)
{
    int64_t s = 0;
    int64_t (*add)(int64_t, int64_t) = c_add_ptr;
    int64_t (*adder)(int64_t) = c_adder_ptr;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ adder(i)) : add(s, 1) + i;
    return s;
}

/* ---- cellar ---- */

static const char cellar_script[] = "def add(a, b):\n"
                                    "    return a + b\n"
                                    "def make_adder(k):\n"
                                    "    def adder(x):\n"
                                    "        return x + k\n"
                                    "    return adder\n"
                                    "adder = make_adder(7)\n";

static cellar_vm *vm;
static cellar_value cellar_add, cellar_adder;
static int64_t (*typed_add)(int64_t, int64_t);
static int64_t (*typed_adder)(int64_t);

static void cellar_setup(void)
{
    vm = cellar_vm_new(NULL);
    cellar_native_fn p, q;
    if (!vm || cellar_exec_string(vm, cellar_script, strlen(cellar_script), "bench.py") != CELLAR_OK ||
        cellar_get_global(vm, "add", &cellar_add) != CELLAR_OK ||
        cellar_get_global(vm, "adder", &cellar_adder) != CELLAR_OK ||
        cellar_typed_entry(vm, cellar_add, "(int64, int64) -> int64", &p) != CELLAR_OK ||
        cellar_typed_entry(vm, cellar_adder, "(int64) -> int64", &q) != CELLAR_OK)
        die("cellar setup failed");
    typed_add = (int64_t(*)(int64_t, int64_t))p;
    typed_adder = (int64_t(*)(int64_t))q;
}

/* One generic call: ints in through handles, the call, the int back out. */
static int64_t cellar_generic_call(cellar_value f, int64_t a, int64_t b, int nargs)
{
    cellar_value args[2], r;
    int64_t out = 0;
    if (cellar_new_int(vm, a, &args[0]) != CELLAR_OK ||
        (nargs == 2 && cellar_new_int(vm, b, &args[1]) != CELLAR_OK) ||
        cellar_call(vm, f, (size_t)nargs, args, NULL, &r) != CELLAR_OK ||
        cellar_to_int(vm, r, &out) != CELLAR_OK)
        die(cellar_error_report(vm));
    cellar_release(vm, args[0]);
    if (nargs == 2)
        cellar_release(vm, args[1]);
    cellar_release(vm, r);
    return out;
}

static int64_t run_cellar_generic(int closure)
{
    int64_t s = 0;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ cellar_generic_call(cellar_adder, i, 0, 1))
                    : cellar_generic_call(cellar_add, s, 1, 2) + i;
    return s;
}

static int64_t run_cellar_typed(int closure)
{
    int64_t s = 0;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ typed_adder(i)) : typed_add(s, 1) + i;
    if (cellar_error_status(vm) != CELLAR_OK)
        die(cellar_error_report(vm));
    return s;
}

/* ---- Lua 5.4 ---- */

static const char lua_script[] = "function add(a, b) return a + b end\n"
                                 "function make_adder(k) return function(x) return x + k end end\n"
                                 "adder = make_adder(7)\n";

static lua_State *L;
static int lua_add_ref, lua_adder_ref;

static void lua_setup(void)
{
    L = luaL_newstate();
    luaL_openlibs(L);
    if (luaL_dostring(L, lua_script) != LUA_OK)
        die("lua setup failed");
    lua_getglobal(L, "add");
    lua_add_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getglobal(L, "adder");
    lua_adder_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

static int64_t lua_call_int(int ref, int64_t a, int64_t b, int nargs)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_pushinteger(L, a);
    if (nargs == 2)
        lua_pushinteger(L, b);
    if (lua_pcall(L, nargs, 1, 0) != LUA_OK)
        die(lua_tostring(L, -1));
    int64_t r = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return r;
}

static int64_t run_lua(int closure)
{
    int64_t s = 0;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ lua_call_int(lua_adder_ref, i, 0, 1)) : lua_call_int(lua_add_ref, s, 1, 2) + i;
    return s;
}

/* ---- CPython 3.11 ---- */

static const char py_script[] = "def add(a, b):\n"
                                "    return a + b\n"
                                "def make_adder(k):\n"
                                "    def adder(x):\n"
                                "        return x + k\n"
                                "    return adder\n"
                                "adder = make_adder(7)\n";

static PyObject *py_add, *py_adder;

static void py_setup(void)
{
    Py_InitializeEx(0);
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *globals = PyModule_GetDict(main);
    PyObject *r = PyRun_String(py_script, Py_file_input, globals, globals);
    if (!r)
        die("python setup failed");
    Py_DECREF(r);
    py_add = PyDict_GetItemString(globals, "add");
    py_adder = PyDict_GetItemString(globals, "adder");
}

static int64_t py_call_int(PyObject *f, int64_t a, int64_t b, int nargs)
{
    PyObject *args = PyTuple_New(nargs);
    PyTuple_SET_ITEM(args, 0, PyLong_FromLongLong(a));
    if (nargs == 2)
        PyTuple_SET_ITEM(args, 1, PyLong_FromLongLong(b));
    PyObject *r = PyObject_Call(f, args, NULL);
    Py_DECREF(args);
    if (!r)
        die("python call failed");
    int64_t out = PyLong_AsLongLong(r);
    Py_DECREF(r);
    return out;
}

static int64_t run_python(int closure)
{
    int64_t s = 0;
    for (int64_t i = 0; i < CALLS; i++)
        s = closure ? (s ^ py_call_int(py_adder, i, 0, 1)) : py_call_int(py_add, s, 1, 2) + i;
    return s;
}

/* ---- the run ---- */

typedef struct variant {
    const char *name;
    int64_t (*run)(int closure);
    double ns[2][ROUNDS];
} variant;

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *xs)
{
    qsort(xs, ROUNDS, sizeof *xs, compare_doubles);
    return xs[ROUNDS / 2];
}

int main(void)
{
    cellar_setup();
    lua_setup();
    py_setup();
    variant variants[] = {
        {"direct C call (function pointer)", run_c, {{0}}},
        {"cellar typed entry point", run_cellar_typed, {{0}}},
        {"cellar generic call (`cellar_call`)", run_cellar_generic, {{0}}},
        {"Lua 5.4 `lua_pcall`", run_lua, {{0}}},
        {"CPython 3.11 `PyObject_Call`", run_python, {{0}}},
    };
    enum { NVARIANTS = sizeof variants / sizeof variants[0] };
    int64_t want[2] = {expected_checksum(0), expected_checksum(1)};
    for (int round = 0; round < ROUNDS; round++)
        for (int v = 0; v < NVARIANTS; v++)
            for (int closure = 0; closure < 2; closure++) {
                double t0 = now();
                int64_t got = variants[v].run(closure);
                variants[v].ns[closure][round] = (now() - t0) / CALLS * 1e9;
                if (got != want[closure]) {
                    fprintf(stderr, "%s: checksum %lld, want %lld\n", variants[v].name,
                            (long long)got, (long long)want[closure]);
                    return 1;
                }
            }
    double c[2] = {median(variants[0].ns[0]), median(variants[0].ns[1])};
    printf("| one call, round trip from C | `add(a, b)` ns | vs C | closure `x + k` ns | vs C |\n");
    printf("|---|---:|---:|---:|---:|\n");
    for (int v = 0; v < NVARIANTS; v++) {
        double a = v == 0 ? c[0] : median(variants[v].ns[0]);
        double b = v == 0 ? c[1] : median(variants[v].ns[1]);
        printf("| %s | %.2f | %.1fx | %.2f | %.1fx |\n", variants[v].name, a, a / c[0], b, b / c[1]);
    }
    printf("\n%d calls per round, median of %d interleaved rounds.\n", CALLS, ROUNDS);
    cellar_vm_free(vm);
    lua_close(L);
    Py_FinalizeEx();
    return 0;
}
