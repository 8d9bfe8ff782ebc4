/* Tracebacks: recording a frame as an exception leaves it, traceback objects for
 * __traceback__, and printing an uncaught exception exactly as CPython 3.11 does — chained
 * causes and contexts, collapsed recursion, quoted source lines, notes, and the
 * "Did you mean" suggestions for NameError and AttributeError (Python/suggestions.c). */
#include <stdint.h>
#include <string.h>

#include "builtins.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* CPython's limits: tracebacks print at most sys.tracebacklimit entries, and a line repeated
 * more than TB_RECURSIVE_CUTOFF times collapses into one "[Previous line repeated ...]". */
enum { TB_LIMIT = 1000, TB_RECURSIVE_CUTOFF = 3 };

static rt_exception *as_exc(rt_value v) { return (rt_exception *)rt_as_object(v); }

/* An entry is (code, line): code is 0 for none. */
void rt_traceback_add(rt_vm *vm, rt_frame *frame)
{
    rt_value exc = vm->pending;
    if (exc == 0 || !rt_is_exception(exc) || frame == NULL)
        return;
    rt_exception *e = as_exc(exc);
    if (e->tb_frame == frame)
        return;
    e->tb_frame = frame;
    if (e->traceback == 0)
        e->traceback = rt_list_new(0);
    rt_value code = frame->function ? rt_from_object(frame->function->code) : RT_NONE;
    rt_value entry = rt_tuple_pack(2, code, rt_small_int(frame->line));
    rt_value saved = vm->pending;
    if (rt_list_append(vm, e->traceback, entry) < 0)
        vm->pending = saved;
}

/* ---- traceback objects ---- */

typedef struct traceback {
    rt_object base;
    rt_value code, line; /* line: small int */
    rt_value next;       /* the next inner traceback, or RT_NONE */
} traceback;

static rt_value tb_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    (void)vm;
    traceback *tb = (traceback *)rt_as_object(self);
    const char *s = rt_str_data(name);
    if (strcmp(s, "tb_lineno") == 0)
        return tb->line;
    if (strcmp(s, "tb_next") == 0)
        return tb->next;
    if (strcmp(s, "tb_frame") == 0)
        return RT_NONE;
    if (strcmp(s, "tb_lasti") == 0)
        return rt_small_int(-1);
    return 0;
}

const rt_type rt_traceback_type = {
    .base = {&rt_type_type},
    .name = "traceback",
    .base_type = &rt_object_type,
    .hash = rt_identity_hash,
    .getattr = tb_getattr,
};

static int64_t entry_count(rt_exception *e)
{
    return e->traceback ? rt_as_list(e->traceback)->size : 0;
}

static rt_value entry_at(rt_exception *e, int64_t i) { return rt_as_list(e->traceback)->items[i]; }

/* The chain runs from the outermost frame inwards, the reverse of our entry list. */
rt_value rt_traceback_object(rt_vm *vm, rt_value exc)
{
    (void)vm;
    rt_exception *e = as_exc(exc);
    rt_value next = RT_NONE;
    for (int64_t i = 0; i < entry_count(e); i++) {
        rt_tuple *entry = rt_as_tuple(entry_at(e, i));
        traceback *tb = rt_alloc(sizeof *tb, &rt_traceback_type);
        tb->code = entry->items[0];
        tb->line = entry->items[1];
        tb->next = next;
        next = rt_from_object(tb);
    }
    return next;
}

int rt_traceback_set(rt_vm *vm, rt_value exc, rt_value tb)
{
    rt_exception *e = as_exc(exc);
    if (tb != RT_NONE && !rt_is_type(tb, &rt_traceback_type)) {
        rt_raise_msg(vm, &rt_type_error_type, "__traceback__ must be a traceback or None");
        return -1;
    }
    rt_value entries = rt_list_new(0);
    for (rt_value t = tb; t != RT_NONE; t = ((traceback *)rt_as_object(t))->next) {
        traceback *o = (traceback *)rt_as_object(t);
        if (rt_list_append(vm, entries, rt_tuple_pack(2, o->code, o->line)) < 0)
            return -1;
    }
    /* entries is outermost first; ours are innermost first */
    rt_value reversed = rt_list_new(0);
    for (int64_t i = rt_as_list(entries)->size - 1; i >= 0; i--)
        if (rt_list_append(vm, reversed, rt_as_list(entries)->items[i]) < 0)
            return -1;
    e->traceback = reversed;
    e->tb_frame = NULL;
    return 0;
}

/* ---- suggestions (a port of CPython 3.11's Python/suggestions.c) ---- */

enum { MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += 'a' - 'A';
    if ('A' <= b && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t min_size(size_t a, size_t b) { return a < b ? a : b; }

/* Levenshtein distance with case-only substitutions at half price; gives up (returning
 * more than max_cost) as soon as max_cost cannot be met. */
static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size,
                          size_t max_cost)
{
    size_t buffer[MAX_STRING_SIZE];
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0])
        a++, b++, a_size--, b_size--;
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
        a_size--, b_size--;
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * MOVE_COST;
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b, b = t;
        size_t ts = a_size;
        a_size = b_size, b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < a_size; i++)
        buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = min_size(result, distance) + MOVE_COST;
            result = min_size(insert_delete, substitute);
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The closest name in `names` (a list or tuple of str), or 0. */
static rt_value calculate_suggestion(size_t n, const rt_value *names, rt_value name)
{
    if (n >= MAX_CANDIDATE_ITEMS)
        return 0;
    size_t best_distance = SIZE_MAX;
    rt_value best = 0;
    size_t name_size = (size_t)rt_str_size(name);
    for (size_t i = 0; i < n; i++) {
        rt_value item = names[i];
        if (!rt_is_type(item, &rt_str_type) || rt_str_equal(item, name))
            continue;
        size_t item_size = (size_t)rt_str_size(item);
        size_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        size_t d =
            levenshtein(rt_str_data(name), name_size, rt_str_data(item), item_size, max_distance);
        if (d > max_distance)
            continue;
        if (best == 0 || d < best_distance)
            best = item, best_distance = d;
    }
    return best;
}

static rt_value suggest_from_keys(rt_vm *vm, rt_value dict, rt_value name)
{
    if (dict == 0 || !rt_is_type(dict, &rt_dict_type))
        return 0;
    rt_value keys = rt_list_new(0);
    rt_value key, value;
    int64_t pos = 0;
    while (rt_dict_next(dict, &pos, &key, &value))
        if (rt_list_append(vm, keys, key) < 0)
            return 0;
    return calculate_suggestion((size_t)rt_as_list(keys)->size, rt_as_list(keys)->items, name);
}

/* NameError: the innermost frame's variable names, then its globals, then the builtins. */
static rt_value name_error_suggestion(rt_vm *vm, rt_exception *e, rt_value name)
{
    if (entry_count(e) == 0)
        return 0;
    rt_value code = rt_as_tuple(entry_at(e, 0))->items[0];
    if (rt_is_type(code, &rt_code_type)) {
        rt_tuple *varnames = rt_as_tuple(rt_as_code(code)->varnames);
        rt_value s = calculate_suggestion((size_t)varnames->size, varnames->items, name);
        if (s)
            return s;
    }
    rt_value s = suggest_from_keys(vm, e->globals, name);
    return s ? s : suggest_from_keys(vm, vm->builtins, name);
}

static rt_value attribute_error_suggestion(rt_vm *vm, rt_value obj, rt_value name)
{
    rt_value names = rt_dir(vm, obj);
    if (names == 0 || !rt_is_type(names, &rt_list_type))
        return 0;
    return calculate_suggestion((size_t)rt_as_list(names)->size, rt_as_list(names)->items, name);
}

/* What the traceback printer appends to the message: ". Did you mean: 'x'?" or nothing. */
static rt_value suggestion_for(rt_vm *vm, rt_value exc)
{
    rt_exception *e = as_exc(exc);
    const rt_type *t = rt_type_of(exc);
    rt_value name = e->dict ? rt_dict_get_str(e->dict, rt_str_intern(vm, "name")) : 0;
    if (name == 0 || !rt_is_type(name, &rt_str_type))
        return 0;
    if (t == &rt_name_error_type || rt_type_is_subtype(t, &rt_name_error_type))
        return name_error_suggestion(vm, e, name);
    if (rt_type_is_subtype(t, &rt_attribute_error_type)) {
        rt_value obj = rt_dict_get_str(e->dict, rt_str_intern(vm, "obj"));
        return obj ? attribute_error_suggestion(vm, obj, name) : 0;
    }
    return 0;
}

/* ---- printing ---- */

static void append_source_line(rt_vm *vm, rt_strbuf *out, rt_value filename, int64_t line)
{
    rt_value lines = rt_dict_get_str(vm->sources, filename);
    if (lines == 0 || line < 1 || line > rt_as_list(lines)->size)
        return;
    const char *text = rt_str_data(rt_as_list(lines)->items[line - 1]);
    while (*text == ' ' || *text == '\t' || *text == '\f')
        text++;
    if (*text == '\0')
        return;
    rt_strbuf_append_cstr(out, "    ");
    rt_strbuf_append_cstr(out, text);
    rt_strbuf_append_char(out, '\n');
}

static void append_entry(rt_vm *vm, rt_strbuf *out, rt_value code, int64_t line)
{
    rt_value filename = rt_str_from_cstr("<unknown>"), name = rt_str_from_cstr("<module>");
    if (rt_is_type(code, &rt_code_type))
        filename = rt_as_code(code)->filename, name = rt_as_code(code)->name;
    char number[32];
    snprintf(number, sizeof number, "%lld", (long long)line);
    rt_strbuf_append_cstr(out, "  File \"");
    rt_strbuf_append_cstr(out, rt_str_data(filename));
    rt_strbuf_append_cstr(out, "\", line ");
    rt_strbuf_append_cstr(out, number);
    rt_strbuf_append_cstr(out, ", in ");
    rt_strbuf_append_cstr(out, rt_str_data(name));
    rt_strbuf_append_char(out, '\n');
    append_source_line(vm, out, filename, line);
}

static void append_repeated(rt_strbuf *out, int64_t count)
{
    count -= TB_RECURSIVE_CUTOFF;
    char text[96];
    snprintf(text, sizeof text, "  [Previous line repeated %lld more time%s]\n", (long long)count,
             count > 1 ? "s" : "");
    rt_strbuf_append_cstr(out, text);
}

static bool same_entry(rt_value a, rt_value b)
{
    rt_tuple *x = rt_as_tuple(a), *y = rt_as_tuple(b);
    if (x->items[1] != y->items[1])
        return false;
    if (x->items[0] == y->items[0])
        return true;
    if (!rt_is_type(x->items[0], &rt_code_type) || !rt_is_type(y->items[0], &rt_code_type))
        return false;
    rt_code *c = rt_as_code(x->items[0]), *d = rt_as_code(y->items[0]);
    return rt_str_equal(c->filename, d->filename) && rt_str_equal(c->name, d->name);
}

static void append_traceback(rt_vm *vm, rt_strbuf *out, rt_exception *e)
{
    int64_t n = entry_count(e);
    if (n == 0)
        return;
    rt_strbuf_append_cstr(out, "Traceback (most recent call last):\n");
    int64_t first = n - 1 < TB_LIMIT ? n - 1 : TB_LIMIT - 1; /* outermost printed entry */
    rt_value last = 0;
    int64_t count = 0;
    for (int64_t i = first; i >= 0; i--) {
        rt_value entry = entry_at(e, i);
        if (last == 0 || !same_entry(last, entry)) {
            if (count > TB_RECURSIVE_CUTOFF)
                append_repeated(out, count);
            last = entry;
            count = 0;
        }
        if (++count <= TB_RECURSIVE_CUTOFF)
            append_entry(vm, out, rt_as_tuple(entry)->items[0],
                         rt_small_int_value(rt_as_tuple(entry)->items[1]));
    }
    if (count > TB_RECURSIVE_CUTOFF)
        append_repeated(out, count);
}

/* str(exc), or CPython's placeholder when str() itself fails. */
static void append_message(rt_vm *vm, rt_strbuf *out, rt_value exc)
{
    const rt_type *t = rt_type_of(exc);
    rt_strbuf_append_cstr(out, t->name);
    rt_value saved = vm->pending;
    rt_value message = rt_str(vm, exc);
    if (message == 0) {
        vm->pending = saved;
        rt_strbuf_append_cstr(out, ": <exception str() failed>\n");
        return;
    }
    if (rt_str_size(message) > 0) {
        rt_strbuf_append_cstr(out, ": ");
        rt_strbuf_append(out, rt_str_data(message), (size_t)rt_str_size(message));
    }
    rt_value suggestion = suggestion_for(vm, exc);
    vm->pending = saved;
    if (suggestion) {
        rt_strbuf_append_cstr(out, ". Did you mean: '");
        rt_strbuf_append_cstr(out, rt_str_data(suggestion));
        rt_strbuf_append_cstr(out, "'?");
    }
    rt_strbuf_append_char(out, '\n');
}

static void append_notes(rt_vm *vm, rt_strbuf *out, rt_exception *e)
{
    rt_value notes = e->notes;
    if (notes == 0)
        return;
    if (!rt_is_type(notes, &rt_list_type) && !rt_is_type(notes, &rt_tuple_type)) {
        if (!rt_strbuf_append_repr_of(vm, out, notes)) {
            vm->pending = 0;
            rt_strbuf_append_cstr(out, "<__notes__ repr() failed>");
        }
        rt_strbuf_append_char(out, '\n');
        return;
    }
    bool list = rt_is_type(notes, &rt_list_type);
    int64_t n = list ? rt_as_list(notes)->size : rt_as_tuple(notes)->size;
    for (int64_t i = 0; i < n; i++) {
        rt_value note = list ? rt_as_list(notes)->items[i] : rt_as_tuple(notes)->items[i];
        if (!rt_strbuf_append_str_of(vm, out, note)) {
            vm->pending = 0;
            rt_strbuf_append_cstr(out, "<note str() failed>");
        }
        rt_strbuf_append_char(out, '\n');
    }
}

static bool seen_before(rt_value seen, rt_value exc)
{
    for (int64_t i = 0; i < rt_as_list(seen)->size; i++)
        if (rt_as_list(seen)->items[i] == exc)
            return true;
    return false;
}

/* Causes and contexts print first, oldest at the top, as CPython's print_exception_recursive. */
static void append_chain(rt_vm *vm, rt_strbuf *out, rt_value exc, rt_value seen)
{
    rt_list_append(vm, seen, exc);
    rt_exception *e = as_exc(exc);
    if (e->cause && rt_is_exception(e->cause) && !seen_before(seen, e->cause)) {
        append_chain(vm, out, e->cause, seen);
        rt_strbuf_append_cstr(out, "\nThe above exception was the direct cause of the "
                                   "following exception:\n\n");
    } else if (e->context && !e->suppress_context && rt_is_exception(e->context) &&
               !seen_before(seen, e->context)) {
        append_chain(vm, out, e->context, seen);
        rt_strbuf_append_cstr(out, "\nDuring handling of the above exception, another "
                                   "exception occurred:\n\n");
    }
    append_traceback(vm, out, e);
    append_message(vm, out, exc);
    append_notes(vm, out, e);
}

rt_value rt_format_exception(rt_vm *vm, rt_value exc)
{
    rt_strbuf out;
    rt_strbuf_init(&out);
    rt_value saved = vm->pending;
    if (rt_is_exception(exc))
        append_chain(vm, &out, exc, rt_list_new(0));
    vm->pending = saved;
    return rt_strbuf_finish(&out);
}

void rt_print_exception(rt_vm *vm, rt_value exc)
{
    rt_value text = rt_format_exception(vm, exc);
    if (text != 0)
        rt_write_err(vm, rt_str_data(text), (size_t)rt_str_size(text));
}

bool rt_system_exit_status(rt_vm *vm, rt_value exc, int *status)
{
    if (!rt_is_exception(exc) || !rt_type_is_subtype(rt_type_of(exc), &rt_system_exit_type))
        return false;
    rt_tuple *args = rt_as_tuple(as_exc(exc)->args);
    rt_value code = args->size == 0   ? RT_NONE
                    : args->size == 1 ? args->items[0]
                                      : as_exc(exc)->args;
    int64_t n;
    if (code == RT_NONE) {
        *status = 0;
    } else if (rt_is_small_int(code) && rt_int_to_int64(code, &n)) {
        *status = (int)n;
    } else {
        rt_value saved = vm->pending, text = rt_str(vm, code);
        vm->pending = saved;
        if (text != 0) {
            rt_write_err(vm, rt_str_data(text), (size_t)rt_str_size(text));
            rt_write_err(vm, "\n", 1);
        }
        *status = 1;
    }
    return true;
}
