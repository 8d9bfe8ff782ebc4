/* nonlocal_counter, closure-converted by hand. `count` is rebound by `step` and read by `get`,
 * so it lives in a heap cell shared by both environments; each closure is a malloc'd record of
 * code pointer plus captured cells. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { int64_t value; } cell;

typedef struct step_clo {
    int64_t (*code)(struct step_clo *self, int64_t k);
    cell *count;
} step_clo;

typedef struct get_clo {
    int64_t (*code)(struct get_clo *self);
    cell *count;
} get_clo;

static int64_t step_code(step_clo *self, int64_t k)
{
    self->count->value += k;
    return self->count->value;
}

static int64_t get_code(get_clo *self) { return self->count->value; }

static void make_counter(step_clo **step, get_clo **get)
{
    cell *count = malloc(sizeof *count);
    count->value = 0;
    *step = malloc(sizeof **step);
    (*step)->code = step_code;
    (*step)->count = count;
    *get = malloc(sizeof **get);
    (*get)->code = get_code;
    (*get)->count = count;
}

int main(void)
{
    step_clo *step;
    get_clo *get;
    make_counter(&step, &get);
    const int64_t N = 10000000;
    for (int64_t i = 0; i < N; i++)
        step->code(step, i & 3);
    printf("%lld\n", (long long)get->code(get));
    return 0;
}
