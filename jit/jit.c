/* The JIT driver: ORC LLJITs fed one LLVM module per compile.
 *
 *   ir_module ─cg_module─▶ LLVM module ─verify─▶ ─pipeline─▶ ─LLJIT add─▶ lookup entries
 *                            (codegen.c)  (CELLAR_VERIFY_IR)  (new PM)    (ORC, JITLink)
 *
 *   tiered (jit_enable_tiering):  module ─▶ baseline code, -O0, fast isel (baseline LLJIT)
 *                                 hot function ─▶ alone, at the -O level (the level's LLJIT)
 *
 * verify    LLVMVerifyModule on the unoptimised module, so a codegen bug is reported against
 *           the IR it produced rather than as a crash somewhere in the optimiser.
 * optimise  The new pass manager at the unit's level (see `optimise` for the -O1/-O2
 *           pipelines), with a target machine for the host so cost models match the code
 *           ORC will generate.
 * link      The module goes to the main JITDylib, where symbols.c has defined the runtime
 *           entry points as absolute symbols; looking up each function compiles the module
 *           and gives the address stored in its code object (or, for an OSR entry, in the
 *           function's tier record).
 *
 * Each LLJIT is created on first use, so a program that never gets hot never pays for the
 * optimising one. All LLVM state belongs to the jit; the only process-wide state is LLVM's
 * one-time native target initialisation and its -fast-isel option. */
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
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "codegen.h"
#include "freelist.h"
#include "function.h"
#include "global_cache.h"
#include "perfmap.h"
#include "symbols.h"
#include "tier.h"
#include "vm.h"

struct jit {
    rt_vm *vm;
    int opt_level;
    LLVMOrcLLJITRef lljit;
    LLVMOrcThreadSafeContextRef context; /* every module this jit builds lives in it */
    LLVMTargetMachineRef machine;        /* for the optimiser's target information */
    char *triple, *data_layout;          /* the machine's, which the LLJITs share */
    unsigned long name_counter;          /* makes LLVM function names unique per jit */
    /* Every code object whose entry points into this jit's memory (rooted by vm->constants):
     * jit_free clears those entries so a call after it raises instead of jumping into freed
     * code. */
    rt_code **codes;
    size_t ncodes, codes_capacity;
    jit_cache_blocks caches; /* the global caches compiled code points at */
    jit_timings timings;     /* of the last jit_compile_module */
    /* Tiered compilation (tier.h): baseline code has an LLJIT of its own, whose code
     * generator is the fast one; each baseline function has a record. */
    bool tiering;
    int64_t threshold;
    jit_perf_map perf_map; /* CELLAR_PERF_MAP (perfmap.h) */
    void **freelists;      /* popped inline by optimised code (freelist.h) */
    LLVMOrcLLJITRef baseline_lljit;
    jit_tiered **tiered;
    size_t ntiered, tiered_capacity;
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
    /* Fast instruction selection at every level: with the greedy register allocator it
     * gives the same speed as SelectionDAG on code that is mostly calls and compares, at
     * about 60% of the code generator's time (docs/performance.md). No machine scheduler
     * before register allocation: building its dependence graphs over our long blocks of
     * loads and stores was a quarter of the code generator's time, for code an out-of-order
     * core reorders anyway. LLVM's options are process-wide, like the target initialisation
     * above. */
    const char *argv[3] = {"cellar", "-fast-isel", "-enable-misched=false"};
    LLVMParseCommandLineOptions(3, argv, NULL);
}

/* The machine-code level per -O level. -O1 pairs the optimised IR with the fast instruction
 * selector and register allocator: on the golden corpus the backend at "Less" costs about 7x
 * the time of "None" (14 ms against 2 ms a module) and dominates compilation, while the code,
 * mostly runtime calls, gains little from it. -O2 is what hot code is compiled at: "Less"
 * keeps the greedy register allocator (hot loops run 40% faster than with the fast one) and
 * is as fast as "Default" on this code. */
static LLVMCodeGenOptLevel codegen_level(int opt_level)
{
    static const LLVMCodeGenOptLevel levels[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelNone,
                                                 LLVMCodeGenLevelLess, LLVMCodeGenLevelAggressive};
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

/* An LLJIT whose code generator runs at `codegen_opt` (a -O level), with the runtime defined
 * in it. */
static LLVMOrcLLJITRef create_lljit(int codegen_opt, char **error)
{
    LLVMTargetMachineRef template = host_machine(codegen_opt, error);
    if (!template)
        return NULL;
    LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
    /* Both calls take ownership: of the template machine, then of the machine builder. */
    LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(
        builder, LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(template));
    LLVMOrcLLJITRef lljit = NULL;
    LLVMErrorRef err = LLVMOrcCreateLLJIT(&lljit, builder);
    if (err) {
        *error = take_error(err, "cannot create the LLJIT");
        return NULL;
    }
    err = jit_define_symbols(lljit);
    if (err) {
        *error = take_error(err, "cannot define the runtime symbols");
        LLVMConsumeError(LLVMOrcDisposeLLJIT(lljit));
        return NULL;
    }
    return lljit;
}

/* The LLJIT for baseline code (fast instruction selection) or for the jit's level, created
 * on first use: a program that never gets hot never pays for the second. */
static LLVMOrcLLJITRef lljit_for(jit *j, bool baseline, char **error)
{
    LLVMOrcLLJITRef *slot = baseline ? &j->baseline_lljit : &j->lljit;
    if (!*slot)
        *slot = create_lljit(baseline ? 0 : j->opt_level, error);
    return *slot;
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
    jit_perf_map_init(&j->perf_map);
    j->freelists = jit_freelists_new(); /* NULL: optimised code calls the allocator */
    j->machine = host_machine(j->opt_level, error);
    if (j->machine) {
        j->triple = LLVMGetTargetMachineTriple(j->machine);
        LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(j->machine);
        j->data_layout = LLVMCopyStringRepOfTargetData(layout);
        LLVMDisposeTargetData(layout);
    }
    if (!j->machine) {
        jit_free(j);
        return NULL;
    }
    j->context = LLVMOrcCreateNewThreadSafeContext();
    if (vm && !vm->jit)
        vm->jit = j;
    return j;
}

void jit_enable_tiering(jit *j)
{
    j->tiering = j->opt_level > 0;
    j->threshold = jit_tier_threshold();
}

static void dispose_lljit(LLVMOrcLLJITRef lljit)
{
    if (lljit) {
        LLVMErrorRef err = LLVMOrcDisposeLLJIT(lljit);
        if (err)
            LLVMConsumeError(err);
    }
}

static void free_tiered(jit *j)
{
    for (size_t i = 0; i < j->ntiered; i++) {
        free(j->tiered[i]->values);
        free(j->tiered[i]->osr);
        for (int k = 0; k < j->tiered[i]->nsites; k++)
            free(j->tiered[i]->sites[k]);
        free(j->tiered[i]->sites);
        free(j->tiered[i]);
    }
    free(j->tiered);
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
    /* The LLJITs own the compiled code and the modules' share of the context: they go first. */
    dispose_lljit(j->lljit);
    dispose_lljit(j->baseline_lljit);
    free_tiered(j);
    jit_perf_map_finish(&j->perf_map);
    jit_freelists_free(j->freelists);
    jit_cache_blocks_free(&j->caches);
    if (j->context)
        LLVMOrcDisposeThreadSafeContext(j->context);
    if (j->machine)
        LLVMDisposeTargetMachine(j->machine);
    LLVMDisposeMessage(j->triple);
    LLVMDisposeMessage(j->data_layout);
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

static bool optimise(jit *j, LLVMModuleRef module, int level, char **error)
{
    /* -O1 and -O2 run the few passes that matter for generated code — promoting the
     * variables to registers, then folding the tag checks and the branches on them — rather
     * than default<O2>, whose inliner, loop passes and vectorisers find nothing to do here
     * yet cost 40% of its time: the same run-time speed, half the compile time. InstCombine
     * is told not to insist on a fixpoint after one run, as default<O2> tells it; LLVM
     * otherwise stops the process when one run leaves something to fold. -O2 adds jump
     * threading: a compare's True/False feeds a branch through a phi of its inline and
     * runtime results, and threading sends the inline one straight to its target (8-20%
     * fewer instructions in the benchmarks, compilation included). */
    static const char *const pipelines[] = {
        "default<O0>", "always-inline,function(sroa,instcombine<no-verify-fixpoint>,simplifycfg)",
        "always-inline,function(sroa,early-cse<memssa>,instcombine<no-verify-fixpoint>,"
        "jump-threading,simplifycfg)",
        "default<O3>"};
    LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
    LLVMErrorRef err = LLVMRunPasses(module, pipelines[level], j->machine, options);
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
static bool add_module(jit *j, LLVMOrcLLJITRef lljit, LLVMModuleRef module, char **error)
{
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, j->context);
    LLVMErrorRef err = LLVMOrcLLJITAddLLVMIRModule(lljit, LLVMOrcLLJITGetMainJITDylib(lljit), tsm);
    if (err) {
        LLVMOrcDisposeThreadSafeModule(tsm);
        *error = take_error(err, "cannot add the module to the JIT");
        return false;
    }
    return true;
}

static bool grow(void **array, size_t *capacity, size_t need, size_t item, char **error)
{
    if (need <= *capacity)
        return true;
    size_t cap = need > 2 * *capacity ? need : 2 * *capacity;
    void *grown = realloc(*array, cap * item);
    if (!grown) {
        *error = strdup("out of memory");
        return false;
    }
    *array = grown;
    *capacity = cap;
    return true;
}

static bool remember_codes(jit *j, const cg_unit *u, char **error)
{
    if (!grow((void **)&j->codes, &j->codes_capacity, j->ncodes + (size_t)u->nfunctions,
              sizeof *j->codes, error))
        return false;
    for (int i = 0; i < u->nfunctions; i++)
        j->codes[j->ncodes++] = u->functions[i].code;
    return true;
}

/* Looks up every emitted function (the first lookup compiles the module): a normal entry goes
 * into its code object, an OSR entry into its tier record. */
static bool link_entries(jit *j, LLVMOrcLLJITRef lljit, const cg_unit *u, char **error)
{
    for (int i = 0; i < u->nfunctions; i++) {
        const cg_compiled *c = &u->functions[i];
        if (c->lend_only || c->known)
            continue;
        LLVMOrcExecutorAddress address = 0;
        LLVMErrorRef err = LLVMOrcLLJITLookup(lljit, &address, c->llvm_name);
        if (err) {
            *error = take_error(err, "cannot link compiled code");
            return false;
        }
        rt_entry entry = (rt_entry)(uintptr_t)address;
        jit_perf_map_add(&j->perf_map, (uintptr_t)address, c->llvm_name);
        if (c->osr_block >= 0)
            c->tier->osr[c->osr_block] = entry;
        else
            c->code->entry = entry;
        if (u->baseline && c->tier && c->osr_block < 0)
            c->tier->baseline_entry = entry;
    }
    return true;
}

/* Everything from a finished LLVM module to runnable code: baseline code at -O0 with the fast
 * instruction selector, the rest at the jit's level. */
static bool finish_module(jit *j, cg_unit *u, char **llvm_ir, char **error)
{
    LLVMOrcLLJITRef lljit = lljit_for(j, u->baseline, error);
    if (!lljit)
        return false;
    double mark = now_seconds();
    bool verified = verify(u->module, error);
    lap(&j->timings.verify, &mark);
    if (!verified || !optimise(j, u->module, u->baseline ? 0 : j->opt_level, error))
        return false;
    lap(&j->timings.optimise, &mark);
    if (llvm_ir)
        *llvm_ir = print_module(u->module);
    LLVMModuleRef module = u->module;
    u->module = NULL;
    mark = now_seconds();
    bool linked = add_module(j, lljit, module, error) && link_entries(j, lljit, u, error);
    lap(&j->timings.codegen, &mark);
    return linked;
}

static void init_unit(jit *j, cg_unit *u)
{
    cg_unit_init(u, j->vm, LLVMOrcThreadSafeContextGetContext(j->context), j->triple,
                 j->data_layout, &j->name_counter);
    u->freelists = j->freelists;
    u->tiered = j->tiered;
    u->ntiered = j->ntiered;
}

/* ---- tiers ---- */

/* A tier record for each function of a baseline unit, which lends it its constants. */
static bool add_tier_records(jit *j, cg_unit *u, char **error)
{
    if (!grow((void **)&j->tiered, &j->tiered_capacity, j->ntiered + (size_t)u->nfunctions,
              sizeof *j->tiered, error))
        return false;
    for (int i = 0; i < u->nfunctions; i++) {
        cg_compiled *c = &u->functions[i];
        jit_tiered *t = calloc(1, sizeof *t);
        rt_value *values = calloc((size_t)c->ir->nconsts + 1, sizeof *values);
        if (!t || !values) {
            free(t);
            free(values);
            *error = strdup("out of memory");
            return false;
        }
        *t = (jit_tiered){.owner = j,
                          .ir = c->ir,
                          .code = c->code,
                          .values = values,
                          .countdown = j->threshold,
                          .owner_threshold = j->threshold};
        j->tiered[j->ntiered++] = t;
        c->tier = t;
        c->values = values;
    }
    return true;
}

static jit_tiered *find_tiered(jit *j, const ir_function *f)
{
    for (size_t i = j->ntiered; i-- > 0;)
        if (j->tiered[i]->ir == f)
            return j->tiered[i];
    return NULL;
}

/* The unit that optimises `t`: its entry or its OSR entry at `osr_block`, and every function
 * whose code it makes, lending their code objects. */
static bool optimising_unit(jit *j, cg_unit *u, jit_tiered *t, int osr_block)
{
    const ir_function *f = t->ir;
    if (!cg_begin(u, f->qualname, 2 + f->nconsts))
        return false;
    u->functions[u->nfunctions++] = (cg_compiled){
        .ir = f, .code = t->code, .values = t->values, .osr_block = osr_block, .tier = t};
    for (int i = 0; i < f->nconsts; i++) {
        if (f->consts[i].kind != IRC_CODE || !f->consts[i].code)
            continue;
        jit_tiered *child = find_tiered(j, f->consts[i].code);
        if (!child)
            return false;
        u->functions[u->nfunctions++] =
            (cg_compiled){.ir = child->ir, .code = child->code, .lend_only = true, .osr_block = -1};
    }
    return true;
}

bool jit_optimise_function(jit *j, jit_tiered *t, int osr_block, rt_value globals, char **error)
{
    *error = NULL;
    if (osr_block >= 0 && !t->osr) {
        t->osr = calloc((size_t)t->ir->nblocks, sizeof *t->osr);
        if (!t->osr) {
            *error = strdup("out of memory");
            return false;
        }
    }
    if (!lljit_for(j, false, error))
        return false;
    cg_unit u;
    init_unit(j, &u);
    u.globals_now = globals;
    j->timings = (jit_timings){0};
    double mark = now_seconds();
    bool ok = optimising_unit(j, &u, t, osr_block) && cg_emit(&u);
    lap(&j->timings.build, &mark);
    if (!ok)
        *error = strdup(u.error ? u.error : "code generation failed");
    else {
        /* CELLAR_JIT_DUMP: the optimised LLVM IR of each tier-up, for reading what hot code
         * became (docs/performance.md). */
        char *dump = NULL;
        bool want = getenv("CELLAR_JIT_DUMP") != NULL;
        ok = jit_cache_blocks_take(&j->caches, &u.caches) &&
             finish_module(j, &u, want ? &dump : NULL, error);
        if (dump)
            fprintf(stderr, "%s", dump);
        free(dump);
    }
    if (ok && osr_block < 0)
        t->optimised = true;
    cg_unit_free(&u);
    return ok;
}

/* ---- the entry point ---- */

/* Generates the module: baseline code with tier records when tiering (and no dump of the
 * LLVM IR is wanted), else code at the jit's level. */
static bool build(jit *j, cg_unit *u, const ir_module *m, bool tiered, char **error)
{
    u->baseline = tiered;
    bool built = cg_prepare(u, m) && (!tiered || add_tier_records(j, u, error)) && cg_emit(u);
    if (!built && !*error)
        *error = strdup(u->error ? u->error : "code generation failed");
    return built;
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
    j->timings = (jit_timings){0};
    bool tiered = j->tiering && !llvm_ir;
    if (tiered && !lljit_for(j, true, error))
        return 0;
    cg_unit u;
    init_unit(j, &u);
    rt_value result = 0;
    double mark = now_seconds();
    bool built = build(j, &u, m, tiered, error);
    lap(&j->timings.build, &mark);
    if (!built) {
        /* *error is set */
    } else if (!jit_cache_blocks_take(&j->caches, &u.caches) || !remember_codes(j, &u, error)) {
        if (!*error)
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
