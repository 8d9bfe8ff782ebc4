/* The embedding API's core: creating and destroying VMs, driving one program text through the
 * pipeline (parse -> scopes -> lower -> JIT -> run), and the one error protocol every api/
 * file follows — a status returned, the exception's type, message and report kept in the VM. */
#define GC_THREADS /* for the thread registration calls */
#include <gc.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "ast_dump.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "jit.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "parser.h"
#include "scope.h"
#include "str.h"

/* ---- the collector and threads ---- */

/* The collector is process-wide: it is initialised once, and each thread that touches GC
 * memory must be registered with it. These are the library's only process-wide and
 * per-thread state, and they only mirror what the collector itself keeps. */
static pthread_once_t collector_once = PTHREAD_ONCE_INIT;

static void collector_init(void)
{
    rt_alloc_init();
    GC_allow_register_threads();
}

/* Per thread: how many attachments (VMs created here, cellar_thread_attach calls) are open,
 * and whether this library registered the thread (and so must unregister it). */
static _Thread_local unsigned thread_attachments;
static _Thread_local bool thread_registered_here;

void cellar_thread_attach(void)
{
    pthread_once(&collector_once, collector_init);
    if (thread_attachments++ == 0 && !GC_thread_is_registered()) {
        struct GC_stack_base base;
        if (GC_get_stack_base(&base) == GC_SUCCESS && GC_register_my_thread(&base) == GC_SUCCESS)
            thread_registered_here = true;
    }
}

void cellar_thread_detach(void)
{
    if (thread_attachments == 0 || --thread_attachments > 0)
        return;
    if (thread_registered_here) {
        GC_unregister_my_thread();
        thread_registered_here = false;
    }
}

/* ---- config ---- */

static void write_stdout(void *user_data, const char *text, size_t len)
{
    (void)user_data;
    fwrite(text, 1, len, stdout);
}

static void write_stderr(void *user_data, const char *text, size_t len)
{
    (void)user_data;
    fflush(stdout); /* keep stdout and stderr in program order on a terminal */
    fwrite(text, 1, len, stderr);
}

void cellar_config_init(cellar_config *config)
{
    *config = (cellar_config){
        .write = write_stdout,
        .write_error = write_stderr,
        .opt_level = 2,
        .recursion_limit = RT_DEFAULT_RECURSION_LIMIT,
    };
}

/* ---- errors ---- */

static void free_error_strings(cellar_vm *vm)
{
    free(vm->error_type);
    free(vm->error_message);
    free(vm->error_report);
    vm->error_type = vm->error_message = vm->error_report = NULL;
}

void cellar_clear_error(cellar_vm *vm)
{
    free_error_strings(vm);
    vm->error_status = CELLAR_OK;
    vm->exit_status = 0;
}

static char *dup_or_null(const char *s) { return s && *s ? strdup(s) : NULL; }

static void notify(cellar_vm *vm)
{
    if (vm->config.error && vm->depth == 0)
        vm->config.error(vm->config.user_data, vm, vm->error_status, cellar_error_type(vm),
                         cellar_error_message(vm), cellar_error_report(vm));
}

cellar_status api_set_error(cellar_vm *vm, cellar_status status, const char *type,
                            const char *message, char *report, int exit_status)
{
    free_error_strings(vm);
    vm->error_type = dup_or_null(type);
    vm->error_message = dup_or_null(message);
    vm->error_report = report;
    vm->error_status = status;
    vm->exit_status = exit_status;
    if (status != CELLAR_OK)
        notify(vm);
    return status;
}

/* The error's strings from the exception itself; `report` is CPython's traceback text. */
static void record_exception(cellar_vm *vm, rt_value exc, cellar_status status, int exit_status)
{
    rt_vm *rt = vm->rt;
    rt_value message = rt_str(rt, exc);
    rt->pending = 0; /* str() of an exception cannot fail in practice; never leave one behind */
    rt_value report = rt_format_exception(rt, exc);
    rt->pending = 0;
    api_set_error(vm, status, rt_type_of(exc)->name, message ? rt_str_data(message) : "",
                  report ? strdup(rt_str_data(report)) : NULL, exit_status);
}

cellar_status api_fail(cellar_vm *vm, cellar_status status)
{
    rt_vm *rt = vm->rt;
    rt_value exc = rt->pending;
    rt->pending = 0;
    if (exc == 0) {
        rt_raise_msg(rt, &rt_system_error_type, "error return without exception set");
        exc = rt->pending;
        rt->pending = 0;
    }
    int exit_status = 1;
    if (vm->depth > 0)
        vm->in_flight = exc; /* raised again by the host function trampoline */
    else if (rt_system_exit_status(rt, exc, &exit_status))
        rt->pending = 0;
    record_exception(vm, exc, status, exit_status);
    return status;
}

cellar_status api_misuse(cellar_vm *vm, const char *fmt, ...)
{
    char *message = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&message, fmt, ap) < 0)
        message = NULL;
    va_end(ap);
    rt_raise_msg(vm->rt, &rt_system_error_type, message ? message : "cellar API misuse");
    free(message);
    return api_fail(vm, CELLAR_API_ERROR);
}

const char *cellar_error_type(const cellar_vm *vm) { return vm->error_type ? vm->error_type : ""; }

const char *cellar_error_message(const cellar_vm *vm)
{
    return vm->error_message ? vm->error_message : "";
}

const char *cellar_error_report(const cellar_vm *vm)
{
    return vm->error_report ? vm->error_report : "";
}

cellar_status cellar_error_status(const cellar_vm *vm) { return vm->error_status; }
int cellar_exit_status(const cellar_vm *vm) { return vm->exit_status; }

void cellar_print_error(cellar_vm *vm)
{
    const char *report = cellar_error_report(vm);
    rt_write_err(vm->rt, report, strlen(report));
}

/* ---- calls that run Python code ---- */

void api_enter_outermost(cellar_vm *vm)
{
    rt_vm *rt = vm->rt;
    pthread_t self = pthread_self();
    if (!pthread_equal(self, vm->thread)) {
        vm->thread = self;
        rt->stack_limit = 0; /* another thread's stack: find its bounds again */
    }
    rt->handling = 0;
    if (vm->safepoints)
        api_limits_refresh(vm);
}

/* ---- creating and destroying ---- */

/* Asks the host about each built-in module; a refused one is removed from sys.modules. */
static void apply_import_policy(cellar_vm *vm)
{
    if (!vm->config.import)
        return;
    rt_vm *rt = vm->rt;
    rt_value names = rt_list_new(0);
    rt_value key, value;
    int64_t pos = 0;
    while (rt_dict_next(rt->modules, &pos, &key, &value))
        rt_list_append(rt, names, key);
    for (int64_t i = 0; i < rt_as_list(names)->size; i++) {
        rt_value name = rt_as_list(names)->items[i];
        const char *s = rt_str_data(name);
        if (strcmp(s, "builtins") == 0 || strcmp(s, "__main__") == 0)
            continue;
        if (!vm->config.import(vm->config.user_data, s))
            rt_dict_delete(rt, rt->modules, name);
    }
}

static bool runtime_init(cellar_vm *vm)
{
    vm->rt = rt_vm_new();
    if (!vm->rt)
        return false;
    rt_vm *rt = vm->rt;
    rt->write_out = vm->config.write ? vm->config.write : write_stdout;
    rt->write_err = vm->config.write_error ? vm->config.write_error : write_stderr;
    rt->user_data = vm->config.user_data;
    rt->recursion_limit = vm->config.recursion_limit > 0 ? vm->config.recursion_limit
                                                         : RT_DEFAULT_RECURSION_LIMIT;
    rt->host = vm;
    vm->typed_roots = rt_list_new(0);
    api_limits_init(vm); /* before the JIT compiles anything */
    apply_import_policy(vm);
    char *error = NULL;
    vm->jit = jit_new(rt, vm->config.opt_level, &error);
    free(error);
    if (vm->jit)
        jit_enable_tiering(vm->jit); /* the VM keeps every module's IR (keep_ir) */
    return vm->jit != NULL;
}

/* Mixes the VM's address with the clock into an even 32-bit seed for its handles. */
static uint32_t handle_seed(const cellar_vm *vm)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t x = (uint64_t)(uintptr_t)vm ^ ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull; /* MurmurHash3's finaliser */
    x ^= x >> 33;
    return (uint32_t)x & ~1u;
}

cellar_vm *cellar_vm_new(const cellar_config *config)
{
    cellar_thread_attach();
    cellar_vm *vm = GC_MALLOC_UNCOLLECTABLE(sizeof *vm);
    if (!vm) {
        cellar_thread_detach();
        return NULL;
    }
    memset(vm, 0, sizeof *vm);
    if (config)
        vm->config = *config;
    else
        cellar_config_init(&vm->config);
    vm->thread = pthread_self();
    vm->registered_thread = true;
    vm->handles.seed = handle_seed(vm);
    atomic_init(&vm->interrupt, false);
    if (!runtime_init(vm)) {
        cellar_vm_free(vm);
        return NULL;
    }
    vm->rt->jit = vm->jit;
    return vm;
}

void cellar_vm_free(cellar_vm *vm)
{
    if (!vm)
        return;
    api_typed_free(vm);
    jit_free(vm->jit);
    rt_vm_free(vm->rt);
    for (size_t i = 0; i < vm->nkept; i++)
        arena_free(&vm->kept[i].arena);
    free(vm->kept);
    free(vm->budget_type);
    api_handles_free(&vm->handles);
    free_error_strings(vm);
    bool detach = vm->registered_thread && pthread_equal(vm->thread, pthread_self());
    memset(vm, 0, sizeof *vm); /* drop every reference before the memory goes */
    GC_FREE(vm);
    if (detach)
        cellar_thread_detach();
}

void *cellar_user_data(const cellar_vm *vm) { return vm->config.user_data; }

/* ---- compiling ---- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The frontend's result for one source text; everything lives in `arena`. */
typedef struct compiled_source {
    arena arena;
    ast_module *ast;
    scope *scopes;
    ir_module *ir;
} compiled_source;

static cellar_status syntax_error(cellar_vm *vm, const diag *d, const char *filename,
                                  const char *source)
{
    char *report = diag_format(d, filename, source);
    return api_set_error(vm, CELLAR_SYNTAX_ERROR, d->kind, d->message, report, 1);
}

/* Runs the frontend up to `last` (AST, scopes or IR). */
static cellar_status run_frontend(cellar_vm *vm, compiled_source *c, const char *source,
                                  size_t len, const char *filename, cellar_dump_kind last)
{
    diag d = {0};
    double t0 = now_seconds();
    c->ast = parse_module(&c->arena, source, len, &d);
    double t1 = now_seconds();
    vm->timings.parse = t1 - t0;
    if (!c->ast)
        return syntax_error(vm, &d, filename, source);
    if (last == CELLAR_DUMP_AST)
        return CELLAR_OK;
    c->scopes = scope_analyze(&c->arena, c->ast, &d);
    double t2 = now_seconds();
    vm->timings.scopes = t2 - t1;
    if (!c->scopes)
        return syntax_error(vm, &d, filename, source);
    if (last == CELLAR_DUMP_SCOPES)
        return CELLAR_OK;
    c->ir = lower_module(&c->arena, c->ast, filename, &d);
    vm->timings.lower = now_seconds() - t2;
    if (!c->ir)
        return syntax_error(vm, &d, filename, source);
    return CELLAR_OK;
}

static cellar_status internal_error(cellar_vm *vm, char *message)
{
    char *report = NULL;
    if (asprintf(&report, "cellar: internal error: %s\n", message ? message : "unknown") < 0)
        report = NULL;
    cellar_status s = api_set_error(vm, CELLAR_INTERNAL_ERROR, "InternalError", message, report, 1);
    free(message);
    return s;
}

/* Keeps a compiled module's IR for typed entry points; false when out of memory (the arena
 * is then the caller's to free). */
static bool keep_ir(cellar_vm *vm, compiled_source *c, int64_t constants_start)
{
    if (vm->nkept == vm->kept_capacity) {
        size_t capacity = vm->kept_capacity ? 2 * vm->kept_capacity : 8;
        api_kept_ir *grown = realloc(vm->kept, capacity * sizeof *grown);
        if (!grown)
            return false;
        vm->kept = grown;
        vm->kept_capacity = capacity;
    }
    int64_t end = rt_as_list(vm->rt->constants)->size;
    vm->kept[vm->nkept++] = (api_kept_ir){c->arena, c->ir, constants_start, end};
    return true;
}

/* An uncaught SystemExit ends a program without an error report: exit status only. */
static cellar_status run_failed(cellar_vm *vm)
{
    rt_vm *rt = vm->rt;
    int exit_status;
    if (vm->depth == 0 && rt_system_exit_status(rt, rt->pending, &exit_status)) {
        rt->pending = 0;
        cellar_status s = exit_status == 0 ? CELLAR_OK : CELLAR_RUNTIME_ERROR;
        return api_set_error(vm, s, exit_status == 0 ? NULL : "SystemExit", NULL, NULL,
                             exit_status);
    }
    return api_fail(vm, CELLAR_RUNTIME_ERROR);
}

/* Compiles the IR and runs the module body (the IR is kept when compiling worked); the
 * failure is reported once the call has left the VM. */
static cellar_status compile_and_run(cellar_vm *vm, compiled_source *c, bool *kept)
{
    char *error = NULL;
    double t0 = now_seconds();
    int64_t constants_start = rt_as_list(vm->rt->constants)->size;
    rt_value body = jit_compile_module(vm->jit, c->ir, NULL, &error);
    double t1 = now_seconds();
    vm->timings.compile = t1 - t0;
    jit_timings jt;
    jit_last_timings(vm->jit, &jt);
    vm->timings.llvm_build = jt.build;
    vm->timings.llvm_optimise = jt.verify + jt.optimise;
    vm->timings.llvm_codegen = jt.codegen;
    if (!body)
        return internal_error(vm, error);
    *kept = keep_ir(vm, c, constants_start);
    api_enter(vm);
    rt_value result = rt_call_function(vm->rt, body, 0, NULL, 0);
    api_leave(vm);
    vm->timings.run = now_seconds() - t1;
    return result ? CELLAR_OK : run_failed(vm);
}

cellar_status cellar_exec_string(cellar_vm *vm, const char *source, size_t len,
                                 const char *filename)
{
    if (!source)
        return api_misuse(vm, "cellar_exec_string: source is NULL");
    if (!filename)
        filename = "<string>";
    cellar_clear_error(vm);
    memset(&vm->timings, 0, sizeof vm->timings);
    compiled_source c = {0};
    arena_init(&c.arena);
    rt_vm_add_source(vm->rt, filename, source, len);
    bool kept = false;
    cellar_status status = run_frontend(vm, &c, source, len, filename, CELLAR_DUMP_IR);
    if (status == CELLAR_OK)
        status = compile_and_run(vm, &c, &kept);
    if (!kept)
        arena_free(&c.arena);
    return status;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t capacity = 4096, size = 0;
    char *data = malloc(capacity + 1);
    size_t n;
    while (data && (n = fread(data + size, 1, capacity - size, f)) > 0) {
        size += n;
        if (size == capacity) {
            capacity *= 2;
            char *bigger = realloc(data, capacity + 1);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (!data || failed) {
        free(data);
        return NULL;
    }
    data[size] = '\0';
    *len = size;
    return data;
}

/* CPython names the main script by its absolute path, made by prefixing the working directory
 * to a relative path without normalising it ("/cwd/./prog.py"). Returns a malloc'd string. */
static char *script_filename(const char *path)
{
    char cwd[4096];
    char *name = NULL;
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return strdup(path);
    if (asprintf(&name, "%s/%s", cwd, path) < 0)
        return strdup(path);
    return name;
}

cellar_status cellar_exec_file(cellar_vm *vm, const char *path)
{
    if (!path)
        return api_misuse(vm, "cellar_exec_file: path is NULL");
    size_t len = 0;
    char *source = read_file(path, &len);
    if (!source) {
        int err = errno;
        char *report = NULL;
        if (asprintf(&report, "cellar: can't open file '%s': [Errno %d] %s\n", path, err,
                     strerror(err)) < 0)
            report = NULL;
        return api_set_error(vm, CELLAR_IO_ERROR, "OSError", strerror(err), report, 2);
    }
    char *filename = script_filename(path);
    rt_module_set_script(vm->rt, vm->rt->main, rt_str_from_cstr(filename));
    cellar_status status = cellar_exec_string(vm, source, len, filename);
    free(filename);
    free(source);
    return status;
}

void cellar_set_argv(cellar_vm *vm, int argc, const char *const *argv)
{
    rt_sys_set_argv(vm->rt, argc, argv);
}

/* ---- introspection ---- */

cellar_status cellar_dump(cellar_vm *vm, const char *source, size_t len, const char *filename,
                          cellar_dump_kind kind, char **out)
{
    if (!source || !out)
        return api_misuse(vm, "cellar_dump: source or out is NULL");
    if (!filename)
        filename = "<string>";
    *out = NULL;
    cellar_clear_error(vm);
    compiled_source c = {0};
    arena_init(&c.arena);
    cellar_status status = run_frontend(vm, &c, source, len, filename, kind);
    if (status == CELLAR_OK) {
        switch (kind) {
        case CELLAR_DUMP_AST: *out = ast_dump(c.ast, false); break;
        case CELLAR_DUMP_SCOPES: *out = scope_dump(c.scopes); break;
        case CELLAR_DUMP_IR: *out = ir_dump(c.ir); break;
        case CELLAR_DUMP_LLVM: {
            char *error = NULL;
            if (!jit_compile_module(vm->jit, c.ir, out, &error))
                status = internal_error(vm, error);
            break;
        }
        }
    }
    arena_free(&c.arena);
    return status;
}

void cellar_last_timings(const cellar_vm *vm, cellar_timings *out) { *out = vm->timings; }

void cellar_free(void *p) { free(p); }
