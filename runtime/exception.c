/* Exceptions: the builtin hierarchy as static types, exception objects (args, chaining,
 * notes, extra attributes), and the raise machinery that every runtime function and all
 * compiled code share: a pending exception in the VM plus the RT_ERROR sentinel. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static rt_exception *as_exc(rt_value v) { return (rt_exception *)rt_as_object(v); }

bool rt_is_exception(rt_value v) { return rt_is_object(v) && rt_as_object(v)->type->is_exception; }

bool rt_is_exception_type(rt_value v)
{
    return rt_is_type(v, &rt_type_type) && ((const rt_type *)rt_as_object(v))->is_exception;
}

/* ---- objects ---- */

rt_value rt_new_exception(rt_vm *vm, const rt_type *type, rt_value args)
{
    (void)vm;
    rt_exception *e = rt_alloc(sizeof *e, type);
    e->args = args ? args : rt_tuple_new(0);
    return rt_from_object(e);
}

static int64_t nargs_of(rt_value exc) { return rt_as_tuple(as_exc(exc)->args)->size; }
static rt_value arg(rt_value exc, int64_t i) { return rt_as_tuple(as_exc(exc)->args)->items[i]; }

int rt_exception_set_attr(rt_vm *vm, rt_value exc, const char *name, rt_value value)
{
    rt_exception *e = as_exc(exc);
    if (e->dict == 0)
        e->dict = rt_dict_new();
    return rt_dict_set_str(vm, e->dict, name, value);
}

static rt_value extra_attr(rt_vm *vm, rt_value exc, const char *name)
{
    rt_exception *e = as_exc(exc);
    return e->dict ? rt_dict_get_str(e->dict, rt_str_intern(vm, name)) : 0;
}

/* OSError(errno, strerror[, filename]) becomes the subclass for that errno, as in CPython. */
static const rt_type *os_error_subtype(const rt_type *type, size_t nargs, const rt_value *args)
{
    if (type != &rt_os_error_type || nargs < 2 || !rt_is_small_int(args[0]))
        return type;
    switch (rt_small_int_value(args[0])) {
    case ENOENT: return &rt_file_not_found_error_type;
    case EEXIST: return &rt_file_exists_error_type;
    case EISDIR: return &rt_is_a_directory_error_type;
    case ENOTDIR: return &rt_not_a_directory_error_type;
    case EACCES:
    case EPERM: return &rt_permission_error_type;
    case ETIMEDOUT: return &rt_timeout_error_type;
    default: return type;
    }
}

/* Keyword arguments some exception types accept: name= (NameError, AttributeError,
 * ImportError), obj= (AttributeError), path= (ImportError). */
static bool exc_keyword_ok(const rt_type *type, rt_value name)
{
    if (rt_type_is_subtype(type, &rt_import_error_type))
        return rt_str_equal_cstr(name, "name") || rt_str_equal_cstr(name, "path");
    if (rt_type_is_subtype(type, &rt_attribute_error_type))
        return rt_str_equal_cstr(name, "name") || rt_str_equal_cstr(name, "obj");
    if (rt_type_is_subtype(type, &rt_name_error_type))
        return rt_str_equal_cstr(name, "name");
    return false;
}

static rt_value exc_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    size_t nkw = kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
    for (size_t i = 0; i < nkw; i++) {
        rt_value name = rt_as_tuple(kwnames)->items[i];
        if (exc_keyword_ok(type, name))
            continue;
        if (!rt_type_is_subtype(type, &rt_import_error_type) &&
            !rt_type_is_subtype(type, &rt_name_error_type) &&
            !rt_type_is_subtype(type, &rt_attribute_error_type))
            return rt_raise_format(vm, &rt_type_error_type, "%s() takes no keyword arguments",
                                   type->name);
        return rt_raise_format(vm, &rt_type_error_type,
                               "'%U' is an invalid keyword argument for %s()", name, type->name);
    }
    type = os_error_subtype(type, nargs, args);
    rt_value exc = rt_new_exception(vm, type, rt_tuple_from_array(vm, nargs, args));
    for (size_t i = 0; i < nkw; i++)
        if (rt_exception_set_attr(vm, exc, rt_str_data(rt_as_tuple(kwnames)->items[i]),
                                  args[nargs + i]) < 0)
            return 0;
    return exc;
}

/* ---- str and repr ---- */

static rt_value exc_str(rt_vm *vm, rt_value self)
{
    int64_t n = nargs_of(self);
    if (n == 0)
        return rt_str_from_cstr("");
    if (n == 1)
        return rt_str(vm, arg(self, 0));
    return rt_str(vm, as_exc(self)->args);
}

/* KeyError shows the key as it would appear in a dict: str(KeyError('k')) is "'k'". */
static rt_value key_error_str(rt_vm *vm, rt_value self)
{
    if (nargs_of(self) == 1)
        return rt_repr(vm, arg(self, 0));
    return exc_str(vm, self);
}

/* "[Errno 2] No such file or directory: 'x'" */
static rt_value os_error_str(rt_vm *vm, rt_value self)
{
    int64_t n = nargs_of(self);
    if (n == 3)
        return rt_str_printf(vm, "[Errno %S] %S: %R", arg(self, 0), arg(self, 1), arg(self, 2));
    if (n == 2)
        return rt_str_printf(vm, "[Errno %S] %S", arg(self, 0), arg(self, 1));
    return exc_str(vm, self);
}

static rt_value exc_repr(rt_vm *vm, rt_value self)
{
    const char *name = rt_type_short_name(rt_type_of(self));
    if (nargs_of(self) == 1)
        return rt_str_printf(vm, "%s(%R)", name, arg(self, 0));
    return rt_str_printf(vm, "%s%R", name, as_exc(self)->args);
}

/* ---- attributes ---- */

static rt_value or_none(rt_value v) { return v ? v : RT_NONE; }

/* Attributes CPython stores in C fields of particular exception types. */
static rt_value typed_attr(rt_vm *vm, rt_value self, const char *s)
{
    const rt_type *t = rt_type_of(self);
    int64_t n = nargs_of(self);
    if (rt_type_is_subtype(t, &rt_stop_iteration_type) && strcmp(s, "value") == 0)
        return n > 0 ? arg(self, 0) : RT_NONE;
    if (rt_type_is_subtype(t, &rt_system_exit_type) && strcmp(s, "code") == 0)
        return n == 0 ? RT_NONE : n == 1 ? arg(self, 0) : as_exc(self)->args;
    if ((rt_type_is_subtype(t, &rt_name_error_type) && strcmp(s, "name") == 0) ||
        (rt_type_is_subtype(t, &rt_attribute_error_type) &&
         (strcmp(s, "name") == 0 || strcmp(s, "obj") == 0)) ||
        (rt_type_is_subtype(t, &rt_import_error_type) &&
         (strcmp(s, "name") == 0 || strcmp(s, "path") == 0)))
        return or_none(extra_attr(vm, self, s));
    if (rt_type_is_subtype(t, &rt_import_error_type) && strcmp(s, "msg") == 0)
        return n == 1 ? arg(self, 0) : RT_NONE;
    if (rt_type_is_subtype(t, &rt_os_error_type)) {
        bool full = n >= 2;
        if (strcmp(s, "errno") == 0)
            return full ? arg(self, 0) : RT_NONE;
        if (strcmp(s, "strerror") == 0)
            return full ? arg(self, 1) : RT_NONE;
        if (strcmp(s, "filename") == 0)
            return n >= 3 ? arg(self, 2) : RT_NONE;
        if (strcmp(s, "filename2") == 0)
            return n >= 5 ? arg(self, 4) : RT_NONE;
    }
    return 0;
}

static rt_value exc_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_exception *e = as_exc(self);
    const char *s = rt_str_data(name);
    if (strcmp(s, "args") == 0)
        return e->args;
    if (strcmp(s, "__cause__") == 0)
        return or_none(e->cause);
    if (strcmp(s, "__context__") == 0)
        return or_none(e->context);
    if (strcmp(s, "__suppress_context__") == 0)
        return rt_bool(e->suppress_context);
    if (strcmp(s, "__traceback__") == 0)
        return rt_traceback_object(vm, self);
    if (strcmp(s, "__notes__") == 0)
        return e->notes;
    if (strcmp(s, "__class__") == 0)
        return rt_type_value(rt_type_of(self));
    if (strcmp(s, "__dict__") == 0) {
        if (e->dict == 0)
            e->dict = rt_dict_new();
        return e->dict;
    }
    rt_value v = e->dict ? rt_dict_get_str(e->dict, name) : 0;
    return v ? v : typed_attr(vm, self, s);
}

static int set_error(rt_vm *vm, const char *message)
{
    rt_raise_msg(vm, &rt_type_error_type, message);
    return -1;
}

static int exc_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    rt_exception *e = as_exc(self);
    const char *s = rt_str_data(name);
    bool none = value == RT_NONE;
    if (strcmp(s, "args") == 0) {
        if (value == 0)
            return set_error(vm, "args may not be deleted");
        rt_value t = rt_tuple_from_iterable(vm, value);
        return t ? (e->args = t, 0) : -1;
    }
    if (strcmp(s, "__cause__") == 0 || strcmp(s, "__context__") == 0) {
        bool cause = s[2] == 'c' && s[3] == 'a';
        if (value == 0)
            return set_error(vm, cause ? "__cause__ may not be deleted"
                                       : "__context__ may not be deleted");
        if (!none && !rt_is_exception(value))
            return set_error(vm,
                             cause ? "exception cause must be None or derive from BaseException"
                                   : "exception context must be None or derive from BaseException");
        *(cause ? &e->cause : &e->context) = none ? 0 : value;
        if (cause)
            e->suppress_context = true;
        return 0;
    }
    if (strcmp(s, "__suppress_context__") == 0) {
        if (value != RT_TRUE && value != RT_FALSE)
            return set_error(vm, "attribute value type must be bool");
        e->suppress_context = value == RT_TRUE;
        return 0;
    }
    if (strcmp(s, "__traceback__") == 0)
        return rt_traceback_set(vm, self, value);
    if (strcmp(s, "__notes__") == 0) {
        e->notes = value;
        return 0;
    }
    if (e->dict == 0)
        e->dict = rt_dict_new();
    if (value != 0)
        return rt_dict_set(vm, e->dict, name, value);
    int r = rt_dict_delete(vm, e->dict, name);
    if (r == 0)
        rt_raise_attribute_error(vm, self, name);
    return r > 0 ? 0 : -1;
}

static rt_value exc_add_note(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, "add_note", nargs, kwnames, 1, 1))
        return 0;
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "note must be a str, not '%T'", args[0]);
    rt_exception *e = as_exc(self);
    if (e->notes == 0)
        e->notes = rt_list_new(0);
    if (!rt_is_type(e->notes, &rt_list_type))
        return rt_raise_msg(vm, &rt_type_error_type, "Cannot add note: __notes__ is not a list");
    return rt_list_append(vm, e->notes, args[0]) < 0 ? 0 : RT_NONE;
}

static rt_value exc_with_traceback(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                   rt_value kwnames)
{
    if (!rt_check_args(vm, "with_traceback", nargs, kwnames, 1, 1))
        return 0;
    return rt_traceback_set(vm, self, args[0]) < 0 ? 0 : self;
}

static const rt_method exc_methods[] = {
    {"add_note", exc_add_note, "Add a note to the exception"},
    {"with_traceback", exc_with_traceback, "Set self.__traceback__ to tb and return self."},
    {NULL, NULL, NULL},
};

/* ---- the hierarchy ---- */

/* Every exception type differs only in name, base and str; one initializer keeps the table to
 * a line per type. VAR is the full variable name, so each stays greppable. */
#define EXC_TYPE(VAR, NAME, BASE, STR)                                                             \
    const rt_type VAR = {                                                                          \
        .base = {&rt_type_type},                                                                   \
        .name = NAME,                                                                              \
        .base_type = BASE,                                                                         \
        .repr = exc_repr,                                                                          \
        .str = STR,                                                                                \
        .hash = rt_identity_hash,                                                                  \
        .getattr = exc_getattr,                                                                    \
        .setattr = exc_setattr,                                                                    \
        .methods = exc_methods,                                                                    \
        .construct = exc_construct,                                                                \
        .is_exception = true,                                                                      \
    }

EXC_TYPE(rt_base_exception_type, "BaseException", &rt_object_type, exc_str);
EXC_TYPE(rt_system_exit_type, "SystemExit", &rt_base_exception_type, exc_str);
EXC_TYPE(rt_keyboard_interrupt_type, "KeyboardInterrupt", &rt_base_exception_type, exc_str);
EXC_TYPE(rt_generator_exit_type, "GeneratorExit", &rt_base_exception_type, exc_str);
EXC_TYPE(rt_exception_type, "Exception", &rt_base_exception_type, exc_str);
EXC_TYPE(rt_stop_iteration_type, "StopIteration", &rt_exception_type, exc_str);
EXC_TYPE(rt_stop_async_iteration_type, "StopAsyncIteration", &rt_exception_type, exc_str);
EXC_TYPE(rt_arithmetic_error_type, "ArithmeticError", &rt_exception_type, exc_str);
EXC_TYPE(rt_floating_point_error_type, "FloatingPointError", &rt_arithmetic_error_type, exc_str);
EXC_TYPE(rt_overflow_error_type, "OverflowError", &rt_arithmetic_error_type, exc_str);
EXC_TYPE(rt_zero_division_error_type, "ZeroDivisionError", &rt_arithmetic_error_type, exc_str);
EXC_TYPE(rt_assertion_error_type, "AssertionError", &rt_exception_type, exc_str);
EXC_TYPE(rt_attribute_error_type, "AttributeError", &rt_exception_type, exc_str);
EXC_TYPE(rt_buffer_error_type, "BufferError", &rt_exception_type, exc_str);
EXC_TYPE(rt_eof_error_type, "EOFError", &rt_exception_type, exc_str);
EXC_TYPE(rt_import_error_type, "ImportError", &rt_exception_type, exc_str);
EXC_TYPE(rt_module_not_found_error_type, "ModuleNotFoundError", &rt_import_error_type, exc_str);
EXC_TYPE(rt_lookup_error_type, "LookupError", &rt_exception_type, exc_str);
EXC_TYPE(rt_index_error_type, "IndexError", &rt_lookup_error_type, exc_str);
EXC_TYPE(rt_key_error_type, "KeyError", &rt_lookup_error_type, key_error_str);
EXC_TYPE(rt_memory_error_type, "MemoryError", &rt_exception_type, exc_str);
EXC_TYPE(rt_name_error_type, "NameError", &rt_exception_type, exc_str);
EXC_TYPE(rt_unbound_local_error_type, "UnboundLocalError", &rt_name_error_type, exc_str);
EXC_TYPE(rt_os_error_type, "OSError", &rt_exception_type, os_error_str);
EXC_TYPE(rt_file_exists_error_type, "FileExistsError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_file_not_found_error_type, "FileNotFoundError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_is_a_directory_error_type, "IsADirectoryError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_not_a_directory_error_type, "NotADirectoryError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_permission_error_type, "PermissionError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_timeout_error_type, "TimeoutError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_connection_error_type, "ConnectionError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_reference_error_type, "ReferenceError", &rt_exception_type, exc_str);
EXC_TYPE(rt_runtime_error_type, "RuntimeError", &rt_exception_type, exc_str);
EXC_TYPE(rt_not_implemented_error_type, "NotImplementedError", &rt_runtime_error_type, exc_str);
EXC_TYPE(rt_recursion_error_type, "RecursionError", &rt_runtime_error_type, exc_str);
EXC_TYPE(rt_syntax_error_type, "SyntaxError", &rt_exception_type, exc_str);
EXC_TYPE(rt_indentation_error_type, "IndentationError", &rt_syntax_error_type, exc_str);
EXC_TYPE(rt_tab_error_type, "TabError", &rt_indentation_error_type, exc_str);
EXC_TYPE(rt_system_error_type, "SystemError", &rt_exception_type, exc_str);
EXC_TYPE(rt_type_error_type, "TypeError", &rt_exception_type, exc_str);
EXC_TYPE(rt_value_error_type, "ValueError", &rt_exception_type, exc_str);
EXC_TYPE(rt_unicode_error_type, "UnicodeError", &rt_value_error_type, exc_str);
EXC_TYPE(rt_warning_type, "Warning", &rt_exception_type, exc_str);
EXC_TYPE(rt_user_warning_type, "UserWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_deprecation_warning_type, "DeprecationWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_runtime_warning_type, "RuntimeWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_syntax_warning_type, "SyntaxWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_bytes_warning_type, "BytesWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_encoding_warning_type, "EncodingWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_future_warning_type, "FutureWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_import_warning_type, "ImportWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_pending_deprecation_warning_type, "PendingDeprecationWarning", &rt_warning_type,
         exc_str);
EXC_TYPE(rt_resource_warning_type, "ResourceWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_unicode_warning_type, "UnicodeWarning", &rt_warning_type, exc_str);
EXC_TYPE(rt_blocking_io_error_type, "BlockingIOError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_child_process_error_type, "ChildProcessError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_interrupted_error_type, "InterruptedError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_process_lookup_error_type, "ProcessLookupError", &rt_os_error_type, os_error_str);
EXC_TYPE(rt_broken_pipe_error_type, "BrokenPipeError", &rt_connection_error_type, os_error_str);
EXC_TYPE(rt_connection_aborted_error_type, "ConnectionAbortedError", &rt_connection_error_type,
         os_error_str);
EXC_TYPE(rt_connection_refused_error_type, "ConnectionRefusedError", &rt_connection_error_type,
         os_error_str);
EXC_TYPE(rt_connection_reset_error_type, "ConnectionResetError", &rt_connection_error_type,
         os_error_str);
EXC_TYPE(rt_unicode_decode_error_type, "UnicodeDecodeError", &rt_unicode_error_type, exc_str);
EXC_TYPE(rt_unicode_encode_error_type, "UnicodeEncodeError", &rt_unicode_error_type, exc_str);
EXC_TYPE(rt_unicode_translate_error_type, "UnicodeTranslateError", &rt_unicode_error_type, exc_str);
/* Exception groups are registered by name; except* and splitting are not supported. */
EXC_TYPE(rt_base_exception_group_type, "BaseExceptionGroup", &rt_base_exception_type, exc_str);
EXC_TYPE(rt_exception_group_type, "ExceptionGroup", &rt_base_exception_group_type, exc_str);

/* In the order CPython's builtins module lists them (NameError suggestions depend on it). */
const rt_type *const rt_exception_types[] = {&rt_base_exception_type,
                                             &rt_base_exception_group_type,
                                             &rt_exception_type,
                                             &rt_generator_exit_type,
                                             &rt_keyboard_interrupt_type,
                                             &rt_system_exit_type,
                                             &rt_arithmetic_error_type,
                                             &rt_assertion_error_type,
                                             &rt_attribute_error_type,
                                             &rt_buffer_error_type,
                                             &rt_eof_error_type,
                                             &rt_import_error_type,
                                             &rt_lookup_error_type,
                                             &rt_memory_error_type,
                                             &rt_name_error_type,
                                             &rt_os_error_type,
                                             &rt_reference_error_type,
                                             &rt_runtime_error_type,
                                             &rt_stop_async_iteration_type,
                                             &rt_stop_iteration_type,
                                             &rt_syntax_error_type,
                                             &rt_system_error_type,
                                             &rt_type_error_type,
                                             &rt_value_error_type,
                                             &rt_warning_type,
                                             &rt_floating_point_error_type,
                                             &rt_overflow_error_type,
                                             &rt_zero_division_error_type,
                                             &rt_bytes_warning_type,
                                             &rt_deprecation_warning_type,
                                             &rt_encoding_warning_type,
                                             &rt_future_warning_type,
                                             &rt_import_warning_type,
                                             &rt_pending_deprecation_warning_type,
                                             &rt_resource_warning_type,
                                             &rt_runtime_warning_type,
                                             &rt_syntax_warning_type,
                                             &rt_unicode_warning_type,
                                             &rt_user_warning_type,
                                             &rt_blocking_io_error_type,
                                             &rt_child_process_error_type,
                                             &rt_connection_error_type,
                                             &rt_file_exists_error_type,
                                             &rt_file_not_found_error_type,
                                             &rt_interrupted_error_type,
                                             &rt_is_a_directory_error_type,
                                             &rt_not_a_directory_error_type,
                                             &rt_permission_error_type,
                                             &rt_process_lookup_error_type,
                                             &rt_timeout_error_type,
                                             &rt_indentation_error_type,
                                             &rt_index_error_type,
                                             &rt_key_error_type,
                                             &rt_module_not_found_error_type,
                                             &rt_not_implemented_error_type,
                                             &rt_recursion_error_type,
                                             &rt_unbound_local_error_type,
                                             &rt_unicode_error_type,
                                             &rt_broken_pipe_error_type,
                                             &rt_connection_aborted_error_type,
                                             &rt_connection_refused_error_type,
                                             &rt_connection_reset_error_type,
                                             &rt_tab_error_type,
                                             &rt_unicode_decode_error_type,
                                             &rt_unicode_encode_error_type,
                                             &rt_unicode_translate_error_type,
                                             &rt_exception_group_type,
                                             NULL};

/* ---- raising ---- */

/* Implicit chaining: the exception being handled becomes the new one's __context__, after
 * cutting any path back to the new exception so the chain never loops. */
static void chain_context(rt_vm *vm, rt_value exc)
{
    rt_value handling = vm->handling;
    if (handling == 0 || handling == exc || !rt_is_exception(handling))
        return;
    for (rt_value o = handling; as_exc(o)->context != 0; o = as_exc(o)->context) {
        if (as_exc(o)->context == exc) {
            as_exc(o)->context = 0;
            break;
        }
    }
    as_exc(exc)->context = handling;
}

rt_value rt_raise_value(rt_vm *vm, rt_value exc)
{
    chain_context(vm, exc);
    as_exc(exc)->tb_frame = NULL; /* a new raise records the current frame again */
    vm->pending = exc;
    return RT_ERROR;
}

rt_value rt_raise_msg(rt_vm *vm, const rt_type *type, const char *message)
{
    rt_value args = rt_tuple_pack(1, rt_str_from_cstr(message));
    return rt_raise_value(vm, rt_new_exception(vm, type, args));
}

rt_value rt_raise_format(rt_vm *vm, const rt_type *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_value message = rt_str_vprintf(vm, fmt, ap);
    va_end(ap);
    if (message == 0)
        return RT_ERROR; /* a repr inside the message failed; that error stands */
    return rt_raise_value(vm, rt_new_exception(vm, type, rt_tuple_pack(1, message)));
}

/* `raise X`: X may be a class, instantiated with no arguments. */
static rt_value instantiate(rt_vm *vm, rt_value x, const char *what)
{
    if (rt_is_exception(x))
        return x;
    if (!rt_is_exception_type(x))
        return rt_raise_format(vm, &rt_type_error_type, "%s must derive from BaseException", what);
    rt_value exc = rt_call0(vm, x);
    if (exc == 0)
        return 0;
    if (!rt_is_exception(exc))
        return rt_raise_format(vm, &rt_type_error_type,
                               "calling %R should have returned an instance of BaseException, "
                               "not %T",
                               x, exc);
    return exc;
}

rt_value rt_raise_stmt(rt_vm *vm, rt_value exc, rt_value cause)
{
    rt_value e = instantiate(vm, exc, "exceptions");
    if (e == 0)
        return RT_ERROR;
    if (cause != 0) {
        rt_value c = RT_NONE;
        if (cause != RT_NONE && (c = instantiate(vm, cause, "exception causes")) == 0)
            return RT_ERROR;
        as_exc(e)->cause = c == RT_NONE ? 0 : c;
        as_exc(e)->suppress_context = true;
    }
    return rt_raise_value(vm, e);
}

rt_value rt_reraise(rt_vm *vm)
{
    if (vm->handling == 0 || vm->handling == RT_NONE)
        return rt_raise_msg(vm, &rt_runtime_error_type, "No active exception to reraise");
    vm->pending = vm->handling;
    return RT_ERROR;
}

rt_value rt_restore(rt_vm *vm, rt_value exc)
{
    vm->pending = exc;
    return RT_ERROR;
}

/* Catching records the handling frame at its current line, as CPython's traceback gets an
 * entry for a frame as soon as the exception reaches it; leaving the frame again (re-raise)
 * then adds nothing more. */
rt_value rt_fetch(rt_vm *vm)
{
    rt_value exc = vm->pending;
    if (exc != 0 && vm->frame != NULL)
        rt_traceback_add(vm, vm->frame);
    vm->pending = 0;
    return exc;
}

static bool valid_catch(rt_value type)
{
    if (rt_is_exception_type(type))
        return true;
    if (!rt_is_type(type, &rt_tuple_type))
        return false;
    for (int64_t i = 0; i < rt_as_tuple(type)->size; i++)
        if (!rt_is_exception_type(rt_as_tuple(type)->items[i]))
            return false;
    return true;
}

int rt_exception_matches(rt_vm *vm, rt_value exc, rt_value type)
{
    if (!valid_catch(type)) {
        rt_raise_msg(vm, &rt_type_error_type,
                     "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    const rt_type *t = rt_type_of(exc);
    if (!rt_is_type(type, &rt_tuple_type))
        return rt_type_is_subtype(t, (const rt_type *)rt_as_object(type));
    for (int64_t i = 0; i < rt_as_tuple(type)->size; i++)
        if (rt_type_is_subtype(t, (const rt_type *)rt_as_object(rt_as_tuple(type)->items[i])))
            return 1;
    return 0;
}

bool rt_pending_is(rt_vm *vm, const rt_type *type)
{
    return vm->pending != 0 && rt_type_is_subtype(rt_type_of(vm->pending), type);
}

/* ---- messages compiled code needs ---- */

rt_value rt_raise_unbound_local(rt_vm *vm, rt_value name)
{
    return rt_raise_format(vm, &rt_unbound_local_error_type,
                           "cannot access local variable '%U' where it is not associated with "
                           "a value",
                           name);
}

static rt_value raise_with_name(rt_vm *vm, rt_value name)
{
    if (vm->pending && rt_exception_set_attr(vm, vm->pending, "name", name) < 0)
        return RT_ERROR;
    return RT_ERROR;
}

rt_value rt_raise_unbound_free(rt_vm *vm, rt_value name)
{
    rt_raise_format(vm, &rt_name_error_type,
                    "cannot access free variable '%U' where it is not associated with a value "
                    "in enclosing scope",
                    name);
    return raise_with_name(vm, name);
}

/* The suggestion itself is computed when the exception is printed, from the names visible
 * where it was raised; the globals are kept for that. */
rt_value rt_raise_name_error(rt_vm *vm, rt_value name, rt_value globals)
{
    rt_raise_format(vm, &rt_name_error_type, "name '%U' is not defined", name);
    raise_with_name(vm, name);
    if (vm->pending)
        as_exc(vm->pending)->globals = globals;
    return RT_ERROR;
}

rt_value rt_raise_assertion(rt_vm *vm, rt_value message)
{
    rt_value args = message ? rt_tuple_pack(1, message) : rt_tuple_new(0);
    return rt_raise_value(vm, rt_new_exception(vm, &rt_assertion_error_type, args));
}

rt_value rt_raise_attribute_error(rt_vm *vm, rt_value obj, rt_value name)
{
    if (rt_is_type(obj, &rt_module_type))
        rt_raise_format(vm, &rt_attribute_error_type, "module '%U' has no attribute '%U'",
                        ((rt_module *)rt_as_object(obj))->name, name);
    else if (rt_is_type(obj, &rt_type_type))
        rt_raise_format(vm, &rt_attribute_error_type, "type object '%s' has no attribute '%U'",
                        ((const rt_type *)rt_as_object(obj))->name, name);
    else
        rt_raise_format(vm, &rt_attribute_error_type, "'%T' object has no attribute '%U'", obj,
                        name);
    if (vm->pending) {
        rt_exception_set_attr(vm, vm->pending, "name", name);
        rt_exception_set_attr(vm, vm->pending, "obj", obj);
    }
    return RT_ERROR;
}
