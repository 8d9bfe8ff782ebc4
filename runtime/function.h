/* Code objects, functions and cells: the run-time half of closure conversion. A function is
 * code plus its environment record — a tuple in co_freevars order of cells, or of the values
 * themselves for variables never rebound, which __closure__ shows as cells — plus defaults
 * and globals; the attributes few functions ever set live apart. */
#ifndef CELLAR_FUNCTION_H
#define CELLAR_FUNCTION_H

#include "value.h"
#include "vm.h"

/* Native entry of a compiled function. `args` holds one value per parameter slot, in
 * co_varnames order (positional, keyword-only, *args tuple, **kwargs dict), already bound. */
typedef rt_value (*rt_entry)(rt_vm *vm, rt_frame *frame, const rt_value *args);

/* co_flags bits, as CPython numbers them. */
enum {
    RT_CO_OPTIMIZED = 0x1,
    RT_CO_NEWLOCALS = 0x2,
    RT_CO_VARARGS = 0x4,
    RT_CO_VARKEYWORDS = 0x8,
    RT_CO_NESTED = 0x10,
    RT_CO_NOFREE = 0x40
};

typedef struct rt_code {
    rt_object base;
    rt_value name, qualname, filename;     /* str */
    rt_value varnames, cellvars, freevars; /* tuples of str */
    rt_value docstring;                    /* str or None: the first constant */
    int32_t argcount, posonlyargcount, kwonlyargcount;
    int32_t flags;
    int32_t firstlineno;
    int32_t nparams; /* argcount + kwonlyargcount + has *args + has **kwargs */
    rt_entry entry;  /* filled in when the JIT has compiled the body */
    rt_value names;  /* co_names: tuple of the global and attribute names the body uses */
    /* Added by the JIT owner: RT_FORWARDS_* bits, set when the body does nothing with its
     * *args or **kwargs but pass them on as fn(*args, **kwargs) (jit/codegen_forward.c), so
     * rt_call_function may build that *args tuple in its own C frame and share one empty
     * **kwargs dict between calls (empty_kwargs, made on first use): neither can escape. */
    int32_t forwards;
    rt_value empty_kwargs;
    /* Bit i: free variable i is held by value, so closure item i is the variable's value, not
     * a cell (issue 5: a captured parameter never rebound; frontend/scope_byvalue.c). */
    uint64_t byvalue;
    /* __module__ of the functions made from this code: globals['__name__'] (None when absent)
     * at its first MAKE_FUNCTION, 0 before. A later function whose module differs (the
     * module rebound __name__ between defs) keeps its own in its rt_function_extra. */
    rt_value module;
} rt_code;

/* RT_FORWARDS_WRAPPER: the code is a pure wrapper, `(*args)` or `(*args, **kwargs)` with no
 * other parameters and both forwarded, and its empty_kwargs is made: compiled callers build
 * its slots inline (jit/codegen_call.c). */
enum { RT_FORWARDS_ARGS = 1, RT_FORWARDS_KWARGS = 2, RT_FORWARDS_WRAPPER = 4 };

typedef struct rt_cell {
    rt_object base;
    rt_value contents; /* 0 while empty */
    /* 0 for a real cell. A cell that __closure__ made for a by-value closure item holds a copy
     * of the value and the variable's name here: its cell_contents is read-only. The word is
     * free: a 16-byte cell already takes 32 bytes with the collector's extra byte. */
    rt_value copy_of;
} rt_cell;

/* The attributes a function seldom has of its own, allocated when the first is set or
 * created. A 0 field takes the default: __name__, __qualname__ and __doc__ the code's (its
 * name, qualname and docstring), __module__ the code's cached one, __kwdefaults__ None;
 * __dict__ and __annotations__ are created on first use. */
typedef struct rt_function_extra {
    rt_value name, qualname, doc, module;
    rt_value kwdefaults; /* dict */
    rt_value dict, annotations;
    /* __closure__ of a function holding variables by value: its cells made on first read
     * (function.c), so that every read gives the same tuple, as CPython's does. */
    rt_value closure_cells;
} rt_function_extra;

/* Small on purpose: closure-heavy code makes many functions and the collector's time grows
 * with the bytes allocated. rt_make_closure and the JIT's inline MAKE_FUNCTION
 * (jit/codegen_alloc.c) place the closure tuple right after it, in the same block. */
typedef struct rt_function {
    rt_object base;
    rt_code *code;
    rt_value globals;         /* dict */
    rt_value closure;         /* tuple of cells (values where code->byvalue says), or RT_NONE */
    rt_value defaults;        /* tuple or RT_NONE */
    rt_function_extra *extra; /* NULL until one of its attributes is set */
} rt_function;

static inline rt_function *rt_as_function(rt_value v) { return (rt_function *)rt_as_object(v); }

rt_value rt_code_new(rt_vm *vm, const char *name, const char *qualname, const char *filename);
rt_value rt_cell_new(rt_value contents); /* contents may be 0 (empty) */
/* MAKE_FUNCTION: closure is a tuple of cells or 0; defaults a tuple or 0; kwdefaults a dict
 * or 0. __name__, __qualname__, __doc__ come from the code; __module__ from globals. */
rt_value rt_make_function(rt_vm *vm, rt_code *code, rt_value globals, rt_value closure,
                          rt_value defaults, rt_value kwdefaults);
/* Added by the JIT owner: MAKE_FUNCTION as compiled code does it. The closure is a new tuple
 * of the `ncells` cells at `cells` (none when 0), allocated together with the function, and
 * __module__ is `module`, the caller's lookup of globals['__name__'] (0: absent, None). */
rt_value rt_make_closure(rt_vm *vm, rt_code *code, rt_value globals, size_t ncells,
                         const rt_value *cells, rt_value defaults, rt_value kwdefaults,
                         rt_value module);
/* MAKE_FUNCTION's annotations: the dict of a def's evaluated annotations becomes its
 * __annotations__ (a function without one gets an empty dict on first use). Returns
 * `function`. */
rt_value rt_function_set_annotations(rt_value function, rt_value annotations);

static inline rt_code *rt_as_code(rt_value v) { return (rt_code *)rt_as_object(v); }
/* Whether closure item i of a function with this code is a value rather than a cell. */
static inline bool rt_code_byvalue(const rt_code *c, int64_t i)
{
    return i >= 0 && i < 64 && (c->byvalue >> i & 1);
}
static inline rt_cell *rt_as_cell(rt_value v) { return (rt_cell *)rt_as_object(v); }

/* The attributes kept in rt_function_extra, read through their defaults. */
static inline rt_value rt_function_name(const rt_function *f)
{
    return f->extra && f->extra->name ? f->extra->name : f->code->name;
}

static inline rt_value rt_function_qualname(const rt_function *f)
{
    return f->extra && f->extra->qualname ? f->extra->qualname : f->code->qualname;
}

static inline rt_value rt_function_doc(const rt_function *f)
{
    if (f->extra && f->extra->doc)
        return f->extra->doc;
    return f->code->docstring ? f->code->docstring : RT_NONE;
}

static inline rt_value rt_function_module(const rt_function *f)
{
    if (f->extra && f->extra->module)
        return f->extra->module;
    return f->code->module ? f->code->module : RT_NONE;
}

/* A dict, or RT_NONE. */
static inline rt_value rt_function_kwdefaults(const rt_function *f)
{
    return f->extra && f->extra->kwdefaults ? f->extra->kwdefaults : RT_NONE;
}

/* Added for the JIT: MAKE_FUNCTION's __module__ (None when absent) when it is not the code's
 * cached one, because this is the code's first function or the module rebound __name__.
 * Returns `function`. */
rt_value rt_function_init_module(rt_value function, rt_value module);
/* The function's __dict__, created on first use. */
rt_value rt_function_dict(rt_function *f);
/* dir(f): the function's attribute names, sorted, as CPython lists them (a list of str). */
rt_value rt_function_dir(rt_vm *vm, rt_value function);

#endif
