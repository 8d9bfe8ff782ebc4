/* The JIT: turns an IR module into native code. codegen.c lowers IR to LLVM IR through the C
 * API; jit.c optimises it with the new pass manager and hands it to an ORC LLJIT whose dylib
 * defines the runtime's entry points explicitly (symbols.c). One jit per VM. */
#ifndef CELLAR_JIT_H
#define CELLAR_JIT_H

#include <stdbool.h>

#include "ir.h"
#include "value.h"

typedef struct jit jit;

/* opt_level 0..3 (clamped): the pass pipeline default<On> and the code generator's level.
 * Sets vm->jit when it is NULL. NULL with *error (malloc'd) set when LLVM cannot be
 * initialised. */
jit *jit_new(rt_vm *vm, int opt_level, char **error);
/* Frees the jit and its compiled code, clearing the entry of every code object it compiled
 * (calling one afterwards raises RuntimeError). Free the jit before its VM. */
void jit_free(jit *j);

/* Compiles every function of `m`, creating its code objects, and returns the module body as a
 * function object (no parameters, globals = vm->globals) ready for rt_call_function. When
 * `llvm_ir` is not NULL it receives the optimised LLVM IR as text (malloc'd). On failure returns
 * 0 and sets *error (malloc'd); no exception is left pending. */
rt_value jit_compile_module(jit *j, const ir_module *m, char **llvm_ir, char **error);

/* Turns tiered compilation on for -O1 and above (tier.h): modules compile to baseline code,
 * and hot functions are optimised later, from their IR. The caller must then keep every
 * ir_module it compiles alive for as long as the jit. jit_compile_module with `llvm_ir` still
 * compiles the whole module at the jit's level, so the dump shows optimised code. */
void jit_enable_tiering(jit *j);

struct jit_tiered;
/* Compiles `t`'s function alone at the jit's level: its entry, installed in its code object,
 * or, when osr_block >= 0, its entry resuming at that block (tier.c). `globals` are those of
 * the activation that asked (0: unknown): the global caches are filled from them at compile
 * time (codegen_global.c). false with *error (malloc'd) set on failure. */
bool jit_optimise_function(jit *j, struct jit_tiered *t, int osr_block, rt_value globals,
                           char **error);

/* Seconds the last jit_compile_module spent building the LLVM IR, verifying it, optimising
 * it, and generating and linking machine code (`cellar --time`). */
typedef struct jit_timings {
    double build, verify, optimise, codegen;
} jit_timings;
void jit_last_timings(const jit *j, jit_timings *out);

#endif
