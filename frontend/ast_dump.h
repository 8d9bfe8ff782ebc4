/* The AST as text: the stable dump of the frontend's output (`--dump-ast`), identical to what
 * CPython 3.11 prints, so golden tests can take CPython as the reference. */
#ifndef CELLAR_AST_DUMP_H
#define CELLAR_AST_DUMP_H

#include "ast.h"

#include <stdbool.h>

/* Exactly what CPython 3.11 prints for ast.dump(ast.parse(src), indent=2), or with
 * include_attributes for ast.dump(..., indent=2, include_attributes=True). malloc'd; the caller
 * frees it. */
char *ast_dump(const ast_module *m, bool include_attributes);

#endif
