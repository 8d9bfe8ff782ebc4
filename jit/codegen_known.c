/* Known callees. Baseline code records, per call site, the code of the functions it calls
 * (jit_call_site, tier.h). When the caller is optimised and a site has only ever called one
 * or two compiled codes that can take the call's positional arguments, the call is
 * speculated on them (codegen_call.c): a guard that the callee is a function whose code is
 * C, then a direct call of a copy of C's optimised code compiled into the caller's module. The copy
 * is internal and, when small, always inlined, so LLVM sees the callee's body at the call: the
 * argument slots, the frame's function and the closure are the caller's own values.
 *
 * Copies nest: a copy's own calls speculate on its code's profile, to a fixed depth. A site
 * whose code is the unit's own function, or whose copy is no deeper than the caller, keeps
 * the ordinary direct call, so recursion never copies itself. */
#include <stddef.h>

#include "codegen.h"
#include "tier.h"

/* Copies inside copies: the caller, then three levels of callees (a call through two stacked
 * decorators' wrappers to the function they wrap). */
enum { MAX_KNOWN_DEPTH = 3 };

/* IR instructions a copy may have and still be inlined at every site: the bodies of small
 * closures and wrappers, whose call costs more than their work. */
enum { INLINE_INSTRS = 48 };

bool cg_known_inlines(const ir_function *f)
{
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        n += f->blocks[i]->ninstrs;
    return n <= INLINE_INSTRS;
}

static struct jit_tiered *tier_of_code(const cg_unit *u, const rt_code *code)
{
    for (size_t i = u->ntiered; i-- > 0;)
        if (u->tiered[i]->code == code)
            return u->tiered[i];
    return NULL;
}

static struct jit_tiered *tier_of_ir(const cg_unit *u, const ir_function *f)
{
    for (size_t i = u->ntiered; i-- > 0;)
        if (u->tiered[i]->ir == f)
            return u->tiered[i];
    return NULL;
}

/* Whether a call of `n` positional arguments (n < 0: a tuple's items, counted at run time)
 * can go straight to `f`'s code: its positional parameters, the missing ones from the
 * defaults (checked at run time), nothing else; or a pure wrapper's *args and **kwargs. */
static bool takes_positional(const ir_function *f, const rt_code *code, int n)
{
    const scope *s = f->scope;
    if (s->kind == SCOPE_MODULE || cg_mentions_locals(f))
        return false;
    if (code->forwards & RT_FORWARDS_WRAPPER)
        return true;
    return s->kwonlyargcount == 0 && !s->has_varargs && !s->has_varkeywords && s->argcount >= n;
}

/* Lends `f`'s children's code objects to the unit, for its copy's MAKE_FUNCTION. */
static bool lend_children(cg_unit *u, const ir_function *f)
{
    for (int i = 0; i < f->nconsts; i++) {
        const ir_function *child = f->consts[i].code;
        if (f->consts[i].kind != IRC_CODE || !child)
            continue;
        bool present = false;
        for (int k = 0; k < u->nfunctions && !present; k++)
            present = u->functions[k].ir == child;
        if (present)
            continue;
        struct jit_tiered *t = tier_of_ir(u, child);
        if (!t ||
            !cg_add_function(
                u, (cg_compiled){.ir = child, .code = t->code, .lend_only = true, .osr_block = -1}))
            return false;
    }
    return true;
}

/* The index in u->functions of the unit's copy of `t`'s code, made and declared on first use
 * (cg_emit emits it after the functions before it). A copy only calls copies deeper than
 * itself, so copies never call round in a cycle: -1 when the existing copy is not deeper (it
 * may be a caller). */
static int copy_of(cg_function *cg, struct jit_tiered *t)
{
    cg_unit *u = cg->u;
    for (int i = 0; i < u->nfunctions; i++)
        if (u->functions[i].known && u->functions[i].ir == t->ir)
            return u->functions[i].known_depth > cg->known_depth ? i : -1;
    if (!lend_children(u, t->ir))
        return -1;
    cg_compiled *c = cg_add_function(u, (cg_compiled){.ir = t->ir,
                                                      .code = t->code,
                                                      .values = t->values,
                                                      .osr_block = -1,
                                                      .tier = t,
                                                      .known = true,
                                                      .known_depth = cg->known_depth + 1});
    if (c)
        cg_declare_function(u, c);
    return u->error || !c ? -1 : u->nfunctions - 1;
}

/* The copy for one code a site has seen, or -1. */
static int copy_for(cg_function *cg, const rt_code *code, int n)
{
    if (!code->entry)
        return -1; /* not compiled: nothing to copy from */
    struct jit_tiered *t = tier_of_code(cg->u, code);
    if (!t || t->ir == cg->u->functions[0].ir || !takes_positional(t->ir, t->code, n))
        return -1;
    return copy_of(cg, t);
}

int cg_known_callees(cg_function *cg, const ir_instr *in, int n, int out[2], bool *complete)
{
    *complete = false;
    if (!cg->profile || cg->known_depth >= MAX_KNOWN_DEPTH || !cg->u->tiered)
        return 0;
    jit_call_site *site = jit_tier_site(cg->profile, in, false);
    if (!site || !site->code || site->code == JIT_MANY_CODES)
        return 0;
    const rt_code *codes[2] = {site->code, site->code2};
    int count = 0, seen = 0;
    for (int i = 0; i < 2 && codes[i]; i++) {
        seen++;
        int copy = copy_for(cg, codes[i], n);
        if (copy >= 0)
            out[count++] = copy;
    }
    *complete = count == seen;
    return count;
}
