/* accumulator_mod, closure-converted by hand. `total` is rebound by `add`, the only closure that
 * captures it, so its cell is a field of add's own malloc'd environment record (no separate
 * cell object needed); mod and mult are copied. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct acc_clo {
    int64_t (*code)(struct acc_clo *self, int64_t x);
    int64_t mod, mult;
    int64_t total; /* the cell for `total` */
} acc_clo;

static int64_t add_code(acc_clo *self, int64_t x)
{
    self->total = (self->total * self->mult + x * x) % self->mod;
    return self->total;
}

static acc_clo *make_acc(int64_t mod, int64_t mult)
{
    acc_clo *c = malloc(sizeof *c);
    c->code = add_code;
    c->mod = mod;
    c->mult = mult;
    c->total = 0;
    return c;
}

int main(void)
{
    acc_clo *accs[3] = {make_acc(1000003, 131), make_acc(998244353, 31), make_acc(1000000007, 257)};
    int64_t check = 0;
    for (int64_t i = 0; i < 2500000; i++)
        for (int j = 0; j < 3; j++)
            check ^= accs[j]->code(accs[j], i);
    long long r0 = accs[0]->code(accs[0], 0);
    long long r1 = accs[1]->code(accs[1], 0);
    long long r2 = accs[2]->code(accs[2], 0);
    printf("%lld %lld %lld %lld\n", (long long)check, r0, r1, r2);
    return 0;
}
