/* Calling Python closures from C: the script defines factories, the host makes closures with
 * them, keeps them in its own variables (handles keep them alive), calls them with positional
 * and keyword arguments, and reads the results back — including a script error, reported with
 * CPython's traceback, after which the VM carries on.
 *
 * Build: cc call_closure.c $(pkg-config --cflags --libs cellar) */
#include <stdio.h>
#include <string.h>

#include "cellar.h"

static const char script[] =
    "def make_averager():\n"
    "    series = []\n"
    "    def averager(value):\n"
    "        series.append(value)\n"
    "        return sum(series) / len(series)\n"
    "    return averager\n"
    "\n"
    "def make_greeter(greeting):\n"
    "    def greet(name, *, punctuation='!'):\n"
    "        return f'{greeting}, {name}{punctuation}'\n"
    "    return greet\n";

/* Stops the example with the VM's report when a call fails. */
static int check(cellar_vm *vm, cellar_status status)
{
    if (status != CELLAR_OK) {
        fprintf(stderr, "%s", cellar_error_report(vm));
        return 1;
    }
    return 0;
}

static int averages(cellar_vm *vm)
{
    cellar_value factory, averager;
    if (check(vm, cellar_get_global(vm, "make_averager", &factory)) ||
        check(vm, cellar_call(vm, factory, 0, NULL, NULL, &averager)))
        return 1;
    const double samples[] = {10, 11, 12, 15.5};
    for (int i = 0; i < 4; i++) {
        cellar_value x, avg;
        double result;
        if (check(vm, cellar_new_float(vm, samples[i], &x)) ||
            check(vm, cellar_call(vm, averager, 1, &x, NULL, &avg)) ||
            check(vm, cellar_to_float(vm, avg, &result)))
            return 1;
        printf("averager(%g) = %g\n", samples[i], result);
        cellar_release(vm, x);
        cellar_release(vm, avg);
    }
    cellar_release(vm, averager);
    cellar_release(vm, factory);
    return 0;
}

static int greetings(cellar_vm *vm)
{
    cellar_value factory, hello, greet, name, kwargs, key, value, text;
    if (check(vm, cellar_get_global(vm, "make_greeter", &factory)) ||
        check(vm, cellar_new_str(vm, "Hello", 5, &hello)) ||
        check(vm, cellar_call(vm, factory, 1, &hello, NULL, &greet)) ||
        check(vm, cellar_new_str(vm, "Ada", 3, &name)) ||
        check(vm, cellar_new_dict(vm, &kwargs)) ||
        check(vm, cellar_new_str(vm, "punctuation", 11, &key)) ||
        check(vm, cellar_new_str(vm, "?", 1, &value)) ||
        check(vm, cellar_set_item(vm, kwargs, key, value)) ||
        check(vm, cellar_call(vm, greet, 1, &name, &kwargs, &text)))
        return 1;
    const char *s;
    if (check(vm, cellar_to_str(vm, text, &s, NULL)))
        return 1;
    printf("%s\n", s);
    /* a mistake in the call: CPython's TypeError, and the VM is still fine afterwards */
    if (cellar_call(vm, greet, 0, NULL, NULL, &text) != CELLAR_OK)
        printf("error: %s: %s\n", cellar_error_type(vm), cellar_error_message(vm));
    return 0;
}

int main(void)
{
    cellar_vm *vm = cellar_vm_new(NULL);
    if (!vm)
        return 1;
    int failed = check(vm, cellar_exec_string(vm, script, strlen(script), "closures.py")) ||
                 averages(vm) || greetings(vm);
    printf("live handles before cellar_vm_free: %zu\n", cellar_handle_count(vm));
    cellar_vm_free(vm); /* releases whatever handles are left */
    return failed;
}
