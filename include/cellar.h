/* cellar — a JIT-compiling engine for Python closures and decorators.
 *
 * The public embedding API. A host creates a VM from a config, runs Python source in it and
 * reads back errors. Everything a VM owns is reachable only through its handle: two VMs in one
 * process share nothing. No function here exits or aborts the process on bad input; each one
 * returns a status, and the error's details stay readable from the VM until the next call.
 *
 * Ownership: strings returned by cellar_* are owned by the VM unless the comment says the
 * caller frees them with cellar_free. */
#ifndef CELLAR_H
#define CELLAR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CELLAR_API __attribute__((visibility("default")))
#define CELLAR_NODISCARD __attribute__((warn_unused_result))
#else
#define CELLAR_API
#define CELLAR_NODISCARD
#endif

/* An interpreter instance: its globals, modules, compiled code and pending error. */
typedef struct cellar_vm cellar_vm;

/* The outcome of an API call. */
typedef enum cellar_status {
    CELLAR_OK = 0,
    CELLAR_SYNTAX_ERROR,  /* the source did not compile (SyntaxError, IndentationError, ...) */
    CELLAR_RUNTIME_ERROR, /* the program raised an exception that nothing caught */
    CELLAR_IO_ERROR,      /* a file could not be read */
    CELLAR_INTERNAL_ERROR /* the JIT could not compile valid code (a bug worth reporting) */
} cellar_status;

/* Receives text the VM writes: `len` bytes at `text`, not NUL-terminated. */
typedef void (*cellar_write_fn)(void *user_data, const char *text, size_t len);

typedef struct cellar_config {
    cellar_write_fn write;       /* where print() goes; default: the process's stdout */
    cellar_write_fn write_error; /* where tracebacks and errors go; default: stderr */
    void *user_data;             /* passed to both callbacks */
    int opt_level;               /* LLVM optimisation level 0..3; default 2 */
    int recursion_limit;         /* default 1000, as CPython's */
} cellar_config;

/* Fills `config` with the defaults above. */
CELLAR_API void cellar_config_init(cellar_config *config);

/* Creates a VM; `config` may be NULL for the defaults. Returns NULL only when the JIT cannot be
 * initialised or memory is exhausted. */
CELLAR_API cellar_vm *cellar_vm_new(const cellar_config *config);

/* Destroys a VM and everything it owns. NULL is accepted. */
CELLAR_API void cellar_vm_free(cellar_vm *vm);

/* Compiles `source` as the body of the VM's __main__ module and runs it. Globals persist
 * across calls, so a host can load definitions first and use them in later calls. `filename`
 * appears in tracebacks and error messages (NULL: "<string>"). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_exec_string(cellar_vm *vm, const char *source,
                                                             size_t len, const char *filename);

/* Reads the file at `path` and runs it as cellar_exec_string does, with the path as filename. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_exec_file(cellar_vm *vm, const char *path);

/* Sets sys.argv for the programs this VM runs (argv[0] is the script, as CPython has it). */
CELLAR_API void cellar_set_argv(cellar_vm *vm, int argc, const char *const *argv);

/* After a failed call: the error's type name ("SyntaxError", "NameError", ...), its message,
 * and the full report CPython would print for it ("Traceback (most recent call last): ..." or
 * the File/line/caret lines of a syntax error). Empty strings after a successful call. The
 * strings stay valid until the next call on this VM. */
CELLAR_API const char *cellar_error_type(const cellar_vm *vm);
CELLAR_API const char *cellar_error_message(const cellar_vm *vm);
CELLAR_API const char *cellar_error_report(const cellar_vm *vm);

/* Writes cellar_error_report() to the VM's error stream. */
CELLAR_API void cellar_print_error(cellar_vm *vm);

/* The process exit status CPython would use for the last call's outcome: 0 on success, 1 after
 * an uncaught exception or syntax error, 2 when the program file could not be opened, and the
 * code of an uncaught SystemExit (sys.exit(n)). */
CELLAR_API int cellar_exit_status(const cellar_vm *vm);

/* What cellar_dump produces: the stage boundaries of the pipeline as stable text. */
typedef enum cellar_dump_kind {
    CELLAR_DUMP_AST,    /* the syntax tree, as CPython's ast.dump(indent=2) */
    CELLAR_DUMP_SCOPES, /* every scope's names and where each lives */
    CELLAR_DUMP_IR,     /* the closure-converted IR, with environment records */
    CELLAR_DUMP_LLVM    /* the optimised LLVM IR (compiles but does not run) */
} cellar_dump_kind;

/* Compiles `source` up to the requested stage and returns its dump in *out (the caller frees
 * it with cellar_free). On a compile error returns its status with *out NULL. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_dump(cellar_vm *vm, const char *source,
                                                      size_t len, const char *filename,
                                                      cellar_dump_kind kind, char **out);

/* Seconds spent in each phase of the last cellar_exec_* call (for `cellar --time`). */
typedef struct cellar_timings {
    double parse, scopes, lower, compile, run;
} cellar_timings;
CELLAR_API void cellar_last_timings(const cellar_vm *vm, cellar_timings *out);

/* Frees memory the API handed to the caller. */
CELLAR_API void cellar_free(void *p);

#ifdef __cplusplus
}
#endif

#endif
