/* default_lambdas, closure-converted by hand. The lambdas capture nothing; their defaults k and m
 * are evaluated once, when each function object is made, and stored in its malloc'd record. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct fn {
    int64_t (*code)(struct fn *self, int64_t x);
    int64_t k, m; /* __defaults__ */
} fn;

static int64_t lambda_code(fn *self, int64_t x) { return (x * self->k + self->m) & 0xFFFF; }

int main(void)
{
    fn *fns[40];
    for (int64_t k = 0; k < 40; k++) {
        fns[k] = malloc(sizeof *fns[k]);
        fns[k]->code = lambda_code;
        fns[k]->k = k;
        fns[k]->m = k * k + 1;
    }
    int64_t total = 0;
    for (int64_t i = 0; i < 240000; i++)
        for (int j = 0; j < 40; j++)
            total += fns[j]->code(fns[j], i);
    printf("%lld\n", (long long)total);
    return 0;
}
