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
/* Registers the built-in modules in vm->modules. */
void rt_modules_init(rt_vm *vm);

#endif
