/* The tokenizer: turns Python source into tokens on demand, tracking indentation (INDENT and
 * DEDENT), bracket nesting and CPython's token positions. Only the parser uses it; it reports
 * tokenizer errors (bad literals, bad indentation, stray characters) through a diag. */
#ifndef CELLAR_LEXER_H
#define CELLAR_LEXER_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum tok_kind {
    TOK_EOF,
    TOK_ERROR,
    TOK_NEWLINE,
    TOK_INDENT,
    TOK_DEDENT,
    TOK_NAME,
    TOK_NUMBER,
    TOK_STRING,
    /* Operators and delimiters. */
    TOK_LPAR,
    TOK_RPAR,
    TOK_LSQB,
    TOK_RSQB,
    TOK_LBRACE,
    TOK_RBRACE,
    TOK_COLON,
    TOK_COMMA,
    TOK_SEMI,
    TOK_PLUS,
    TOK_MINUS,
    TOK_STAR,
    TOK_SLASH,
    TOK_VBAR,
    TOK_AMPER,
    TOK_LESS,
    TOK_GREATER,
    TOK_EQUAL,
    TOK_DOT,
    TOK_PERCENT,
    TOK_EQEQUAL,
    TOK_NOTEQUAL,
    TOK_LESSEQUAL,
    TOK_GREATEREQUAL,
    TOK_TILDE,
    TOK_CIRCUMFLEX,
    TOK_LEFTSHIFT,
    TOK_RIGHTSHIFT,
    TOK_DOUBLESTAR,
    TOK_PLUSEQUAL,
    TOK_MINEQUAL,
    TOK_STAREQUAL,
    TOK_SLASHEQUAL,
    TOK_PERCENTEQUAL,
    TOK_AMPEREQUAL,
    TOK_VBAREQUAL,
    TOK_CIRCUMFLEXEQUAL,
    TOK_LEFTSHIFTEQUAL,
    TOK_RIGHTSHIFTEQUAL,
    TOK_DOUBLESTAREQUAL,
    TOK_DOUBLESLASH,
    TOK_DOUBLESLASHEQUAL,
    TOK_AT,
    TOK_ATEQUAL,
    TOK_RARROW,
    TOK_ELLIPSIS,
    TOK_COLONEQUAL,
    /* A character that starts no token, such as `$` or `?`: the parser rejects it. */
    TOK_OP_OTHER,
    /* Keywords (soft keywords such as `match` stay TOK_NAME). */
    TOK_FALSE,
    TOK_NONE,
    TOK_TRUE,
    TOK_AND,
    TOK_AS,
    TOK_ASSERT,
    TOK_ASYNC,
    TOK_AWAIT,
    TOK_BREAK,
    TOK_CLASS,
    TOK_CONTINUE,
    TOK_DEF,
    TOK_DEL,
    TOK_ELIF,
    TOK_ELSE,
    TOK_EXCEPT,
    TOK_FINALLY,
    TOK_FOR,
    TOK_FROM,
    TOK_GLOBAL,
    TOK_IF,
    TOK_IMPORT,
    TOK_IN,
    TOK_IS,
    TOK_LAMBDA,
    TOK_NONLOCAL,
    TOK_NOT,
    TOK_OR,
    TOK_PASS,
    TOK_RAISE,
    TOK_RETURN,
    TOK_TRY,
    TOK_WHILE,
    TOK_WITH,
    TOK_YIELD,
    TOK_KIND_COUNT
} tok_kind;

/* A token: its kind and where its text lies in the source (CPython positions: 1-based lines,
 * 0-based byte columns). A string token spans prefix, quotes and body, possibly many lines.
 * INDENT, DEDENT and EOF have no text; like CPython, errors at them use `col` as the 1-based
 * caret offset (the reading position in the line). NEWLINE has zero width. */
typedef struct token {
    tok_kind kind;
    const char *start;
    size_t len;
    int line, col, end_line, end_col;
    int level; /* brackets open after this token, as CPython's token->level */
} token;

/* CPython's tokenizer limits (MAXINDENT and MAXLEVEL in tokenizer.h). */
enum { LEX_MAX_INDENT = 100, LEX_MAX_PARENS = 200 };

typedef struct lex_paren {
    char kind;     /* '(', '[' or '{' */
    int line, col; /* where it was opened */
} lex_paren;

/* The whole tokenizer state is plain data, so the parser can copy it to look ahead. */
typedef struct lexer {
    const char *src, *end; /* the text being tokenized */
    const char *cur;       /* next character to read */
    const char *line_start;
    int line;
    bool at_line_start;   /* indentation not yet measured for this line */
    bool line_has_tokens; /* a NEWLINE is due at the end of this logical line */
    bool eof_done;
    int pending; /* >0: INDENTs to emit, <0: DEDENTs to emit */
    int indent_count;
    int indents[LEX_MAX_INDENT + 1];     /* columns with tabs to multiples of 8 */
    int alt_indents[LEX_MAX_INDENT + 1]; /* columns with tabs of width 1, to detect TabError */
    int paren_count;
    int base_parens; /* brackets implied by the caller (f-string expressions) */
    lex_paren parens[LEX_MAX_PARENS];
    /* The last error was one CPython's tokenizer raises as an exception (a bad literal or
     * character), rather than an indentation or continuation error it only flags. */
    bool error_raised;
    diag *d;
} lexer;

/* Starts tokenizing `len` bytes of `src` (which need not be NUL-terminated). */
void lex_init(lexer *lx, const char *src, size_t len, diag *d);

/* Tokenizes the text of an f-string replacement field [start, end) as if inside brackets, with
 * positions counted from (line, col) of `start` whose line begins at `line_start`. */
void lex_init_fragment(lexer *lx, const char *start, const char *end, const char *line_start,
                       int line, diag *d);

/* The next token; TOK_ERROR after setting *d. TOK_EOF repeats forever at the end. */
token lex_next(lexer *lx);

/* The innermost bracket still open, or NULL. */
const lex_paren *lex_open_paren(const lexer *lx);

/* Printable name of a token kind for messages ("'('", "NAME", ...). */
const char *lex_kind_name(tok_kind kind);

/* Decodes one UTF-8 sequence at *p (advancing it); returns -1 and advances one byte if invalid. */
int32_t lex_utf8_decode(const char **p, const char *end);

/* Unicode classes from CPython 3.11's tables (lex_unicode.c): whether a code point may start
 * or continue an identifier, and whether str.isprintable() accepts it. */
bool lex_is_id_start(int32_t c);
bool lex_is_id_continue(int32_t c);
bool lex_is_printable(int32_t c);

/* The code point of the character name or alias [name, name + n) of a \N{...} escape, as the
 * unicode-escape codec finds it (lex_names.c); false for an unknown name. */
bool lex_lookup_name(const char *name, size_t n, int32_t *code_point);

/* Number of code points in [s, s + n), counting each invalid byte as one. */
int lex_utf8_length(const char *s, size_t n);

#endif
