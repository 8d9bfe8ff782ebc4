/* The scope tree as stable, readable text (--dump-scopes and the scope tests): one block per
 * scope, children indented under their parent in co_consts order, name tuples printed the way
 * Python prints them so they can be compared with a code object's co_varnames and friends. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"

typedef struct text {
    char *buf;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(text *t, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (t->len + (size_t)n + 1 > cap)
            cap *= 2;
        char *grown = realloc(t->buf, cap);
        if (!grown) {
            fputs("cellar: out of memory\n", stderr);
            abort();
        }
        t->buf = grown;
        t->cap = cap;
    }
    vsnprintf(t->buf + t->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    t->len += (size_t)n;
}

static void indent(text *t, int depth) { put(t, "%*s", 2 * depth, ""); }

/* A tuple of identifiers as Python's repr shows it: (), ('a',), ('a', 'b'). */
static void put_tuple(text *t, const char *const *names, int n)
{
    put(t, "(");
    for (int i = 0; i < n; i++)
        put(t, "%s'%s'", i ? ", " : "", names[i]);
    put(t, n == 1 ? ",)" : ")");
}

static const char *kind_name(scope_kind kind)
{
    switch (kind) {
    case SCOPE_MODULE: return "module";
    case SCOPE_FUNCTION: return "function";
    case SCOPE_LAMBDA: return "lambda";
    case SCOPE_COMPREHENSION: return "comprehension";
    }
    return "?";
}

static void put_flags(text *t, unsigned flags)
{
    static const struct {
        unsigned flag;
        const char *name;
    } names[] = {
        {SYM_PARAM, "param"},       {SYM_ASSIGNED, "assigned"}, {SYM_STORED, "stored"},
        {SYM_IMPORTED, "imported"}, {SYM_ANNOTATED, "annotated"}, {SYM_USED, "used"},
        {SYM_GLOBAL, "global"},     {SYM_NONLOCAL, "nonlocal"}, {SYM_CAPTURED, "captured"},
    };
    bool first = true;
    put(t, "[");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (flags & names[i].flag) {
            put(t, "%s%s", first ? "" : ",", names[i].name);
            first = false;
        }
    }
    put(t, "]");
}

static void put_binding(text *t, const scope_symbol *sym)
{
    switch (sym->binding) {
    case BINDING_LOCAL: put(t, "local#%d", sym->index); break;
    case BINDING_CELL: put(t, "cell#%d", sym->index); break;
    case BINDING_FREE: put(t, "free#%d", sym->index); break;
    case BINDING_GLOBAL_EXPLICIT: put(t, "global"); break;
    case BINDING_GLOBAL_IMPLICIT: put(t, "global-implicit"); break;
    case BINDING_NAME: put(t, "name"); break;
    }
    if (sym->slot >= 0 && sym->binding != BINDING_LOCAL)
        put(t, " slot%d", sym->slot);
}

static void put_header(text *t, const scope *s, int depth)
{
    indent(t, depth);
    put(t, "scope %s %s qualname=%s line=%d", kind_name(s->kind), s->name, s->qualname,
        s->firstlineno);
    if (s->kind != SCOPE_MODULE)
        put(t, " args=%d posonly=%d kwonly=%d varargs=%s varkw=%s", s->argcount,
            s->posonlyargcount, s->kwonlyargcount, s->has_varargs ? "yes" : "no",
            s->has_varkeywords ? "yes" : "no");
    if (s->has_docstring)
        put(t, " docstring");
    put(t, "\n");
}

static void put_scope(text *t, const scope *s, int depth)
{
    put_header(t, s, depth);
    const char *const *tuples[] = {s->varnames, s->cellvars, s->freevars};
    const int counts[] = {s->nvarnames, s->ncellvars, s->nfreevars};
    const char *labels[] = {"varnames", "cellvars", "freevars"};
    for (int i = 0; i < 3; i++) {
        indent(t, depth + 1);
        put(t, "%s: ", labels[i]);
        put_tuple(t, tuples[i], counts[i]);
        put(t, "\n");
    }
    for (int i = 0; i < s->nsymbols; i++) {
        const scope_symbol *sym = &s->symbols[i];
        indent(t, depth + 1);
        put(t, "%s ", sym->name);
        put_flags(t, sym->flags);
        put(t, " ");
        put_binding(t, sym);
        put(t, "\n");
    }
    for (int i = 0; i < s->nchildren; i++)
        put_scope(t, s->children[i], depth + 1);
}

char *scope_dump(const scope *module_scope)
{
    text t = {0};
    put(&t, "%s", "");
    if (module_scope)
        put_scope(&t, module_scope, 0);
    return t.buf;
}
