/* Tiered compilation's run-time half: the entry points baseline code calls when a function's
 * countdown runs out (tier.h). Optimising is jit.c's jit_optimise_function. */
#include "tier.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "call.h"
#include "jit.h"
#include "vm.h"

/* Calls plus loop iterations before a function is optimised. Compiling a small function at
 * -O2 costs 1.5 to 5 ms, what some tens of thousands of its calls or iterations save; the
 * seed programs never reach it (docs/performance.md). */
enum { DEFAULT_THRESHOLD = 10000 };

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

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Compiles `t`'s optimised entry (block < 0) or its OSR entry at `block`. A failure leaves
 * the function baseline code for good. The pending exception, if any, is untouched:
 * compiling raises nothing. CELLAR_JIT_TRACE reports each compilation. */
static void optimise(rt_vm *vm, jit_tiered *t, int32_t block)
{
    char *error = NULL;
    rt_value pending = vm->pending;
    double start = now_ms();
    rt_value globals = vm->frame && vm->frame->function ? vm->frame->function->globals : 0;
    bool ok = jit_optimise_function(t->owner, t, block, globals, &error);
    if (getenv("CELLAR_JIT_TRACE")) {
        jit_timings phases;
        jit_last_timings(t->owner, &phases);
        fprintf(stderr,
                "cellar: optimised %s%s in %.3f ms (build %.3f, optimise %.3f, codegen %.3f)%s%s\n",
                t->ir->qualname, block >= 0 ? " (on-stack replacement)" : "", now_ms() - start,
                phases.build * 1e3, (phases.verify + phases.optimise) * 1e3, phases.codegen * 1e3,
                ok ? "" : ", failed: ",
                ok      ? ""
                : error ? error
                        : "?");
    }
    t->failed = !ok;
    vm->pending = pending;
    free(error);
}

rt_entry jit_tier_up(rt_vm *vm, jit_tiered *t)
{
    t->countdown = NEVER;
    if (!t->optimised && !t->failed)
        optimise(vm, t, -1);
    return t->optimised ? t->code->entry : NULL;
}

/* Only the OSR entry is compiled: a module body never runs again, and a function that does
 * gets its optimised entry when its countdown, started afresh, runs out once more. */
rt_entry jit_tier_osr(rt_vm *vm, jit_tiered *t, int32_t block)
{
    if (block < 0 || block >= t->ir->nblocks)
        return NULL;
    if ((!t->osr || !t->osr[block]) && !t->failed)
        optimise(vm, t, block);
    t->countdown = t->optimised || t->failed ? NEVER : t->owner_threshold;
    return t->osr ? t->osr[block] : NULL;
}

/* ---- call profiles ---- */

/* Adds the callee's code to the site's profile. */
static void record(jit_call_site *site, rt_value callee)
{
    rt_code *code = rt_is_type(callee, &rt_function_type) ? rt_as_function(callee)->code : NULL;
    if (code && (code == site->code || code == site->code2))
        return;
    if (!code || site->code2)
        site->code = JIT_MANY_CODES;
    else if (!site->code)
        site->code = code;
    else if (site->code != JIT_MANY_CODES)
        site->code2 = code;
}

rt_value jit_call_profiled(rt_vm *vm, rt_value callee, int64_t n, rt_value *args,
                           jit_call_site *site)
{
    record(site, callee);
    return rt_call(vm, callee, n, args, 0);
}

rt_value jit_call_ex_profiled(rt_vm *vm, rt_value callee, rt_value args, rt_value kwargs,
                              jit_call_site *site)
{
    record(site, callee);
    return rt_call_ex(vm, callee, args, kwargs);
}

static jit_call_site *find_site(jit_tiered *t, const ir_instr *at)
{
    for (int k = 0; k < t->nsites; k++) {
        int i = (t->site_cursor + k) % t->nsites;
        if (t->sites[i]->at == at) {
            t->site_cursor = i + 1;
            return t->sites[i];
        }
    }
    return NULL;
}

jit_call_site *jit_tier_site(jit_tiered *t, const ir_instr *at, bool make)
{
    if (!make)
        return t->nsites ? find_site(t, at) : NULL;
    if (t->nsites == t->sites_capacity) {
        int capacity = t->sites_capacity ? 2 * t->sites_capacity : 8;
        jit_call_site **grown = realloc(t->sites, (size_t)capacity * sizeof *grown);
        if (!grown)
            return NULL;
        t->sites = grown;
        t->sites_capacity = capacity;
    }
    jit_call_site *site = calloc(1, sizeof *site);
    if (!site)
        return NULL;
    site->at = at;
    t->sites[t->nsites++] = site;
    return site;
}
