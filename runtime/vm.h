/* The VM: everything one interpreter instance owns. There is no other mutable state anywhere in
 * the runtime, so two VMs in one process never see each other. Also the frame record that
 * every call of a compiled function pushes, which tracebacks are made from. */
#ifndef CELLAR_VM_H
#define CELLAR_VM_H

#include <stdio.h>

#include "value.h"

typedef struct rt_function rt_function;

/* One activation of a compiled function. It lives on the C stack of rt_call_function; the
 * generated code only writes `line` (before each operation that can fail). */
typedef struct rt_frame {
    struct rt_frame *back;
    rt_function *function;
    int32_t line;
} rt_frame;

/* Where print() and the traceback printer send text. */
typedef void (*rt_write_fn)(void *user_data, const char *text, size_t len);

/* CPython's default; deeper recursion raises RecursionError instead of overflowing. */
enum { RT_DEFAULT_RECURSION_LIMIT = 1000 };

struct rt_vm {
    rt_value pending;  /* the exception being propagated, or 0 */
    rt_value handling; /* the exception an `except` block is handling (bare raise, __context__) */
    rt_frame *frame;   /* innermost active frame */
    int depth;
    int recursion_limit;

    rt_value builtins; /* dict: the builtins module's namespace */
    rt_value modules;  /* dict: name -> module (sys.modules) */
    rt_value main;     /* the __main__ module */
    rt_value globals;  /* dict: __main__'s namespace */
    rt_value interned; /* dict: str -> the one interned str with that text */
    rt_value sources;  /* dict: filename -> list of source lines, for tracebacks */

    rt_write_fn write_out; /* print() */
    rt_write_fn write_err; /* tracebacks, warnings */
    void *user_data;

    /* list: objects that compiled code refers to by address (code objects, constants). JIT'd
     * memory is not scanned by the GC, so this list is what keeps them alive. */
    rt_value constants;
    void *jit;  /* the JIT's state for this VM (jit.h), opaque to the runtime */
    void *host; /* the embedding layer's own state (cellar_vm), opaque to the runtime */

    /* Added by the vm.c owner: the lowest C stack address calls may reach before they raise
     * RecursionError instead of overflowing (computed by the first call of a compiled
     * function; 0 = not yet known). A VM is used from one thread. */
    uintptr_t stack_limit;

    /* Added by the containers owner (ops.c): list of the containers whose repr is in
     * progress, so a self-containing list prints as [...] (CPython's Py_ReprEnter). 0 until
     * first needed. */
    rt_value repr_active;

    /* Added by the embedding owner (api/limits.c, jit/safepoint.c). When `safepoints` is set
     * while a module is compiled, its code decrements `countdown` at every function entry and
     * loop iteration and, once it drops below zero, calls `safepoint(vm)`, which grants more
     * steps (0) or raises (-1: step budget spent, interrupt, memory limit). */
    bool safepoints;
    int64_t countdown;
    int (*safepoint)(rt_vm *vm);
};

/* Creates a VM with builtins and built-in modules registered. NULL only when out of memory. */
rt_vm *rt_vm_new(void);
/* Releases what the VM keeps alive; the VM must not be used afterwards. */
void rt_vm_free(rt_vm *vm);

/* Writes to the VM's standard output / error streams. */
void rt_write_out(rt_vm *vm, const char *text, size_t len);
void rt_write_err(rt_vm *vm, const char *text, size_t len);

/* Added by the vm.c owner. Runs fn(arg) on a new thread with a C stack of `stack_size` bytes
 * (registered with the collector) and waits for it; *result gets fn's return value. Deep
 * recursion needs C stack (a compiled call uses some 200 bytes), so an embedder that wants
 * CPython 3.11's behaviour under sys.setrecursionlimit(10**6) runs the program through this
 * with, say, 1 GiB (address space only; pages are touched as the stack grows). 0 / -1. */
int rt_run_with_stack(size_t stack_size, void *(*fn)(void *), void *arg, void **result);

/* Remembers a program's text so tracebacks can quote its lines. */
void rt_vm_add_source(rt_vm *vm, const char *filename, const char *source, size_t len);

#endif
