/* Code generation: IR functions to LLVM IR functions, one LLVM module per compile.
 *
 *   ir_module ──collect──▶ [main, children...] ──code objects──▶ rt_code per function
 *        │                                                             │ (rooted)
 *        └──declare──▶ i64 @cellar.N.qualname[.osr](ptr %vm, ptr %frame, ptr %args)
 *                         │
 *                         ├─ entry:   variables (slots, cells, temps), args → slots, closure
 *                         │           tuple → free cells, frame->function->globals; baseline
 *                         │           code counts the call (codegen_tier.c)
 *                         ├─ bN:      one LLVM block per ir_block, ops via codegen_ops.c
 *                         └─ error:   ret i64 0 (the exception stays pending in the VM)
 *
 * collect   Gathers every function reachable from the module body through IRC_CODE
 *           constants, module body first, so each gets a code object and an LLVM function.
 * objects   Creates the rt_code of each function now: parents embed their children's code
 *           objects by address, and the JIT fills in `entry` once the module is linked.
 * emit      Every local, cell and temporary is an alloca; mem2reg/SROA turn them into SSA
 *           at -O1 and above, so this file never builds a phi across IR blocks. Every
 *           operation that can fail is followed by a compare and a cold branch to its
 *           handler block or to the shared error exit, QuickJS-style.
 *
 * Two kinds of code come out (jit/tier.h). Baseline code (cg_unit.baseline) is compact: each
 * operation one runtime call, all variables in one array so that a hot loop can move to
 * optimised code on the stack. Optimised code — a function recompiled alone once hot, or any
 * function when tiering is off — inlines the fast paths, one concern per file:
 *
 *   codegen_arith.c    small-int + - * // % & | ^ << >>, unary - ~ +
 *   codegen_global.c   LOAD_GLOBAL / STORE_GLOBAL through inline caches (global_cache.h)
 *   codegen_call.c     direct calls: the frame pushed inline, the native entry called
 *   codegen_forward.c  fn(*args, **kwargs) without copying; forward-only star parameters
 *   codegen_iter.c     FOR_ITER over range and list iterators
 *   codegen_alloc.c    cells and functions built inline from the jit's free lists
 *   codegen_tier.c     baseline code's countdowns and on-stack replacement
 *
 * An OSR entry (cg_compiled.osr_block) is the optimised function entered at a loop header,
 * its variables copied from the baseline state array it is passed as `args`.
 *
 * Objects the generated code refers to by address (strs, ints, floats, tuples, code objects)
 * are appended to vm->constants as soon as they exist: JIT'd memory is not scanned by the GC
 * and this file's own arrays are malloc'd. */
#include "codegen.h"
#include "tier.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "ops.h"
#include "safepoint.h"
#include "str.h"
#include "symbols.h"
#include "tuple.h"
#include "vm.h"

/* ---- errors and small builders ---- */

static void unit_fail(cg_unit *u, const char *fmt, va_list ap)
{
    if (u->error)
        return;
    if (vasprintf(&u->error, fmt, ap) < 0)
        u->error = NULL;
    if (!u->error)
        u->error = strdup("out of memory");
}

void cg_fail_at(cg_function *cg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    unit_fail(cg->u, fmt, ap);
    va_end(ap);
}

static void cg_unit_fail(cg_unit *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cg_unit_fail(cg_unit *u, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    unit_fail(u, fmt, ap);
    va_end(ap);
}

LLVMValueRef cg_i64(cg_function *cg, uint64_t v) { return LLVMConstInt(cg->u->i64, v, false); }

LLVMValueRef cg_i32(cg_function *cg, int v)
{
    return LLVMConstInt(cg->u->i32, (unsigned long long)(long long)v, true);
}

LLVMValueRef cg_ptr_const(cg_function *cg, const void *p)
{
    return LLVMConstIntToPtr(cg_i64(cg, (uint64_t)(uintptr_t)p), cg->u->ptr);
}

LLVMValueRef cg_load_temp(cg_function *cg, int temp)
{
    if (temp < 0 || temp >= cg->ir->ntemps) {
        cg_fail_at(cg, "%s: temporary %d out of range", cg->ir->qualname, temp);
        return cg_i64(cg, RT_NONE);
    }
    return LLVMBuildLoad2(cg->b, cg->u->i64, cg->temps[temp], "");
}

LLVMValueRef cg_load_opt(cg_function *cg, int temp, rt_value absent)
{
    return temp < 0 ? cg_i64(cg, absent) : cg_load_temp(cg, temp);
}

void cg_store_temp(cg_function *cg, int temp, LLVMValueRef v)
{
    if (temp < 0) /* result unused */
        return;
    if (temp >= cg->ir->ntemps) {
        cg_fail_at(cg, "%s: temporary %d out of range", cg->ir->qualname, temp);
        return;
    }
    LLVMBuildStore(cg->b, v, cg->temps[temp]);
}

LLVMValueRef cg_field(cg_function *cg, LLVMValueRef base, size_t offset)
{
    if (offset == 0)
        return base;
    LLVMValueRef index = cg_i64(cg, offset);
    return LLVMBuildGEP2(cg->b, LLVMInt8TypeInContext(cg->u->ctx), base, &index, 1, "");
}

/* Values are i64 words; a word that is known to be an object pointer is cast on use. */
static LLVMValueRef as_pointer(cg_function *cg, LLVMValueRef v)
{
    if (LLVMTypeOf(v) == cg->u->ptr)
        return v;
    return LLVMBuildIntToPtr(cg->b, v, cg->u->ptr, "");
}

LLVMValueRef cg_load_field(cg_function *cg, LLVMTypeRef t, LLVMValueRef base, size_t offset)
{
    return LLVMBuildLoad2(cg->b, t, cg_field(cg, as_pointer(cg, base), offset), "");
}

void cg_store_field(cg_function *cg, LLVMValueRef base, size_t offset, LLVMValueRef v)
{
    LLVMBuildStore(cg->b, v, cg_field(cg, as_pointer(cg, base), offset));
}

LLVMValueRef cg_array(cg_function *cg, int n, const int *temps)
{
    if (n > cg->array_size) {
        cg_fail_at(cg, "%s: argument array of %d exceeds %d", cg->ir->qualname, n, cg->array_size);
        return cg->scratch;
    }
    for (int i = 0; temps && i < n; i++)
        cg_store_field(cg, cg->array, (size_t)i * sizeof(rt_value), cg_load_temp(cg, temps[i]));
    return cg->array;
}

LLVMValueRef cg_both_small(cg_function *cg, LLVMValueRef a, LLVMValueRef b)
{
    LLVMValueRef tags = LLVMBuildAnd(cg->b, LLVMBuildAnd(cg->b, a, b, ""), cg_i64(cg, 1), "");
    return LLVMBuildICmp(cg->b, LLVMIntNE, tags, cg_i64(cg, 0), "small");
}

LLVMValueRef cg_phi2(cg_function *cg, LLVMTypeRef t, LLVMValueRef v1, LLVMBasicBlockRef b1,
                     LLVMValueRef v2, LLVMBasicBlockRef b2)
{
    LLVMValueRef phi = LLVMBuildPhi(cg->b, t, "");
    LLVMValueRef values[2] = {v1, v2};
    LLVMBasicBlockRef blocks[2] = {b1, b2};
    LLVMAddIncoming(phi, values, blocks, 2);
    return phi;
}

LLVMValueRef cg_is_object(cg_function *cg, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef untagged =
        LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, v, cg_i64(cg, 1), ""), cg_i64(cg, 0), "");
    LLVMValueRef above = LLVMBuildICmp(b, LLVMIntUGE, v, cg_i64(cg, RT_IMMEDIATE_LIMIT), "");
    return LLVMBuildAnd(b, untagged, above, "is_object");
}

LLVMValueRef cg_object_type(cg_function *cg, LLVMValueRef v, LLVMBasicBlockRef not_object)
{
    LLVMBasicBlockRef object = cg_new_block(cg, "object");
    cg_branch_hot(cg, cg_is_object(cg, v), object, not_object);
    LLVMPositionBuilderAtEnd(cg->b, object);
    return cg_load_field(cg, cg->u->ptr, v, offsetof(rt_object, type));
}

LLVMValueRef cg_bool_value(cg_function *cg, LLVMValueRef cond)
{
    return LLVMBuildSelect(cg->b, cond, cg_i64(cg, RT_TRUE), cg_i64(cg, RT_FALSE), "");
}

/* ---- runtime calls ---- */

static LLVMTypeRef signature_type(cg_unit *u, char c)
{
    switch (c) {
    case 'v':
    case 'z': return u->i64;
    case 'i': return u->i32;
    case 'p': return u->ptr;
    case '0': return LLVMVoidTypeInContext(u->ctx);
    default: return NULL;
    }
}

/* The declaration of jit_symbols[index] in this module, built from its signature. */
static LLVMValueRef runtime_decl(cg_unit *u, int index)
{
    if (u->decls[index])
        return u->decls[index];
    const char *sig = jit_symbols[index].signature;
    LLVMTypeRef params[8];
    unsigned n = (unsigned)strlen(sig) - 1;
    bool variadic = n > 0 && sig[n] == '.';
    n -= variadic;
    assert(n <= 8);
    for (unsigned i = 0; i < n; i++)
        params[i] = signature_type(u, sig[i + 1]);
    u->decl_types[index] = LLVMFunctionType(signature_type(u, sig[0]), params, n, variadic);
    u->decls[index] = LLVMAddFunction(u->module, jit_symbols[index].name, u->decl_types[index]);
    unsigned nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
    LLVMAddAttributeAtIndex(u->decls[index], LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(u->ctx, nounwind, 0));
    return u->decls[index];
}

LLVMValueRef cg_call(cg_function *cg, const char *name, LLVMValueRef *args, unsigned nargs)
{
    int index = jit_symbol_index(name);
    assert(index >= 0 && "runtime function missing from jit_symbols");
    LLVMValueRef fn = runtime_decl(cg->u, index);
    const char *sig = jit_symbols[index].signature;
    size_t len = strlen(sig);
    assert((sig[len - 1] == '.' ? nargs + 2 >= len : nargs + 1 == len) &&
           "arity differs from signature");
    (void)sig, (void)len;
    return LLVMBuildCall2(cg->b, cg->u->decl_types[index], fn, args, nargs, "");
}

LLVMValueRef cg_value_call(cg_function *cg, const ir_instr *in, const char *name,
                           LLVMValueRef *args, unsigned nargs)
{
    LLVMValueRef v = cg_call(cg, name, args, nargs);
    cg_check_value(cg, in, v);
    cg_store_temp(cg, in->dst, v);
    return v;
}

LLVMValueRef cg_int_call(cg_function *cg, const ir_instr *in, const char *name, LLVMValueRef *args,
                         unsigned nargs)
{
    LLVMValueRef r = cg_call(cg, name, args, nargs);
    cg_check_int(cg, in, r);
    return r;
}

/* ---- control flow ---- */

LLVMBasicBlockRef cg_new_block(cg_function *cg, const char *name)
{
    return LLVMAppendBasicBlockInContext(cg->u->ctx, cg->fn, name);
}

int cg_block_index(const ir_function *f, const ir_block *b);

LLVMBasicBlockRef cg_block_of(cg_function *cg, const ir_block *b)
{
    int index = b ? cg_block_index(cg->ir, b) : -1;
    if (index >= 0)
        return cg->blocks[index];
    cg_fail_at(cg, "%s: branch to a block outside the function", cg->ir->qualname);
    return cg->error_exit;
}

LLVMBasicBlockRef cg_fail_target(cg_function *cg, const ir_instr *in)
{
    return in->handler ? cg_block_of(cg, in->handler) : cg->error_exit;
}

void cg_branch_hot(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef hot,
                   LLVMBasicBlockRef cold)
{
    LLVMSetMetadata(LLVMBuildCondBr(cg->b, cond, hot, cold), cg->u->prof_kind, cg->u->likely);
}

void cg_branch_cold(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef cold,
                    LLVMBasicBlockRef hot)
{
    LLVMSetMetadata(LLVMBuildCondBr(cg->b, cond, cold, hot), cg->u->prof_kind, cg->u->unlikely);
}

void cg_check(cg_function *cg, const ir_instr *in, LLVMValueRef failed)
{
    LLVMBasicBlockRef ok = cg_new_block(cg, "ok");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, failed, cg_fail_target(cg, in), ok);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(cg->b, ok);
}

void cg_check_value(cg_function *cg, const ir_instr *in, LLVMValueRef v)
{
    cg_check(cg, in, LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_i64(cg, RT_ERROR), "failed"));
}

void cg_check_int(cg_function *cg, const ir_instr *in, LLVMValueRef v)
{
    cg_check(cg, in, LLVMBuildICmp(cg->b, LLVMIntSLT, v, cg_i32(cg, 0), "failed"));
}

void cg_raise(cg_function *cg, const ir_instr *in) { cg_jump(cg, cg_fail_target(cg, in)); }

void cg_jump(cg_function *cg, LLVMBasicBlockRef target)
{
    LLVMBuildBr(cg->b, target);
    cg->terminated = true;
}

/* ---- constants ---- */

/* Keeps `v` alive for as long as the VM: JIT'd code holds its address. */
static rt_value root(cg_unit *u, rt_value v)
{
    if (v && rt_is_object(v))
        rt_list_append(u->vm, u->vm->constants, v);
    return v;
}

/* Interned strs need no rooting of their own: the VM's intern table keeps them alive, and
 * rooting each use would grow vm->constants by one word per name reference. */
static rt_value intern(cg_unit *u, const char *s, size_t len)
{
    return rt_str_intern_value(u->vm, rt_str_new(s, len));
}

static rt_value intern_cstr(cg_unit *u, const char *s) { return intern(u, s, strlen(s)); }

/* A tuple of interned strs (co_varnames and friends, keyword names of a call). */
static rt_value name_tuple(cg_unit *u, const char *const *names, int n)
{
    rt_value *items = calloc((size_t)n + 1, sizeof *items);
    if (!items)
        return 0;
    for (int i = 0; i < n; i++)
        items[i] = intern_cstr(u, names[i]);
    rt_value t = root(u, rt_tuple_from_array(u->vm, (size_t)n, items));
    free(items);
    return t;
}

/* An int literal: inline when it fits a small int, else a big int made once, now. */
static rt_value int_const(cg_function *cg, const char *digits)
{
    errno = 0;
    char *end;
    long long v = strtoll(digits, &end, 10);
    if (errno == 0 && *end == '\0' && end != digits && v >= RT_SMALL_INT_MIN &&
        v <= RT_SMALL_INT_MAX)
        return rt_small_int(v);
    rt_vm *vm = cg->u->vm;
    bool negative = digits[0] == '-';
    rt_value r = rt_int_from_string(vm, digits + negative, 10);
    if (r && negative)
        r = rt_unary_op(vm, RT_NEG, r);
    if (!r) {
        vm->pending = 0;
        cg_fail_at(cg, "%s: bad int constant '%s'", cg->ir->qualname, digits);
        return 0;
    }
    return root(cg->u, r);
}

static rt_value materialise(cg_function *cg, const ir_const *c)
{
    cg_unit *u = cg->u;
    switch (c->kind) {
    case IRC_NONE: return RT_NONE;
    case IRC_TRUE: return RT_TRUE;
    case IRC_FALSE: return RT_FALSE;
    case IRC_ELLIPSIS: return RT_ELLIPSIS;
    case IRC_INT: return int_const(cg, c->int_digits);
    case IRC_FLOAT: return root(u, rt_float_new(c->float_value));
    case IRC_STR: return root(u, rt_str_new(c->str, c->str_len));
    case IRC_CODE: {
        rt_code *code = cg_code_of(cg, c->code);
        return code ? rt_from_object(code) : 0;
    }
    case IRC_NAMES: return name_tuple(u, c->names, c->nnames);
    }
    cg_fail_at(cg, "%s: unknown constant kind %d", cg->ir->qualname, (int)c->kind);
    return 0;
}

static bool const_in_range(cg_function *cg, int index)
{
    if (index >= 0 && index < cg->ir->nconsts)
        return true;
    cg_fail_at(cg, "%s: constant %d out of range", cg->ir->qualname, index);
    return false;
}

rt_value cg_const_value(cg_function *cg, int index)
{
    if (!const_in_range(cg, index))
        return 0;
    if (!cg->values[index])
        cg->values[index] = materialise(cg, &cg->ir->consts[index]);
    return cg->values[index];
}

rt_value cg_const_name(cg_function *cg, int index)
{
    if (!const_in_range(cg, index))
        return 0;
    const ir_const *c = &cg->ir->consts[index];
    if (c->kind != IRC_STR) {
        cg_fail_at(cg, "%s: constant %d is not a name", cg->ir->qualname, index);
        return 0;
    }
    if (!cg->names[index])
        cg->names[index] = intern(cg->u, c->str, c->str_len);
    return cg->names[index];
}

rt_code *cg_code_of(cg_function *cg, const ir_function *f)
{
    for (int i = 0; i < cg->u->nfunctions; i++)
        if (cg->u->functions[i].ir == f)
            return cg->u->functions[i].code;
    cg_fail_at(cg, "%s: code constant for an unknown function", cg->ir->qualname);
    return NULL;
}

rt_value cg_slot_name(cg_function *cg, int slot)
{
    const scope *s = cg->ir->scope;
    if (slot < 0 || slot >= s->nvarnames)
        return intern_cstr(cg->u, "?");
    return intern_cstr(cg->u, s->varnames[slot]);
}

rt_value cg_cell_name(cg_function *cg, int cell)
{
    const scope *s = cg->ir->scope;
    if (cell >= 0 && cell < s->ncellvars)
        return intern_cstr(cg->u, s->cellvars[cell]);
    if (cell >= s->ncellvars && cell < s->ncellvars + s->nfreevars)
        return intern_cstr(cg->u, s->freevars[cell - s->ncellvars]);
    return intern_cstr(cg->u, "?");
}

/* ---- code objects ---- */

static int nparams_of(const scope *s)
{
    return s->argcount + s->kwonlyargcount + s->has_varargs + s->has_varkeywords;
}

/* co_flags as CPython 3.11's compute_code_flags sets them: OPTIMIZED|NEWLOCALS for function
 * scopes, VARARGS/VARKEYWORDS, NESTED under a function, lambda or comprehension. 3.11 no
 * longer sets CO_NOFREE (def h(): pass has co_flags 0x3), so neither does cellar. */
static int32_t code_flags(const scope *s)
{
    int32_t flags = 0;
    if (s->kind != SCOPE_MODULE)
        flags |= RT_CO_OPTIMIZED | RT_CO_NEWLOCALS;
    if (s->has_varargs)
        flags |= RT_CO_VARARGS;
    if (s->has_varkeywords)
        flags |= RT_CO_VARKEYWORDS;
    if (s->parent && s->parent->kind != SCOPE_MODULE)
        flags |= RT_CO_NESTED;
    return flags;
}

/* Operations whose imm names a global, an attribute or a module (CPython's co_names). */
static bool uses_name(ir_op op)
{
    switch (op) {
    case IR_LOAD_GLOBAL:
    case IR_STORE_GLOBAL:
    case IR_DELETE_GLOBAL:
    case IR_GET_ATTR:
    case IR_SET_ATTR:
    case IR_DEL_ATTR:
    case IR_CALL_METHOD:
    case IR_IMPORT_NAME:
    case IR_IMPORT_FROM: return true;
    default: return false;
    }
}

/* co_names: the names the body uses, in the order lowering first added them to the constant
 * pool, which is the order it emitted them (CPython's order up to strs that were values
 * first). */
static rt_value names_tuple(cg_unit *u, const ir_function *f)
{
    bool *used = calloc((size_t)f->nconsts + 1, sizeof *used);
    rt_value *items = calloc((size_t)f->nconsts + 1, sizeof *items);
    rt_value t = 0;
    if (used && items) {
        for (int i = 0; i < f->nblocks; i++)
            for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
                const ir_instr *in = &f->blocks[i]->instrs[k];
                if (uses_name(in->op) && in->imm >= 0 && in->imm < f->nconsts &&
                    f->consts[in->imm].kind == IRC_STR)
                    used[in->imm] = true;
            }
        size_t n = 0;
        for (int i = 0; i < f->nconsts; i++)
            if (used[i])
                items[n++] = intern(u, f->consts[i].str, f->consts[i].str_len);
        t = root(u, rt_tuple_from_array(u->vm, n, items));
    }
    free(used);
    free(items);
    return t;
}

/* rt_code.byvalue: which closure items are values (SCOPE_MAX_BYVALUE bits at most). */
static uint64_t byvalue_mask(const ir_function *f)
{
    const scope *s = f->scope;
    uint64_t mask = 0;
    for (int i = 0; f->byvalue && i < s->nfreevars && i < SCOPE_MAX_BYVALUE; i++)
        if (f->byvalue[s->ncellvars + i])
            mask |= (uint64_t)1 << i;
    return mask;
}

static rt_code *make_code(cg_unit *u, const ir_function *f)
{
    const scope *s = f->scope;
    rt_value v = root(u, rt_code_new(u->vm, f->name, f->qualname, u->filename));
    if (!v)
        return NULL;
    rt_code *code = (rt_code *)rt_as_object(v);
    code->varnames = name_tuple(u, s->varnames, s->nvarnames);
    code->cellvars = name_tuple(u, s->cellvars, s->ncellvars);
    code->freevars = name_tuple(u, s->freevars, s->nfreevars);
    code->names = names_tuple(u, f);
    code->argcount = s->argcount;
    code->posonlyargcount = s->posonlyargcount;
    code->kwonlyargcount = s->kwonlyargcount;
    code->flags = code_flags(s);
    code->firstlineno = f->firstlineno;
    code->nparams = nparams_of(s);
    rt_code_set_forwards(code, cg_forwarded_params(f));
    code->byvalue = byvalue_mask(f);
    code->docstring = RT_NONE;
    if (f->docstring >= 0 && f->docstring < f->nconsts && f->consts[f->docstring].kind == IRC_STR)
        code->docstring =
            root(u, rt_str_new(f->consts[f->docstring].str, f->consts[f->docstring].str_len));
    code->entry = NULL;
    return code;
}

/* ---- collecting functions ---- */

static bool collected(const cg_unit *u, const ir_function *f)
{
    for (int i = 0; i < u->nfunctions; i++)
        if (u->functions[i].ir == f)
            return true;
    return false;
}

static bool check_shape(cg_unit *u, const ir_function *f)
{
    const scope *s = f->scope;
    if (!s) {
        cg_unit_fail(u, "%s: function without a scope", f->qualname ? f->qualname : "?");
        return false;
    }
    if (f->nblocks < 1 || f->ncells != s->ncellvars + s->nfreevars || f->nslots < nparams_of(s) ||
        f->nslots < s->nvarnames) {
        cg_unit_fail(u, "%s: IR shape does not match its scope", f->qualname);
        return false;
    }
    return true;
}

cg_compiled *cg_add_function(cg_unit *u, cg_compiled c)
{
    if (u->nfunctions == u->capacity) {
        int cap = u->capacity ? 2 * u->capacity : 8;
        cg_compiled *grown = realloc(u->functions, (size_t)cap * sizeof *grown);
        if (!grown) {
            cg_unit_fail(u, "out of memory");
            return NULL;
        }
        u->functions = grown;
        u->capacity = cap;
    }
    u->functions[u->nfunctions] = c;
    return &u->functions[u->nfunctions++];
}

/* Adds `f` and, depth first, every function whose code it embeds. */
static void collect(cg_unit *u, const ir_function *f)
{
    if (u->error || collected(u, f) || !check_shape(u, f))
        return;
    if (!cg_add_function(u, (cg_compiled){.ir = f, .osr_block = -1}))
        return;
    for (int i = 0; i < f->nconsts; i++)
        if (f->consts[i].kind == IRC_CODE && f->consts[i].code)
            collect(u, f->consts[i].code);
    for (int i = 0; i < f->nchildren; i++)
        collect(u, f->children[i]);
}

static void add_attribute(cg_unit *u, LLVMValueRef fn, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(u->ctx, kind, 0));
}

/* The LLVM function for `c`, named uniquely across every compile of this jit. */
void cg_declare_function(cg_unit *u, cg_compiled *c)
{
    LLVMTypeRef params[3] = {u->ptr, u->ptr, u->ptr};
    LLVMTypeRef type = LLVMFunctionType(u->i64, params, 3, false);
    const char *suffix = c->osr_block >= 0 ? ".osr" : "";
    if (asprintf(&c->llvm_name, "cellar.%lu.%s%s", (*u->name_counter)++, c->ir->qualname, suffix) <
        0) {
        c->llvm_name = NULL;
        cg_unit_fail(u, "out of memory");
        return;
    }
    c->llvm_fn = LLVMAddFunction(u->module, c->llvm_name, type);
    add_attribute(u, c->llvm_fn, "nounwind");
    if (c->known) {
        LLVMSetLinkage(c->llvm_fn, LLVMInternalLinkage);
        if (cg_known_inlines(c->ir))
            add_attribute(u, c->llvm_fn, "alwaysinline");
    }
    LLVMSetValueName2(LLVMGetParam(c->llvm_fn, 0), "vm", 2);
    LLVMSetValueName2(LLVMGetParam(c->llvm_fn, 1), "frame", 5);
    LLVMSetValueName2(LLVMGetParam(c->llvm_fn, 2), "args", 4);
}

/* ---- function bodies ---- */

/* One argument array serves every call and display of the function: each fills it right
 * before the runtime call that reads it, and no runtime function keeps the pointer, so no two
 * uses overlap. Its size is the longest operand list. */
bool cg_mentions_locals(const ir_function *f)
{
    if (f->scope->kind == SCOPE_MODULE)
        return false; /* at module level locals() is globals(), an ordinary builtin call */
    for (int i = 0; i < f->nconsts; i++) {
        const ir_const *c = &f->consts[i];
        if (c->kind == IRC_STR && ((c->str_len == 6 && memcmp(c->str, "locals", 6) == 0) ||
                                   (c->str_len == 4 && memcmp(c->str, "vars", 4) == 0)))
            return true;
    }
    return false;
}

/* The widest list of operands, and room for every variable when locals() may need them. */
static int widest_operand_list(const ir_function *f)
{
    int widest = cg_mentions_locals(f) ? f->nslots + f->ncells : 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++)
            if (f->blocks[i]->instrs[k].nargs > widest)
                widest = f->blocks[i]->instrs[k].nargs;
    return widest;
}

/* The allocas of slots, cells and temps. Baseline code gets one array for all of them (its
 * state for an on-stack replacement, codegen_tier.c); optimised code one alloca each, which
 * mem2reg promotes. */
static void allocate_variables(cg_function *cg)
{
    const ir_function *f = cg->ir;
    int n = f->nslots + f->ncells + f->ntemps;
    LLVMValueRef *all[3] = {cg->slots, cg->cells, cg->temps};
    int counts[3] = {f->nslots, f->ncells, f->ntemps};
    if (cg->u->baseline) {
        /* One more word: where an OSR entry leaving its loop says which block it left for. */
        cg->vars = LLVMBuildAlloca(cg->b, LLVMArrayType2(cg->u->i64, (uint64_t)n + 1), "vars");
        for (int k = 0, at = 0; k < 3; k++)
            for (int i = 0; i < counts[k]; i++, at++)
                all[k][i] = cg_field(cg, cg->vars, (size_t)at * sizeof(rt_value));
        return;
    }
    static const char *const names[3] = {"slot", "cell", "t"};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < counts[k]; i++)
            all[k][i] = LLVMBuildAlloca(cg->b, cg->u->i64, names[k]);
}

/* An OSR entry's variables come from the baseline state array it is passed as `args`: the
 * slots and cells, and the temps its region uses (cg_osr_temp_use) that are live at its
 * header. */
static void init_from_state(cg_function *cg)
{
    const ir_function *f = cg->ir;
    LLVMValueRef *all[3] = {cg->slots, cg->cells, cg->temps};
    int counts[3] = {f->nslots, f->ncells, f->ntemps};
    for (int k = 0, at = 0; k < 3; k++)
        for (int i = 0; i < counts[k]; i++, at++)
            if (k < 2 || ((cg->temp_use[i] & CG_TEMP_TOUCHED) && /* no other temp is read */
                          cg_temp_live(&cg->temp_live, cg->osr_block, i)))
                LLVMBuildStore(
                    cg->b, cg_load_field(cg, cg->u->i64, cg->args, (size_t)at * sizeof(rt_value)),
                    all[k][i]);
}

/* A call's variables: parameters from args[], free cells from the closure tuple, the rest
 * unbound (0). */
static void init_from_call(cg_function *cg)
{
    const ir_function *f = cg->ir;
    const scope *s = f->scope;
    int nparams = nparams_of(s);
    for (int i = 0; i < f->nslots; i++) {
        LLVMValueRef init = cg_i64(cg, 0);
        if (i < nparams)
            init = cg_load_field(cg, cg->u->i64, cg->args, (size_t)i * sizeof(rt_value));
        LLVMBuildStore(cg->b, init, cg->slots[i]);
    }
    LLVMValueRef closure = NULL;
    if (s->nfreevars > 0) {
        LLVMValueRef function =
            cg_load_field(cg, cg->u->ptr, cg->frame, offsetof(rt_frame, function));
        closure = cg_load_field(cg, cg->u->i64, function, offsetof(rt_function, closure));
    }
    for (int i = 0; i < f->ncells; i++) {
        LLVMValueRef init = cg_i64(cg, 0);
        if (i >= s->ncellvars) {
            size_t item = offsetof(rt_tuple, items) + (size_t)(i - s->ncellvars) * sizeof(rt_value);
            init = cg_load_field(cg, cg->u->i64, closure, item);
        }
        LLVMBuildStore(cg->b, init, cg->cells[i]);
    }
    for (int i = 0; i < f->ntemps; i++)
        LLVMBuildStore(cg->b, cg_i64(cg, 0), cg->temps[i]);
}

/* Whether `f` reads or writes a global: only then do baked caches need guard_globals' check
 * (a small closure's inlined copy often has none, and so no check per call). */
static bool uses_globals(const ir_function *f)
{
    for (int k = 0; k < f->nblocks; k++)
        for (int i = 0; i < f->blocks[k]->ninstrs; i++) {
            ir_op op = f->blocks[k]->instrs[i].op;
            if (op == IR_LOAD_GLOBAL || op == IR_STORE_GLOBAL || op == IR_DELETE_GLOBAL)
                return true;
        }
    return false;
}

/* Optimised code compiled while its function runs bakes that activation's globals into its
 * global caches (codegen_global.c), so it checks once, here, that it runs with them: an
 * activation with other globals leaves for baseline code — an OSR entry through an exit at
 * its own block, an entry by calling the baseline entry — and the caches check only the
 * layout words. */
static void guard_globals(cg_function *cg)
{
    rt_value globals = cg->u->globals_now;
    jit_tiered *t = cg->profile;
    if (cg->u->baseline || !globals || (cg->osr_block < 0 && (!t || !t->baseline_entry)) ||
        !uses_globals(cg->ir))
        return;
    LLVMBasicBlockRef other = cg_new_block(cg, "globals.other");
    LLVMBasicBlockRef same = cg_new_block(cg, "globals.same");
    LLVMValueRef br = LLVMBuildCondBr(
        cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, cg->globals, cg_i64(cg, globals), ""), same, other);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->likely);
    LLVMPositionBuilderAtEnd(cg->b, other);
    if (cg->osr_block >= 0) {
        cg_emit_osr_exit(cg, cg->osr_block);
    } else {
        LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
        LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
        LLVMValueRef entry = cg_load_field(cg, cg->u->ptr, cg_ptr_const(cg, t),
                                           offsetof(jit_tiered, baseline_entry));
        LLVMValueRef args[3] = {cg->vm, cg->frame, cg->args};
        LLVMBuildRet(cg->b, LLVMBuildCall2(cg->b, type, entry, args, 3, ""));
    }
    LLVMPositionBuilderAtEnd(cg->b, same);
    cg->globals_baked = true;
}

/* Variables, globals (frame->function->globals), and the scratch memory calls share. */
static void emit_prologue(cg_function *cg)
{
    allocate_variables(cg);
    cg->scratch = LLVMBuildAlloca(cg->b, cg->u->i64, "scratch");
    LLVMTypeRef frame_type = LLVMArrayType2(cg->u->i64, sizeof(rt_frame) / sizeof(int64_t));
    cg->callee_frame = LLVMBuildAlloca(cg->b, frame_type, "callee_frame");
    cg->array_size = widest_operand_list(cg->ir);
    if (cg->array_size > 0) {
        LLVMTypeRef t = LLVMArrayType2(cg->u->i64, (uint64_t)cg->array_size);
        cg->array = LLVMBuildAlloca(cg->b, t, "arguments");
    }
    if (!cg->u->baseline) {
        /* A wrapper's two slots, its tuple's header and items; room for a few defaults. */
        cg->forward_words = 4 + (cg->array_size > 4 ? cg->array_size : 4);
        LLVMTypeRef t = LLVMArrayType2(cg->u->i64, (uint64_t)cg->forward_words);
        cg->forward_space = LLVMBuildAlloca(cg->b, t, "forward_space");
    }
    if (cg->osr_block >= 0)
        init_from_state(cg);
    else
        init_from_call(cg);
    LLVMValueRef function = cg_load_field(cg, cg->u->ptr, cg->frame, offsetof(rt_frame, function));
    cg->globals = cg_load_field(cg, cg->u->i64, function, offsetof(rt_function, globals));
    LLVMSetValueName2(cg->globals, "globals", 7);
    guard_globals(cg);
}

bool cg_ends_block(ir_op op)
{
    switch (op) {
    case IR_JUMP:
    case IR_BRANCH:
    case IR_RETURN:
    case IR_FOR_ITER:
    case IR_RAISE:
    case IR_RERAISE:
    case IR_ASSERT_FAIL: return true;
    default: return false;
    }
}

int cg_block_index(const ir_function *f, const ir_block *b)
{
    if (b->id >= 0 && b->id < f->nblocks && f->blocks[b->id] == b)
        return b->id;
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i] == b)
            return i;
    return -1;
}

static void emit_block(cg_function *cg, int index)
{
    const ir_block *block = cg->ir->blocks[index];
    LLVMPositionBuilderAtEnd(cg->b, cg->blocks[index]);
    if (!cg->reachable[index]) {
        if (cg->exits && cg->exits[index])
            cg_emit_osr_exit(cg, index); /* back to baseline code, which goes on here */
        else
            LLVMBuildUnreachable(cg->b);
        return;
    }
    cg->last_line = -1;
    cg->terminated = false;
    cg_safepoint_block(cg, index); /* step checks for limits (safepoint.c); usually none */
    cg_tier_block(cg, index);      /* baseline code: hot loops move to optimised code */
    for (int i = 0; i < block->ninstrs && !cg->terminated && !cg->u->error; i++)
        cg_instr(cg, &block->instrs[i]);
    if (!cg->terminated && !cg->u->error)
        cg_fail_at(cg, "%s: block %d falls off its end", cg->ir->qualname, block->id);
}

static bool alloc_function_state(cg_function *cg)
{
    const ir_function *f = cg->ir;
    cg->slots = calloc((size_t)f->nslots + 1, sizeof *cg->slots);
    cg->cells = calloc((size_t)f->ncells + 1, sizeof *cg->cells);
    cg->temps = calloc((size_t)f->ntemps + 1, sizeof *cg->temps);
    cg->blocks = calloc((size_t)f->nblocks + 1, sizeof *cg->blocks);
    cg->names = calloc((size_t)f->nconsts + 1, sizeof *cg->names);
    cg->reachable = calloc((size_t)f->nblocks + 1, sizeof *cg->reachable);
    if (!cg->slots || !cg->cells || !cg->temps || !cg->blocks || !cg->values || !cg->names ||
        !cg->reachable)
        return false;
    if (cg->osr_block >= 0 && cg->osr_block < f->nblocks) {
        cg->exits = calloc((size_t)f->nblocks, sizeof *cg->exits);
        cg->temp_use = calloc((size_t)f->ntemps + 1, sizeof *cg->temp_use);
        if (!cg->exits || !cg->temp_use ||
            !cg_osr_region(f, cg->osr_block, cg->reachable, cg->exits))
            return false;
        cg_osr_temp_use(f, cg->reachable, cg->temp_use);
        return cg_temp_liveness(f, &cg->temp_live) && cg_find_forwards(cg);
    }
    return cg_reachable(f, cg->reachable) && cg_find_forwards(cg);
}

static void free_function_state(cg_function *cg)
{
    free(cg->slots);
    free(cg->cells);
    free(cg->temps);
    free(cg->blocks);
    free(cg->names);
    free(cg->reachable);
    free(cg->exits);
    free(cg->temp_use);
    free(cg->temp_live.live_in);
    free(cg->forwards);
    if (cg->b)
        LLVMDisposeBuilder(cg->b);
}

static void emit_function(cg_unit *u, cg_compiled *c)
{
    cg_function cg = {.u = u,
                      .ir = c->ir,
                      .fn = c->llvm_fn,
                      .values = c->values,
                      .osr_block = c->osr_block,
                      .tier = u->baseline ? c->tier : NULL,
                      .profile = u->baseline ? NULL : c->tier,
                      .known_depth = c->known_depth};
    if (!alloc_function_state(&cg)) {
        cg_unit_fail(u, "out of memory");
        free_function_state(&cg);
        return;
    }
    cg.vm = LLVMGetParam(cg.fn, 0);
    cg.frame = LLVMGetParam(cg.fn, 1);
    cg.args = LLVMGetParam(cg.fn, 2);
    cg.b = LLVMCreateBuilderInContext(u->ctx);
    LLVMBasicBlockRef entry = cg_new_block(&cg, "entry");
    for (int i = 0; i < cg.ir->nblocks; i++) {
        char name[24];
        snprintf(name, sizeof name, "b%d", cg.ir->blocks[i]->id);
        cg.blocks[i] = cg_new_block(&cg, name);
    }
    cg.error_exit = cg_new_block(&cg, "error");
    LLVMPositionBuilderAtEnd(cg.b, cg.error_exit);
    LLVMBuildRet(cg.b, cg_i64(&cg, RT_ERROR));

    LLVMPositionBuilderAtEnd(cg.b, entry);
    emit_prologue(&cg);
    if (cg.osr_block >= 0) {
        LLVMBuildBr(cg.b, cg.blocks[cg.osr_block]); /* the activation is already counted */
    } else {
        cg_safepoint_entry(&cg);
        cg_tier_entry(&cg);
        LLVMBuildBr(cg.b, cg.blocks[0]);
    }
    for (int i = 0; i < cg.ir->nblocks && !u->error; i++)
        emit_block(&cg, i);
    /* Keep the error exit last so dumps read top to bottom. */
    LLVMMoveBasicBlockAfter(cg.error_exit, LLVMGetLastBasicBlock(cg.fn));
    free_function_state(&cg);
}

/* ---- the unit ---- */

void cg_unit_init(cg_unit *u, rt_vm *vm, LLVMContextRef ctx, const char *triple,
                  const char *data_layout, unsigned long *name_counter)
{
    *u = (cg_unit){.vm = vm,
                   .ctx = ctx,
                   .triple = triple,
                   .data_layout = data_layout,
                   .name_counter = name_counter};
    u->i1 = LLVMInt1TypeInContext(ctx);
    u->i32 = LLVMInt32TypeInContext(ctx);
    u->i64 = LLVMInt64TypeInContext(ctx);
    u->ptr = LLVMPointerTypeInContext(ctx, 0);
    u->prof_kind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
    LLVMMetadataRef weights[3] = {
        LLVMMDStringInContext2(ctx, "branch_weights", 14),
        LLVMValueAsMetadata(LLVMConstInt(u->i32, 1, false)),
        LLVMValueAsMetadata(LLVMConstInt(u->i32, 2000, false)),
    };
    u->unlikely = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, weights, 3));
    LLVMMetadataRef reversed[3] = {weights[0], weights[2], weights[1]};
    u->likely = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, reversed, 3));
    u->decls = calloc((size_t)jit_nsymbols, sizeof *u->decls);
    u->decl_types = calloc((size_t)jit_nsymbols, sizeof *u->decl_types);
    if (!u->decls || !u->decl_types)
        cg_unit_fail(u, "out of memory");
}

void cg_unit_free(cg_unit *u)
{
    for (int i = 0; i < u->nfunctions; i++) {
        free(u->functions[i].llvm_name);
        if (u->functions[i].owns_values)
            free(u->functions[i].values);
    }
    free(u->functions);
    free(u->decls);
    free(u->decl_types);
    jit_cache_blocks_free(&u->caches);
    free(u->error);
    if (u->module)
        LLVMDisposeModule(u->module);
    *u = (cg_unit){0};
}

/* The LLVM module, with the jit's target and data layout. */
static void create_module(cg_unit *u, const char *name)
{
    u->module = LLVMModuleCreateWithNameInContext(name, u->ctx);
    /* Loads and stores take their alignment from the data layout when they are built. */
    LLVMSetTarget(u->module, u->triple);
    LLVMSetDataLayout(u->module, u->data_layout);
}

bool cg_prepare(cg_unit *u, const ir_module *m)
{
    if (u->error)
        return false;
    if (!m || !m->main) {
        cg_unit_fail(u, "empty IR module");
        return false;
    }
    u->filename = m->filename ? m->filename : "<string>";
    create_module(u, u->filename);
    collect(u, m->main);
    for (int i = 0; i < u->nfunctions && !u->error; i++) {
        u->functions[i].code = make_code(u, u->functions[i].ir);
        if (!u->functions[i].code)
            cg_unit_fail(u, "%s: cannot create its code object", u->functions[i].ir->qualname);
    }
    return !u->error;
}

bool cg_begin(cg_unit *u, const char *name, int n)
{
    u->filename = name;
    create_module(u, name);
    u->functions = calloc((size_t)(n > 0 ? n : 1), sizeof *u->functions);
    if (!u->functions)
        cg_unit_fail(u, "out of memory");
    u->capacity = n;
    return !u->error;
}

/* Each emitted function's constants: the lent array, or one of its own. */
static bool give_values(cg_unit *u, cg_compiled *c)
{
    if (c->values)
        return true;
    c->values = calloc((size_t)c->ir->nconsts + 1, sizeof *c->values);
    c->owns_values = c->values != NULL;
    if (!c->values)
        cg_unit_fail(u, "out of memory");
    return c->values != NULL;
}

bool cg_emit(cg_unit *u)
{
    for (int i = 0; i < u->nfunctions && !u->error; i++)
        if (!u->functions[i].lend_only && give_values(u, &u->functions[i]))
            cg_declare_function(u, &u->functions[i]);
    for (int i = 0; i < u->nfunctions && !u->error; i++)
        if (!u->functions[i].lend_only)
            emit_function(u, &u->functions[i]);
    return !u->error;
}

bool cg_module(cg_unit *u, const ir_module *m) { return cg_prepare(u, m) && cg_emit(u); }
