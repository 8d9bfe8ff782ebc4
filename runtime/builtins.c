/* The builtin function object (plain builtins, bound methods, unbound method descriptors,
 * module functions) and the builtins namespace in CPython's order, with the core builtins:
 * print, repr, str-like conversions, len, id, hash, callable, globals. */
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static rt_builtin *as_builtin(rt_value v) { return (rt_builtin *)rt_as_object(v); }

rt_value rt_builtin_new(const char *name, rt_cfunc fn, rt_value self, void *data)
{
    rt_builtin *b = rt_alloc(sizeof *b, &rt_builtin_type);
    b->name = name;
    b->fn = fn;
    b->self = self;
    b->data = data;
    return rt_from_object(b);
}

rt_value rt_method_descriptor_new(const rt_method *method, const rt_type *type)
{
    rt_value v = rt_builtin_new(method->name, method->fn, 0, NULL);
    as_builtin(v)->objclass = type;
    return v;
}

rt_value rt_module_function_new(rt_vm *vm, const char *module, const char *name, rt_cfunc fn)
{
    rt_value v = rt_builtin_new(name, fn, 0, NULL);
    const char *home = rt_member_module(module, name); /* functools.reduce: _functools */
    as_builtin(v)->module = rt_str_intern(vm, home ? home : module);
    as_builtin(v)->doc = rt_member_doc(module, name);
    return v;
}

static rt_value builtin_repr(rt_vm *vm, rt_value self)
{
    rt_builtin *b = as_builtin(self);
    if (b->objclass != NULL)
        return rt_str_printf(vm, "<method '%s' of '%s' objects>", b->name, b->objclass->name);
    if (b->self == 0 || rt_is_type(b->self, &rt_module_type))
        return rt_str_printf(vm, "<built-in function %s>", b->name);
    return rt_str_printf(vm, "<built-in method %s of %s object at %p>", b->name,
                         rt_type_of(b->self)->name, (void *)(uintptr_t)b->self);
}

static rt_value builtin_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_builtin *b = as_builtin(self);
    const char *s = rt_str_data(name);
    if (strcmp(s, "__name__") == 0)
        return rt_str_from_cstr(b->name);
    if (strcmp(s, "__qualname__") == 0) {
        if (b->objclass != NULL)
            return rt_str_printf(vm, "%s.%s", rt_type_short_name(b->objclass), b->name);
        if (b->self != 0 && !rt_is_type(b->self, &rt_module_type)) {
            const rt_type *t = rt_is_type(b->self, &rt_type_type)
                                   ? (const rt_type *)rt_as_object(b->self)
                                   : rt_type_of(b->self);
            return rt_str_printf(vm, "%s.%s", rt_type_short_name(t), b->name);
        }
        return rt_str_from_cstr(b->name);
    }
    if (strcmp(s, "__self__") == 0) {
        if (b->self != 0)
            return b->self;
        rt_value mod =
            rt_dict_get_str(vm->modules, b->module ? b->module : rt_str_intern(vm, "builtins"));
        return mod ? mod : RT_NONE;
    }
    if (strcmp(s, "__module__") == 0) {
        if (b->module)
            return b->module;
        return b->self == 0 && b->objclass == NULL ? rt_str_intern(vm, "builtins") : RT_NONE;
    }
    if (strcmp(s, "__doc__") == 0)
        return b->doc ? rt_str_from_cstr(b->doc) : RT_NONE;
    if (strcmp(s, "__objclass__") == 0 && b->objclass != NULL)
        return rt_type_value(b->objclass);
    return 0;
}

/* Builtins have no __dict__: only __module__ can be assigned, as in CPython. */
static int builtin_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    static const char *const readonly[] = {"__name__", "__qualname__",       "__doc__",
                                           "__self__", "__text_signature__", NULL};
    if (rt_str_equal_cstr(name, "__module__") && value != 0) {
        as_builtin(self)->module = value;
        return 0;
    }
    for (const char *const *p = readonly; *p != NULL; p++)
        if (rt_str_equal_cstr(name, *p)) {
            rt_raise_format(vm, &rt_attribute_error_type,
                            "attribute '%U' of 'builtin_function_or_method' objects is not "
                            "writable",
                            name);
            return -1;
        }
    rt_raise_attribute_error(vm, self, name);
    return -1;
}

/* An unbound method checks its self argument the way CPython's method descriptors do. */
static rt_value call_descriptor(rt_vm *vm, rt_builtin *b, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    if (nargs == 0)
        return rt_raise_format(vm, &rt_type_error_type, "unbound method %s.%s() needs an argument",
                               rt_type_short_name(b->objclass), b->name);
    if (!rt_type_is_subtype(rt_type_of(args[0]), b->objclass))
        return rt_raise_format(vm, &rt_type_error_type,
                               "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                               b->name, b->objclass->name, args[0]);
    return b->fn(vm, args[0], nargs - 1, args + 1, kwnames);
}

static rt_value builtin_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    rt_builtin *b = as_builtin(self);
    if (b->objclass != NULL)
        return call_descriptor(vm, b, nargs, args, kwnames);
    return b->fn(vm, b->self ? b->self : self, nargs, args, kwnames);
}

const rt_type rt_builtin_type = {
    .base = {&rt_type_type},
    .name = "builtin_function_or_method",
    .base_type = &rt_object_type,
    .repr = builtin_repr,
    .hash = rt_identity_hash,
    .call = builtin_call,
    .getattr = builtin_getattr,
    .setattr = builtin_setattr,
};

bool rt_is_callable(rt_value v) { return rt_is_object(v) && rt_as_object(v)->type->call != NULL; }

void rt_sort_names(rt_value list)
{
    rt_list *l = rt_as_list(list);
    for (int64_t i = 1; i < l->size; i++) {
        rt_value v = l->items[i];
        int64_t j = i;
        for (; j > 0 && strcmp(rt_str_data(l->items[j - 1]), rt_str_data(v)) > 0; j--)
            l->items[j] = l->items[j - 1];
        l->items[j] = v;
    }
}

/* ---- print ---- */

static bool print_option(rt_vm *vm, rt_value v, const char *what, rt_value *out)
{
    if (v == 0 || v == RT_NONE)
        return true;
    if (!rt_is_type(v, &rt_str_type)) {
        rt_raise_format(vm, &rt_type_error_type, "%s must be None or a string, not %T", what, v);
        return false;
    }
    *out = v;
    return true;
}

static bool print_keywords(rt_vm *vm, size_t nargs, const rt_value *args, rt_value kwnames)
{
    for (int64_t i = 0; kwnames && i < rt_as_tuple(kwnames)->size; i++) {
        rt_value k = rt_as_tuple(kwnames)->items[i];
        if (!rt_str_equal_cstr(k, "sep") && !rt_str_equal_cstr(k, "end") &&
            !rt_str_equal_cstr(k, "file") && !rt_str_equal_cstr(k, "flush")) {
            rt_raise_format(vm, &rt_type_error_type,
                            "'%U' is an invalid keyword argument for print()", k);
            return false;
        }
    }
    (void)nargs, (void)args;
    return true;
}

static rt_value print_text(rt_vm *vm, rt_value file, rt_value text, rt_value flush)
{
    if (file == 0 || file == RT_NONE) {
        rt_write_out(vm, rt_str_data(text), (size_t)rt_str_size(text));
        return RT_NONE;
    }
    if (rt_is_type(file, &rt_stream_type)) {
        rt_stream_write(vm, file, text);
        return RT_NONE;
    }
    if (rt_call_method(vm, file, rt_str_intern(vm, "write"), 1, &text, 0) == 0)
        return 0;
    if (flush != 0) {
        int t = rt_truthy(vm, flush);
        if (t < 0 || (t && rt_call_method(vm, file, rt_str_intern(vm, "flush"), 0, NULL, 0) == 0))
            return 0;
    }
    return RT_NONE;
}

static rt_value builtin_print(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    if (!print_keywords(vm, nargs, args, kwnames))
        return 0;
    const rt_value *kw = args + nargs;
    rt_value sep = rt_str_from_cstr(" "), end = rt_str_from_cstr("\n");
    if (!print_option(vm, rt_kwarg(kwnames, kw, "sep"), "sep", &sep) ||
        !print_option(vm, rt_kwarg(kwnames, kw, "end"), "end", &end))
        return 0;
    rt_strbuf out;
    rt_strbuf_init(&out);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0)
            rt_strbuf_append(&out, rt_str_data(sep), (size_t)rt_str_size(sep));
        if (!rt_strbuf_append_str_of(vm, &out, args[i]))
            return 0;
    }
    rt_strbuf_append(&out, rt_str_data(end), (size_t)rt_str_size(end));
    return print_text(vm, rt_kwarg(kwnames, kw, "file"), rt_strbuf_finish(&out),
                      rt_kwarg(kwnames, kw, "flush"));
}

/* ---- one-argument builtins ---- */

static rt_value builtin_repr_fn(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    return rt_check_args(vm, "repr", nargs, kwnames, 1, 1) ? rt_repr(vm, args[0]) : 0;
}

static rt_value builtin_len(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "len", nargs, kwnames, 1, 1))
        return 0;
    int64_t n = rt_length(vm, args[0]);
    return n < 0 ? 0 : rt_int_from_int64(n);
}

static rt_value builtin_id(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "id", nargs, kwnames, 1, 1))
        return 0;
    /* Objects: their address. Unboxed values: their word, odd or below any address. */
    return rt_int_from_int64((int64_t)args[0]);
}

static rt_value builtin_hash(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    int64_t h;
    if (!rt_check_args(vm, "hash", nargs, kwnames, 1, 1) || !rt_hash(vm, args[0], &h))
        return 0;
    return rt_int_from_int64(h);
}

static rt_value builtin_callable(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "callable", nargs, kwnames, 1, 1))
        return 0;
    return rt_bool(rt_is_callable(args[0]));
}

/* The calling function's globals: builtins push no frame, so vm->frame is the caller. */
static rt_value builtin_globals(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self, (void)args;
    if (!rt_check_args(vm, "globals", nargs, kwnames, 0, 0))
        return 0;
    if (vm->frame != NULL && vm->frame->function != NULL)
        return vm->frame->function->globals;
    return vm->globals;
}

/* locals() is only meaningful at module level here: compiled functions keep their locals
 * in machine registers, not in a dict. */
static rt_value builtin_locals(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "locals", nargs, kwnames, 0, 0))
        return 0;
    rt_frame *f = vm->frame;
    if (f == NULL || f->function == NULL || rt_str_equal_cstr(f->function->code->name, "<module>"))
        return builtin_globals(vm, self, nargs, args, kwnames);
    return rt_raise_msg(vm, &rt_not_implemented_error_type,
                        "locals() inside a function is not supported");
}

static bool is_locals_builtin(rt_value callee)
{
    if (!rt_is_type(callee, &rt_builtin_type))
        return false;
    rt_builtin *b = as_builtin(callee);
    return b->fn == builtin_locals ||
           (b->self == 0 && b->module == 0 && b->objclass == NULL && strcmp(b->name, "vars") == 0);
}

rt_value rt_call_or_locals(rt_vm *vm, rt_value callee, size_t n, const rt_value *names,
                           const rt_value *values)
{
    if (!is_locals_builtin(callee))
        return rt_call(vm, callee, 0, NULL, 0);
    rt_value d = rt_dict_new();
    for (size_t i = 0; i < n; i++)
        if (values[i] != 0 && rt_dict_set(vm, d, names[i], values[i]) < 0)
            return 0;
    return d;
}

/* Names CPython's builtins module has that cellar does not implement. They still occupy
 * their place in the namespace (NameError suggestions search it in order); calling one says
 * so plainly. */
static rt_value builtin_unsupported(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                    rt_value kwnames)
{
    (void)nargs, (void)args, (void)kwnames;
    return rt_raise_format(vm, &rt_not_implemented_error_type, "%s() is not supported",
                           as_builtin(self)->name);
}

/* Types CPython's builtins have and cellar does not implement: they exist, print as classes,
 * and calling one says it is unsupported. */
static rt_value unsupported_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                      const rt_value *args, rt_value kwnames)
{
    (void)nargs, (void)args, (void)kwnames;
    return rt_raise_format(vm, &rt_not_implemented_error_type, "%s() is not supported", type->name);
}

#define UNSUPPORTED_TYPE(VAR, NAME)                                                                \
    static const rt_type VAR = {.base = {&rt_type_type},                                           \
                                .name = NAME,                                                      \
                                .base_type = &rt_object_type,                                      \
                                .hash = rt_identity_hash,                                          \
                                .construct = unsupported_construct}
UNSUPPORTED_TYPE(memoryview_type, "memoryview");
UNSUPPORTED_TYPE(bytearray_type, "bytearray");
UNSUPPORTED_TYPE(bytes_type, "bytes");
UNSUPPORTED_TYPE(classmethod_type, "classmethod");
UNSUPPORTED_TYPE(complex_type, "complex");
UNSUPPORTED_TYPE(property_type, "property");
UNSUPPORTED_TYPE(staticmethod_type, "staticmethod");
UNSUPPORTED_TYPE(super_type, "super");

/* ---- the namespace ---- */

static rt_cfunc core_function(const char *name)
{
    static const struct {
        const char *name;
        rt_cfunc fn;
    } core[] = {{"callable", builtin_callable},
                {"globals", builtin_globals},
                {"hash", builtin_hash},
                {"id", builtin_id},
                {"len", builtin_len},
                {"locals", builtin_locals},
                {"print", builtin_print},
                {"repr", builtin_repr_fn},
                /* iter_builtins.c (containers) */
                {"all", rt_builtin_all},
                {"any", rt_builtin_any},
                {"iter", rt_builtin_iter},
                {"max", rt_builtin_max},
                {"min", rt_builtin_min},
                {"next", rt_builtin_next},
                {"sorted", rt_builtin_sorted},
                {"sum", rt_builtin_sum},
                {NULL, NULL}};
    for (int i = 0; core[i].name != NULL; i++)
        if (strcmp(core[i].name, name) == 0)
            return core[i].fn;
    return NULL;
}

/* The builtin functions in the order CPython's builtins module defines them. */
static const char *const function_names[] = {"__build_class__",
                                             "__import__",
                                             "abs",
                                             "all",
                                             "any",
                                             "ascii",
                                             "bin",
                                             "breakpoint",
                                             "callable",
                                             "chr",
                                             "compile",
                                             "delattr",
                                             "dir",
                                             "divmod",
                                             "eval",
                                             "exec",
                                             "format",
                                             "getattr",
                                             "globals",
                                             "hasattr",
                                             "hash",
                                             "hex",
                                             "id",
                                             "input",
                                             "isinstance",
                                             "issubclass",
                                             "iter",
                                             "aiter",
                                             "len",
                                             "locals",
                                             "max",
                                             "min",
                                             "next",
                                             "anext",
                                             "oct",
                                             "ord",
                                             "pow",
                                             "print",
                                             "repr",
                                             "round",
                                             "setattr",
                                             "sorted",
                                             "sum",
                                             "vars",
                                             NULL};

static void set(rt_vm *vm, const char *name, rt_value v)
{
    rt_dict_set(vm, vm->builtins, rt_str_intern(vm, name), v);
}

static void def(rt_vm *vm, const char *name)
{
    rt_cfunc fn = core_function(name);
    if (fn == NULL)
        fn = rt_builtins_more_function(name);
    if (fn == NULL)
        fn = builtin_unsupported;
    rt_value b = rt_builtin_new(name, fn, 0, NULL);
    as_builtin(b)->doc = rt_builtin_doc(name);
    set(vm, name, b);
}

static void def_types(rt_vm *vm, const rt_type *const *types)
{
    for (; *types != NULL; types++)
        set(vm, rt_type_short_name(*types), rt_type_value(*types));
}

void rt_builtins_init(rt_vm *vm)
{
    rt_value module = rt_module_new(vm, "builtins");
    ((rt_module *)rt_as_object(module))->dict = vm->builtins;
    set(vm, "__name__", rt_str_intern(vm, "builtins"));
    set(vm, "__doc__", rt_str_from_cstr(rt_doc("builtins")));
    set(vm, "__package__", rt_str_from_cstr(""));
    set(vm, "__loader__", RT_NONE);
    set(vm, "__spec__", RT_NONE);
    for (const char *const *name = function_names; *name != NULL; name++)
        def(vm, *name);
    set(vm, "None", RT_NONE);
    set(vm, "Ellipsis", RT_ELLIPSIS);
    set(vm, "NotImplemented", RT_NOT_IMPLEMENTED);
    set(vm, "False", RT_FALSE);
    set(vm, "True", RT_TRUE);
    static const rt_type *const types[] = {&rt_bool_type,   &memoryview_type,   &bytearray_type,
                                           &bytes_type,     &classmethod_type,  &complex_type,
                                           &rt_dict_type,   &rt_enumerate_type, &rt_filter_type,
                                           &rt_float_type,  &rt_frozenset_type, &property_type,
                                           &rt_int_type,    &rt_list_type,      &rt_map_type,
                                           &rt_object_type, &rt_range_type,     &rt_reversed_type,
                                           &rt_set_type,    &rt_slice_type,     &staticmethod_type,
                                           &rt_str_type,    &super_type,        &rt_tuple_type,
                                           &rt_type_type,   &rt_zip_type,       NULL};
    def_types(vm, types);
    set(vm, "__debug__", RT_TRUE);
    def_types(vm, rt_exception_types);
    set(vm, "EnvironmentError", rt_type_value(&rt_os_error_type));
    set(vm, "IOError", rt_type_value(&rt_os_error_type));
    static const char *const tail[] = {"open",    "quit",    "exit", "copyright",
                                       "credits", "license", "help", NULL};
    for (const char *const *name = tail; *name != NULL; name++)
        def(vm, *name);
    rt_dict_set_str(vm, vm->modules, "builtins", module);
}
