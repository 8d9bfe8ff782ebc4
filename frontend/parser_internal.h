/* Shared state of the recursive-descent parser, split over parser.c (statements),
 * parser_expr.c (expressions) and fstring.c (string literals and f-strings). Not for use
 * outside the parser. */
#ifndef CELLAR_PARSER_INTERNAL_H
#define CELLAR_PARSER_INTERNAL_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "lexer.h"

#include <stdbool.h>

/* How deeply expressions may nest (brackets, unary and `**` chains, lambdas, and the depth a
 * chain like a+b+c or f()()() gives the tree) before the parser gives up rather than risk the
 * C stack of this and later passes. CPython accepts 1000 and fails at 3000 with a
 * RecursionError during compilation; so does cellar, in between. */
enum { PARSE_MAX_DEPTH = 2000 };

typedef struct parser parser;

struct parser {
    arena *a;
    lexer lx;
    diag *d;           /* where errors go; a trial parse swaps in a scratch one */
    diag *errors;      /* the caller's diag, for errors that end even a trial parse */
    token tok;         /* the current (not yet consumed) token */
    token prev;        /* the last consumed token: node ends come from it */
    int furthest_line; /* line of the furthest token read, as CPython's p->fill - 1 */
    int depth;
    /* An f-string replacement field parses with a parser of its own; `root` is the parser
     * of the whole module, whose tokenizer the error checks scan. */
    parser *root;
    bool in_fstring;
    int trials; /* trial parses under way, at most PARSE_MAX_TRIALS */
};

/* A growable array of pointers in the arena, grown by doubling so appends stay linear. */
typedef struct ptr_list {
    void **items;
    int count, cap;
} ptr_list;

void parse_ptr_push(parser *p, ptr_list *l, void *item);

/* A saved position, to try a parse and go back (only on error paths). */
typedef struct parse_mark {
    lexer lx;
    token tok, prev;
} parse_mark;

/* A trial parse, as CPython's second pass tries its invalid_* rules: errors go to `scratch`
 * and the position can be rewound. Every trial re-reads the rest of an erroneous line and may
 * start two more where it fails, so nesting is capped (a `for` target re-read as expressions
 * may hold a missing comma): the work on an error path stays a small multiple of linear. */
enum { PARSE_MAX_TRIALS = 2 };
typedef struct parse_trial {
    parse_mark mark;
    diag *real;
    diag scratch;
} parse_trial;

/* ---- tokens (parser.c) ---- */
void parse_advance(parser *p);
bool parse_check(const parser *p, tok_kind kind);
bool parse_accept(parser *p, tok_kind kind);
/* Consumes `kind` or fails with CPython's generic message. */
bool parse_expect(parser *p, tok_kind kind);
/* The token after the current one, without consuming anything. */
token parse_peek(parser *p);
void parse_save(const parser *p, parse_mark *m);
void parse_restore(parser *p, const parse_mark *m);
/* Starts a trial at the current token; false (and nothing started) when too deep in others. */
bool parse_trial_begin(parser *p, parse_trial *t);
/* Ends a trial, going back to where it began when `rewind`. Its errors stay in t->scratch. */
void parse_trial_end(parser *p, parse_trial *t, bool rewind);
/* Keeps an error the trial ran into, when CPython would have raised it (see callers). */
void parse_trial_keep_error(parser *p, const parse_trial *t);
bool parse_is_name(const parser *p, const char *text);

/* ---- errors (parser.c) ---- */
/* The generic failure at the current token: "invalid syntax", or what CPython reports
 * instead at the end of the input or at an INDENT. Always returns NULL. */
void *parse_fail(parser *p);
/* A SyntaxError over a source range given as CPython's 0-based byte columns. */
void *parse_error_range(parser *p, const char *kind, ast_loc from, ast_loc to, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void *parse_error_token(parser *p, const char *kind, const token *t, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A construct outside cellar's subset. */
void *parse_unsupported(parser *p, ast_loc at, const char *what);
bool parse_failed(const parser *p);
/* Counts one level of nesting; false (with the error set) past PARSE_MAX_DEPTH. */
bool parse_enter(parser *p);
/* Whether a chain of `length` nodes, each wrapping the last, still fits under the limit. */
bool parse_chain_fits(parser *p, int length);
void parse_leave(parser *p);

/* ---- locations ---- */
ast_loc parse_loc_token(const token *t);
/* From the start of `start` to the end of the last consumed token. */
ast_loc parse_loc_to_prev(const parser *p, ast_loc start);
ast_loc parse_loc_span(ast_loc start, ast_loc end);

/* ---- expressions (parser_expr.c) ---- */
ast_expr *parse_new_expr(parser *p, ast_expr_kind kind, ast_loc loc);
/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
ast_expr *parse_expression(parser *p);
/* named_expression, i.e. expression with the `:=` check */
ast_expr *parse_named_expression(parser *p);
/* star_expression: '*' bitwise_or | expression */
ast_expr *parse_star_expression(parser *p);
/* star_expressions: a tuple when there are commas */
ast_expr *parse_star_expressions(parser *p);
/* star_targets for `for` and comprehensions: a comma list of bitwise_or or starred */
ast_expr *parse_target_list(parser *p);
ast_expr *parse_bitwise_or(parser *p);
/* Marks an expression as an assignment (CTX_STORE) or `del` (CTX_DEL) target, or reports why
 * it cannot be one, as CPython words it. */
bool parse_set_context(parser *p, ast_expr *e, ast_ctx ctx);
/* star_targets 'in' of a `for` statement or comprehension, in the store context. */
ast_expr *parse_for_target(parser *p);
/* invalid_for_target, when no 'in' follows a `for` target parsed from `target_start`:
 * sets CPython's error and returns NULL. */
void *parse_invalid_for_target(parser *p, const parse_mark *target_start);
/* The first sub-expression that cannot be a target of `ctx`, or NULL. */
ast_expr *parse_invalid_target(ast_expr *e, ast_ctx ctx);
/* CPython's name for an expression kind in messages ("function call", "literal", ...). */
const char *parse_expr_name(const ast_expr *e);
/* parameters of a def (stopping before ')') or of a lambda (stopping before ':') */
ast_arguments *parse_parameters(parser *p, bool is_lambda);
bool parse_token_starts_expression(tok_kind kind);
/* invalid_expression: `a b` inside brackets is "Perhaps you forgot a comma?" (sets the error
 * and returns NULL, or just returns NULL when the rule does not apply). */
void *parse_missing_comma(parser *p, ast_expr *a, const token *a_first);
bool parse_starts_star_expression(tok_kind kind);
ast_expr_list parse_list_from(parser *p, ast_expr **items, int count);

/* The expression of an f-string replacement field, up to the end of its text; `parens` is
 * where CPython's implied parentheses around it lie. */
ast_expr *parse_fstring_field(parser *p, ast_loc parens);

/* ---- strings (fstring.c) ---- */
/* atom of one or more adjacent STRING tokens, starting at the current token */
ast_expr *parse_strings(parser *p);

#endif
