/* bigint_pow, closure-converted by hand, with GMP for the big ints. `total` is rebound by add and
 * read by get, so it is a heap cell shared by both environments; 3**n is a fresh temporary. */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { mpz_t value; } cell;

typedef struct add_clo {
    void (*code)(struct add_clo *self, const mpz_t v);
    cell *total;
} add_clo;

typedef struct get_clo {
    mpz_srcptr (*code)(struct get_clo *self);
    cell *total;
} get_clo;

static void add_code(add_clo *self, const mpz_t v) { mpz_add(self->total->value, self->total->value, v); }
static mpz_srcptr get_code(get_clo *self) { return self->total->value; }

int main(void)
{
    cell *total = malloc(sizeof *total);
    mpz_init(total->value);
    add_clo *add = malloc(sizeof *add);
    add->code = add_code;
    add->total = total;
    get_clo *get = malloc(sizeof *get);
    get->code = get_code;
    get->total = total;

    mpz_t p;
    mpz_init(p);
    for (unsigned long n = 20000; n < 60000; n += 10) {
        mpz_ui_pow_ui(p, 3, n);
        add->code(add, p);
    }
    mpz_srcptr t = get->code(get);
    mpz_t hi;
    mpz_init(hi);
    mpz_fdiv_q_2exp(hi, t, 50000);
    printf("%lu %lu %zu\n", mpz_fdiv_ui(t, 1000000007), mpz_fdiv_ui(hi, 1000000007), mpz_sizeinbase(t, 2));
    return 0;
}
