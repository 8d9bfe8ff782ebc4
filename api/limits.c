/* Limits for untrusted scripts: a step budget, a memory limit and interrupts, all checked at
 * one place. When any is configured the JIT compiles safepoints (jit/safepoint.c): each
 * function entry and loop iteration decrements vm->rt->countdown, and when it runs out the
 * code calls api_safepoint, which settles the steps spent against the budget, checks the
 * interrupt flag and the heap, and grants the next CELLAR_SAFEPOINT_INTERVAL steps — Lua's
 * count hook, at the cost of one decrement and one branch per step.
 *
 * The memory limit is approximate by design: the collector's heap is shared by the process,
 * allocation sites cannot raise (they have no VM), so the figure is the collector's bytes in
 * use (GC_get_memory_use, after a full collection when it looks over the limit) read at
 * safepoints. A script can overshoot by what it allocates within one interval, and a single
 * huge allocation inside one builtin call is not stopped before it happens. */
#define GC_THREADS
#include <gc.h>

#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "exception.h"

/* Counts the steps spent since the last grant against the budget. */
static void settle(cellar_vm *vm)
{
    int64_t used = vm->granted - vm->rt->countdown;
    vm->granted = vm->rt->countdown = 0;
    if (vm->steps_left != INT64_MAX)
        vm->steps_left -= used;
}

static void grant(cellar_vm *vm)
{
    int64_t n = CELLAR_SAFEPOINT_INTERVAL;
    if (vm->steps_left < n)
        n = vm->steps_left > 0 ? vm->steps_left : 0;
    vm->granted = vm->rt->countdown = n;
}

/* StepBudgetExceeded: a BaseException subclass of this VM's own, so `except Exception` does
 * not swallow it and no script can name it. */
static rt_type *budget_type_new(void)
{
    rt_type *t = malloc(sizeof *t);
    if (t) {
        memcpy(t, &rt_keyboard_interrupt_type, sizeof *t);
        t->name = "StepBudgetExceeded";
        t->base_type = &rt_base_exception_type;
    }
    return t;
}

void api_limits_init(cellar_vm *vm)
{
    const cellar_config *c = &vm->config;
    vm->safepoints = c->memory_limit > 0 || c->step_budget > 0 || c->interruptible;
    vm->steps_left = c->step_budget > 0 ? c->step_budget : INT64_MAX;
    vm->rt->safepoints = vm->safepoints;
    vm->rt->safepoint = api_safepoint;
    vm->rt->countdown = vm->safepoints ? 0 : INT64_MAX;
    vm->granted = 0;
    if (vm->safepoints)
        vm->budget_type = budget_type_new();
}

void api_limits_refresh(cellar_vm *vm)
{
    if (vm->safepoints) {
        settle(vm);
        grant(vm);
    }
}

/* The heap's bytes in use, collecting first when they look over the limit. */
static bool over_memory_limit(cellar_vm *vm)
{
    size_t limit = vm->config.memory_limit;
    if (limit == 0 || GC_get_memory_use() <= limit)
        return false;
    GC_gcollect();
    return GC_get_memory_use() > limit;
}

int api_safepoint(rt_vm *rt)
{
    cellar_vm *vm = rt->host;
    settle(vm);
    if (atomic_exchange(&vm->interrupt, false)) {
        rt_raise_msg(rt, &rt_keyboard_interrupt_type, "");
        return -1;
    }
    if (vm->steps_left < 0) {
        vm->steps_left = 0; /* spent: every later step lands here and raises again */
        rt_raise_format(rt, vm->budget_type ? vm->budget_type : &rt_runtime_error_type,
                        "step budget of the VM exceeded");
        return -1;
    }
    if (over_memory_limit(vm)) {
        grant(vm);
        rt_raise_format(rt, &rt_memory_error_type, "memory limit of %zu bytes exceeded",
                        vm->config.memory_limit);
        return -1;
    }
    grant(vm);
    return 0;
}

cellar_status cellar_set_step_budget(cellar_vm *vm, int64_t steps)
{
    api_begin(vm);
    if (!vm->safepoints)
        return api_misuse(vm, "cellar_set_step_budget: the VM was created without limits, so "
                              "its code has no step checks");
    vm->steps_left = steps > 0 ? steps : 0;
    vm->granted = vm->rt->countdown = 0;
    grant(vm);
    return CELLAR_OK;
}

int64_t cellar_steps_left(const cellar_vm *vm)
{
    if (vm->steps_left == INT64_MAX)
        return INT64_MAX;
    int64_t left = vm->steps_left - (vm->granted - vm->rt->countdown);
    return left > 0 ? left : 0;
}

void cellar_interrupt(cellar_vm *vm) { atomic_store(&vm->interrupt, true); }

void cellar_collect(cellar_vm *vm)
{
    (void)vm;
    GC_gcollect();
}

size_t cellar_heap_bytes(const cellar_vm *vm)
{
    (void)vm;
    return GC_get_memory_use();
}
