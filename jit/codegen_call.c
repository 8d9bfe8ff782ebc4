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
 * A callee that does not take exactly the call's arguments is still called directly when
 * rt_call_slots can lay out its parameter slots in the caller's forwarding space: defaults
 * filling missing parameters, or a decorator wrapper
 * `def w(*args, **kwargs)` that only passes both on (rt_code.forwards) — its *args tuple
 * built in that space or, under CALL_EX, the caller's own tuple passed on, its **kwargs the
 * code's shared empty dict. That is one runtime call where rt_call, rt_call_function and
 * run() were three, and keeps each call site small. Every other case, and every error
 * message, is rt_call's. */
#include <stddef.h>

#include "codegen.h"
#include "tier.h"
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

/* Continues in `yes` when `cond` holds, as expected, in `no` otherwise. */
static void branch(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef yes, LLVMBasicBlockRef no)
{
    cg_branch_hot(cg, cond, yes, no);
    LLVMPositionBuilderAtEnd(cg->b, yes);
}

/* The callee's code when it is a function object; branches to `slow` otherwise. */
static LLVMValueRef function_code(cg_function *cg, LLVMValueRef callee, LLVMBasicBlockRef slow)
{
    LLVMValueRef type = cg_object_type(cg, callee, slow);
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

/* Branches to `slow` when one more frame would pass the recursion limit or, for a call that
 * `grows_stack` (one not inlined), the C stack's reserve; rt_call then raises the
 * RecursionError. Returns the current depth. */
static LLVMValueRef check_depth(cg_function *cg, LLVMBasicBlockRef slow, bool grows_stack)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef depth = load_i32(cg, cg->vm, offsetof(rt_vm, depth));
    LLVMValueRef limit = load_i32(cg, cg->vm, offsetof(rt_vm, recursion_limit));
    LLVMValueRef deep = LLVMBuildICmp(b, LLVMIntSGE, depth, limit, "too_deep");
    if (grows_stack) {
        LLVMValueRef stack = cg_load_field(cg, cg->u->i64, cg->vm, offsetof(rt_vm, stack_limit));
        LLVMValueRef here = LLVMBuildPtrToInt(b, cg->callee_frame, cg->u->i64, "");
        deep = LLVMBuildOr(b, deep, LLVMBuildICmp(b, LLVMIntULT, here, stack, ""), "too_deep");
    }
    LLVMValueRef br = LLVMBuildCondBr(b, deep, slow, cg_new_block(cg, "call.push"));
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(b, LLVMGetSuccessor(br, 1));
    return depth;
}

/* run(): frame = {vm->frame, callee, co_firstlineno}; vm->frame = &frame; depth + 1. */
static LLVMValueRef push_frame(cg_function *cg, LLVMValueRef callee, LLVMValueRef firstlineno,
                               LLVMValueRef depth)
{
    LLVMValueRef frame = cg->callee_frame;
    LLVMValueRef back = cg_load_field(cg, cg->u->ptr, cg->vm, offsetof(rt_vm, frame));
    cg_store_field(cg, frame, offsetof(rt_frame, back), back);
    cg_store_field(cg, frame, offsetof(rt_frame, function), callee);
    cg_store_field(cg, frame, offsetof(rt_frame, line), firstlineno);
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

/* A pure wrapper's slots (RT_FORWARDS_WRAPPER) in the forwarding space: the *args tuple —
 * `tuple` passed on under CALL_EX, else the `n` arguments gathered into one built after the
 * slots — and the code's empty **kwargs. The hot decorator call, so it is inline. */
static LLVMValueRef wrapper_slots(cg_function *cg, LLVMValueRef code, int n, LLVMValueRef args,
                                  LLVMValueRef tuple)
{
    LLVMValueRef space = cg->forward_space;
    if (!tuple) {
        size_t at = 2 * sizeof(rt_value);
        cg_store_field(cg, space, at + offsetof(rt_tuple, base.type),
                       cg_ptr_const(cg, &rt_tuple_type));
        cg_store_field(cg, space, at + offsetof(rt_tuple, size), cg_i64(cg, (uint64_t)n));
        for (int i = 0; i < n; i++)
            cg_store_field(cg, space, at + offsetof(rt_tuple, items) + (size_t)i * sizeof(rt_value),
                           cg_load_field(cg, cg->u->i64, args, (size_t)i * sizeof(rt_value)));
        tuple = LLVMBuildPtrToInt(cg->b, cg_field(cg, space, at), cg->u->i64, "");
    }
    cg_store_field(cg, space, 0, tuple);
    cg_store_field(cg, space, sizeof(rt_value),
                   cg_load_field(cg, cg->u->i64, code, offsetof(rt_code, empty_kwargs)));
    return space;
}

/* wrapper_slots when the code is a pure wrapper; branches to `other` when it is not. */
static LLVMValueRef pure_wrapper_slots(cg_function *cg, LLVMValueRef code, int n, LLVMValueRef args,
                                       LLVMValueRef tuple, LLVMBasicBlockRef other)
{
    LLVMValueRef forwards = load_i32(cg, code, offsetof(rt_code, forwards));
    LLVMValueRef bit = LLVMBuildAnd(cg->b, forwards, cg_i32(cg, RT_FORWARDS_WRAPPER), "");
    branch(cg, LLVMBuildICmp(cg->b, LLVMIntNE, bit, cg_i32(cg, 0), ""),
           cg_new_block(cg, "call.wrapper"), other);
    return wrapper_slots(cg, code, n, args, tuple);
}

/* The parameter slots rt_call_slots builds in the forwarding space for any other callee it
 * can call directly (defaults filling missing parameters, a wrapper with more parameters),
 * or NULL. One call rather than inline code: compile time grows with every inline path. */
static LLVMValueRef other_slots(cg_function *cg, LLVMValueRef callee, LLVMValueRef n,
                                LLVMValueRef args, LLVMValueRef tuple)
{
    LLVMValueRef call_args[6] = {callee,
                                 n,
                                 args,
                                 tuple ? tuple : cg_i64(cg, 0),
                                 cg->forward_space,
                                 cg_i64(cg, (uint64_t)cg->forward_words)};
    return cg_call(cg, "rt_call_slots", call_args, 6);
}

/* The direct call of `callee` with `n` arguments at `args` (`nconst` when n is a constant
 * the forwarding space holds, else -1): the items of `tuple`, an exact tuple, under CALL_EX
 * (NULL otherwise). */
static LLVMValueRef direct_call(cg_function *cg, LLVMValueRef callee, LLVMValueRef n, int nconst,
                                LLVMValueRef args, LLVMValueRef tuple)
{
    if (cg->u->baseline) {
        LLVMValueRef call_args[5] = {cg->vm, callee, n, args, cg_i64(cg, 0)};
        return cg_call(cg, "rt_call", call_args, 5);
    }
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef slow = cg_new_block(cg, "call.generic");
    LLVMBasicBlockRef ready = cg_new_block(cg, "call.ready");
    LLVMBasicBlockRef done = cg_new_block(cg, "call.done");
    LLVMValueRef code = function_code(cg, callee, slow);
    LLVMValueRef entry = cg_load_field(cg, cg->u->ptr, code, offsetof(rt_code, entry));
    branch(cg, LLVMBuildIsNotNull(b, entry, ""), cg_new_block(cg, "call.compiled"), slow);
    LLVMBasicBlockRef simple_end = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef other = cg_new_block(cg, "call.other");
    LLVMValueRef inline_slots = args;
    LLVMBasicBlockRef wrapper_end = simple_end;
    if (nconst < 0 && !tuple) {
        LLVMBuildCondBr(b, takes_exactly(cg, code, n), ready, other);
    } else {
        LLVMBasicBlockRef wrapper_test = cg_new_block(cg, "call.wrapper?");
        LLVMBuildCondBr(b, takes_exactly(cg, code, n), ready, wrapper_test);
        LLVMPositionBuilderAtEnd(b, wrapper_test);
        inline_slots = pure_wrapper_slots(cg, code, nconst, args, tuple, other);
        wrapper_end = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, ready);
    }

    LLVMPositionBuilderAtEnd(b, other);
    LLVMValueRef built = other_slots(cg, callee, n, args, tuple);
    LLVMBasicBlockRef other_end = LLVMGetInsertBlock(b);
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildIsNull(b, built, ""), slow, ready);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);

    LLVMPositionBuilderAtEnd(b, ready);
    LLVMValueRef slots = LLVMBuildPhi(b, cg->u->ptr, "slots");
    LLVMValueRef values[3] = {args, built, inline_slots};
    LLVMBasicBlockRef blocks[3] = {simple_end, other_end, wrapper_end};
    LLVMAddIncoming(slots, values, blocks, wrapper_end == simple_end ? 2 : 3);
    LLVMValueRef depth = check_depth(cg, slow, true);
    LLVMValueRef back =
        push_frame(cg, callee, load_i32(cg, code, offsetof(rt_code, firstlineno)), depth);
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

/* Baseline code's call, which records the callee's code in the site's profile (tier.h). */
static LLVMValueRef profiled_call(cg_function *cg, const ir_instr *in, LLVMValueRef callee, int n,
                                  LLVMValueRef args)
{
    jit_call_site *site = jit_tier_site(cg->tier, in, true);
    if (!site) {
        cg_fail_at(cg, "out of memory for a call profile");
        return cg_i64(cg, 0);
    }
    LLVMValueRef call_args[5] = {cg->vm, callee, cg_i64(cg, (uint64_t)n), args,
                                 cg_ptr_const(cg, site)};
    return cg_call(cg, "jit_call_profiled", call_args, 5);
}

/* The known callee's parameter slots when defaults fill the `argcount - n` missing ones: the
 * arguments, then the last of the function's defaults, in the forwarding space. Branches to
 * `slow` when the defaults are fewer (rt_call raises the TypeError). */
static LLVMValueRef defaults_slots(cg_function *cg, LLVMValueRef callee, int n, int argcount,
                                   LLVMValueRef args, LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMTypeRef i64 = cg->u->i64;
    LLVMValueRef defaults = cg_load_field(cg, i64, callee, offsetof(rt_function, defaults));
    branch(cg, cg_is_object(cg, defaults), cg_new_block(cg, "known.defaults"), slow);
    LLVMValueRef size = cg_load_field(cg, i64, defaults, offsetof(rt_tuple, size));
    LLVMValueRef missing = cg_i64(cg, (uint64_t)(argcount - n));
    branch(cg, LLVMBuildICmp(b, LLVMIntSGE, size, missing, ""), cg_new_block(cg, "known.fill"),
           slow);
    LLVMValueRef skip =
        LLVMBuildMul(b, LLVMBuildSub(b, size, missing, ""), cg_i64(cg, sizeof(rt_value)), "");
    LLVMValueRef base = LLVMBuildIntToPtr(b, defaults, cg->u->ptr, "");
    LLVMValueRef first = LLVMBuildGEP2(b, LLVMInt8TypeInContext(cg->u->ctx),
                                       cg_field(cg, base, offsetof(rt_tuple, items)), &skip, 1, "");
    LLVMValueRef space = cg->forward_space;
    for (int i = 0; i < n; i++)
        cg_store_field(cg, space, (size_t)i * sizeof(rt_value),
                       cg_load_field(cg, i64, args, (size_t)i * sizeof(rt_value)));
    for (int i = n; i < argcount; i++)
        cg_store_field(cg, space, (size_t)i * sizeof(rt_value),
                       cg_load_field(cg, i64, first, (size_t)(i - n) * sizeof(rt_value)));
    return space;
}

/* The parameter slots of a call speculated on `known` (its code guarded already): a pure
 * wrapper's built in the forwarding space; under CALL_EX (`tuple`) the tuple's items when
 * it has exactly the parameters' count; the arguments, with defaults filling the missing
 * ones. Branches to `slow` when they do not fit. */
static LLVMValueRef known_slots(cg_function *cg, const cg_compiled *known, LLVMValueRef callee,
                                int n, LLVMValueRef args, LLVMValueRef tuple,
                                LLVMBasicBlockRef slow)
{
    int argcount = known->ir->scope->argcount;
    if (known->code->forwards & RT_FORWARDS_WRAPPER)
        return wrapper_slots(cg, cg_ptr_const(cg, known->code), n, args, tuple);
    if (tuple) {
        LLVMValueRef size = cg_load_field(cg, cg->u->i64, tuple, offsetof(rt_tuple, size));
        branch(cg, equal(cg, size, cg_i64(cg, (uint64_t)argcount)), cg_new_block(cg, "known.fits"),
               slow);
        return args;
    }
    return argcount > n ? defaults_slots(cg, callee, n, argcount, args, slow) : args;
}

/* The codes a site is speculated on (cg_known_callees): their copies' indices in
 * u->functions, and whether they are all the site has seen. */
typedef struct known_set {
    int copies[2];
    int count;
    bool complete;
} known_set;

/* One speculated path: the callee's code is `known`'s; its frame pushed and the copy called
 * directly. Appends the result and its block to `values` / `blocks`. */
static void known_path(cg_function *cg, const cg_compiled *known, LLVMValueRef callee, int n,
                       LLVMValueRef args, LLVMValueRef tuple, LLVMBasicBlockRef slow,
                       LLVMBasicBlockRef done, LLVMValueRef *values, LLVMBasicBlockRef *blocks)
{
    LLVMValueRef slots = known_slots(cg, known, callee, n, args, tuple, slow);
    /* An inlined copy runs in its caller's C frame: only the recursion limit is checked. */
    LLVMValueRef depth = check_depth(cg, slow, !cg_known_inlines(known->ir));
    LLVMValueRef back = push_frame(cg, callee, cg_i32(cg, known->code->firstlineno), depth);
    *values = call_entry(cg, known->llvm_fn, slots, back, depth);
    *blocks = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
}

/* The call speculated on the codes of `set` (codegen_known.c): when the callee is a function
 * of one of them, its path; otherwise rt_call or, when the site has seen codes the set lacks,
 * the ordinary direct call. `n` arguments at `args`, or under CALL_EX the items of `tuple`
 * (n is then its size). */
static LLVMValueRef known_call(cg_function *cg, const known_set *set, LLVMValueRef callee, int n,
                               LLVMValueRef args, LLVMValueRef tuple)
{
    LLVMValueRef count = tuple ? cg_load_field(cg, cg->u->i64, tuple, offsetof(rt_tuple, size))
                               : cg_i64(cg, (uint64_t)n);
    LLVMBasicBlockRef slow = cg_new_block(cg, "known.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "call.done");
    LLVMValueRef type = cg_object_type(cg, callee, slow);
    branch(cg, equal(cg, type, cg_ptr_const(cg, &rt_function_type)),
           cg_new_block(cg, "known.function"), slow);
    LLVMValueRef code = cg_load_field(cg, cg->u->ptr, callee, offsetof(rt_function, code));
    LLVMValueRef values[3];
    LLVMBasicBlockRef blocks[3];
    for (int i = 0; i < set->count; i++) {
        const cg_compiled *known = &cg->u->functions[set->copies[i]];
        LLVMBasicBlockRef path = cg_new_block(cg, "known.code");
        LLVMBasicBlockRef next = cg_new_block(cg, "known.next");
        LLVMValueRef same = equal(cg, code, cg_ptr_const(cg, known->code));
        if (set->count == 1)
            cg_branch_hot(cg, same, path, next);
        else
            LLVMBuildCondBr(cg->b, same, path, next);
        LLVMPositionBuilderAtEnd(cg->b, path);
        known_path(cg, known, callee, n, args, tuple, slow, done, &values[i], &blocks[i]);
        LLVMPositionBuilderAtEnd(cg->b, next);
    }
    LLVMBuildBr(cg->b, slow);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    if (set->complete) {
        LLVMValueRef call_args[5] = {cg->vm, callee, count, args, cg_i64(cg, 0)};
        values[set->count] = cg_call(cg, "rt_call", call_args, 5);
    } else {
        values[set->count] = direct_call(cg, callee, count, n, args, tuple);
    }
    blocks[set->count] = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->u->i64, "");
    LLVMAddIncoming(phi, values, blocks, (unsigned)set->count + 1);
    return phi;
}

/* The known callees a site can be speculated on, if any: their defaults must fit the
 * forwarding space. `n` < 0: a CALL_EX's tuple. */
static bool known_for(cg_function *cg, const ir_instr *in, int n, known_set *set)
{
    if (cg->u->baseline)
        return false;
    int found[2];
    bool complete;
    int count = cg_known_callees(cg, in, n, found, &complete);
    *set = (known_set){.complete = complete};
    for (int i = 0; i < count; i++) {
        const scope *s = cg->u->functions[found[i]].ir->scope;
        if (n >= 0 && s->argcount > n && s->argcount > cg->forward_words)
            set->complete = false;
        else
            set->copies[set->count++] = found[i];
    }
    return set->count > 0;
}

LLVMValueRef cg_direct_call_tuple(cg_function *cg, const ir_instr *in, LLVMValueRef callee,
                                  LLVMValueRef tuple)
{
    LLVMValueRef items =
        cg_field(cg, LLVMBuildIntToPtr(cg->b, tuple, cg->u->ptr, ""), offsetof(rt_tuple, items));
    known_set set;
    if (known_for(cg, in, -1, &set))
        return known_call(cg, &set, callee, -1, items, tuple);
    LLVMValueRef n = cg_load_field(cg, cg->u->i64, tuple, offsetof(rt_tuple, size));
    return direct_call(cg, callee, n, -1, items, tuple);
}

void cg_emit_positional_call(cg_function *cg, const ir_instr *in, LLVMValueRef callee, int n,
                             LLVMValueRef args)
{
    LLVMValueRef result;
    known_set set;
    if (known_for(cg, in, n, &set))
        result = known_call(cg, &set, callee, n, args, NULL);
    else if (cg->u->baseline && cg->tier)
        result = profiled_call(cg, in, callee, n, args);
    else /* n <= array_size: a wrapper's tuple fits the forwarding space (4 + array_size) */
        result = direct_call(cg, callee, cg_i64(cg, (uint64_t)n), n, args, NULL);
    cg_check_value(cg, in, result);
    cg_store_temp(cg, in->dst, result);
}
