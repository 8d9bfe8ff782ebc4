/* church, closure-converted by hand. Church numerals are polymorphic (applied to ints in to_int,
 * to numerals in power), so values are uniform words: a closure pointer, or a small int tagged
 * (i << 1 | 1). Closures are flat: each lambda's record copies the variables it captures (none
 * is ever rebound, so no cells). Every lambda evaluation allocates a record as CPython does;
 * records come from a bump region that is reset after each top-level to_int (a region-inferring
 * compiler can prove that nothing allocated there survives it). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef intptr_t val;
typedef struct clo clo;
struct clo {
    val (*code)(clo *self, val arg);
    val env[3];
};

#define TAG(i) ((val)(((intptr_t)(i) << 1) | 1))
#define UNTAG(v) ((intptr_t)(v) >> 1)

static char *region, *region_top;

static clo *alloc_clo(val (*code)(clo *, val), int nenv)
{
    clo *c = (clo *)region_top;
    region_top += sizeof(c->code) + nenv * sizeof(val);
    c->code = code;
    return c;
}

static inline val call(val f, val x)
{
    clo *c = (clo *)f;
    return c->code(c, x);
}

/* zero = lambda f: lambda x: x */
static val zero_x(clo *self, val x) { (void)self; return x; }
static val zero_f(clo *self, val f) { (void)self; (void)f; return (val)alloc_clo(zero_x, 0); }

/* succ = lambda n: lambda f: lambda x: f(n(f)(x)) */
static val succ_x(clo *self, val x)
{
    val n = self->env[0], f = self->env[1];
    return call(f, call(call(n, f), x));
}
static val succ_f(clo *self, val f)
{
    clo *c = alloc_clo(succ_x, 2);
    c->env[0] = self->env[0];
    c->env[1] = f;
    return (val)c;
}
static val succ_n(clo *self, val n)
{
    (void)self;
    clo *c = alloc_clo(succ_f, 1);
    c->env[0] = n;
    return (val)c;
}

/* add = lambda m: lambda n: lambda f: lambda x: m(f)(n(f)(x)) */
static val add_x(clo *self, val x)
{
    val m = self->env[0], n = self->env[1], f = self->env[2];
    val mf = call(m, f);
    return call(mf, call(call(n, f), x));
}
static val add_f(clo *self, val f)
{
    clo *c = alloc_clo(add_x, 3);
    c->env[0] = self->env[0];
    c->env[1] = self->env[1];
    c->env[2] = f;
    return (val)c;
}
static val add_n(clo *self, val n)
{
    clo *c = alloc_clo(add_f, 2);
    c->env[0] = self->env[0];
    c->env[1] = n;
    return (val)c;
}
static val add_m(clo *self, val m)
{
    (void)self;
    clo *c = alloc_clo(add_n, 1);
    c->env[0] = m;
    return (val)c;
}

/* mul = lambda m: lambda n: lambda f: m(n(f)) */
static val mul_f(clo *self, val f) { return call(self->env[0], call(self->env[1], f)); }
static val mul_n(clo *self, val n)
{
    clo *c = alloc_clo(mul_f, 2);
    c->env[0] = self->env[0];
    c->env[1] = n;
    return (val)c;
}
static val mul_m(clo *self, val m)
{
    (void)self;
    clo *c = alloc_clo(mul_n, 1);
    c->env[0] = m;
    return (val)c;
}

/* power = lambda m: lambda n: n(m) */
static val power_n(clo *self, val n) { return call(n, self->env[0]); }
static val power_m(clo *self, val m)
{
    (void)self;
    clo *c = alloc_clo(power_n, 1);
    c->env[0] = m;
    return (val)c;
}

/* to_int = lambda n: n(lambda k: k + 1)(0) */
static val inc_k(clo *self, val k) { (void)self; return TAG(UNTAG(k) + 1); }
static val to_int_n(clo *self, val n)
{
    (void)self;
    val inc = (val)alloc_clo(inc_k, 0);
    return call(call(n, inc), TAG(0));
}

int main(void)
{
    region = region_top = malloc((size_t)1 << 30); /* pages are touched only as used */
    val zero = (val)alloc_clo(zero_f, 0), succ = (val)alloc_clo(succ_n, 0);
    val add = (val)alloc_clo(add_m, 0), mul = (val)alloc_clo(mul_m, 0);
    val power = (val)alloc_clo(power_m, 0), to_int = (val)alloc_clo(to_int_n, 0);

    val nums[71];
    nums[0] = zero;
    for (int i = 0; i < 70; i++)
        nums[i + 1] = call(succ, nums[i]);

    char *mark = region_top;
    int64_t total = 0;
    for (int a = 1; a < 70; a++)
        for (int b = 1; b < 70; b++) {
            total += UNTAG(call(to_int, call(call(mul, nums[a]), nums[b])));
            region_top = mark;
            total += UNTAG(call(to_int, call(call(add, nums[a]), nums[b])));
            region_top = mark;
        }
    for (int a = 2; a < 5; a++)
        for (int b = 2; b < 9; b++) {
            total += UNTAG(call(to_int, call(call(power, nums[a]), nums[b])));
            region_top = mark;
        }
    printf("%lld\n", (long long)total);
    return 0;
}
