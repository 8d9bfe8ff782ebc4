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
} rt_builtin;

rt_value rt_builtin_new(const char *name, rt_cfunc fn, rt_value self, void *data);
/* Fills vm->builtins. */
void rt_builtins_init(rt_vm *vm);

#endif
