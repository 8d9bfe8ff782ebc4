/* Modules: module objects (a name and a namespace dict), their attributes and repr, and the
 * import statement over the registry of built-in modules in vm->modules. */
#include <string.h>

#include "builtins.h"
#include "dict.h"
#include "exception.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static rt_module *as_module(rt_value v) { return (rt_module *)rt_as_object(v); }

rt_value rt_module_new(rt_vm *vm, const char *name)
{
    rt_module *m = rt_alloc(sizeof *m, &rt_module_type);
    m->name = rt_str_intern(vm, name);
    m->dict = rt_dict_new();
    rt_dict_set_str(vm, m->dict, "__name__", m->name);
    const char *doc = rt_doc(name), *file = rt_module_file(name);
    rt_dict_set_str(vm, m->dict, "__doc__", doc ? rt_str_from_cstr(doc) : RT_NONE);
    if (file != NULL) /* CPython's functools and logging are source files */
        rt_dict_set_str(vm, m->dict, "__file__", rt_str_from_cstr(file));
    return rt_from_object(m);
}

void rt_module_set(rt_vm *vm, rt_value module, const char *name, rt_value value)
{
    rt_dict_set(vm, as_module(module)->dict, rt_str_intern(vm, name), value);
}

void rt_module_def(rt_vm *vm, rt_value module, const char *name, rt_cfunc fn)
{
    const char *mod = rt_str_data(as_module(module)->name);
    rt_module_set(vm, module, name, rt_module_function_new(vm, mod, name, fn));
}

static rt_value module_repr(rt_vm *vm, rt_value self)
{
    rt_module *m = as_module(self);
    rt_value file = rt_dict_get_str(m->dict, rt_str_intern(vm, "__file__"));
    if (file != 0 && rt_is_type(file, &rt_str_type))
        return rt_str_printf(vm, "<module %R from %R>", m->name, file);
    return rt_str_printf(vm, "<module %R (built-in)>", m->name);
}

/* A missing attribute raises here rather than in ops.c: modules word it differently. */
static rt_value module_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_module *m = as_module(self);
    rt_value v = rt_dict_get_str(m->dict, name);
    if (v != 0)
        return v;
    if (rt_str_equal_cstr(name, "__dict__"))
        return m->dict;
    if (rt_str_equal_cstr(name, "__class__"))
        return rt_type_value(&rt_module_type);
    return rt_raise_attribute_error(vm, self, name);
}

static int module_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    rt_module *m = as_module(self);
    if (value != 0)
        return rt_dict_set(vm, m->dict, name, value);
    int r = rt_dict_delete(vm, m->dict, name);
    if (r == 0)
        rt_raise_attribute_error(vm, self, name);
    return r > 0 ? 0 : -1;
}

const rt_type rt_module_type = {
    .base = {&rt_type_type},
    .name = "module",
    .base_type = &rt_object_type,
    .repr = module_repr,
    .hash = rt_identity_hash,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

/* ---- scripts ---- */

/* The __loader__ CPython gives a module run from a source file: a SourceFileLoader knowing
 * the module's name and the file's path. */
typedef struct source_loader {
    rt_object base;
    rt_value name, path;
} source_loader;

static rt_value loader_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    source_loader *l = (source_loader *)rt_as_object(self);
    if (rt_str_equal_cstr(name, "name"))
        return l->name;
    if (rt_str_equal_cstr(name, "path"))
        return l->path;
    return 0;
}

static const rt_type source_loader_type = {
    .base = {&rt_type_type},
    .name = "_frozen_importlib_external.SourceFileLoader",
    .base_type = &rt_object_type,
    .hash = rt_identity_hash,
    .getattr = loader_getattr,
};

void rt_module_set_script(rt_vm *vm, rt_value module, rt_value path)
{
    source_loader *l = rt_alloc(sizeof *l, &source_loader_type);
    l->name = as_module(module)->name;
    l->path = path;
    rt_module_set(vm, module, "__loader__", rt_from_object(l));
    rt_module_set(vm, module, "__file__", path);
    rt_module_set(vm, module, "__cached__", RT_NONE);
}

static rt_value not_found(rt_vm *vm, rt_value name, const char *suffix_fmt, rt_value head)
{
    if (suffix_fmt != NULL)
        rt_raise_format(vm, &rt_module_not_found_error_type, suffix_fmt, name, head);
    else
        rt_raise_format(vm, &rt_module_not_found_error_type, "No module named %R", name);
    if (vm->pending)
        rt_exception_set_attr(vm, vm->pending, "name", name);
    return RT_ERROR;
}

rt_value rt_import_name(rt_vm *vm, rt_value name)
{
    rt_value m = rt_dict_get_str(vm->modules, name);
    if (m != 0)
        return m;
    const char *s = rt_str_data(name);
    const char *dot = strchr(s, '.');
    if (dot == NULL)
        return not_found(vm, name, NULL, 0);
    rt_value head = rt_str_new(s, (size_t)(dot - s));
    if (rt_dict_get_str(vm->modules, rt_str_intern_value(vm, head)) == 0)
        return not_found(vm, head, NULL, 0);
    return not_found(vm, name, "No module named %R; %R is not a package", head);
}

rt_value rt_import_from(rt_vm *vm, rt_value module, rt_value name)
{
    if (rt_is_type(module, &rt_module_type)) {
        rt_value v = rt_dict_get_str(as_module(module)->dict, name);
        if (v != 0)
            return v;
        rt_value file = rt_dict_get_str(as_module(module)->dict, rt_str_intern(vm, "__file__"));
        if (file != 0 && rt_is_type(file, &rt_str_type))
            rt_raise_format(vm, &rt_import_error_type, "cannot import name %R from %R (%U)", name,
                            as_module(module)->name, file);
        else
            rt_raise_format(vm, &rt_import_error_type,
                            "cannot import name %R from %R (unknown location)", name,
                            as_module(module)->name);
        if (vm->pending) {
            rt_exception_set_attr(vm, vm->pending, "name", as_module(module)->name);
            rt_exception_set_attr(vm, vm->pending, "path", file ? file : RT_NONE);
        }
        return RT_ERROR;
    }
    return rt_getattr(vm, module, name);
}

void rt_modules_init(rt_vm *vm)
{
    rt_value (*const builders[])(rt_vm *) = {rt_sys_module_new,     rt_math_module_new,
                                             rt_time_module_new,    rt_functools_module_new,
                                             rt_logging_module_new, NULL};
    for (int i = 0; builders[i] != NULL; i++) {
        rt_value m = builders[i](vm);
        rt_dict_set(vm, vm->modules, as_module(m)->name, m);
    }
}
