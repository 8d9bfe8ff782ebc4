/* Baseline code's half of tiered compilation (tier.h): at the entry and at each loop header,
 * one decrement of the function's countdown and a cold branch to the tier-up call. And the
 * region an OSR entry covers: the outermost loop around its block, whose exits hand the
 * variables back to baseline code, which goes on at the exit's block. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "tier.h"

bool cg_loop_header(const ir_function *f, int index)
{
    const ir_block *header = f->blocks[index];
    for (int j = index; j < f->nblocks; j++) {
        const ir_block *b = f->blocks[j];
        if (b->ninstrs == 0)
            continue;
        const ir_instr *last = &b->instrs[b->ninstrs - 1];
        bool jumps = last->op == IR_JUMP || last->op == IR_BRANCH || last->op == IR_FOR_ITER;
        if (jumps && (last->target == header || last->target2 == header))
            return true;
    }
    return false;
}

/* ---- OSR regions ---- */

/* The blocks control can go to from block `b` into out[] (room for 3 per instruction): its
 * branch targets, and the handler of every instruction that can raise, up to the one that
 * ends the block. Returns how many. */
static int successors(const ir_function *f, const ir_block *b, int *out)
{
    int n = 0;
    for (int i = 0; i < b->ninstrs; i++) {
        const ir_instr *in = &b->instrs[i];
        const ir_block *targets[3] = {in->target, in->target2,
                                      ir_op_can_fail(in->op) ? in->handler : NULL};
        for (int t = 0; t < 3; t++) {
            int k = targets[t] ? cg_block_index(f, targets[t]) : -1;
            if (k >= 0)
                out[n++] = k;
        }
        if (cg_ends_block(in->op))
            break;
    }
    return n;
}

/* Every block's successors, flattened: block k's are edge[first[k]] .. edge[first[k + 1] - 1]. */
typedef struct cfg {
    int *first, *edge;
} cfg;

static bool cfg_build(const ir_function *f, cfg *g)
{
    int total = 0;
    for (int k = 0; k < f->nblocks; k++)
        total += 3 * f->blocks[k]->ninstrs;
    g->first = calloc((size_t)f->nblocks + 1, sizeof *g->first);
    g->edge = calloc((size_t)total + 1, sizeof *g->edge);
    if (!g->first || !g->edge)
        return false;
    for (int k = 0; k < f->nblocks; k++)
        g->first[k + 1] = g->first[k] + successors(f, f->blocks[k], g->edge + g->first[k]);
    return true;
}

static void cfg_free(cfg *g)
{
    free(g->first);
    free(g->edge);
}

static void add_to_body(bool *body, int *stack, int *depth, int *size, int k)
{
    body[k] = true;
    (*size)++;
    stack[(*depth)++] = k;
}

/* The natural loop of `header`: the blocks that reach one of its back edges (from it or a
 * later block, as cg_loop_header counts them) without passing through it, found by walking
 * predecessors (`preds`, the reversed graph) from each. An edge the function's entry reaches
 * without passing through the header is no back edge (a for-else's else jumping back over
 * its loop): then there is no loop, 0. Any set of blocks would be a correct region — control
 * can move to baseline code at any block — so this only has to be tight, not exact. Sets
 * body[k]; returns its size. */
static int loop_body(const ir_function *f, const cfg *preds, int header, bool *body, int *stack)
{
    for (int k = 0; k < f->nblocks; k++)
        body[k] = false;
    body[header] = true;
    int size = 1, depth = 0;
    for (int i = preds->first[header]; i < preds->first[header + 1]; i++) {
        int k = preds->edge[i];
        if (k >= header && !body[k]) /* back edges, as cg_loop_header sees them */
            add_to_body(body, stack, &depth, &size, k);
    }
    while (depth > 0) {
        int b = stack[--depth];
        for (int i = preds->first[b]; i < preds->first[b + 1]; i++) {
            int k = preds->edge[i];
            if (body[k])
                continue;
            if (k == 0)
                return 0; /* the entry reaches the edge past the header: no loop */
            add_to_body(body, stack, &depth, &size, k);
        }
    }
    return size;
}

/* The reverse of `g`. */
static bool cfg_reverse(const ir_function *f, const cfg *g, cfg *r)
{
    int nb = f->nblocks, total = g->first[nb];
    r->first = calloc((size_t)nb + 2, sizeof *r->first);
    r->edge = calloc((size_t)total + 1, sizeof *r->edge);
    int *fill = calloc((size_t)nb + 1, sizeof *fill);
    if (!r->first || !r->edge || !fill) {
        free(fill);
        return false;
    }
    for (int i = 0; i < total; i++)
        r->first[g->edge[i] + 1]++;
    for (int k = 0; k < nb; k++)
        r->first[k + 1] += r->first[k];
    for (int k = 0; k < nb; k++)
        for (int i = g->first[k]; i < g->first[k + 1]; i++) {
            int to = g->edge[i];
            r->edge[r->first[to] + fill[to]++] = k;
        }
    free(fill);
    return true;
}

/* The outermost loop holding `start` into `best` (every block when there is none). */
static bool outermost_loop(const ir_function *f, const cfg *g, int start, bool *best)
{
    int nb = f->nblocks;
    cfg preds = {0};
    bool *body = calloc((size_t)nb, sizeof *body);
    int *stack = calloc((size_t)nb + 1, sizeof *stack);
    bool ok = body && stack && cfg_reverse(f, g, &preds);
    int best_size = 0;
    for (int h = 0; ok && h < nb; h++) {
        if (!cg_loop_header(f, h))
            continue;
        int size = loop_body(f, &preds, h, body, stack);
        if (body[start] && size > best_size) {
            best_size = size;
            for (int k = 0; k < nb; k++)
                best[k] = body[k];
        }
    }
    for (int k = 0; ok && best_size == 0 && k < nb; k++)
        best[k] = true;
    free(body);
    free(stack);
    cfg_free(&preds);
    return ok;
}

/* The blocks control reaches from `start` within the outermost loop around it (`in_loop`) or
 * anywhere, and the blocks outside the loop that edges go to. */
static bool reach(const ir_function *f, int start, bool in_loop, bool *region, bool *exits)
{
    int nb = f->nblocks;
    cfg g = {0};
    bool *loop = calloc((size_t)nb, sizeof *loop);
    int *stack = calloc((size_t)nb + 1, sizeof *stack);
    bool ok = loop && stack && cfg_build(f, &g);
    if (ok && in_loop)
        ok = outermost_loop(f, &g, start, loop);
    for (int k = 0; ok && !in_loop && k < nb; k++)
        loop[k] = true;
    for (int k = 0; k < nb; k++)
        region[k] = exits[k] = false;
    /* What of it control can reach from `start`; edges leaving it are the exits. */
    int depth = 0;
    if (ok) {
        region[start] = true;
        stack[depth++] = start;
    }
    while (depth > 0) {
        int b = stack[--depth];
        for (int i = g.first[b]; i < g.first[b + 1]; i++) {
            int k = g.edge[i];
            if (!loop[k])
                exits[k] = true;
            else if (!region[k]) {
                region[k] = true;
                stack[depth++] = k;
            }
        }
    }
    free(loop);
    free(stack);
    cfg_free(&g);
    return ok;
}

bool cg_osr_region(const ir_function *f, int start, bool *region, bool *exits)
{
    return reach(f, start, true, region, exits);
}

bool cg_reachable(const ir_function *f, bool *reachable)
{
    bool *none = calloc((size_t)f->nblocks + 1, sizeof *none);
    bool ok = none && reach(f, 0, false, reachable, none);
    free(none);
    return ok;
}

/* ---- countdowns ---- */

/* countdown -= 1; when it goes negative, continues in a new cold block (returned) and
 * otherwise in `go`, where the builder is left. */
static LLVMBasicBlockRef count_down(cg_function *cg, LLVMBasicBlockRef *go)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef counter =
        cg_field(cg, cg_ptr_const(cg, cg->tier), offsetof(jit_tiered, countdown));
    LLVMValueRef left =
        LLVMBuildSub(b, LLVMBuildLoad2(b, cg->u->i64, counter, "countdown"), cg_i64(cg, 1), "");
    LLVMBuildStore(b, left, counter);
    LLVMBasicBlockRef hot = cg_new_block(cg, "tier.hot");
    *go = cg_new_block(cg, "tier.go");
    LLVMValueRef spent = LLVMBuildICmp(b, LLVMIntSLT, left, cg_i64(cg, 0), "");
    LLVMSetMetadata(LLVMBuildCondBr(b, spent, hot, *go), cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(b, hot);
    return hot;
}

/* When `entry` (from jit_tier_up / jit_tier_osr) is not NULL, the call continues there:
 * return entry(vm, frame, args). Otherwise control goes on at `go`. */
static void continue_in(cg_function *cg, LLVMValueRef entry, LLVMValueRef args,
                        LLVMBasicBlockRef go)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef jump = cg_new_block(cg, "tier.jump");
    LLVMBuildCondBr(b, LLVMBuildIsNull(b, entry, ""), go, jump);
    LLVMPositionBuilderAtEnd(b, jump);
    LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
    LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
    LLVMValueRef call_args[3] = {cg->vm, cg->frame, args};
    LLVMBuildRet(b, LLVMBuildCall2(b, type, entry, call_args, 3, ""));
    LLVMPositionBuilderAtEnd(b, go);
}

void cg_tier_entry(cg_function *cg)
{
    if (!cg->tier)
        return;
    LLVMBasicBlockRef go;
    count_down(cg, &go);
    LLVMValueRef args[2] = {cg->vm, cg_ptr_const(cg, cg->tier)};
    continue_in(cg, cg_call(cg, "jit_tier_up", args, 2), cg->args, go);
}

/* After an OSR entry returned RT_OSR_EXIT, control goes on at the block it left its region
 * for, whose index it stored after the variables: one of the region's exits, or the header. */
static void dispatch_exit(cg_function *cg, int header)
{
    const ir_function *f = cg->ir;
    bool *region = calloc((size_t)f->nblocks, sizeof *region);
    bool *exits = calloc((size_t)f->nblocks, sizeof *exits);
    if (!region || !exits || !cg_osr_region(f, header, region, exits)) {
        free(region), free(exits);
        cg_fail_at(cg, "out of memory");
        return;
    }
    LLVMValueRef index = cg_load_field(cg, cg->u->i32, cg->vars, cg_osr_exit_offset(f));
    int nexits = 0;
    for (int k = 0; k < f->nblocks; k++)
        nexits += exits[k];
    /* The default is the header itself, which an entry run with other globals than it was
     * compiled for leaves for at once (codegen.c, guard_globals). */
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, index, cg->blocks[header], (unsigned)nexits);
    for (int k = 0; k < f->nblocks; k++)
        if (exits[k] && k != header)
            LLVMAddCase(sw, cg_i32(cg, k), cg->blocks[k]);
    free(region), free(exits);
}

/* The block's variables are all in cg->vars, so they are the state the OSR entry resumes
 * from; nothing else is live at the top of a block. The entry returns the function's result,
 * or RT_OSR_EXIT when control leaves its region, with the variables stored back. */
void cg_tier_block(cg_function *cg, int index)
{
    if (!cg->tier || !cg_loop_header(cg->ir, index))
        return;
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef go;
    count_down(cg, &go);
    LLVMValueRef args[3] = {cg->vm, cg_ptr_const(cg, cg->tier), cg_i32(cg, index)};
    LLVMValueRef entry = cg_call(cg, "jit_tier_osr", args, 3);
    LLVMBasicBlockRef jump = cg_new_block(cg, "tier.jump");
    LLVMBuildCondBr(b, LLVMBuildIsNull(b, entry, ""), go, jump);
    LLVMPositionBuilderAtEnd(b, jump);
    LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
    LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
    LLVMValueRef call_args[3] = {cg->vm, cg->frame, cg->vars};
    LLVMValueRef result = LLVMBuildCall2(b, type, entry, call_args, 3, "");
    LLVMBasicBlockRef left = cg_new_block(cg, "tier.exit");
    LLVMBasicBlockRef done = cg_new_block(cg, "tier.return");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, result, cg_i64(cg, RT_OSR_EXIT), ""), left,
                    done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMBuildRet(b, result);
    LLVMPositionBuilderAtEnd(b, left);
    dispatch_exit(cg, index);
    LLVMPositionBuilderAtEnd(b, go);
}

/* The OSR entry's side of an exit: the variables back into the baseline state it was passed
 * (slots, cells, the temps the region wrote that are live at the exit's block), the exit's
 * block index after them, and RT_OSR_EXIT. */
void cg_emit_osr_exit(cg_function *cg, int index)
{
    const ir_function *f = cg->ir;
    LLVMValueRef *all[3] = {cg->slots, cg->cells, cg->temps};
    int counts[3] = {f->nslots, f->ncells, f->ntemps};
    for (int k = 0, at = 0; k < 3; k++)
        for (int i = 0; i < counts[k]; i++, at++)
            if (k < 2 || ((cg->temp_use[i] & CG_TEMP_WRITTEN) &&
                          cg_temp_live(&cg->temp_live, index, i)))
                cg_store_field(cg, cg->args, (size_t)at * sizeof(rt_value),
                               LLVMBuildLoad2(cg->b, cg->u->i64, all[k][i], ""));
    cg_store_field(cg, cg->args, cg_osr_exit_offset(f), cg_i32(cg, index));
    LLVMBuildRet(cg->b, cg_i64(cg, RT_OSR_EXIT));
}

void cg_osr_temp_use(const ir_function *f, const bool *region, unsigned char *use)
{
    for (int i = 0; i < f->ntemps; i++)
        use[i] = 0;
    for (int k = 0; k < f->nblocks; k++) {
        if (!region[k])
            continue;
        const ir_block *b = f->blocks[k];
        for (int i = 0; i < b->ninstrs; i++) {
            const ir_instr *in = &b->instrs[i];
            int reads[3] = {in->a, in->b, in->c};
            for (int r = 0; r < 3; r++)
                if (reads[r] >= 0 && reads[r] < f->ntemps)
                    use[reads[r]] |= CG_TEMP_TOUCHED;
            for (int n = 0; n < in->nargs; n++)
                if (in->args[n] >= 0 && in->args[n] < f->ntemps)
                    use[in->args[n]] |= CG_TEMP_TOUCHED;
            if (in->dst >= 0 && in->dst < f->ntemps)
                use[in->dst] |= CG_TEMP_TOUCHED | CG_TEMP_WRITTEN;
        }
    }
}

size_t cg_osr_exit_offset(const ir_function *f)
{
    return (size_t)(f->nslots + f->ncells + f->ntemps) * sizeof(rt_value);
}

/* ---- temp liveness ---- */

/* Functions beyond this many words of liveness bits (blocks times temps / 64) are not
 * analysed: every temp counts as live, as before the analysis. */
enum { LIVENESS_WORDS_MAX = 1 << 22 };

static bool is_temp(const ir_function *f, int t) { return t >= 0 && t < f->ntemps; }

static void set_live(uint64_t *live, int t) { live[t / 64] |= (uint64_t)1 << (t % 64); }

/* The instructions control can run in `b`: up to the one that ends it. */
static int block_end(const ir_block *b)
{
    for (int i = 0; i < b->ninstrs; i++)
        if (cg_ends_block(b->instrs[i].op))
            return i + 1;
    return b->ninstrs;
}

/* Whether an instruction of `b` can raise into a handler of this function. */
static bool has_handler(const ir_block *b)
{
    for (int i = 0, end = block_end(b); i < end; i++)
        if (ir_op_can_fail(b->instrs[i].op) && b->instrs[i].handler)
            return true;
    return false;
}

/* live (the block's live-out on entry) becomes its live-in: walking back, a result kills its
 * temp and an operand makes it live. Conservatively, a block that can raise into a handler
 * kills nothing (the handler may read a temp from before the raising instruction), nor does
 * FOR_ITER, which leaves dst alone when exhausted; UNPACK's targets count as operands. */
static void transfer(const ir_function *f, const ir_block *b, uint64_t *live)
{
    bool kills = !has_handler(b);
    for (int i = block_end(b); i-- > 0;) {
        const ir_instr *in = &b->instrs[i];
        if (kills && in->op != IR_FOR_ITER && is_temp(f, in->dst))
            live[in->dst / 64] &= ~((uint64_t)1 << (in->dst % 64));
        int reads[3] = {in->a, in->b, in->c};
        for (int r = 0; r < 3; r++)
            if (is_temp(f, reads[r]))
                set_live(live, reads[r]);
        for (int n = 0; n < in->nargs; n++)
            if (is_temp(f, in->args[n]))
                set_live(live, in->args[n]);
    }
}

/* One backward pass over the blocks; true when some live-in set grew. */
static bool liveness_pass(const ir_function *f, const cfg *g, cg_liveness *l, uint64_t *scratch)
{
    bool changed = false;
    size_t bytes = (size_t)l->words * sizeof *scratch;
    for (int k = f->nblocks; k-- > 0;) {
        memset(scratch, 0, bytes);
        for (int e = g->first[k]; e < g->first[k + 1]; e++)
            for (int w = 0; w < l->words; w++)
                scratch[w] |= l->live_in[(size_t)g->edge[e] * l->words + w];
        transfer(f, f->blocks[k], scratch);
        uint64_t *in = l->live_in + (size_t)k * l->words;
        if (memcmp(in, scratch, bytes) != 0) {
            memcpy(in, scratch, bytes);
            changed = true;
        }
    }
    return changed;
}

bool cg_temp_liveness(const ir_function *f, cg_liveness *out)
{
    out->words = (f->ntemps + 63) / 64;
    out->live_in = NULL;
    if (out->words == 0 || (size_t)f->nblocks * (size_t)out->words > LIVENESS_WORDS_MAX)
        return true;
    cfg g = {0};
    uint64_t *scratch = calloc((size_t)out->words, sizeof *scratch);
    out->live_in = calloc((size_t)f->nblocks * (size_t)out->words, sizeof *out->live_in);
    bool ok = scratch && out->live_in && cfg_build(f, &g);
    while (ok && liveness_pass(f, &g, out, scratch))
        ;
    cfg_free(&g);
    free(scratch);
    return ok;
}

bool cg_temp_live(const cg_liveness *l, int block, int temp)
{
    if (!l->live_in)
        return true;
    return (l->live_in[(size_t)block * l->words + temp / 64] >> (temp % 64)) & 1;
}
