/* Values across the boundary: the handle table that keeps what the host holds alive, and the
 * functions that make Python values from C data and read C data back, each with CPython's
 * TypeError/OverflowError wording when the value does not fit. */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "builtins.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

/* ---- the handle table ---- */

enum { FIRST_CAPACITY = 64 };

static uint32_t slot_of(cellar_value h) { return (uint32_t)(h.id & 0xffffffffu) - 1; }

/* Doubles the table; the new slots go on the free stack, lowest index on top. Out of line: it
 * runs a handful of times in a VM's life. */
static bool grow(api_handles *t)
{
    uint32_t old = t->capacity;
    uint32_t capacity = old ? 2 * old : FIRST_CAPACITY;
    if (capacity < old)
        return false;
    uint32_t *generations = realloc(t->generations, capacity * sizeof *generations);
    if (generations)
        t->generations = generations;
    uint32_t *free_slots = generations ? realloc(t->free, capacity * sizeof *free_slots) : NULL;
    if (!free_slots)
        return false;
    t->free = free_slots;
    t->values = rt_realloc_raw(t->values, capacity * sizeof *t->values);
    for (uint32_t i = old; i < capacity; i++) {
        generations[i] = t->seed; /* even: free */
        t->values[i] = 0;
        t->free[t->nfree++] = capacity - 1 - (i - old);
    }
    t->capacity = capacity;
    return true;
}

void api_handles_grow(api_handles *t)
{
    if (!grow(t)) {
        fputs("cellar: out of memory for handles\n", stderr);
        abort(); /* as the allocator does: raising needs memory too */
    }
}

cellar_status api_dead_handle(cellar_vm *vm, const char *what)
{
    return api_misuse(vm, "%s is not a live handle of this VM", what);
}

cellar_status api_dead_item(cellar_vm *vm, size_t i, const cellar_value *items)
{
    if (!items)
        return api_misuse(vm, "an array of values is NULL");
    return api_misuse(vm, "item %zu is not a live handle of this VM", i);
}

cellar_status api_null_out(cellar_vm *vm) { return api_misuse(vm, "the result pointer is NULL"); }

void cellar_release(cellar_vm *vm, cellar_value v)
{
    rt_value ignored;
    if (!vm || !api_lookup(vm, v, &ignored))
        return;
    api_handles *t = &vm->handles;
    uint32_t i = slot_of(v);
    t->values[i] = 0; /* the value may go now */
    t->generations[i]++;
    t->free[t->nfree++] = i;
}

cellar_status cellar_dup(cellar_vm *vm, cellar_value v, cellar_value *out)
{
    api_begin(vm);
    rt_value value = 0;
    cellar_status s = api_get(vm, v, "cellar_dup: the value", &value);
    return s != CELLAR_OK ? s : api_out(vm, value, out);
}

size_t cellar_handle_count(const cellar_vm *vm)
{
    return vm->handles.capacity - vm->handles.nfree;
}

void api_handles_free(api_handles *t)
{
    free(t->generations);
    free(t->free);
    *t = (api_handles){0}; /* the values array is GC memory: unreachable now, collected later */
}

/* ---- making values ---- */

/* Stores a handle for `v`, or fails with the exception its making raised (v == 0). */
static cellar_status made(cellar_vm *vm, rt_value v, cellar_value *out)
{
    return v ? api_out(vm, v, out) : api_fail(vm, CELLAR_RUNTIME_ERROR);
}

cellar_status cellar_new_none(cellar_vm *vm, cellar_value *out)
{
    api_begin(vm);
    return api_out(vm, RT_NONE, out);
}

cellar_status cellar_new_bool(cellar_vm *vm, bool b, cellar_value *out)
{
    api_begin(vm);
    return api_out(vm, rt_bool(b), out);
}

cellar_status cellar_new_int(cellar_vm *vm, int64_t i, cellar_value *out)
{
    api_begin(vm);
    bool small = i >= RT_SMALL_INT_MIN && i <= RT_SMALL_INT_MAX;
    return api_out(vm, small ? rt_small_int(i) : rt_int_from_int64(i), out);
}

static bool decimal_digits(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

cellar_status cellar_new_int_str(cellar_vm *vm, const char *digits, cellar_value *out)
{
    api_begin(vm);
    if (!digits)
        return api_misuse(vm, "cellar_new_int_str: digits is NULL");
    rt_vm *rt = vm->rt;
    if (!decimal_digits(digits)) {
        rt_raise_format(rt, &rt_value_error_type, "invalid literal for int() with base 10: %s",
                        digits);
        return api_fail(vm, CELLAR_RUNTIME_ERROR);
    }
    bool negative = digits[0] == '-';
    rt_value v = rt_int_from_string(rt, digits + negative, 10);
    if (v && negative)
        v = rt_unary_op(rt, RT_NEG, v);
    return made(vm, v, out);
}

cellar_status cellar_new_float(cellar_vm *vm, double d, cellar_value *out)
{
    api_begin(vm);
    return api_out(vm, rt_float_new(d), out);
}

/* The length of the UTF-8 sequence at s (n bytes left), or 0 when it is not one: no overlong
 * forms, no surrogates, nothing past U+10FFFF — what Python's strict decoder accepts. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (len == 0 || len > n || s[0] > 0xf4)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    return len;
}

/* The offset of the first byte that is not valid UTF-8, or n. */
static size_t utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t len = utf8_sequence((const unsigned char *)s + i, n - i);
        if (len == 0)
            return i;
        i += len;
    }
    return n;
}

cellar_status cellar_new_str(cellar_vm *vm, const char *utf8, size_t len, cellar_value *out)
{
    api_begin(vm);
    if (!utf8 && len > 0)
        return api_misuse(vm, "cellar_new_str: text is NULL");
    size_t bad = utf8_invalid_at(utf8 ? utf8 : "", len);
    if (bad < len) {
        char message[96];
        snprintf(message, sizeof message,
                 "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid utf-8",
                 (unsigned char)utf8[bad], bad);
        return cellar_raise(vm, "UnicodeDecodeError", message);
    }
    return api_out(vm, rt_str_new(utf8 ? utf8 : "", len), out);
}

/* A tuple or a list of the values behind `items`. */
static cellar_status new_sequence(cellar_vm *vm, size_t n, const cellar_value *items,
                                  cellar_value *out, bool list)
{
    api_begin(vm);
    rt_value *values = rt_alloc_raw((n ? n : 1) * sizeof *values);
    cellar_status s = api_get_array(vm, n, items, values);
    if (s != CELLAR_OK)
        return s;
    rt_value v = list ? rt_list_from_array(vm->rt, n, values) : rt_tuple_from_array(vm->rt, n, values);
    return made(vm, v, out);
}

cellar_status cellar_new_tuple(cellar_vm *vm, size_t n, const cellar_value *items,
                               cellar_value *out)
{
    return new_sequence(vm, n, items, out, false);
}

cellar_status cellar_new_list(cellar_vm *vm, size_t n, const cellar_value *items, cellar_value *out)
{
    return new_sequence(vm, n, items, out, true);
}

cellar_status cellar_new_dict(cellar_vm *vm, cellar_value *out)
{
    api_begin(vm);
    return api_out(vm, rt_dict_new(), out);
}

/* ---- inspecting values ---- */

cellar_type cellar_type_of(const cellar_vm *vm, cellar_value v)
{
    rt_value value = 0;
    if (!api_lookup(vm, v, &value))
        return CELLAR_TYPE_INVALID;
    const rt_type *t = rt_type_of(value);
    static const struct {
        const rt_type *type;
        cellar_type kind;
    } kinds[] = {
        {&rt_none_type, CELLAR_TYPE_NONE},         {&rt_bool_type, CELLAR_TYPE_BOOL},
        {&rt_int_type, CELLAR_TYPE_INT},           {&rt_float_type, CELLAR_TYPE_FLOAT},
        {&rt_str_type, CELLAR_TYPE_STR},           {&rt_tuple_type, CELLAR_TYPE_TUPLE},
        {&rt_list_type, CELLAR_TYPE_LIST},         {&rt_dict_type, CELLAR_TYPE_DICT},
        {&rt_function_type, CELLAR_TYPE_FUNCTION}, {&rt_builtin_type, CELLAR_TYPE_BUILTIN},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (t == kinds[i].type)
            return kinds[i].kind;
    return CELLAR_TYPE_OTHER;
}

const char *cellar_type_name(const cellar_vm *vm, cellar_value v)
{
    rt_value value = 0;
    return api_lookup(vm, v, &value) ? rt_type_of(value)->name : "";
}

bool cellar_is_callable(const cellar_vm *vm, cellar_value v)
{
    rt_value value = 0;
    return api_lookup(vm, v, &value) && rt_is_callable(value);
}

/* ---- reading values ---- */

/* Looks up `v` for a reader named `who`, failing when `out` is NULL too. */
static inline cellar_status reader(cellar_vm *vm, cellar_value v, const void *out,
                                   const char *who, rt_value *value)
{
    api_begin(vm);
    if (!out)
        return api_misuse(vm, "%s: the result pointer is NULL", who);
    return api_get(vm, v, who, value);
}

static cellar_status type_error(cellar_vm *vm, const char *fmt, rt_value v)
{
    rt_raise_format(vm->rt, &rt_type_error_type, fmt, v);
    return api_fail(vm, CELLAR_RUNTIME_ERROR);
}

cellar_status cellar_to_int(cellar_vm *vm, cellar_value v, int64_t *out)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, "cellar_to_int", &value);
    if (s != CELLAR_OK)
        return s;
    if (rt_is_small_int(value)) {
        *out = rt_small_int_value(value);
        return CELLAR_OK;
    }
    if (!rt_is_int(value))
        return type_error(vm, "'%T' object cannot be interpreted as an integer", value);
    if (rt_int_to_int64(value, out))
        return CELLAR_OK;
    rt_raise_msg(vm->rt, &rt_overflow_error_type, "Python int too large to convert to int64_t");
    return api_fail(vm, CELLAR_RUNTIME_ERROR);
}

cellar_status cellar_to_int_str(cellar_vm *vm, cellar_value v, char **out)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, "cellar_to_int_str", &value);
    if (s != CELLAR_OK)
        return s;
    if (!rt_is_int(value))
        return type_error(vm, "'%T' object cannot be interpreted as an integer", value);
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(value, z);
    char *digits = malloc(mpz_sizeinbase(z, 10) + 2);
    if (!digits)
        return api_misuse(vm, "cellar_to_int_str: out of memory");
    *out = mpz_get_str(digits, 10, z);
    mpz_clear(z);
    return CELLAR_OK;
}

cellar_status cellar_to_float(cellar_vm *vm, cellar_value v, double *out)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, "cellar_to_float", &value);
    if (s != CELLAR_OK)
        return s;
    if (rt_is_type(value, &rt_float_type)) {
        *out = rt_float_value(value);
        return CELLAR_OK;
    }
    if (!rt_is_int(value))
        return type_error(vm, "must be real number, not %T", value);
    bool ok = true;
    *out = rt_int_to_double(vm->rt, value, &ok);
    return ok ? CELLAR_OK : api_fail(vm, CELLAR_RUNTIME_ERROR);
}

cellar_status cellar_to_bool(cellar_vm *vm, cellar_value v, bool *out)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, "cellar_to_bool", &value);
    if (s != CELLAR_OK)
        return s;
    int truth = rt_truthy(vm->rt, value);
    if (truth < 0)
        return api_fail(vm, CELLAR_RUNTIME_ERROR);
    *out = truth != 0;
    return CELLAR_OK;
}

cellar_status cellar_to_str(cellar_vm *vm, cellar_value v, const char **utf8, size_t *len)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, utf8, "cellar_to_str", &value);
    if (s != CELLAR_OK)
        return s;
    if (!rt_is_type(value, &rt_str_type))
        return type_error(vm, "expected str, got %T", value);
    *utf8 = rt_str_data(value);
    if (len)
        *len = (size_t)rt_str_size(value);
    return CELLAR_OK;
}

/* str(x) or repr(x) copied out as a malloc'd string. */
static cellar_status text_of(cellar_vm *vm, cellar_value v, char **out, bool repr)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, repr ? "cellar_repr" : "cellar_str", &value);
    if (s != CELLAR_OK)
        return s;
    rt_value text = repr ? rt_repr(vm->rt, value) : rt_str(vm->rt, value);
    if (!text)
        return api_fail(vm, CELLAR_RUNTIME_ERROR);
    *out = strdup(rt_str_data(text));
    return CELLAR_OK;
}

cellar_status cellar_str(cellar_vm *vm, cellar_value v, char **out) { return text_of(vm, v, out, false); }
cellar_status cellar_repr(cellar_vm *vm, cellar_value v, char **out) { return text_of(vm, v, out, true); }

/* ---- containers and attributes ---- */

cellar_status cellar_len(cellar_vm *vm, cellar_value v, size_t *out)
{
    rt_value value = 0;
    cellar_status s = reader(vm, v, out, "cellar_len", &value);
    if (s != CELLAR_OK)
        return s;
    int64_t n = rt_length(vm->rt, value);
    if (n < 0)
        return api_fail(vm, CELLAR_RUNTIME_ERROR);
    *out = (size_t)n;
    return CELLAR_OK;
}

cellar_status cellar_get_item(cellar_vm *vm, cellar_value container, cellar_value key,
                              cellar_value *out)
{
    rt_value c = 0, k = 0;
    cellar_status s = reader(vm, container, out, "cellar_get_item: the container", &c);
    if (s == CELLAR_OK)
        s = api_get(vm, key, "cellar_get_item: the key", &k);
    return s != CELLAR_OK ? s : made(vm, rt_getitem(vm->rt, c, k), out);
}

cellar_status cellar_set_item(cellar_vm *vm, cellar_value container, cellar_value key,
                              cellar_value value)
{
    api_begin(vm);
    rt_value c = 0, k = 0, v = 0;
    cellar_status s = api_get(vm, container, "cellar_set_item: the container", &c);
    if (s == CELLAR_OK)
        s = api_get(vm, key, "cellar_set_item: the key", &k);
    if (s == CELLAR_OK)
        s = api_get(vm, value, "cellar_set_item: the value", &v);
    if (s != CELLAR_OK)
        return s;
    return rt_setitem(vm->rt, c, k, v) < 0 ? api_fail(vm, CELLAR_RUNTIME_ERROR) : CELLAR_OK;
}

cellar_status cellar_get_index(cellar_vm *vm, cellar_value sequence, int64_t index,
                               cellar_value *out)
{
    rt_value seq = 0;
    cellar_status s = reader(vm, sequence, out, "cellar_get_index", &seq);
    return s != CELLAR_OK ? s : made(vm, rt_getitem(vm->rt, seq, rt_int_from_int64(index)), out);
}

cellar_status cellar_list_append(cellar_vm *vm, cellar_value list, cellar_value item)
{
    api_begin(vm);
    rt_value l = 0, v = 0;
    cellar_status s = api_get(vm, list, "cellar_list_append: the list", &l);
    if (s == CELLAR_OK)
        s = api_get(vm, item, "cellar_list_append: the item", &v);
    if (s != CELLAR_OK)
        return s;
    if (!rt_is_type(l, &rt_list_type))
        return type_error(vm, "cellar_list_append: expected list, got %T", l);
    return rt_list_append(vm->rt, l, v) < 0 ? api_fail(vm, CELLAR_RUNTIME_ERROR) : CELLAR_OK;
}

cellar_status cellar_dict_items(cellar_vm *vm, cellar_value dict, cellar_value *out)
{
    rt_value d = 0;
    cellar_status s = reader(vm, dict, out, "cellar_dict_items", &d);
    if (s != CELLAR_OK)
        return s;
    if (!rt_is_type(d, &rt_dict_type))
        return type_error(vm, "cellar_dict_items: expected dict, got %T", d);
    rt_value items = rt_list_new(rt_dict_size(d));
    rt_value key = 0, value = 0;
    int64_t pos = 0;
    while (rt_dict_next(d, &pos, &key, &value))
        rt_list_append(vm->rt, items, rt_tuple_pack(2, key, value));
    return api_out(vm, items, out);
}

cellar_status cellar_get_attr(cellar_vm *vm, cellar_value value, const char *name,
                              cellar_value *out)
{
    rt_value v = 0;
    cellar_status s = reader(vm, value, out, "cellar_get_attr", &v);
    if (s != CELLAR_OK)
        return s;
    if (!name || utf8_invalid_at(name, strlen(name)) < strlen(name))
        return api_misuse(vm, "cellar_get_attr: the name is NULL or not UTF-8");
    return made(vm, rt_getattr(vm->rt, v, rt_str_intern(vm->rt, name)), out);
}

bool api_utf8_valid(const char *s, size_t n) { return utf8_invalid_at(s, n) == n; }
