/* The cellar program: a thin client of the embedding API. It runs a file the way `python3.11
 * FILE` does (same stdout, stderr and exit status) or prints one stage of the pipeline. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cellar.h"

static const char usage[] =
    "usage: cellar [-O0|-O1|-O2|-O3] [--time] [--dump-ast|--dump-scopes|--emit-ir|--emit-llvm] "
    "FILE\n"
    "  -O<n>          LLVM optimisation level (default -O2)\n"
    "  --dump-ast     print the syntax tree (as CPython's ast.dump(indent=2))\n"
    "  --dump-scopes  print every scope and where each name lives\n"
    "  --emit-ir      print the closure-converted IR\n"
    "  --emit-llvm    print the optimised LLVM IR\n"
    "  --time         print the time spent in each phase to stderr\n";

typedef struct options {
    int opt_level;
    bool time;
    int dump; /* -1: run the program; otherwise a cellar_dump_kind */
    const char *file;
    int argc; /* the program's own arguments, from FILE on */
    char **argv;
} options;

static bool parse_options(int argc, char **argv, options *o)
{
    o->opt_level = 2;
    o->time = false;
    o->dump = -1;
    o->file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (o->file)
            break; /* the rest are the program's own arguments */
        if (strlen(arg) == 3 && arg[0] == '-' && arg[1] == 'O' && arg[2] >= '0' && arg[2] <= '3')
            o->opt_level = arg[2] - '0';
        else if (strcmp(arg, "--time") == 0)
            o->time = true;
        else if (strcmp(arg, "--dump-ast") == 0)
            o->dump = CELLAR_DUMP_AST;
        else if (strcmp(arg, "--dump-scopes") == 0)
            o->dump = CELLAR_DUMP_SCOPES;
        else if (strcmp(arg, "--emit-ir") == 0)
            o->dump = CELLAR_DUMP_IR;
        else if (strcmp(arg, "--emit-llvm") == 0)
            o->dump = CELLAR_DUMP_LLVM;
        else if (arg[0] == '-' && arg[1] != '\0')
            return false;
        else {
            o->file = arg;
            o->argc = argc - i;
            o->argv = argv + i;
        }
    }
    return o->file != NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (data && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    if (data) {
        data[size] = '\0';
        *len = (size_t)size;
    }
    return data;
}

static int dump(cellar_vm *vm, const options *o)
{
    size_t len = 0;
    char *source = read_all(o->file, &len);
    if (!source) {
        fprintf(stderr, "cellar: can't open file '%s'\n", o->file);
        return 2;
    }
    char *out = NULL;
    cellar_status status = cellar_dump(vm, source, len, o->file, (cellar_dump_kind)o->dump, &out);
    free(source);
    if (status != CELLAR_OK) {
        cellar_print_error(vm);
        return cellar_exit_status(vm);
    }
    fputs(out, stdout);
    cellar_free(out);
    return 0;
}

static void print_timings(const cellar_vm *vm)
{
    cellar_timings t;
    cellar_last_timings(vm, &t);
    fprintf(stderr, "parse    %9.3f ms\nscopes   %9.3f ms\nlower    %9.3f ms\n"
                    "compile  %9.3f ms\n  build    %9.3f ms\n  optimise %9.3f ms\n"
                    "  codegen  %9.3f ms\nrun      %9.3f ms\n",
            t.parse * 1e3, t.scopes * 1e3, t.lower * 1e3, t.compile * 1e3, t.llvm_build * 1e3,
            t.llvm_optimise * 1e3, t.llvm_codegen * 1e3, t.run * 1e3);
}

int main(int argc, char **argv)
{
    options o;
    if (!parse_options(argc, argv, &o)) {
        fputs(usage, stderr);
        return 2;
    }
    cellar_config config;
    cellar_config_init(&config);
    config.opt_level = o.opt_level;
    cellar_vm *vm = cellar_vm_new(&config);
    if (!vm) {
        fputs("cellar: could not initialise the JIT\n", stderr);
        return 1;
    }
    int status;
    if (o.dump >= 0) {
        status = dump(vm, &o);
    } else {
        cellar_set_argv(vm, o.argc, (const char *const *)o.argv);
        if (cellar_exec_file(vm, o.file) != CELLAR_OK)
            cellar_print_error(vm);
        status = cellar_exit_status(vm);
        if (o.time)
            print_timings(vm);
    }
    fflush(stdout);
    cellar_vm_free(vm);
    return status;
}
