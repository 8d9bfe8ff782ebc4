/* closure_factory, closure-converted by hand. `a` and `b` are never rebound, so they are copied
 * into the environment (no cells). Every call of make_affine mallocs a closure record, and the
 * record is freed when its last reference (the loop variable f) goes away. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct affine_clo {
    int64_t (*code)(struct affine_clo *self, int64_t x);
    int64_t a, b;
} affine_clo;

static int64_t affine_code(affine_clo *self, int64_t x) { return (self->a * x + self->b) % 1000003; }

static affine_clo *make_affine(int64_t a, int64_t b)
{
    affine_clo *c = malloc(sizeof *c);
    c->code = affine_code;
    c->a = a;
    c->b = b;
    return c;
}

int main(void)
{
    const int64_t N = 2500000;
    int64_t total = 0;
    for (int64_t i = 0; i < N; i++) {
        affine_clo *f = make_affine(i % 97 + 1, i);
        total += f->code(f, 7) + f->code(f, i & 1023);
        free(f);
    }
    printf("%lld\n", (long long)total);
    return 0;
}
