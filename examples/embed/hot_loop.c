/* A typed entry point in a hot loop: the host integrates a Python closure numerically, calling
 * it millions of times through a plain C function pointer, `double (*)(double)`, that LLVM
 * compiled for doubles — then does the same through the generic API to show what the typed
 * entry point saves. A second entry point, int64 -> int64, counts Collatz steps.
 *
 * Build: cc hot_loop.c $(pkg-config --cflags --libs cellar) */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cellar.h"

static const char script[] =
    "def make_poly(a, b, c):\n"
    "    def poly(x):\n"
    "        return (a * x + b) * x + c\n"
    "    return poly\n"
    "\n"
    "def collatz(n):\n"
    "    steps = 0\n"
    "    while n != 1:\n"
    "        n = n // 2 if n % 2 == 0 else 3 * n + 1\n"
    "        steps += 1\n"
    "    return steps\n"
    "\n"
    "poly = make_poly(3.0, -2.0, 0.5)\n";

typedef double (*real_fn)(double);
typedef int64_t (*int_fn)(int64_t);

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Simpson's rule over [a, b] with n (even) intervals. */
static double simpson(real_fn f, double a, double b, long n)
{
    double h = (b - a) / (double)n, sum = f(a) + f(b);
    for (long i = 1; i < n; i++)
        sum += f(a + (double)i * h) * (i % 2 ? 4.0 : 2.0);
    return sum * h / 3.0;
}

/* The same through handles and cellar_call, for comparison. */
static double simpson_generic(cellar_vm *vm, cellar_value f, double a, double b, long n)
{
    double h = (b - a) / (double)n, sum = 0;
    for (long i = 0; i <= n; i++) {
        cellar_value x, y;
        double fx = 0;
        if (cellar_new_float(vm, a + (double)i * h, &x) != CELLAR_OK ||
            cellar_call(vm, f, 1, &x, NULL, &y) != CELLAR_OK || cellar_to_float(vm, y, &fx) != CELLAR_OK)
            return -1;
        sum += fx * (i == 0 || i == n ? 1.0 : i % 2 ? 4.0 : 2.0);
        cellar_release(vm, x);
        cellar_release(vm, y);
    }
    return sum * h / 3.0;
}

/* The typed entry point for global `name`. */
static cellar_native_fn entry(cellar_vm *vm, const char *name, const char *signature)
{
    cellar_value f;
    cellar_native_fn p = NULL;
    if (cellar_get_global(vm, name, &f) != CELLAR_OK || cellar_typed_entry(vm, f, signature, &p) != CELLAR_OK)
        fprintf(stderr, "%s", cellar_error_report(vm));
    const char *reason;
    if (p && !cellar_typed_specialised(vm, &reason))
        fprintf(stderr, "%s runs on the generic path: %s\n", name, reason);
    cellar_release(vm, f);
    return p;
}

int main(void)
{
    cellar_vm *vm = cellar_vm_new(NULL);
    if (!vm || cellar_exec_string(vm, script, strlen(script), "hot.py") != CELLAR_OK)
        return 1;
    real_fn poly = (real_fn)entry(vm, "poly", "(double) -> double");
    int_fn collatz = (int_fn)entry(vm, "collatz", "(int64) -> int64");
    if (!poly || !collatz)
        return 1;

    const long n = 10 * 1000 * 1000;
    double t0 = now();
    double typed = simpson(poly, 0.0, 2.0, n);
    double t1 = now();
    cellar_value f;
    if (cellar_get_global(vm, "poly", &f) != CELLAR_OK)
        return 1;
    double generic = simpson_generic(vm, f, 0.0, 2.0, n / 10);
    double t2 = now();
    printf("integral of 3x^2 - 2x + 0.5 over [0, 2]: %.9f (typed), %.9f (generic)\n", typed, generic);
    fprintf(stderr, "typed:   %6.2f ns per call\ngeneric: %6.2f ns per call\n",
            (t1 - t0) / (double)n * 1e9, (t2 - t1) / (double)(n / 10) * 1e9);

    int64_t best = 0, longest = 0;
    for (int64_t i = 1; i < 300000; i++) {
        int64_t steps = collatz(i);
        if (steps > longest)
            longest = steps, best = i;
    }
    printf("longest Collatz chain below 300000: %lld (%lld steps)\n", (long long)best, (long long)longest);
    /* typed calls leave the VM's error alone when they succeed: one look after the loop */
    printf("errors so far: %s\n", cellar_error_status(vm) == CELLAR_OK ? "none" : cellar_error_type(vm));
    cellar_vm_free(vm);
    return 0;
}
