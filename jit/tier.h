/* Tiered compilation. A program's functions are first compiled as baseline code: compact (each
 * operation one runtime call), unoptimised, and with the fast instruction selector, so that
 * code that runs once — most of any small program — costs little to compile. Baseline code
 * counts its calls and loop iterations in the function's jit_tiered record; when the count
 * runs out the function is compiled again, alone, as optimised code (inline caches, direct
 * calls, small-int fast paths, the -O level's pipeline and code generator):
 *
 *   baseline entry ──countdown < 0──▶ jit_tier_up ──▶ optimised entry (code->entry from now
 *                                                      on; this call jumps there too)
 *   baseline loop header ──countdown < 0──▶ jit_tier_osr ──▶ optimised OSR entry for that
 *        block, called with the baseline frame's variables; its result is the call's
 *
 * The on-stack replacement works because every variable of baseline code lives in one array
 * (slots, cells, temps) and a block starts with nothing else live: the OSR entry copies that
 * array into its own variables and branches to the block. The two tiers share the code object,
 * the frame and the materialised constants, so nothing observable changes but the speed. */
#ifndef CELLAR_JIT_TIER_H
#define CELLAR_JIT_TIER_H

#include <stdbool.h>
#include <stdint.h>

#include "function.h"
#include "ir.h"

typedef struct jit jit;

/* What one call site of baseline code has called (jit_call_profiled): the codes of the
 * functions it called, while they were at most two. Optimised code speculates on them
 * (codegen_known.c). Its address is baked into the baseline code. */
typedef struct jit_call_site {
    const ir_instr *at; /* the CALL */
    /* NULL: nothing called yet; code JIT_MANY_CODES: more than two, or not a function */
    rt_code *code, *code2;
} jit_call_site;

#define JIT_MANY_CODES ((rt_code *)1)

/* One function compiled as baseline code. Its address is baked into that code. */
typedef struct jit_tiered {
    jit *owner;
    const ir_function *ir; /* kept alive by the jit's caller (jit_enable_tiering) */
    rt_code *code;
    rt_entry baseline_entry; /* its baseline code, which optimised code may fall back to */
    rt_value *values;        /* its materialised constants, shared by both tiers (rooted) */
    int64_t countdown;       /* calls and loop iterations left before it is optimised */
    int64_t owner_threshold; /* the count it starts with (jit_tier_threshold) */
    bool optimised;          /* code->entry is optimised code */
    bool failed;             /* optimising it failed: it stays baseline code */
    rt_entry *osr;           /* per block: the optimised entry resuming there, once compiled */
    jit_call_site **sites;   /* its calls' profiles, in the order baseline code was emitted */
    int nsites, sites_capacity;
    int site_cursor; /* where the last jit_tier_site search ended: lookups come in order */
} jit_tiered;

/* Called by baseline code, with no exception left pending either way. jit_tier_up returns
 * the function's optimised entry, compiling it first if need be; jit_tier_osr the optimised
 * entry that resumes at `block`, likewise; NULL when compiling failed. */
rt_entry jit_tier_up(rt_vm *vm, jit_tiered *t);
rt_entry jit_tier_osr(rt_vm *vm, jit_tiered *t, int32_t block);

/* CALL with positional arguments in baseline code: records the callee's code in `site`,
 * then rt_call. */
rt_value jit_call_profiled(rt_vm *vm, rt_value callee, int64_t n, rt_value *args,
                           jit_call_site *site);

/* CALL_EX in baseline code: the same, then rt_call_ex. */
rt_value jit_call_ex_profiled(rt_vm *vm, rt_value callee, rt_value args, rt_value kwargs,
                              jit_call_site *site);

/* The profile of the call `at` in `t`: made (zeroed) for baseline code to fill when `make`,
 * else the one baseline code filled or NULL. NULL when out of memory. */
jit_call_site *jit_tier_site(jit_tiered *t, const ir_instr *at, bool make);

/* The count a function starts with: CELLAR_JIT_HOT from the environment, else a default
 * that keeps a small program's once-run code baseline. 0 optimises at the first call. */
int64_t jit_tier_threshold(void);

#endif
