/* memo_dict, closure-converted by hand. The wrapper's environment holds fn and the cache (both
 * never rebound, so copied; the dict itself is mutated through the pointer). The dict is an
 * int64 -> int64 open-addressing table grown at 2/3 load like CPython's. The global name
 * `collatz` holds the wrapper, so the recursion goes through it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int64_t *keys, *vals;
    unsigned char *used;
    size_t mask, len;
} dict;

static dict *dict_new(void)
{
    dict *d = malloc(sizeof *d);
    d->mask = 7;
    d->len = 0;
    d->keys = malloc(8 * sizeof *d->keys);
    d->vals = malloc(8 * sizeof *d->vals);
    d->used = calloc(8, 1);
    return d;
}

static size_t hash(int64_t k) { return (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ull >> 17); }

static int dict_get(dict *d, int64_t k, int64_t *out)
{
    for (size_t i = hash(k) & d->mask;; i = (i + 1) & d->mask) {
        if (!d->used[i])
            return 0;
        if (d->keys[i] == k) {
            *out = d->vals[i];
            return 1;
        }
    }
}

static void dict_put_new(dict *d, int64_t k, int64_t v);

static void dict_grow(dict *d)
{
    size_t old = d->mask + 1;
    int64_t *ok = d->keys, *ov = d->vals;
    unsigned char *ou = d->used;
    size_t n = old * 4;
    d->mask = n - 1;
    d->len = 0;
    d->keys = malloc(n * sizeof *d->keys);
    d->vals = malloc(n * sizeof *d->vals);
    d->used = calloc(n, 1);
    for (size_t i = 0; i < old; i++)
        if (ou[i])
            dict_put_new(d, ok[i], ov[i]);
    free(ok);
    free(ov);
    free(ou);
}

/* k is known absent (the wrapper just missed it; fn cannot insert k again for this program) */
static void dict_put_new(dict *d, int64_t k, int64_t v)
{
    if (3 * (d->len + 1) > 2 * (d->mask + 1))
        dict_grow(d);
    size_t i = hash(k) & d->mask;
    while (d->used[i]) {
        if (d->keys[i] == k) {
            d->vals[i] = v;
            return;
        }
        i = (i + 1) & d->mask;
    }
    d->used[i] = 1;
    d->keys[i] = k;
    d->vals[i] = v;
    d->len++;
}

typedef struct clo {
    int64_t (*code)(struct clo *self, int64_t n);
} clo;

typedef struct {
    clo base;
    clo *fn;
    dict *cache;
} wrapper_clo;

static clo *g_collatz;

static int64_t wrapper_code(clo *self, int64_t n)
{
    wrapper_clo *w = (wrapper_clo *)self;
    int64_t r;
    if (dict_get(w->cache, n, &r))
        return r;
    r = w->fn->code(w->fn, n);
    dict_put_new(w->cache, n, r);
    return r;
}

static wrapper_clo *memoize(clo *fn)
{
    wrapper_clo *w = malloc(sizeof *w);
    w->base.code = wrapper_code;
    w->fn = fn;
    w->cache = dict_new();
    return w;
}

static int64_t collatz_code(clo *self, int64_t n)
{
    (void)self;
    if (n == 1)
        return 1;
    if (n % 2 == 0)
        return 1 + g_collatz->code(g_collatz, n / 2);
    return 1 + g_collatz->code(g_collatz, 3 * n + 1);
}

static clo collatz_raw = {collatz_code};

int main(void)
{
    wrapper_clo *w = memoize(&collatz_raw);
    g_collatz = &w->base;
    int64_t best = 0, best_n = 0, total = 0;
    for (int64_t n = 1; n < 1000000; n++) {
        int64_t c = g_collatz->code(g_collatz, n);
        total += c;
        if (c > best) {
            best = c;
            best_n = n;
        }
    }
    printf("%lld %lld %lld %zu\n", (long long)best_n, (long long)best, (long long)total, w->cache->len);
    return 0;
}
