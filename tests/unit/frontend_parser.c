/* Parser tests: AST dumps and syntax errors against CPython 3.11's (tests/frontend/gen.sh makes
 * the expectations), constructs outside the subset, and inputs that must neither crash nor
 * hang: deep nesting, truncated files, binary garbage, large programs. */
#include "ast_dump.h"
#include "parser.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA CELLAR_SOURCE_DIR "/tests/frontend/"

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
    if (len)
        *len = got;
    return buf;
}

/* Sorted names of the .py files in a data directory. */
static int list_programs(const char *dir, char names[][256], int max)
{
    DIR *d = opendir(dir);
    cr_assert(d, "cannot open %s", dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".py") == 0 && len < 256)
            strcpy(names[n++], e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    return n;
}

/* Parses `src`; returns the dump (malloc'd) or NULL with the formatted error in *error. */
static char *parse_and_dump(const char *src, size_t len, bool attributes, char **error)
{
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, src, len, &d);
    char *out = NULL;
    *error = NULL;
    if (m)
        out = ast_dump(m, attributes);
    else
        *error = diag_format(&d, "prog.py", src);
    arena_free(&a);
    return out;
}

static void check_dumps(const char *dir, bool attributes)
{
    static char names[512][256];
    int n = list_programs(dir, names, 512);
    cr_assert(n > 0);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s%.255s", dir, names[i]);
        char *src = read_file(path, &len);
        path[strlen(path) - 3] = '\0';
        strcat(path, ".ast");
        char *want = read_file(path, NULL);
        cr_assert(src && want, "missing %s", path);
        size_t wl = strlen(want);
        if (wl && want[wl - 1] == '\n')
            want[wl - 1] = '\0';
        char *error;
        char *got = parse_and_dump(src, len, attributes, &error);
        if (!got || strcmp(got, want) != 0) {
            failures++;
            cr_log_error("%s: %s", names[i], got ? "dump differs" : error);
        }
        free(got);
        free(error);
        free(src);
        free(want);
    }
    cr_expect_eq(failures, 0, "%d of %d programs differ from CPython's ast.dump", failures, n);
}

Test(parser_ast, matches_cpython_dump_with_attributes) { check_dumps(DATA "ast/", true); }

Test(parser_ast, matches_cpython_dump_without_attributes)
{
    check_dumps(DATA "ast_noattr/", false);
}

Test(parser_syntax, matches_cpython_error_output)
{
    static char names[512][256];
    const char *dir = DATA "syntax/";
    int n = list_programs(dir, names, 512);
    cr_assert_geq(n, 60);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s%.255s", dir, names[i]);
        char *src = read_file(path, &len);
        path[strlen(path) - 3] = '\0';
        strcat(path, ".err");
        char *want = read_file(path, NULL);
        cr_assert(src && want, "missing %s", path);
        char *error;
        char *got = parse_and_dump(src, len, false, &error);
        if (got || strcmp(error, want) != 0) {
            failures++;
            cr_log_error("%s:\nwant:\n%sgot:\n%s", names[i], want, got ? "(no error)\n" : error);
        }
        free(got);
        free(error);
        free(src);
        free(want);
    }
    cr_expect_eq(failures, 0, "%d of %d syntax errors differ from CPython's", failures, n);
}

/* ---- the subset ----------------------------------------------------------------------- */

static void expect_error(const char *src, const char *kind, const char *message, int line)
{
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, src, strlen(src), &d);
    cr_expect_null(m, "parsed: %s", src);
    if (!m) {
        cr_expect_str_eq(d.kind, kind, "for %s", src);
        cr_expect_str_eq(d.message, message, "for %s", src);
        cr_expect_eq(d.line, line, "for %s", src);
    }
    arena_free(&a);
}

static void expect_ok(const char *src)
{
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, src, strlen(src), &d);
    cr_expect_not_null(m, "%s: %s: %s", src, d.kind ? d.kind : "", d.message);
    arena_free(&a);
}

Test(parser_subset, rejects_constructs_outside_cellar)
{
    const char *kind = "NotImplementedError";
    expect_error("class A:\n    pass\n", kind, "class definitions are not supported by cellar", 1);
    expect_error("x = 1\n@d\nclass A: pass\n", kind,
                 "class definitions are not supported by cellar", 3);
    expect_error("def f():\n    yield 1\n", kind, "'yield' expressions are not supported by cellar",
                 2);
    expect_error("def f():\n    x = yield\n", kind,
                 "'yield' expressions are not supported by cellar", 2);
    expect_error("async def f(): pass\n", kind,
                 "'async' functions and statements are not supported by cellar", 1);
    expect_error("def f():\n    await g()\n", kind,
                 "'await' expressions are not supported by cellar", 2);
    expect_error("with open(f) as g:\n    pass\n", kind,
                 "'with' statements are not supported by cellar", 1);
    expect_error("if (n := 10) > 5: pass\n", kind,
                 "assignment expressions (':=') are not supported by cellar", 1);
    expect_error("f(x := 1)\n", kind, "assignment expressions (':=') are not supported by cellar",
                 1);
    expect_error("match x:\n    case 1: pass\n", kind,
                 "'match' statements are not supported by cellar", 1);
    expect_error("x = 1j\n", kind, "complex literals are not supported by cellar", 1);
    expect_error("x = 1.5e3J\n", kind, "complex literals are not supported by cellar", 1);
    expect_error("x = b'abc'\n", kind, "bytes literals are not supported by cellar", 1);
    expect_error("x = 'a' rb'c'\n", kind, "bytes literals are not supported by cellar", 1);
    expect_error("try:\n    pass\nexcept* E:\n    pass\n", kind,
                 "'except*' clauses are not supported by cellar", 3);
}

Test(parser_subset, soft_keywords_stay_names)
{
    expect_ok("match = 3\nprint(match)\n");
    expect_ok("match(x)\nmatch[1]\nmatch.x = 2\nmatch, case = 1, 2\n");
    expect_ok("case = 1\n_ = case\n");
    expect_ok("match: int = 3\n");
}

Test(parser_subset, compile_time_checks_are_left_to_later_passes)
{
    /* CPython reports these after parsing, from its symtable and compiler. */
    expect_ok("return 1\n");
    expect_ok("break\ncontinue\n");
    expect_ok("def f(a, a): pass\n");
}

/* ---- robustness ----------------------------------------------------------------------- */

static void expect_fails(const char *src, size_t len, const char *kind, const char *message)
{
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, src, len, &d);
    cr_expect_null(m);
    if (!m) {
        cr_expect_str_eq(d.kind, kind);
        if (message)
            cr_expect_str_eq(d.message, message);
    }
    arena_free(&a);
}

static char *repeat(const char *prefix, const char *unit, int n, const char *suffix)
{
    size_t ul = strlen(unit);
    char *s = malloc(strlen(prefix) + ul * (size_t)n + strlen(suffix) + 1), *o = s;
    o += sprintf(o, "%s", prefix);
    for (int i = 0; i < n; i++, o += ul)
        memcpy(o, unit, ul);
    sprintf(o, "%s", suffix);
    return s;
}

Test(parser_robust, nesting_limits)
{
    const char *deep = "maximum recursion depth exceeded during compilation";
    struct {
        const char *prefix, *unit, *suffix, *kind, *message;
    } cases[] = {
        {"x = ", "(", "", "SyntaxError", "too many nested parentheses"},
        {"x = ", "[", "1", "SyntaxError", "too many nested parentheses"},
        {"x = ", "-", "x", "RecursionError", deep},
        {"x = ", "not ", "x", "RecursionError", deep},
        {"x = ", "lambda: ", "x", "RecursionError", deep},
        {"x = ", "2 ** ", "2", "RecursionError", deep},
        {"x = 1", " + 1", "", "RecursionError", deep},
        {"x = y", "[0]", "", "RecursionError", deep},
        {"x = f", "()", "", "RecursionError", deep},
        {"x = y", ".a", "", "RecursionError", deep},
        {"x = ", "a if b else ", "c", "RecursionError", deep},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *src = repeat(cases[i].prefix, cases[i].unit, 100000, cases[i].suffix);
        expect_fails(src, strlen(src), cases[i].kind, cases[i].message);
        free(src);
    }
    /* What CPython itself accepts stays accepted. */
    char *src = repeat("x = ", "(", 199, "1");
    char *closed = repeat(src, ")", 199, "\n");
    expect_ok(closed);
    free(src);
    free(closed);
    src = repeat("x = 1", " + 1", 900, "\n");
    expect_ok(src);
    free(src);
    src = repeat("x = ", "-", 900, "1\n");
    expect_ok(src);
    free(src);
}

Test(parser_robust, indentation_limit)
{
    char *src = malloc(200 * 110), *o = src;
    for (int i = 0; i < 110; i++)
        o += sprintf(o, "%*sif x:\n", i, "");
    sprintf(o, "%*spass\n", 110, "");
    expect_fails(src, strlen(src), "IndentationError", "too many levels of indentation");
    free(src);
}

Test(parser_robust, null_bytes_and_bad_utf8)
{
    expect_fails("x = 1\0\n", 7, "SyntaxError", "source code cannot contain null bytes");
    expect_fails("x = '\xff'\n", 8, "SyntaxError", NULL);
    expect_fails("x = 1\n# \xc3\n", 10, "SyntaxError", NULL);
    expect_fails("\xed\xa0\x80 = 1\n", 8, "SyntaxError", NULL);
}

Test(parser_robust, utf8_message_names_the_file)
{
    diag d = {0};
    arena a;
    arena_init(&a);
    const char *src = "x = 1\ny = '\xff'\n";
    cr_assert_null(parse_module(&a, src, strlen(src), &d));
    char *text = diag_format(&d, "bad.py", src);
    cr_expect_str_eq(text, "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on "
                           "line 2, but no encoding declared; see "
                           "https://peps.python.org/pep-0263/ for details\n");
    free(text);
    arena_free(&a);
}

/* A cheap deterministic generator, so the garbage is the same on every run. */
static unsigned next_random(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 16;
}

Test(parser_robust, garbage_never_crashes)
{
    static const char *const pieces[] = {
        "(",   ")",    "[",    "]",    "{",    "}",      ":",    ",",  "\n",     "    ", "\t",
        "if ", "def ", "f",    "x",    "=",    "+",      "*",    "**", "'",      "\"",   "\"\"\"",
        "f'",  "{",    "1",    "0x",   "1e",   ".",      "\\",   "#",  "lambda", "for",  "in",
        "not", "@",    "\xc3", "\xa9", "\xff", "return", "else", "!",
    };
    unsigned seed = 12345;
    char buf[400];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int count = (int)(next_random(&seed) % 40);
        for (int i = 0; i < count; i++) {
            const char *piece = pieces[next_random(&seed) % (sizeof pieces / sizeof pieces[0])];
            size_t pl = strlen(piece);
            if (n + pl >= sizeof buf)
                break;
            memcpy(buf + n, piece, pl);
            n += pl;
        }
        buf[n] = '\0';
        arena a;
        arena_init(&a);
        diag d = {0};
        ast_module *m = parse_module(&a, buf, n, &d);
        if (m) {
            free(ast_dump(m, true));
        } else {
            cr_assert(d.set, "failed without a diagnostic: %s", buf);
            free(diag_format(&d, "g.py", buf));
        }
        arena_free(&a);
    }
}

/* Every prefix of every golden program parses or fails cleanly. */
Test(parser_robust, truncated_programs)
{
    static char names[512][256];
    const char *dir = DATA "ast/";
    int n = list_programs(dir, names, 512);
    for (int i = 0; i < n; i++) {
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s%.255s", dir, names[i]);
        char *src = read_file(path, &len);
        for (size_t cut = 0; cut < len; cut += 1 + len / 200) {
            char *prefix = malloc(cut + 1);
            memcpy(prefix, src, cut);
            prefix[cut] = '\0';
            arena a;
            arena_init(&a);
            diag d = {0};
            ast_module *m = parse_module(&a, prefix, cut, &d);
            cr_assert(m || d.set, "%s cut at %zu failed without a diagnostic", names[i], cut);
            if (!m)
                free(diag_format(&d, "t.py", prefix));
            arena_free(&a);
            free(prefix);
        }
        free(src);
    }
}

/* A large program parses whole; how fast is bench/parse/'s business, not a unit test's. */
Test(parser_robust, large_program_parses)
{
    size_t cap = 4 << 20, n = 0;
    char *src = malloc(cap);
    for (int i = 0; i < 2500; i++)
        n += (size_t)snprintf(src + n, cap - n,
                              "def f%d(a, b=1, *c, **d):\n"
                              "    x = [a + b * %d for a in range(10) if a %% 2]\n"
                              "    return f\"{x!r} {a:>10}\", {\"k\": (1, 2.5, 's')}, d[c]\n"
                              "\n",
                              i, i);
    arena a;
    arena_init(&a);
    diag d = {0};
    ast_module *m = parse_module(&a, src, n, &d);
    cr_assert_not_null(m, "%s", d.message);
    cr_assert_eq(m->body.count, 2500);
    arena_free(&a);
    free(src);
}

/* ---- diag_format ---------------------------------------------------------------------- */

Test(diag, format_like_cpython)
{
    diag d = {0};
    diag_set(&d, "SyntaxError", 2, 9, 2, 12, "invalid %s", "syntax");
    diag_set(&d, "SyntaxError", 1, 1, 1, 1, "ignored: the first error wins");
    char *text = diag_format(&d, "p.py", "x = 1\n    y = (a b)\n");
    cr_expect_str_eq(text, "  File \"p.py\", line 2\n    y = (a b)\n        ^^^\n"
                           "SyntaxError: invalid syntax\n");
    free(text);
    diag e = {0};
    diag_set(&e, "IndentationError", 1, 2, 1, -1, "unexpected indent");
    text = diag_format(&e, "p.py", "  x = 1");
    cr_expect_str_eq(text,
                     "  File \"p.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n");
    free(text);
    diag f = {0};
    diag_set(&f, "RecursionError", 0, 0, 0, 0,
             "maximum recursion depth exceeded during compilation");
    text = diag_format(&f, "p.py", "");
    cr_expect_str_eq(text, "RecursionError: maximum recursion depth exceeded during compilation\n");
    free(text);
}
