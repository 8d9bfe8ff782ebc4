/* Safepoints: the step checks compiled into code when the VM asks for them (vm->safepoints,
 * set by the embedding API for step budgets, memory limits and interrupts). Internal to the
 * JIT: codegen.c calls the two emitters, symbols.c exports jit_safepoint to generated code. */
#ifndef CELLAR_JIT_SAFEPOINT_H
#define CELLAR_JIT_SAFEPOINT_H

#include "codegen.h"

/* At the end of a function's prologue: one step for entering the function. */
void cg_safepoint_entry(cg_function *cg);
/* At the start of block `index`: one step per loop iteration when a back edge enters it. */
void cg_safepoint_block(cg_function *cg, int index);

/* What the check calls when vm->countdown drops below zero: the VM's hook grants more steps
 * (0) or raises (-1). */
int jit_safepoint(rt_vm *vm);

#endif
