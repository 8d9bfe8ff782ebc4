/* Internal to the embedding API: the cellar_vm every api/ file shares, and the helpers that
 * keep one error protocol across them. Files: cellar.c (the VM, running code, errors),
 * values.c (handles and values), calls.c (globals and calls), host.c (host functions),
 * limits.c (step budget, memory limit, interrupts), typed.c and specialise.c (typed entry
 * points). Nothing here is visible outside libcellar. */
#ifndef CELLAR_API_INTERNAL_H
#define CELLAR_API_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>

#include "arena.h"
#include "cellar.h"
#include "function.h"
#include "ir.h"
#include "value.h"
#include "vm.h"

typedef struct jit jit;
typedef struct api_typed api_typed; /* typed.c's LLVM state, created on first use */

/* The IR of one cellar_exec_* call, kept so typed entry points can specialise its functions
 * later (specialise.c); it lives as long as the VM. */
typedef struct api_kept_ir {
    arena arena;
    ir_module *ir;
    /* The items of vm->rt->constants its compilation added, which include its code objects. */
    int64_t constants_start, constants_end;
} api_kept_ir;

/* The handle table. Slot i holds a value while live, and otherwise the next free slot's index
 * as a small int (which the collector ignores). A handle is (generation << 32) | (i + 1);
 * releasing bumps the slot's generation, so a stale handle never matches again. */
typedef struct api_handles {
    rt_value *values;      /* GC memory, reachable from the VM: what keeps values alive */
    uint32_t *generations; /* malloc'd, one per slot */
    uint32_t capacity, live;
    uint32_t free_head; /* index + 1 of the first free slot, 0 when none */
} api_handles;

/* Allocated as uncollectable GC memory: the collector scans it, so the rt_values in it (and
 * the handle table it points to) are roots. */
struct cellar_vm {
    cellar_config config;
    rt_vm *rt;
    jit *jit;

    /* The last error: status, strings (malloc'd, NULL reads as ""), exit status. */
    cellar_status error_status;
    char *error_type, *error_message, *error_report;
    int exit_status;
    /* Inside a host function, the exception a failed call raised: the trampoline raises it
     * again when the host function returns a failure status (host.c). */
    rt_value in_flight;

    api_handles handles;

    /* API calls running Python code (host functions nest them); 0 = nothing running. */
    int depth;
    pthread_t thread;       /* the thread of the last outermost call, for stack bounds */
    bool registered_thread; /* cellar_vm_new registered its thread with the collector */

    /* limits.c */
    bool safepoints;       /* code is compiled with step checks */
    int64_t steps_left;    /* budget left at the last safepoint; INT64_MAX when none */
    int64_t granted;       /* the steps the countdown was last given */
    atomic_bool interrupt; /* cellar_interrupt asked for a KeyboardInterrupt */
    rt_type *budget_type;  /* StepBudgetExceeded, this VM's own BaseException subclass */

    api_kept_ir *kept; /* every module's IR, for specialisation */
    size_t nkept, kept_capacity;

    api_typed *typed;     /* typed.c */
    rt_value typed_roots; /* list: functions and constants typed entry points refer to */
    bool typed_specialised;
    const char *typed_reason;

    cellar_timings timings;
};

/* ---- errors (cellar.c) ---- */

/* Starts a call that returns a status: forgets the previous error. */
static inline void api_begin(cellar_vm *vm)
{
    if (vm->error_status != CELLAR_OK)
        cellar_clear_error(vm);
}

/* Takes the exception pending in the runtime as the call's failure. At the outermost level
 * it becomes the VM's error (strings and report) and is dropped; inside a host function it
 * is also kept in vm->in_flight for the trampoline to raise again. Returns `status`. */
cellar_status api_fail(cellar_vm *vm, cellar_status status);
/* The host misused the API: raises SystemError(message) and fails with CELLAR_API_ERROR. */
cellar_status api_misuse(cellar_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Records an error with no exception behind it (compile errors, I/O). */
cellar_status api_set_error(cellar_vm *vm, cellar_status status, const char *type,
                            const char *message, char *report, int exit_status);

/* Brackets a call that runs Python code: bookkeeping for the outermost one (thread, stack
 * bounds, safepoint countdown). */
void api_enter(cellar_vm *vm);
void api_leave(cellar_vm *vm);

/* ---- handles (values.c) ---- */

/* The value behind a live handle, or false (no error set). */
bool api_lookup(const cellar_vm *vm, cellar_value h, rt_value *out);
/* The value behind `h`, or CELLAR_API_ERROR for a dead handle (named by `what`). */
cellar_status api_get(cellar_vm *vm, cellar_value h, const char *what, rt_value *out);
/* A new handle for `v` (not 0). */
cellar_value api_handle(cellar_vm *vm, rt_value v);
/* Stores a new handle for `v` in *out: CELLAR_OK, or CELLAR_API_ERROR when out is NULL. */
cellar_status api_out(cellar_vm *vm, rt_value v, cellar_value *out);
void api_handles_free(api_handles *t);
/* Whether the n bytes at s are UTF-8 as Python's strict decoder reads it. */
bool api_utf8_valid(const char *s, size_t n);

/* Copies `n` handles' values into `values`; CELLAR_API_ERROR at the first dead one. */
cellar_status api_get_array(cellar_vm *vm, size_t n, const cellar_value *items, rt_value *values);

/* ---- limits (limits.c) ---- */

/* Sets up safepoints from the config (before any code is compiled). */
void api_limits_init(cellar_vm *vm);
/* Gives the countdown its next allowance at the start of an outermost call. */
void api_limits_refresh(cellar_vm *vm);
/* The safepoint hook compiled code calls when the countdown runs out: 0, or -1 raised. */
int api_safepoint(rt_vm *rt);

/* ---- typed entry points (typed.c, specialise.c) ---- */

void api_typed_free(cellar_vm *vm);
/* The ir_function whose code object is `code`, from the kept modules; NULL when none. */
const ir_function *api_find_ir(const cellar_vm *vm, const rt_code *code);

#endif
