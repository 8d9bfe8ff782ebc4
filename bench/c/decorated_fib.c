/* decorated_fib, closure-converted by hand. The wrapper forwards *args, **kwargs: the best
 * compiler passes the positional arguments as a vector on the stack and an empty keyword set
 * without building a tuple or dict. `calls` is rebound by wrapper and read by count, so it is a
 * heap cell shared by the two environments; `fn` is copied (never rebound). The global name
 * `fib` holds the wrapper, so the recursion goes through it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct clo clo;
struct clo {
    int64_t (*code)(clo *self, int nargs, const int64_t *args, const void *kwargs);
};

typedef struct { int64_t value; } cell;

typedef struct {
    clo base;
    clo *fn;
    cell *calls;
} wrapper_clo;

typedef struct count_clo {
    int64_t (*code)(struct count_clo *self);
    cell *calls;
} count_clo;

static clo *g_fib; /* module global `fib` */
static struct { const char *name; count_clo *count; } counters[1];

static int64_t wrapper_code(clo *self, int nargs, const int64_t *args, const void *kwargs)
{
    wrapper_clo *w = (wrapper_clo *)self;
    w->calls->value += 1;
    return w->fn->code(w->fn, nargs, args, kwargs);
}

static int64_t count_code(count_clo *self) { return self->calls->value; }

static clo *counting(clo *fn, const char *name)
{
    cell *calls = malloc(sizeof *calls);
    calls->value = 0;
    wrapper_clo *w = malloc(sizeof *w);
    w->base.code = wrapper_code;
    w->fn = fn;
    w->calls = calls;
    count_clo *c = malloc(sizeof *c);
    c->code = count_code;
    c->calls = calls;
    counters[0].name = name;
    counters[0].count = c;
    return &w->base;
}

static int64_t fib_code(clo *self, int nargs, const int64_t *args, const void *kwargs)
{
    (void)self; (void)nargs; (void)kwargs;
    int64_t n = args[0];
    if (n < 2)
        return n;
    int64_t a = n - 1, b = n - 2;
    return g_fib->code(g_fib, 1, &a, NULL) + g_fib->code(g_fib, 1, &b, NULL);
}

static clo fib_raw = {fib_code};

int main(void)
{
    g_fib = counting(&fib_raw, "fib");
    int64_t n = 32;
    int64_t r = g_fib->code(g_fib, 1, &n, NULL);
    printf("%lld %lld\n", (long long)r, (long long)counters[0].count->code(counters[0].count));
    return 0;
}
