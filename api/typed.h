/* Internal to typed entry points: the parsed C signature, and the specialiser's interface.
 * typed.c owns the LLVM state, the wrapper every entry point gets and the generic path;
 * specialise.c compiles a function body for the declared types when it can. */
#ifndef CELLAR_API_TYPED_H
#define CELLAR_API_TYPED_H

#include <llvm-c/Core.h>

#include "api.h"
#include "function.h"

typedef enum typed_kind { TYPED_INT64, TYPED_DOUBLE } typed_kind;

typedef struct typed_signature {
    int nparams;
    typed_kind params[CELLAR_TYPED_MAX_PARAMS];
    typed_kind result;
} typed_signature;

/* What the specialised body is, for the wrapper that calls it:
 *   T fast(P1 .. Pn, ptr status [, i32 depth when recursive])
 * *status (i8) is left 0 on success, set to TYPED_DEOPT when the call must start over on the
 * generic path, or TYPED_RAISED when a safepoint raised (the exception is pending). */
enum { TYPED_DONE = 0, TYPED_DEOPT = 1, TYPED_RAISED = 2 };

/* The most globals a fast path may rely on (the function's own names, range). */
enum { TYPED_MAX_GUARDS = 4 };

typedef struct typed_fast {
    LLVMValueRef fn;
    bool recursive;  /* calls itself through a global name: passes a depth */
    bool uses_range; /* iterates over range() */
    /* The wrapper checks before each call that these globals still are what the fast path
     * took them for: the function itself, or (guard_range) absent so range is the builtin. */
    rt_value guard_names[TYPED_MAX_GUARDS]; /* interned strs */
    bool guard_range[TYPED_MAX_GUARDS];
    int nguards;
} typed_fast;

/* The LLVM types both files use. */
typedef struct typed_types {
    LLVMContextRef ctx;
    LLVMTypeRef i1, i8, i32, i64, f64, ptr;
} typed_types;

LLVMTypeRef typed_llvm_type(const typed_types *t, typed_kind k);

/* Compiles `ir` (the body of `function`) specialised to `sig` into `module` as `name`. false
 * with *reason (a static string) when the body cannot be, which is not an error: the entry
 * point then takes the generic path on every call. */
bool typed_specialise(cellar_vm *vm, rt_function *function, const ir_function *ir,
                      const typed_signature *sig, const typed_types *types, LLVMModuleRef module,
                      const char *name, typed_fast *out, const char **reason);

#endif
