/* A C function as a Python decorator: `@profiled` in the script calls into the host, which
 * returns a host function bound to the decorated function — a C closure around a Python
 * closure. Each call goes through C, which counts it, times it and calls the Python function
 * it holds. The host also provides `emit`, which collects what the script reports.
 *
 * Build: cc decorator.c $(pkg-config --cflags --libs cellar) */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cellar.h"

static const char script[] =
    "@profiled\n"
    "def fib(n):\n"
    "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "\n"
    "def make_scaler(k):\n"
    "    @profiled\n"
    "    def scale(xs, *, offset=0):\n"
    "        return [k * x + offset for x in xs]\n"
    "    return scale\n"
    "\n"
    "emit('fib(15)', fib(15))\n"
    "triple = make_scaler(3)\n"
    "emit('triple', triple([1, 2, 3], offset=1))\n"
    "try:\n"
    "    triple(None)\n"
    "except TypeError as e:\n"
    "    emit('caught', str(e))\n";

/* What the host keeps per decorated function: its name and its counters. */
typedef struct profile {
    char name[64];
    long calls, failures;
    double seconds;
} profile;

typedef struct profiles {
    profile entries[16];
    int count;
} profiles;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The wrapper: call->bound is the Python function, call->data its profile. */
static cellar_status profiled_call(cellar_vm *vm, const cellar_host_call *call, cellar_value *result)
{
    profile *p = call->data;
    double start = now();
    cellar_status status = cellar_call(vm, *call->bound, call->nargs, call->args, call->kwargs, result);
    p->seconds += now() - start;
    p->calls++;
    p->failures += status != CELLAR_OK;
    return status; /* a Python exception in the wrapped function propagates as it is */
}

/* @profiled: one profile per decorated function, named after its __qualname__. */
static cellar_status profiled(cellar_vm *vm, const cellar_host_call *call, cellar_value *result)
{
    profiles *all = call->data;
    if (call->nargs != 1 || !cellar_is_callable(vm, call->args[0]))
        return cellar_raise(vm, "TypeError", "@profiled expects a function");
    if (all->count == 16)
        return cellar_raise(vm, "RuntimeError", "too many profiled functions");
    profile *p = &all->entries[all->count++];
    cellar_value qualname;
    const char *text = "?";
    if (cellar_get_attr(vm, call->args[0], "__qualname__", &qualname) == CELLAR_OK &&
        cellar_to_str(vm, qualname, &text, NULL) == CELLAR_OK)
        snprintf(p->name, sizeof p->name, "%s", text);
    cellar_release(vm, qualname);
    return cellar_new_function(vm, p->name, profiled_call, p, &call->args[0], result);
}

/* emit(label, value): prints what the script reports, through the host. */
static cellar_status emit(cellar_vm *vm, const cellar_host_call *call, cellar_value *result)
{
    (void)result;
    char *label = NULL, *value = NULL;
    if (call->nargs != 2)
        return cellar_raise(vm, "TypeError", "emit(label, value)");
    cellar_status s = cellar_str(vm, call->args[0], &label);
    if (s == CELLAR_OK)
        s = cellar_repr(vm, call->args[1], &value);
    if (s == CELLAR_OK)
        printf("script: %s = %s\n", label, value);
    cellar_free(label);
    cellar_free(value);
    return s;
}

int main(void)
{
    profiles all = {0};
    cellar_vm *vm = cellar_vm_new(NULL);
    if (!vm)
        return 1;
    if (cellar_register_function(vm, "profiled", profiled, &all) != CELLAR_OK ||
        cellar_register_function(vm, "emit", emit, NULL) != CELLAR_OK ||
        cellar_exec_string(vm, script, strlen(script), "profiled.py") != CELLAR_OK) {
        fprintf(stderr, "%s", cellar_error_report(vm));
        cellar_vm_free(vm);
        return 1;
    }
    for (int i = 0; i < all.count; i++) {
        const profile *p = &all.entries[i];
        printf("%-26s %5ld calls, %ld failed\n", p->name, p->calls, p->failures);
        fprintf(stderr, "%-26s %9.3f ms\n", p->name, p->seconds * 1e3);
    }
    cellar_vm_free(vm);
    return 0;
}
