/* functools: reduce, partial (flattening nested partials), wraps/update_wrapper (which copy
 * WRAPPER_ASSIGNMENTS and merge __dict__), and lru_cache/cache with CPython's key rules,
 * LRU eviction order, statistics and CacheInfo repr. */
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

static size_t kw_count(rt_value kwnames)
{
    return kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
}

/* ---- reduce ---- */

static rt_value functools_reduce(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "reduce", nargs, kwnames, 2, 3))
        return 0;
    rt_value it = rt_get_iter(vm, args[1]);
    if (it == 0) {
        if (rt_pending_is(vm, &rt_type_error_type)) {
            vm->pending = 0;
            return rt_raise_msg(vm, &rt_type_error_type, "reduce() arg 2 must support iteration");
        }
        return 0;
    }
    rt_value acc = nargs == 3 ? args[2] : 0;
    rt_value item;
    while ((item = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        if (item == 0)
            return 0;
        if (acc == 0) {
            acc = item;
            continue;
        }
        if ((acc = rt_call2(vm, args[0], acc, item)) == 0)
            return 0;
    }
    if (acc == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "reduce() of empty iterable with no initial value");
    return acc;
}

/* ---- partial ---- */

typedef struct partial {
    rt_object base;
    rt_value func;
    rt_value args;     /* tuple */
    rt_value keywords; /* dict */
    rt_value dict;     /* __dict__ or 0 */
} partial;

extern const rt_type functools_partial_type;

static partial *as_partial(rt_value v) { return (partial *)rt_as_object(v); }

/* Keyword arguments (names + values) into a new dict, on top of `base` (or nothing). */
static rt_value keywords_dict(rt_vm *vm, rt_value base, rt_value kwnames, const rt_value *values)
{
    rt_value d = base ? rt_dict_copy(vm, base) : rt_dict_new();
    for (size_t i = 0; d && i < kw_count(kwnames); i++)
        if (rt_dict_set(vm, d, rt_as_tuple(kwnames)->items[i], values[i]) < 0)
            return 0;
    return d;
}

static rt_value concat_args(rt_vm *vm, rt_value first, size_t n, const rt_value *more)
{
    int64_t m = rt_as_tuple(first)->size;
    rt_value t = rt_tuple_new(m + (int64_t)n);
    memcpy(rt_as_tuple(t)->items, rt_as_tuple(first)->items, sizeof(rt_value) * (size_t)m);
    if (n > 0)
        memcpy(rt_as_tuple(t)->items + m, more, sizeof(rt_value) * n);
    (void)vm;
    return t;
}

static rt_value partial_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                  const rt_value *args, rt_value kwnames)
{
    if (nargs < 1)
        return rt_raise_msg(vm, &rt_type_error_type, "type 'partial' takes at least one argument");
    if (!rt_is_callable(args[0]))
        return rt_raise_msg(vm, &rt_type_error_type, "the first argument must be callable");
    rt_value func = args[0], pargs = rt_tuple_new(0), pkw = 0;
    if (rt_is_type(func, &functools_partial_type) && as_partial(func)->dict == 0) {
        partial *inner = as_partial(func); /* flatten, as CPython does */
        func = inner->func, pargs = inner->args, pkw = inner->keywords;
    }
    partial *p = rt_alloc(sizeof *p, type);
    p->func = func;
    p->args = concat_args(vm, pargs, nargs - 1, args + 1);
    p->keywords = keywords_dict(vm, pkw, kwnames, args + nargs);
    return p->keywords ? rt_from_object(p) : 0;
}

static rt_value partial_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    partial *p = as_partial(self);
    rt_value all = concat_args(vm, p->args, nargs, args);
    if (rt_dict_size(p->keywords) == 0 && kw_count(kwnames) == 0)
        return rt_call(vm, p->func, (size_t)rt_as_tuple(all)->size, rt_as_tuple(all)->items, 0);
    rt_value kw = keywords_dict(vm, p->keywords, kwnames, args + nargs);
    return kw ? rt_call_ex(vm, p->func, all, kw) : 0;
}

static rt_value partial_repr(rt_vm *vm, rt_value self)
{
    partial *p = as_partial(self);
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_cstr(&b, "functools.partial(");
    if (!rt_strbuf_append_repr_of(vm, &b, p->func))
        return 0;
    for (int64_t i = 0; i < rt_as_tuple(p->args)->size; i++) {
        rt_strbuf_append_cstr(&b, ", ");
        if (!rt_strbuf_append_repr_of(vm, &b, rt_as_tuple(p->args)->items[i]))
            return 0;
    }
    rt_value key, value;
    int64_t pos = 0;
    while (rt_dict_next(p->keywords, &pos, &key, &value)) {
        rt_strbuf_append_cstr(&b, ", ");
        if (!rt_strbuf_append_str_of(vm, &b, key))
            return 0;
        rt_strbuf_append_char(&b, '=');
        if (!rt_strbuf_append_repr_of(vm, &b, value))
            return 0;
    }
    rt_strbuf_append_char(&b, ')');
    return rt_strbuf_finish(&b);
}

static rt_value partial_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    partial *p = as_partial(self);
    if (rt_str_equal_cstr(name, "func"))
        return p->func;
    if (rt_str_equal_cstr(name, "args"))
        return p->args;
    if (rt_str_equal_cstr(name, "keywords"))
        return p->keywords;
    if (rt_str_equal_cstr(name, "__dict__")) {
        if (p->dict == 0)
            p->dict = rt_dict_new();
        return p->dict;
    }
    rt_value v = p->dict ? rt_dict_get_str(p->dict, name) : 0;
    if (v != 0)
        return v;
    /* class attributes seen through the instance */
    if (rt_str_equal_cstr(name, "__doc__"))
        return rt_str_from_cstr(rt_member_doc("functools", "partial"));
    if (rt_str_equal_cstr(name, "__module__"))
        return rt_str_intern(vm, "functools");
    return 0;
}

/* Attributes of objects that carry a plain __dict__ (partial, the lru_cache wrapper). */
static int dict_setattr(rt_vm *vm, rt_value self, rt_value *dict, rt_value name, rt_value value)
{
    if (*dict == 0)
        *dict = rt_dict_new();
    if (value != 0)
        return rt_dict_set(vm, *dict, name, value);
    int r = rt_dict_delete(vm, *dict, name);
    if (r == 0)
        rt_raise_attribute_error(vm, self, name);
    return r > 0 ? 0 : -1;
}

static int partial_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    if (rt_str_equal_cstr(name, "func") || rt_str_equal_cstr(name, "args") ||
        rt_str_equal_cstr(name, "keywords")) {
        rt_raise_msg(vm, &rt_attribute_error_type, "readonly attribute");
        return -1;
    }
    return dict_setattr(vm, self, &as_partial(self)->dict, name, value);
}

const rt_type functools_partial_type = {
    .base = {&rt_type_type},
    .name = "functools.partial",
    .base_type = &rt_object_type,
    .repr = partial_repr,
    .hash = rt_identity_hash,
    .call = partial_call,
    .getattr = partial_getattr,
    .setattr = partial_setattr,
    .construct = partial_construct,
};

/* ---- update_wrapper and wraps ---- */

static const char *const wrapper_assignments[] = {"__module__", "__name__",        "__qualname__",
                                                  "__doc__",    "__annotations__", NULL};

static rt_value strings_tuple(rt_vm *vm, const char *const *names)
{
    int64_t n = 0;
    while (names[n] != NULL)
        n++;
    rt_value t = rt_tuple_new(n);
    for (int64_t i = 0; i < n; i++)
        rt_as_tuple(t)->items[i] = rt_str_intern(vm, names[i]);
    return t;
}

/* getattr that turns AttributeError into 0 with nothing pending. */
static rt_value try_getattr(rt_vm *vm, rt_value obj, rt_value name)
{
    rt_value v = rt_getattr(vm, obj, name);
    if (v == 0 && rt_pending_is(vm, &rt_attribute_error_type))
        vm->pending = 0;
    return v;
}

static bool update_dicts(rt_vm *vm, rt_value wrapper, rt_value wrapped, rt_value updated)
{
    rt_value it = rt_get_iter(vm, updated), attr;
    if (it == 0)
        return false;
    while ((attr = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        if (attr == 0)
            return false;
        rt_value name = rt_str_intern_value(vm, attr);
        rt_value target = rt_getattr(vm, wrapper, name);
        if (target == 0)
            return false;
        rt_value source = try_getattr(vm, wrapped, name);
        if (source == 0 && vm->pending)
            return false;
        if (source != 0 &&
            rt_call_method(vm, target, rt_str_intern(vm, "update"), 1, &source, 0) == 0)
            return false;
    }
    return true;
}

static rt_value update_wrapper(rt_vm *vm, rt_value wrapper, rt_value wrapped, rt_value assigned,
                               rt_value updated)
{
    rt_value it = rt_get_iter(vm, assigned), attr;
    if (it == 0)
        return 0;
    while ((attr = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        if (attr == 0)
            return 0;
        rt_value name = rt_str_intern_value(vm, attr);
        rt_value v = try_getattr(vm, wrapped, name);
        if (v == 0 && vm->pending)
            return 0;
        if (v != 0 && rt_setattr(vm, wrapper, name, v) < 0)
            return 0;
    }
    if (!update_dicts(vm, wrapper, wrapped, updated))
        return 0;
    if (rt_setattr(vm, wrapper, rt_str_intern(vm, "__wrapped__"), wrapped) < 0)
        return 0;
    return wrapper;
}

/* update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES) */
static rt_value functools_update_wrapper(rt_vm *vm, rt_value self, size_t nargs,
                                         const rt_value *args, rt_value kwnames)
{
    (void)self;
    static const char *const names[] = {"wrapper", "wrapped", "assigned", "updated"};
    rt_value v[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < nargs && i < 4; i++)
        v[i] = args[i];
    for (int i = 0; i < 4; i++) {
        rt_value k = rt_kwarg(kwnames, args + nargs, names[i]);
        if (k != 0)
            v[i] = k;
    }
    if (nargs > 4)
        return rt_raise_format(vm, &rt_type_error_type,
                               "update_wrapper() takes from 2 to 4 positional arguments but %zu "
                               "were given",
                               nargs);
    if (v[0] == 0 || v[1] == 0)
        return rt_raise_format(vm, &rt_type_error_type,
                               "update_wrapper() missing required argument: '%s'",
                               v[0] == 0 ? "wrapper" : "wrapped");
    rt_value assigned = v[2] ? v[2] : strings_tuple(vm, wrapper_assignments);
    rt_value updated = v[3] ? v[3] : rt_tuple_pack(1, rt_str_intern(vm, "__dict__"));
    return update_wrapper(vm, v[0], v[1], assigned, updated);
}

/* wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES) is
 * partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated). */
static rt_value functools_wraps(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    static const char *const names[] = {"wrapped", "assigned", "updated"};
    rt_value v[3] = {0, 0, 0};
    if (nargs > 3)
        return rt_raise_format(vm, &rt_type_error_type,
                               "wraps() takes from 1 to 3 positional arguments but %zu were "
                               "given",
                               nargs);
    for (size_t i = 0; i < nargs; i++)
        v[i] = args[i];
    for (size_t k = 0; k < kw_count(kwnames); k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        int i = 0;
        while (i < 3 && !rt_str_equal_cstr(name, names[i]))
            i++;
        if (i == 3)
            return rt_raise_format(vm, &rt_type_error_type,
                                   "wraps() got an unexpected keyword argument '%U'", name);
        v[i] = args[nargs + k];
    }
    if (v[0] == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "wraps() missing 1 required positional argument: 'wrapped'");
    rt_value module = rt_dict_get_str(vm->modules, rt_str_intern(vm, "functools"));
    rt_value uw = module ? rt_dict_get_str(((rt_module *)rt_as_object(module))->dict,
                                           rt_str_intern(vm, "update_wrapper"))
                         : 0;
    if (uw == 0)
        uw = rt_module_function_new(vm, "functools", "update_wrapper", functools_update_wrapper);
    rt_value call_args[4] = {uw, v[0], v[1] ? v[1] : strings_tuple(vm, wrapper_assignments),
                             v[2] ? v[2] : rt_tuple_pack(1, rt_str_intern(vm, "__dict__"))};
    rt_value kw = rt_tuple_pack(3, rt_str_intern(vm, "wrapped"), rt_str_intern(vm, "assigned"),
                                rt_str_intern(vm, "updated"));
    return partial_construct(vm, &functools_partial_type, 1, call_args, kw);
}

/* ---- lru_cache ---- */

typedef struct lru_cache {
    rt_object base;
    rt_value func;
    rt_value cache;  /* dict: key -> result, oldest first */
    int64_t maxsize; /* -1: unbounded */
    bool typed;
    int64_t hits, misses;
    rt_value dict; /* __dict__ (__wrapped__, __name__, ... copied by update_wrapper) */
} lru_cache;

extern const rt_type functools_lru_wrapper_type, functools_cache_info_type;

static lru_cache *as_lru(rt_value v) { return (lru_cache *)rt_as_object(v); }

/* CPython's _make_key: positional args, then a marker and the keyword items in call order,
 * then (typed) the types of all argument values. */
static rt_value make_key(rt_vm *vm, lru_cache *c, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    size_t nkw = kw_count(kwnames);
    /* One exact int or str argument is its own key, so f(1) and f(True) differ while f(1.0)
     * and f(True) share the key (1.0,) == (True,), exactly as CPython. */
    if (!c->typed && nkw == 0 && nargs == 1 &&
        (rt_is_small_int(args[0]) || rt_is_type(args[0], &rt_int_type) ||
         rt_is_type(args[0], &rt_str_type)))
        return args[0];
    size_t n = nargs + (nkw ? 1 + 2 * nkw : 0) + (c->typed ? nargs + nkw : 0);
    rt_value key = rt_tuple_new((int64_t)n);
    rt_value *items = rt_as_tuple(key)->items;
    size_t k = 0;
    for (size_t i = 0; i < nargs; i++)
        items[k++] = args[i];
    if (nkw) {
        items[k++] = rt_type_value(&functools_lru_wrapper_type); /* the kwd_mark */
        for (size_t i = 0; i < nkw; i++) {
            items[k++] = rt_as_tuple(kwnames)->items[i];
            items[k++] = args[nargs + i];
        }
    }
    if (c->typed)
        for (size_t i = 0; i < nargs + nkw; i++)
            items[k++] = rt_type_value(rt_type_of(args[i]));
    (void)vm;
    return key;
}

/* The oldest entry goes when a bounded cache is full. */
static int evict_oldest(rt_vm *vm, lru_cache *c)
{
    rt_value key, value;
    int64_t pos = 0;
    if (!rt_dict_next(c->cache, &pos, &key, &value))
        return 0;
    return rt_dict_delete(vm, c->cache, key) < 0 ? -1 : 0;
}

static rt_value lru_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    lru_cache *c = as_lru(self);
    if (c->maxsize == 0) {
        c->misses++;
        return rt_call(vm, c->func, nargs, args, kwnames);
    }
    rt_value key = make_key(vm, c, nargs, args, kwnames);
    bool error = false;
    rt_value hit = rt_dict_get(vm, c->cache, key, &error);
    if (error)
        return 0;
    if (hit != 0) {
        c->hits++;
        /* most recently used moves to the end */
        if (c->maxsize > 0 &&
            (rt_dict_delete(vm, c->cache, key) < 0 || rt_dict_set(vm, c->cache, key, hit) < 0))
            return 0;
        return hit;
    }
    c->misses++;
    rt_value result = rt_call(vm, c->func, nargs, args, kwnames);
    if (result == 0)
        return 0;
    if (rt_dict_get(vm, c->cache, key, &error) != 0 || error) /* a recursive call added it */
        return error ? 0 : result;
    if (c->maxsize > 0 && rt_dict_size(c->cache) >= c->maxsize && evict_oldest(vm, c) < 0)
        return 0;
    return rt_dict_set(vm, c->cache, key, result) < 0 ? 0 : result;
}

static rt_value lru_repr(rt_vm *vm, rt_value self)
{
    return rt_str_printf(vm, "<functools._lru_cache_wrapper object at %p>", rt_as_object(self));
}

/* CacheInfo(hits=1, misses=2, maxsize=128, currsize=2): a named tuple. */
typedef struct cache_info {
    rt_object base;
    rt_value fields; /* tuple (hits, misses, maxsize, currsize) */
} cache_info;

static const char *const cache_info_names[] = {"hits", "misses", "maxsize", "currsize", NULL};

static rt_value info_fields(rt_value v) { return ((cache_info *)rt_as_object(v))->fields; }

static rt_value cache_info_repr(rt_vm *vm, rt_value self)
{
    rt_value *f = rt_as_tuple(info_fields(self))->items;
    return rt_str_printf(vm, "CacheInfo(hits=%R, misses=%R, maxsize=%R, currsize=%R)", f[0], f[1],
                         f[2], f[3]);
}

static rt_value cache_info_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    (void)vm;
    for (int i = 0; cache_info_names[i] != NULL; i++)
        if (rt_str_equal_cstr(name, cache_info_names[i]))
            return rt_as_tuple(info_fields(self))->items[i];
    return 0;
}

static rt_value cache_info_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    return rt_getitem(vm, info_fields(self), key);
}

static int64_t cache_info_length(rt_vm *vm, rt_value self)
{
    (void)vm, (void)self;
    return 4;
}

static rt_value cache_info_iter(rt_vm *vm, rt_value self)
{
    return rt_get_iter(vm, info_fields(self));
}

static rt_value cache_info_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (rt_is_type(other, &functools_cache_info_type))
        other = info_fields(other);
    return rt_compare(vm, op, info_fields(self), other);
}

static bool cache_info_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    return rt_hash(vm, info_fields(self), out);
}

const rt_type functools_cache_info_type = {
    .base = {&rt_type_type},
    .name = "functools.CacheInfo",
    .base_type = &rt_tuple_type,
    .repr = cache_info_repr,
    .hash = cache_info_hash,
    .compare = cache_info_compare,
    .length = cache_info_length,
    .getitem = cache_info_getitem,
    .iter = cache_info_iter,
    .getattr = cache_info_getattr,
};

static rt_value maxsize_value(lru_cache *c)
{
    return c->maxsize < 0 ? RT_NONE : rt_int_from_int64(c->maxsize);
}

static rt_value lru_cache_info(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)args;
    if (!rt_check_args(vm, "cache_info", nargs, kwnames, 0, 0))
        return 0;
    lru_cache *c = as_lru(self);
    cache_info *info = rt_alloc(sizeof *info, &functools_cache_info_type);
    info->fields = rt_tuple_pack(4, rt_int_from_int64(c->hits), rt_int_from_int64(c->misses),
                                 maxsize_value(c), rt_int_from_int64(rt_dict_size(c->cache)));
    return rt_from_object(info);
}

static rt_value lru_cache_clear(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)args;
    if (!rt_check_args(vm, "cache_clear", nargs, kwnames, 0, 0))
        return 0;
    lru_cache *c = as_lru(self);
    c->cache = rt_dict_new();
    c->hits = c->misses = 0;
    return RT_NONE;
}

static rt_value lru_cache_parameters(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                     rt_value kwnames)
{
    (void)args;
    if (!rt_check_args(vm, "cache_parameters", nargs, kwnames, 0, 0))
        return 0;
    lru_cache *c = as_lru(self);
    rt_value d = rt_dict_new();
    if (rt_dict_set_str(vm, d, "maxsize", maxsize_value(c)) < 0 ||
        rt_dict_set_str(vm, d, "typed", rt_bool(c->typed)) < 0)
        return 0;
    return d;
}

/* cache_parameters is not among them: CPython sets it as an instance attribute (it shows in
 * __dict__ and travels with functools.wraps). */
static const rt_method lru_methods[] = {
    {"cache_info", lru_cache_info, NULL},
    {"cache_clear", lru_cache_clear, NULL},
    {NULL, NULL, NULL},
};

static rt_value lru_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    lru_cache *c = as_lru(self);
    if (rt_str_equal_cstr(name, "__dict__")) {
        if (c->dict == 0)
            c->dict = rt_dict_new();
        return c->dict;
    }
    rt_value v = c->dict ? rt_dict_get_str(c->dict, name) : 0;
    if (v == 0 && (rt_str_equal_cstr(name, "__doc__") || rt_str_equal_cstr(name, "__module__")))
        return RT_NONE;
    (void)vm;
    return v;
}

static int lru_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    return dict_setattr(vm, self, &as_lru(self)->dict, name, value);
}

const rt_type functools_lru_wrapper_type = {
    .base = {&rt_type_type},
    .name = "functools._lru_cache_wrapper",
    .base_type = &rt_object_type,
    .repr = lru_repr,
    .hash = rt_identity_hash,
    .call = lru_call,
    .getattr = lru_getattr,
    .setattr = lru_setattr,
    .methods = lru_methods,
};

static rt_value lru_wrap(rt_vm *vm, rt_value func, int64_t maxsize, bool typed)
{
    lru_cache *c = rt_alloc(sizeof *c, &functools_lru_wrapper_type);
    c->func = func;
    c->cache = rt_dict_new();
    c->maxsize = maxsize;
    c->typed = typed;
    rt_value wrapper = rt_from_object(c);
    rt_value params = rt_builtin_new("cache_parameters", lru_cache_parameters, wrapper, NULL);
    if (rt_setattr(vm, wrapper, rt_str_intern(vm, "cache_parameters"), params) < 0)
        return 0;
    return update_wrapper(vm, wrapper, func, strings_tuple(vm, wrapper_assignments),
                          rt_tuple_pack(1, rt_str_intern(vm, "__dict__")));
}

/* The decorator lru_cache(maxsize, typed) returns: its settings ride in a partial-like
 * builtin whose self is a (maxsize, typed) tuple. */
static rt_value lru_decorator(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    if (!rt_check_args(vm, "decorating_function", nargs, kwnames, 1, 1))
        return 0;
    rt_value *settings = rt_as_tuple(self)->items;
    int64_t maxsize = settings[0] == RT_NONE ? -1 : rt_small_int_value(settings[0]);
    return lru_wrap(vm, args[0], maxsize, settings[1] == RT_TRUE);
}

static rt_value functools_lru_cache(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                    rt_value kwnames)
{
    (void)self;
    const rt_value *kw = args + nargs;
    if (nargs > 2)
        return rt_raise_format(vm, &rt_type_error_type,
                               "lru_cache() takes from 0 to 2 positional arguments but %zu were "
                               "given",
                               nargs);
    rt_value maxsize = nargs > 0 ? args[0] : rt_kwarg(kwnames, kw, "maxsize");
    rt_value typed = nargs > 1 ? args[1] : rt_kwarg(kwnames, kw, "typed");
    int t = typed ? rt_truthy(vm, typed) : 0;
    if (t < 0)
        return 0;
    if (maxsize == 0)
        maxsize = rt_small_int(128);
    if (rt_is_callable(maxsize) && !rt_is_int(maxsize))
        return lru_wrap(vm, maxsize, 128, t); /* @lru_cache without parentheses */
    int64_t n = -1;
    if (maxsize != RT_NONE) {
        if (!rt_is_int(maxsize))
            return rt_raise_msg(vm, &rt_type_error_type,
                                "Expected first argument to be an integer, a callable, or None");
        if (!rt_int_to_int64(maxsize, &n))
            n = RT_SMALL_INT_MAX;
        if (n < 0)
            n = 0;
    }
    rt_value settings = rt_tuple_pack(2, n < 0 ? RT_NONE : rt_small_int(n), rt_bool(t));
    return rt_builtin_new("decorating_function", lru_decorator, settings, NULL);
}

static rt_value functools_cache(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "cache", nargs, kwnames, 1, 1))
        return 0;
    return lru_wrap(vm, args[0], -1, false);
}

/* ---- cmp_to_key ---- */

typedef struct key_wrapper {
    rt_object base;
    rt_value cmp, obj;
} key_wrapper;

extern const rt_type functools_key_wrapper_type;

static rt_value key_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &functools_key_wrapper_type))
        return rt_raise_msg(vm, &rt_type_error_type, "other argument must be K instance");
    key_wrapper *a = (key_wrapper *)rt_as_object(self), *b = (key_wrapper *)rt_as_object(other);
    rt_value r = rt_call2(vm, a->cmp, a->obj, b->obj);
    if (r == 0)
        return 0;
    return rt_compare(vm, op, r, rt_small_int(0));
}

const rt_type functools_key_wrapper_type = {
    .base = {&rt_type_type},
    .name = "functools.KeyWrapper",
    .base_type = &rt_object_type,
    .compare = key_compare,
};

static rt_value key_wrapper_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    if (!rt_check_args(vm, "K", nargs, kwnames, 1, 1))
        return 0;
    key_wrapper *k = rt_alloc(sizeof *k, &functools_key_wrapper_type);
    k->cmp = self;
    k->obj = args[0];
    return rt_from_object(k);
}

static rt_value functools_cmp_to_key(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                     rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "cmp_to_key", nargs, kwnames, 1, 1))
        return 0;
    return rt_builtin_new("K", key_wrapper_call, args[0], NULL);
}

rt_value rt_functools_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "functools");
    rt_module_def(vm, m, "reduce", functools_reduce);
    rt_module_def(vm, m, "update_wrapper", functools_update_wrapper);
    rt_module_def(vm, m, "wraps", functools_wraps);
    rt_module_def(vm, m, "lru_cache", functools_lru_cache);
    rt_module_def(vm, m, "cache", functools_cache);
    rt_module_def(vm, m, "cmp_to_key", functools_cmp_to_key);
    rt_module_set(vm, m, "partial", rt_type_value(&functools_partial_type));
    rt_module_set(vm, m, "WRAPPER_ASSIGNMENTS", strings_tuple(vm, wrapper_assignments));
    rt_module_set(vm, m, "WRAPPER_UPDATES", rt_tuple_pack(1, rt_str_intern(vm, "__dict__")));
    return m;
}
