/* Expressions: one function per rule of CPython 3.11's grammar, from `star_expressions` down
 * to `atom`, building ast_expr nodes with CPython's positions. Binary operators share one
 * precedence-climbing function driven by a table. */
#include "parser_internal.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

/* CPython refuses to convert longer decimal literals (sys.int_info.default_max_str_digits). */
enum { INT_MAX_STR_DIGITS = 4300 };

/* ---- small helpers -------------------------------------------------------------------- */

ast_expr *parse_new_expr(parser *p, ast_expr_kind kind, ast_loc loc)
{
    ast_expr *e = arena_alloc(p->a, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    return e;
}

void parse_ptr_push(parser *p, ptr_list *v, void *item)
{
    if (v->count == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(p->a, sizeof *items * (size_t)cap);
        if (v->count)
            memcpy(items, v->items, sizeof *items * (size_t)v->count);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = item;
}

static ast_expr_list list_of(ptr_list *v)
{
    ast_expr_list l = {(ast_expr **)v->items, v->count};
    return l;
}

ast_expr_list parse_list_from(parser *p, ast_expr **items, int count)
{
    ast_expr_list l = {NULL, count};
    if (count) {
        l.items = arena_alloc(p->a, sizeof *items * (size_t)count);
        memcpy(l.items, items, sizeof *items * (size_t)count);
    }
    return l;
}

static ast_expr *new_name(parser *p, const token *t, ast_ctx ctx)
{
    ast_expr *e = parse_new_expr(p, EXPR_NAME, parse_loc_token(t));
    e->as.name.id = arena_strndup(p->a, t->start, t->len);
    e->as.name.ctx = ctx;
    return e;
}

static ast_expr *new_constant(parser *p, ast_const_kind kind, ast_loc loc)
{
    ast_expr *e = parse_new_expr(p, EXPR_CONSTANT, loc);
    e->as.constant.kind = kind;
    return e;
}

static ast_expr *new_tuple(parser *p, ptr_list *elts, ast_loc loc, ast_ctx ctx)
{
    ast_expr *e = parse_new_expr(p, EXPR_TUPLE, loc);
    e->as.list.elts = list_of(elts);
    e->as.list.ctx = ctx;
    return e;
}

bool parse_token_starts_expression(tok_kind kind)
{
    switch (kind) {
    case TOK_NAME:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_LPAR:
    case TOK_LSQB:
    case TOK_LBRACE:
    case TOK_MINUS:
    case TOK_PLUS:
    case TOK_TILDE:
    case TOK_NOT:
    case TOK_LAMBDA:
    case TOK_TRUE:
    case TOK_FALSE:
    case TOK_NONE:
    case TOK_ELLIPSIS:
    case TOK_AWAIT: return true;
    default: return false;
    }
}

bool parse_starts_star_expression(tok_kind kind)
{
    return kind == TOK_STAR || parse_token_starts_expression(kind);
}

const char *parse_expr_name(const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOL_OP:
    case EXPR_BIN_OP:
    case EXPR_UNARY_OP: return "expression";
    case EXPR_GENERATOR_EXP: return "generator expression";
    case EXPR_LIST_COMP: return "list comprehension";
    case EXPR_SET_COMP: return "set comprehension";
    case EXPR_DICT_COMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINED_STR:
    case EXPR_FORMATTED_VALUE: return "f-string expression";
    case EXPR_COMPARE: return "comparison";
    case EXPR_IF_EXP: return "conditional expression";
    case EXPR_SLICE: return "slice";
    case EXPR_CONSTANT:
        switch (e->as.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    }
    return "expression";
}

/* ---- targets -------------------------------------------------------------------------- */

/* _PyPegen_get_invalid_target: lists and tuples are searched, starred unwrapped (except for
 * del); names, attributes and subscripts are fine; anything else is the culprit. */
ast_expr *parse_invalid_target(ast_expr *e, ast_ctx ctx)
{
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (int i = 0; i < e->as.list.elts.count; i++) {
            ast_expr *bad = parse_invalid_target(e->as.list.elts.items[i], ctx);
            if (bad)
                return bad;
        }
        return NULL;
    case EXPR_STARRED: return ctx == CTX_DEL ? e : parse_invalid_target(e->as.starred.value, ctx);
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTRIBUTE: return NULL;
    default: return e;
    }
}

static void set_ctx(ast_expr *e, ast_ctx ctx)
{
    switch (e->kind) {
    case EXPR_NAME: e->as.name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->as.attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->as.subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->as.starred.ctx = ctx;
        set_ctx(e->as.starred.value, ctx);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        e->as.list.ctx = ctx;
        for (int i = 0; i < e->as.list.elts.count; i++)
            set_ctx(e->as.list.elts.items[i], ctx);
        break;
    default: break;
    }
}

bool parse_set_context(parser *p, ast_expr *e, ast_ctx ctx)
{
    ast_expr *bad = parse_invalid_target(e, ctx);
    if (bad) {
        parse_error_range(p, "SyntaxError", bad->loc, bad->loc, "cannot %s %s",
                          ctx == CTX_DEL ? "delete" : "assign to", parse_expr_name(bad));
        return false;
    }
    set_ctx(e, ctx);
    return true;
}

/* ---- atoms ---------------------------------------------------------------------------- */

/* Decimal digits of an integer literal: underscores dropped, other bases converted. */
static const char *int_digits(parser *p, const token *t)
{
    char *clean = arena_alloc(p->a, t->len + 1);
    size_t n = 0;
    int base = 10;
    size_t i = 0;
    if (t->len > 1 && t->start[0] == '0' && strchr("xXoObB", t->start[1])) {
        int x = t->start[1] | 0x20;
        base = x == 'x' ? 16 : x == 'o' ? 8 : 2;
        i = 2;
    }
    for (; i < t->len; i++)
        if (t->start[i] != '_')
            clean[n++] = t->start[i];
    clean[n] = '\0';
    if (base == 10) {
        while (n > 1 && clean[0] == '0')
            clean++, n--;
        return clean;
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, clean, base);
    size_t size = mpz_sizeinbase(z, 10) + 2;
    char *digits = arena_alloc(p->a, size);
    mpz_get_str(digits, 10, z);
    mpz_clear(z);
    return digits;
}

/* NUMBER: an int (digits kept as text), a float, or an imaginary literal (not supported). */
static ast_expr *number(parser *p)
{
    token t = p->tok;
    ast_loc loc = parse_loc_token(&t);
    char last = t.start[t.len - 1] | 0x20;
    bool radix = t.len > 1 && t.start[0] == '0' && strchr("xXoObB", t.start[1]);
    if (last == 'j' && !radix)
        return parse_unsupported(p, loc, "complex literals are");
    parse_advance(p);
    if (!radix && memchr(t.start, '.', t.len) == NULL &&
        (memchr(t.start, 'e', t.len) == NULL && memchr(t.start, 'E', t.len) == NULL)) {
        ast_expr *e = new_constant(p, CONST_INT, loc);
        e->as.constant.int_digits = int_digits(p, &t);
        size_t ndigits = strlen(e->as.constant.int_digits);
        if (ndigits > INT_MAX_STR_DIGITS) /* CPython gives no caret for this one */
            return parse_error_range(
                p, "SyntaxError", (ast_loc){loc.line, -1, loc.line, -1},
                (ast_loc){loc.line, -1, loc.line, -1},
                "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                INT_MAX_STR_DIGITS, ndigits);
        return e;
    }
    if (radix) {
        ast_expr *e = new_constant(p, CONST_INT, loc);
        e->as.constant.int_digits = int_digits(p, &t);
        return e;
    }
    char *clean = arena_alloc(p->a, t.len + 1);
    size_t n = 0;
    for (size_t i = 0; i < t.len; i++)
        if (t.start[i] != '_')
            clean[n++] = t.start[i];
    ast_expr *e = new_constant(p, CONST_FLOAT, loc);
    e->as.constant.float_value = strtod(clean, NULL);
    return e;
}

static ast_expr *group_or_tuple(parser *p);
static ast_expr *disjunction(parser *p);
static ast_expr *list_display(parser *p);
static ast_expr *brace_display(parser *p);

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list
 *     | listcomp | dict | set | dictcomp | setcomp | '...' */
static ast_expr *atom(parser *p)
{
    token t = p->tok;
    ast_loc loc = parse_loc_token(&t);
    switch (t.kind) {
    case TOK_NAME: parse_advance(p); return new_name(p, &t, CTX_LOAD);
    case TOK_TRUE: parse_advance(p); return new_constant(p, CONST_TRUE, loc);
    case TOK_FALSE: parse_advance(p); return new_constant(p, CONST_FALSE, loc);
    case TOK_NONE: parse_advance(p); return new_constant(p, CONST_NONE, loc);
    case TOK_ELLIPSIS: parse_advance(p); return new_constant(p, CONST_ELLIPSIS, loc);
    case TOK_NUMBER: return number(p);
    case TOK_STRING: return parse_strings(p);
    case TOK_LPAR: return group_or_tuple(p);
    case TOK_LSQB: return list_display(p);
    case TOK_LBRACE: return brace_display(p);
    case TOK_AWAIT: return parse_unsupported(p, loc, "'await' expressions are");
    case TOK_YIELD: return parse_unsupported(p, loc, "'yield' expressions are");
    default: return parse_fail(p);
    }
}

/* ---- comprehensions ------------------------------------------------------------------- */

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static bool for_if_clauses(parser *p, ast_comprehension **out, int *count)
{
    ptr_list gens = {0};
    while (parse_check(p, TOK_FOR)) {
        parse_advance(p);
        ast_comprehension *c = arena_alloc(p->a, sizeof *c);
        c->target = parse_for_target(p);
        if (!c->target)
            return false;
        c->iter = disjunction(p);
        if (!c->iter)
            return false;
        ptr_list ifs = {0};
        while (parse_accept(p, TOK_IF)) {
            ast_expr *cond = disjunction(p);
            if (!cond)
                return false;
            parse_ptr_push(p, &ifs, cond);
        }
        c->ifs = list_of(&ifs);
        parse_ptr_push(p, &gens, c);
    }
    if (parse_is_name(p, "async") || parse_check(p, TOK_ASYNC))
        return parse_unsupported(p, parse_loc_token(&p->tok), "asynchronous comprehensions are");
    ast_comprehension *arr = arena_alloc(p->a, sizeof *arr * (size_t)(gens.count ? gens.count : 1));
    for (int i = 0; i < gens.count; i++)
        arr[i] = *(ast_comprehension *)gens.items[i];
    *out = arr;
    *count = gens.count;
    return true;
}

/* Builds a comprehension node whose element was already parsed; the current token is 'for'. */
static ast_expr *comprehension(parser *p, ast_expr_kind kind, ast_expr *elt, ast_loc start,
                               tok_kind closer)
{
    if (elt->kind == EXPR_STARRED)
        return parse_error_range(p, "SyntaxError", elt->loc, elt->loc,
                                 "iterable unpacking cannot be used in comprehension");
    ast_expr *e = parse_new_expr(p, kind, start);
    e->as.comp.elt = elt;
    if (!for_if_clauses(p, &e->as.comp.generators, &e->as.comp.ngenerators))
        return NULL;
    if (closer != TOK_EOF && !parse_expect(p, closer))
        return NULL;
    e->loc = parse_loc_to_prev(p, start);
    return e;
}

/* ---- displays ------------------------------------------------------------------------- */

static ast_expr *star_named_expression(parser *p);

/* The rest of a comma-separated display after its first element, up to `closer`. */
static bool display_items(parser *p, ptr_list *items, tok_kind closer)
{
    while (parse_accept(p, TOK_COMMA)) {
        if (parse_check(p, closer))
            break;
        ast_expr *e = star_named_expression(p);
        if (!e)
            return false;
        parse_ptr_push(p, items, e);
    }
    return parse_expect(p, closer);
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
 * group: '(' (yield_expr | named_expression) ')'
 * genexp: '(' named_expression for_if_clauses ')' */
static ast_expr *group_or_tuple(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list items = {0};
    if (parse_accept(p, TOK_RPAR))
        return new_tuple(p, &items, parse_loc_to_prev(p, start), CTX_LOAD);
    if (parse_check(p, TOK_YIELD))
        return parse_unsupported(p, parse_loc_token(&p->tok), "'yield' expressions are");
    ast_expr *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (parse_check(p, TOK_FOR))
        return comprehension(p, EXPR_GENERATOR_EXP, first, start, TOK_RPAR);
    if (parse_check(p, TOK_RPAR)) {
        if (first->kind == EXPR_STARRED)
            return parse_error_range(p, "SyntaxError", first->loc, first->loc,
                                     "cannot use starred expression here");
        parse_advance(p);
        return first; /* a parenthesised expression keeps its own position */
    }
    parse_ptr_push(p, &items, first);
    if (!parse_check(p, TOK_COMMA))
        return parse_fail(p);
    if (!display_items(p, &items, TOK_RPAR))
        return NULL;
    return new_tuple(p, &items, parse_loc_to_prev(p, start), CTX_LOAD);
}

/* list: '[' [star_named_expressions] ']' | listcomp: '[' named_expression for_if_clauses ']' */
static ast_expr *list_display(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list items = {0};
    if (!parse_check(p, TOK_RSQB)) {
        ast_expr *first = star_named_expression(p);
        if (!first)
            return NULL;
        if (parse_check(p, TOK_FOR))
            return comprehension(p, EXPR_LIST_COMP, first, start, TOK_RSQB);
        parse_ptr_push(p, &items, first);
        if (!display_items(p, &items, TOK_RSQB))
            return NULL;
    } else {
        parse_advance(p);
    }
    ast_expr *e = parse_new_expr(p, EXPR_LIST, parse_loc_to_prev(p, start));
    e->as.list.elts = list_of(&items);
    e->as.list.ctx = CTX_LOAD;
    return e;
}

/* One dict entry: expression ':' expression | '**' bitwise_or (key NULL). */
static bool dict_entry(parser *p, ptr_list *keys, ptr_list *values)
{
    if (parse_accept(p, TOK_DOUBLESTAR)) {
        ast_expr *v = parse_bitwise_or(p);
        if (!v)
            return false;
        parse_ptr_push(p, keys, NULL);
        parse_ptr_push(p, values, v);
        return true;
    }
    ast_expr *k = parse_expression(p);
    if (!k)
        return false;
    if (!parse_check(p, TOK_COLON)) /* invalid_kvpair: at the key's last character */
        return parse_error_range(p, "SyntaxError",
                                 (ast_loc){k->loc.end_line, k->loc.end_col - 1, 0, 0},
                                 (ast_loc){0, 0, k->loc.end_line, -2},
                                 "':' expected after dictionary key") != NULL;
    token colon = p->tok;
    parse_advance(p);
    if (parse_check(p, TOK_RBRACE) || parse_check(p, TOK_COMMA))
        return parse_error_token(p, "SyntaxError", &colon,
                                 "expression expected after dictionary key and ':'") != NULL;
    ast_expr *v = parse_expression(p);
    if (!v)
        return false;
    parse_ptr_push(p, keys, k);
    parse_ptr_push(p, values, v);
    return true;
}

/* dict: '{' [double_starred_kvpairs] '}' | dictcomp: '{' kvpair for_if_clauses '}' */
static ast_expr *dict_rest(parser *p, ast_loc start, ptr_list *keys, ptr_list *values)
{
    if (keys->items[0] && parse_check(p, TOK_FOR)) {
        ast_expr *e = parse_new_expr(p, EXPR_DICT_COMP, start);
        e->as.comp.key = keys->items[0];
        e->as.comp.value = values->items[0];
        if (!for_if_clauses(p, &e->as.comp.generators, &e->as.comp.ngenerators) ||
            !parse_expect(p, TOK_RBRACE))
            return NULL;
        e->loc = parse_loc_to_prev(p, start);
        return e;
    }
    while (parse_accept(p, TOK_COMMA)) {
        if (parse_check(p, TOK_RBRACE))
            break;
        if (!dict_entry(p, keys, values))
            return NULL;
    }
    if (!parse_expect(p, TOK_RBRACE))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_DICT, parse_loc_to_prev(p, start));
    e->as.dict.keys = (ast_expr **)keys->items;
    e->as.dict.values = (ast_expr **)values->items;
    e->as.dict.count = keys->count;
    return e;
}

/* '{' ... '}': dict, set, dict comprehension or set comprehension, told apart by the first
 * entry. */
static ast_expr *brace_display(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list keys = {0}, values = {0};
    if (parse_accept(p, TOK_RBRACE)) {
        ast_expr *e = parse_new_expr(p, EXPR_DICT, parse_loc_to_prev(p, start));
        return e;
    }
    if (parse_check(p, TOK_DOUBLESTAR)) {
        if (!dict_entry(p, &keys, &values))
            return NULL;
        return dict_rest(p, start, &keys, &values);
    }
    ast_expr *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (first->kind != EXPR_STARRED && parse_check(p, TOK_COLON)) {
        token colon = p->tok;
        parse_advance(p);
        if (parse_check(p, TOK_RBRACE) || parse_check(p, TOK_COMMA))
            return parse_error_token(p, "SyntaxError", &colon,
                                     "expression expected after dictionary key and ':'");
        ast_expr *v = parse_expression(p);
        if (!v)
            return NULL;
        parse_ptr_push(p, &keys, first);
        parse_ptr_push(p, &values, v);
        return dict_rest(p, start, &keys, &values);
    }
    if (parse_check(p, TOK_FOR))
        return comprehension(p, EXPR_SET_COMP, first, start, TOK_RBRACE);
    ptr_list items = {0};
    parse_ptr_push(p, &items, first);
    if (!display_items(p, &items, TOK_RBRACE))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_SET, parse_loc_to_prev(p, start));
    e->as.set.elts = list_of(&items);
    return e;
}

/* ---- primaries ------------------------------------------------------------------------ */

/* What has been seen so far in a call's arguments, to check their order. */
typedef struct call_args {
    ptr_list args, keywords;
    bool seen_keyword, seen_double_star;
    ast_loc first, last; /* the span of the arguments so far */
    ast_loc paren;
    /* A positional argument after keywords: CPython reports it where the arguments end. */
    const char *misplaced;
} call_args;

/* The messages CPython gives for misplaced arguments. */
static bool check_argument_order(parser *p, call_args *ca, ast_expr *arg)
{
    if (arg->kind == EXPR_STARRED) {
        if (ca->seen_double_star)
            return parse_error_range(p, "SyntaxError", ca->first, ca->last,
                                     "iterable argument unpacking follows keyword argument "
                                     "unpacking") != NULL;
        return true;
    }
    if ((ca->seen_double_star || ca->seen_keyword) && !ca->misplaced)
        ca->misplaced = ca->seen_double_star
                            ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument";
    return true;
}

/* kwarg: NAME '=' expression, when `e` (already parsed) is followed by '='. */
static ast_keyword *keyword_argument(parser *p, ast_expr *e)
{
    if (e->kind != EXPR_NAME) {
        if (e->kind == EXPR_CONSTANT && e->as.constant.kind <= CONST_FALSE)
            return parse_error_range(p, "SyntaxError", e->loc, parse_loc_token(&p->tok),
                                     "cannot assign to %s", parse_expr_name(e));
        return parse_error_range(p, "SyntaxError", e->loc, parse_loc_token(&p->tok),
                                 "expression cannot contain assignment, perhaps you meant "
                                 "\"==\"?");
    }
    parse_advance(p); /* '=' */
    ast_expr *v = parse_expression(p);
    if (!v)
        return NULL;
    ast_keyword *k = arena_alloc(p->a, sizeof *k);
    k->arg = e->as.name.id;
    k->value = v;
    k->loc = parse_loc_to_prev(p, e->loc);
    return k;
}

/* '**' expression: a keyword with no name. */
static bool double_star_argument(parser *p, call_args *ca, ast_loc start)
{
    ast_expr *v = parse_expression(p);
    if (!v)
        return false;
    ast_keyword *k = arena_alloc(p->a, sizeof *k);
    k->value = v;
    k->loc = parse_loc_to_prev(p, start);
    parse_ptr_push(p, &ca->keywords, k);
    ca->seen_double_star = true;
    return true;
}

/* A generator expression as an argument: only alone, and then it spans the parentheses. */
static ast_expr *generator_argument(parser *p, call_args *ca, ast_expr *elt, ast_loc start)
{
    ast_expr *e = comprehension(p, EXPR_GENERATOR_EXP, elt, start, TOK_EOF);
    if (!e)
        return NULL;
    if (ca->args.count || ca->keywords.count || !parse_check(p, TOK_RPAR))
        return parse_error_range(p, "SyntaxError", e->loc, e->loc,
                                 "Generator expression must be parenthesized");
    e->loc = parse_loc_span(ca->paren, parse_loc_token(&p->tok));
    return e;
}

/* argument: '*' expression | '**' expression | NAME '=' expression
 *         | expression [for_if_clauses] */
static bool argument(parser *p, call_args *ca)
{
    ast_loc start = parse_loc_token(&p->tok);
    if (ca->args.count + ca->keywords.count == 0)
        ca->first = start;
    bool ok = true;
    ast_expr *e;
    if (parse_accept(p, TOK_DOUBLESTAR)) {
        ok = double_star_argument(p, ca, start);
    } else if (parse_accept(p, TOK_STAR)) {
        ast_expr *v = parse_expression(p);
        if (!v)
            return false;
        e = parse_new_expr(p, EXPR_STARRED, parse_loc_to_prev(p, start));
        e->as.starred.value = v;
        e->as.starred.ctx = CTX_LOAD;
        ok = check_argument_order(p, ca, e);
        if (ok)
            parse_ptr_push(p, &ca->args, e);
    } else if ((e = parse_expression(p)) == NULL) {
        return false;
    } else if (parse_check(p, TOK_COLONEQUAL)) {
        return parse_unsupported(p, parse_loc_token(&p->tok), "assignment expressions (':=') are");
    } else if (parse_check(p, TOK_EQUAL)) {
        ast_keyword *k = keyword_argument(p, e);
        if (!k)
            return false;
        parse_ptr_push(p, &ca->keywords, k);
        ca->seen_keyword = true;
    } else {
        if (parse_check(p, TOK_FOR) && !(e = generator_argument(p, ca, e, start)))
            return false;
        ok = check_argument_order(p, ca, e);
        if (ok)
            parse_ptr_push(p, &ca->args, e);
    }
    ca->last = parse_loc_token(&p->prev);
    return ok;
}

/* primary '(' [arguments] ')' */
static ast_expr *call(parser *p, ast_expr *func, ast_loc start)
{
    call_args ca = {.paren = parse_loc_token(&p->tok)};
    parse_advance(p);
    while (!parse_check(p, TOK_RPAR)) {
        if (!argument(p, &ca))
            return NULL;
        if (!parse_accept(p, TOK_COMMA))
            break;
    }
    if (ca.misplaced)
        return parse_error_token(p, "SyntaxError", &p->tok, "%s", ca.misplaced);
    if (!parse_expect(p, TOK_RPAR))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_CALL, parse_loc_to_prev(p, start));
    e->as.call.func = func;
    e->as.call.args = list_of(&ca.args);
    e->as.call.nkeywords = ca.keywords.count;
    e->as.call.keywords = arena_alloc(p->a, sizeof(ast_keyword) * (size_t)(ca.keywords.count + 1));
    for (int i = 0; i < ca.keywords.count; i++)
        e->as.call.keywords[i] = *(ast_keyword *)ca.keywords.items[i];
    return e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static ast_expr *slice(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *lower = NULL, *upper = NULL, *step = NULL;
    if (!parse_check(p, TOK_COLON)) {
        if (parse_check(p, TOK_STAR)) {
            lower = star_named_expression(p);
            return lower;
        }
        lower = parse_named_expression(p);
        if (!lower || !parse_check(p, TOK_COLON))
            return lower;
    }
    parse_advance(p); /* ':' */
    if (parse_token_starts_expression(p->tok.kind) && !(upper = parse_expression(p)))
        return NULL;
    if (parse_accept(p, TOK_COLON) && parse_token_starts_expression(p->tok.kind) &&
        !(step = parse_expression(p)))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_SLICE, parse_loc_to_prev(p, start));
    e->as.slice.lower = lower;
    e->as.slice.upper = upper;
    e->as.slice.step = step;
    return e;
}

/* primary '[' slices ']' where slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static ast_expr *subscript(parser *p, ast_expr *value, ast_loc value_start)
{
    parse_advance(p);
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *index = slice(p);
    if (!index)
        return NULL;
    if (parse_check(p, TOK_COMMA) || index->kind == EXPR_STARRED) {
        ptr_list items = {0};
        parse_ptr_push(p, &items, index);
        while (parse_accept(p, TOK_COMMA) && !parse_check(p, TOK_RSQB)) {
            ast_expr *e = slice(p);
            if (!e)
                return NULL;
            parse_ptr_push(p, &items, e);
        }
        index = new_tuple(p, &items, parse_loc_to_prev(p, start), CTX_LOAD);
    }
    if (!parse_expect(p, TOK_RSQB))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_SUBSCRIPT, parse_loc_to_prev(p, value_start));
    e->as.subscript.value = value;
    e->as.subscript.slice = index;
    e->as.subscript.ctx = CTX_LOAD;
    return e;
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom
 * The left recursion becomes a loop, so long chains use no stack. */
static ast_expr *primary(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *e = atom(p);
    for (int length = 1; e; length++) {
        if (!parse_chain_fits(p, length))
            return NULL;
        if (parse_accept(p, TOK_DOT)) {
            if (!parse_check(p, TOK_NAME))
                return parse_fail(p);
            ast_expr *a =
                parse_new_expr(p, EXPR_ATTRIBUTE, parse_loc_span(start, parse_loc_token(&p->tok)));
            a->as.attribute.value = e;
            a->as.attribute.attr = arena_strndup(p->a, p->tok.start, p->tok.len);
            a->as.attribute.ctx = CTX_LOAD;
            parse_advance(p);
            e = a;
        } else if (parse_check(p, TOK_LPAR)) {
            e = call(p, e, start);
        } else if (parse_check(p, TOK_LSQB)) {
            e = subscript(p, e, start);
        } else {
            break;
        }
    }
    return e;
}

/* ---- operators ------------------------------------------------------------------------ */

static ast_expr *factor(parser *p);

/* power: await_primary '**' factor | await_primary */
static ast_expr *power(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *left = primary(p);
    if (!left || !parse_check(p, TOK_DOUBLESTAR))
        return left;
    if (!parse_enter(p))
        return NULL;
    parse_advance(p);
    ast_expr *right = factor(p);
    parse_leave(p);
    if (!right)
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_BIN_OP, parse_loc_to_prev(p, start));
    e->as.bin_op.left = left;
    e->as.bin_op.op = BIN_POW;
    e->as.bin_op.right = right;
    return e;
}

/* factor: '+' factor | '-' factor | '~' factor | power */
static ast_expr *factor(parser *p)
{
    ast_unary_op op;
    switch (p->tok.kind) {
    case TOK_PLUS: op = UNARY_UADD; break;
    case TOK_MINUS: op = UNARY_USUB; break;
    case TOK_TILDE: op = UNARY_INVERT; break;
    default: return power(p);
    }
    ast_loc start = parse_loc_token(&p->tok);
    if (!parse_enter(p))
        return NULL;
    parse_advance(p);
    ast_expr *operand = factor(p);
    parse_leave(p);
    if (!operand)
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_UNARY_OP, parse_loc_to_prev(p, start));
    e->as.unary_op.op = op;
    e->as.unary_op.operand = operand;
    return e;
}

/* Binary operator levels, loosest first: bitwise_or, bitwise_xor, bitwise_and, shift_expr,
 * sum, term. All are left-associative. */
enum { LEVEL_BITOR = 1, LEVEL_BITXOR, LEVEL_BITAND, LEVEL_SHIFT, LEVEL_SUM, LEVEL_TERM };

static int binary_level(tok_kind kind, ast_bin_op *op)
{
    switch (kind) {
    case TOK_VBAR: *op = BIN_BITOR; return LEVEL_BITOR;
    case TOK_CIRCUMFLEX: *op = BIN_BITXOR; return LEVEL_BITXOR;
    case TOK_AMPER: *op = BIN_BITAND; return LEVEL_BITAND;
    case TOK_LEFTSHIFT: *op = BIN_LSHIFT; return LEVEL_SHIFT;
    case TOK_RIGHTSHIFT: *op = BIN_RSHIFT; return LEVEL_SHIFT;
    case TOK_PLUS: *op = BIN_ADD; return LEVEL_SUM;
    case TOK_MINUS: *op = BIN_SUB; return LEVEL_SUM;
    case TOK_STAR: *op = BIN_MULT; return LEVEL_TERM;
    case TOK_SLASH: *op = BIN_DIV; return LEVEL_TERM;
    case TOK_DOUBLESLASH: *op = BIN_FLOORDIV; return LEVEL_TERM;
    case TOK_PERCENT: *op = BIN_MOD; return LEVEL_TERM;
    case TOK_AT: *op = BIN_MATMULT; return LEVEL_TERM;
    default: return 0;
    }
}

/* bitwise_or ... term by precedence climbing: operands bind operators of level > min. */
static ast_expr *binary(parser *p, int min_level)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *left = factor(p);
    ast_bin_op op = BIN_ADD;
    int level, length = 0;
    while (left && (level = binary_level(p->tok.kind, &op)) > min_level) {
        if (!parse_chain_fits(p, ++length))
            return NULL;
        parse_advance(p);
        ast_expr *right = level == LEVEL_TERM ? factor(p) : binary(p, level);
        if (!right)
            return NULL;
        ast_expr *e = parse_new_expr(p, EXPR_BIN_OP, parse_loc_to_prev(p, start));
        e->as.bin_op.left = left;
        e->as.bin_op.op = op;
        e->as.bin_op.right = right;
        left = e;
    }
    return left;
}

ast_expr *parse_bitwise_or(parser *p) { return binary(p, 0); }

/* One comparison operator, consuming its tokens; false if the current token is none. */
static bool compare_op(parser *p, ast_cmp_op *op)
{
    switch (p->tok.kind) {
    case TOK_EQEQUAL: *op = CMP_EQ; break;
    case TOK_NOTEQUAL: *op = CMP_NOTEQ; break;
    case TOK_LESS: *op = CMP_LT; break;
    case TOK_LESSEQUAL: *op = CMP_LTE; break;
    case TOK_GREATER: *op = CMP_GT; break;
    case TOK_GREATEREQUAL: *op = CMP_GTE; break;
    case TOK_IN: *op = CMP_IN; break;
    case TOK_IS:
        parse_advance(p);
        *op = parse_accept(p, TOK_NOT) ? CMP_ISNOT : CMP_IS;
        return true;
    case TOK_NOT:
        if (parse_peek(p).kind != TOK_IN)
            return false;
        parse_advance(p);
        *op = CMP_NOTIN;
        break;
    default: return false;
    }
    parse_advance(p);
    return true;
}

/* comparison: bitwise_or (compare_op bitwise_or)* */
static ast_expr *comparison(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *left = parse_bitwise_or(p);
    ast_cmp_op op;
    if (!left)
        return NULL;
    ptr_list ops = {0}, comparators = {0};
    while (compare_op(p, &op)) {
        ast_expr *right = parse_bitwise_or(p);
        if (!right)
            return NULL;
        ast_cmp_op *slot = arena_alloc(p->a, sizeof *slot);
        *slot = op;
        parse_ptr_push(p, &ops, slot);
        parse_ptr_push(p, &comparators, right);
    }
    if (!ops.count)
        return left;
    ast_expr *e = parse_new_expr(p, EXPR_COMPARE, parse_loc_to_prev(p, start));
    e->as.compare.left = left;
    e->as.compare.ops = arena_alloc(p->a, sizeof(ast_cmp_op) * (size_t)ops.count);
    for (int i = 0; i < ops.count; i++)
        e->as.compare.ops[i] = *(ast_cmp_op *)ops.items[i];
    e->as.compare.comparators = list_of(&comparators);
    return e;
}

/* inversion: 'not' inversion | comparison */
static ast_expr *inversion(parser *p)
{
    if (!parse_check(p, TOK_NOT))
        return comparison(p);
    ast_loc start = parse_loc_token(&p->tok);
    if (!parse_enter(p))
        return NULL;
    parse_advance(p);
    ast_expr *operand = inversion(p);
    parse_leave(p);
    if (!operand)
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_UNARY_OP, parse_loc_to_prev(p, start));
    e->as.unary_op.op = UNARY_NOT;
    e->as.unary_op.operand = operand;
    return e;
}

/* conjunction: inversion ('and' inversion)*   disjunction: conjunction ('or' conjunction)* */
static ast_expr *bool_chain(parser *p, bool is_or)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *first = is_or ? bool_chain(p, false) : inversion(p);
    tok_kind kind = is_or ? TOK_OR : TOK_AND;
    if (!first || !parse_check(p, kind))
        return first;
    ptr_list values = {0};
    parse_ptr_push(p, &values, first);
    while (parse_accept(p, kind)) {
        ast_expr *next = is_or ? bool_chain(p, false) : inversion(p);
        if (!next)
            return NULL;
        parse_ptr_push(p, &values, next);
    }
    ast_expr *e = parse_new_expr(p, EXPR_BOOL_OP, parse_loc_to_prev(p, start));
    e->as.bool_op.op = is_or ? BOOL_OR : BOOL_AND;
    e->as.bool_op.values = list_of(&values);
    return e;
}

static ast_expr *disjunction(parser *p) { return bool_chain(p, true); }

/* lambdef: 'lambda' [lambda_params] ':' expression */
static ast_expr *lambdef(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ast_arguments *args = parse_parameters(p, true);
    if (!args || !parse_expect(p, TOK_COLON))
        return NULL;
    ast_expr *body = parse_expression(p);
    if (!body)
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_LAMBDA, parse_loc_to_prev(p, start));
    e->as.lambda.args = args;
    e->as.lambda.body = body;
    return e;
}

/* expression_without_invalid, for trial parses: a conditional expression if a whole one
 * follows, else the disjunction before the 'if'. Errors go to the caller's scratch diag. */
static ast_expr *expression_without_invalid(parser *p)
{
    if (parse_check(p, TOK_LAMBDA))
        return lambdef(p);
    ast_expr *e = disjunction(p);
    if (!e || !parse_check(p, TOK_IF))
        return e;
    parse_mark m;
    parse_save(p, &m);
    diag *scratch = p->d, inner = {0};
    p->d = p->lx.d = &inner;
    parse_advance(p);
    ast_expr *test = disjunction(p);
    ast_expr *orelse = test && parse_accept(p, TOK_ELSE) ? parse_expression(p) : NULL;
    p->d = p->lx.d = scratch;
    if (!orelse || inner.set) {
        parse_restore(p, &m);
        return e;
    }
    return orelse; /* only its end is used */
}

/* CPython's soft-keyword test compares only the name's length of characters, so every
 * prefix of `match`, `case` and `_` counts as one ("c", "ma", ...). */
static bool soft_keyword_prefix(const token *t)
{
    static const char *const words[] = {"match", "case", "_"};
    for (int i = 0; i < 3; i++)
        if (t->kind == TOK_NAME && t->len <= strlen(words[i]) &&
            memcmp(t->start, words[i], t->len) == 0)
            return true;
    return false;
}

/* invalid_expression: inside brackets, two expressions side by side are a missing comma
 * unless the first starts with NAME STRING or a soft keyword, or is print/exec. The second
 * one is parsed on trial; on failure the caller reports the generic error. */
void *parse_missing_comma(parser *p, ast_expr *a, const token *a_first)
{
    if (soft_keyword_prefix(a_first) ||
        (a_first->kind == TOK_NAME && a->kind == EXPR_NAME && p->tok.kind == TOK_STRING))
        return NULL;
    if (a->kind == EXPR_NAME &&
        (strcmp(a->as.name.id, "print") == 0 || strcmp(a->as.name.id, "exec") == 0))
        return NULL;
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return NULL;
    ast_expr *b = expression_without_invalid(p);
    bool in_brackets = p->prev.level > 0;
    bool ok = b && !t.scratch.set && in_brackets;
    parse_trial_end(p, &t, !ok);
    if (!ok) {
        /* Errors raised while reading `b` (in f-strings, say) stand, as in CPython. */
        if (strncmp(t.scratch.message, "f-string", 8) == 0)
            parse_trial_keep_error(p, &t);
        return NULL;
    }
    return parse_error_range(p, "SyntaxError", a->loc, b->loc,
                             "invalid syntax. Perhaps you forgot a comma?");
}

/* invalid_legacy_expression: NAME followed by star_expressions is `print x` when the name is
 * print or exec. CPython parses the star_expressions whatever the name, so an error raised
 * inside them (rather than a plain failure) is what it reports. */
static void *legacy_expression(parser *p, ast_expr *a)
{
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return NULL;
    ast_expr *b = parse_star_expressions(p);
    parse_trial_end(p, &t, true);
    bool legacy = strcmp(a->as.name.id, "print") == 0 || strcmp(a->as.name.id, "exec") == 0;
    if (b && !t.scratch.set && legacy)
        return parse_error_range(p, "SyntaxError", a->loc, b->loc,
                                 "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                 a->as.name.id, a->as.name.id);
    if (strcmp(t.scratch.message, "invalid syntax") != 0)
        parse_trial_keep_error(p, &t);
    return NULL;
}

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
ast_expr *parse_expression(parser *p)
{
    if (!parse_enter(p))
        return NULL;
    ast_loc start = parse_loc_token(&p->tok);
    token first = p->tok;
    ast_expr *e;
    if (parse_check(p, TOK_LAMBDA)) {
        e = lambdef(p);
    } else {
        e = disjunction(p);
        if (e && parse_check(p, TOK_IF)) {
            parse_advance(p);
            ast_expr *test = disjunction(p);
            if (test && !parse_check(p, TOK_ELSE) && !parse_check(p, TOK_COLON))
                test = parse_error_range(p, "SyntaxError", e->loc, test->loc,
                                         "expected 'else' after 'if' expression");
            ast_expr *orelse = test && parse_expect(p, TOK_ELSE) ? parse_expression(p) : NULL;
            if (!orelse) {
                e = NULL;
            } else {
                ast_expr *c = parse_new_expr(p, EXPR_IF_EXP, parse_loc_to_prev(p, start));
                c->as.if_exp.test = test;
                c->as.if_exp.body = e;
                c->as.if_exp.orelse = orelse;
                e = c;
            }
        } else if (e && parse_token_starts_expression(p->tok.kind) && !parse_failed(p)) {
            parse_missing_comma(p, e, &first);
            if (!parse_failed(p) && e->kind == EXPR_NAME && first.kind == TOK_NAME &&
                p->tok.kind != TOK_LPAR)
                legacy_expression(p, e);
            if (parse_failed(p))
                e = NULL;
        }
    }
    parse_leave(p);
    return e;
}

/* invalid_named_expression: `a = b` where an expression was expected, as in `if x = 1:`. */
static void *equals_instead_of_comparison(parser *p, ast_expr *a)
{
    bool is_name = a->kind == EXPR_NAME;
    if (!is_name && (a->kind == EXPR_COMPARE || a->kind == EXPR_BOOL_OP || a->kind == EXPR_IF_EXP ||
                     a->kind == EXPR_LAMBDA || a->kind == EXPR_LIST || a->kind == EXPR_TUPLE ||
                     a->kind == EXPR_GENERATOR_EXP ||
                     (a->kind == EXPR_CONSTANT && a->as.constant.kind <= CONST_FALSE) ||
                     (a->kind == EXPR_UNARY_OP && a->as.unary_op.op == UNARY_NOT)))
        return NULL;
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return NULL;
    parse_advance(p); /* '=' */
    ast_expr *b = parse_bitwise_or(p);
    bool matches =
        b && !t.scratch.set && !parse_check(p, TOK_EQUAL) && !parse_check(p, TOK_COLONEQUAL);
    parse_trial_end(p, &t, true);
    if (!matches)
        return NULL;
    if (is_name)
        return parse_error_range(p, "SyntaxError", a->loc, b->loc,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return parse_error_range(p, "SyntaxError", a->loc, a->loc,
                             "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             parse_expr_name(a));
}

/* named_expression: NAME ':=' expression (outside the subset) | expression !':=' */
ast_expr *parse_named_expression(parser *p)
{
    ast_expr *e = parse_expression(p);
    if (e && parse_check(p, TOK_COLONEQUAL))
        return parse_unsupported(p, parse_loc_token(&p->tok), "assignment expressions (':=') are");
    if (e && parse_check(p, TOK_EQUAL) && equals_instead_of_comparison(p, e) == NULL &&
        parse_failed(p))
        return NULL;
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static ast_expr *star_named_expression(parser *p)
{
    if (!parse_check(p, TOK_STAR))
        return parse_named_expression(p);
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    token first = p->tok;
    ast_expr *v = parse_bitwise_or(p);
    if (!v)
        return NULL;
    if (parse_token_starts_expression(p->tok.kind) && parse_missing_comma(p, v, &first) == NULL &&
        parse_failed(p))
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_STARRED, parse_loc_to_prev(p, start));
    e->as.starred.value = v;
    e->as.starred.ctx = CTX_LOAD;
    return e;
}

/* star_expression: '*' bitwise_or | expression */
ast_expr *parse_star_expression(parser *p)
{
    if (!parse_check(p, TOK_STAR))
        return parse_expression(p);
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ast_expr *v = parse_bitwise_or(p);
    if (!v)
        return NULL;
    ast_expr *e = parse_new_expr(p, EXPR_STARRED, parse_loc_to_prev(p, start));
    e->as.starred.value = v;
    e->as.starred.ctx = CTX_LOAD;
    return e;
}

/* star_expressions: star_expression (',' star_expression)* [',']
 * *bare_tuple tells whether the result is a tuple without parentheses. */
static ast_expr *star_expressions(parser *p, bool *bare_tuple)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_expr *first = parse_star_expression(p);
    *bare_tuple = false;
    if (!first || !parse_check(p, TOK_COMMA))
        return first;
    *bare_tuple = true;
    ptr_list items = {0};
    parse_ptr_push(p, &items, first);
    while (parse_accept(p, TOK_COMMA)) {
        if (!parse_starts_star_expression(p->tok.kind))
            break;
        ast_expr *e = parse_star_expression(p);
        if (!e)
            return NULL;
        parse_ptr_push(p, &items, e);
    }
    return new_tuple(p, &items, parse_loc_to_prev(p, start), CTX_LOAD);
}

ast_expr *parse_star_expressions(parser *p)
{
    bool bare;
    return star_expressions(p, &bare);
}

/* CPython parses a replacement field as `(` text `)`, so a bare tuple or generator there
 * spans the brace and the character after the text, where its parentheses would be. */
ast_expr *parse_fstring_field(parser *p, ast_loc parens)
{
    bool bare;
    ast_expr *e = star_expressions(p, &bare);
    if (e && !bare && e->kind == EXPR_STARRED)
        return parse_error_range(p, "SyntaxError", e->loc, e->loc,
                                 "cannot use starred expression here");
    if (e && !bare && parse_check(p, TOK_FOR)) {
        e = comprehension(p, EXPR_GENERATOR_EXP, e, parens, TOK_EOF);
        bare = true;
    }
    if (e && bare)
        e->loc = parens;
    if (e && !parse_check(p, TOK_EOF))
        e = parse_fail(p);
    return e;
}

/* The first part of a `for` target that cannot be assigned to; `x in y` (the target read
 * as a comparison) is searched on its left. */
static ast_expr *invalid_for_target(ast_expr *e)
{
    if (e->kind == EXPR_COMPARE)
        return e->as.compare.ops[0] == CMP_IN ? invalid_for_target(e->as.compare.left) : NULL;
    if (e->kind == EXPR_TUPLE || e->kind == EXPR_LIST) {
        for (int i = 0; i < e->as.list.elts.count; i++) {
            ast_expr *bad = invalid_for_target(e->as.list.elts.items[i]);
            if (bad)
                return bad;
        }
        return NULL;
    }
    if (e->kind == EXPR_STARRED)
        return invalid_for_target(e->as.starred.value);
    return parse_invalid_target(e, CTX_STORE);
}

/* invalid_for_target: 'for' star_expressions, where 'in' did not follow the target. The
 * target is read again as expressions, whose own errors (a missing comma, ...) then stand;
 * else a part that cannot be assigned to is reported, else the generic error. */
void *parse_invalid_for_target(parser *p, const parse_mark *target_start)
{
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return parse_fail(p);
    parse_restore(p, target_start);
    ast_expr *e = parse_star_expressions(p);
    parse_trial_end(p, &t, true);
    if (t.scratch.set && strcmp(t.scratch.message, "invalid syntax") != 0) {
        parse_trial_keep_error(p, &t);
        return NULL;
    }
    ast_expr *bad = e && !t.scratch.set ? invalid_for_target(e) : NULL;
    if (bad)
        return parse_error_range(p, "SyntaxError", bad->loc, bad->loc, "cannot assign to %s",
                                 parse_expr_name(bad));
    return parse_fail(p);
}

/* star_targets 'in', for `for` statements and comprehensions. The position saved to read the
 * target again on error lives only in this frame, not in the caller's for the whole loop. */
ast_expr *parse_for_target(parser *p)
{
    parse_mark target_start;
    parse_save(p, &target_start);
    ast_expr *target = parse_target_list(p);
    if (!target)
        return NULL;
    if (!parse_check(p, TOK_IN))
        return parse_invalid_for_target(p, &target_start);
    if (!parse_set_context(p, target, CTX_STORE))
        return NULL;
    parse_advance(p); /* 'in' */
    return target;
}

/* star_targets as a `for` target: ('*' bitwise_or | bitwise_or) (',' ...)* [','], stopping
 * before 'in'. The caller sets the store context. */
ast_expr *parse_target_list(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    ptr_list items = {0};
    for (;;) {
        ast_loc at = parse_loc_token(&p->tok);
        ast_expr *e;
        if (parse_accept(p, TOK_STAR)) {
            ast_expr *v = parse_bitwise_or(p);
            if (!v)
                return NULL;
            e = parse_new_expr(p, EXPR_STARRED, parse_loc_to_prev(p, at));
            e->as.starred.value = v;
            e->as.starred.ctx = CTX_STORE;
        } else {
            e = parse_bitwise_or(p);
            if (!e)
                return NULL;
        }
        parse_ptr_push(p, &items, e);
        if (!parse_check(p, TOK_COMMA))
            break;
        parse_advance(p);
        if (!parse_starts_star_expression(p->tok.kind))
            break;
    }
    if (items.count == 1 && p->prev.kind != TOK_COMMA)
        return items.items[0];
    return new_tuple(p, &items, parse_loc_to_prev(p, start), CTX_STORE);
}
