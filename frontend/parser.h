/* The parser: Python 3.11 source text in, an AST (ast.h) out, or the first syntax error as
 * CPython would report it. */
#ifndef CELLAR_PARSER_H
#define CELLAR_PARSER_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

#include <stddef.h>

/* Parses a whole module of `len` bytes (need not be NUL-terminated). All nodes live in `a`.
 * Returns NULL and fills *d on a syntax error or a construct outside cellar's subset. */
ast_module *parse_module(arena *a, const char *source, size_t len, diag *d);

#endif
