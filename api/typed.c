/* Typed native entry points: a plain C function pointer for a Python function, with a C
 * signature of int64 and double parameters and result. Each entry point is one LLVM module in
 * an LLJIT of the VM's own (created on first use), holding a wrapper with the C signature:
 *
 *   T typed(P1 .. Pn)
 *     guards ─ok─▶ r = fast(P1 .. Pn, &status) ─done─▶ return r
 *       │                          │ deopt                  │ raised
 *       ▼                          ▼                        ▼
 *     generic: box the arguments, call the function     report the pending
 *     as Python does, unbox the result (typed_slow)     exception, return 0
 *
 * `fast` is the body compiled for the declared types (specialise.c), when it could be; the
 * guards check that the function still has the code it was specialised from and that the
 * globals the fast path relies on are unchanged. Without a fast path every call is generic. A
 * failure on either path returns 0 and leaves the error in the VM, for the host to find with
 * cellar_error_status. */
#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "typed.h"

/* One typed entry point: what its generated code refers to by address. */
typedef struct typed_entry {
    cellar_vm *vm;
    rt_value function; /* rooted in vm->typed_roots */
    rt_code *code;     /* the code the fast path was compiled from */
    typed_signature sig;
    typed_fast fast; /* guards; fast.fn is NULL without a fast path */
} typed_entry;

struct api_typed {
    LLVMOrcLLJITRef lljit;
    LLVMOrcThreadSafeContextRef context;
    LLVMTargetMachineRef machine;
    typed_entry **entries;
    size_t nentries, capacity;
    unsigned long counter; /* unique symbol names */
};

/* ---- signatures ---- */

LLVMTypeRef typed_llvm_type(const typed_types *t, typed_kind k)
{
    return k == TYPED_INT64 ? t->i64 : t->f64;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* "int64" or "double" at *p; advances past it. */
static bool parse_kind(const char **p, typed_kind *out)
{
    const char *s = skip_spaces(*p);
    if (strncmp(s, "int64", 5) == 0 && !(s[5] == '_' || (s[5] >= 'a' && s[5] <= 'z'))) {
        *out = TYPED_INT64;
        *p = s + 5;
        return true;
    }
    if (strncmp(s, "double", 6) == 0 && !(s[6] == '_' || (s[6] >= 'a' && s[6] <= 'z'))) {
        *out = TYPED_DOUBLE;
        *p = s + 6;
        return true;
    }
    return false;
}

/* signature = "(" [kind {"," kind}] ")" "->" kind */
static bool parse_signature(const char *text, typed_signature *sig)
{
    const char *p = skip_spaces(text);
    sig->nparams = 0;
    if (*p++ != '(')
        return false;
    p = skip_spaces(p);
    if (*p != ')') {
        for (;;) {
            if (sig->nparams == CELLAR_TYPED_MAX_PARAMS || !parse_kind(&p, &sig->params[sig->nparams]))
                return false;
            sig->nparams++;
            p = skip_spaces(p);
            if (*p != ',')
                break;
            p++;
        }
    }
    if (*p++ != ')')
        return false;
    p = skip_spaces(p);
    if (p[0] != '-' || p[1] != '>')
        return false;
    p += 2;
    if (!parse_kind(&p, &sig->result))
        return false;
    return *skip_spaces(p) == '\0';
}

/* ---- the generic path and the guards (called by generated code) ---- */

/* The result as the declared C type's bits, or false with TypeError/OverflowError raised. */
static bool unbox_result(rt_vm *rt, const typed_entry *e, rt_value r, uint64_t *bits)
{
    rt_value name = rt_function_qualname(rt_as_function(e->function));
    if (e->sig.result == TYPED_INT64) {
        int64_t i;
        if (rt_is_int(r) && rt_int_to_int64(r, &i)) {
            *bits = (uint64_t)i;
            return true;
        }
        if (rt_is_int(r))
            rt_raise_format(rt, &rt_overflow_error_type,
                            "%U() returned an int too large for the int64 result", name);
        else
            rt_raise_format(rt, &rt_type_error_type,
                            "%U() returned %T, not int (the entry point returns int64)", name, r);
        return false;
    }
    double d;
    if (rt_is_type(r, &rt_float_type)) {
        d = rt_float_value(r);
    } else if (rt_is_int(r)) {
        bool ok = true;
        d = rt_int_to_double(rt, r, &ok);
        if (!ok)
            return false;
    } else {
        rt_raise_format(rt, &rt_type_error_type,
                        "%U() returned %T, not float (the entry point returns double)", name, r);
        return false;
    }
    memcpy(bits, &d, sizeof d);
    return true;
}

/* Boxes the arguments, calls the function, unboxes the result: Python's semantics, always. */
static uint64_t typed_slow(const typed_entry *e, const uint64_t *bits)
{
    cellar_vm *vm = e->vm;
    rt_vm *rt = vm->rt;
    rt_value args[CELLAR_TYPED_MAX_PARAMS];
    for (int i = 0; i < e->sig.nparams; i++) {
        double d;
        memcpy(&d, &bits[i], sizeof d);
        args[i] = e->sig.params[i] == TYPED_INT64 ? rt_int_from_int64((int64_t)bits[i]) : rt_float_new(d);
    }
    api_enter(vm);
    rt_value r = rt_call(rt, e->function, (size_t)e->sig.nparams, args, 0);
    uint64_t out = 0;
    bool ok = r && unbox_result(rt, e, r, &out);
    api_leave(vm);
    if (!ok)
        api_fail(vm, CELLAR_RUNTIME_ERROR);
    return ok ? out : 0;
}

/* A safepoint on the fast path raised (step budget, interrupt, memory limit). */
static void typed_raised(const typed_entry *e) { api_fail(e->vm, CELLAR_RUNTIME_ERROR); }

/* The globals the fast path relies on are still what it was compiled for: 1, else 0. */
static int32_t typed_guard(const typed_entry *e)
{
    rt_function *f = rt_as_function(e->function);
    rt_vm *rt = e->vm->rt;
    for (int i = 0; i < e->fast.nguards; i++) {
        rt_value v = rt_dict_get_str(f->globals, e->fast.guard_names[i]);
        if (e->fast.guard_range[i]) {
            if (v != 0 ||
                rt_dict_get_str(rt->builtins, e->fast.guard_names[i]) != rt_type_value(&rt_range_type))
                return 0;
        } else if (v != e->function) {
            return 0;
        }
    }
    return 1;
}

/* ---- the wrapper ---- */

typedef struct wrapper {
    const typed_types *t;
    const typed_entry *e;
    LLVMModuleRef module;
    LLVMBuilderRef b;
    LLVMValueRef fn;
    LLVMBasicBlockRef entry, slow;
} wrapper;

static LLVMValueRef ptr_const(const wrapper *w, const void *p)
{
    return LLVMConstIntToPtr(LLVMConstInt(w->t->i64, (uint64_t)(uintptr_t)p, false), w->t->ptr);
}

static LLVMValueRef call_c(const wrapper *w, const void *fn, LLVMTypeRef ret, LLVMTypeRef *params,
                           unsigned n, LLVMValueRef *args)
{
    LLVMTypeRef type = LLVMFunctionType(ret, params, n, false);
    return LLVMBuildCall2(w->b, type, ptr_const(w, fn), args, n, "");
}

/* slow: spill the arguments as 64-bit words and take the generic path. */
static void emit_slow(wrapper *w, LLVMValueRef words)
{
    const typed_signature *sig = &w->e->sig;
    LLVMPositionBuilderAtEnd(w->b, w->slow);
    for (int i = 0; i < sig->nparams; i++) {
        LLVMValueRef index = LLVMConstInt(w->t->i64, (unsigned)i, false);
        LLVMValueRef at = LLVMBuildGEP2(w->b, w->t->i64, words, &index, 1, "");
        LLVMValueRef arg = LLVMGetParam(w->fn, (unsigned)i);
        if (sig->params[i] == TYPED_DOUBLE)
            arg = LLVMBuildBitCast(w->b, arg, w->t->i64, "");
        LLVMBuildStore(w->b, arg, at);
    }
    LLVMTypeRef params[2] = {w->t->ptr, w->t->ptr};
    LLVMValueRef args[2] = {ptr_const(w, w->e), words};
    LLVMValueRef bits = call_c(w, (const void *)typed_slow, w->t->i64, params, 2, args);
    if (sig->result == TYPED_DOUBLE)
        bits = LLVMBuildBitCast(w->b, bits, w->t->f64, "");
    LLVMBuildRet(w->b, bits);
}

/* The code guard, then the globals guard when the fast path has one. */
static void emit_guards(wrapper *w, LLVMBasicBlockRef fast)
{
    const typed_entry *e = w->e;
    LLVMValueRef at = LLVMBuildGEP2(w->b, LLVMInt8TypeInContext(w->t->ctx), ptr_const(w, rt_as_object(e->function)),
                                    (LLVMValueRef[]){LLVMConstInt(w->t->i64, offsetof(rt_function, code), false)}, 1, "");
    LLVMValueRef code = LLVMBuildLoad2(w->b, w->t->ptr, at, "code");
    LLVMValueRef same = LLVMBuildICmp(w->b, LLVMIntEQ, code, ptr_const(w, e->code), "");
    if (e->fast.nguards == 0) {
        LLVMBuildCondBr(w->b, same, fast, w->slow);
        return;
    }
    LLVMBasicBlockRef globals = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "globals");
    LLVMBuildCondBr(w->b, same, globals, w->slow);
    LLVMPositionBuilderAtEnd(w->b, globals);
    LLVMTypeRef params[1] = {w->t->ptr};
    LLVMValueRef args[1] = {ptr_const(w, e)};
    LLVMValueRef ok = call_c(w, (const void *)typed_guard, w->t->i32, params, 1, args);
    LLVMBuildCondBr(w->b, LLVMBuildICmp(w->b, LLVMIntNE, ok, LLVMConstInt(w->t->i32, 0, false), ""),
                    fast, w->slow);
}

/* fast: call the specialised body; its status picks the exit. */
static void emit_fast_call(wrapper *w, LLVMBasicBlockRef fast, LLVMValueRef status)
{
    const typed_signature *sig = &w->e->sig;
    LLVMPositionBuilderAtEnd(w->b, fast);
    LLVMBuildStore(w->b, LLVMConstInt(w->t->i8, TYPED_DONE, false), status);
    LLVMValueRef args[CELLAR_TYPED_MAX_PARAMS + 2];
    for (int i = 0; i < sig->nparams; i++)
        args[i] = LLVMGetParam(w->fn, (unsigned)i);
    args[sig->nparams] = status;
    args[sig->nparams + 1] = LLVMConstInt(w->t->i32, 0, false);
    LLVMValueRef r = LLVMBuildCall2(w->b, LLVMGlobalGetValueType(w->e->fast.fn), w->e->fast.fn,
                                    args, (unsigned)sig->nparams + 2, "");
    LLVMValueRef st = LLVMBuildLoad2(w->b, w->t->i8, status, "");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "done");
    LLVMBasicBlockRef raised = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "raised");
    LLVMValueRef sw = LLVMBuildSwitch(w->b, st, w->slow, 2);
    LLVMAddCase(sw, LLVMConstInt(w->t->i8, TYPED_DONE, false), done);
    LLVMAddCase(sw, LLVMConstInt(w->t->i8, TYPED_RAISED, false), raised);
    LLVMPositionBuilderAtEnd(w->b, done);
    LLVMBuildRet(w->b, r);
    LLVMPositionBuilderAtEnd(w->b, raised);
    LLVMTypeRef params[1] = {w->t->ptr};
    LLVMValueRef eargs[1] = {ptr_const(w, w->e)};
    call_c(w, (const void *)typed_raised, LLVMVoidTypeInContext(w->t->ctx), params, 1, eargs);
    LLVMBuildRet(w->b, LLVMConstNull(typed_llvm_type(w->t, sig->result)));
}

static void emit_wrapper(wrapper *w, const char *name)
{
    const typed_signature *sig = &w->e->sig;
    LLVMTypeRef params[CELLAR_TYPED_MAX_PARAMS];
    for (int i = 0; i < sig->nparams; i++)
        params[i] = typed_llvm_type(w->t, sig->params[i]);
    LLVMTypeRef type = LLVMFunctionType(typed_llvm_type(w->t, sig->result), params,
                                        (unsigned)sig->nparams, false);
    w->fn = LLVMAddFunction(w->module, name, type);
    w->b = LLVMCreateBuilderInContext(w->t->ctx);
    w->entry = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "entry");
    w->slow = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "generic");
    LLVMPositionBuilderAtEnd(w->b, w->entry);
    LLVMValueRef words = LLVMBuildAlloca(
        w->b, LLVMArrayType2(w->t->i64, (uint64_t)(sig->nparams ? sig->nparams : 1)), "words");
    if (w->e->fast.fn) {
        LLVMValueRef status = LLVMBuildAlloca(w->b, w->t->i8, "status");
        LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(w->t->ctx, w->fn, "fast");
        emit_guards(w, fast);
        emit_fast_call(w, fast, status);
    } else {
        LLVMBuildBr(w->b, w->slow);
    }
    emit_slow(w, words);
    LLVMDisposeBuilder(w->b);
}

/* ---- the LLVM state ---- */

static char *take_error(LLVMErrorRef err)
{
    char *message = LLVMGetErrorMessage(err);
    char *copy = strdup(message);
    LLVMDisposeErrorMessage(message);
    return copy;
}

static void typed_state_free(api_typed *t)
{
    if (!t)
        return;
    if (t->lljit) {
        LLVMErrorRef err = LLVMOrcDisposeLLJIT(t->lljit);
        if (err)
            LLVMConsumeError(err);
    }
    if (t->context)
        LLVMOrcDisposeThreadSafeContext(t->context);
    if (t->machine)
        LLVMDisposeTargetMachine(t->machine);
    for (size_t i = 0; i < t->nentries; i++)
        free(t->entries[i]);
    free(t->entries);
    free(t);
}

/* The host's target machine, for the optimiser (the VM's JIT initialised the targets). */
static LLVMTargetMachineRef host_machine(void)
{
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *message = NULL;
    LLVMTargetMachineRef machine = NULL;
    if (!LLVMGetTargetFromTriple(triple, &target, &message)) {
        char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
        machine = LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelDefault,
                                          LLVMRelocPIC, LLVMCodeModelSmall);
        LLVMDisposeMessage(cpu);
        LLVMDisposeMessage(features);
    }
    LLVMDisposeMessage(message);
    LLVMDisposeMessage(triple);
    return machine;
}

static api_typed *typed_state(cellar_vm *vm, char **error)
{
    if (vm->typed)
        return vm->typed;
    api_typed *t = calloc(1, sizeof *t);
    if (!t) {
        *error = strdup("out of memory");
        return NULL;
    }
    t->machine = host_machine();
    LLVMErrorRef err = t->machine ? LLVMOrcCreateLLJIT(&t->lljit, LLVMOrcCreateLLJITBuilder())
                                  : LLVMCreateStringError("no LLVM target for this host");
    if (err) {
        t->lljit = NULL;
        *error = take_error(err);
        typed_state_free(t);
        return NULL;
    }
    t->context = LLVMOrcCreateNewThreadSafeContext();
    vm->typed = t;
    return t;
}

void api_typed_free(cellar_vm *vm)
{
    typed_state_free(vm->typed);
    vm->typed = NULL;
}

static bool remember(api_typed *t, typed_entry *e)
{
    if (t->nentries == t->capacity) {
        size_t capacity = t->capacity ? 2 * t->capacity : 8;
        typed_entry **grown = realloc(t->entries, capacity * sizeof *grown);
        if (!grown)
            return false;
        t->entries = grown;
        t->capacity = capacity;
    }
    t->entries[t->nentries++] = e;
    return true;
}

/* Optimises the module, hands it to the LLJIT (which owns it from then on) and looks up the
 * wrapper. NULL with *error set on failure. */
static cellar_native_fn link_module(api_typed *t, LLVMModuleRef module, const char *name, char **error)
{
    char *message = NULL;
    if (LLVMVerifyModule(module, LLVMReturnStatusAction, &message)) {
        *error = message ? strdup(message) : strdup("invalid module");
        LLVMDisposeMessage(message);
        LLVMDisposeModule(module);
        return NULL;
    }
    LLVMDisposeMessage(message);
    LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
    LLVMErrorRef err = LLVMRunPasses(module, "default<O2>", t->machine, options);
    LLVMDisposePassBuilderOptions(options);
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, t->context);
    if (!err)
        err = LLVMOrcLLJITAddLLVMIRModule(t->lljit, LLVMOrcLLJITGetMainJITDylib(t->lljit), tsm);
    else
        LLVMOrcDisposeThreadSafeModule(tsm);
    LLVMOrcExecutorAddress address = 0;
    if (!err)
        err = LLVMOrcLLJITLookup(t->lljit, &address, name);
    if (err) {
        *error = take_error(err);
        return NULL;
    }
    return (cellar_native_fn)(uintptr_t)address;
}

/* ---- the entry point ---- */

static void types_init(typed_types *types, LLVMContextRef ctx)
{
    *types = (typed_types){ctx,
                           LLVMInt1TypeInContext(ctx),
                           LLVMInt8TypeInContext(ctx),
                           LLVMInt32TypeInContext(ctx),
                           LLVMInt64TypeInContext(ctx),
                           LLVMDoubleTypeInContext(ctx),
                           LLVMPointerTypeInContext(ctx, 0)};
}

/* Builds, specialising when it can, and links the entry point for `e`. */
static cellar_native_fn compile_entry(cellar_vm *vm, api_typed *t, typed_entry *e, char **error)
{
    typed_types types;
    types_init(&types, LLVMOrcThreadSafeContextGetContext(t->context));
    unsigned long n = t->counter++;
    char fast_name[48], name[48];
    snprintf(fast_name, sizeof fast_name, "cellar.fast.%lu", n);
    snprintf(name, sizeof name, "cellar.typed.%lu", n);
    LLVMModuleRef module = LLVMModuleCreateWithNameInContext(name, types.ctx);
    LLVMSetTarget(module, LLVMOrcLLJITGetTripleString(t->lljit));
    LLVMSetDataLayout(module, LLVMOrcLLJITGetDataLayoutStr(t->lljit));
    const ir_function *ir = api_find_ir(vm, e->code);
    const char *reason = "the function's IR is not available (it was compiled before this VM kept it)";
    bool fast = ir && typed_specialise(vm, rt_as_function(e->function), ir, &e->sig, &types,
                                       module, fast_name, &e->fast, &reason);
    if (!fast)
        e->fast = (typed_fast){0};
    vm->typed_specialised = fast;
    vm->typed_reason = fast ? "" : reason;
    wrapper w = {.t = &types, .e = e, .module = module};
    emit_wrapper(&w, name);
    return link_module(t, module, name, error);
}

/* The function must take exactly the signature's parameters, positionally. */
static cellar_status check_shape(cellar_vm *vm, rt_value f, const typed_signature *sig)
{
    rt_vm *rt = vm->rt;
    if (!rt_is_type(f, &rt_function_type)) {
        rt_raise_format(rt, &rt_type_error_type,
                        "a typed entry point needs a Python function, not %T", f);
        return api_fail(vm, CELLAR_API_ERROR);
    }
    rt_code *co = rt_as_function(f)->code;
    if (co->argcount != sig->nparams || co->kwonlyargcount != 0 ||
        (co->flags & (RT_CO_VARARGS | RT_CO_VARKEYWORDS)) || !co->entry) {
        rt_raise_format(rt, &rt_type_error_type,
                        "%U() does not take exactly %d positional arguments, as the signature "
                        "says",
                        rt_function_qualname(rt_as_function(f)), sig->nparams);
        return api_fail(vm, CELLAR_API_ERROR);
    }
    return CELLAR_OK;
}

cellar_status cellar_typed_entry(cellar_vm *vm, cellar_value fn, const char *signature,
                                 cellar_native_fn *out)
{
    api_begin(vm);
    typed_signature sig;
    rt_value f = 0;
    if (!out || !signature)
        return api_misuse(vm, "cellar_typed_entry: signature or out is NULL");
    cellar_status s = api_get(vm, fn, "cellar_typed_entry: the function", &f);
    if (s != CELLAR_OK)
        return s;
    if (!parse_signature(signature, &sig))
        return api_misuse(vm, "cellar_typed_entry: malformed signature \"%s\" (expected, for "
                              "example, \"(int64, double) -> double\", at most %d parameters)",
                          signature, CELLAR_TYPED_MAX_PARAMS);
    if ((s = check_shape(vm, f, &sig)) != CELLAR_OK)
        return s;
    char *error = NULL;
    api_typed *t = typed_state(vm, &error);
    typed_entry *e = t ? calloc(1, sizeof *e) : NULL;
    if (!e || !remember(t, e)) {
        free(e);
        s = api_misuse(vm, "cellar_typed_entry: %s", error ? error : "out of memory");
        free(error);
        return s;
    }
    *e = (typed_entry){vm, f, rt_as_function(f)->code, sig, {0}};
    rt_list_append(vm->rt, vm->typed_roots, f);
    cellar_native_fn native = compile_entry(vm, t, e, &error);
    if (!native) {
        s = api_set_error(vm, CELLAR_INTERNAL_ERROR, "InternalError", error, NULL, 1);
        free(error);
        return s;
    }
    *out = native;
    return CELLAR_OK;
}

bool cellar_typed_specialised(const cellar_vm *vm, const char **reason)
{
    if (reason)
        *reason = vm->typed_reason ? vm->typed_reason : "no typed entry point was made";
    return vm->typed_specialised;
}

/* ---- finding a function's IR ---- */

/* The ir_function among `f` and its nested functions that `code` was compiled from; *count
 * tells how many match (more than one: ambiguous). */
static const ir_function *match(const ir_function *f, const rt_code *code, int *count)
{
    const ir_function *found = NULL;
    if (f->firstlineno == code->firstlineno && f->scope && f->scope->argcount == code->argcount &&
        strcmp(f->qualname, rt_str_data(code->qualname)) == 0) {
        found = f;
        ++*count;
    }
    for (int i = 0; i < f->nchildren; i++) {
        const ir_function *g = match(f->children[i], code, count);
        if (g)
            found = g;
    }
    return found;
}

/* Code objects are rooted in vm->constants as the JIT creates them, so the module a code
 * object belongs to is the one whose compilation added it there. */
const ir_function *api_find_ir(const cellar_vm *vm, const rt_code *code)
{
    rt_list *constants = rt_as_list(vm->rt->constants);
    for (size_t k = 0; k < vm->nkept; k++) {
        const api_kept_ir *kept = &vm->kept[k];
        for (int64_t i = kept->constants_start; i < kept->constants_end && i < constants->size; i++) {
            if (constants->items[i] != rt_from_object(code))
                continue;
            int count = 0;
            const ir_function *f = match(kept->ir->main, code, &count);
            return count == 1 ? f : NULL;
        }
    }
    return NULL;
}
