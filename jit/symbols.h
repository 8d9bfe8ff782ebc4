/* The runtime entry points generated code may call. One table gives each function's C name,
 * its address and its LLVM signature: jit.c defines the names as absolute symbols in the
 * LLJIT's main dylib, codegen.c declares them in every module it builds. Nothing else is
 * visible to JIT'd code, so a missing entry fails at link time instead of resolving to
 * whatever the process happens to export. */
#ifndef CELLAR_JIT_SYMBOLS_H
#define CELLAR_JIT_SYMBOLS_H

#include <llvm-c/LLJIT.h>

/* Any function pointer; converting between function pointer types is well defined in C. */
typedef void (*jit_address)(void);

typedef struct jit_symbol {
    const char *name;
    jit_address address;
    /* Return type, then one character per parameter:
     *   v  rt_value (i64)      p  pointer (rt_vm *, const rt_value *, rt_code *)
     *   i  int / enum (i32)    z  size_t (i64)        0  void (as a return type)
     * and a final '.' for a variadic function (its extra arguments are i64 or pointers). */
    const char *signature;
} jit_symbol;

extern const jit_symbol jit_symbols[];
extern const int jit_nsymbols;

/* Index of `name` in jit_symbols, or -1. */
int jit_symbol_index(const char *name);
/* Defines every table entry in `lljit`'s main JITDylib; NULL on success. */
LLVMErrorRef jit_define_symbols(LLVMOrcLLJITRef lljit);

#endif
