/* String literals: escape decoding, implicit concatenation and f-strings, following CPython
 * 3.11's string_parser.c. An f-string replacement field is parsed by a parser of its own over
 * the field's text in place, so its nodes get their true source positions. */
#include "parser_internal.h"

#include <stdio.h>
#include <string.h>

/* CPython allows a replacement field inside a format spec, but no deeper. */
enum { FSTRING_MAX_NESTING = 2 };

/* ---- text buffers --------------------------------------------------------------------- */

typedef struct str_buf {
    char *data;
    size_t len, cap;
} str_buf;

static void buf_put(parser *p, str_buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n)
            cap *= 2;
        char *data = arena_alloc(p->a, cap);
        if (b->len)
            memcpy(data, b->data, b->len);
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

/* Appends code point `c` as UTF-8; lone surrogates (from \ud800) get the 3-byte form. */
static void buf_put_codepoint(parser *p, str_buf *b, unsigned long c)
{
    char out[4];
    size_t n;
    if (c < 0x80) {
        out[0] = (char)c, n = 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6)), out[1] = (char)(0x80 | (c & 0x3f)), n = 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12)), out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f)), n = 3;
    } else {
        out[0] = (char)(0xf0 | (c >> 18)), out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3f)), out[3] = (char)(0x80 | (c & 0x3f)), n = 4;
    }
    buf_put(p, b, out, n);
}

/* ---- escapes -------------------------------------------------------------------------- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Where CPython's unicode-escape codec says `at` is: it decodes a copy of the literal's text
 * (from `base`, the start of the literal or of the f-string part) in which each non-ASCII
 * character became a 10-byte \UXXXXXXXX escape, and a backslash before one (or at the end)
 * became \u005c (string_parser.c, decode_unicode_with_escapes). */
static size_t codec_offset(const char *base, const char *at, const char *end)
{
    size_t pos = 0;
    for (const char *c = base; c < at;) {
        if (*c == '\\') { /* the backslash and the character after it are copied together */
            c++;
            pos += (c >= end || (unsigned char)*c >= 0x80) ? 6 : 1;
            if (c >= at)
                break;
        }
        if ((unsigned char)*c >= 0x80) {
            lex_utf8_decode(&c, end);
            pos += 10;
        } else {
            c++;
            pos++;
        }
    }
    return pos;
}

/* The unicode-escape codec's complaint about the escape in [from, to), as CPython wraps it in
 * a SyntaxError, which it places at the token after the strings (the parser's lookahead). */
static bool escape_error(parser *p, const char *base, const char *from_at, const char *to_at,
                         const char *end, const char *what)
{
    size_t from = codec_offset(base, from_at, end), to = codec_offset(base, to_at, end);
    char msg[DIAG_MESSAGE_MAX];
    if (to > from + 1)
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                 "%zu-%zu: %s",
                 from, to - 1, what);
    else
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                 "%zu: %s",
                 from, what);
    parse_error_token(p, "SyntaxError", &p->tok, "%s", msg);
    return false;
}

/* \x, \u and \U: exactly 2, 4 or 8 hex digits. */
static bool hex_escape(parser *p, const char *body, const char **s, const char *end, str_buf *out)
{
    char kind = (*s)[0];
    int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    const char *at = *s - 1;
    unsigned long c = 0;
    int i = 0;
    for (; i < digits && *s + 1 + i < end && hex_value((*s)[1 + i]) >= 0; i++)
        c = c * 16 + (unsigned long)hex_value((*s)[1 + i]);
    const char *stop = *s + 1 + i;
    if (i < digits)
        return escape_error(p, body, at, stop, end,
                            kind == 'x'   ? "truncated \\xXX escape"
                            : kind == 'u' ? "truncated \\uXXXX escape"
                                          : "truncated \\UXXXXXXXX escape");
    if (c > 0x10ffff)
        return escape_error(p, body, at, stop, end, "illegal Unicode character");
    buf_put_codepoint(p, out, c);
    *s += 1 + digits;
    return true;
}

/* \N{name}: a character name or alias, looked up as the unicode-escape codec does; *s points
 * at the N. The codec's errors span from the backslash to where it stopped reading. */
static bool named_escape(parser *p, const char *body, const char **s, const char *end, str_buf *out)
{
    const char *at = *s - 1, *c = *s + 1;
    if (c < end && *c == '{') {
        const char *name = ++c;
        while (c < end && *c != '}')
            c++;
        if (c < end && c > name) {
            int32_t code_point;
            if (lex_lookup_name(name, (size_t)(c - name), &code_point)) {
                buf_put_codepoint(p, out, (unsigned long)code_point);
                *s = c + 1;
                return true;
            }
            return escape_error(p, body, at, c + 1, end, "unknown Unicode character name");
        }
    }
    return escape_error(p, body, at, c, end, "malformed \\N character escape");
}

/* One escape sequence after a backslash; *s points after the backslash. Unknown escapes keep
 * the backslash, as CPython does (with a DeprecationWarning). */
static bool escape(parser *p, const char *body, const char **s, const char *end, str_buf *out)
{
    static const char simple_from[] = "\\'\"abfnrtv";
    static const char simple_to[] = "\\'\"\a\b\f\n\r\t\v";
    char c = **s;
    const char *hit = strchr(simple_from, c);
    if (c && hit) {
        buf_put(p, out, &simple_to[hit - simple_from], 1);
        (*s)++;
    } else if (c == '\n' || c == '\r') { /* a backslash-newline joins the lines */
        *s += (c == '\r' && *s + 1 < end && (*s)[1] == '\n') ? 2 : 1;
    } else if (c >= '0' && c <= '7') {
        unsigned long v = 0;
        for (int i = 0; i < 3 && *s < end && **s >= '0' && **s <= '7'; i++, (*s)++)
            v = v * 8 + (unsigned long)(**s - '0');
        buf_put_codepoint(p, out, v);
    } else if (c == 'x' || c == 'u' || c == 'U') {
        return hex_escape(p, body, s, end, out);
    } else if (c == 'N') {
        return named_escape(p, body, s, end, out);
    } else {
        buf_put(p, out, "\\", 1);
    }
    return true;
}

/* Decodes the body of a non-raw literal; raw ones are copied. Newlines become \n either way,
 * as CPython reads files in universal-newline mode. */
static bool decode(parser *p, const char *body, const char *s, const char *end, bool raw,
                   str_buf *out)
{
    while (s < end) {
        const char *run = s;
        while (s < end && (raw || *s != '\\') && *s != '\r')
            s++;
        buf_put(p, out, run, (size_t)(s - run));
        if (s >= end)
            break;
        if (*s == '\r') {
            buf_put(p, out, "\n", 1);
            s += (s + 1 < end && s[1] == '\n') ? 2 : 1;
        } else {
            s++;
            if (s >= end) /* a trailing backslash before a field in an f-string */
                buf_put(p, out, "\\", 1);
            else if (!escape(p, body, &s, end, out))
                return false;
        }
    }
    return true;
}

/* ---- the JoinedStr under construction ------------------------------------------------- */

/* _PyPegen_FstringParser: literal text gathered since the last field, and the values. */
typedef struct fstring_state {
    str_buf last;
    ptr_list values;
    bool fmode; /* an f-string took part: the result is a JoinedStr */
} fstring_state;

/* Where the nodes of a string group go: CPython gives the Constant and FormattedValue parts
 * the span of all the tokens, and a format spec the span of its own token. */
typedef struct string_group {
    ast_loc whole;
    ast_loc token; /* the token being parsed */
    const token *tok;
    bool kind_u;
} string_group;

static ast_expr *str_node(parser *p, const str_buf *b, ast_loc loc, bool kind_u)
{
    ast_expr *e = parse_new_expr(p, EXPR_CONSTANT, loc);
    e->as.constant.kind = CONST_STR;
    char *s = arena_alloc(p->a, b->len + 1);
    if (b->len)
        memcpy(s, b->data, b->len);
    e->as.constant.str = s;
    e->as.constant.str_len = b->len;
    e->as.constant.kind_u = kind_u;
    return e;
}

/* Turns the pending literal into a Constant value (empty literals vanish). */
static void flush_literal(parser *p, fstring_state *st, ast_loc loc, bool kind_u)
{
    if (st->last.len == 0)
        return;
    parse_ptr_push(p, &st->values, str_node(p, &st->last, loc, kind_u));
    st->last = (str_buf){0};
}

static ast_expr *finish(parser *p, fstring_state *st, ast_loc loc, bool kind_u)
{
    if (!st->fmode)
        return str_node(p, &st->last, loc, kind_u);
    flush_literal(p, st, loc, kind_u);
    ast_expr *e = parse_new_expr(p, EXPR_JOINED_STR, loc);
    e->as.joined_str.values = parse_list_from(p, (ast_expr **)st->values.items, st->values.count);
    return e;
}

/* ---- replacement fields --------------------------------------------------------------- */

static void *fstring_error(parser *p, const char *msg)
{
    return parse_error_token(p, "SyntaxError", &p->tok, "%s", msg);
}

/* Line number and line start of `at`, which lies inside token `t`. */
static int line_of(const token *t, const char *at, const char **line_start,
                   const char *tok_line_start)
{
    int line = t->line;
    *line_start = tok_line_start;
    for (const char *c = t->start; c < at; c++)
        if (*c == '\n' || (*c == '\r' && c[1] != '\n')) {
            line++;
            *line_start = c + 1;
        }
    return line;
}

/* fstring_compile_expr: the field's text [start, end) parsed as star_expressions by a
 * parser of its own, at the field's true position. */
static ast_expr *field_expression(parser *p, const string_group *g, const char *start,
                                  const char *end)
{
    const char *c = start;
    while (c < end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f'))
        c++;
    if (c == end) {
        if (*end == '}')
            return fstring_error(p, "f-string: empty expression not allowed");
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *end);
        return fstring_error(p, msg);
    }
    parser field_parser = {0}, *sub = &field_parser; /* lives only while the field parses */
    const char *line_start;
    const char *tok_line_start = g->tok->start - g->tok->col;
    int line = line_of(g->tok, start, &line_start, tok_line_start);
    sub->a = p->a;
    sub->d = p->d;
    sub->root = p->root;
    sub->in_fstring = true;
    sub->depth = p->depth;
    sub->errors = p->errors;
    sub->trials = p->trials;
    lex_init_fragment(&sub->lx, start, end, line_start, line, p->d);
    const char *end_line_start;
    int end_line = line_of(g->tok, end, &end_line_start, tok_line_start);
    ast_loc parens = {line, (int)(start - 1 - line_start), end_line,
                      (int)(end - end_line_start) + 1};
    parse_advance(sub);
    ast_expr *e = parse_fstring_field(sub, parens);
    return e;
}

/* Skips a string inside a field's expression; *s is at its opening quote. */
static bool skip_quoted(parser *p, const char **s, const char *end)
{
    char q = **s;
    int size = (*s + 2 < end && (*s)[1] == q && (*s)[2] == q) ? 3 : 1;
    *s += size;
    for (; *s < end; (*s)++) {
        if (**s == '\\') {
            fstring_error(p, "f-string expression part cannot include a backslash");
            return false;
        }
        if (**s == q && (size == 1 || (*s + 2 < end && (*s)[1] == q && (*s)[2] == q))) {
            *s += size;
            return true;
        }
    }
    fstring_error(p, "f-string: unterminated string");
    return false;
}

/* Finds the end of a field's expression: the first '!', ':', '}' or '=' outside brackets and
 * strings that is not part of '!=', '==', '<=' or '>='. */
static const char *expression_end(parser *p, const char *s, const char *end)
{
    char stack[LEX_MAX_PARENS];
    int depth = 0;
    while (s < end) {
        char ch = *s;
        if (ch == '\\')
            return fstring_error(p, "f-string expression part cannot include a backslash");
        if (ch == '\'' || ch == '"') {
            if (!skip_quoted(p, &s, end))
                return NULL;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= LEX_MAX_PARENS)
                return fstring_error(p, "f-string: too many nested parenthesis");
            stack[depth++] = ch;
        } else if (ch == '#') {
            return fstring_error(p, "f-string expression part cannot include '#'");
        } else if (depth == 0 && ch && strchr("!:}=<>", ch)) {
            if (s + 1 < end && s[1] == '=' && strchr("!=<>", ch)) {
                s += 2;
                continue;
            }
            if (ch != '<' && ch != '>')
                return s;
        } else if (ch == ']' || ch == ')' || ch == '}') {
            char msg[96];
            if (depth == 0) {
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
                return fstring_error(p, msg);
            }
            char open = stack[--depth];
            if ((open == '(') != (ch == ')') || (open == '[') != (ch == ']')) {
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match "
                         "opening parenthesis '%c'",
                         ch, open);
                return fstring_error(p, msg);
            }
        }
        s++;
    }
    if (depth) {
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
        return fstring_error(p, msg);
    }
    return s;
}

static bool fstring_body(parser *p, fstring_state *st, const string_group *g, const char **s,
                         const char *end, bool raw, int nesting);

/* The format spec after ':' — itself an f-string, always a JoinedStr. */
static ast_expr *format_spec(parser *p, const string_group *g, const char **s, const char *end,
                             bool raw, int nesting)
{
    fstring_state spec = {.fmode = true};
    if (!fstring_body(p, &spec, g, s, end, raw, nesting + 1))
        return NULL;
    return finish(p, &spec, g->token, false);
}

/* fstring_find_expr: '{' expression ['='] ['!' conversion] [':' format_spec] '}' with *s at
 * the '{'. Appends the `=` text to the literal and returns the FormattedValue. */
static ast_expr *field(parser *p, fstring_state *st, const string_group *g, const char **s,
                       const char *end, bool raw, int nesting)
{
    if (nesting >= FSTRING_MAX_NESTING)
        return fstring_error(p, "f-string: expressions nested too deeply");
    const char *start = ++*s;
    const char *stop = expression_end(p, start, end);
    if (!stop)
        return NULL;
    if (stop >= end)
        return fstring_error(p, "f-string: expecting '}'");
    ast_expr *value = field_expression(p, g, start, stop);
    if (!value)
        return NULL;
    *s = stop;
    bool debug = false;
    if (**s == '=') {
        debug = true;
        for ((*s)++; *s < end && strchr(" \t\n\r\f\v", **s); (*s)++) {
        }
        if (*s >= end)
            return fstring_error(p, "f-string: expecting '}'");
        buf_put(p, &st->last, start, (size_t)(*s - start));
    }
    int conversion = -1;
    if (**s == '!') {
        if (++*s >= end)
            return fstring_error(p, "f-string: expecting '}'");
        conversion = (unsigned char)*(*s)++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return fstring_error(p, "f-string: invalid conversion character: expected 's', "
                                    "'r', or 'a'");
    }
    ast_expr *spec = NULL;
    if (*s < end && **s == ':') {
        if (++*s >= end)
            return fstring_error(p, "f-string: expecting '}'");
        if (!(spec = format_spec(p, g, s, end, raw, nesting)))
            return NULL;
    }
    if (*s >= end || **s != '}')
        return fstring_error(p, "f-string: expecting '}'");
    (*s)++;
    if (debug && !spec && conversion == -1)
        conversion = 'r';
    ast_expr *e = parse_new_expr(p, EXPR_FORMATTED_VALUE, g->whole);
    e->as.formatted_value.value = value;
    e->as.formatted_value.conversion = conversion;
    e->as.formatted_value.format_spec = spec;
    return e;
}

/* fstring_find_literal: text up to the next field. At the top level '{{' and '}}' stand for
 * braces and a lone '}' is an error; in a format spec a '}' ends the spec. Returns false on
 * error; *s stops at '{', '}' or the end. */
static bool literal(parser *p, fstring_state *st, const char **s, const char *end, bool raw,
                    int nesting)
{
    const char *run = *s;
    while (*s < end) {
        char ch = **s;
        if (!raw && ch == '\\' && *s + 1 < end) {
            char next = (*s)[1];
            if (next == 'N') {
                /* the braces of \N{name} are no field; \N takes the next character with it
                 * even when that is no brace (decode reports a malformed \N) */
                *s += 2;
                if (*s < end && *(*s)++ == '{') {
                    const char *close = memchr(*s, '}', (size_t)(end - *s));
                    *s = close ? close + 1 : end;
                }
            } else {
                /* `\{` is a backslash, then a field, as in CPython */
                *s += (next == '{' || next == '}') ? 1 : 2;
            }
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (nesting == 0 && *s + 1 < end && (*s)[1] == ch) {
                (*s)++; /* keep one brace in the text, skip the other */
                if (!decode(p, run, run, *s, raw, &st->last))
                    return false;
                run = ++*s;
                continue;
            }
            if (nesting == 0 && ch == '}')
                return fstring_error(p, "f-string: single '}' is not allowed") != NULL;
            break;
        }
        (*s)++;
    }
    return decode(p, run, run, *s, raw, &st->last);
}

/* _PyPegen_FstringParser_ConcatFstring: literals and fields until the end of the body or,
 * in a format spec, the closing '}'. */
static bool fstring_body(parser *p, fstring_state *st, const string_group *g, const char **s,
                         const char *end, bool raw, int nesting)
{
    st->fmode = true;
    for (;;) {
        if (!literal(p, st, s, end, raw, nesting))
            return false;
        if (*s >= end || **s == '}')
            break;
        /* A field: the literal before it (and any `=` text) becomes a Constant first. */
        ast_expr *value = field(p, st, g, s, end, raw, nesting);
        if (!value)
            return false;
        flush_literal(p, st, g->whole, g->kind_u);
        parse_ptr_push(p, &st->values, value);
    }
    if (nesting > 0 && (*s >= end || **s != '}'))
        return fstring_error(p, "f-string: expecting '}'") != NULL;
    return true;
}

/* ---- string groups -------------------------------------------------------------------- */

/* Prefix letters of a string token, and where its body lies. */
typedef struct literal_form {
    bool raw, bytes, fstring;
    const char *body, *end;
} literal_form;

static literal_form form_of(const token *t)
{
    literal_form f = {0};
    const char *s = t->start;
    for (; *s != '\'' && *s != '"'; s++) {
        char c = *s | 0x20;
        f.raw |= c == 'r';
        f.bytes |= c == 'b';
        f.fstring |= c == 'f';
    }
    size_t quote = (t->len - (size_t)(s - t->start) >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    f.body = s + quote;
    f.end = t->start + t->len - quote;
    return f;
}

/* strings: STRING+ — adjacent literals concatenated; one f-string makes it a JoinedStr. */
ast_expr *parse_strings(parser *p)
{
    ptr_list tokens = {0};
    while (parse_check(p, TOK_STRING)) {
        token *t = arena_alloc(p->a, sizeof *t);
        *t = p->tok;
        parse_ptr_push(p, &tokens, t);
        parse_advance(p);
    }
    if (parse_failed(p)) /* the token after the strings was bad */
        return NULL;
    const token *first = tokens.items[0], *last = tokens.items[tokens.count - 1];
    string_group g = {.whole = parse_loc_span(parse_loc_token(first), parse_loc_token(last)),
                      .kind_u = first->start[0] == 'u'}; /* CPython: lowercase only */
    fstring_state st = {0};
    for (int i = 0; i < tokens.count; i++) {
        const token *t = tokens.items[i];
        literal_form f = form_of(t);
        if (f.bytes)
            return parse_unsupported(p, parse_loc_token(t), "bytes literals are");
        g.tok = t;
        g.token = parse_loc_token(t);
        const char *s = f.body;
        if (f.fstring) {
            if (!parse_enter(p))
                return NULL;
            bool ok = fstring_body(p, &st, &g, &s, f.end, f.raw, 0);
            parse_leave(p);
            if (!ok)
                return NULL;
        } else if (!decode(p, f.body, f.body, f.end, f.raw, &st.last)) {
            return NULL;
        }
    }
    return finish(p, &st, g.whole, g.kind_u);
}
