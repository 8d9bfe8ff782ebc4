/* The parser's entry point, token handling, error reporting and statements. It follows the
 * statement rules of CPython 3.11's grammar (Grammar/python.gram) and reproduces the messages
 * of its `invalid_*` rules for the common mistakes. Expressions are in parser_expr.c. */
#include "parser.h"

#include "parser_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- tokens --------------------------------------------------------------------------- */

static void unclosed_paren(diag *d, const lex_paren *open);

void parse_advance(parser *p)
{
    p->prev = p->tok;
    p->tok = lex_next(&p->lx);
    if (p->tok.line > p->furthest_line)
        p->furthest_line = p->tok.line;
    /* CPython's tokenizer raises this the moment the parser reads the end of the input
     * inside brackets, even in the middle of trying a rule, so nothing later can win. */
    const lex_paren *open = lex_open_paren(&p->lx);
    if (p->tok.kind == TOK_EOF && open && !p->in_fstring)
        unclosed_paren(p->errors, open);
}

bool parse_check(const parser *p, tok_kind kind) { return p->tok.kind == kind; }

bool parse_accept(parser *p, tok_kind kind)
{
    if (p->tok.kind != kind)
        return false;
    parse_advance(p);
    return true;
}

bool parse_expect(parser *p, tok_kind kind)
{
    if (parse_accept(p, kind))
        return true;
    parse_fail(p);
    return false;
}

token parse_peek(parser *p)
{
    lexer saved = p->lx;
    diag scratch = {0};
    p->lx.d = &scratch;
    token t = lex_next(&p->lx);
    p->lx = saved;
    return t;
}

void parse_save(const parser *p, parse_mark *m)
{
    m->lx = p->lx;
    m->tok = p->tok;
    m->prev = p->prev;
}

void parse_restore(parser *p, const parse_mark *m)
{
    diag *d = p->lx.d;
    p->lx = m->lx;
    p->lx.d = d;
    p->tok = m->tok;
    p->prev = m->prev;
}

bool parse_trial_begin(parser *p, parse_trial *t)
{
    if (p->trials >= PARSE_MAX_TRIALS)
        return false;
    parse_save(p, &t->mark);
    t->real = p->d;
    t->scratch = (diag){0};
    p->d = p->lx.d = &t->scratch;
    p->trials++;
    return true;
}

void parse_trial_end(parser *p, parse_trial *t, bool rewind)
{
    p->trials--;
    p->d = p->lx.d = t->real;
    if (rewind)
        parse_restore(p, &t->mark);
}

void parse_trial_keep_error(parser *p, const parse_trial *t)
{
    if (t->scratch.set && !p->d->set)
        *p->d = t->scratch;
}

bool parse_is_name(const parser *p, const char *text)
{
    return p->tok.kind == TOK_NAME && p->tok.len == strlen(text) &&
           memcmp(p->tok.start, text, p->tok.len) == 0;
}

/* ---- locations ------------------------------------------------------------------------ */

ast_loc parse_loc_token(const token *t)
{
    ast_loc l = {t->line, t->col, t->end_line, t->end_col};
    return l;
}

ast_loc parse_loc_span(ast_loc start, ast_loc end)
{
    ast_loc l = {start.line, start.col, end.end_line, end.end_col};
    return l;
}

ast_loc parse_loc_to_prev(const parser *p, ast_loc start)
{
    return parse_loc_span(start, parse_loc_token(&p->prev));
}

/* ---- errors --------------------------------------------------------------------------- */

bool parse_failed(const parser *p) { return p->d->set; }

bool parse_enter(parser *p)
{
    if (++p->depth <= PARSE_MAX_DEPTH)
        return true;
    p->depth--;
    diag_set(p->d, "RecursionError", 0, 0, 0, 0,
             "maximum recursion depth exceeded during compilation");
    return false;
}

void parse_leave(parser *p) { p->depth--; }

bool parse_chain_fits(parser *p, int length)
{
    if (p->depth + length <= PARSE_MAX_DEPTH)
        return true;
    diag_set(p->d, "RecursionError", 0, 0, 0, 0,
             "maximum recursion depth exceeded during compilation");
    return false;
}

/* "'(' was never closed", at the innermost bracket still open. */
static void unclosed_paren(diag *d, const lex_paren *open)
{
    diag_set(d, "SyntaxError", open->line, open->col + 1, open->line, 0, "'%c' was never closed",
             open->kind);
}

/* _PyPegen_tokenize_full_source_to_check_for_errors: before a parser error is reported,
 * CPython tokenizes the rest of the file; a tokenizer error found there wins, and so does a
 * bracket left open on a line before the error. */
static void check_rest_of_source(parser *p)
{
    parser *root = p->root;
    lexer lx = root->lx;
    diag scratch = {0};
    lx.d = &scratch;
    if (root->tok.kind == TOK_ERROR || root->tok.kind == TOK_EOF || root->d->set)
        return;
    token t;
    do {
        t = lex_next(&lx);
    } while (t.kind != TOK_ERROR && t.kind != TOK_EOF);
    if (t.kind == TOK_ERROR && lx.error_raised) {
        *p->d = scratch;
        return;
    }
    const lex_paren *open = lex_open_paren(&lx);
    if (t.kind == TOK_EOF && open && open->line < root->furthest_line)
        unclosed_paren(p->d, open);
}

/* Sets an error from the parser (not the tokenizer): first the rest-of-file check. */
static void parser_error(parser *p, const char *kind, int line, int col, int end_line, int end_col,
                         const char *msg)
{
    if (p->d->set)
        return;
    check_rest_of_source(p);
    const char *prefix = p->in_fstring && strcmp(kind, "SyntaxError") == 0 ? "f-string: " : "";
    diag_set(p->d, kind, line, col, end_line, end_col, "%s%s", prefix, msg);
}

void *parse_error_range(parser *p, const char *kind, ast_loc from, ast_loc to, const char *fmt, ...)
{
    char msg[DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    parser_error(p, kind, from.line, from.col + 1, to.end_line, to.end_col + 1, msg);
    return NULL;
}

/* An error at a token, with CPython's offsets for tokens without text. */
static void error_at_token(parser *p, const char *kind, const token *t, const char *msg)
{
    bool textless = t->kind == TOK_INDENT || t->kind == TOK_DEDENT || t->kind == TOK_EOF;
    parser_error(p, kind, t->line, textless ? t->col : t->col + 1, t->end_line,
                 textless ? -1 : t->end_col + 1, msg);
}

void *parse_error_token(parser *p, const char *kind, const token *t, const char *fmt, ...)
{
    char msg[DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    error_at_token(p, kind, t, msg);
    return NULL;
}

void *parse_unsupported(parser *p, ast_loc at, const char *what)
{
    if (!p->d->set)
        diag_set(p->d, "NotImplementedError", at.line, at.col + 1, at.end_line, at.end_col + 1,
                 "%s not supported by cellar", what);
    return NULL;
}

/* _PyPegen_set_syntax_error: what CPython says when no specific rule matched. Only the plain
 * "invalid syntax" is checked against the rest of the file. */
void *parse_fail(parser *p)
{
    const token *t = &p->tok;
    if (p->d->set || t->kind == TOK_ERROR)
        return NULL;
    const lex_paren *open = lex_open_paren(&p->lx);
    if (t->kind == TOK_EOF && open && !p->in_fstring)
        unclosed_paren(p->d, open);
    else if (t->kind == TOK_INDENT)
        diag_set(p->d, "IndentationError", t->line, t->col, t->line, -1, "unexpected indent");
    else if (t->kind == TOK_DEDENT && p->lx.cur < p->lx.end)
        diag_set(p->d, "IndentationError", t->line, t->col, t->line, -1, "unexpected unindent");
    else
        error_at_token(p, "SyntaxError", t, "invalid syntax");
    return NULL;
}

/* ---- statements ----------------------------------------------------------------------- */

typedef struct stmt_vec {
    ast_stmt **items;
    int count, cap;
} stmt_vec;

static void stmt_push(parser *p, stmt_vec *v, ast_stmt *s)
{
    if (v->count == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        ast_stmt **items = arena_alloc(p->a, sizeof *items * (size_t)cap);
        if (v->count)
            memcpy(items, v->items, sizeof *items * (size_t)v->count);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = s;
}

static ast_stmt_list stmt_list(stmt_vec *v)
{
    ast_stmt_list l = {v->items, v->count};
    return l;
}

static ast_stmt *new_stmt(parser *p, ast_stmt_kind kind, ast_loc loc)
{
    ast_stmt *s = arena_alloc(p->a, sizeof *s);
    s->kind = kind;
    s->loc = loc;
    return s;
}

static bool statement(parser *p, stmt_vec *out);
static bool simple_statements(parser *p, stmt_vec *out);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts
 * `what` names the construct for "expected an indented block after ...". */
static bool block(parser *p, ast_stmt_list *body, const char *what, int line)
{
    stmt_vec v = {0};
    if (!parse_accept(p, TOK_NEWLINE)) {
        if (!simple_statements(p, &v)) /* simple statements on the same line */
            return false;
        *body = stmt_list(&v);
        return true;
    }
    if (!parse_check(p, TOK_INDENT)) {
        if (!parse_failed(p))
            parse_error_token(p, "IndentationError", &p->tok,
                              "expected an indented block after %s on line %d", what, line);
        return false;
    }
    parse_advance(p);
    do { /* at least one statement */
        if (!statement(p, &v))
            return false;
    } while (!parse_check(p, TOK_DEDENT) && !parse_check(p, TOK_EOF));
    parse_accept(p, TOK_DEDENT);
    *body = stmt_list(&v);
    return true;
}

/* ':' at the end of an if/elif/while/except header: "expected ':'" when the line ends there,
 * the generic error otherwise (invalid_if_stmt and friends). */
static bool expect_colon(parser *p)
{
    if (parse_accept(p, TOK_COLON))
        return true;
    if (parse_check(p, TOK_NEWLINE))
        parse_error_token(p, "SyntaxError", &p->tok, "expected ':'");
    else
        parse_fail(p);
    return false;
}

/* A token the grammar forces (&&':' after def, try, else, finally; &&'(' after a
 * function's name): anything else is "expected ':'" at once. */
static bool expect_forced(parser *p, tok_kind kind)
{
    if (parse_accept(p, kind))
        return true;
    if (!parse_failed(p) && p->tok.kind != TOK_ERROR)
        parse_error_token(p, "SyntaxError", &p->tok, "expected '%s'", lex_kind_name(kind));
    return false;
}

/* ---- simple statements ---------------------------------------------------------------- */

/* The leftmost atom of an expression, to tell what it starts with. */
static const ast_expr *leftmost(const ast_expr *e)
{
    for (;;) {
        switch (e->kind) {
        case EXPR_BIN_OP: e = e->as.bin_op.left; break;
        case EXPR_ATTRIBUTE: e = e->as.attribute.value; break;
        case EXPR_SUBSCRIPT: e = e->as.subscript.value; break;
        case EXPR_CALL: e = e->as.call.func; break;
        default: return e;
        }
    }
}

/* Whether `e`, starting at `start`, could be CPython's `bitwise_or` there: not a comparison,
 * boolean, conditional, lambda or bare tuple, unless wrapped in parentheses. */
static bool is_bitwise_or_at(const ast_expr *e, ast_loc start)
{
    bool parenthesised = e->loc.line != start.line || e->loc.col != start.col;
    if (parenthesised)
        return true;
    switch (e->kind) {
    case EXPR_COMPARE:
    case EXPR_BOOL_OP:
    case EXPR_IF_EXP:
    case EXPR_LAMBDA:
    case EXPR_STARRED:
    case EXPR_TUPLE: return false;
    case EXPR_UNARY_OP: return e->as.unary_op.op != UNARY_NOT;
    default: return true;
    }
}

/* invalid_named_expression at the start of a statement whose assignment failed: `NAME = b`
 * or `a = b` (not starting with a list, tuple, generator or True/None/False) where b, a
 * bitwise_or, is not followed by another '='. The current token is the first '='. */
static bool assign_here_error(parser *p, ast_expr *target, ast_loc start, token first)
{
    const ast_expr *left = leftmost(target);
    bool is_name = target->kind == EXPR_NAME && first.kind == TOK_NAME;
    if (!is_bitwise_or_at(target, start) || first.kind == TOK_TRUE || first.kind == TOK_FALSE ||
        first.kind == TOK_NONE)
        return false;
    if (left->loc.line == start.line && left->loc.col == start.col &&
        (left->kind == EXPR_LIST || left->kind == EXPR_TUPLE || left->kind == EXPR_GENERATOR_EXP))
        return false;
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return false;
    parse_advance(p); /* '=' */
    ast_expr *b = parse_bitwise_or(p);
    bool matches =
        b && !t.scratch.set && !parse_check(p, TOK_EQUAL) && !parse_check(p, TOK_COLONEQUAL);
    parse_trial_end(p, &t, true);
    if (!matches)
        return false;
    if (is_name)
        parse_error_range(p, "SyntaxError", target->loc, b->loc,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        parse_error_range(p, "SyntaxError", target->loc, target->loc,
                          "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                          parse_expr_name(target));
    return true;
}

/* The right-hand side of an assignment: yield_expr (not supported) | star_expressions */
static ast_expr *assignment_value(parser *p)
{
    if (parse_check(p, TOK_YIELD))
        return parse_unsupported(p, parse_loc_token(&p->tok), "'yield' expressions are");
    return parse_star_expressions(p);
}

/* (star_targets '=')+ (yield_expr | star_expressions); `first` is already parsed. */
static ast_stmt *assignment(parser *p, ast_expr *first, ast_loc start, token first_tok)
{
    ptr_list targets = {0};
    ast_expr *value = first;
    parse_mark at_first_equal; /* to try invalid_named_expression from there on failure */
    parse_save(p, &at_first_equal);
    while (parse_check(p, TOK_EQUAL)) {
        ast_expr *bad = parse_invalid_target(value, CTX_STORE);
        if (bad) {
            parse_restore(p, &at_first_equal);
            if ((targets.count > 0 || first->kind != EXPR_NAME) &&
                assign_here_error(p, first, start, first_tok))
                return NULL;
            return parse_error_range(p, "SyntaxError", bad->loc, bad->loc, "cannot assign to %s",
                                     parse_expr_name(bad));
        }
        parse_set_context(p, value, CTX_STORE);
        parse_ptr_push(p, &targets, value);
        parse_advance(p);
        value = assignment_value(p);
        if (!value)
            return NULL;
    }
    ast_stmt *s = new_stmt(p, STMT_ASSIGN, parse_loc_to_prev(p, start));
    s->as.assign.targets = parse_list_from(p, (ast_expr **)targets.items, targets.count);
    s->as.assign.value = value;
    return s;
}

static bool aug_op(tok_kind kind, ast_bin_op *op)
{
    switch (kind) {
    case TOK_PLUSEQUAL: *op = BIN_ADD; return true;
    case TOK_MINEQUAL: *op = BIN_SUB; return true;
    case TOK_STAREQUAL: *op = BIN_MULT; return true;
    case TOK_ATEQUAL: *op = BIN_MATMULT; return true;
    case TOK_SLASHEQUAL: *op = BIN_DIV; return true;
    case TOK_PERCENTEQUAL: *op = BIN_MOD; return true;
    case TOK_AMPEREQUAL: *op = BIN_BITAND; return true;
    case TOK_VBAREQUAL: *op = BIN_BITOR; return true;
    case TOK_CIRCUMFLEXEQUAL: *op = BIN_BITXOR; return true;
    case TOK_LEFTSHIFTEQUAL: *op = BIN_LSHIFT; return true;
    case TOK_RIGHTSHIFTEQUAL: *op = BIN_RSHIFT; return true;
    case TOK_DOUBLESTAREQUAL: *op = BIN_POW; return true;
    case TOK_DOUBLESLASHEQUAL: *op = BIN_FLOORDIV; return true;
    default: return false;
    }
}

/* single_target augassign (yield_expr | star_expressions) */
static ast_stmt *aug_assignment(parser *p, ast_expr *target, ast_bin_op op, ast_loc start)
{
    if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE &&
        target->kind != EXPR_SUBSCRIPT)
        return parse_error_range(p, "SyntaxError", target->loc, target->loc,
                                 "'%s' is an illegal expression for augmented assignment",
                                 parse_expr_name(target));
    parse_set_context(p, target, CTX_STORE);
    parse_advance(p);
    ast_expr *value = assignment_value(p);
    if (!value)
        return NULL;
    ast_stmt *s = new_stmt(p, STMT_AUG_ASSIGN, parse_loc_to_prev(p, start));
    s->as.aug_assign.target = target;
    s->as.aug_assign.op = op;
    s->as.aug_assign.value = value;
    return s;
}

/* target ':' expression ['=' annotated_rhs]; a parenthesised name is not "simple". */
/* Whether an annotation follows the ':' (the current token): CPython's messages about bad
 * annotation targets need `target ':' expression`. */
static bool annotation_follows(parser *p)
{
    parse_trial t;
    if (!parse_trial_begin(p, &t))
        return false;
    parse_advance(p);
    bool ok = parse_expression(p) != NULL && !t.scratch.set;
    parse_trial_end(p, &t, true);
    return ok;
}

static ast_stmt *ann_assignment(parser *p, ast_expr *target, ast_loc start)
{
    bool valid = target->kind == EXPR_NAME || target->kind == EXPR_ATTRIBUTE ||
                 target->kind == EXPR_SUBSCRIPT;
    if (!valid && !annotation_follows(p))
        return parse_fail(p);
    if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST)
        return parse_error_range(p, "SyntaxError", target->loc, target->loc,
                                 "only single target (not %s) can be annotated",
                                 target->kind == EXPR_TUPLE ? "tuple" : "list");
    if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE &&
        target->kind != EXPR_SUBSCRIPT)
        return parse_error_range(p, "SyntaxError", target->loc, target->loc,
                                 "illegal target for annotation");
    parse_set_context(p, target, CTX_STORE);
    parse_advance(p); /* ':' */
    ast_expr *annotation = parse_expression(p);
    if (!annotation)
        return NULL;
    ast_expr *value = NULL;
    if (parse_accept(p, TOK_EQUAL) && !(value = assignment_value(p)))
        return NULL;
    ast_stmt *s = new_stmt(p, STMT_ANN_ASSIGN, parse_loc_to_prev(p, start));
    s->as.ann_assign.target = target;
    s->as.ann_assign.annotation = annotation;
    s->as.ann_assign.value = value;
    s->as.ann_assign.simple =
        target->kind == EXPR_NAME && target->loc.col == start.col && target->loc.line == start.line;
    return s;
}

/* Expression statements and every kind of assignment, which all start with an expression. */
static ast_stmt *expression_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    token first_tok = p->tok;
    if (parse_check(p, TOK_YIELD))
        return parse_unsupported(p, start, "'yield' expressions are");
    ast_expr *e = parse_star_expressions(p);
    if (!e)
        return NULL;
    ast_bin_op op;
    if (parse_check(p, TOK_COLON))
        return ann_assignment(p, e, start);
    if (aug_op(p->tok.kind, &op))
        return aug_assignment(p, e, op, start);
    if (parse_check(p, TOK_EQUAL))
        return assignment(p, e, start, first_tok);
    if (parse_check(p, TOK_COLONEQUAL))
        return parse_unsupported(p, parse_loc_token(&p->tok), "assignment expressions (':=') are");
    ast_stmt *s = new_stmt(p, STMT_EXPR, parse_loc_to_prev(p, start));
    s->as.expr.value = e;
    return s;
}

/* return_stmt: 'return' [star_expressions] */
static ast_stmt *return_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ast_expr *value = NULL;
    if (parse_starts_star_expression(p->tok.kind) && !(value = parse_star_expressions(p)))
        return NULL;
    ast_stmt *s = new_stmt(p, STMT_RETURN, parse_loc_to_prev(p, start));
    s->as.return_.value = value;
    return s;
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static ast_stmt *raise_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ast_expr *exc = NULL, *cause = NULL;
    if (parse_token_starts_expression(p->tok.kind)) {
        if (!(exc = parse_expression(p)))
            return NULL;
        if (parse_accept(p, TOK_FROM) && !(cause = parse_expression(p)))
            return NULL;
    }
    ast_stmt *s = new_stmt(p, STMT_RAISE, parse_loc_to_prev(p, start));
    s->as.raise.exc = exc;
    s->as.raise.cause = cause;
    return s;
}

/* assert_stmt: 'assert' expression [',' expression] */
static ast_stmt *assert_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ast_expr *test = parse_expression(p), *msg = NULL;
    if (!test)
        return NULL;
    if (parse_accept(p, TOK_COMMA) && !(msg = parse_expression(p)))
        return NULL;
    ast_stmt *s = new_stmt(p, STMT_ASSERT, parse_loc_to_prev(p, start));
    s->as.assert_.test = test;
    s->as.assert_.msg = msg;
    return s;
}

/* del_stmt: 'del' del_targets, each target a name, attribute, subscript, or a parenthesised
 * list or tuple of them. */
static ast_stmt *del_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list targets = {0};
    do {
        if (!parse_starts_star_expression(p->tok.kind))
            break;
        ast_expr *e = parse_star_expression(p);
        if (!e || !parse_set_context(p, e, CTX_DEL))
            return NULL;
        parse_ptr_push(p, &targets, e);
    } while (parse_accept(p, TOK_COMMA));
    if (targets.count == 0)
        return parse_fail(p);
    ast_stmt *s = new_stmt(p, STMT_DELETE, parse_loc_to_prev(p, start));
    s->as.delete_.targets = parse_list_from(p, (ast_expr **)targets.items, targets.count);
    return s;
}

/* global_stmt: 'global' ','.NAME+   nonlocal_stmt: 'nonlocal' ','.NAME+ */
static ast_stmt *global_statement(parser *p, ast_stmt_kind kind)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list names = {0};
    do {
        if (!parse_check(p, TOK_NAME))
            return parse_fail(p);
        parse_ptr_push(p, &names, arena_strndup(p->a, p->tok.start, p->tok.len));
        parse_advance(p);
    } while (parse_accept(p, TOK_COMMA));
    ast_stmt *s = new_stmt(p, kind, parse_loc_to_prev(p, start));
    s->as.global.names = (const char **)names.items;
    s->as.global.count = names.count;
    return s;
}

/* dotted_name: NAME ('.' NAME)* */
static const char *dotted_name(parser *p)
{
    if (!parse_check(p, TOK_NAME))
        return parse_fail(p);
    const char *start = p->tok.start;
    parse_advance(p);
    while (parse_check(p, TOK_DOT)) {
        parse_advance(p);
        if (!parse_check(p, TOK_NAME))
            return parse_fail(p);
        parse_advance(p);
    }
    /* The text may hold spaces (`a . b`); CPython joins the names with bare dots. */
    char *text = arena_alloc(p->a, (size_t)(p->prev.start + p->prev.len - start) + 1);
    size_t n = 0;
    for (const char *c = start; c < p->prev.start + p->prev.len; c++)
        if (*c != ' ' && *c != '\t' && *c != '\\' && *c != '\n' && *c != '\r' && *c != '\f')
            text[n++] = *c;
    text[n] = '\0';
    return text;
}

/* One alias: dotted_name ['as' NAME] (or NAME ['as' NAME] after `from`). */
static bool alias(parser *p, ptr_list *out, bool dotted)
{
    ast_loc start = parse_loc_token(&p->tok);
    ast_alias *al = arena_alloc(p->a, sizeof *al);
    if (dotted) {
        al->name = dotted_name(p);
        if (!al->name)
            return false;
    } else {
        if (!parse_check(p, TOK_NAME))
            return parse_fail(p) != NULL;
        al->name = arena_strndup(p->a, p->tok.start, p->tok.len);
        parse_advance(p);
    }
    if (parse_accept(p, TOK_AS)) {
        if (!parse_check(p, TOK_NAME))
            return parse_fail(p) != NULL;
        al->asname = arena_strndup(p->a, p->tok.start, p->tok.len);
        parse_advance(p);
    }
    al->loc = parse_loc_to_prev(p, start);
    parse_ptr_push(p, out, al);
    return true;
}

static ast_alias *alias_array(parser *p, ptr_list *l)
{
    ast_alias *arr = arena_alloc(p->a, sizeof *arr * (size_t)(l->count + 1));
    for (int i = 0; i < l->count; i++)
        arr[i] = *(ast_alias *)l->items[i];
    return arr;
}

/* import_name: 'import' ','.(dotted_name ['as' NAME])+ */
static ast_stmt *import_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    ptr_list names = {0};
    do {
        if (!alias(p, &names, true))
            return NULL;
    } while (parse_accept(p, TOK_COMMA));
    ast_stmt *s = new_stmt(p, STMT_IMPORT, parse_loc_to_prev(p, start));
    s->as.import.names = alias_array(p, &names);
    s->as.import.count = names.count;
    return s;
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets
 * import_from_targets: '(' aliases [','] ')' | aliases !',' | '*' */
static ast_stmt *from_import_statement(parser *p)
{
    ast_loc start = parse_loc_token(&p->tok);
    parse_advance(p);
    int level = 0;
    for (;; parse_advance(p)) {
        if (parse_check(p, TOK_DOT))
            level += 1;
        else if (parse_check(p, TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if ((level == 0 || !parse_check(p, TOK_IMPORT)) && !(module = dotted_name(p)))
        return NULL;
    if (!parse_expect(p, TOK_IMPORT))
        return NULL;
    ptr_list names = {0};
    if (parse_check(p, TOK_STAR)) {
        ast_alias *al = arena_alloc(p->a, sizeof *al);
        al->name = "*";
        al->loc = parse_loc_token(&p->tok);
        parse_advance(p);
        parse_ptr_push(p, &names, al);
    } else {
        bool parens = parse_accept(p, TOK_LPAR);
        do {
            if (parens && parse_check(p, TOK_RPAR) && names.count > 0)
                break;
            if (!parens && parse_check(p, TOK_NEWLINE) && names.count > 0)
                return parse_error_token(p, "SyntaxError", &p->tok,
                                         "trailing comma not allowed without surrounding "
                                         "parentheses");
            if (!alias(p, &names, false))
                return NULL;
        } while (parse_accept(p, TOK_COMMA));
        if (parens && !parse_expect(p, TOK_RPAR))
            return NULL;
    }
    ast_stmt *s = new_stmt(p, STMT_IMPORT_FROM, parse_loc_to_prev(p, start));
    s->as.import_from.module = module;
    s->as.import_from.names = alias_array(p, &names);
    s->as.import_from.count = names.count;
    s->as.import_from.level = level;
    return s;
}

/* A statement made of one keyword: pass, break, continue. Whether `break` and `continue`
 * are inside a loop, or `return` inside a function, is checked after parsing, as CPython's
 * compiler does (scope and lowering passes), so that syntax errors anywhere win. */
static ast_stmt *keyword_statement(parser *p, ast_stmt_kind kind)
{
    ast_stmt *s = new_stmt(p, kind, parse_loc_token(&p->tok));
    parse_advance(p);
    return s;
}

/* simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt | 'pass'
 *            | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt
 *            | nonlocal_stmt */
static ast_stmt *simple_statement(parser *p)
{
    switch (p->tok.kind) {
    case TOK_RETURN: return return_statement(p);
    case TOK_IMPORT: return import_statement(p);
    case TOK_FROM: return from_import_statement(p);
    case TOK_RAISE: return raise_statement(p);
    case TOK_PASS: return keyword_statement(p, STMT_PASS);
    case TOK_BREAK: return keyword_statement(p, STMT_BREAK);
    case TOK_CONTINUE: return keyword_statement(p, STMT_CONTINUE);
    case TOK_DEL: return del_statement(p);
    case TOK_ASSERT: return assert_statement(p);
    case TOK_GLOBAL: return global_statement(p, STMT_GLOBAL);
    case TOK_NONLOCAL: return global_statement(p, STMT_NONLOCAL);
    default:
        if (!parse_starts_star_expression(p->tok.kind) && p->tok.kind != TOK_YIELD)
            return parse_fail(p);
        return expression_statement(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool simple_statements(parser *p, stmt_vec *out)
{
    for (;;) {
        ast_stmt *s = simple_statement(p);
        if (!s)
            return false;
        stmt_push(p, out, s);
        if (!parse_accept(p, TOK_SEMI) || parse_check(p, TOK_NEWLINE))
            break;
    }
    return parse_expect(p, TOK_NEWLINE);
}

/* ---- compound statements -------------------------------------------------------------- */

/* End of a compound statement: the end of the last statement in its last block. */
static ast_loc block_end(ast_stmt_list body) { return body.items[body.count - 1]->loc; }

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
 * elif_stmt is the same with 'elif', nested in orelse. */
static ast_stmt *if_statement(parser *p)
{
    token kw = p->tok;
    ast_stmt *s = new_stmt(p, STMT_IF, parse_loc_token(&kw));
    parse_advance(p);
    s->as.if_.test = parse_named_expression(p);
    if (!s->as.if_.test || !expect_colon(p) ||
        !block(p, &s->as.if_.body, kw.kind == TOK_IF ? "'if' statement" : "'elif' statement",
               kw.line))
        return NULL;
    ast_loc end = block_end(s->as.if_.body);
    if (parse_check(p, TOK_ELIF)) {
        ast_stmt *elif = if_statement(p);
        if (!elif)
            return NULL;
        s->as.if_.orelse.items = arena_alloc(p->a, sizeof(ast_stmt *));
        s->as.if_.orelse.items[0] = elif;
        s->as.if_.orelse.count = 1;
        end = elif->loc;
    } else if (parse_check(p, TOK_ELSE)) {
        int line = p->tok.line;
        parse_advance(p);
        if (!expect_forced(p, TOK_COLON) || !block(p, &s->as.if_.orelse, "'else' statement", line))
            return NULL;
        end = block_end(s->as.if_.orelse);
    }
    s->loc = parse_loc_span(s->loc, end);
    return s;
}

/* else_block of a loop: 'else' ':' block. Updates the statement's end. */
static bool loop_else(parser *p, ast_stmt *s, ast_stmt_list *orelse)
{
    if (!parse_check(p, TOK_ELSE))
        return true;
    int line = p->tok.line;
    parse_advance(p);
    if (!expect_forced(p, TOK_COLON) || !block(p, orelse, "'else' statement", line))
        return false;
    s->loc = parse_loc_span(s->loc, block_end(*orelse));
    return true;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static ast_stmt *while_statement(parser *p)
{
    token kw = p->tok;
    ast_stmt *s = new_stmt(p, STMT_WHILE, parse_loc_token(&kw));
    parse_advance(p);
    s->as.while_.test = parse_named_expression(p);
    if (!s->as.while_.test || !expect_colon(p) ||
        !block(p, &s->as.while_.body, "'while' statement", kw.line))
        return NULL;
    s->loc = parse_loc_span(s->loc, block_end(s->as.while_.body));
    return loop_else(p, s, &s->as.while_.orelse) ? s : NULL;
}

/* for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block] */
static ast_stmt *for_statement(parser *p)
{
    token kw = p->tok;
    ast_stmt *s = new_stmt(p, STMT_FOR, parse_loc_token(&kw));
    parse_advance(p);
    ast_expr *target = parse_for_target(p);
    if (!target)
        return NULL;
    s->as.for_.target = target;
    s->as.for_.iter = parse_star_expressions(p);
    if (!s->as.for_.iter || !expect_colon(p) ||
        !block(p, &s->as.for_.body, "'for' statement", kw.line))
        return NULL;
    s->loc = parse_loc_span(s->loc, block_end(s->as.for_.body));
    return loop_else(p, s, &s->as.for_.orelse) ? s : NULL;
}

/* except_block: 'except' [expression ['as' NAME]] ':' block */
static bool except_block(parser *p, ptr_list *handlers)
{
    token kw = p->tok;
    parse_advance(p);
    if (parse_check(p, TOK_STAR))
        return parse_unsupported(p, parse_loc_token(&p->tok), "'except*' clauses are") != NULL;
    ast_excepthandler *h = arena_alloc(p->a, sizeof *h);
    if (!parse_check(p, TOK_COLON)) {
        if (!(h->type = parse_expression(p)))
            return false;
        if (parse_check(p, TOK_COMMA)) {
            ast_loc first = h->type->loc;
            parse_mark m;
            parse_save(p, &m);
            parse_advance(p);
            ast_expr *rest = parse_expression(p);
            if (rest)
                return parse_error_range(p, "SyntaxError", first, rest->loc,
                                         "multiple exception types must be parenthesized") != NULL;
            return false;
        }
        if (parse_accept(p, TOK_AS)) {
            if (!parse_check(p, TOK_NAME))
                return parse_fail(p) != NULL;
            h->name = arena_strndup(p->a, p->tok.start, p->tok.len);
            parse_advance(p);
        }
    }
    if (!expect_colon(p) || !block(p, &h->body, "'except' statement", kw.line))
        return false;
    h->loc = parse_loc_span(parse_loc_token(&kw), block_end(h->body));
    parse_ptr_push(p, handlers, h);
    return true;
}

/* try_stmt: 'try' ':' block finally_block
 *         | 'try' ':' block except_block+ [else_block] [finally_block] */
static ast_stmt *try_statement(parser *p)
{
    token kw = p->tok;
    ast_stmt *s = new_stmt(p, STMT_TRY, parse_loc_token(&kw));
    parse_advance(p);
    if (!expect_forced(p, TOK_COLON) || !block(p, &s->as.try_.body, "'try' statement", kw.line))
        return NULL;
    ast_loc end = block_end(s->as.try_.body);
    ptr_list handlers = {0};
    while (parse_check(p, TOK_EXCEPT)) {
        if (!except_block(p, &handlers))
            return NULL;
        end = ((ast_excepthandler *)handlers.items[handlers.count - 1])->loc;
    }
    if (handlers.count && parse_check(p, TOK_ELSE)) {
        int line = p->tok.line;
        parse_advance(p);
        if (!expect_forced(p, TOK_COLON) || !block(p, &s->as.try_.orelse, "'else' statement", line))
            return NULL;
        end = block_end(s->as.try_.orelse);
    }
    if (parse_check(p, TOK_FINALLY)) {
        int line = p->tok.line;
        parse_advance(p);
        if (!expect_forced(p, TOK_COLON) ||
            !block(p, &s->as.try_.finalbody, "'finally' statement", line))
            return NULL;
        end = block_end(s->as.try_.finalbody);
    } else if (!handlers.count) {
        return parse_error_token(p, "SyntaxError", &p->tok, "expected 'except' or 'finally' block");
    }
    s->as.try_.nhandlers = handlers.count;
    s->as.try_.handlers =
        arena_alloc(p->a, sizeof(ast_excepthandler) * (size_t)(handlers.count + 1));
    for (int i = 0; i < handlers.count; i++)
        s->as.try_.handlers[i] = *(ast_excepthandler *)handlers.items[i];
    s->loc = parse_loc_span(s->loc, end);
    return s;
}

/* function_def: decorators? 'def' NAME '(' [params] ')' ['->' expression] ':' block */
static ast_stmt *function_def(parser *p, ast_expr_list decorators)
{
    token kw = p->tok;
    if (parse_check(p, TOK_CLASS))
        return parse_unsupported(p, parse_loc_token(&kw), "class definitions are");
    if (!parse_expect(p, TOK_DEF))
        return NULL;
    ast_stmt *s = new_stmt(p, STMT_FUNCTION_DEF, parse_loc_token(&kw));
    if (!parse_check(p, TOK_NAME))
        return parse_fail(p);
    s->as.function_def.name = arena_strndup(p->a, p->tok.start, p->tok.len);
    s->as.function_def.decorator_list = decorators;
    parse_advance(p);
    if (!expect_forced(p, TOK_LPAR))
        return NULL;
    s->as.function_def.args = parse_parameters(p, false);
    if (!s->as.function_def.args || !parse_expect(p, TOK_RPAR))
        return NULL;
    if (parse_check(p, TOK_RARROW)) {
        token arrow = p->tok;
        parse_advance(p);
        if (!parse_token_starts_expression(p->tok.kind)) /* ['->' expression] fails: &&':' */
            return parse_error_token(p, "SyntaxError", &arrow, "expected ':'");
        if (!(s->as.function_def.returns = parse_expression(p)))
            return NULL;
    }
    if (!expect_forced(p, TOK_COLON))
        return NULL;
    if (!block(p, &s->as.function_def.body, "function definition", kw.line))
        return NULL;
    s->loc = parse_loc_span(s->loc, block_end(s->as.function_def.body));
    return s;
}

/* decorators: ('@' named_expression NEWLINE)+, then the function definition */
static ast_stmt *decorated(parser *p)
{
    ptr_list decorators = {0};
    while (parse_accept(p, TOK_AT)) {
        ast_expr *e = parse_named_expression(p);
        if (!e || !parse_expect(p, TOK_NEWLINE))
            return NULL;
        parse_ptr_push(p, &decorators, e);
    }
    return function_def(p, parse_list_from(p, (ast_expr **)decorators.items, decorators.count));
}

/* `match` is a soft keyword: a match statement is `match` and a subject on a logical line
 * that ends with ':'; anything else is an ordinary use of the name. */
static bool is_match_statement(parser *p)
{
    if (!parse_is_name(p, "match"))
        return false;
    lexer lx = p->lx;
    diag scratch = {0};
    lx.d = &scratch;
    token t = lex_next(&lx), last = t;
    if (!parse_starts_star_expression(t.kind))
        return false;
    while (t.kind != TOK_NEWLINE && t.kind != TOK_EOF && t.kind != TOK_ERROR) {
        last = t;
        t = lex_next(&lx);
    }
    return last.kind == TOK_COLON;
}

/* statement: compound_stmt | simple_stmts */
static bool statement(parser *p, stmt_vec *out)
{
    ast_stmt *s;
    ast_loc at = parse_loc_token(&p->tok);
    switch (p->tok.kind) {
    case TOK_DEF: s = function_def(p, (ast_expr_list){NULL, 0}); break;
    case TOK_AT: s = decorated(p); break;
    case TOK_IF: s = if_statement(p); break;
    case TOK_WHILE: s = while_statement(p); break;
    case TOK_FOR: s = for_statement(p); break;
    case TOK_TRY: s = try_statement(p); break;
    case TOK_CLASS: return parse_unsupported(p, at, "class definitions are") != NULL;
    case TOK_WITH: return parse_unsupported(p, at, "'with' statements are") != NULL;
    case TOK_ASYNC: return parse_unsupported(p, at, "'async' functions and statements are") != NULL;
    default:
        if (is_match_statement(p))
            return parse_unsupported(p, at, "'match' statements are") != NULL;
        return simple_statements(p, out);
    }
    if (!s)
        return false;
    stmt_push(p, out, s);
    return true;
}

/* ---- parameters ----------------------------------------------------------------------- */

typedef struct params {
    ptr_list posonly, args, kwonly, defaults, kw_defaults;
    ast_arg *vararg, *kwarg;
    bool star, slash;
    ast_loc star_loc;
} params;

/* param: NAME [':' expression] (no annotation in a lambda) */
static ast_arg *param(parser *p, bool is_lambda)
{
    if (!parse_check(p, TOK_NAME))
        return parse_fail(p);
    ast_arg *a = arena_alloc(p->a, sizeof *a);
    a->name = arena_strndup(p->a, p->tok.start, p->tok.len);
    a->loc = parse_loc_token(&p->tok);
    parse_advance(p);
    if (!is_lambda && parse_accept(p, TOK_COLON)) {
        if (!(a->annotation = parse_expression(p)))
            return NULL;
        a->loc = parse_loc_to_prev(p, a->loc);
    }
    return a;
}

/* A plain parameter with an optional default, before or after the '*'. */
static bool plain_param(parser *p, params *ps, bool is_lambda)
{
    ast_arg *a = param(p, is_lambda);
    if (!a)
        return false;
    ast_expr *def = NULL;
    if (parse_check(p, TOK_EQUAL)) {
        token equal = p->tok;
        parse_advance(p);
        if (!is_lambda && (parse_check(p, TOK_COMMA) || parse_check(p, TOK_RPAR)))
            return parse_error_token(p, "SyntaxError", &equal,
                                     "expected default value expression") != NULL;
        if (!(def = parse_expression(p)))
            return false;
    }
    if (ps->star) {
        parse_ptr_push(p, &ps->kwonly, a);
        parse_ptr_push(p, &ps->kw_defaults, def);
        return true;
    }
    tok_kind end = is_lambda ? TOK_COLON : TOK_RPAR;
    if (!def && ps->defaults.count && (parse_check(p, TOK_COMMA) || parse_check(p, end)))
        return parse_error_range(p, "SyntaxError", a->loc, a->loc,
                                 "non-default argument follows default argument") != NULL;
    parse_ptr_push(p, &ps->args, a);
    if (def)
        parse_ptr_push(p, &ps->defaults, def);
    return true;
}

/* '*' [param] or '**' param */
static bool star_param(parser *p, params *ps, bool is_lambda, tok_kind end)
{
    token star = p->tok;
    parse_advance(p);
    if (star.kind == TOK_DOUBLESTAR) {
        if (!(ps->kwarg = param(p, is_lambda)))
            return false;
        if (parse_check(p, TOK_EQUAL))
            return parse_error_token(p, "SyntaxError", &p->tok,
                                     "var-keyword argument cannot have default value") != NULL;
        if (parse_accept(p, TOK_COMMA) && !parse_check(p, end))
            return parse_error_token(p, "SyntaxError", &p->tok,
                                     "arguments cannot follow var-keyword argument") != NULL;
        return true;
    }
    if (ps->star)
        return parse_error_token(p, "SyntaxError", &star, "* argument may appear only once") !=
               NULL;
    ps->star = true;
    ps->star_loc = parse_loc_token(&star);
    if (parse_check(p, TOK_COMMA) || parse_check(p, end))
        return true;
    ast_arg *a = param(p, is_lambda);
    if (!a)
        return false;
    ps->vararg = a;
    if (parse_check(p, TOK_EQUAL))
        return parse_error_token(p, "SyntaxError", &p->tok,
                                 "var-positional argument cannot have default value") != NULL;
    return true;
}

/* '/' after positional parameters: they become positional-only. */
static bool slash_param(parser *p, params *ps)
{
    if (ps->slash)
        return parse_error_token(p, "SyntaxError", &p->tok, "/ may appear only once") != NULL;
    if (ps->star)
        return parse_error_token(p, "SyntaxError", &p->tok, "/ must be ahead of *") != NULL;
    if (ps->args.count == 0)
        return parse_error_token(p, "SyntaxError", &p->tok,
                                 "at least one argument must precede /") != NULL;
    ps->slash = true;
    ps->posonly = ps->args;
    ps->args = (ptr_list){0};
    parse_advance(p);
    return true;
}

static ast_arg *arg_array(parser *p, ptr_list *l)
{
    ast_arg *arr = arena_alloc(p->a, sizeof *arr * (size_t)(l->count + 1));
    for (int i = 0; i < l->count; i++)
        arr[i] = *(ast_arg *)l->items[i];
    return arr;
}

/* params: [posonly '/'] [args] ['*' [vararg]] [kwonly] ['**' kwarg], commas between, an
 * optional trailing comma; ends before ')' for a def or ':' for a lambda. */
/* invalid_parameters: '(' NAME (',' NAME)* [','] ')' among plain parameters. */
static void *parenthesised_params(parser *p, bool is_lambda)
{
    parse_mark m;
    parse_save(p, &m);
    token open = p->tok;
    parse_advance(p);
    bool names = false;
    while (parse_check(p, TOK_NAME)) {
        names = true;
        parse_advance(p);
        if (!parse_accept(p, TOK_COMMA))
            break;
    }
    token close = p->tok;
    parse_restore(p, &m);
    if (!names || close.kind != TOK_RPAR)
        return parse_fail(p);
    return parse_error_range(p, "SyntaxError", parse_loc_token(&open), parse_loc_token(&close),
                             is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                       : "Function parameters cannot be parenthesized");
}

ast_arguments *parse_parameters(parser *p, bool is_lambda)
{
    tok_kind end = is_lambda ? TOK_COLON : TOK_RPAR;
    params ps = {0};
    while (!parse_check(p, end)) {
        bool ok;
        if (parse_check(p, TOK_LPAR) && !ps.star && ps.defaults.count == 0)
            return parenthesised_params(p, is_lambda);
        if (parse_check(p, TOK_SLASH))
            ok = slash_param(p, &ps);
        else if (parse_check(p, TOK_STAR) || parse_check(p, TOK_DOUBLESTAR))
            ok = star_param(p, &ps, is_lambda, end);
        else
            ok = plain_param(p, &ps, is_lambda);
        if (!ok)
            return NULL;
        if (ps.kwarg || !parse_accept(p, TOK_COMMA))
            break;
    }
    if (ps.star && !ps.vararg && ps.kwonly.count == 0)
        return parse_error_range(p, "SyntaxError", ps.star_loc, ps.star_loc,
                                 "named arguments must follow bare *");
    ast_arguments *args = arena_alloc(p->a, sizeof *args);
    args->posonlyargs = arg_array(p, &ps.posonly);
    args->nposonlyargs = ps.posonly.count;
    args->args = arg_array(p, &ps.args);
    args->nargs = ps.args.count;
    args->vararg = ps.vararg;
    args->kwonlyargs = arg_array(p, &ps.kwonly);
    args->nkwonlyargs = ps.kwonly.count;
    args->kw_defaults = (ast_expr **)ps.kw_defaults.items;
    args->kwarg = ps.kwarg;
    args->defaults = (ast_expr **)ps.defaults.items;
    args->ndefaults = ps.defaults.count;
    return args;
}

/* ---- module --------------------------------------------------------------------------- */

/* file: [statements] ENDMARKER */
ast_module *parse_module(arena *a, const char *source, size_t len, diag *d)
{
    parser *p = arena_alloc(a, sizeof *p);
    p->a = a;
    p->d = p->errors = d;
    p->root = p;
    lex_init(&p->lx, source, len, d);
    parse_advance(p);
    stmt_vec body = {0};
    while (!parse_check(p, TOK_EOF)) {
        if (!statement(p, &body))
            return NULL;
    }
    if (d->set)
        return NULL;
    ast_module *m = arena_alloc(a, sizeof *m);
    m->body = stmt_list(&body);
    return m;
}
