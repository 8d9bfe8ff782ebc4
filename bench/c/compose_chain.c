/* compose_chain, closure-converted by hand. Every function value is a closure record whose first
 * field is its code; compose's lambda captures f and g by value (never rebound). inc, dbl and
 * the identity lambda capture nothing, so their records are static. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct clo {
    int64_t (*code)(struct clo *self, int64_t x);
} clo;

typedef struct {
    clo base;
    clo *f, *g;
} compose_clo;

static int64_t compose_code(clo *self, int64_t x)
{
    compose_clo *c = (compose_clo *)self;
    int64_t y = c->g->code(c->g, x);
    return c->f->code(c->f, y);
}

static clo *compose(clo *f, clo *g)
{
    compose_clo *c = malloc(sizeof *c);
    c->base.code = compose_code;
    c->f = f;
    c->g = g;
    return &c->base;
}

static int64_t inc_code(clo *self, int64_t x) { (void)self; return x + 1; }
static int64_t dbl_code(clo *self, int64_t x) { (void)self; return (x * 2) % 1000003; }
static int64_t id_code(clo *self, int64_t x) { (void)self; return x; }

static clo inc = {inc_code}, dbl = {dbl_code}, identity = {id_code};

int main(void)
{
    clo *chain = &identity;
    for (int i = 0; i < 24; i++)
        chain = compose(chain, i % 2 ? &inc : &dbl);
    int64_t total = 0;
    for (int64_t i = 0; i < 700000; i++)
        total += chain->code(chain, i);
    printf("%lld\n", (long long)total);
    return 0;
}
