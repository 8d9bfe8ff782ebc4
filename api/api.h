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

/* The handle table. A handle is (generation << 32) | (slot + 1); a live slot holds its value
 * and an odd generation, a free one 0 and an even generation, so releasing (which bumps the
 * generation) makes a stale handle fail every later check; generations start at a seed of
 * the VM's own, so a handle of another VM is rejected too (but for a 1 in 2**31 chance). Free
 * slots wait on a stack of
 * indices: taking and giving back a handle then depends on nothing but the stack's top, which
 * keeps the generic call path free of a chain of dependent loads. */
typedef struct api_handles {
    rt_value *values;      /* GC memory, reachable from the VM: what keeps values alive */
    uint32_t *generations; /* malloc'd, one per slot */
    uint32_t *free;        /* malloc'd: indices of the free slots */
    uint32_t capacity, nfree;
    uint32_t seed; /* even: where this VM's generations start, so another VM's handles miss */
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
 * bounds, safepoint countdown). Inline: every generic call goes through them. */
void api_enter_outermost(cellar_vm *vm);

static inline void api_enter(cellar_vm *vm)
{
    if (vm->depth++ == 0)
        api_enter_outermost(vm);
}

static inline void api_leave(cellar_vm *vm)
{
    if (--vm->depth == 0)
        vm->in_flight = 0;
}

/* ---- handles (values.c) ---- */

/* The value behind a live handle, or false (no error set). Live slots carry an odd
 * generation, free ones an even one. */
static inline bool api_lookup(const cellar_vm *vm, cellar_value h, rt_value *out)
{
    const api_handles *t = &vm->handles;
    uint32_t i = (uint32_t)(h.id & 0xffffffffu) - 1, g = (uint32_t)(h.id >> 32);
    if (i >= t->capacity || t->generations[i] != g || (g & 1) == 0)
        return false;
    *out = t->values[i];
    return true;
}

/* Reports a dead handle (named by `what`) as CELLAR_API_ERROR. */
cellar_status api_dead_handle(cellar_vm *vm, const char *what);

/* The value behind `h`, or CELLAR_API_ERROR for a dead handle. */
static inline cellar_status api_get(cellar_vm *vm, cellar_value h, const char *what, rt_value *out)
{
    return api_lookup(vm, h, out) ? CELLAR_OK : api_dead_handle(vm, what);
}

/* Makes room for more handles (doubling the table); aborts when out of memory, as the
 * allocator does. */
void api_handles_grow(api_handles *t);

/* A new handle for `v` (never id 0). */
static inline cellar_value api_handle(cellar_vm *vm, rt_value v)
{
    api_handles *t = &vm->handles;
    if (t->nfree == 0)
        api_handles_grow(t);
    uint32_t i = t->free[--t->nfree];
    t->values[i] = v;
    uint32_t g = ++t->generations[i];
    return (cellar_value){((uint64_t)g << 32) | (i + 1)};
}

/* Reports a NULL result pointer as CELLAR_API_ERROR. */
cellar_status api_null_out(cellar_vm *vm);

/* Stores a new handle for `v` in *out: CELLAR_OK, or CELLAR_API_ERROR when out is NULL. */
static inline cellar_status api_out(cellar_vm *vm, rt_value v, cellar_value *out)
{
    if (!out)
        return api_null_out(vm);
    *out = api_handle(vm, v);
    return CELLAR_OK;
}
void api_handles_free(api_handles *t);
/* Whether the n bytes at s are UTF-8 as Python's strict decoder reads it. */
bool api_utf8_valid(const char *s, size_t n);

/* Reports the dead handle items[i] (or a NULL array) as CELLAR_API_ERROR. */
cellar_status api_dead_item(cellar_vm *vm, size_t i, const cellar_value *items);

/* Copies `n` handles' values into `values`; CELLAR_API_ERROR at the first dead one. */
static inline cellar_status api_get_array(cellar_vm *vm, size_t n, const cellar_value *items,
                                          rt_value *values)
{
    if (n > 0 && !items)
        return api_dead_item(vm, 0, items);
    for (size_t i = 0; i < n; i++)
        if (!api_lookup(vm, items[i], &values[i]))
            return api_dead_item(vm, i, items);
    return CELLAR_OK;
}

/* ---- limits (limits.c) ---- */

/* Sets up safepoints from the config (before any code is compiled). */
void api_limits_init(cellar_vm *vm);
/* Gives the countdown its next allowance at the start of an outermost call (when the VM has
 * safepoints). */
void api_limits_refresh(cellar_vm *vm);
/* The safepoint hook compiled code calls when the countdown runs out: 0, or -1 raised. */
int api_safepoint(rt_vm *rt);

/* ---- typed entry points (typed.c, specialise.c) ---- */

void api_typed_free(cellar_vm *vm);
/* The ir_function whose code object is `code`, from the kept modules; NULL when none. */
const ir_function *api_find_ir(const cellar_vm *vm, const rt_code *code);

#endif
