/* The JIT driver: one ORC LLJIT per jit, fed one LLVM module per compiled IR module.
 *
 *   ir_module ─cg_module─▶ LLVM module ─verify─▶ ─default<On>─▶ ─LLJIT add─▶ lookup entries
 *                            (codegen.c)  (CELLAR_VERIFY_IR)  (new PM)      (ORC, JITLink)
 *
 * verify    LLVMVerifyModule on the unoptimised module, so a codegen bug is reported against
 *           the IR it produced rather than as a crash somewhere in the optimiser.
 * optimise  The new pass manager's default pipeline at the jit's level, with a target machine
 *           for the host so cost models match the code ORC will generate.
 * link      The module goes to the main JITDylib, where symbols.c has defined the runtime
 *           entry points as absolute symbols; looking up each function compiles the module
 *           and gives the address stored in its code object.
 *
 * All LLVM state belongs to the jit; the only process-wide state is LLVM's one-time native
 * target initialisation. */
#include "jit.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "codegen.h"
#include "function.h"
#include "global_cache.h"
#include "symbols.h"
#include "vm.h"

struct jit {
    rt_vm *vm;
    int opt_level;
    LLVMOrcLLJITRef lljit;
    LLVMOrcThreadSafeContextRef context; /* every module this jit builds lives in it */
    LLVMTargetMachineRef machine;        /* for the optimiser's target information */
    unsigned long name_counter;          /* makes LLVM function names unique per jit */
    /* Every code object whose entry points into this jit's memory (rooted by vm->constants):
     * jit_free clears those entries so a call after it raises instead of jumping into freed
     * code. */
    rt_code **codes;
    size_t ncodes, codes_capacity;
    jit_cache_blocks caches; /* the global caches compiled code points at */
    jit_timings timings;     /* of the last jit_compile_module */
};

/* ---- timing ---- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Adds the seconds since *mark to *phase and moves the mark. */
static void lap(double *phase, double *mark)
{
    double now = now_seconds();
    *phase += now - *mark;
    *mark = now;
}

void jit_last_timings(const jit *j, jit_timings *out) { *out = j->timings; }

/* ---- errors ---- */

static char *format_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format_error(const char *fmt, ...)
{
    char *out = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&out, fmt, ap) < 0)
        out = NULL;
    va_end(ap);
    return out ? out : strdup("out of memory");
}

/* Consumes `err`, returning "what: message" as a malloc'd string. */
static char *take_error(LLVMErrorRef err, const char *what)
{
    char *message = LLVMGetErrorMessage(err);
    char *out = format_error("%s: %s", what, message);
    LLVMDisposeErrorMessage(message);
    return out;
}

/* ---- creation ---- */

static pthread_once_t targets_once = PTHREAD_ONCE_INIT;
static bool targets_ok;

static void init_targets(void)
{
    targets_ok = !LLVMInitializeNativeTarget() && !LLVMInitializeNativeAsmPrinter();
}

/* The machine-code level per -O level. -O1 pairs the optimised IR with the fast instruction
 * selector and register allocator: on the golden corpus the backend at "Less" costs about 7x
 * the time of "None" (14 ms against 2 ms a module) and dominates compilation, while the code,
 * mostly runtime calls, gains little from it. */
static LLVMCodeGenOptLevel codegen_level(int opt_level)
{
    static const LLVMCodeGenOptLevel levels[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelNone,
                                                 LLVMCodeGenLevelDefault,
                                                 LLVMCodeGenLevelAggressive};
    return levels[opt_level];
}

/* The CPU to generate code for: the x86-64 micro-architecture level the host supports rather
 * than its exact model and feature list. LLVM turns a full feature string into a subtarget
 * slowly (some 4 million instructions per target machine, 18% of an empty program's run,
 * paid by each of the jit's machines), and the generated code — calls, compares, tagged
 * arithmetic — runs no faster with the host's exact features (docs/performance.md). */
static const char *portable_cpu(void)
{
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
    __builtin_cpu_init();
    if (__builtin_cpu_supports("x86-64-v3"))
        return "x86-64-v3";
    if (__builtin_cpu_supports("x86-64-v2"))
        return "x86-64-v2";
    return "x86-64";
#else
    return NULL; /* elsewhere the host's own name and features */
#endif
}

/* A machine for the host. PIC and the small code model are what LLJIT configures for JITLink
 * on ELF, so the optimiser and ORC's code generator agree. */
static LLVMTargetMachineRef host_machine(int opt_level, char **error)
{
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *message = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &message)) {
        *error = format_error("cannot find the LLVM target for this host: %s", message);
        LLVMDisposeMessage(message);
        LLVMDisposeMessage(triple);
        return NULL;
    }
    const char *level = portable_cpu();
    char *cpu = level ? LLVMCreateMessage(level) : LLVMGetHostCPUName();
    char *features = level ? LLVMCreateMessage("") : LLVMGetHostCPUFeatures();
    LLVMTargetMachineRef machine = LLVMCreateTargetMachine(
        target, triple, cpu, features, codegen_level(opt_level), LLVMRelocPIC, LLVMCodeModelSmall);
    LLVMDisposeMessage(features);
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(triple);
    if (!machine)
        *error = format_error("cannot create an LLVM target machine");
    return machine;
}

/* An LLJIT whose code generator runs at the jit's level, with the runtime defined in it. */
static bool create_lljit(jit *j, char **error)
{
    LLVMTargetMachineRef template = host_machine(j->opt_level, error);
    if (!template)
        return false;
    LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
    /* Both calls take ownership: of the template machine, then of the machine builder. */
    LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(
        builder, LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(template));
    LLVMErrorRef err = LLVMOrcCreateLLJIT(&j->lljit, builder);
    if (err) {
        j->lljit = NULL;
        *error = take_error(err, "cannot create the LLJIT");
        return false;
    }
    err = jit_define_symbols(j->lljit);
    if (err) {
        *error = take_error(err, "cannot define the runtime symbols");
        return false;
    }
    return true;
}

jit *jit_new(rt_vm *vm, int opt_level, char **error)
{
    *error = NULL;
    pthread_once(&targets_once, init_targets);
    if (!targets_ok) {
        *error = format_error("LLVM has no native target for this host");
        return NULL;
    }
    jit *j = calloc(1, sizeof *j);
    if (!j) {
        *error = strdup("out of memory");
        return NULL;
    }
    j->vm = vm;
    j->opt_level = opt_level < 0 ? 0 : opt_level > 3 ? 3 : opt_level;
    j->machine = host_machine(j->opt_level, error);
    if (!j->machine || !create_lljit(j, error)) {
        jit_free(j);
        return NULL;
    }
    j->context = LLVMOrcCreateNewThreadSafeContext();
    if (vm && !vm->jit)
        vm->jit = j;
    return j;
}

void jit_free(jit *j)
{
    if (!j)
        return;
    if (j->vm && j->vm->jit == j)
        j->vm->jit = NULL;
    for (size_t i = 0; i < j->ncodes; i++)
        j->codes[i]->entry = NULL;
    free(j->codes);
    /* The LLJIT owns the compiled code and the modules' share of the context: it goes first. */
    if (j->lljit) {
        LLVMErrorRef err = LLVMOrcDisposeLLJIT(j->lljit);
        if (err)
            LLVMConsumeError(err);
    }
    jit_cache_blocks_free(&j->caches);
    if (j->context)
        LLVMOrcDisposeThreadSafeContext(j->context);
    if (j->machine)
        LLVMDisposeTargetMachine(j->machine);
    free(j);
}

/* ---- compiling a module ---- */

static bool verify(LLVMModuleRef module, char **error)
{
#ifdef CELLAR_VERIFY_IR
    char *message = NULL;
    bool broken = LLVMVerifyModule(module, LLVMReturnStatusAction, &message);
    if (broken)
        *error = format_error("generated LLVM IR is invalid: %s", message ? message : "");
    LLVMDisposeMessage(message);
    return !broken;
#else
    (void)module;
    (void)error;
    return true;
#endif
}

static bool optimise(jit *j, LLVMModuleRef module, char **error)
{
    static const char *const pipelines[] = {"default<O0>", "default<O1>", "default<O2>",
                                            "default<O3>"};
    LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
    LLVMErrorRef err = LLVMRunPasses(module, pipelines[j->opt_level], j->machine, options);
    LLVMDisposePassBuilderOptions(options);
    if (err) {
        *error = take_error(err, "LLVM optimisation failed");
        return false;
    }
    return true;
}

static char *print_module(LLVMModuleRef module)
{
    char *text = LLVMPrintModuleToString(module);
    char *copy = strdup(text);
    LLVMDisposeMessage(text);
    return copy;
}

/* Hands the module to the LLJIT (which owns it from here on, even on failure). */
static bool add_module(jit *j, LLVMModuleRef module, char **error)
{
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, j->context);
    LLVMErrorRef err =
        LLVMOrcLLJITAddLLVMIRModule(j->lljit, LLVMOrcLLJITGetMainJITDylib(j->lljit), tsm);
    if (err) {
        LLVMOrcDisposeThreadSafeModule(tsm);
        *error = take_error(err, "cannot add the module to the JIT");
        return false;
    }
    return true;
}

static bool remember_codes(jit *j, const cg_unit *u, char **error)
{
    size_t need = j->ncodes + (size_t)u->nfunctions;
    if (need > j->codes_capacity) {
        size_t capacity = need > 2 * j->codes_capacity ? need : 2 * j->codes_capacity;
        rt_code **grown = realloc(j->codes, capacity * sizeof *grown);
        if (!grown) {
            *error = strdup("out of memory");
            return false;
        }
        j->codes = grown;
        j->codes_capacity = capacity;
    }
    for (int i = 0; i < u->nfunctions; i++)
        j->codes[j->ncodes++] = u->functions[i].code;
    return true;
}

/* Looks up every function (the first lookup compiles the module) and fills its code's entry. */
static bool link_entries(jit *j, const cg_unit *u, char **error)
{
    if (!remember_codes(j, u, error))
        return false;
    for (int i = 0; i < u->nfunctions; i++) {
        LLVMOrcExecutorAddress address = 0;
        LLVMErrorRef err = LLVMOrcLLJITLookup(j->lljit, &address, u->functions[i].llvm_name);
        if (err) {
            *error = take_error(err, "cannot link compiled code");
            return false;
        }
        u->functions[i].code->entry = (rt_entry)(uintptr_t)address;
    }
    return true;
}

/* Everything from a finished LLVM module to runnable code objects. */
static bool finish_module(jit *j, cg_unit *u, char **llvm_ir, char **error)
{
    double mark = now_seconds();
    bool verified = verify(u->module, error);
    lap(&j->timings.verify, &mark);
    if (!verified || !optimise(j, u->module, error))
        return false;
    lap(&j->timings.optimise, &mark);
    if (llvm_ir)
        *llvm_ir = print_module(u->module);
    LLVMModuleRef module = u->module;
    u->module = NULL;
    mark = now_seconds();
    bool linked = add_module(j, module, error) && link_entries(j, u, error);
    lap(&j->timings.codegen, &mark);
    return linked;
}

rt_value jit_compile_module(jit *j, const ir_module *m, char **llvm_ir, char **error)
{
    char *ignored = NULL;
    if (!error)
        error = &ignored;
    *error = NULL;
    if (llvm_ir)
        *llvm_ir = NULL;
    rt_vm *vm = j->vm;
    cg_unit u;
    cg_unit_init(&u, vm, LLVMOrcThreadSafeContextGetContext(j->context),
                 LLVMOrcLLJITGetTripleString(j->lljit), LLVMOrcLLJITGetDataLayoutStr(j->lljit),
                 &j->name_counter);
    rt_value result = 0;
    j->timings = (jit_timings){0};
    double mark = now_seconds();
    bool built = cg_module(&u, m);
    lap(&j->timings.build, &mark);
    if (!built) {
        *error = strdup(u.error ? u.error : "code generation failed");
    } else if (!jit_cache_blocks_take(&j->caches, &u.caches)) {
        *error = strdup("out of memory");
    } else if (finish_module(j, &u, llvm_ir, error)) {
        result = rt_make_function(vm, u.functions[0].code, vm->globals, 0, 0, 0);
        if (!result) {
            vm->pending = 0;
            *error = strdup("cannot create the module's function object");
        }
    }
    cg_unit_free(&u);
    free(ignored);
    return result;
}
