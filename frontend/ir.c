/* The IR's tables and builders: operation names and fallibility from the one IR_OPS list, and
 * the growable arrays (blocks, instructions, constants, children) that lowering fills. Every
 * array lives in the compilation's arena; growing one copies it into a larger arena block. */
#include "ir.h"

#include <string.h>

static const char *const op_names[IR_OP_COUNT] = {
#define IR_OP_NAME(name, can_fail) #name,
    IR_OPS(IR_OP_NAME)
#undef IR_OP_NAME
};

static const bool op_can_fail[IR_OP_COUNT] = {
#define IR_OP_FAILS(name, can_fail) can_fail,
    IR_OPS(IR_OP_FAILS)
#undef IR_OP_FAILS
};

const char *ir_op_name(ir_op op) { return (unsigned)op < IR_OP_COUNT ? op_names[op] : "?"; }

bool ir_op_can_fail(ir_op op) { return (unsigned)op < IR_OP_COUNT && op_can_fail[op]; }

/* Makes room for one more element in an arena array of `*capacity` elements of `size` bytes,
 * doubling it (the old copy stays in the arena until the compilation ends). */
static void *grow(arena *a, void *items, int count, int *capacity, size_t size)
{
    if (count < *capacity)
        return items;
    int new_capacity = *capacity ? *capacity * 2 : 8;
    void *bigger = arena_alloc(a, (size_t)new_capacity * size);
    if (count)
        memcpy(bigger, items, (size_t)count * size);
    *capacity = new_capacity;
    return bigger;
}

ir_block *ir_new_block(arena *a, ir_function *f)
{
    ir_block *b = arena_alloc(a, sizeof *b);
    b->id = f->nblocks;
    f->blocks = grow(a, f->blocks, f->nblocks, &f->blocks_capacity, sizeof *f->blocks);
    f->blocks[f->nblocks++] = b;
    return b;
}

/* The new instruction has no operands: every temp field and immediate is -1. The pointer is
 * valid until the next ir_emit into the same block. */
ir_instr *ir_emit(arena *a, ir_block *b, ir_op op)
{
    b->instrs = grow(a, b->instrs, b->ninstrs, &b->capacity, sizeof *b->instrs);
    ir_instr *in = &b->instrs[b->ninstrs++];
    memset(in, 0, sizeof *in);
    in->op = op;
    in->dst = in->a = in->b = in->c = -1;
    in->imm = in->imm2 = -1;
    return in;
}

int ir_new_temp(ir_function *f) { return f->ntemps++; }

static bool same_names(const ir_const *x, const ir_const *y)
{
    if (x->nnames != y->nnames)
        return false;
    for (int i = 0; i < x->nnames; i++)
        if (strcmp(x->names[i], y->names[i]) != 0)
            return false;
    return true;
}

/* Constants are shared as CPython's co_consts are: an equal one is reused (floats compare by
 * bit pattern so 0.0 and -0.0 stay apart); code constants are always new. */
static bool same_const(const ir_const *x, const ir_const *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case IRC_NONE:
    case IRC_TRUE:
    case IRC_FALSE:
    case IRC_ELLIPSIS: return true;
    case IRC_INT: return strcmp(x->int_digits, y->int_digits) == 0;
    case IRC_FLOAT: return memcmp(&x->float_value, &y->float_value, sizeof(double)) == 0;
    case IRC_STR: return x->str_len == y->str_len && memcmp(x->str, y->str, x->str_len) == 0;
    case IRC_CODE: return false;
    case IRC_NAMES: return same_names(x, y);
    }
    return false;
}

/* Adding a code constant also records the function among f's children. */
int ir_add_const(arena *a, ir_function *f, ir_const c)
{
    for (int i = 0; i < f->nconsts; i++)
        if (same_const(&f->consts[i], &c))
            return i;
    f->consts = grow(a, f->consts, f->nconsts, &f->consts_capacity, sizeof *f->consts);
    f->consts[f->nconsts] = c;
    if (c.kind == IRC_CODE) {
        f->children =
            grow(a, f->children, f->nchildren, &f->children_capacity, sizeof *f->children);
        f->children[f->nchildren++] = c.code;
    }
    return f->nconsts++;
}
