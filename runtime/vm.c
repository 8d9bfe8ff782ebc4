/* The VM: creating one (collector and GMP set-up, builtins, built-in modules, __main__), its
 * output streams, and the registry of program sources that tracebacks quote. */
/* Thread creation goes through the collector so it scans the new thread's stack. */
#define GC_THREADS
#include <gc.h>
#include <gmp.h>
#include <pthread.h>
#include <string.h>

#include "builtins.h"
#include "dict.h"
#include "list.h"
#include "module.h"
#include "str.h"
#include "vm.h"

/* GMP's memory goes through the collector, so big ints need no finalisers. Setting the
 * functions is process-wide but idempotent: every VM installs the same three. */
static void *gmp_alloc(size_t size) { return rt_alloc_raw_atomic_uncleared(size); }

static void *gmp_realloc(void *p, size_t old_size, size_t new_size)
{
    (void)old_size;
    return rt_realloc_raw(p, new_size);
}

static void gmp_free(void *p, size_t size) { (void)p, (void)size; }

static void write_stdout(void *user_data, const char *text, size_t len)
{
    (void)user_data;
    fwrite(text, 1, len, stdout);
}

static void write_stderr(void *user_data, const char *text, size_t len)
{
    (void)user_data;
    fflush(stdout); /* keep the two streams in program order on a terminal */
    fwrite(text, 1, len, stderr);
    fflush(stderr);
}

/* __main__'s namespace starts as CPython's does when it runs a script. */
static void main_module_init(rt_vm *vm)
{
    vm->main = rt_module_new(vm, "__main__");
    vm->globals = ((rt_module *)rt_as_object(vm->main))->dict;
    rt_dict_set_str(vm, vm->globals, "__doc__", RT_NONE);
    rt_dict_set_str(vm, vm->globals, "__package__", RT_NONE);
    rt_dict_set_str(vm, vm->globals, "__loader__", RT_NONE);
    rt_dict_set_str(vm, vm->globals, "__spec__", RT_NONE);
    rt_dict_set_str(vm, vm->globals, "__annotations__", rt_dict_new());
    rt_value builtins = rt_dict_get_str(vm->modules, rt_str_intern(vm, "builtins"));
    rt_dict_set_str(vm, vm->globals, "__builtins__", builtins ? builtins : vm->builtins);
    rt_dict_set_str(vm, vm->modules, "__main__", vm->main);
}

rt_vm *rt_vm_new(void)
{
    rt_alloc_init();
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    /* The VM itself is a root: uncollectable memory is scanned but never reclaimed. */
    rt_vm *vm = GC_MALLOC_UNCOLLECTABLE(sizeof *vm);
    if (vm == NULL)
        return NULL;
    memset(vm, 0, sizeof *vm);
    vm->recursion_limit = RT_DEFAULT_RECURSION_LIMIT;
    vm->write_out = write_stdout;
    vm->write_err = write_stderr;
    vm->interned = rt_dict_new();
    vm->sources = rt_dict_new();
    vm->modules = rt_dict_new();
    vm->builtins = rt_dict_new();
    vm->constants = rt_list_new(0);
    rt_builtins_init(vm);
    rt_modules_init(vm);
    main_module_init(vm);
    return vm;
}

void rt_vm_free(rt_vm *vm)
{
    if (vm == NULL)
        return;
    memset(vm, 0, sizeof *vm); /* drop every reference before the memory goes */
    GC_FREE(vm);
}

void rt_write_out(rt_vm *vm, const char *text, size_t len)
{
    if (vm->write_out != NULL && len > 0)
        vm->write_out(vm->user_data, text, len);
}

void rt_write_err(rt_vm *vm, const char *text, size_t len)
{
    if (vm->write_err != NULL && len > 0)
        vm->write_err(vm->user_data, text, len);
}

/* Splits the program into lines (without their line ends) so line N is item N - 1. */
void rt_vm_add_source(rt_vm *vm, const char *filename, const char *source, size_t len)
{
    rt_value lines = rt_list_new(0);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && source[i] != '\n')
            continue;
        size_t end = i;
        if (end > start && source[end - 1] == '\r')
            end--;
        if (i < len || end > start)
            rt_list_append(vm, lines, rt_str_new(source + start, end - start));
        start = i + 1;
    }
    rt_dict_set(vm, vm->sources, rt_str_from_cstr(filename), lines);
}

int rt_run_with_stack(size_t stack_size, void *(*fn)(void *), void *arg, void **result)
{
    GC_INIT();
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) != 0)
        return -1;
    int err = pthread_attr_setstacksize(&attr, stack_size);
    if (err == 0)
        err = GC_pthread_create(&thread, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    if (err != 0)
        return -1;
    void *value = NULL;
    if (GC_pthread_join(thread, &value) != 0)
        return -1;
    if (result != NULL)
        *result = value;
    return 0;
}
