/* Exceptions: the builtin exception hierarchy, raising (the sentinel + pending-exception
 * protocol every runtime function and all generated code follow), chaining, tracebacks, and
 * printing an uncaught exception the way CPython 3.11 does. */
#ifndef CELLAR_EXCEPTION_H
#define CELLAR_EXCEPTION_H

#include "value.h"
#include "vm.h"

typedef struct rt_exception {
    rt_object base;
    rt_value args;      /* tuple */
    rt_value traceback; /* list of (code, line) entries, innermost frame first; 0 if none */
    rt_value cause;     /* __cause__ or 0 */
    rt_value context;   /* __context__ or 0 */
    bool suppress_context;
    rt_value notes; /* list or 0 */
    rt_value dict;  /* extra attributes (name, obj for NameError/AttributeError) or 0 */
    /* The frame whose traceback entry was added last since the latest raise, so catching and
     * re-raising in one frame records it once; NULL after a new raise. */
    struct rt_frame *tb_frame;
    rt_value globals; /* NameError: the globals searched, for the "Did you mean" hint */
} rt_exception;

extern const rt_type rt_base_exception_type, rt_exception_type, rt_arithmetic_error_type,
    rt_zero_division_error_type, rt_overflow_error_type, rt_lookup_error_type, rt_index_error_type,
    rt_key_error_type, rt_value_error_type, rt_type_error_type, rt_name_error_type,
    rt_unbound_local_error_type, rt_attribute_error_type, rt_runtime_error_type,
    rt_recursion_error_type, rt_not_implemented_error_type, rt_assertion_error_type,
    rt_stop_iteration_type, rt_import_error_type, rt_module_not_found_error_type,
    rt_system_exit_type, rt_keyboard_interrupt_type, rt_memory_error_type, rt_unicode_error_type,
    rt_os_error_type, rt_file_not_found_error_type, rt_syntax_error_type, rt_generator_exit_type;
/* Less common builtin exceptions, registered by name like the ones above. */
extern const rt_type rt_stop_async_iteration_type, rt_floating_point_error_type,
    rt_buffer_error_type, rt_eof_error_type, rt_file_exists_error_type,
    rt_is_a_directory_error_type, rt_not_a_directory_error_type, rt_permission_error_type,
    rt_timeout_error_type, rt_connection_error_type, rt_reference_error_type,
    rt_indentation_error_type, rt_tab_error_type, rt_system_error_type, rt_warning_type,
    rt_user_warning_type, rt_deprecation_warning_type, rt_runtime_warning_type,
    rt_syntax_warning_type, rt_traceback_type;
/* Every builtin exception type, NULL-terminated, in the order builtins lists them. */
extern const rt_type *const rt_exception_types[];

bool rt_is_exception(rt_value v);      /* an instance of BaseException */
bool rt_is_exception_type(rt_value v); /* BaseException or a subclass */

/* Raise `type(message)`; always returns RT_ERROR so callers can `return rt_raise_msg(...)`. */
rt_value rt_raise_msg(rt_vm *vm, const rt_type *type, const char *message);
/* Raise with a message built by rt_str_printf (%R, %S, %T, %U and printf conversions). */
rt_value rt_raise_format(rt_vm *vm, const rt_type *type, const char *fmt, ...);
/* Makes `exc` (an exception instance) pending, chaining the exception being handled as its
 * __context__. Returns RT_ERROR. */
rt_value rt_raise_value(rt_vm *vm, rt_value exc);
/* The `raise X [from Y]` statement: X may be an instance or a class; Y likewise or None. */
rt_value rt_raise_stmt(rt_vm *vm, rt_value exc, rt_value cause);
/* Bare `raise`: re-raises vm->handling, or RuntimeError: No active exception to reraise. */
rt_value rt_reraise(rt_vm *vm);
/* Makes `exc` pending again without touching its context (end of finally, unmatched except). */
rt_value rt_restore(rt_vm *vm, rt_value exc);
/* Takes the pending exception out of the VM (an except or finally block starts with this)
 * and records the current frame in its traceback. It leaves vm->handling alone: an except
 * block saves vm->handling, sets it to the caught exception, and puts the saved value back
 * when the block exits, normally or not (that is what chains __context__ and what a bare
 * `raise` re-raises). */
rt_value rt_fetch(rt_vm *vm);
/* except T: 1 if exc matches T (a type or tuple of types), 0 if not, -1 (TypeError: catching
 * classes that do not inherit from BaseException is not allowed). */
int rt_exception_matches(rt_vm *vm, rt_value exc, rt_value type);
bool rt_pending_is(rt_vm *vm, const rt_type *type);
rt_value rt_new_exception(rt_vm *vm, const rt_type *type, rt_value args);

/* Specific messages compiled code needs. */
rt_value rt_raise_unbound_local(rt_vm *vm, rt_value name);
rt_value rt_raise_unbound_free(rt_vm *vm, rt_value name);
rt_value rt_raise_name_error(rt_vm *vm, rt_value name, rt_value globals); /* Did you mean */
rt_value rt_raise_assertion(rt_vm *vm, rt_value message);                 /* message may be 0 */
/* AttributeError "'int' object has no attribute 'x'" with .name and .obj set, which the
 * traceback printer needs for its "Did you mean" suggestion. */
rt_value rt_raise_attribute_error(rt_vm *vm, rt_value obj, rt_value name);
/* Sets an extra attribute (e.g. "name", "obj") on an exception instance; 0 / -1. */
int rt_exception_set_attr(rt_vm *vm, rt_value exc, const char *name, rt_value value);

/* Appends a traceback entry for `frame` at its current line to the pending exception. */
void rt_traceback_add(rt_vm *vm, rt_frame *frame);
/* Prints "Traceback (most recent call last):" ... to the VM's error stream, with chained
 * causes and contexts, as CPython does for an uncaught exception. */
void rt_print_exception(rt_vm *vm, rt_value exc);
/* The formatted traceback as a str (for the embedding API). */
rt_value rt_format_exception(rt_vm *vm, rt_value exc);
/* How an uncaught SystemExit ends the program, as CPython's handle_system_exit: true when
 * exc is a SystemExit; *status is its code (None -> 0, an int -> itself, anything else -> 1
 * after writing str(code) and a newline to the error stream). */
bool rt_system_exit_status(rt_vm *vm, rt_value exc, int *status);
/* e.__traceback__: a traceback object (tb_lineno, tb_next, tb_frame) or None. */
rt_value rt_traceback_object(rt_vm *vm, rt_value exc);
/* e.__traceback__ = tb / e.with_traceback(tb): tb is a traceback object or None; 0 / -1. */
int rt_traceback_set(rt_vm *vm, rt_value exc, rt_value tb);

#endif
