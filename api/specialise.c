/* The specialiser: compiles the IR of a Python function to LLVM IR over native int64, double
 * and i1 values, for a typed entry point whose C signature fixes the parameter types.
 *
 *   ir_function ──infer──▶ a type per temp/slot/cell, the blocks the fast path can reach
 *               ──emit───▶ T fast(P1..Pn, ptr status [, i32 depth])
 *
 * infer  A forward fixpoint over the blocks from the entry. Parameters start with their
 *        declared types; every operation gets its result type from its operands'. An
 *        operation outside the subset, or on operands it does not handle natively, is a
 *        deopt point: the rest of its block is dead to the fast path, and so are blocks
 *        only it leads to (exception handlers are never reached: raising is a deopt too).
 *        A variable that holds an int on one path and a float on another cannot be
 *        specialised at all.
 * emit   One LLVM block per reachable IR block; variables are allocas, which mem2reg
 *        promotes. A deopt point, and every run-time condition under which Python would do
 *        something else (an overflow past 64 bits, a division by zero, a free variable
 *        holding another type, a local read before it is bound), stores TYPED_DEOPT and
 *        returns: the wrapper then runs the call again from the start on the generic path.
 *
 * That restart is sound because nothing the fast path does is visible: it only reads its
 * arguments, its locals and its closure (cells, or values held by value), and computes. The
 * subset: int, float and bool constants; arithmetic, bitwise and shift operators, comparisons,
 * not; if/while; for over range(); locals and the function's own cells; reading free variables
 * that hold an int, float or bool; and calls of the function itself by its global name
 * (guarded by the wrapper, since the fast path cannot change globals). Arithmetic follows
 * Python exactly: floor division and modulo take the divisor's sign, int/int divides as floats
 * only when both fit in 53 bits, mixed int/float comparisons are exact or deopt. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "typed.h"

/* Native recursion deeper than this goes the generic way (which has its own stack checks). */
enum { MAX_FAST_DEPTH = 5000 };

typedef enum sp_type {
    SP_UNKNOWN, /* no definition reaches yet */
    SP_INT,
    SP_FLOAT,
    SP_BOOL,
    SP_RANGE,   /* a range object: start, stop, step */
    SP_ITER,    /* its iterator: next value, stop, step */
    SP_SELF,    /* the function itself, only ever called */
    SP_RANGEFN, /* the builtin range, only ever called */
    SP_CONFLICT
} sp_type;

typedef struct sp_var {
    sp_type type;
    LLVMValueRef v[3];  /* allocas: the scalar, or the three words of a range or iterator */
    LLVMValueRef bound; /* slots and cells: i1 alloca, false until assigned */
} sp_var;

typedef struct sp {
    cellar_vm *vm;
    rt_function *function;
    const ir_function *ir;
    const typed_signature *sig;
    const typed_types *t;
    int ncellvars, nfree;
    sp_var *temps, *slots, *cells; /* cells: the function's own cellvars */
    sp_type *free_types;           /* per free variable: what its cell holds now */
    bool *reachable;
    bool changed;
    const char *reason;
    bool recursive, uses_range;
    rt_value guard_names[TYPED_MAX_GUARDS]; /* globals the fast path relies on */
    bool guard_range[TYPED_MAX_GUARDS];    /* ... being range (else the function itself) */
    int nguards;
    /* emission */
    LLVMModuleRef module;
    LLVMBuilderRef b;
    LLVMValueRef fn, status, depth;
    LLVMTypeRef fn_type;
    LLVMBasicBlockRef entry, *blocks, deopt_block, raised_block, propagate_block;
    unsigned prof_kind;
    LLVMValueRef unlikely;
} sp;

/* ==== inference ============================================================================= */

static bool numeric(sp_type t) { return t == SP_INT || t == SP_FLOAT || t == SP_BOOL; }
static sp_type kind_type(typed_kind k) { return k == TYPED_INT64 ? SP_INT : SP_FLOAT; }

static void assign(sp *s, sp_var *v, sp_type t)
{
    sp_type joined = v->type == SP_UNKNOWN ? t : t == SP_UNKNOWN || t == v->type ? v->type : SP_CONFLICT;
    if (joined != v->type) {
        v->type = joined;
        s->changed = true;
    }
}

static sp_type temp_type(const sp *s, int temp)
{
    return temp >= 0 && temp < s->ir->ntemps ? s->temps[temp].type : SP_CONFLICT;
}

/* An int constant that fits int64, or false. */
static bool int_const(const ir_const *c, int64_t *out)
{
    errno = 0;
    char *end;
    long long v = strtoll(c->int_digits, &end, 10);
    if (errno != 0 || *end != '\0' || end == c->int_digits)
        return false;
    *out = v;
    return true;
}

static sp_type const_type(const sp *s, int index)
{
    if (index < 0 || index >= s->ir->nconsts)
        return SP_CONFLICT;
    const ir_const *c = &s->ir->consts[index];
    int64_t i;
    switch (c->kind) {
    case IRC_INT: return int_const(c, &i) ? SP_INT : SP_CONFLICT;
    case IRC_FLOAT: return SP_FLOAT;
    case IRC_TRUE:
    case IRC_FALSE: return SP_BOOL;
    default: return SP_CONFLICT;
    }
}

/* The result type of `op` on numeric operand types, or SP_CONFLICT when Python would raise or
 * the fast path does not do it. */
static sp_type binary_type(int op, sp_type a, sp_type b)
{
    bool fl = a == SP_FLOAT || b == SP_FLOAT;
    switch (op & ~RT_INPLACE) {
    case RT_ADD:
    case RT_SUB:
    case RT_MUL:
    case RT_FLOORDIV:
    case RT_MOD:
    case RT_POW: return fl ? SP_FLOAT : SP_INT;
    case RT_TRUEDIV: return SP_FLOAT;
    case RT_LSHIFT:
    case RT_RSHIFT: return fl ? SP_CONFLICT : SP_INT;
    case RT_AND:
    case RT_OR:
    case RT_XOR: return fl ? SP_CONFLICT : a == SP_BOOL && b == SP_BOOL ? SP_BOOL : SP_INT;
    default: return SP_CONFLICT;
    }
}

static sp_type unary_type(int op, sp_type a)
{
    switch (op) {
    case RT_NOT: return SP_BOOL;
    case RT_NEG:
    case RT_POS: return a == SP_FLOAT ? SP_FLOAT : SP_INT;
    case RT_INVERT: return a == SP_FLOAT ? SP_CONFLICT : SP_INT;
    default: return SP_CONFLICT;
    }
}

/* Remembers that the fast path relies on global `name` for the wrapper's guard. */
static bool add_guard(sp *s, rt_value name, bool range)
{
    for (int i = 0; i < s->nguards; i++)
        if (s->guard_names[i] == name)
            return true;
    if (s->nguards == TYPED_MAX_GUARDS)
        return false;
    s->guard_names[s->nguards] = name;
    s->guard_range[s->nguards++] = range;
    return true;
}

/* The global `name` resolves to the function itself or to the builtin range, now. */
static sp_type global_type(sp *s, int index)
{
    if (index < 0 || index >= s->ir->nconsts || s->ir->consts[index].kind != IRC_STR)
        return SP_CONFLICT;
    rt_vm *rt = s->vm->rt;
    rt_value name = rt_str_intern(rt, s->ir->consts[index].str);
    rt_value v = rt_dict_get_str(s->function->globals, name);
    if (v == rt_from_object(s->function))
        return add_guard(s, name, false) ? SP_SELF : SP_CONFLICT;
    if (v == 0 && rt_str_equal_cstr(name, "range") &&
        rt_dict_get_str(rt->builtins, name) == rt_type_value(&rt_range_type))
        return add_guard(s, name, true) ? SP_RANGEFN : SP_CONFLICT;
    return SP_CONFLICT;
}

static sp_type call_type(sp *s, const ir_instr *in)
{
    sp_type callee = temp_type(s, in->a);
    if (callee == SP_UNKNOWN || in->imm != -1)
        return in->imm != -1 ? SP_CONFLICT : SP_UNKNOWN;
    for (int i = 0; i < in->nargs; i++) {
        sp_type a = temp_type(s, in->args[i]);
        if (a == SP_UNKNOWN)
            return SP_UNKNOWN;
        bool ok = callee == SP_SELF && i < s->sig->nparams && s->sig->params[i] == TYPED_DOUBLE
                      ? a == SP_FLOAT
                      : a == SP_INT || a == SP_BOOL;
        if (!ok)
            return SP_CONFLICT;
    }
    if (callee == SP_SELF && in->nargs == s->sig->nparams) {
        s->recursive = true;
        return kind_type(s->sig->result);
    }
    if (callee == SP_RANGEFN && in->nargs >= 1 && in->nargs <= 3) {
        s->uses_range = true;
        return SP_RANGE;
    }
    return SP_CONFLICT;
}

static sp_type deref_type(const sp *s, int cell)
{
    if (cell >= 0 && cell < s->ncellvars)
        return s->cells[cell].type;
    if (cell >= s->ncellvars && cell < s->ncellvars + s->nfree)
        return s->free_types[cell - s->ncellvars];
    return SP_CONFLICT;
}

/* The type `in` gives its dst; SP_CONFLICT when `in` is a deopt point for these operand types
 * and SP_UNKNOWN while an operand's type is not known yet. */
static sp_type result_type(sp *s, const ir_instr *in)
{
    sp_type a = in->a >= 0 ? temp_type(s, in->a) : SP_UNKNOWN;
    sp_type b = in->b >= 0 ? temp_type(s, in->b) : SP_UNKNOWN;
    switch (in->op) {
    case IR_CONST: return const_type(s, in->imm);
    case IR_MOVE: return a;
    case IR_LOAD_LOCAL: return in->imm >= 0 && in->imm < s->ir->nslots ? s->slots[in->imm].type : SP_CONFLICT;
    case IR_LOAD_DEREF:
    case IR_LOAD_CAPTURED: return deref_type(s, in->imm);
    case IR_LOAD_GLOBAL: return global_type(s, in->imm);
    case IR_BINARY:
        if (a == SP_UNKNOWN || b == SP_UNKNOWN)
            return SP_UNKNOWN;
        return numeric(a) && numeric(b) ? binary_type(in->imm, a, b) : SP_CONFLICT;
    case IR_UNARY:
        if (a == SP_UNKNOWN)
            return SP_UNKNOWN;
        return numeric(a) ? unary_type(in->imm, a) : SP_CONFLICT;
    case IR_COMPARE:
        if (a == SP_UNKNOWN || b == SP_UNKNOWN)
            return SP_UNKNOWN;
        return numeric(a) && numeric(b) && in->imm <= CMP_GTE ? SP_BOOL : SP_CONFLICT;
    case IR_CALL: return call_type(s, in);
    case IR_GET_ITER: return a == SP_RANGE ? SP_ITER : a == SP_UNKNOWN ? SP_UNKNOWN : SP_CONFLICT;
    case IR_FOR_ITER: return a == SP_ITER ? SP_INT : a == SP_UNKNOWN ? SP_UNKNOWN : SP_CONFLICT;
    case IR_BRANCH: return numeric(a) || a == SP_UNKNOWN ? SP_UNKNOWN : SP_CONFLICT;
    case IR_STORE_LOCAL:
    case IR_JUMP:
    case IR_RETURN: return SP_UNKNOWN;
    case IR_STORE_DEREF:
    case IR_MAKE_CELL: return in->imm >= 0 && in->imm < s->ncellvars ? SP_UNKNOWN : SP_CONFLICT;
    default: return SP_CONFLICT;
    }
}

static void reach(sp *s, const ir_block *b)
{
    if (!b)
        return;
    for (int i = 0; i < s->ir->nblocks; i++)
        if (s->ir->blocks[i] == b && !s->reachable[i]) {
            s->reachable[i] = true;
            s->changed = true;
        }
}

static bool defines_dst(ir_op op)
{
    switch (op) {
    case IR_STORE_LOCAL:
    case IR_STORE_DEREF:
    case IR_MAKE_CELL:
    case IR_JUMP:
    case IR_BRANCH:
    case IR_RETURN: return false;
    default: return true;
    }
}

/* One pass over a reachable block: the types its instructions define, its successors. */
static void infer_block(sp *s, const ir_block *block)
{
    for (int i = 0; i < block->ninstrs; i++) {
        const ir_instr *in = &block->instrs[i];
        sp_type t = result_type(s, in);
        if (t == SP_CONFLICT)
            return; /* a deopt point: nothing after it runs on the fast path */
        if (defines_dst(in->op) && in->dst >= 0 && in->dst < s->ir->ntemps)
            assign(s, &s->temps[in->dst], t);
        switch (in->op) {
        case IR_STORE_LOCAL:
            if (in->imm >= 0 && in->imm < s->ir->nslots)
                assign(s, &s->slots[in->imm], temp_type(s, in->a));
            break;
        case IR_STORE_DEREF: assign(s, &s->cells[in->imm], temp_type(s, in->a)); break;
        case IR_MAKE_CELL:
            if (in->a >= 0)
                assign(s, &s->cells[in->imm], temp_type(s, in->a));
            break;
        case IR_JUMP: reach(s, in->target); return;
        case IR_BRANCH:
        case IR_FOR_ITER:
            reach(s, in->target);
            reach(s, in->target2);
            return;
        case IR_RETURN: return;
        default: break;
        }
    }
}

/* Why a variable cannot be specialised, or NULL. */
static const char *conflicts(const sp *s)
{
    for (int i = 0; i < s->ir->nslots; i++)
        if (s->slots[i].type == SP_CONFLICT)
            return "a local variable holds values of different types";
    for (int i = 0; i < s->ncellvars; i++)
        if (s->cells[i].type == SP_CONFLICT)
            return "a variable captured by an inner function holds values of different types";
    for (int i = 0; i < s->ir->ntemps; i++)
        if (s->temps[i].type == SP_CONFLICT)
            return "an expression has values of different types";
    return NULL;
}

static void infer(sp *s)
{
    for (int i = 0; i < s->sig->nparams; i++)
        s->slots[i].type = kind_type(s->sig->params[i]);
    s->reachable[0] = true;
    do {
        s->changed = false;
        for (int i = 0; i < s->ir->nblocks; i++)
            if (s->reachable[i])
                infer_block(s, s->ir->blocks[i]);
    } while (s->changed);
}

/* The value free variable i holds now: its cell's contents, or the closure item itself when
 * it is held by value. */
static rt_value free_value(const sp *s, int i)
{
    rt_value closure = s->function->closure;
    if (!rt_is_type(closure, &rt_tuple_type) || i >= rt_as_tuple(closure)->size)
        return 0;
    rt_value item = rt_as_tuple(closure)->items[i];
    return rt_code_byvalue(s->function->code, i) ? item : rt_as_cell(item)->contents;
}

/* The type each free variable's cell holds now; reads check it again at run time. */
static void free_variable_types(sp *s)
{
    for (int i = 0; i < s->nfree; i++) {
        rt_value contents = free_value(s, i);
        s->free_types[i] = rt_is_small_int(contents)                 ? SP_INT
                           : contents == RT_TRUE || contents == RT_FALSE ? SP_BOOL
                           : rt_is_type(contents, &rt_float_type)      ? SP_FLOAT
                                                                       : SP_CONFLICT;
    }
}

/* ==== emission: small builders ============================================================== */

static LLVMValueRef i64c(sp *s, int64_t v) { return LLVMConstInt(s->t->i64, (unsigned long long)v, true); }
static LLVMValueRef f64c(sp *s, double d) { return LLVMConstReal(s->t->f64, d); }

static LLVMValueRef addr_const(sp *s, const void *p)
{
    return LLVMConstIntToPtr(i64c(s, (int64_t)(uintptr_t)p), s->t->ptr);
}

static LLVMBasicBlockRef new_block(sp *s, const char *name)
{
    return LLVMAppendBasicBlockInContext(s->t->ctx, s->fn, name);
}

/* Goes to `target` when `cond` holds (a cold edge), continuing in a new block otherwise. */
static void exit_if(sp *s, LLVMValueRef cond, LLVMBasicBlockRef target)
{
    LLVMBasicBlockRef next = new_block(s, "ok");
    LLVMSetMetadata(LLVMBuildCondBr(s->b, cond, target, next), s->prof_kind, s->unlikely);
    LLVMPositionBuilderAtEnd(s->b, next);
}

static void deopt_if(sp *s, LLVMValueRef cond) { exit_if(s, cond, s->deopt_block); }

static LLVMValueRef icmp(sp *s, LLVMIntPredicate p, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildICmp(s->b, p, a, b, "");
}

/* An alloca in the entry block, wherever the builder is (one in a loop body would grow the
 * stack on every iteration). */
static LLVMValueRef entry_alloca(sp *s, LLVMTypeRef t)
{
    LLVMBuilderRef at = LLVMCreateBuilderInContext(s->t->ctx);
    LLVMValueRef first = LLVMGetFirstInstruction(s->entry);
    if (first)
        LLVMPositionBuilderBefore(at, first);
    else
        LLVMPositionBuilderAtEnd(at, s->entry);
    LLVMValueRef a = LLVMBuildAlloca(at, t, "");
    LLVMDisposeBuilder(at);
    return a;
}

/* Calls a C function by address: no symbol resolution is involved. */
static LLVMValueRef call_c(sp *s, const void *fn, LLVMTypeRef ret, LLVMTypeRef *params,
                           unsigned n, LLVMValueRef *args)
{
    LLVMTypeRef type = LLVMFunctionType(ret, params, n, false);
    return LLVMBuildCall2(s->b, type, addr_const(s, fn), args, n, "");
}

static LLVMTypeRef scalar_type(sp *s, sp_type t)
{
    return t == SP_FLOAT ? s->t->f64 : t == SP_BOOL ? s->t->i1 : s->t->i64;
}

static LLVMValueRef load_temp(sp *s, int temp)
{
    sp_var *v = &s->temps[temp];
    return LLVMBuildLoad2(s->b, scalar_type(s, v->type), v->v[0], "");
}

static void store_var(sp *s, sp_var *v, LLVMValueRef x) { LLVMBuildStore(s->b, x, v->v[0]); }

static LLVMValueRef to_i64(sp *s, LLVMValueRef v, sp_type t)
{
    return t == SP_BOOL ? LLVMBuildZExt(s->b, v, s->t->i64, "") : v;
}

static LLVMValueRef to_f64(sp *s, LLVMValueRef v, sp_type t)
{
    if (t == SP_FLOAT)
        return v;
    return t == SP_BOOL ? LLVMBuildUIToFP(s->b, v, s->t->f64, "") : LLVMBuildSIToFP(s->b, v, s->t->f64, "");
}

/* Deopts unless |i| <= 2**53, where int -> double is exact. */
static void deopt_unless_exact(sp *s, LLVMValueRef i)
{
    LLVMValueRef shifted = LLVMBuildAdd(s->b, i, i64c(s, (int64_t)1 << 53), "");
    deopt_if(s, icmp(s, LLVMIntUGT, shifted, i64c(s, (int64_t)1 << 54)));
}

/* ==== emission: arithmetic ================================================================== */

/* CPython's float % and // (float_rem, float_floor_div), for divisors already checked != 0. */
static double float_mod(double a, double b)
{
    double mod = fmod(a, b);
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

static double float_floordiv(double a, double b)
{
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0 && (b < 0) != (mod < 0))
        div -= 1.0;
    if (div == 0.0)
        return copysign(0.0, a / b);
    double floordiv = floor(div);
    return div - floordiv > 0.5 ? floordiv + 1.0 : floordiv;
}

/* int ** int for a non-negative exponent; false on overflow (or a negative exponent, whose
 * result would be a float). */
static int32_t int_pow(int64_t base, int64_t exp, int64_t *out)
{
    if (exp < 0)
        return 0;
    int64_t result = 1;
    while (exp > 0) {
        if ((exp & 1) && __builtin_mul_overflow(result, base, &result))
            return 0;
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(base, base, &base))
            return 0;
    }
    *out = result;
    return 1;
}

/* float ** float where CPython returns a float without raising; false otherwise. */
static int32_t float_pow(double a, double b, double *out)
{
    if (b == 0.0) {
        *out = 1.0;
        return 1;
    }
    if ((a == 0.0 && b < 0.0) || (a < 0.0 && isfinite(b) && b != floor(b)))
        return 0; /* ZeroDivisionError, or a complex result */
    double r = pow(a, b);
    if (!isfinite(r) && isfinite(a) && isfinite(b))
        return 0; /* OverflowError */
    *out = r;
    return 1;
}

static LLVMValueRef overflow_op(sp *s, const char *name, LLVMValueRef a, LLVMValueRef b)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    LLVMTypeRef i64 = s->t->i64;
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(s->module, id, &i64, 1);
    LLVMTypeRef type = LLVMIntrinsicGetType(s->t->ctx, id, &i64, 1);
    LLVMValueRef args[2] = {a, b};
    LLVMValueRef pair = LLVMBuildCall2(s->b, type, fn, args, 2, "");
    deopt_if(s, LLVMBuildExtractValue(s->b, pair, 1, ""));
    return LLVMBuildExtractValue(s->b, pair, 0, "");
}

/* q or r of Python's floor division: the C quotient/remainder adjusted to the divisor's sign. */
static LLVMValueRef int_floor_divmod(sp *s, LLVMValueRef a, LLVMValueRef b, bool want_mod)
{
    deopt_if(s, icmp(s, LLVMIntEQ, b, i64c(s, 0)));
    LLVMValueRef minus_one = icmp(s, LLVMIntEQ, b, i64c(s, -1));
    if (!want_mod)
        deopt_if(s, LLVMBuildAnd(s->b, minus_one, icmp(s, LLVMIntEQ, a, i64c(s, INT64_MIN)), ""));
    LLVMValueRef safe_b = LLVMBuildSelect(s->b, minus_one, i64c(s, 1), b, "");
    LLVMValueRef r = LLVMBuildSRem(s->b, a, safe_b, "");
    LLVMValueRef adjust = LLVMBuildAnd(
        s->b, icmp(s, LLVMIntNE, r, i64c(s, 0)),
        icmp(s, LLVMIntSLT, LLVMBuildXor(s->b, r, b, ""), i64c(s, 0)), "");
    if (want_mod)
        return LLVMBuildAdd(s->b, r, LLVMBuildSelect(s->b, adjust, b, i64c(s, 0), ""), "");
    LLVMValueRef q = LLVMBuildSelect(s->b, minus_one, LLVMBuildNeg(s->b, a, ""),
                                     LLVMBuildSDiv(s->b, a, safe_b, ""), "");
    return LLVMBuildSub(s->b, q, LLVMBuildZExt(s->b, adjust, s->t->i64, ""), "");
}

static LLVMValueRef int_shift(sp *s, int op, LLVMValueRef a, LLVMValueRef b)
{
    deopt_if(s, icmp(s, LLVMIntSLT, b, i64c(s, 0)));
    LLVMValueRef big = icmp(s, LLVMIntSGT, b, i64c(s, 63));
    LLVMValueRef n = LLVMBuildSelect(s->b, big, i64c(s, 63), b, "");
    if (op == RT_RSHIFT)
        return LLVMBuildAShr(s->b, a, n, "");
    deopt_if(s, LLVMBuildAnd(s->b, big, icmp(s, LLVMIntNE, a, i64c(s, 0)), ""));
    LLVMValueRef r = LLVMBuildShl(s->b, a, n, "");
    deopt_if(s, icmp(s, LLVMIntNE, LLVMBuildAShr(s->b, r, n, ""), a));
    return r;
}

/* A C helper `int32 f(T, T, T *out)` that reports failure as 0: deopt on 0. */
static LLVMValueRef checked_helper(sp *s, const void *fn, LLVMTypeRef t, LLVMValueRef a,
                                   LLVMValueRef b)
{
    LLVMValueRef out = entry_alloca(s, t);
    LLVMTypeRef params[3] = {t, t, s->t->ptr};
    LLVMValueRef args[3] = {a, b, out};
    LLVMValueRef ok = call_c(s, fn, s->t->i32, params, 3, args);
    deopt_if(s, icmp(s, LLVMIntEQ, ok, LLVMConstInt(s->t->i32, 0, false)));
    return LLVMBuildLoad2(s->b, t, out, "");
}

static LLVMValueRef int_binary(sp *s, int op, LLVMValueRef a, LLVMValueRef b)
{
    switch (op) {
    case RT_ADD: return overflow_op(s, "llvm.sadd.with.overflow", a, b);
    case RT_SUB: return overflow_op(s, "llvm.ssub.with.overflow", a, b);
    case RT_MUL: return overflow_op(s, "llvm.smul.with.overflow", a, b);
    case RT_FLOORDIV: return int_floor_divmod(s, a, b, false);
    case RT_MOD: return int_floor_divmod(s, a, b, true);
    case RT_POW: return checked_helper(s, (const void *)int_pow, s->t->i64, a, b);
    case RT_LSHIFT:
    case RT_RSHIFT: return int_shift(s, op, a, b);
    case RT_AND: return LLVMBuildAnd(s->b, a, b, "");
    case RT_OR: return LLVMBuildOr(s->b, a, b, "");
    default: return LLVMBuildXor(s->b, a, b, "");
    }
}

static LLVMValueRef float_call2(sp *s, double (*fn)(double, double), LLVMValueRef a, LLVMValueRef b)
{
    LLVMTypeRef params[2] = {s->t->f64, s->t->f64};
    LLVMValueRef args[2] = {a, b};
    return call_c(s, (const void *)fn, s->t->f64, params, 2, args);
}

static LLVMValueRef float_binary(sp *s, int op, LLVMValueRef a, LLVMValueRef b)
{
    LLVMValueRef zero_divisor = LLVMBuildFCmp(s->b, LLVMRealOEQ, b, f64c(s, 0.0), "");
    switch (op) {
    case RT_ADD: return LLVMBuildFAdd(s->b, a, b, "");
    case RT_SUB: return LLVMBuildFSub(s->b, a, b, "");
    case RT_MUL: return LLVMBuildFMul(s->b, a, b, "");
    case RT_POW: return checked_helper(s, (const void *)float_pow, s->t->f64, a, b);
    default: break;
    }
    deopt_if(s, zero_divisor);
    if (op == RT_TRUEDIV)
        return LLVMBuildFDiv(s->b, a, b, "");
    return float_call2(s, op == RT_MOD ? float_mod : float_floordiv, a, b);
}

static void emit_binary(sp *s, const ir_instr *in)
{
    sp_type ta = temp_type(s, in->a), tb = temp_type(s, in->b), tr = temp_type(s, in->dst);
    int op = in->imm & ~RT_INPLACE;
    LLVMValueRef a = load_temp(s, in->a), b = load_temp(s, in->b), r;
    if (tr == SP_BOOL) {
        r = op == RT_AND ? LLVMBuildAnd(s->b, a, b, "")
            : op == RT_OR ? LLVMBuildOr(s->b, a, b, "")
                          : LLVMBuildXor(s->b, a, b, "");
    } else if (ta == SP_FLOAT || tb == SP_FLOAT) {
        r = float_binary(s, op, to_f64(s, a, ta), to_f64(s, b, tb));
    } else if (op == RT_TRUEDIV) {
        LLVMValueRef x = to_i64(s, a, ta), y = to_i64(s, b, tb);
        deopt_if(s, icmp(s, LLVMIntEQ, y, i64c(s, 0)));
        deopt_unless_exact(s, x);
        deopt_unless_exact(s, y);
        r = LLVMBuildFDiv(s->b, to_f64(s, x, SP_INT), to_f64(s, y, SP_INT), "");
    } else {
        r = int_binary(s, op, to_i64(s, a, ta), to_i64(s, b, tb));
    }
    store_var(s, &s->temps[in->dst], r);
}

/* The truth of a numeric value, as an i1. */
static LLVMValueRef truth(sp *s, LLVMValueRef v, sp_type t)
{
    if (t == SP_BOOL)
        return v;
    if (t == SP_FLOAT)
        return LLVMBuildFCmp(s->b, LLVMRealUNE, v, f64c(s, 0.0), "");
    return icmp(s, LLVMIntNE, v, i64c(s, 0));
}

static void emit_unary(sp *s, const ir_instr *in)
{
    sp_type ta = temp_type(s, in->a);
    LLVMValueRef a = load_temp(s, in->a), r;
    switch (in->imm) {
    case RT_NOT: r = LLVMBuildNot(s->b, truth(s, a, ta), ""); break;
    case RT_POS: r = ta == SP_FLOAT ? a : to_i64(s, a, ta); break;
    case RT_INVERT: r = LLVMBuildNot(s->b, to_i64(s, a, ta), ""); break;
    default:
        if (ta == SP_FLOAT) {
            r = LLVMBuildFNeg(s->b, a, "");
        } else {
            LLVMValueRef x = to_i64(s, a, ta);
            deopt_if(s, icmp(s, LLVMIntEQ, x, i64c(s, INT64_MIN)));
            r = LLVMBuildNeg(s->b, x, "");
        }
    }
    store_var(s, &s->temps[in->dst], r);
}

static void emit_compare(sp *s, const ir_instr *in)
{
    static const LLVMIntPredicate ints[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT,
                                            LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
    static const LLVMRealPredicate reals[] = {LLVMRealOEQ, LLVMRealUNE, LLVMRealOLT,
                                              LLVMRealOLE, LLVMRealOGT, LLVMRealOGE};
    sp_type ta = temp_type(s, in->a), tb = temp_type(s, in->b);
    LLVMValueRef a = load_temp(s, in->a), b = load_temp(s, in->b), r;
    if (ta == SP_FLOAT || tb == SP_FLOAT) {
        if (ta == SP_INT)
            deopt_unless_exact(s, a);
        if (tb == SP_INT)
            deopt_unless_exact(s, b);
        r = LLVMBuildFCmp(s->b, reals[in->imm], to_f64(s, a, ta), to_f64(s, b, tb), "");
    } else {
        r = icmp(s, ints[in->imm], to_i64(s, a, ta), to_i64(s, b, tb));
    }
    store_var(s, &s->temps[in->dst], r);
}

/* ==== emission: variables, calls, loops ===================================================== */

static void emit_load_slot(sp *s, sp_var *var, int dst)
{
    if (var->type == SP_UNKNOWN) { /* never bound on the fast path: UnboundLocalError */
        LLVMBuildBr(s->b, s->deopt_block);
        return;
    }
    deopt_if(s, LLVMBuildNot(s->b, LLVMBuildLoad2(s->b, s->t->i1, var->bound, ""), ""));
    sp_var *d = &s->temps[dst];
    int words = var->type == SP_RANGE || var->type == SP_ITER ? 3 : var->type == SP_SELF || var->type == SP_RANGEFN ? 0 : 1;
    for (int i = 0; i < words; i++) {
        LLVMTypeRef t = i == 0 ? scalar_type(s, var->type) : s->t->i64;
        LLVMBuildStore(s->b, LLVMBuildLoad2(s->b, t, var->v[i], ""), d->v[i]);
    }
}

static void emit_store_slot(sp *s, sp_var *var, int src)
{
    sp_var *from = &s->temps[src];
    int words = var->type == SP_RANGE || var->type == SP_ITER ? 3 : var->type == SP_SELF || var->type == SP_RANGEFN ? 0 : 1;
    for (int i = 0; i < words; i++) {
        LLVMTypeRef t = i == 0 ? scalar_type(s, var->type) : s->t->i64;
        LLVMBuildStore(s->b, LLVMBuildLoad2(s->b, t, from->v[i], ""), var->v[i]);
    }
    LLVMBuildStore(s->b, LLVMConstInt(s->t->i1, 1, false), var->bound);
}

/* A free variable: its cell's contents now, unboxed after checking they still have the type
 * they had when the body was specialised. A by-value one can never change: its value is a
 * constant, and the checks fold away. */
static void emit_load_free(sp *s, int index, int dst)
{
    rt_value item = rt_as_tuple(s->function->closure)->items[index];
    LLVMValueRef contents =
        rt_code_byvalue(s->function->code, index)
            ? i64c(s, (int64_t)item)
            : LLVMBuildLoad2(s->b, s->t->i64, addr_const(s, &rt_as_cell(item)->contents), "");
    sp_type t = s->free_types[index];
    LLVMValueRef v;
    if (t == SP_INT) {
        deopt_if(s, icmp(s, LLVMIntEQ, LLVMBuildAnd(s->b, contents, i64c(s, 1), ""), i64c(s, 0)));
        v = LLVMBuildAShr(s->b, contents, i64c(s, 1), "");
    } else if (t == SP_BOOL) {
        LLVMValueRef is_true = icmp(s, LLVMIntEQ, contents, i64c(s, RT_TRUE));
        deopt_if(s, LLVMBuildAnd(s->b, LLVMBuildNot(s->b, is_true, ""),
                                 icmp(s, LLVMIntNE, contents, i64c(s, RT_FALSE)), ""));
        v = is_true;
    } else {
        /* a float object: an even word past the immediates whose type is float */
        LLVMValueRef boxed = LLVMBuildAnd(
            s->b, icmp(s, LLVMIntUGE, contents, i64c(s, RT_IMMEDIATE_LIMIT)),
            icmp(s, LLVMIntEQ, LLVMBuildAnd(s->b, contents, i64c(s, 1), ""), i64c(s, 0)), "");
        deopt_if(s, LLVMBuildNot(s->b, boxed, ""));
        LLVMValueRef object = LLVMBuildIntToPtr(s->b, contents, s->t->ptr, "");
        LLVMValueRef type = LLVMBuildLoad2(s->b, s->t->ptr, object, "");
        deopt_if(s, LLVMBuildICmp(s->b, LLVMIntNE, type, addr_const(s, &rt_float_type), ""));
        LLVMValueRef at = LLVMBuildGEP2(s->b, LLVMInt8TypeInContext(s->t->ctx), object,
                                        (LLVMValueRef[]){i64c(s, offsetof(rt_float, value))}, 1, "");
        v = LLVMBuildLoad2(s->b, s->t->f64, at, "");
    }
    store_var(s, &s->temps[dst], v);
}

static void emit_self_call(sp *s, const ir_instr *in)
{
    LLVMValueRef args[CELLAR_TYPED_MAX_PARAMS + 2];
    int n = s->sig->nparams;
    for (int i = 0; i < n; i++) {
        sp_type t = temp_type(s, in->args[i]);
        LLVMValueRef a = load_temp(s, in->args[i]);
        args[i] = s->sig->params[i] == TYPED_DOUBLE ? a : to_i64(s, a, t);
    }
    args[n] = s->status;
    args[n + 1] = LLVMBuildAdd(s->b, s->depth, LLVMConstInt(s->t->i32, 1, false), "");
    LLVMValueRef r = LLVMBuildCall2(s->b, s->fn_type, s->fn, args, (unsigned)n + 2, "");
    LLVMValueRef st = LLVMBuildLoad2(s->b, s->t->i8, s->status, "");
    exit_if(s, icmp(s, LLVMIntNE, st, LLVMConstInt(s->t->i8, TYPED_DONE, false)), s->propagate_block);
    store_var(s, &s->temps[in->dst], r);
}

static void emit_range(sp *s, const ir_instr *in)
{
    LLVMValueRef words[3] = {i64c(s, 0), NULL, i64c(s, 1)};
    for (int i = 0; i < in->nargs; i++) {
        LLVMValueRef a = to_i64(s, load_temp(s, in->args[i]), temp_type(s, in->args[i]));
        words[in->nargs == 1 ? 1 : i] = a;
    }
    if (in->nargs == 3)
        deopt_if(s, icmp(s, LLVMIntEQ, words[2], i64c(s, 0))); /* ValueError */
    for (int i = 0; i < 3; i++)
        LLVMBuildStore(s->b, words[i], s->temps[in->dst].v[i]);
}

static void emit_call(sp *s, const ir_instr *in)
{
    if (temp_type(s, in->a) == SP_SELF)
        emit_self_call(s, in);
    else
        emit_range(s, in);
}

static void copy_words(sp *s, sp_var *from, sp_var *to)
{
    for (int i = 0; i < 3; i++)
        LLVMBuildStore(s->b, LLVMBuildLoad2(s->b, s->t->i64, from->v[i], ""), to->v[i]);
}

/* next(range iterator): the value, and the one after it (an overflow past int64 ends). */
static void emit_for_iter(sp *s, const ir_instr *in, LLVMBasicBlockRef done, LLVMBasicBlockRef body)
{
    sp_var *it = &s->temps[in->a];
    LLVMValueRef cur = LLVMBuildLoad2(s->b, s->t->i64, it->v[0], "");
    LLVMValueRef stop = LLVMBuildLoad2(s->b, s->t->i64, it->v[1], "");
    LLVMValueRef step = LLVMBuildLoad2(s->b, s->t->i64, it->v[2], "");
    LLVMValueRef up = icmp(s, LLVMIntSGT, step, i64c(s, 0));
    LLVMValueRef more = LLVMBuildSelect(s->b, up, icmp(s, LLVMIntSLT, cur, stop),
                                        icmp(s, LLVMIntSGT, cur, stop), "");
    LLVMBasicBlockRef yield = new_block(s, "next");
    LLVMBuildCondBr(s->b, more, yield, done);
    LLVMPositionBuilderAtEnd(s->b, yield);
    unsigned id = LLVMLookupIntrinsicID("llvm.sadd.with.overflow", 23);
    LLVMTypeRef i64 = s->t->i64;
    LLVMValueRef args[2] = {cur, step};
    LLVMValueRef pair = LLVMBuildCall2(s->b, LLVMIntrinsicGetType(s->t->ctx, id, &i64, 1),
                                       LLVMGetIntrinsicDeclaration(s->module, id, &i64, 1), args, 2, "");
    LLVMValueRef next = LLVMBuildSelect(s->b, LLVMBuildExtractValue(s->b, pair, 1, ""), stop,
                                        LLVMBuildExtractValue(s->b, pair, 0, ""), "");
    LLVMBuildStore(s->b, next, it->v[0]);
    if (in->dst >= 0)
        store_var(s, &s->temps[in->dst], cur);
    LLVMBuildBr(s->b, body);
}

/* ==== emission: blocks ====================================================================== */

static LLVMBasicBlockRef block_of(sp *s, const ir_block *b)
{
    for (int i = 0; i < s->ir->nblocks; i++)
        if (s->ir->blocks[i] == b)
            return s->blocks[i];
    return s->deopt_block;
}

static void emit_return(sp *s, const ir_instr *in)
{
    sp_type t = temp_type(s, in->a);
    LLVMValueRef v = load_temp(s, in->a);
    if (s->sig->result == TYPED_INT64) {
        if (t == SP_FLOAT) {
            LLVMBuildBr(s->b, s->deopt_block); /* the generic path raises the TypeError */
            return;
        }
        LLVMBuildRet(s->b, to_i64(s, v, t));
        return;
    }
    if (t != SP_FLOAT && s->recursive) {
        LLVMBuildBr(s->b, s->deopt_block); /* callers would compute with a float, not an int */
        return;
    }
    LLVMBuildRet(s->b, to_f64(s, v, t));
}

/* The step check of a safepoint, as jit/safepoint.c compiles it for ordinary code. */
static void emit_safepoint(sp *s)
{
    if (!s->vm->safepoints)
        return;
    rt_vm *rt = s->vm->rt;
    LLVMValueRef counter = addr_const(s, &rt->countdown);
    LLVMValueRef left = LLVMBuildSub(s->b, LLVMBuildLoad2(s->b, s->t->i64, counter, ""), i64c(s, 1), "");
    LLVMBuildStore(s->b, left, counter);
    LLVMBasicBlockRef slow = new_block(s, "safepoint"), go = new_block(s, "go");
    LLVMSetMetadata(LLVMBuildCondBr(s->b, icmp(s, LLVMIntSLT, left, i64c(s, 0)), slow, go),
                    s->prof_kind, s->unlikely);
    LLVMPositionBuilderAtEnd(s->b, slow);
    LLVMTypeRef params[1] = {s->t->ptr};
    LLVMValueRef args[1] = {addr_const(s, rt)};
    LLVMValueRef r = call_c(s, (const void *)api_safepoint, s->t->i32, params, 1, args);
    LLVMBuildCondBr(s->b, icmp(s, LLVMIntSLT, r, LLVMConstInt(s->t->i32, 0, false)), s->raised_block, go);
    LLVMPositionBuilderAtEnd(s->b, go);
}

static bool loop_header(const sp *s, int index)
{
    const ir_block *target = s->ir->blocks[index];
    for (int j = index; j < s->ir->nblocks; j++) {
        const ir_block *b = s->ir->blocks[j];
        if (!s->reachable[j] || b->ninstrs == 0)
            continue;
        const ir_instr *last = &b->instrs[b->ninstrs - 1];
        if ((last->op == IR_JUMP || last->op == IR_BRANCH || last->op == IR_FOR_ITER) &&
            (last->target == target || last->target2 == target))
            return true;
    }
    return false;
}

static LLVMValueRef const_value(sp *s, const ir_const *c)
{
    int64_t i = 0;
    if (c->kind == IRC_FLOAT)
        return f64c(s, c->float_value);
    if (c->kind == IRC_INT && int_const(c, &i))
        return i64c(s, i);
    return LLVMConstInt(s->t->i1, c->kind == IRC_TRUE, false);
}

/* Whether every operand of `in` has a known type: one that does not comes only from code the
 * fast path never runs, so `in` cannot run either. */
static bool operands_known(const sp *s, const ir_instr *in)
{
    if ((in->a >= 0 && temp_type(s, in->a) == SP_UNKNOWN) ||
        (in->b >= 0 && temp_type(s, in->b) == SP_UNKNOWN))
        return false;
    for (int i = 0; i < in->nargs; i++)
        if (temp_type(s, in->args[i]) == SP_UNKNOWN)
            return false;
    return true;
}

/* Emits one instruction; false when control does not continue past it. */
static bool emit_instr(sp *s, const ir_instr *in)
{
    if (result_type(s, in) == SP_CONFLICT || !operands_known(s, in)) {
        LLVMBuildBr(s->b, s->deopt_block);
        return false;
    }
    sp_var *dst = in->dst >= 0 && in->dst < s->ir->ntemps ? &s->temps[in->dst] : NULL;
    switch (in->op) {
    case IR_CONST:
        if (dst)
            store_var(s, dst, const_value(s, &s->ir->consts[in->imm]));
        return true;
    case IR_MOVE:
        if (dst && dst->type != SP_SELF && dst->type != SP_RANGEFN) {
            sp_var *from = &s->temps[in->a];
            if (dst->type == SP_RANGE || dst->type == SP_ITER)
                copy_words(s, from, dst);
            else
                store_var(s, dst, load_temp(s, in->a));
        }
        return true;
    case IR_LOAD_LOCAL: emit_load_slot(s, &s->slots[in->imm], in->dst); return s->slots[in->imm].type != SP_UNKNOWN;
    case IR_STORE_LOCAL: emit_store_slot(s, &s->slots[in->imm], in->a); return true;
    case IR_LOAD_DEREF:
        if (in->imm < s->ncellvars) {
            emit_load_slot(s, &s->cells[in->imm], in->dst);
            return s->cells[in->imm].type != SP_UNKNOWN;
        }
        emit_load_free(s, in->imm - s->ncellvars, in->dst);
        return true;
    case IR_LOAD_CAPTURED: emit_load_free(s, in->imm - s->ncellvars, in->dst); return true;
    case IR_STORE_DEREF: emit_store_slot(s, &s->cells[in->imm], in->a); return true;
    case IR_MAKE_CELL:
        if (in->a >= 0)
            emit_store_slot(s, &s->cells[in->imm], in->a);
        return true;
    case IR_LOAD_GLOBAL: return true; /* the function itself or range: the wrapper guards it */
    case IR_BINARY: emit_binary(s, in); return true;
    case IR_UNARY: emit_unary(s, in); return true;
    case IR_COMPARE: emit_compare(s, in); return true;
    case IR_CALL: emit_call(s, in); return true;
    case IR_GET_ITER: copy_words(s, &s->temps[in->a], dst); return true;
    case IR_FOR_ITER: emit_for_iter(s, in, block_of(s, in->target), block_of(s, in->target2)); return false;
    case IR_JUMP: LLVMBuildBr(s->b, block_of(s, in->target)); return false;
    case IR_BRANCH:
        LLVMBuildCondBr(s->b, truth(s, load_temp(s, in->a), temp_type(s, in->a)),
                        block_of(s, in->target), block_of(s, in->target2));
        return false;
    case IR_RETURN: emit_return(s, in); return false;
    default: LLVMBuildBr(s->b, s->deopt_block); return false;
    }
}

static void emit_block(sp *s, int index)
{
    const ir_block *block = s->ir->blocks[index];
    LLVMPositionBuilderAtEnd(s->b, s->blocks[index]);
    if (loop_header(s, index))
        emit_safepoint(s);
    for (int i = 0; i < block->ninstrs; i++)
        if (!emit_instr(s, &block->instrs[i]))
            return;
    LLVMBuildBr(s->b, s->deopt_block); /* falls off its end: not lowering's shape */
}

/* ==== the function ========================================================================== */

static int words_of(sp_type t)
{
    return t == SP_RANGE || t == SP_ITER ? 3 : t == SP_INT || t == SP_FLOAT || t == SP_BOOL ? 1 : 0;
}

static void alloca_var(sp *s, sp_var *v, bool with_bound, bool bound)
{
    for (int i = 0; i < words_of(v->type); i++)
        v->v[i] = LLVMBuildAlloca(s->b, i == 0 ? scalar_type(s, v->type) : s->t->i64, "");
    if (with_bound) {
        v->bound = LLVMBuildAlloca(s->b, s->t->i1, "bound");
        LLVMBuildStore(s->b, LLVMConstInt(s->t->i1, bound, false), v->bound);
    }
}

/* The exits: deopt and raised set the status; propagate leaves the callee's. */
static void emit_exits(sp *s)
{
    LLVMTypeRef rt = typed_llvm_type(s->t, s->sig->result);
    LLVMValueRef zero = LLVMConstNull(rt);
    s->deopt_block = new_block(s, "deopt");
    s->raised_block = new_block(s, "raised");
    s->propagate_block = new_block(s, "propagate");
    LLVMPositionBuilderAtEnd(s->b, s->deopt_block);
    LLVMBuildStore(s->b, LLVMConstInt(s->t->i8, TYPED_DEOPT, false), s->status);
    LLVMBuildRet(s->b, zero);
    LLVMPositionBuilderAtEnd(s->b, s->raised_block);
    LLVMBuildStore(s->b, LLVMConstInt(s->t->i8, TYPED_RAISED, false), s->status);
    LLVMBuildRet(s->b, zero);
    LLVMPositionBuilderAtEnd(s->b, s->propagate_block);
    LLVMBuildRet(s->b, zero);
}

/* Recursion past CPython's limit, or past what native frames should take, deopts. */
static void emit_depth_check(sp *s)
{
    rt_vm *rt = s->vm->rt;
    LLVMValueRef depth = LLVMBuildLoad2(s->b, s->t->i32, addr_const(s, &rt->depth), "");
    LLVMValueRef limit = LLVMBuildLoad2(s->b, s->t->i32, addr_const(s, &rt->recursion_limit), "");
    LLVMValueRef total = LLVMBuildAdd(s->b, depth, s->depth, "");
    LLVMValueRef too_deep = LLVMBuildOr(
        s->b, icmp(s, LLVMIntSGE, LLVMBuildAdd(s->b, total, LLVMConstInt(s->t->i32, 1, false), ""), limit),
        icmp(s, LLVMIntSGE, s->depth, LLVMConstInt(s->t->i32, MAX_FAST_DEPTH, false)), "");
    deopt_if(s, too_deep);
}

static void emit_entry(sp *s)
{
    LLVMBasicBlockRef entry = s->entry = new_block(s, "entry");
    LLVMPositionBuilderAtEnd(s->b, entry);
    for (int i = 0; i < s->ir->ntemps; i++)
        alloca_var(s, &s->temps[i], false, false);
    for (int i = 0; i < s->ir->nslots; i++)
        alloca_var(s, &s->slots[i], true, i < s->sig->nparams);
    for (int i = 0; i < s->ncellvars; i++)
        alloca_var(s, &s->cells[i], true, false);
    for (int i = 0; i < s->sig->nparams; i++)
        LLVMBuildStore(s->b, LLVMGetParam(s->fn, (unsigned)i), s->slots[i].v[0]);
    emit_exits(s);
    LLVMPositionBuilderAtEnd(s->b, entry);
    emit_safepoint(s);
    if (s->recursive)
        emit_depth_check(s);
    for (int i = 0; i < s->ir->nblocks; i++)
        s->blocks[i] = s->reachable[i] ? new_block(s, "b") : NULL;
    LLVMBuildBr(s->b, s->blocks[0]);
}

static void declare(sp *s, const char *name)
{
    LLVMTypeRef params[CELLAR_TYPED_MAX_PARAMS + 2];
    int n = s->sig->nparams;
    for (int i = 0; i < n; i++)
        params[i] = typed_llvm_type(s->t, s->sig->params[i]);
    params[n] = s->t->ptr;
    params[n + 1] = s->t->i32;
    s->fn_type = LLVMFunctionType(typed_llvm_type(s->t, s->sig->result), params, (unsigned)n + 2, false);
    s->fn = LLVMAddFunction(s->module, name, s->fn_type);
    LLVMSetLinkage(s->fn, LLVMInternalLinkage);
    s->status = LLVMGetParam(s->fn, (unsigned)n);
    s->depth = LLVMGetParam(s->fn, (unsigned)n + 1);
}

static void emit(sp *s, const char *name)
{
    s->b = LLVMCreateBuilderInContext(s->t->ctx);
    s->prof_kind = LLVMGetMDKindIDInContext(s->t->ctx, "prof", 4);
    LLVMMetadataRef weights[3] = {
        LLVMMDStringInContext2(s->t->ctx, "branch_weights", 14),
        LLVMValueAsMetadata(LLVMConstInt(s->t->i32, 1, false)),
        LLVMValueAsMetadata(LLVMConstInt(s->t->i32, 2000, false)),
    };
    s->unlikely = LLVMMetadataAsValue(s->t->ctx, LLVMMDNodeInContext2(s->t->ctx, weights, 3));
    declare(s, name);
    emit_entry(s);
    for (int i = 0; i < s->ir->nblocks; i++)
        if (s->reachable[i])
            emit_block(s, i);
    LLVMDisposeBuilder(s->b);
}

static bool alloc_state(sp *s)
{
    const ir_function *f = s->ir;
    s->temps = calloc((size_t)f->ntemps + 1, sizeof *s->temps);
    s->slots = calloc((size_t)f->nslots + 1, sizeof *s->slots);
    s->cells = calloc((size_t)s->ncellvars + 1, sizeof *s->cells);
    s->free_types = calloc((size_t)s->nfree + 1, sizeof *s->free_types);
    s->reachable = calloc((size_t)f->nblocks + 1, sizeof *s->reachable);
    s->blocks = calloc((size_t)f->nblocks + 1, sizeof *s->blocks);
    return s->temps && s->slots && s->cells && s->free_types && s->reachable && s->blocks;
}

static void free_state(sp *s)
{
    free(s->temps);
    free(s->slots);
    free(s->cells);
    free(s->free_types);
    free(s->reachable);
    free(s->blocks);
}

/* Whether the fast path does anything but deopt at once. */
static bool worth_it(const sp *s)
{
    const ir_block *entry = s->ir->blocks[0];
    for (int i = 0; i < entry->ninstrs; i++) {
        const ir_instr *in = &entry->instrs[i];
        if (result_type((sp *)s, in) == SP_CONFLICT)
            return false;
        if (in->op == IR_RETURN || in->op == IR_JUMP || in->op == IR_BRANCH || in->op == IR_FOR_ITER)
            return true;
    }
    return false;
}

bool typed_specialise(cellar_vm *vm, rt_function *function, const ir_function *ir,
                      const typed_signature *sig, const typed_types *types, LLVMModuleRef module,
                      const char *name, typed_fast *out, const char **reason)
{
    sp s = {.vm = vm, .function = function, .ir = ir, .sig = sig, .t = types, .module = module};
    s.ncellvars = ir->scope->ncellvars;
    s.nfree = ir->scope->nfreevars;
    if (ir->nblocks < 1 || ir->nslots < sig->nparams || !alloc_state(&s)) {
        free_state(&s);
        *reason = "the function's IR has an unexpected shape";
        return false;
    }
    free_variable_types(&s);
    infer(&s);
    const char *why = conflicts(&s);
    if (!why && !worth_it(&s))
        why = "its first operations leave the subset the specialiser compiles";
    if (why) {
        free_state(&s);
        *reason = why;
        return false;
    }
    emit(&s, name);
    *out = (typed_fast){s.fn, s.recursive, s.uses_range, {0}, {0}, s.nguards};
    memcpy(out->guard_names, s.guard_names, sizeof s.guard_names);
    memcpy(out->guard_range, s.guard_range, sizeof s.guard_range);
    free_state(&s);
    return true;
}
