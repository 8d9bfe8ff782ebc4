/* The tokenizer, modelled on CPython's tokenizer.c: it reads one token at a time, measures
 * indentation at the start of each logical line, tracks open brackets for implicit line
 * joining, and reports the same errors at the same places as CPython 3.11. */
#include "lexer.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[TOK_KIND_COUNT] = {
    [TOK_EOF] = "EOF",
    [TOK_ERROR] = "ERROR",
    [TOK_NEWLINE] = "NEWLINE",
    [TOK_INDENT] = "INDENT",
    [TOK_DEDENT] = "DEDENT",
    [TOK_NAME] = "NAME",
    [TOK_NUMBER] = "NUMBER",
    [TOK_STRING] = "STRING",
    [TOK_LPAR] = "(",
    [TOK_RPAR] = ")",
    [TOK_LSQB] = "[",
    [TOK_RSQB] = "]",
    [TOK_LBRACE] = "{",
    [TOK_RBRACE] = "}",
    [TOK_COLON] = ":",
    [TOK_COMMA] = ",",
    [TOK_SEMI] = ";",
    [TOK_PLUS] = "+",
    [TOK_MINUS] = "-",
    [TOK_STAR] = "*",
    [TOK_SLASH] = "/",
    [TOK_VBAR] = "|",
    [TOK_AMPER] = "&",
    [TOK_LESS] = "<",
    [TOK_GREATER] = ">",
    [TOK_EQUAL] = "=",
    [TOK_DOT] = ".",
    [TOK_PERCENT] = "%",
    [TOK_EQEQUAL] = "==",
    [TOK_NOTEQUAL] = "!=",
    [TOK_LESSEQUAL] = "<=",
    [TOK_GREATEREQUAL] = ">=",
    [TOK_TILDE] = "~",
    [TOK_CIRCUMFLEX] = "^",
    [TOK_LEFTSHIFT] = "<<",
    [TOK_RIGHTSHIFT] = ">>",
    [TOK_DOUBLESTAR] = "**",
    [TOK_PLUSEQUAL] = "+=",
    [TOK_MINEQUAL] = "-=",
    [TOK_STAREQUAL] = "*=",
    [TOK_SLASHEQUAL] = "/=",
    [TOK_PERCENTEQUAL] = "%=",
    [TOK_AMPEREQUAL] = "&=",
    [TOK_VBAREQUAL] = "|=",
    [TOK_CIRCUMFLEXEQUAL] = "^=",
    [TOK_LEFTSHIFTEQUAL] = "<<=",
    [TOK_RIGHTSHIFTEQUAL] = ">>=",
    [TOK_DOUBLESTAREQUAL] = "**=",
    [TOK_DOUBLESLASH] = "//",
    [TOK_DOUBLESLASHEQUAL] = "//=",
    [TOK_AT] = "@",
    [TOK_ATEQUAL] = "@=",
    [TOK_RARROW] = "->",
    [TOK_ELLIPSIS] = "...",
    [TOK_COLONEQUAL] = ":=",
    [TOK_OP_OTHER] = "OP",
    [TOK_FALSE] = "False",
    [TOK_NONE] = "None",
    [TOK_TRUE] = "True",
    [TOK_AND] = "and",
    [TOK_AS] = "as",
    [TOK_ASSERT] = "assert",
    [TOK_ASYNC] = "async",
    [TOK_AWAIT] = "await",
    [TOK_BREAK] = "break",
    [TOK_CLASS] = "class",
    [TOK_CONTINUE] = "continue",
    [TOK_DEF] = "def",
    [TOK_DEL] = "del",
    [TOK_ELIF] = "elif",
    [TOK_ELSE] = "else",
    [TOK_EXCEPT] = "except",
    [TOK_FINALLY] = "finally",
    [TOK_FOR] = "for",
    [TOK_FROM] = "from",
    [TOK_GLOBAL] = "global",
    [TOK_IF] = "if",
    [TOK_IMPORT] = "import",
    [TOK_IN] = "in",
    [TOK_IS] = "is",
    [TOK_LAMBDA] = "lambda",
    [TOK_NONLOCAL] = "nonlocal",
    [TOK_NOT] = "not",
    [TOK_OR] = "or",
    [TOK_PASS] = "pass",
    [TOK_RAISE] = "raise",
    [TOK_RETURN] = "return",
    [TOK_TRY] = "try",
    [TOK_WHILE] = "while",
    [TOK_WITH] = "with",
    [TOK_YIELD] = "yield",
};

const char *lex_kind_name(tok_kind kind) { return kind_names[kind]; }

/* Tab stops as CPython measures indentation; the alternative width detects mixed tabs. */
enum { TAB_SIZE = 8, ALT_TAB_SIZE = 1 };

/* ---- UTF-8 ---------------------------------------------------------------------------- */

int32_t lex_utf8_decode(const char **p, const char *end)
{
    const unsigned char *s = (const unsigned char *)*p;
    size_t avail = (size_t)(end - *p);
    int n;
    int32_t c;
    if (s[0] < 0x80) {
        *p += 1;
        return s[0];
    } else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        n = 2, c = s[0] & 0x1f;
    } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
        n = 3, c = s[0] & 0x0f;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        n = 4, c = s[0] & 0x07;
    } else {
        *p += 1;
        return -1;
    }
    if (avail < (size_t)n) {
        *p += 1;
        return -1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *p += 1;
            return -1;
        }
        c = (c << 6) | (s[i] & 0x3f);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF, as Python's codec does. */
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
        (c >= 0xd800 && c <= 0xdfff)) {
        *p += 1;
        return -1;
    }
    *p += n;
    return c;
}

int lex_utf8_length(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    int count = 0;
    while (p < end) {
        lex_utf8_decode(&p, end);
        count++;
    }
    return count;
}

/* ---- errors --------------------------------------------------------------------------- */

/* Code-point column of byte position `at` on the line starting at `line_start`. */
static int char_col(const char *line_start, const char *at)
{
    return lex_utf8_length(line_start, (size_t)(at - line_start));
}

/* CPython's tokenizer syntaxerror(): the caret goes under the character before `cur`. */
static token error_at(lexer *lx, const char *kind, const char *msg)
{
    int col = char_col(lx->line_start, lx->cur);
    if (!lx->d->set)
        lx->error_raised = true;
    diag_set(lx->d, kind, lx->line, col, lx->line, col, "%s", msg);
    token t = {.kind = TOK_ERROR, .start = lx->cur, .line = lx->line};
    return t;
}

/* Errors CPython reports at column 0 of the current line (TabError and friends). */
static token error_line(lexer *lx, const char *kind, const char *msg)
{
    diag_set(lx->d, kind, lx->line, 1, lx->line, -1, "%s", msg);
    token t = {.kind = TOK_ERROR, .start = lx->cur, .line = lx->line};
    return t;
}

/* Checks once, before tokenizing, that the text is UTF-8 without NUL bytes. CPython reads
 * files line by line and reports the first undecodable line; the message names the file, which
 * only diag_format knows, hence the {file} placeholder. */
static void check_encoding(lexer *lx)
{
    const char *p = lx->src;
    int line = 1;
    while (p < lx->end) {
        const char *at = p;
        if (*p == '\n')
            line++;
        if (*p == '\0') {
            diag_set(lx->d, "SyntaxError", line, 0, line, 0,
                     "source code cannot contain null bytes");
            return;
        }
        if (lex_utf8_decode(&p, lx->end) < 0) {
            diag_set(lx->d, "SyntaxError", 0, 0, 0, 0,
                     "Non-UTF-8 code starting with '\\x%02x' in file {file} on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     (unsigned char)*at, line);
            return;
        }
    }
}

/* ---- setup ---------------------------------------------------------------------------- */

void lex_init(lexer *lx, const char *src, size_t len, diag *d)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = lx->line_start = src;
    lx->end = src + len;
    lx->line = 1;
    lx->at_line_start = true;
    lx->d = d;
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) /* a UTF-8 byte order mark */
        lx->cur = lx->line_start = src + 3;
    check_encoding(lx);
}

void lex_init_fragment(lexer *lx, const char *start, const char *end, const char *line_start,
                       int line, diag *d)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = start;
    lx->end = end;
    lx->line_start = line_start;
    lx->line = line;
    lx->base_parens = 1;
    lx->d = d;
}

const lex_paren *lex_open_paren(const lexer *lx)
{
    return lx->paren_count > 0 ? &lx->parens[lx->paren_count - 1] : NULL;
}

/* ---- characters ----------------------------------------------------------------------- */

static int peek_char(const lexer *lx, int ahead)
{
    return lx->cur + ahead < lx->end ? (unsigned char)lx->cur[ahead] : -1;
}

static bool in_brackets(const lexer *lx) { return lx->paren_count + lx->base_parens > 0; }

static bool is_newline_at(const lexer *lx, const char *p)
{
    return p < lx->end && (*p == '\n' || *p == '\r');
}

/* Moves past a newline (\n, \r\n or \r) and starts a new physical line. */
static void skip_newline(lexer *lx)
{
    if (*lx->cur == '\r' && lx->cur + 1 < lx->end && lx->cur[1] == '\n')
        lx->cur++;
    lx->cur++;
    lx->line++;
    lx->line_start = lx->cur;
}

static bool is_ident_start_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_ident_char_ascii(int c) { return is_ident_start_ascii(c) || is_digit(c); }

static bool is_ident_codepoint(int32_t c, bool first)
{
    if (c < 0x80)
        return first ? is_ident_start_ascii(c) : is_ident_char_ascii(c);
    return first ? lex_is_id_start(c) : lex_is_id_continue(c);
}

static bool is_printable(int32_t c) { return lex_is_printable(c); }

/* ---- tokens --------------------------------------------------------------------------- */

static token make_token(lexer *lx, tok_kind kind, const char *start, int line,
                        const char *line_start)
{
    token t;
    t.kind = kind;
    t.start = start;
    t.len = (size_t)(lx->cur - start);
    t.line = line;
    t.col = (int)(start - line_start);
    t.end_line = lx->line;
    t.end_col = (int)(lx->cur - lx->line_start);
    return t;
}

static token simple_token(lexer *lx, tok_kind kind, const char *start)
{
    return make_token(lx, kind, start, lx->line, lx->line_start);
}

struct keyword {
    const char *text;
    tok_kind kind;
};

static const struct keyword keywords[] = {
    {"False", TOK_FALSE},
    {"None", TOK_NONE},
    {"True", TOK_TRUE},
    {"and", TOK_AND},
    {"as", TOK_AS},
    {"assert", TOK_ASSERT},
    {"async", TOK_ASYNC},
    {"await", TOK_AWAIT},
    {"break", TOK_BREAK},
    {"class", TOK_CLASS},
    {"continue", TOK_CONTINUE},
    {"def", TOK_DEF},
    {"del", TOK_DEL},
    {"elif", TOK_ELIF},
    {"else", TOK_ELSE},
    {"except", TOK_EXCEPT},
    {"finally", TOK_FINALLY},
    {"for", TOK_FOR},
    {"from", TOK_FROM},
    {"global", TOK_GLOBAL},
    {"if", TOK_IF},
    {"import", TOK_IMPORT},
    {"in", TOK_IN},
    {"is", TOK_IS},
    {"lambda", TOK_LAMBDA},
    {"nonlocal", TOK_NONLOCAL},
    {"not", TOK_NOT},
    {"or", TOK_OR},
    {"pass", TOK_PASS},
    {"raise", TOK_RAISE},
    {"return", TOK_RETURN},
    {"try", TOK_TRY},
    {"while", TOK_WHILE},
    {"with", TOK_WITH},
    {"yield", TOK_YIELD},
};

static tok_kind keyword_kind(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return TOK_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].text[0] == s[0] && strncmp(keywords[i].text, s, n) == 0 &&
            keywords[i].text[n] == '\0')
            return keywords[i].kind;
    return TOK_NAME;
}

/* String prefixes CPython accepts: any case and order of r with one of b, f, or u alone. */
static bool is_string_prefix(const char *s, size_t n)
{
    bool r = false, b = false, f = false, u = false;
    for (size_t i = 0; i < n; i++) {
        switch (s[i] | 0x20) {
        case 'r':
            if (r)
                return false;
            r = true;
            break;
        case 'b':
            if (b)
                return false;
            b = true;
            break;
        case 'f':
            if (f)
                return false;
            f = true;
            break;
        case 'u':
            if (u)
                return false;
            u = true;
            break;
        default: return false;
        }
    }
    return n > 0 && (int)b + (int)f + (int)u <= 1 && !(u && r);
}

static token lex_string(lexer *lx, const char *start);

/* NAME, keyword, or a prefixed string such as rb'...'. Non-ASCII identifiers are checked code
 * point by code point; CPython points the caret just past the offending character. */
static token lex_name(lexer *lx)
{
    const char *start = lx->cur;
    bool first = true;
    while (lx->cur < lx->end) {
        unsigned char c = (unsigned char)*lx->cur;
        if (c < 0x80) {
            if (!is_ident_char_ascii(c))
                break;
            lx->cur++;
        } else {
            const char *at = lx->cur;
            int32_t cp = lex_utf8_decode(&lx->cur, lx->end);
            if (!is_ident_codepoint(cp, first && at == start)) {
                char msg[64];
                if (is_printable(cp)) {
                    char text[5] = {0};
                    memcpy(text, at, (size_t)(lx->cur - at));
                    snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", text, cp);
                } else {
                    snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
                }
                return error_at(lx, "SyntaxError", msg);
            }
        }
        first = false;
    }
    size_t n = (size_t)(lx->cur - start);
    int q = peek_char(lx, 0);
    if ((q == '"' || q == '\'') && is_string_prefix(start, n))
        return lex_string(lx, start);
    return simple_token(lx, keyword_kind(start, n), start);
}

/* ---- strings -------------------------------------------------------------------------- */

/* The string body is only delimited here; escapes are decoded by the parser. */
static token lex_string(lexer *lx, const char *start)
{
    int start_line = lx->line;
    const char *start_line_start = lx->line_start;
    char quote = *lx->cur;
    int quote_size = 1;
    if (peek_char(lx, 1) == quote && peek_char(lx, 2) == quote)
        quote_size = 3;
    lx->cur += quote_size;
    for (;;) {
        if (lx->cur >= lx->end || (quote_size == 1 && is_newline_at(lx, lx->cur))) {
            int detected = lx->line;
            if (lx->cur >= lx->end && lx->cur > lx->src && lx->cur[-1] == '\n')
                detected--; /* CPython counts the line of the final newline */
            lx->line = start_line;
            lx->line_start = start_line_start;
            lx->cur = start + 1;
            char msg[96];
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     quote_size == 3 ? "triple-quoted " : "", detected);
            return error_at(lx, "SyntaxError", msg);
        }
        char c = *lx->cur;
        if (c == quote &&
            (quote_size == 1 || (peek_char(lx, 1) == quote && peek_char(lx, 2) == quote))) {
            lx->cur += quote_size;
            return make_token(lx, TOK_STRING, start, start_line, start_line_start);
        }
        if (c == '\\' && lx->cur + 1 < lx->end) {
            lx->cur++;
            if (is_newline_at(lx, lx->cur))
                skip_newline(lx);
            else
                lx->cur++;
        } else if (is_newline_at(lx, lx->cur)) {
            skip_newline(lx);
        } else {
            lx->cur++;
        }
    }
}

/* ---- numbers -------------------------------------------------------------------------- */

/* After a literal CPython rejects an identifier character, except the start of a keyword that
 * may follow a number in valid code (`1if x else y`). */
static bool number_end_ok(lexer *lx, const char *kind_name, token *err)
{
    int c = peek_char(lx, 0);
    static const char *const followers[] = {"and", "else", "for", "if", "in", "is", "or", "not"};
    for (size_t i = 0; i < sizeof followers / sizeof followers[0]; i++) {
        size_t n = strlen(followers[i]);
        if ((size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, followers[i], n) == 0)
            return true;
    }
    if (c >= 0x80 || (c >= 0 && is_ident_char_ascii(c))) {
        char msg[48];
        snprintf(msg, sizeof msg, "invalid %s literal", kind_name);
        *err = error_at(lx, "SyntaxError", msg); /* caret under the last digit */
        return false;
    }
    return true;
}

/* Digits with single underscores between them; false (and an error) on `1_` or `1__2`. */
static bool lex_digits(lexer *lx, int base, const char *kind_name, token *err)
{
    for (;;) {
        while (lx->cur < lx->end) {
            int c = (unsigned char)*lx->cur;
            int v = is_digit(c)                              ? c - '0'
                    : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                             : 99;
            if (v >= base)
                break;
            lx->cur++;
        }
        if (peek_char(lx, 0) != '_')
            return true;
        lx->cur++;
        int c = peek_char(lx, 0);
        int v = c < 0                                    ? 99
                : is_digit(c)                            ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : 99;
        if (v >= base) {
            char msg[48];
            snprintf(msg, sizeof msg, "invalid %s literal", kind_name);
            *err = error_at(lx, "SyntaxError", msg);
            return false;
        }
    }
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return 99;
}

/* 0x.., 0o.., 0b.., as CPython reads them: groups of digits, each after an optional '_'. A
 * decimal digit too big for the base has its own message (not for hex: anything else is just
 * an invalid literal). */
static token lex_radix(lexer *lx, const char *start, int base, const char *kind_name)
{
    char msg[48];
    token err;
    lx->cur += 2;
    do {
        if (peek_char(lx, 0) == '_')
            lx->cur++;
        int c = peek_char(lx, 0);
        if (c < 0 || digit_value(c) >= base) {
            if (base < 10 && c >= 0 && is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind_name);
                lx->cur++;
            } else {
                snprintf(msg, sizeof msg, "invalid %s literal", kind_name);
            }
            return error_at(lx, "SyntaxError", msg);
        }
        while (lx->cur < lx->end && digit_value((unsigned char)*lx->cur) < base)
            lx->cur++;
    } while (peek_char(lx, 0) == '_');
    int c = peek_char(lx, 0);
    if (base < 10 && c >= 0 && is_digit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind_name);
        lx->cur++;
        return error_at(lx, "SyntaxError", msg);
    }
    if (!number_end_ok(lx, kind_name, &err))
        return err;
    return simple_token(lx, TOK_NUMBER, start);
}

/* The fraction, exponent and `j` suffix after the integer part of a decimal literal. */
static token lex_decimal_tail(lexer *lx, const char *start, bool int_leading_zeros,
                              const char *zeros_end)
{
    token err;
    bool is_float = false;
    if (peek_char(lx, 0) == '.') {
        is_float = true;
        lx->cur++;
        if (peek_char(lx, 0) >= 0 && is_digit(peek_char(lx, 0)) &&
            !lex_digits(lx, 10, "decimal", &err))
            return err;
    }
    int c = peek_char(lx, 0);
    if (c == 'e' || c == 'E') {
        int s = peek_char(lx, 1);
        int d = (s == '+' || s == '-') ? peek_char(lx, 2) : s;
        if (d >= 0 && is_digit(d)) {
            is_float = true;
            lx->cur += (s == '+' || s == '-') ? 2 : 1;
            if (!lex_digits(lx, 10, "decimal", &err))
                return err;
        } else if (s == '+' || s == '-') {
            lx->cur += 2;
            return error_at(lx, "SyntaxError", "invalid decimal literal");
        }
    }
    c = peek_char(lx, 0);
    if (c == 'j' || c == 'J') {
        lx->cur++;
        if (!number_end_ok(lx, "imaginary", &err))
            return err;
        return simple_token(lx, TOK_NUMBER, start);
    }
    if (!is_float && int_leading_zeros) {
        /* CPython gives this range in bytes: from the literal to just past its zeros. */
        int col = (int)(start - lx->line_start) + 1;
        int end = (int)(zeros_end - lx->line_start) + 1;
        diag_set(lx->d, "SyntaxError", lx->line, col, lx->line, end,
                 "leading zeros in decimal integer literals are not permitted; use an 0o "
                 "prefix for octal integers");
        token t = {.kind = TOK_ERROR, .start = start, .line = lx->line};
        return t;
    }
    if (!number_end_ok(lx, "decimal", &err))
        return err;
    return simple_token(lx, TOK_NUMBER, start);
}

/* number: decimal, hex, octal or binary integer, float, or imaginary (rejected later). */
static token lex_number(lexer *lx)
{
    const char *start = lx->cur;
    token err;
    if (*lx->cur == '0') {
        int x = peek_char(lx, 1) | 0x20;
        if (x == 'x')
            return lex_radix(lx, start, 16, "hexadecimal");
        if (x == 'o')
            return lex_radix(lx, start, 8, "octal");
        if (x == 'b')
            return lex_radix(lx, start, 2, "binary");
        /* Zeros, then digits: only valid as the integer part of a float. */
        if (!lex_digits(lx, 10, "decimal", &err))
            return err;
        bool nonzero = false;
        const char *zeros_end = start;
        for (const char *p = start; p < lx->cur; p++) {
            if (*p != '0' && *p != '_')
                nonzero = true;
            if (!nonzero)
                zeros_end = p + 1;
        }
        return lex_decimal_tail(lx, start, nonzero, zeros_end);
    }
    if (*lx->cur != '.' && !lex_digits(lx, 10, "decimal", &err))
        return err;
    return lex_decimal_tail(lx, start, false, NULL);
}

/* ---- operators ------------------------------------------------------------------------ */

struct op {
    const char *text;
    tok_kind kind;
};

/* Longest first, so that `**=` wins over `**` and `*`. */
static const struct op ops[] = {
    {"**=", TOK_DOUBLESTAREQUAL},
    {"//=", TOK_DOUBLESLASHEQUAL},
    {">>=", TOK_RIGHTSHIFTEQUAL},
    {"<<=", TOK_LEFTSHIFTEQUAL},
    {"...", TOK_ELLIPSIS},
    {"==", TOK_EQEQUAL},
    {"!=", TOK_NOTEQUAL},
    {"<=", TOK_LESSEQUAL},
    {">=", TOK_GREATEREQUAL},
    {"<<", TOK_LEFTSHIFT},
    {">>", TOK_RIGHTSHIFT},
    {"**", TOK_DOUBLESTAR},
    {"+=", TOK_PLUSEQUAL},
    {"-=", TOK_MINEQUAL},
    {"*=", TOK_STAREQUAL},
    {"/=", TOK_SLASHEQUAL},
    {"%=", TOK_PERCENTEQUAL},
    {"&=", TOK_AMPEREQUAL},
    {"|=", TOK_VBAREQUAL},
    {"^=", TOK_CIRCUMFLEXEQUAL},
    {"//", TOK_DOUBLESLASH},
    {"@=", TOK_ATEQUAL},
    {"->", TOK_RARROW},
    {":=", TOK_COLONEQUAL},
    {"<>", TOK_OP_OTHER},
    {"(", TOK_LPAR},
    {")", TOK_RPAR},
    {"[", TOK_LSQB},
    {"]", TOK_RSQB},
    {"{", TOK_LBRACE},
    {"}", TOK_RBRACE},
    {":", TOK_COLON},
    {",", TOK_COMMA},
    {";", TOK_SEMI},
    {"+", TOK_PLUS},
    {"-", TOK_MINUS},
    {"*", TOK_STAR},
    {"/", TOK_SLASH},
    {"|", TOK_VBAR},
    {"&", TOK_AMPER},
    {"<", TOK_LESS},
    {">", TOK_GREATER},
    {"=", TOK_EQUAL},
    {".", TOK_DOT},
    {"%", TOK_PERCENT},
    {"~", TOK_TILDE},
    {"^", TOK_CIRCUMFLEX},
    {"@", TOK_AT},
};

static char closer_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

/* Brackets: CPython checks nesting in the tokenizer, so `(]` fails before parsing. */
static token track_bracket(lexer *lx, token t)
{
    char c = *t.start;
    if (c == '(' || c == '[' || c == '{') {
        if (lx->paren_count >= LEX_MAX_PARENS) {
            lx->cur = t.start + 1;
            return error_at(lx, "SyntaxError", "too many nested parentheses");
        }
        lex_paren *p = &lx->parens[lx->paren_count++];
        p->kind = c;
        p->line = t.line;
        p->col = t.col;
        return t;
    }
    char msg[128];
    if (lx->paren_count == 0) {
        if (lx->base_parens > 0) /* the end of an f-string field: the parser reports it */
            return t;
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return error_at(lx, "SyntaxError", msg);
    }
    lex_paren *open = &lx->parens[lx->paren_count - 1];
    if (closer_of(open->kind) != c) {
        if (open->line != lx->line)
            snprintf(msg, sizeof msg,
                     "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                     "line %d",
                     c, open->kind, open->line);
        else
            snprintf(msg, sizeof msg,
                     "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                     open->kind);
        return error_at(lx, "SyntaxError", msg);
    }
    lx->paren_count--;
    return t;
}

static token lex_operator(lexer *lx)
{
    const char *start = lx->cur;
    size_t avail = (size_t)(lx->end - lx->cur);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].text[0] != *start)
            continue;
        size_t n = strlen(ops[i].text);
        if (n <= avail && memcmp(ops[i].text, start, n) == 0) {
            lx->cur += n;
            token t = simple_token(lx, ops[i].kind, start);
            if (n == 1 && strchr("()[]{}", *start))
                return track_bracket(lx, t);
            return t;
        }
    }
    unsigned char c = (unsigned char)*start;
    if (c >= 0x80) {
        int32_t cp = lex_utf8_decode(&lx->cur, lx->end);
        char msg[64];
        if (is_printable(cp)) {
            char text[5] = {0};
            memcpy(text, start, (size_t)(lx->cur - start));
            snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", text, cp);
        } else {
            snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
        }
        return error_at(lx, "SyntaxError", msg);
    }
    lx->cur++;
    if (c < 0x20 || c == 0x7f) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
        return error_at(lx, "SyntaxError", msg);
    }
    return simple_token(lx, TOK_OP_OTHER, start); /* `$`, `?`, `!`, a backquote */
}

/* ---- lines and indentation ------------------------------------------------------------ */

/* A backslash must end its physical line; the next line continues the logical one. */
static bool line_continuation(lexer *lx, token *err)
{
    int line = lx->line;
    int col = (int)(lx->cur - lx->line_start);
    const char *msg = NULL;
    lx->cur++;
    if (lx->cur >= lx->end) {
        msg = "unexpected EOF while parsing";
    } else if (!is_newline_at(lx, lx->cur)) {
        lx->cur++;
        msg = "unexpected character after line continuation character";
    } else {
        skip_newline(lx);
        if (lx->cur >= lx->end)
            msg = "unexpected EOF while parsing";
    }
    if (!msg)
        return true;
    /* CPython only flags these in the tokenizer state and reports them in bytes, on the
     * backslash's line with the caret just past it. */
    diag_set(lx->d, "SyntaxError", line, col + 2, line, col + 2, "%s", msg);
    *err = (token){.kind = TOK_ERROR, .start = lx->cur, .line = line};
    return false;
}

/* Compares the indentation of a new logical line with the stack, queueing INDENT/DEDENTs. */
static bool apply_indent(lexer *lx, int col, int altcol, token *err)
{
    int top = lx->indents[lx->indent_count], alt_top = lx->alt_indents[lx->indent_count];
    if (col == top) {
        if (altcol != alt_top)
            goto tab_error;
    } else if (col > top) {
        if (lx->indent_count + 1 >= LEX_MAX_INDENT) {
            *err = error_line(lx, "IndentationError", "too many levels of indentation");
            return false;
        }
        if (altcol <= alt_top)
            goto tab_error;
        lx->pending++;
        lx->indent_count++;
        lx->indents[lx->indent_count] = col;
        lx->alt_indents[lx->indent_count] = altcol;
    } else {
        while (lx->indent_count > 0 && col < lx->indents[lx->indent_count]) {
            lx->pending--;
            lx->indent_count--;
        }
        if (col != lx->indents[lx->indent_count]) {
            const char *eol = lx->cur;
            while (eol < lx->end && *eol != '\n')
                eol++;
            int offset = (int)(eol - lx->line_start) + 1; /* bytes, as CPython */
            diag_set(lx->d, "IndentationError", lx->line, offset, lx->line, -1,
                     "unindent does not match any outer indentation level");
            err->kind = TOK_ERROR;
            return false;
        }
        if (altcol != lx->alt_indents[lx->indent_count])
            goto tab_error;
    }
    return true;
tab_error:
    *err = error_line(lx, "TabError", "inconsistent use of tabs and spaces in indentation");
    return false;
}

/* Measures the indentation at the start of a line; blank and comment-only lines don't count.
 * Returns false on an error (in *err). */
static bool measure_indent(lexer *lx, token *err)
{
    int col = 0, altcol = 0, cont_col = -1;
    for (;;) {
        int c = peek_char(lx, 0);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            altcol = (altcol / ALT_TAB_SIZE + 1) * ALT_TAB_SIZE;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* The first backslash fixes the indentation of what follows it. */
            cont_col = cont_col >= 0 ? cont_col : col;
            if (!line_continuation(lx, err))
                return false;
            continue;
        } else {
            break;
        }
        lx->cur++;
    }
    int c = peek_char(lx, 0);
    if (c == '#' || c == '\n' || c == '\r' || (c < 0 && lx->cur > lx->line_start))
        return true; /* blank line (or trailing blanks at the end of the input) */
    lx->at_line_start = false;
    if (in_brackets(lx))
        return true;
    if (cont_col >= 0)
        col = altcol = cont_col;
    return apply_indent(lx, col, altcol, err);
}

static token pending_token(lexer *lx)
{
    token t = simple_token(lx, lx->pending > 0 ? TOK_INDENT : TOK_DEDENT, lx->cur);
    t.len = 0;
    lx->pending += lx->pending > 0 ? -1 : 1;
    return t;
}

/* Where CPython's file tokenizer stands at the end of the input: on the last line read, with
 * its buffer emptied, so errors there get no caret (column 0). */
static void eof_position(const lexer *lx, token *t)
{
    t->line = t->end_line = lx->line;
    t->col = t->end_col = 0;
    if (lx->base_parens) {
        t->col = t->end_col = (int)(lx->cur - lx->line_start);
    } else if (lx->cur == lx->line_start && lx->line > 1) {
        t->line = t->end_line = lx->line - 1; /* the input ended with a newline */
    }
}

/* The end of the input: a final NEWLINE if the last line had tokens, DEDENTs, then EOF. */
static token end_of_input(lexer *lx)
{
    token t = simple_token(lx, TOK_EOF, lx->cur);
    t.len = 0;
    if (lx->line_has_tokens && !in_brackets(lx)) {
        lx->line_has_tokens = false;
        t.kind = TOK_NEWLINE;
        return t;
    }
    eof_position(lx, &t);
    if (!in_brackets(lx) && lx->indent_count > 0) {
        lx->indent_count--;
        t.kind = TOK_DEDENT;
    }
    return t;
}

/* Skips blanks, comments and newlines that end no logical line. Returns false with a token in
 * *out when it meets something to return first (NEWLINE, INDENT/DEDENT or an error). */
static bool skip_space(lexer *lx, token *out)
{
    for (;;) {
        if (lx->at_line_start) {
            if (!measure_indent(lx, out))
                return false;
            if (lx->pending != 0) {
                *out = pending_token(lx);
                return false;
            }
        }
        int c = peek_char(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->cur++;
        } else if (c == '#') {
            while (lx->cur < lx->end && !is_newline_at(lx, lx->cur))
                lx->cur++;
        } else if (c == '\\') {
            if (!line_continuation(lx, out))
                return false;
        } else if (c == '\n' || c == '\r') {
            if (lx->line_has_tokens && !in_brackets(lx)) {
                const char *start = lx->cur;
                token t = simple_token(lx, TOK_NEWLINE, start);
                t.end_col = t.col; /* CPython leaves the newline out of the token */
                t.len = 1;
                skip_newline(lx);
                lx->line_has_tokens = false;
                lx->at_line_start = true;
                *out = t;
                return false;
            }
            skip_newline(lx);
            lx->at_line_start = !in_brackets(lx);
        } else {
            return true;
        }
    }
}

static token next_token(lexer *lx);

token lex_next(lexer *lx)
{
    token t = next_token(lx);
    t.level = lx->paren_count + lx->base_parens;
    return t;
}

static token next_token(lexer *lx)
{
    token t;
    if (lx->d->set) {
        t = (token){.kind = TOK_ERROR, .start = lx->cur, .line = lx->line};
        return t;
    }
    if (lx->pending != 0)
        return pending_token(lx);
    if (!skip_space(lx, &t))
        return t;
    if (lx->cur >= lx->end)
        return end_of_input(lx);
    lx->line_has_tokens = true;
    int c = (unsigned char)*lx->cur;
    if (is_digit(c) || (c == '.' && is_digit(peek_char(lx, 1))))
        return lex_number(lx);
    if (is_ident_start_ascii(c) || c >= 0x80) {
        const char *p = lx->cur;
        int32_t cp = c >= 0x80 ? lex_utf8_decode(&p, lx->end) : c;
        if (is_ident_codepoint(cp, true))
            return lex_name(lx);
    }
    if (c == '"' || c == '\'')
        return lex_string(lx, lx->cur);
    return lex_operator(lx);
}
