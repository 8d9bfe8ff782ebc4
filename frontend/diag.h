/* Compile-time diagnostics: the frontend reports the first error it finds as a value that the
 * caller prints or hands to the host; no frontend code prints or exits. */
#ifndef CELLAR_DIAG_H
#define CELLAR_DIAG_H

#include <stdbool.h>

enum { DIAG_MESSAGE_MAX = 512 };

typedef struct diag {
    bool set;
    /* "SyntaxError", "IndentationError", "TabError" or "NotImplementedError". */
    const char *kind;
    char message[DIAG_MESSAGE_MAX];
    /* 1-based line; 1-based columns of the caret range as CPython prints them (0 = no caret). */
    int line, col, end_line, end_col;
} diag;

/* Records the first error only; later calls are ignored so the earliest error wins. */
void diag_set(diag *d, const char *kind, int line, int col, int end_line, int end_col,
              const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Formats the diagnostic the way CPython prints a SyntaxError:
 *   File "<filename>", line N\n    <source line>\n    ^^^\nKind: message\n
 * into a malloc'd string the caller frees. `source` is the whole program text. */
char *diag_format(const diag *d, const char *filename, const char *source);

#endif
