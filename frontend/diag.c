/* Diagnostics: recording the first error and printing it exactly as CPython 3.11 prints an
 * uncaught SyntaxError (pythonrun.c: print_exception_file_and_line and print_error_text). */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_set(diag *d, const char *kind, int line, int col, int end_line, int end_col,
              const char *fmt, ...)
{
    if (d->set)
        return;
    d->set = true;
    d->kind = kind;
    d->line = line;
    d->col = col;
    d->end_line = end_line;
    d->end_col = end_col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
}

/* A growable output string. */
typedef struct text_buf {
    char *data;
    size_t len, cap;
} text_buf;

static void put_n(text_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data)
            abort(); /* out of memory: nothing sensible is left to report */
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void put(text_buf *b, const char *s) { put_n(b, s, strlen(s)); }

static void put_repeat(text_buf *b, char c, long n)
{
    for (long i = 0; i < n; i++)
        put_n(b, &c, 1);
}

/* Line `line` of the source (1-based) with its newline, or NULL past the end. */
static const char *find_line(const char *source, int line, size_t *len)
{
    const char *p = source;
    for (int i = 1; i < line; i++) {
        p = strchr(p, '\n');
        if (!p)
            return NULL;
        p++;
    }
    if (*p == '\0' && line > 1)
        return NULL;
    const char *nl = strchr(p, '\n');
    *len = nl ? (size_t)(nl - p + 1) : strlen(p);
    return p;
}

/* print_error_text: the source line without its indentation, then the carets. Offsets are
 * 1-based; CPython treats them as byte positions in the UTF-8 line. */
static void put_error_text(text_buf *b, const char *text, size_t size, long offset, long end_offset,
                           bool single_caret)
{
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    if (single_caret)
        carets = 1;
    offset--;
    while (size > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) {
        text++, size--;
        offset--;
    }
    long len = (long)size;
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (len > 0 && text[len - 1] == '\r')
        len--;
    if (offset > len)
        offset = len;
    put(b, "    ");
    put_n(b, text, (size_t)len);
    put(b, "\n");
    if (offset < 0)
        return;
    put(b, "    ");
    put_repeat(b, ' ', offset);
    put_repeat(b, '^', carets);
    put(b, "\n");
}

/* The message, with the {file} placeholder of file-level errors replaced by the file name. */
static void put_message(text_buf *b, const char *message, const char *filename)
{
    const char *mark = strstr(message, "{file}");
    if (!mark) {
        put(b, message);
        return;
    }
    put_n(b, message, (size_t)(mark - message));
    put(b, filename);
    put(b, mark + strlen("{file}"));
}

char *diag_format(const diag *d, const char *filename, const char *source)
{
    text_buf b = {0};
    char num[32];
    if (d->line > 0) {
        put(&b, "  File \"");
        put(&b, filename);
        snprintf(num, sizeof num, "\", line %d\n", d->line);
        put(&b, num);
        size_t size = 0;
        const char *text = source ? find_line(source, d->line, &size) : NULL;
        if (text) {
            long end_offset = d->end_col;
            if (d->end_line > d->line)
                end_offset = (long)size; /* only the first line is shown */
            if (end_offset > (long)size + 1)
                end_offset = (long)size + 1;
            bool single =
                strcmp(d->kind, "IndentationError") == 0 || strcmp(d->kind, "TabError") == 0;
            put_error_text(&b, text, size, d->col, end_offset, single);
        }
    }
    put(&b, d->kind);
    put(&b, ": ");
    put_message(&b, d->message, filename);
    put(&b, "\n");
    return b.data;
}
