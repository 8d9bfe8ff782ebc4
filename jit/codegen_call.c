/* Direct calls. A CALL without keywords whose callee turns out, at run time, to be a compiled
 * function taking exactly that many positional parameters (no defaults needed, no keyword-only
 * parameters, no *args or **kwargs) skips rt_call: the generated code pushes the callee's
 * frame itself and calls its native entry with the caller's argument array as the parameter
 * slots — what rt_call_function's fast path and run() do, inline:
 *
 *   callee is a function ─▶ code takes n simple params ─▶ depth and stack ok ─▶ push frame
 *        │ no                     │ no                          │ no               │
 *        └────────────────────────┴──────────── rt_call ◀───────┘          entry(vm, frame, args)
 *                                          (binds, raises RecursionError)         │ 0: traceback
 *                                                                              pop frame
 *
 * The frame is one alloca per caller, shared by its call sites: a callee's frame lives only
 * while the caller waits for it.
 *
 * A decorator wrapper `def w(*args, **kwargs)` that only passes both on (rt_code.forwards)
 * is called directly too: its slots are the *args tuple, built in the caller's forwarding
 * space (or, under CALL_EX, the caller's own tuple passed on), and the code's shared empty
 * **kwargs dict — what call_forwarding in runtime/call.c does, without the three calls into
 * the runtime. Every other case, and every error message, is rt_call's. */
#include <stddef.h>

#include "codegen.h"
#include "tuple.h"
#include "vm.h"

/* The inline push below fills every field of rt_frame; a new field needs filling there too. */
_Static_assert(sizeof(rt_frame) == 2 * sizeof(void *) + 8, "rt_frame changed: update push_frame");

static LLVMValueRef equal(cg_function *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, a, b, "");
}

static LLVMValueRef load_i32(cg_function *cg, LLVMValueRef base, size_t at)
{
    return cg_load_field(cg, cg->u->i32, base, at);
}

/* i1: `v` is a heap object (rt_is_object). */
static LLVMValueRef is_object(cg_function *cg, LLVMValueRef v)
{
    LLVMValueRef untagged =
        equal(cg, LLVMBuildAnd(cg->b, v, cg_i64(cg, 1), ""), cg_i64(cg, 0));
    LLVMValueRef above =
        LLVMBuildICmp(cg->b, LLVMIntUGE, v, cg_i64(cg, RT_IMMEDIATE_LIMIT), "");
    return LLVMBuildAnd(cg->b, untagged, above, "is_object");
}

/* Continues in `yes` when `cond` holds, in `no` otherwise. */
static void branch(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef yes,
                   LLVMBasicBlockRef no)
{
    LLVMBuildCondBr(cg->b, cond, yes, no);
    LLVMPositionBuilderAtEnd(cg->b, yes);
}

/* The callee's code when it is a function object; branches to `slow` otherwise. */
static LLVMValueRef function_code(cg_function *cg, LLVMValueRef callee, LLVMBasicBlockRef slow)
{
    branch(cg, is_object(cg, callee), cg_new_block(cg, "call.object"), slow);
    LLVMValueRef type = cg_load_field(cg, cg->u->ptr, callee, offsetof(rt_object, type));
    branch(cg, equal(cg, type, cg_ptr_const(cg, &rt_function_type)),
           cg_new_block(cg, "call.function"), slow);
    return cg_load_field(cg, cg->u->ptr, callee, offsetof(rt_function, code));
}

/* i1: the code's parameters are exactly `n` positional ones and it is compiled
 * (rt_call_function's fast-path test). */
static LLVMValueRef takes_exactly(cg_function *cg, LLVMValueRef code, LLVMValueRef n)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef n32 = LLVMBuildTrunc(b, n, cg->u->i32, "n");
    /* n is a tuple's size when it is not a constant: one past int32 must not pass as small. */
    LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntULE, n, cg_i64(cg, 0x7fffffff), "");
    LLVMValueRef argcount = load_i32(cg, code, offsetof(rt_code, argcount));
    LLVMValueRef kwonly = load_i32(cg, code, offsetof(rt_code, kwonlyargcount));
    LLVMValueRef flags = load_i32(cg, code, offsetof(rt_code, flags));
    LLVMValueRef star = LLVMBuildAnd(b, flags, cg_i32(cg, RT_CO_VARARGS | RT_CO_VARKEYWORDS), "");
    return LLVMBuildAnd(b, LLVMBuildAnd(b, fits, equal(cg, argcount, n32), ""),
                        equal(cg, LLVMBuildOr(b, kwonly, star, ""), cg_i32(cg, 0)), "simple");
}

/* i1: the code is a decorator wrapper's `(*args, **kwargs)` (or `(*args)`) that only passes
 * them on (rt_code.forwards), so its *args tuple may live in the caller's frame and its
 * **kwargs be the code's shared empty dict — call_forwarding's test in runtime/call.c, for a
 * wrapper with no other parameters. */
static LLVMValueRef only_forwards(cg_function *cg, LLVMValueRef code)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef named = LLVMBuildOr(b, load_i32(cg, code, offsetof(rt_code, argcount)),
                                     load_i32(cg, code, offsetof(rt_code, kwonlyargcount)), "");
    LLVMValueRef flags = load_i32(cg, code, offsetof(rt_code, flags));
    /* RT_FORWARDS_ARGS and _KWARGS are the co_flags star bits shifted down. */
    _Static_assert(RT_CO_VARARGS >> 2 == RT_FORWARDS_ARGS &&
                       RT_CO_VARKEYWORDS >> 2 == RT_FORWARDS_KWARGS,
                   "forwarding bits no longer mirror co_flags");
    LLVMValueRef star = LLVMBuildAnd(b, LLVMBuildLShr(b, flags, cg_i32(cg, 2), ""),
                                     cg_i32(cg, RT_FORWARDS_ARGS | RT_FORWARDS_KWARGS), "");
    LLVMValueRef forwards = load_i32(cg, code, offsetof(rt_code, forwards));
    LLVMValueRef covered = equal(cg, LLVMBuildAnd(b, forwards, star, ""), star);
    LLVMValueRef varargs = LLVMBuildICmp(b, LLVMIntNE,
                                         LLVMBuildAnd(b, flags, cg_i32(cg, RT_CO_VARARGS), ""),
                                         cg_i32(cg, 0), "");
    /* The shared dict is made by the first call through rt_call_function. */
    LLVMValueRef no_kwargs = equal(cg, LLVMBuildAnd(b, flags, cg_i32(cg, RT_CO_VARKEYWORDS), ""),
                                   cg_i32(cg, 0));
    LLVMValueRef kwargs = cg_load_field(cg, cg->u->i64, code, offsetof(rt_code, empty_kwargs));
    LLVMValueRef has_dict = LLVMBuildOr(b, no_kwargs, LLVMBuildIsNotNull(b, kwargs, ""), "");
    LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildAnd(b, varargs, covered, ""),
                                   equal(cg, named, cg_i32(cg, 0)), "");
    return LLVMBuildAnd(b, ok, has_dict, "forwards");
}

/* The wrapper's parameter slots in the caller's forwarding space: slot 0 the *args tuple of
 * the `n` arguments, built in the same space after the slots; slot 1 the empty **kwargs. */
static LLVMValueRef forwarding_slots(cg_function *cg, LLVMValueRef code, int n,
                                     LLVMValueRef args)
{
    LLVMValueRef space = cg->forward_space;
    size_t tuple_at = 2 * sizeof(rt_value);
    LLVMValueRef tuple = cg_field(cg, space, tuple_at);
    cg_store_field(cg, space, tuple_at + offsetof(rt_tuple, base.type),
                   cg_ptr_const(cg, &rt_tuple_type));
    cg_store_field(cg, space, tuple_at + offsetof(rt_tuple, size), cg_i64(cg, (uint64_t)n));
    for (int i = 0; i < n; i++)
        cg_store_field(cg, space, tuple_at + offsetof(rt_tuple, items) + (size_t)i * 8,
                       cg_load_field(cg, cg->u->i64, args, (size_t)i * sizeof(rt_value)));
    cg_store_field(cg, space, 0, LLVMBuildPtrToInt(cg->b, tuple, cg->u->i64, ""));
    cg_store_field(cg, space, sizeof(rt_value),
                   cg_load_field(cg, cg->u->i64, code, offsetof(rt_code, empty_kwargs)));
    return space;
}

/* Branches to `slow` when one more frame would pass the recursion limit or the C stack's
 * reserve; rt_call then raises the RecursionError. Returns the current depth. */
static LLVMValueRef check_depth(cg_function *cg, LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef depth = load_i32(cg, cg->vm, offsetof(rt_vm, depth));
    LLVMValueRef limit = load_i32(cg, cg->vm, offsetof(rt_vm, recursion_limit));
    LLVMValueRef stack = cg_load_field(cg, cg->u->i64, cg->vm, offsetof(rt_vm, stack_limit));
    LLVMValueRef here = LLVMBuildPtrToInt(b, cg->callee_frame, cg->u->i64, "");
    LLVMValueRef deep = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSGE, depth, limit, ""),
                                    LLVMBuildICmp(b, LLVMIntULT, here, stack, ""), "too_deep");
    LLVMValueRef br = LLVMBuildCondBr(b, deep, slow, cg_new_block(cg, "call.push"));
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(b, LLVMGetSuccessor(br, 1));
    return depth;
}

/* run(): frame = {vm->frame, callee, co_firstlineno}; vm->frame = &frame; depth + 1. */
static LLVMValueRef push_frame(cg_function *cg, LLVMValueRef callee, LLVMValueRef code,
                               LLVMValueRef depth)
{
    LLVMValueRef frame = cg->callee_frame;
    LLVMValueRef back = cg_load_field(cg, cg->u->ptr, cg->vm, offsetof(rt_vm, frame));
    cg_store_field(cg, frame, offsetof(rt_frame, back), back);
    cg_store_field(cg, frame, offsetof(rt_frame, function), callee);
    cg_store_field(cg, frame, offsetof(rt_frame, line),
                   load_i32(cg, code, offsetof(rt_code, firstlineno)));
    cg_store_field(cg, cg->vm, offsetof(rt_vm, frame), frame);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, depth),
                   LLVMBuildAdd(cg->b, depth, cg_i32(cg, 1), ""));
    return back;
}

/* entry(vm, frame, args); a failure records the callee's frame in the traceback; then the
 * frame is popped. */
static LLVMValueRef call_entry(cg_function *cg, LLVMValueRef entry, LLVMValueRef args,
                               LLVMValueRef back, LLVMValueRef depth)
{
    LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
    LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
    LLVMValueRef call_args[3] = {cg->vm, cg->callee_frame, args};
    LLVMValueRef result = LLVMBuildCall2(cg->b, type, entry, call_args, 3, "");
    LLVMBasicBlockRef failed = cg_new_block(cg, "call.traceback");
    LLVMBasicBlockRef pop = cg_new_block(cg, "call.pop");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, equal(cg, result, cg_i64(cg, RT_ERROR)), failed, pop);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(cg->b, failed);
    LLVMValueRef tb_args[2] = {cg->vm, cg->callee_frame};
    cg_call(cg, "rt_traceback_add", tb_args, 2);
    LLVMBuildBr(cg->b, pop);
    LLVMPositionBuilderAtEnd(cg->b, pop);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, frame), back);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, depth), depth);
    return result;
}

/* The parameter slots of a wrapper called with the items of `tuple`: the tuple itself
 * (only passed on, its identity cannot be seen) and the empty **kwargs. */
static LLVMValueRef tuple_slots(cg_function *cg, LLVMValueRef code, LLVMValueRef tuple)
{
    LLVMValueRef space = cg->forward_space;
    cg_store_field(cg, space, 0, tuple);
    cg_store_field(cg, space, sizeof(rt_value),
                   cg_load_field(cg, cg->u->i64, code, offsetof(rt_code, empty_kwargs)));
    return space;
}

/* How a direct call may reach a wrapper that only forwards `*args, **kwargs`: by building
 * the tuple of `n` arguments (n >= 0, a constant the forwarding space holds), by passing on
 * the exact tuple whose items are the arguments (`tuple`), or not at all. */
typedef struct call_forwarding {
    int n;
    LLVMValueRef tuple;
} call_forwarding;

/* i1: the code takes more than `n` positional parameters, no others, and its function's
 * __defaults__ supply the missing ones (defaults_cover in runtime/call.c), all fitting the
 * forwarding space. Sets *defaults to the defaults tuple. */
static LLVMValueRef defaults_cover(cg_function *cg, LLVMValueRef callee, LLVMValueRef code,
                                   int n, LLVMValueRef *defaults)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef argcount = load_i32(cg, code, offsetof(rt_code, argcount));
    LLVMValueRef kwonly = load_i32(cg, code, offsetof(rt_code, kwonlyargcount));
    LLVMValueRef flags = load_i32(cg, code, offsetof(rt_code, flags));
    LLVMValueRef star = LLVMBuildAnd(b, flags, cg_i32(cg, RT_CO_VARARGS | RT_CO_VARKEYWORDS), "");
    LLVMValueRef plain = equal(cg, LLVMBuildOr(b, kwonly, star, ""), cg_i32(cg, 0));
    LLVMValueRef more = LLVMBuildICmp(b, LLVMIntSGT, argcount, cg_i32(cg, (uint64_t)n), "");
    LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntSLE, argcount,
                                      cg_i32(cg, (uint64_t)cg->forward_words), "");
    *defaults = cg_load_field(cg, cg->u->i64, callee, offsetof(rt_function, defaults));
    LLVMValueRef some = LLVMBuildICmp(b, LLVMIntNE, *defaults, cg_i64(cg, RT_NONE), "");
    LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildAnd(b, plain, more, ""),
                                   LLVMBuildAnd(b, fits, some, ""), "");
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef sized = cg_new_block(cg, "call.defaults.size");
    LLVMBasicBlockRef decided = cg_new_block(cg, "call.defaults?");
    LLVMBuildCondBr(b, ok, sized, decided);
    LLVMPositionBuilderAtEnd(b, sized);
    LLVMValueRef size = cg_load_field(cg, cg->u->i64, *defaults, offsetof(rt_tuple, size));
    LLVMValueRef missing = LLVMBuildSub(b, LLVMBuildSExt(b, argcount, cg->u->i64, ""),
                                        cg_i64(cg, (uint64_t)n), "missing");
    LLVMValueRef enough = LLVMBuildICmp(b, LLVMIntSGE, size, missing, "");
    LLVMBuildBr(b, decided);
    LLVMPositionBuilderAtEnd(b, decided);
    return cg_phi2(cg, cg->u->i1, LLVMConstInt(cg->u->i1, 0, false), start, enough, sized);
}

/* The slots of a call short of arguments, in the forwarding space: the `n` arguments, then
 * the last argcount - n items of `defaults` — call_with_defaults' copy, as a loop. */
static LLVMValueRef defaults_slots(cg_function *cg, LLVMValueRef code, int n,
                                   LLVMValueRef args, LLVMValueRef defaults)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef space = cg->forward_space;
    for (int i = 0; i < n; i++)
        cg_store_field(cg, space, (size_t)i * sizeof(rt_value),
                       cg_load_field(cg, cg->u->i64, args, (size_t)i * sizeof(rt_value)));
    LLVMValueRef argcount =
        LLVMBuildSExt(b, load_i32(cg, code, offsetof(rt_code, argcount)), cg->u->i64, "");
    LLVMValueRef size = cg_load_field(cg, cg->u->i64, defaults, offsetof(rt_tuple, size));
    /* Slot i (n <= i < argcount) takes defaults item size - argcount + i. */
    LLVMValueRef shift = LLVMBuildSub(b, size, argcount, "");
    LLVMValueRef items = cg_field(cg, LLVMBuildIntToPtr(b, defaults, cg->u->ptr, ""),
                                  offsetof(rt_tuple, items));
    LLVMBasicBlockRef before = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef loop = cg_new_block(cg, "call.defaults.copy");
    LLVMBasicBlockRef after = cg_new_block(cg, "call.defaults.copied");
    LLVMBuildBr(b, loop);
    LLVMPositionBuilderAtEnd(b, loop);
    LLVMValueRef i = LLVMBuildPhi(b, cg->u->i64, "i");
    LLVMValueRef from = LLVMBuildGEP2(b, cg->u->i64, items, (LLVMValueRef[]){LLVMBuildAdd(b, i, shift, "")}, 1, "");
    LLVMValueRef to = LLVMBuildGEP2(b, cg->u->i64, space, &i, 1, "");
    LLVMBuildStore(b, LLVMBuildLoad2(b, cg->u->i64, from, ""), to);
    LLVMValueRef next = LLVMBuildAdd(b, i, cg_i64(cg, 1), "");
    LLVMValueRef first = cg_i64(cg, (uint64_t)n);
    LLVMAddIncoming(i, (LLVMValueRef[]){first, next}, (LLVMBasicBlockRef[]){before, loop}, 2);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, next, argcount, ""), loop, after);
    LLVMPositionBuilderAtEnd(b, after);
    return space;
}

/* The parameter slots of a call the simple test rejected, when another direct way fits:
 * a forwarding wrapper, or (a constant count) defaults filling the missing parameters.
 * Branches to `slow` when none does; otherwise adds the slots to the phi at `ready`. */
static void other_slots(cg_function *cg, LLVMValueRef callee, LLVMValueRef code,
                        LLVMValueRef compiled, LLVMValueRef args, call_forwarding fw,
                        LLVMValueRef phi, LLVMBasicBlockRef ready, LLVMBasicBlockRef slow)
{
    LLVMBasicBlockRef next = fw.n >= 0 ? cg_new_block(cg, "call.defaults?") : slow;
    LLVMValueRef ok = LLVMBuildAnd(cg->b, compiled, only_forwards(cg, code), "");
    branch(cg, ok, cg_new_block(cg, "call.wrapper"), next);
    LLVMValueRef built = fw.tuple ? tuple_slots(cg, code, fw.tuple)
                                  : forwarding_slots(cg, code, fw.n, args);
    LLVMBasicBlockRef end = LLVMGetInsertBlock(cg->b);
    LLVMAddIncoming(phi, &built, &end, 1);
    LLVMBuildBr(cg->b, ready);
    if (fw.n < 0)
        return;
    LLVMPositionBuilderAtEnd(cg->b, next);
    LLVMValueRef defaults;
    ok = LLVMBuildAnd(cg->b, compiled, defaults_cover(cg, callee, code, fw.n, &defaults), "");
    branch(cg, ok, cg_new_block(cg, "call.defaults"), slow);
    built = defaults_slots(cg, code, fw.n, args, defaults);
    end = LLVMGetInsertBlock(cg->b);
    LLVMAddIncoming(phi, &built, &end, 1);
    LLVMBuildBr(cg->b, ready);
}

/* The direct call of `callee` with `n` arguments at `args`. */
static LLVMValueRef direct_call(cg_function *cg, LLVMValueRef callee, LLVMValueRef n,
                                LLVMValueRef args, call_forwarding fw)
{
    if (cg->u->baseline) {
        LLVMValueRef call_args[5] = {cg->vm, callee, n, args, cg_i64(cg, 0)};
        return cg_call(cg, "rt_call", call_args, 5);
    }
    bool others = cg->forward_space != NULL && (fw.n >= 0 || fw.tuple != NULL);
    LLVMBasicBlockRef slow = cg_new_block(cg, "call.generic");
    LLVMBasicBlockRef ready = cg_new_block(cg, "call.ready");
    LLVMBasicBlockRef done = cg_new_block(cg, "call.done");
    LLVMValueRef code = function_code(cg, callee, slow);
    LLVMValueRef entry = cg_load_field(cg, cg->u->ptr, code, offsetof(rt_code, entry));
    LLVMValueRef compiled = LLVMBuildIsNotNull(cg->b, entry, "");
    LLVMBasicBlockRef not_simple = others ? cg_new_block(cg, "call.wrapper?") : slow;
    LLVMValueRef simple = LLVMBuildAnd(cg->b, compiled, takes_exactly(cg, code, n), "");
    LLVMBasicBlockRef simple_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildCondBr(cg->b, simple, ready, not_simple);
    LLVMPositionBuilderAtEnd(cg->b, ready);
    LLVMValueRef slots = LLVMBuildPhi(cg->b, cg->u->ptr, "slots");
    LLVMAddIncoming(slots, &args, &simple_end, 1);
    if (others) {
        LLVMPositionBuilderAtEnd(cg->b, not_simple);
        other_slots(cg, callee, code, compiled, args, fw, slots, ready, slow);
        LLVMPositionBuilderAtEnd(cg->b, ready);
    }
    LLVMValueRef depth = check_depth(cg, slow);
    LLVMValueRef back = push_frame(cg, callee, code, depth);
    LLVMValueRef direct = call_entry(cg, entry, slots, back, depth);
    LLVMBasicBlockRef direct_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    LLVMValueRef call_args[5] = {cg->vm, callee, n, args, cg_i64(cg, 0)};
    LLVMValueRef generic = cg_call(cg, "rt_call", call_args, 5);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    return cg_phi2(cg, cg->u->i64, direct, direct_end, generic, slow);
}

LLVMValueRef cg_direct_call_tuple(cg_function *cg, LLVMValueRef callee, LLVMValueRef tuple)
{
    LLVMValueRef n = cg_load_field(cg, cg->u->i64, tuple, offsetof(rt_tuple, size));
    LLVMValueRef items =
        cg_field(cg, LLVMBuildIntToPtr(cg->b, tuple, cg->u->ptr, ""), offsetof(rt_tuple, items));
    return direct_call(cg, callee, n, items, (call_forwarding){-1, tuple});
}

void cg_emit_positional_call(cg_function *cg, const ir_instr *in, LLVMValueRef callee, int n,
                             LLVMValueRef args)
{
    call_forwarding fw = {n <= cg->array_size ? n : -1, NULL};
    LLVMValueRef result = direct_call(cg, callee, cg_i64(cg, (uint64_t)n), args, fw);
    cg_check_value(cg, in, result);
    cg_store_temp(cg, in->dst, result);
}
