/* Calls. rt_call dispatches on the callee's type; rt_call_function binds arguments into a
 * compiled function's parameter slots exactly as CPython 3.11's initialize_locals does (same
 * order of checks, same TypeError wording), pushes a frame and runs the native entry. */
#include <pthread.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

/* Parameter slots of most functions fit in this on-stack buffer; larger ones go to the GC. */
enum { SMALL_SLOTS = 16 };

/* C stack kept free below the deepest compiled frame for builtins and the runtime itself;
 * a raised limit (sys.setrecursionlimit) past what the thread's stack holds then ends in
 * RecursionError, not a crash. */
enum { STACK_RESERVE = 256 * 1024 };

static size_t kw_count(rt_value kwnames)
{
    return kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
}

static rt_value varname(rt_code *co, int64_t i) { return rt_as_tuple(co->varnames)->items[i]; }

/* ---- argument errors, worded as CPython's ceval.c words them ---- */

static bool too_many_positional(rt_vm *vm, rt_function *f, size_t given, const rt_value *slots)
{
    rt_code *co = f->code;
    int64_t kwonly_given = 0;
    for (int64_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += slots[i] != 0;
    int64_t defcount = f->defaults == RT_NONE ? 0 : rt_as_tuple(f->defaults)->size;
    char sig[64], kwonly_sig[96] = "";
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %lld to %d", (long long)(co->argcount - defcount),
                 (int)co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%d", (int)co->argcount);
    }
    if (kwonly_given)
        snprintf(kwonly_sig, sizeof kwonly_sig,
                 " positional argument%s (and %lld keyword-only argument%s)", given != 1 ? "s" : "",
                 (long long)kwonly_given, kwonly_given != 1 ? "s" : "");
    rt_raise_format(vm, &rt_type_error_type,
                    "%U() takes %s positional argument%s but %zu%s %s given",
                    rt_function_qualname(f), sig, plural ? "s" : "", given, kwonly_sig,
                    given == 1 && !kwonly_given ? "was" : "were");
    return false;
}

/* "'x'", "'x' and 'y'", "'x', 'y', and 'z'" over the empty slots in [start, end). */
static bool missing_arguments(rt_vm *vm, rt_function *f, const char *kind, int64_t start,
                              int64_t end, const rt_value *slots)
{
    rt_code *co = f->code;
    int64_t total = 0;
    for (int64_t i = start; i < end; i++)
        total += slots[i] == 0;
    rt_strbuf names;
    rt_strbuf_init(&names);
    int64_t seen = 0;
    for (int64_t i = start; i < end; i++) {
        if (slots[i] != 0)
            continue;
        seen++;
        if (seen > 1)
            rt_strbuf_append_cstr(&names, total == 2 ? " and " : seen == total ? ", and " : ", ");
        if (!rt_strbuf_append_repr_of(vm, &names, varname(co, i)))
            return false;
    }
    rt_raise_format(vm, &rt_type_error_type, "%U() missing %lld required %s argument%s: %U",
                    rt_function_qualname(f), (long long)total, kind, total == 1 ? "" : "s",
                    rt_strbuf_finish(&names));
    return false;
}

/* A keyword naming a positional-only parameter, when there is no **kwargs to absorb it. */
static bool posonly_passed_as_keyword(rt_vm *vm, rt_function *f, rt_value kwnames)
{
    rt_code *co = f->code;
    rt_strbuf names;
    rt_strbuf_init(&names);
    int conflicts = 0;
    for (int64_t k = 0; k < co->posonlyargcount; k++) {
        for (size_t j = 0; j < kw_count(kwnames); j++) {
            rt_value kw = rt_as_tuple(kwnames)->items[j];
            if (!rt_str_equal(varname(co, k), kw))
                continue;
            if (conflicts++)
                rt_strbuf_append_cstr(&names, ", ");
            rt_strbuf_append(&names, rt_str_data(kw), (size_t)rt_str_size(kw));
        }
    }
    if (conflicts == 0)
        return true;
    rt_raise_format(vm, &rt_type_error_type,
                    "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                    rt_function_qualname(f), rt_strbuf_finish(&names));
    return false;
}

/* ---- binding ---- */

/* The slot of keyword `name`: co_varnames[posonlyargcount : argcount + kwonlyargcount]. */
static int64_t find_keyword(rt_code *co, rt_value name)
{
    int64_t total = co->argcount + co->kwonlyargcount;
    for (int64_t i = co->posonlyargcount; i < total; i++)
        if (varname(co, i) == name)
            return i;
    for (int64_t i = co->posonlyargcount; i < total; i++)
        if (rt_str_equal(varname(co, i), name))
            return i;
    return -1;
}

static bool bind_keywords(rt_vm *vm, rt_function *f, const rt_value *kwvalues, rt_value kwnames,
                          rt_value kwdict, rt_value *slots)
{
    for (size_t k = 0; k < kw_count(kwnames); k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        if (!rt_is_type(name, &rt_str_type)) {
            rt_raise_format(vm, &rt_type_error_type, "%U() keywords must be strings",
                            rt_function_qualname(f));
            return false;
        }
        int64_t j = find_keyword(f->code, name);
        if (j < 0) {
            if (kwdict == 0) {
                if (!posonly_passed_as_keyword(vm, f, kwnames))
                    return false;
                rt_raise_format(vm, &rt_type_error_type,
                                "%U() got an unexpected keyword argument '%U'",
                                rt_function_qualname(f), name);
                return false;
            }
            if (rt_dict_set(vm, kwdict, name, kwvalues[k]) < 0)
                return false;
            continue;
        }
        if (slots[j] != 0) {
            rt_raise_format(vm, &rt_type_error_type, "%U() got multiple values for argument '%U'",
                            rt_function_qualname(f), name);
            return false;
        }
        slots[j] = kwvalues[k];
    }
    return true;
}

/* Missing positional parameters take __defaults__, which cover the last ones. */
static bool bind_defaults(rt_vm *vm, rt_function *f, size_t nargs, rt_value *slots)
{
    rt_code *co = f->code;
    if ((int64_t)nargs >= co->argcount)
        return true;
    int64_t defcount = f->defaults == RT_NONE ? 0 : rt_as_tuple(f->defaults)->size;
    int64_t m = co->argcount - defcount;
    for (int64_t i = (int64_t)nargs; i < m; i++)
        if (slots[i] == 0)
            return missing_arguments(vm, f, "positional", 0, m, slots);
    for (int64_t i = (int64_t)nargs > m ? (int64_t)nargs - m : 0; i < defcount; i++)
        if (slots[m + i] == 0)
            slots[m + i] = rt_as_tuple(f->defaults)->items[i];
    return true;
}

static bool bind_kwdefaults(rt_vm *vm, rt_function *f, rt_value *slots)
{
    rt_code *co = f->code;
    int64_t start = co->argcount, end = co->argcount + co->kwonlyargcount;
    rt_value kwdefaults = rt_function_kwdefaults(f);
    bool missing = false;
    for (int64_t i = start; i < end; i++) {
        if (slots[i] != 0)
            continue;
        rt_value v = kwdefaults == RT_NONE ? 0 : rt_dict_get_str(kwdefaults, varname(co, i));
        if (v != 0)
            slots[i] = v;
        else
            missing = true;
    }
    return !missing || missing_arguments(vm, f, "keyword-only", start, end, slots);
}

static bool bind(rt_vm *vm, rt_function *f, size_t nargs, const rt_value *args, rt_value kwnames,
                 rt_value *slots)
{
    rt_code *co = f->code;
    int64_t total = co->argcount + co->kwonlyargcount;
    bool varargs = (co->flags & RT_CO_VARARGS) != 0;
    rt_value kwdict = 0;
    if (co->flags & RT_CO_VARKEYWORDS)
        slots[total + varargs] = kwdict = rt_dict_new();
    size_t n = nargs < (size_t)co->argcount ? nargs : (size_t)co->argcount;
    if (n > 0)
        memcpy(slots, args, n * sizeof *slots);
    if (varargs && !(slots[total] = rt_tuple_from_array(vm, nargs - n, args + n)))
        return false;
    if (!bind_keywords(vm, f, args + nargs, kwnames, kwdict, slots))
        return false;
    if (nargs > (size_t)co->argcount && !varargs)
        return too_many_positional(vm, f, nargs, slots);
    return bind_defaults(vm, f, nargs, slots) &&
           (co->kwonlyargcount == 0 || bind_kwdefaults(vm, f, slots));
}

/* The lowest usable address of this thread's stack, from its real bounds. */
static uintptr_t stack_limit_here(void)
{
    pthread_attr_t attr;
    void *base = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return 0;
    pthread_attr_getstack(&attr, &base, &size);
    pthread_attr_destroy(&attr);
    return size > 2 * STACK_RESERVE ? (uintptr_t)base + STACK_RESERVE : 0;
}

/* Pushes the frame, runs the body, and records where it failed before popping. */
static rt_value run(rt_vm *vm, rt_function *f, const rt_value *slots)
{
    if (vm->depth == 0 && vm->stack_limit == 0) {
        uintptr_t limit = stack_limit_here(); /* once per VM: it reads /proc for the main thread */
        vm->stack_limit = limit ? limit : 1;
    }
    rt_frame frame = {vm->frame, f, f->code->firstlineno};
    if (vm->depth >= vm->recursion_limit || (uintptr_t)&frame < vm->stack_limit)
        return rt_raise_msg(vm, &rt_recursion_error_type, "maximum recursion depth exceeded");
    vm->frame = &frame;
    vm->depth++;
    rt_value result = f->code->entry(vm, &frame, slots);
    if (result == RT_ERROR)
        rt_traceback_add(vm, &frame);
    vm->frame = frame.back;
    vm->depth--;
    return result;
}

/* Added by the JIT owner (issue 5). Positional arguments short of argcount whose missing
 * ones all have defaults, with no keywords and no star parameters: the slots are the
 * arguments followed by the tail of __defaults__, as bind() would make them. */
static bool defaults_cover(rt_function *f, size_t nargs)
{
    rt_code *co = f->code;
    if (nargs >= (size_t)co->argcount || co->argcount > SMALL_SLOTS || f->defaults == RT_NONE)
        return false;
    return (size_t)rt_as_tuple(f->defaults)->size >= (size_t)co->argcount - nargs;
}

/* Added by the JIT owner (issue 5). A decorator wrapper that only forwards its star
 * parameters (rt_code.forwards covers each it has), called with at least its positional
 * parameters and no keywords: the *args tuple is built here, on the C stack, and **kwargs is
 * the code's shared empty dict — no allocation, where bind() makes a tuple and a dict per
 * call. The tuple lives as long as the call, which is as long as anything can see it. */
static int32_t star_params(const rt_code *co)
{
    return ((co->flags & RT_CO_VARARGS) ? RT_FORWARDS_ARGS : 0) |
           ((co->flags & RT_CO_VARKEYWORDS) ? RT_FORWARDS_KWARGS : 0);
}

static bool forwards_all(const rt_code *co, size_t nargs)
{
    int32_t star = star_params(co);
    return star != 0 && (co->forwards & star) == star && co->kwonlyargcount == 0 &&
           nargs >= (size_t)co->argcount && nargs - (size_t)co->argcount <= SMALL_SLOTS &&
           co->nparams <= SMALL_SLOTS;
}

void rt_code_set_forwards(rt_code *co, int32_t forwards)
{
    co->forwards = forwards;
    int32_t star = star_params(co);
    bool pure = (co->flags & RT_CO_VARARGS) && co->argcount == 0 && co->kwonlyargcount == 0 &&
                (forwards & star) == star;
    if (!pure)
        return;
    co->forwards |= RT_FORWARDS_WRAPPER;
    if ((co->flags & RT_CO_VARKEYWORDS) && co->empty_kwargs == 0)
        co->empty_kwargs = rt_dict_new();
}

/* The slots of a call short of positional arguments that __defaults__ supply. */
static rt_value *defaults_slots(rt_function *f, size_t nargs, const rt_value *args,
                                rt_value *space)
{
    rt_code *co = f->code;
    const rt_tuple *defaults = rt_as_tuple(f->defaults);
    size_t missing = (size_t)co->argcount - nargs;
    const rt_value *tail = defaults->items + (defaults->size - (int64_t)missing);
    for (size_t i = 0; i < nargs; i++)
        space[i] = args[i];
    for (size_t i = 0; i < missing; i++)
        space[nargs + i] = tail[i];
    return space;
}

/* The slots of a forward-only wrapper, the *args tuple after them in `space` (it lives as
 * long as the call, as long as anything can see it) unless the caller's own tuple holds
 * exactly the extra arguments; NULL when they do not fit in `words`. */
static rt_value *forwarding_slots(rt_code *co, size_t nargs, const rt_value *args,
                                  rt_value tuple, rt_value *space, size_t words)
{
    size_t n = (size_t)co->argcount, at = n, rest = nargs - n;
    size_t tuple_words = sizeof(rt_tuple) / sizeof(rt_value) + rest;
    bool reuse = tuple != 0 && n == 0;
    if ((size_t)co->nparams + (reuse ? 0 : tuple_words) > words)
        return NULL;
    for (size_t i = 0; i < n; i++)
        space[i] = args[i];
    if (co->flags & RT_CO_VARARGS) {
        if (!reuse) {
            rt_tuple *t = (rt_tuple *)(void *)(space + co->nparams);
            t->base.type = &rt_tuple_type;
            t->size = (int64_t)rest;
            for (size_t i = 0; i < rest; i++)
                t->items[i] = args[n + i];
            tuple = rt_from_object(t);
        }
        space[at++] = tuple;
    }
    if (co->flags & RT_CO_VARKEYWORDS) {
        if (co->empty_kwargs == 0)
            co->empty_kwargs = rt_dict_new();
        space[at++] = co->empty_kwargs;
    }
    return space;
}

rt_value *rt_call_slots(rt_value function, size_t nargs, const rt_value *args, rt_value tuple,
                        rt_value *space, size_t words)
{
    rt_function *f = rt_as_function(function);
    rt_code *co = f->code;
    if (co->kwonlyargcount != 0)
        return NULL;
    if (!(co->flags & (RT_CO_VARARGS | RT_CO_VARKEYWORDS)))
        return defaults_cover(f, nargs) && (size_t)co->argcount <= words
                   ? defaults_slots(f, nargs, args, space)
                   : NULL;
    if (co->forwards && forwards_all(co, nargs))
        return forwarding_slots(co, nargs, args, tuple, space, words);
    return NULL;
}

/* rt_call_slots' slots in this C frame, then the call into *result; false when they do not
 * apply and the caller must bind. noinline: the common path's C frame stays small for deep
 * recursion. */
__attribute__((noinline)) static bool call_with_slots(rt_vm *vm, rt_function *f, size_t nargs,
                                                      const rt_value *args, rt_value *result)
{
    enum { WORDS = 2 * SMALL_SLOTS + sizeof(rt_tuple) / sizeof(rt_value) };
    _Alignas(rt_tuple) rt_value space[WORDS];
    rt_value *slots = rt_call_slots(rt_from_object(f), nargs, args, 0, space, WORDS);
    if (slots == NULL)
        return false;
    *result = run(vm, f, slots);
    return true;
}

rt_value rt_call_function(rt_vm *vm, rt_value function, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    rt_function *f = rt_as_function(function);
    rt_code *co = f->code;
    if (co->entry == NULL)
        return rt_raise_format(vm, &rt_runtime_error_type, "%U() has no compiled code",
                               rt_function_qualname(f));
    const int simple = RT_CO_VARARGS | RT_CO_VARKEYWORDS;
    if (nargs == (size_t)co->argcount && kw_count(kwnames) == 0 && !(co->flags & simple) &&
        co->kwonlyargcount == 0)
        return run(vm, f, args); /* the fast path: the caller's array is the slot array */
    rt_value result;
    if (kw_count(kwnames) == 0 && call_with_slots(vm, f, nargs, args, &result))
        return result;
    rt_value buffer[SMALL_SLOTS];
    int64_t nslots = co->nparams > 0 ? co->nparams : 1;
    rt_value *slots = nslots <= SMALL_SLOTS ? buffer : rt_alloc_raw(sizeof *slots * nslots);
    memset(slots, 0, sizeof *slots * nslots);
    if (!bind(vm, f, nargs, args, kwnames, slots))
        return RT_ERROR;
    return run(vm, f, slots);
}

/* ---- generic calls ---- */

rt_value rt_call(rt_vm *vm, rt_value callee, size_t nargs, const rt_value *args, rt_value kwnames)
{
    if (rt_is_object(callee)) {
        const rt_type *t = rt_as_object(callee)->type;
        if (t == &rt_function_type)
            return rt_call_function(vm, callee, nargs, args, kwnames);
        if (t->call != NULL)
            return t->call(vm, callee, nargs, args, kwnames);
    }
    return rt_raise_format(vm, &rt_type_error_type, "'%s' object is not callable",
                           rt_type_of(callee)->name);
}

rt_value rt_call0(rt_vm *vm, rt_value callee) { return rt_call(vm, callee, 0, NULL, 0); }

rt_value rt_call1(rt_vm *vm, rt_value callee, rt_value a) { return rt_call(vm, callee, 1, &a, 0); }

rt_value rt_call2(rt_vm *vm, rt_value callee, rt_value a, rt_value b)
{
    rt_value args[2] = {a, b};
    return rt_call(vm, callee, 2, args, 0);
}

/* "f()" in messages about a call site: module-qualified for functions outside builtins, as
 * CPython's _PyObject_FunctionStr. */
rt_value rt_function_str(rt_vm *vm, rt_value callee)
{
    if (rt_is_type(callee, &rt_function_type)) {
        rt_function *f = rt_as_function(callee);
        rt_value module = rt_function_module(f);
        if (rt_is_type(module, &rt_str_type) && !rt_str_equal_cstr(module, "builtins"))
            return rt_str_printf(vm, "%U.%U()", module, rt_function_qualname(f));
        return rt_str_printf(vm, "%U()", rt_function_qualname(f));
    }
    if (rt_is_type(callee, &rt_builtin_type))
        return rt_str_printf(vm, "%s()", ((rt_builtin *)rt_as_object(callee))->name);
    if (rt_is_type(callee, &rt_type_type))
        return rt_str_printf(vm, "%s()", ((const rt_type *)rt_as_object(callee))->name);
    return rt_str_printf(vm, "%s object", rt_type_of(callee)->name);
}

static bool is_iterable_type(const rt_type *t)
{
    return t->iter != NULL || t->next != NULL || t->getitem != NULL;
}

static rt_value raise_not_iterable_args(rt_vm *vm, rt_value callee, rt_value args)
{
    rt_value fs = rt_function_str(vm, callee);
    return fs ? rt_raise_format(vm, &rt_type_error_type,
                                "%U argument after * must be an iterable, not %T", fs, args)
              : 0;
}

int rt_extend_call_args(rt_vm *vm, rt_value list, rt_value iterable, rt_value callee)
{
    if (!is_iterable_type(rt_type_of(iterable))) {
        raise_not_iterable_args(vm, callee, iterable);
        return -1;
    }
    return rt_list_extend(vm, list, iterable);
}

static rt_value positional_tuple(rt_vm *vm, rt_value callee, rt_value args)
{
    if (args == 0)
        return rt_tuple_new(0);
    if (rt_is_type(args, &rt_tuple_type))
        return args;
    if (rt_is_type(args, &rt_list_type))
        return rt_list_to_tuple(vm, args);
    if (!is_iterable_type(rt_type_of(args)))
        return raise_not_iterable_args(vm, callee, args);
    return rt_tuple_from_iterable(vm, args);
}

rt_value rt_call_ex(rt_vm *vm, rt_value callee, rt_value args, rt_value kwargs)
{
    rt_value pos = positional_tuple(vm, callee, args);
    if (pos == 0)
        return RT_ERROR;
    size_t nargs = (size_t)rt_as_tuple(pos)->size;
    if (kwargs != 0 && !rt_is_type(kwargs, &rt_dict_type)) {
        rt_value fs = rt_function_str(vm, callee);
        return fs ? rt_raise_format(vm, &rt_type_error_type,
                                    "%U argument after ** must be a mapping, not %T", fs, kwargs)
                  : 0;
    }
    if (kwargs == 0 || rt_dict_size(kwargs) == 0)
        return rt_call(vm, callee, nargs, rt_as_tuple(pos)->items, 0);
    int64_t nkw = rt_dict_size(kwargs);
    rt_value kwnames = rt_tuple_new(nkw);
    rt_value *all = rt_alloc_raw(sizeof *all * (nargs + (size_t)nkw));
    memcpy(all, rt_as_tuple(pos)->items, nargs * sizeof *all);
    rt_value key, value;
    int64_t pos_i = 0, k = 0;
    while (rt_dict_next(kwargs, &pos_i, &key, &value)) {
        if (!rt_is_type(key, &rt_str_type))
            return rt_raise_msg(vm, &rt_type_error_type, "keywords must be strings");
        rt_as_tuple(kwnames)->items[k] = key;
        all[nargs + (size_t)k++] = value;
    }
    return rt_call(vm, callee, nargs, all, kwnames);
}

/* ---- helpers for builtins ---- */

/* CPython's METH_NOARGS / METH_O / _PyArg_CheckPositional wording. */
bool rt_check_args(rt_vm *vm, const char *name, size_t nargs, rt_value kwnames, size_t min,
                   long max)
{
    if (kw_count(kwnames) > 0) {
        rt_raise_format(vm, &rt_type_error_type, "%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs >= min && (max < 0 || nargs <= (size_t)max))
        return true;
    if (max == 0)
        rt_raise_format(vm, &rt_type_error_type, "%s() takes no arguments (%zu given)", name,
                        nargs);
    else if (min == 1 && max == 1)
        rt_raise_format(vm, &rt_type_error_type, "%s() takes exactly one argument (%zu given)",
                        name, nargs);
    else if (nargs < min)
        rt_raise_format(vm, &rt_type_error_type, "%s expected %s%zu argument%s, got %zu", name,
                        (long)min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    else
        rt_raise_format(vm, &rt_type_error_type, "%s expected %s%ld argument%s, got %zu", name,
                        (long)min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    return false;
}

rt_value rt_kwarg(rt_value kwnames, const rt_value *kwvalues, const char *name)
{
    for (size_t i = 0; i < kw_count(kwnames); i++)
        if (rt_str_equal_cstr(rt_as_tuple(kwnames)->items[i], name))
            return kwvalues[i];
    return 0;
}
