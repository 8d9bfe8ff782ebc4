/* Scope analysis against CPython 3.11: every tests/scopes/NAME.py is parsed and analysed, and
 * the scope tree is printed the way tests/scopes/gen.py prints CPython's code objects (one line
 * per code object, pre-order, children in co_consts order), or the error the way it prints a
 * SyntaxError; the two must match exactly. Plus direct tests of the lookup API and the dump. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "scope.h"

#define SCOPES_DIR CELLAR_SOURCE_DIR "/tests/scopes"

enum { CASE_NAME_MAX = 96, MAX_CASES = 512 };

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    *len = got;
    return buf;
}

static void print_tuple(FILE *f, const char *const *names, int n)
{
    fputc('(', f);
    for (int i = 0; i < n; i++)
        fprintf(f, "%s'%s'", i ? ", " : "", names[i]);
    fputs(n == 1 ? ",)" : ")", f);
}

/* gen.py's line for one code object, then its children: co_consts order is children order. */
static void print_code(FILE *f, const scope *s)
{
    fprintf(f, "%s varnames=", s->qualname);
    print_tuple(f, s->varnames, s->nvarnames);
    fputs(" cellvars=", f);
    print_tuple(f, s->cellvars, s->ncellvars);
    fputs(" freevars=", f);
    print_tuple(f, s->freevars, s->nfreevars);
    fprintf(f, " args=%d posonly=%d kwonly=%d line=%d\n", s->argcount, s->posonlyargcount,
            s->kwonlyargcount, s->firstlineno);
    for (int i = 0; i < s->nchildren; i++)
        print_code(f, s->children[i]);
}

static void print_diag(FILE *f, const char *prefix, const diag *d)
{
    fprintf(f, "%s%s %d %d %d %d %s\n", prefix, d->kind, d->line, d->col, d->end_line,
            d->end_col, d->message);
}

/* What gen.py would write for this source, as cellar sees it (malloc'd). */
static char *analyse(const char *source, size_t len)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, source, len, &d);
    if (!m) {
        print_diag(f, "parser: ", &d);
    } else {
        scope *s = scope_analyze(&a, m, &d);
        if (s)
            print_code(f, s);
        else
            print_diag(f, "", &d);
    }
    arena_free(&a);
    fclose(f);
    return out;
}

typedef struct case_param {
    char name[CASE_NAME_MAX];
} case_param;

static void free_cases(struct criterion_test_params *params) { cr_free(params->params); }

static int compare_cases(const void *a, const void *b)
{
    return strcmp(((const case_param *)a)->name, ((const case_param *)b)->name);
}

/* Every NAME.py in tests/scopes (gen.py aside), sorted by name. */
static int list_cases(case_param *out, int max)
{
    DIR *dir = opendir(SCOPES_DIR);
    int n = 0;
    if (!dir)
        return 0;
    for (struct dirent *e; (e = readdir(dir)) && n < max;) {
        size_t len = strlen(e->d_name);
        if (len < 4 || len - 3 >= CASE_NAME_MAX || strcmp(e->d_name + len - 3, ".py") != 0 ||
            strcmp(e->d_name, "gen.py") == 0)
            continue;
        memcpy(out[n].name, e->d_name, len - 3);
        out[n].name[len - 3] = '\0';
        n++;
    }
    closedir(dir);
    qsort(out, (size_t)n, sizeof *out, compare_cases);
    return n;
}

ParameterizedTestParameters(scopes, cpython)
{
    case_param *params = cr_malloc(MAX_CASES * sizeof *params);
    int n = list_cases(params, MAX_CASES);
    return cr_make_param_array(case_param, params, (size_t)n, free_cases);
}

ParameterizedTest(case_param *p, scopes, cpython)
{
    char path[512];
    size_t len, explen;
    snprintf(path, sizeof path, "%s/%s.py", SCOPES_DIR, p->name);
    char *source = read_file(path, &len);
    cr_assert(source, "cannot read %s", path);
    snprintf(path, sizeof path, "%s/%s.expected", SCOPES_DIR, p->name);
    char *expected = read_file(path, &explen);
    cr_assert(expected, "cannot read %s (run tests/scopes/gen.py)", path);
    char *got = analyse(source, len);
    cr_expect_str_eq(got, expected, "%s: cellar\n%s\nCPython 3.11\n%s", p->name, got, expected);
    free(got);
    free(expected);
    free(source);
}

/* The corpus keeps at least the size the brief asks for. */
Test(scopes, corpus_size)
{
    case_param *names = malloc(MAX_CASES * sizeof *names);
    int n = list_cases(names, MAX_CASES), errors = 0;
    for (int i = 0; i < n; i++)
        errors += strncmp(names[i].name, "error_", 6) == 0;
    cr_expect_geq(n - errors, 60, "only %d scope cases", n - errors);
    cr_expect_geq(errors, 25, "only %d error cases", errors);
    free(names);
}

Test(scopes, lookup_and_resolve)
{
    const char *src = "g = 1\n"
                      "def f(a):\n"
                      "    b = a\n"
                      "    def h():\n"
                      "        return a + g + b\n"
                      "    return h\n";
    arena ar;
    arena_init(&ar);
    diag d = {0};
    ast_module *m = parse_module(&ar, src, strlen(src), &d);
    cr_assert(m, "%s", d.message);
    scope *mod = scope_analyze(&ar, m, &d);
    cr_assert(mod, "%s", d.message);
    cr_assert_eq(m->scope, mod);
    cr_assert_eq(mod->nchildren, 1);
    scope *f = mod->children[0], *h = f->children[0];
    cr_assert_eq(m->body.items[1]->as.function_def.scope, f);
    int index = 99;
    cr_expect_eq(scope_resolve(mod, "g", &index), BINDING_NAME);
    cr_expect_eq(index, -1);
    cr_expect_eq(scope_resolve(f, "a", &index), BINDING_CELL);
    cr_expect_eq(index, 0);
    cr_expect_eq(scope_lookup(f, "a")->slot, 0);
    cr_expect_eq(scope_resolve(f, "h", &index), BINDING_LOCAL);
    cr_expect_eq(index, 1);
    cr_expect_eq(scope_resolve(f, "b", &index), BINDING_CELL);
    cr_expect_eq(index, 1);
    cr_expect_eq(scope_resolve(h, "a", &index), BINDING_FREE);
    cr_expect_eq(index, 0);
    cr_expect_eq(scope_resolve(h, "b", &index), BINDING_FREE);
    cr_expect_eq(index, 1);
    cr_expect_eq(scope_resolve(h, "g", NULL), BINDING_GLOBAL_IMPLICIT);
    cr_expect_eq(scope_resolve(h, "never_mentioned", NULL), BINDING_GLOBAL_IMPLICIT);
    cr_expect_null(scope_lookup(h, "never_mentioned"));
    cr_expect(scope_lookup(f, "a")->flags & SYM_CAPTURED);
    cr_expect(scope_lookup(f, "a")->flags & SYM_PARAM);
    arena_free(&ar);
}

/* A name that only passes through a scope is free there, with no flags but SYM_CAPTURED. */
Test(scopes, pass_through_symbol)
{
    const char *src = "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n";
    arena ar;
    arena_init(&ar);
    diag d = {0};
    ast_module *m = parse_module(&ar, src, strlen(src), &d);
    cr_assert(m, "%s", d.message);
    scope *mod = scope_analyze(&ar, m, &d);
    cr_assert(mod);
    const scope *b = mod->children[0]->children[0];
    const scope_symbol *x = scope_lookup(b, "x");
    cr_assert(x);
    cr_expect_eq(x->flags, (unsigned)SYM_CAPTURED);
    cr_expect_eq(x->binding, BINDING_FREE);
    cr_expect_eq(scope_lookup(mod->children[0], "x")->binding, BINDING_CELL);
    arena_free(&ar);
}

Test(scopes, dump)
{
    const char *src = "def f(x):\n    def g():\n        return x\n    return g\n";
    arena ar;
    arena_init(&ar);
    diag d = {0};
    ast_module *m = parse_module(&ar, src, strlen(src), &d);
    cr_assert(m, "%s", d.message);
    scope *mod = scope_analyze(&ar, m, &d);
    cr_assert(mod);
    char *dump = scope_dump(mod);
    const char *expected =
        "scope module <module> qualname=<module> line=1\n"
        "  varnames: ()\n"
        "  cellvars: ()\n"
        "  freevars: ()\n"
        "  f [assigned,stored] name\n"
        "  scope function f qualname=f line=1 args=1 posonly=0 kwonly=0 varargs=no varkw=no\n"
        "    varnames: ('x', 'g')\n"
        "    cellvars: ('x',)\n"
        "    freevars: ()\n"
        "    x [param,captured] cell#0 slot0\n"
        "    g [assigned,stored,used] local#1\n"
        "    scope function g qualname=f.<locals>.g line=2 args=0 posonly=0 kwonly=0 "
        "varargs=no varkw=no\n"
        "      varnames: ()\n"
        "      cellvars: ()\n"
        "      freevars: ('x',)\n"
        "      x [used] free#0\n";
    cr_expect_str_eq(dump, expected, "got:\n%s", dump);
    free(dump);
    arena_free(&ar);
}

/* Nesting past CPython's compiler limit is refused, not a stack overflow. The parser has a
 * lower limit of its own, so the tree is built by hand. */
Test(scopes, nesting_limit)
{
    arena ar;
    arena_init(&ar);
    ast_expr *e = arena_alloc(&ar, sizeof *e);
    e->kind = EXPR_NAME;
    e->as.name.id = "a";
    for (int i = 0; i < SCOPE_MAX_NESTING; i++) {
        ast_expr *neg = arena_alloc(&ar, sizeof *neg);
        neg->kind = EXPR_UNARY_OP;
        neg->as.unary_op.op = UNARY_USUB;
        neg->as.unary_op.operand = e;
        e = neg;
    }
    ast_stmt *st = arena_alloc(&ar, sizeof *st);
    st->kind = STMT_EXPR;
    st->as.expr.value = e;
    ast_module m = {.body = {.items = &st, .count = 1}};
    diag d = {0};
    cr_expect_null(scope_analyze(&ar, &m, &d));
    cr_expect_str_eq(d.kind, "RecursionError");
    cr_expect_str_eq(d.message, "maximum recursion depth exceeded during compilation");
    /* One level less (the statement counts too) is fine. */
    st->as.expr.value = e->as.unary_op.operand->as.unary_op.operand;
    d = (diag){0};
    cr_expect_not_null(scope_analyze(&ar, &m, &d), "%s", d.message);
    arena_free(&ar);
}
