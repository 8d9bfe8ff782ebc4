/* The builtins module: print, len, range, type, isinstance, ... and the builtin function
 * object that wraps a C function (also used for methods and host functions). */
#ifndef CELLAR_BUILTINS_H
#define CELLAR_BUILTINS_H

#include "value.h"

typedef struct rt_builtin {
    rt_object base;
    const char *name;
    rt_cfunc fn;
    rt_value self;   /* bound object for methods; 0 for plain builtins */
    rt_value module; /* __module__ or 0 */
    void *data;      /* host data for functions registered through the embedding API */
    /* For a method taken from a type (str.upper): the type whose instances it applies to;
     * calling it passes the first argument as self. NULL otherwise. */
    const rt_type *objclass;
    const char *doc; /* __doc__, or NULL for None */
} rt_builtin;

rt_value rt_builtin_new(const char *name, rt_cfunc fn, rt_value self, void *data);
/* str.upper: an unbound method of `type`, called as str.upper(s). */
rt_value rt_method_descriptor_new(const rt_method *method, const rt_type *type);
/* A function of a built-in module (math.sqrt): its __module__ is the module's name. */
rt_value rt_module_function_new(rt_vm *vm, const char *module, const char *name, rt_cfunc fn);
/* CPython 3.11's docstrings (builtins_doc.c, from a table generated from CPython): of the
 * builtin `name`, of `name` in `module` (a function or type: "functools", "reduce"), or of
 * what `qualified` names ("math" for the module, "builtins.int"); NULL when it has none. */
const char *rt_builtin_doc(const char *name);
const char *rt_member_doc(const char *module, const char *name);
const char *rt_doc(const char *qualified);
/* The __module__ CPython gives `name` in `module` (functools.reduce is "_functools"), or NULL. */
const char *rt_member_module(const char *module, const char *name);
/* The __file__ of the provided module `name` in CPython ("/usr/lib/python3.11/functools.py"),
 * or NULL for one built into CPython (sys, math, time). */
const char *rt_module_file(const char *name);
/* Fills vm->builtins. */
void rt_builtins_init(rt_vm *vm);

/* dir(obj): a sorted list of attribute names (what AttributeError suggestions search). */
rt_value rt_dir(rt_vm *vm, rt_value obj);
/* Sorts a list of str in place by code point (names for dir() and friends). */
void rt_sort_names(rt_value list);
/* The builtin function `name` implemented in builtins_more.c, or NULL. */
rt_cfunc rt_builtins_more_function(const char *name);
/* open(): text files (file.c). */
rt_value rt_builtin_open(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames);
/* locals() needs the caller's variables, which live in compiled code, not in a dict. So in a
 * function that mentions `locals` or `vars`, a call with no arguments is compiled as this:
 * when the callee turns out (at run time) to be the builtin locals or vars, the dict of the
 * function's bound variables (names[i] -> values[i]; value 0 = unbound, skipped); otherwise
 * the ordinary call. */
rt_value rt_call_or_locals(rt_vm *vm, rt_value callee, size_t n, const rt_value *names,
                           const rt_value *values);
/* True when calling v can work: functions, builtins, types, objects with a call slot. */
bool rt_is_callable(rt_value v);

#endif
