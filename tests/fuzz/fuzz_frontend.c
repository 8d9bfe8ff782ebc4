/* libFuzzer target for the frontend: every input is parsed, dumped, scope-analysed and dumped
 * again, and the scope tables are checked for internal consistency, so a crash, a sanitizer
 * report, a leak or a trap here is a bug in the parser or in scope analysis. Built and run by
 * tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast_dump.h"
#include "diag.h"
#include "parser.h"
#include "scope.h"

/* Traps unless the name tuples and the symbol table agree: each slot and cell index points
 * back at its own name, cellvars and freevars are in CPython's order, and every free variable
 * reaches, through scopes where it is free too, the function whose cell it is. */
static void check_symbol(const scope *s, const scope_symbol *sym)
{
    if (sym->slot >= 0 && (sym->slot >= s->nvarnames || strcmp(s->varnames[sym->slot], sym->name)))
        __builtin_trap();
    if (sym->binding == BINDING_LOCAL && sym->index != sym->slot)
        __builtin_trap();
    if (sym->binding == BINDING_CELL &&
        (sym->index < 0 || sym->index >= s->ncellvars || strcmp(s->cellvars[sym->index], sym->name)))
        __builtin_trap();
    if (sym->binding == BINDING_FREE) {
        int i = sym->index - s->ncellvars;
        if (i < 0 || i >= s->nfreevars || strcmp(s->freevars[i], sym->name))
            __builtin_trap();
        const scope *p = s->parent;
        while (p && scope_resolve(p, sym->name, NULL) == BINDING_FREE)
            p = p->parent;
        if (!p || p->kind == SCOPE_MODULE || scope_resolve(p, sym->name, NULL) != BINDING_CELL)
            __builtin_trap();
    }
    if ((sym->binding == BINDING_CELL || sym->binding == BINDING_FREE) && s->kind == SCOPE_MODULE)
        __builtin_trap();
}

static void check_sorted(const char *const *names, int from, int n)
{
    for (int i = from + 1; i < n; i++)
        if (strcmp(names[i - 1], names[i]) >= 0)
            __builtin_trap();
}

static void check_scope(const scope *s)
{
    int params = s->argcount + s->kwonlyargcount + s->has_varargs + s->has_varkeywords;
    if (s->kind != SCOPE_MODULE && s->nvarnames < params)
        __builtin_trap();
    for (int i = 0; i < s->nsymbols; i++)
        check_symbol(s, &s->symbols[i]);
    int cell_params = 0;
    while (cell_params < s->ncellvars && scope_lookup(s, s->cellvars[cell_params])->slot >= 0)
        cell_params++;
    check_sorted(s->cellvars, cell_params, s->ncellvars);
    check_sorted(s->freevars, 0, s->nfreevars);
    for (int i = 0; i < s->nchildren; i++) {
        if (s->children[i]->parent != s)
            __builtin_trap();
        check_scope(s->children[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* diag_format wants the whole program as a C string. */
    char *source = malloc(size + 1);
    memcpy(source, data, size);
    source[size] = '\0';
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, source, size, &d);
    if (m) {
        free(ast_dump(m, size % 2 == 1)); /* both flavours, chosen by the input */
        scope *s = scope_analyze(&a, m, &d);
        if (s) {
            check_scope(s);
            free(scope_dump(s));
        }
    }
    if (d.set)
        free(diag_format(&d, "<fuzz>", source));
    arena_free(&a);
    free(source);
    return 0;
}
