/* cellar — a JIT-compiling engine for Python closures and decorators.
 *
 * The public embedding API. A host creates a VM from a config, runs Python source in it, trades
 * values with it through handles, calls its functions, gives it C functions to call, and asks
 * for plain C function pointers to its numeric functions. docs/embedding.md is the guided tour.
 *
 * Opaque state. Everything a VM owns is reachable only through its cellar_vm pointer, and no
 * Python object's address ever reaches the host: values cross the boundary as handles
 * (cellar_value), small tokens that index a table the VM owns and the collector scans. Two VMs
 * in one process share nothing.
 *
 * Errors. Every function that can fail returns a cellar_status. A failure leaves its details in
 * the VM — the exception's type name, its message and the report CPython would print — until
 * the next call on the VM that returns a status. No function here exits or aborts the process
 * on bad input or on an exception in a script, and a failed call never leaves the VM unusable.
 *
 * Ownership. Every handle a cellar_* function stores in a `cellar_value *out` belongs to the
 * caller, who gives it back with cellar_release (or lets cellar_vm_free reclaim it). Strings
 * returned as `const char *` are owned by the VM, valid as the function says; strings returned
 * through a `char **out` are the caller's, freed with cellar_free.
 *
 * Threads. A VM is used by one thread at a time: calls on one VM must not overlap, and nothing
 * a VM hands out (handles, typed entry points) may be used while another thread is inside the
 * same VM. Different VMs may run on different threads at the same time, one VM per thread.
 * Every thread that calls into a VM must be known to the garbage collector: cellar_vm_new
 * registers the thread it runs on, and a thread that uses a VM created elsewhere calls
 * cellar_thread_attach first (and cellar_thread_detach before it exits). The first VM of the
 * process is best created on the main thread, where the collector initialises itself. The one
 * call that may come from any thread, or from a signal handler, is cellar_interrupt. */
#ifndef CELLAR_H
#define CELLAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* ==== the VM ================================================================================ */

/* An interpreter instance: its globals, modules, compiled code, handles and last error. */
typedef struct cellar_vm cellar_vm;

/* The outcome of an API call. */
typedef enum cellar_status {
    CELLAR_OK = 0,
    CELLAR_SYNTAX_ERROR,   /* the source did not compile (SyntaxError, IndentationError, ...) */
    CELLAR_RUNTIME_ERROR,  /* Python code, or the operation asked for, raised an exception */
    CELLAR_IO_ERROR,       /* a file could not be read */
    CELLAR_INTERNAL_ERROR, /* the JIT could not compile valid code (a bug worth reporting) */
    CELLAR_API_ERROR       /* the host misused the API: a released or foreign handle, a NULL
                              where a value is required, a malformed typed signature */
} cellar_status;

/* Receives text the VM writes: `len` bytes at `text`, not NUL-terminated. */
typedef void (*cellar_write_fn)(void *user_data, const char *text, size_t len);

/* Told about every failed top-level call, just before it returns `status`; `type`, `message`
 * and `report` are what cellar_error_type/message/report then return. */
typedef void (*cellar_error_fn)(void *user_data, cellar_vm *vm, cellar_status status,
                                const char *type, const char *message, const char *report);

/* Asked once per built-in module (sys, math, time, functools, logging, ...) when the VM is
 * created: false removes the module, so `import name` raises ModuleNotFoundError: No module
 * named 'name'. Refusing `logging` is how a host keeps scripts from logging to files. */
typedef bool (*cellar_import_fn)(void *user_data, const char *module);

/* What a VM is made from. Fill one with cellar_config_init, then change what differs. */
typedef struct cellar_config {
    cellar_write_fn write;       /* where print() goes; default: the process's stdout */
    cellar_write_fn write_error; /* where warnings, logging and cellar_print_error go; stderr */
    cellar_error_fn error;       /* told about each failed top-level call; default NULL */
    cellar_import_fn import;     /* which built-in modules scripts may import; NULL: all */
    void *user_data;             /* passed to the callbacks; cellar_user_data returns it */
    int opt_level;               /* LLVM optimisation level 0..3; default 2 */
    int recursion_limit;         /* default 1000, as CPython's */
    /* Limits for untrusted scripts. While any of the three is set, compiled code counts a
     * step at every function entry and loop iteration and checks the limits every
     * CELLAR_SAFEPOINT_INTERVAL steps; with none set it carries no checks at all. */
    size_t memory_limit; /* bytes of collected heap in use, 0 = none: MemoryError beyond */
    int64_t step_budget; /* steps for the VM's lifetime, 0 = none: refill with
                            cellar_set_step_budget; StepBudgetExceeded once spent */
    bool interruptible;  /* honour cellar_interrupt (implied by the two limits) */
} cellar_config;

/* How many steps run between two checks of the limits and of cellar_interrupt: the latency of
 * an interrupt, and how far past its limit a script's heap can grow before MemoryError. */
#define CELLAR_SAFEPOINT_INTERVAL 1024

/* Fills `config` with the defaults above. */
CELLAR_API void cellar_config_init(cellar_config *config);

/* Creates a VM; `config` may be NULL for the defaults. Returns NULL only when the JIT cannot be
 * initialised or memory is exhausted. Registers the calling thread with the collector. */
CELLAR_API cellar_vm *cellar_vm_new(const cellar_config *config);

/* Destroys a VM and everything it owns: handles, host functions, typed entry points (calling
 * one afterwards is undefined). NULL is accepted. */
CELLAR_API void cellar_vm_free(cellar_vm *vm);

/* The config's user_data (handy inside host functions). */
CELLAR_API void *cellar_user_data(const cellar_vm *vm);

/* Makes the calling thread known to the collector, so it may use VMs created on other threads;
 * a thread that called it calls cellar_thread_detach before it exits. Both nest and are
 * harmless on a thread that created a VM. */
CELLAR_API void cellar_thread_attach(void);
CELLAR_API void cellar_thread_detach(void);

/* ==== running code ========================================================================== */

/* Compiles `source` as the body of the VM's __main__ module and runs it. Globals persist
 * across calls, so a host can load definitions first and use them in later calls, the way a
 * REPL compiles one input at a time. `filename` appears in tracebacks and error messages
 * (NULL: "<string>"). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_exec_string(cellar_vm *vm, const char *source,
                                                             size_t len, const char *filename);

/* Reads the file at `path` and runs it as cellar_exec_string does, with the path as filename. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_exec_file(cellar_vm *vm, const char *path);

/* Sets sys.argv for the programs this VM runs (argv[0] is the script, as CPython has it). */
CELLAR_API void cellar_set_argv(cellar_vm *vm, int argc, const char *const *argv);

/* ==== errors ================================================================================ */

/* After a failed call: the error's type name ("SyntaxError", "NameError", ...), its message,
 * and the full report CPython would print for it ("Traceback (most recent call last): ..." or
 * the File/line/caret lines of a syntax error). Empty strings when the last call succeeded.
 * The strings are the VM's and stay valid until the next call that returns a status. */
CELLAR_API const char *cellar_error_type(const cellar_vm *vm);
CELLAR_API const char *cellar_error_message(const cellar_vm *vm);
CELLAR_API const char *cellar_error_report(const cellar_vm *vm);

/* The status of the error the VM holds (CELLAR_OK when none). A typed entry point (below)
 * sets the error when it fails and leaves it alone when it succeeds, so a host can run a
 * whole loop of typed calls and look here once afterwards. */
CELLAR_API cellar_status cellar_error_status(const cellar_vm *vm);

/* Forgets the VM's error. */
CELLAR_API void cellar_clear_error(cellar_vm *vm);

/* Writes cellar_error_report() to the VM's error stream. */
CELLAR_API void cellar_print_error(cellar_vm *vm);

/* The process exit status CPython would use for the last call's outcome: 0 on success, 1 after
 * an uncaught exception or syntax error, 2 when the program file could not be opened, and the
 * code of an uncaught SystemExit (sys.exit(n)). */
CELLAR_API int cellar_exit_status(const cellar_vm *vm);

/* ==== values and handles ==================================================================== */

/* A handle: a token standing for one Python value, which stays alive (the collector will not
 * free it, however often it runs) until the handle is released. A handle is only meaningful to
 * the VM that issued it; its bits are not a pointer and id 0 is never a valid handle. Using a
 * released handle, or another VM's, is detected and reported as CELLAR_API_ERROR rather than
 * undefined (another VM's with a chance of 1 in 2**31 of going unnoticed). */
typedef struct cellar_value {
    uint64_t id;
} cellar_value;

/* Gives a handle back. Releasing an already released handle does nothing. */
CELLAR_API void cellar_release(cellar_vm *vm, cellar_value v);

/* A second handle to the same value, released independently of the first. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_dup(cellar_vm *vm, cellar_value v,
                                                     cellar_value *out);

/* How many handles are live (to check a host for leaks). */
CELLAR_API size_t cellar_handle_count(const cellar_vm *vm);

/* Making values. Each stores a new handle in *out. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_none(cellar_vm *vm, cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_bool(cellar_vm *vm, bool b,
                                                          cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_int(cellar_vm *vm, int64_t i,
                                                         cellar_value *out);
/* An int of any size from its decimal digits, with an optional leading '-' ("-123456789012345
 * 678901234567890"); ValueError for anything else. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_int_str(cellar_vm *vm, const char *digits,
                                                             cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_float(cellar_vm *vm, double d,
                                                           cellar_value *out);
/* A str from `len` bytes of UTF-8 (copied); UnicodeDecodeError when they are not UTF-8. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_str(cellar_vm *vm, const char *utf8,
                                                         size_t len, cellar_value *out);
/* A tuple or list of the `n` values behind `items` (the handles stay the caller's). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_tuple(cellar_vm *vm, size_t n,
                                                           const cellar_value *items,
                                                           cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_list(cellar_vm *vm, size_t n,
                                                          const cellar_value *items,
                                                          cellar_value *out);
/* An empty dict; fill it with cellar_set_item. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_dict(cellar_vm *vm, cellar_value *out);

/* The kind of a value, for a host that dispatches on it. */
typedef enum cellar_type {
    CELLAR_TYPE_INVALID, /* not a live handle of this VM */
    CELLAR_TYPE_NONE,
    CELLAR_TYPE_BOOL,
    CELLAR_TYPE_INT,
    CELLAR_TYPE_FLOAT,
    CELLAR_TYPE_STR,
    CELLAR_TYPE_TUPLE,
    CELLAR_TYPE_LIST,
    CELLAR_TYPE_DICT,
    CELLAR_TYPE_FUNCTION, /* a function defined in Python (def, lambda) */
    CELLAR_TYPE_BUILTIN,  /* a builtin or host function */
    CELLAR_TYPE_OTHER     /* anything else: modules, sets, ranges, exceptions, ... */
} cellar_type;

CELLAR_API cellar_type cellar_type_of(const cellar_vm *vm, cellar_value v);
/* Python's name for the value's type ("int", "function"); static storage. "" if invalid. */
CELLAR_API const char *cellar_type_name(const cellar_vm *vm, cellar_value v);
/* Whether calling the value can work (functions, builtins, host functions, types). */
CELLAR_API bool cellar_is_callable(const cellar_vm *vm, cellar_value v);

/* Reading values. Each fails with TypeError when the value has the wrong type. */
/* An int or bool that fits int64_t (OverflowError otherwise). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_to_int(cellar_vm *vm, cellar_value v,
                                                        int64_t *out);
/* An int or bool of any size as decimal digits (the caller frees *out with cellar_free). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_to_int_str(cellar_vm *vm, cellar_value v,
                                                            char **out);
/* A float, or an int or bool converted as float(x) does. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_to_float(cellar_vm *vm, cellar_value v,
                                                          double *out);
/* The truth value bool(x) gives, for any value. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_to_bool(cellar_vm *vm, cellar_value v,
                                                         bool *out);
/* A str's UTF-8 text and byte length (`len` may be NULL). The text is NUL-terminated, owned by
 * the value and valid while the handle `v` is live. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_to_str(cellar_vm *vm, cellar_value v,
                                                        const char **utf8, size_t *len);
/* str(x) and repr(x) of any value as new UTF-8 strings (the caller frees *out). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_str(cellar_vm *vm, cellar_value v, char **out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_repr(cellar_vm *vm, cellar_value v, char **out);

/* Containers and attributes, with Python's semantics and errors. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_len(cellar_vm *vm, cellar_value v,
                                                     size_t *out);
/* container[key] and container[key] = value, for any container. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_get_item(cellar_vm *vm, cellar_value container,
                                                          cellar_value key, cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_set_item(cellar_vm *vm, cellar_value container,
                                                          cellar_value key, cellar_value value);
/* sequence[index] with an integer index (negative counts from the end). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_get_index(cellar_vm *vm, cellar_value sequence,
                                                           int64_t index, cellar_value *out);
CELLAR_API CELLAR_NODISCARD cellar_status cellar_list_append(cellar_vm *vm, cellar_value list,
                                                             cellar_value item);
/* A dict's items as a new list of (key, value) tuples, in the dict's order. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_dict_items(cellar_vm *vm, cellar_value dict,
                                                            cellar_value *out);
/* value.name, as getattr(value, name). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_get_attr(cellar_vm *vm, cellar_value value,
                                                          const char *name, cellar_value *out);

/* ==== globals and calls ===================================================================== */

/* The __main__ module's global `name`, or a builtin of that name (NameError when neither). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_get_global(cellar_vm *vm, const char *name,
                                                            cellar_value *out);
/* Binds the __main__ global `name` to `value`. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_set_global(cellar_vm *vm, const char *name,
                                                            cellar_value value);

/* callee(*args, **kwargs): calls any callable with `nargs` positional arguments and, when
 * `kwargs` is not NULL, the keyword arguments in the dict it stands for. The result goes to
 * *out (a new handle). Argument errors are CPython's TypeErrors ("f() takes 2 positional
 * arguments but 3 were given", "'int' object is not callable"). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_call(cellar_vm *vm, cellar_value callee,
                                                      size_t nargs, const cellar_value *args,
                                                      const cellar_value *kwargs,
                                                      cellar_value *out);

/* ==== host functions ======================================================================== */

/* What a host function is called with. Every handle in it is borrowed: valid until the host
 * function returns, released by the VM (cellar_dup one to keep its value longer). */
typedef struct cellar_host_call {
    void *data;                 /* the pointer given when the function was made */
    const cellar_value *bound;  /* the value bound to the function when it was made, or NULL */
    size_t nargs;               /* positional arguments */
    const cellar_value *args;   /* args[0 .. nargs-1] */
    const cellar_value *kwargs; /* a dict of the keyword arguments, or NULL when none */
} cellar_host_call;

/* A C function callable from Python. It returns CELLAR_OK with its result in *result (a handle
 * it made or dup'd, or one of its arguments; left untouched, the result is None), or a failure
 * status after cellar_raise, or the failure status of a cellar_* call it made — then the
 * exception that call raised propagates into the script, catchable by try/except, with the
 * traceback running on through the Python frames. */
typedef cellar_status (*cellar_host_fn)(cellar_vm *vm, const cellar_host_call *call,
                                        cellar_value *result);

/* A new function object that calls `fn` with `data`; `name` (copied) is its __name__. When
 * `bound` is not NULL its value is kept alive by the function and passed back in every call
 * as call->bound: that is how a host function used as a decorator holds the function it wraps
 * (see docs/embedding.md). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_new_function(cellar_vm *vm, const char *name,
                                                              cellar_host_fn fn, void *data,
                                                              const cellar_value *bound,
                                                              cellar_value *out);

/* Makes a host function a builtin: every module sees `name`, as it sees len or print. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_register_function(cellar_vm *vm, const char *name,
                                                                   cellar_host_fn fn, void *data);

/* Removes the builtin `name` (a sandbox removes "open"); NameError when there is none. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_remove_builtin(cellar_vm *vm, const char *name);

/* Raises the builtin exception `type` ("ValueError", "KeyError", ...) with `message` (UTF-8)
 * and returns CELLAR_RUNTIME_ERROR, for a host function to return. An unknown type name
 * raises SystemError instead and returns CELLAR_API_ERROR. */
CELLAR_API cellar_status cellar_raise(cellar_vm *vm, const char *type, const char *message);

/* ==== typed native entry points ============================================================= */

/* Any C function pointer; cast it to the signature asked for before calling it. */
typedef void (*cellar_native_fn)(void);

/* The most parameters a typed entry point takes. */
#define CELLAR_TYPED_MAX_PARAMS 8

/* Compiles a C-callable entry point for the Python function `fn` with the C signature
 * `signature`: "(" parameters ")" "->" result, each an int64 or a double, for example
 * "(int64, int64) -> int64" for int64_t (*)(int64_t, int64_t) or "(double) -> double".
 *
 * The body is compiled by LLVM specialised to those types when it stays within what can be
 * (arithmetic, comparisons, if/while, for over range(), local variables, free variables of a
 * closure, calls of itself): such a call costs about what a C call does. Whatever leaves that
 * subset — an overflow past 64 bits, a division by zero, a call, a global — makes the call
 * start over through the generic path, which boxes the arguments and calls the function as
 * Python would, so the result is always Python's. When the result is not of the declared type
 * (a float for int64, a str for either), or the function raises, the entry point returns 0 and
 * sets the VM's error (cellar_error_status). `fn` must be a Python function of exactly that
 * many positional parameters; a malformed signature or another function shape is
 * CELLAR_API_ERROR / TypeError here, never at call time. The entry point keeps `fn` alive and
 * stays valid until the VM is destroyed; it is called like any other API function (on the
 * VM's thread, not while another call on the VM is running, except from inside one). */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_typed_entry(cellar_vm *vm, cellar_value fn,
                                                             const char *signature,
                                                             cellar_native_fn *out);

/* Whether the last cellar_typed_entry for this VM compiled the body specialised (true) or
 * fell back to the generic path for every call (false), and why not, for tuning. */
CELLAR_API bool cellar_typed_specialised(const cellar_vm *vm, const char **reason);

/* ==== limits ================================================================================ */

/* Sets the steps the VM may still run (see cellar_config.step_budget; a refill after
 * StepBudgetExceeded lets scripts run again). CELLAR_API_ERROR when the VM was created without
 * any limit, because its compiled code then has no checks. */
CELLAR_API CELLAR_NODISCARD cellar_status cellar_set_step_budget(cellar_vm *vm, int64_t steps);
/* The steps left (INT64_MAX without a budget), exact between calls. */
CELLAR_API int64_t cellar_steps_left(const cellar_vm *vm);

/* Asks the running script to stop: within CELLAR_SAFEPOINT_INTERVAL steps it raises
 * KeyboardInterrupt, once, as Ctrl-C does to CPython (a script can catch it; a step budget
 * cannot be escaped). Safe from any thread and from signal handlers. Needs a VM created with
 * cellar_config.interruptible or a limit. */
CELLAR_API void cellar_interrupt(cellar_vm *vm);

/* Runs a full garbage collection now. */
CELLAR_API void cellar_collect(cellar_vm *vm);
/* Bytes of collected heap in use — the figure memory_limit is checked against. The collector's
 * heap is shared by the whole process, so with several VMs it counts all of them. */
CELLAR_API size_t cellar_heap_bytes(const cellar_vm *vm);

/* ==== introspection ========================================================================= */

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
    /* Added by the JIT owner: the parts of `compile` spent building LLVM IR, verifying and
     * optimising it, and generating and linking machine code. */
    double llvm_build, llvm_optimise, llvm_codegen;
} cellar_timings;
CELLAR_API void cellar_last_timings(const cellar_vm *vm, cellar_timings *out);

/* Frees memory the API handed to the caller. NULL is accepted. */
CELLAR_API void cellar_free(void *p);

#ifdef __cplusplus
}
#endif

#endif
