/* The embedding API: drives one program text through the pipeline (parse -> scopes -> lower
 * -> JIT -> run) and turns every failure into a status plus an error the host can read. */
#include "cellar.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ast_dump.h"
#include "exception.h"
#include "function.h"
#include "ir.h"
#include "jit.h"
#include "parser.h"
#include "call.h"
#include "dict.h"
#include "module.h"
#include "ops.h"
#include "scope.h"
#include "str.h"
#include "vm.h"

struct cellar_vm {
    cellar_config config;
    rt_vm *rt;
    jit *jit;
    char *error_type, *error_message, *error_report; /* malloc'd; "" when none */
    int exit_status;
    cellar_timings timings;
};

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
    config->write = write_stdout;
    config->write_error = write_stderr;
    config->user_data = NULL;
    config->opt_level = 2;
    config->recursion_limit = RT_DEFAULT_RECURSION_LIMIT;
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

static void clear_error(cellar_vm *vm)
{
    free(vm->error_type);
    free(vm->error_message);
    free(vm->error_report);
    vm->error_type = dup_or_empty(NULL);
    vm->error_message = dup_or_empty(NULL);
    vm->error_report = dup_or_empty(NULL);
    vm->exit_status = 0;
}

static cellar_status set_error(cellar_vm *vm, cellar_status status, const char *type,
                               const char *message, char *report, int exit_status)
{
    free(vm->error_type);
    free(vm->error_message);
    free(vm->error_report);
    vm->error_type = dup_or_empty(type);
    vm->error_message = dup_or_empty(message);
    vm->error_report = report ? report : dup_or_empty(NULL);
    vm->exit_status = exit_status;
    return status;
}

cellar_vm *cellar_vm_new(const cellar_config *config)
{
    cellar_vm *vm = calloc(1, sizeof *vm);
    if (!vm)
        return NULL;
    if (config)
        vm->config = *config;
    else
        cellar_config_init(&vm->config);
    vm->rt = rt_vm_new();
    char *error = NULL;
    if (vm->rt)
        vm->jit = jit_new(vm->rt, vm->config.opt_level, &error);
    if (!vm->rt || !vm->jit) {
        free(error);
        if (vm->rt)
            rt_vm_free(vm->rt);
        free(vm);
        return NULL;
    }
    vm->rt->write_out = vm->config.write ? vm->config.write : write_stdout;
    vm->rt->write_err = vm->config.write_error ? vm->config.write_error : write_stderr;
    vm->rt->user_data = vm->config.user_data;
    vm->rt->recursion_limit = vm->config.recursion_limit;
    vm->rt->host = vm;
    vm->rt->jit = vm->jit;
    clear_error(vm);
    return vm;
}

void cellar_vm_free(cellar_vm *vm)
{
    if (!vm)
        return;
    jit_free(vm->jit);
    rt_vm_free(vm->rt);
    free(vm->error_type);
    free(vm->error_message);
    free(vm->error_report);
    free(vm);
}

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
    return set_error(vm, CELLAR_SYNTAX_ERROR, d->kind, d->message, report, 1);
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
    cellar_status s = set_error(vm, CELLAR_INTERNAL_ERROR, "InternalError", message, report, 1);
    free(message);
    return s;
}

/* Records the pending exception as the VM's error and clears it from the runtime. An uncaught
 * SystemExit is not an error report: it sets the exit status (and may write its message). */
static cellar_status runtime_error(cellar_vm *vm)
{
    rt_value exc = rt_fetch(vm->rt);
    int exit_status;
    if (rt_system_exit_status(vm->rt, exc, &exit_status)) {
        vm->rt->pending = 0;
        cellar_status s = exit_status == 0 ? CELLAR_OK : CELLAR_RUNTIME_ERROR;
        return set_error(vm, s, exit_status == 0 ? NULL : "SystemExit", NULL, NULL, exit_status);
    }
    rt_value report = rt_format_exception(vm->rt, exc);
    rt_value message = rt_str(vm->rt, exc);
    vm->rt->pending = 0;
    const char *type = rt_type_of(exc)->name;
    return set_error(vm, CELLAR_RUNTIME_ERROR, type, message ? rt_str_data(message) : "",
                     report ? strdup(rt_str_data(report)) : NULL, 1);
}

cellar_status cellar_exec_string(cellar_vm *vm, const char *source, size_t len,
                                 const char *filename)
{
    if (!filename)
        filename = "<string>";
    clear_error(vm);
    memset(&vm->timings, 0, sizeof vm->timings);
    compiled_source c = {0};
    arena_init(&c.arena);
    rt_vm_add_source(vm->rt, filename, source, len);
    cellar_status status = run_frontend(vm, &c, source, len, filename, CELLAR_DUMP_IR);
    if (status == CELLAR_OK) {
        char *error = NULL;
        double t0 = now_seconds();
        rt_value body = jit_compile_module(vm->jit, c.ir, NULL, &error);
        double t1 = now_seconds();
        vm->timings.compile = t1 - t0;
        if (!body) {
            status = internal_error(vm, error);
        } else {
            rt_value result = rt_call_function(vm->rt, body, 0, NULL, 0);
            vm->timings.run = now_seconds() - t1;
            if (!result)
                status = runtime_error(vm);
        }
    }
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
    size_t len = 0;
    char *source = read_file(path, &len);
    if (!source) {
        int err = errno;
        char *report = NULL;
        if (asprintf(&report, "cellar: can't open file '%s': [Errno %d] %s\n", path, err,
                     strerror(err)) < 0)
            report = NULL;
        return set_error(vm, CELLAR_IO_ERROR, "OSError", strerror(err), report, 2);
    }
    char *filename = script_filename(path);
    rt_dict_set_str(vm->rt, vm->rt->globals, "__file__", rt_str_from_cstr(filename));
    cellar_status status = cellar_exec_string(vm, source, len, filename);
    free(filename);
    free(source);
    return status;
}

void cellar_set_argv(cellar_vm *vm, int argc, const char *const *argv)
{
    rt_sys_set_argv(vm->rt, argc, argv);
}

const char *cellar_error_type(const cellar_vm *vm) { return vm->error_type; }
const char *cellar_error_message(const cellar_vm *vm) { return vm->error_message; }
const char *cellar_error_report(const cellar_vm *vm) { return vm->error_report; }
int cellar_exit_status(const cellar_vm *vm) { return vm->exit_status; }

void cellar_print_error(cellar_vm *vm)
{
    rt_write_err(vm->rt, vm->error_report, strlen(vm->error_report));
}

cellar_status cellar_dump(cellar_vm *vm, const char *source, size_t len, const char *filename,
                          cellar_dump_kind kind, char **out)
{
    if (!filename)
        filename = "<string>";
    *out = NULL;
    clear_error(vm);
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
