/* Tiered compilation's run-time half: the entry points baseline code calls when a function's
 * countdown runs out (tier.h). Optimising is jit.c's jit_optimise_function. */
#include "tier.h"

#include <stdio.h>
#include <stdlib.h>

#include "jit.h"
#include "vm.h"

/* Calls plus loop iterations before a function is optimised. Compiling a small function at
 * -O2 costs one to a few milliseconds, what a few thousand of its calls or iterations save;
 * the seed programs never reach it (docs/performance.md). */
enum { DEFAULT_THRESHOLD = 2000 };

/* Once optimised (or given up on), baseline activations still running need never ask again. */
static const int64_t NEVER = INT64_MAX / 2;

int64_t jit_tier_threshold(void)
{
    const char *env = getenv("CELLAR_JIT_HOT");
    if (env && *env) {
        char *end;
        long long n = strtoll(env, &end, 10);
        if (*end == '\0' && n >= 0)
            return n;
    }
    return DEFAULT_THRESHOLD;
}

/* Optimises `t` (and its OSR entry at `block`, when >= 0) unless that is done or failed. The
 * pending exception, if any, is untouched: compiling raises nothing. */
static void optimise(rt_vm *vm, jit_tiered *t, int32_t block)
{
    t->countdown = NEVER;
    bool have_entry = t->optimised;
    bool have_osr = block < 0 || (t->osr && t->osr[block]);
    if (t->failed || (have_entry && have_osr))
        return;
    char *error = NULL;
    rt_value pending = vm->pending;
    if (!jit_optimise_function(t->owner, t, block, &error)) {
        t->failed = true;
        if (getenv("CELLAR_JIT_DEBUG"))
            fprintf(stderr, "cellar: optimising %s failed: %s\n", t->ir->qualname,
                    error ? error : "?");
    }
    vm->pending = pending;
    free(error);
}

rt_entry jit_tier_up(rt_vm *vm, jit_tiered *t)
{
    optimise(vm, t, -1);
    return t->optimised ? t->code->entry : NULL;
}

rt_entry jit_tier_osr(rt_vm *vm, jit_tiered *t, int32_t block)
{
    if (block < 0 || block >= t->ir->nblocks)
        return NULL;
    optimise(vm, t, block);
    return t->osr ? t->osr[block] : NULL;
}
