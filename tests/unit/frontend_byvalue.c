/* By-value captures (frontend/scope_byvalue.c): which captured variables scope analysis marks
 * as held by value, and the introspection rule under which a whole unit keeps its cells. The
 * programs run, with CPython's output, as tests/programs/closure_byvalue_*.py. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "scope.h"

static arena test_arena;

static void setup(void) { arena_init(&test_arena); }
static void teardown(void) { arena_free(&test_arena); }

TestSuite(byvalue, .init = setup, .fini = teardown);

static scope *analyse(const char *src)
{
    diag d = {0};
    ast_module *m = parse_module(&test_arena, src, strlen(src), &d);
    cr_assert_not_null(m, "%s", d.message);
    scope *mod = scope_analyze(&test_arena, m, &d);
    cr_assert_not_null(mod, "%s: %s", d.kind, d.message);
    return mod;
}

/* The scope of the first function of the module, and its first nested function. */
static const scope *outer_of(const scope *mod) { return mod->children[0]; }
static const scope *inner_of(const scope *mod) { return mod->children[0]->children[0]; }

static bool by_value(const scope *s, const char *name)
{
    const scope_symbol *sym = scope_lookup(s, name);
    cr_assert_not_null(sym, "no symbol %s in %s", name, s->qualname);
    cr_assert(sym->binding == BINDING_CELL || sym->binding == BINDING_FREE, "%s is not captured",
              name);
    return sym->by_value;
}

Test(byvalue, every_kind_of_parameter_never_rebound)
{
    const scope *mod = analyse("def f(a, /, b=1, *args, c, d=2, **kw):\n"
                               "    return lambda: (a, b, args, c, d, kw)\n");
    cr_expect(!mod->keeps_cells);
    const char *names[] = {"a", "b", "args", "c", "d", "kw"};
    for (int i = 0; i < 6; i++) {
        cr_expect(by_value(outer_of(mod), names[i]), "%s in f", names[i]);
        cr_expect(by_value(inner_of(mod), names[i]), "%s in the lambda", names[i]);
    }
}

/* Each source captures the parameter x and binds it again some way: x stays a cell, in its
 * function and in the closure. */
Test(byvalue, any_rebinding_keeps_the_cell)
{
    static const char *const bodies[] = {
        "    g = lambda: x\n    x = 2\n",             /* after the capture */
        "    x = 2\n    g = lambda: x\n",             /* before it */
        "    g = lambda: x\n    x += 1\n",            /* augmented */
        "    g = lambda: x\n    del x\n",             /* deleted */
        "    g = lambda: x\n    for x in (): pass\n", /* a for target */
        "    g = lambda: x\n    x, y = 1, 2\n",       /* unpacking */
        "    g = lambda: x\n    import x\n",          /* an import */
        "    g = lambda: x\n    try: pass\n    except E as x: pass\n",
        "    g = lambda: x\n    def x(): pass\n",               /* a nested def */
        "    g = lambda: x\n    x: int = 3\n",                  /* annotated */
        "    def g():\n        nonlocal x\n        x = 2\n",    /* nonlocal in a child */
        "    def g():\n        nonlocal x\n        return x\n", /* nonlocal, only read */
        "    def g():\n        def h():\n            nonlocal x\n            del x\n"
        "        return h\n", /* two levels down */
    };
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char src[512];
        snprintf(src, sizeof src, "def f(x):\n%s    return x\n", bodies[i]);
        const scope *mod = analyse(src);
        cr_expect(!by_value(outer_of(mod), "x"), "by value in:\n%s", src);
        cr_expect(!by_value(inner_of(mod), "x"), "free by value in:\n%s", src);
    }
}

/* Only parameters: a local's value may not exist yet when the closure is made. */
Test(byvalue, locals_keep_their_cells)
{
    const scope *mod = analyse("def f():\n    y = 1\n    return lambda: y\n");
    cr_expect(!by_value(outer_of(mod), "y"));
    mod = analyse("def f(y):\n    return [lambda: i + y for i in range(3)]\n");
    const scope *comp = outer_of(mod)->children[0];
    cr_expect(by_value(outer_of(mod), "y"));
    cr_expect(by_value(comp, "y"), "passes through the comprehension by value");
    cr_expect(!by_value(comp, "i"), "a comprehension variable is rebound every iteration");
}

/* A nonlocal in one child makes the variable a cell for its siblings too: they share it. */
Test(byvalue, a_sibling_nonlocal_applies_to_every_closure)
{
    const scope *mod = analyse("def f(x):\n"
                               "    read = lambda: x\n"
                               "    def write():\n"
                               "        nonlocal x\n"
                               "        x = 5\n"
                               "    return read, write\n");
    cr_expect(!by_value(outer_of(mod), "x"));
    cr_expect(!by_value(outer_of(mod)->children[0], "x"));
}

/* A nonlocal that binds another function's variable of the same name changes nothing here. */
Test(byvalue, a_nonlocal_of_an_inner_variable_does_not_count)
{
    const scope *mod = analyse("def f(x):\n"
                               "    def g():\n"
                               "        x = 1\n"
                               "        def h():\n"
                               "            nonlocal x\n"
                               "            x = 2\n"
                               "        return h\n"
                               "    return lambda: x\n");
    cr_expect(by_value(outer_of(mod), "x"));
    cr_expect(!by_value(outer_of(mod)->children[0], "x"), "g's own x");
}

Test(byvalue, one_unit_observing_cells_keeps_them_all)
{
    static const char *const observers[] = {
        "print(f.__closure__)\n",
        "c.cell_contents = 1\n",
        "print(c.cell_contents)\n",
        "__closure__ = 1\n",
        "name = '__closure__'\n",
        "name = 'x.cell_contents'\n",
        "name = f'{f}__closure__'\n",
        "print(getattr(f, name))\n",
        "print(getattr(f, '__clo' + 'sure__'))\n",
        "print(getattr(f, *names))\n",
        "print(getattr(f, '__closure__'))\n",
        "g = getattr\n",
        "setattr(f, name, 1)\n",
        "delattr(f, name)\n",
        "print(vars(f))\n",
        "eval(s)\n",
        "exec(s)\n",
        "print(f.__getattribute__(name))\n",
        "print(f.__builtins__)\n",
        "print(__builtins__)\n",
        "print(f.__dict__)\n",
        "import builtins\n",
        "print(globals()['getattr'])\n",
        "f.__code__ = g.__code__\n",
        "setattr(f, '__code__', g.__code__)\n",
    };
    for (size_t i = 0; i < sizeof observers / sizeof observers[0]; i++) {
        char src[512];
        snprintf(src, sizeof src, "def f(x):\n    return lambda: x\n%s", observers[i]);
        const scope *mod = analyse(src);
        cr_expect(mod->keeps_cells, "cells not kept for:\n%s", src);
        cr_expect(!by_value(outer_of(mod), "x"), "by value in:\n%s", src);
    }
}

Test(byvalue, attribute_names_that_are_literals_are_harmless)
{
    static const char *const readers[] = {
        "print(getattr(f, '__wrapped__', None))\n",
        "setattr(f, 'calls', 0)\n",
        "delattr(f, 'calls')\n",
        "print(hasattr(f, name))\n",
        "print(f.__code__.co_freevars, f.__name__)\n",
        "print(locals(), globals())\n",
    };
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        char src[512];
        snprintf(src, sizeof src, "def f(x):\n    return lambda: x\n%s", readers[i]);
        const scope *mod = analyse(src);
        cr_expect(!mod->keeps_cells, "cells kept for:\n%s", src);
        cr_expect(by_value(outer_of(mod), "x"), "not by value in:\n%s", src);
    }
}

/* SCOPE_MAX_BYVALUE: rt_code.byvalue is 64 bits, so free variable 64 of the lambda (sorted, as
 * CPython orders co_freevars) stays a cell, and so does its parameter in f. */
Test(byvalue, the_mask_limit)
{
    char src[4096] = "def f(";
    for (int i = 0; i <= SCOPE_MAX_BYVALUE; i++)
        snprintf(src + strlen(src), sizeof src - strlen(src), "%sp%02d", i ? ", " : "", i);
    strcat(src, "):\n    return lambda: (");
    for (int i = 0; i <= SCOPE_MAX_BYVALUE; i++)
        snprintf(src + strlen(src), sizeof src - strlen(src), "p%02d, ", i);
    strcat(src, ")\n");
    const scope *mod = analyse(src);
    const scope *lambda = inner_of(mod);
    cr_assert_eq(lambda->nfreevars, SCOPE_MAX_BYVALUE + 1);
    for (int i = 0; i < lambda->nfreevars; i++) {
        bool expected = i < SCOPE_MAX_BYVALUE;
        cr_expect_eq(by_value(lambda, lambda->freevars[i]), expected, "%s", lambda->freevars[i]);
        cr_expect_eq(by_value(outer_of(mod), lambda->freevars[i]), expected, "%s",
                     lambda->freevars[i]);
    }
}
