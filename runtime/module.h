/* Modules: module objects, the import statement, and the built-in modules cellar provides
 * (logging, functools, time, sys, math). */
#ifndef CELLAR_MODULE_H
#define CELLAR_MODULE_H

#include "value.h"

typedef struct rt_module {
    rt_object base;
    rt_value name; /* str */
    rt_value dict; /* namespace */
} rt_module;

rt_value rt_module_new(rt_vm *vm, const char *name);
/* `import name` (dotted allowed): ModuleNotFoundError: No module named 'x'. */
rt_value rt_import_name(rt_vm *vm, rt_value name);
/* `from module import name`: ImportError: cannot import name 'x' from 'm' (unknown location). */
rt_value rt_import_from(rt_vm *vm, rt_value module, rt_value name);
/* Marks `module` as run from the source file `path` (a str), as CPython does for a script:
 * __loader__ becomes a SourceFileLoader, __file__ the path, __cached__ None. */
void rt_module_set_script(rt_vm *vm, rt_value module, rt_value path);
/* Registers the built-in modules in vm->modules. */
void rt_modules_init(rt_vm *vm);

/* Builders of the built-in modules, each returning the module object. */
rt_value rt_logging_module_new(rt_vm *vm);   /* mod_logging.c */
rt_value rt_functools_module_new(rt_vm *vm); /* mod_functools.c */
rt_value rt_time_module_new(rt_vm *vm);      /* mod_misc.c */
rt_value rt_sys_module_new(rt_vm *vm);       /* mod_misc.c */
rt_value rt_math_module_new(rt_vm *vm);      /* mod_misc.c */
/* sys.argv = [argv[0], ..., argv[argc - 1]] (the embedding layer calls this). */
void rt_sys_set_argv(rt_vm *vm, int argc, const char *const *argv);
/* Adds a C function to a module's namespace. */
void rt_module_def(rt_vm *vm, rt_value module, const char *name, rt_cfunc fn);
void rt_module_set(rt_vm *vm, rt_value module, const char *name, rt_value value);

/* sys.stdout / sys.stderr: objects with write() and flush() that go to the VM's streams, so
 * print(..., file=sys.stderr) works. */
typedef struct rt_stream {
    rt_object base;
    bool err;
} rt_stream;
extern const rt_type rt_stream_type;
void rt_stream_write(rt_vm *vm, rt_value stream, rt_value text);

#endif
