/* Lexer tests: token kinds, texts and CPython positions for numbers, strings, operators and
 * keywords; INDENT/DEDENT with spaces and tabs; and the tokenizer's own errors. */
#include "lexer.h"

#include <criterion/criterion.h>
#include <string.h>

enum { MAX_TOKENS = 64 };

typedef struct lexed {
    token tokens[MAX_TOKENS];
    int count;
    diag d;
} lexed;

/* Tokenizes `src` up to EOF or an error (which is kept as the last token). */
static lexed *lex_all(const char *src)
{
    static lexed out;
    memset(&out, 0, sizeof out);
    lexer lx;
    lex_init(&lx, src, strlen(src), &out.d);
    do {
        out.tokens[out.count] = lex_next(&lx);
    } while (out.tokens[out.count].kind != TOK_EOF && out.tokens[out.count].kind != TOK_ERROR &&
             ++out.count < MAX_TOKENS);
    out.count++;
    return &out;
}

static bool text_is(const token *t, const char *text)
{
    return t->len == strlen(text) && memcmp(t->start, text, t->len) == 0;
}

/* The kinds of all tokens, as a space-separated string of their names. */
static const char *kinds(const lexed *l)
{
    static char buf[1024];
    buf[0] = '\0';
    for (int i = 0; i < l->count; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, lex_kind_name(l->tokens[i].kind));
    }
    return buf;
}

Test(lexer, numbers)
{
    const char *good[] = {
        "0",           "7",     "00",  "0_0", "123_456", "0x_ff", "0XAB",
        "0o17",        "0b1_0", "1.5", ".5",  "5.",      "1e3",   "1E-3",
        "1_000.000_1", "1e+10", "0.0", "1j",  "2.5J",    "0e0",   "123456789012345678901234567890"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        lexed *l = lex_all(good[i]);
        cr_expect_eq(l->tokens[0].kind, TOK_NUMBER, "%s", good[i]);
        cr_expect(text_is(&l->tokens[0], good[i]), "%s", good[i]);
        cr_expect_str_eq(kinds(l), "NUMBER NEWLINE EOF", "%s", good[i]);
    }
    /* `1if` is a number then a keyword, as in `1if x else y`. */
    cr_expect_str_eq(kinds(lex_all("1if x else 2")), "NUMBER if NAME else NUMBER NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("x.y")), "NAME . NAME NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("1..real")), "NUMBER . NAME NEWLINE EOF");
}

Test(lexer, number_errors)
{
    struct {
        const char *src, *message;
        int col;
    } bad[] = {
        {"1abc", "invalid decimal literal", 1},
        {"1_", "invalid decimal literal", 2},
        {"1__0", "invalid decimal literal", 2},
        {"0x", "invalid hexadecimal literal", 2},
        {"0xg", "invalid hexadecimal literal", 2},
        {"0o8", "invalid digit '8' in octal literal", 3},
        {"0b2", "invalid digit '2' in binary literal", 3},
        {"0b1_", "invalid binary literal", 4},
        {"012",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
         "for octal integers",
         1},
        {"1e+", "invalid decimal literal", 3},
        {"1jx", "invalid imaginary literal", 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lexed *l = lex_all(bad[i].src);
        cr_expect_eq(l->tokens[l->count - 1].kind, TOK_ERROR, "%s", bad[i].src);
        cr_expect_str_eq(l->d.message, bad[i].message, "%s", bad[i].src);
        cr_expect_eq(l->d.col, bad[i].col, "%s: col %d", bad[i].src, l->d.col);
    }
}

Test(lexer, strings)
{
    const char *good[] = {"'a'",      "\"b\"",  "'''c'''",      "\"\"\"d\"\"\"", "r'\\d'", "R\"x\"",
                          "u'x'",     "f'{x}'", "rf'{x}'",      "Fr'x'",         "b'x'",   "Rb'x'",
                          "'it\\'s'", "''",     "\"\"\"\"\"\"", "'a\\\nb'"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        lexed *l = lex_all(good[i]);
        cr_expect_eq(l->tokens[0].kind, TOK_STRING, "%s", good[i]);
        cr_expect(text_is(&l->tokens[0], good[i]), "%s", good[i]);
    }
    /* Not prefixes: a name, then a string. */
    cr_expect_str_eq(kinds(lex_all("ur'x'")), "NAME STRING NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("bf'x'")), "NAME STRING NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("'a' 'b'")), "STRING STRING NEWLINE EOF");
    /* A triple-quoted string spans lines. */
    lexed *l = lex_all("x = '''a\nbc\nd''' + 1");
    token s = l->tokens[2];
    cr_expect_eq(s.kind, TOK_STRING);
    cr_expect_eq(s.line, 1);
    cr_expect_eq(s.col, 4);
    cr_expect_eq(s.end_line, 3);
    cr_expect_eq(s.end_col, 4);
    cr_expect_eq(l->tokens[3].line, 3);
    cr_expect_eq(l->tokens[3].col, 5);
}

Test(lexer, string_errors)
{
    lexed *l = lex_all("x = 'abc\ny = 1\n");
    cr_expect_str_eq(l->d.message, "unterminated string literal (detected at line 1)");
    cr_expect_eq(l->d.line, 1);
    cr_expect_eq(l->d.col, 5);
    l = lex_all("x = 1\ny = \"\"\"abc\n\nz\n");
    cr_expect_str_eq(l->d.message,
                     "unterminated triple-quoted string literal (detected at line 4)");
    cr_expect_eq(l->d.line, 2);
    cr_expect_eq(l->d.col, 5);
    l = lex_all("s = 'a\\\nb");
    cr_expect_str_eq(l->d.message, "unterminated string literal (detected at line 2)");
}

Test(lexer, operators_and_keywords)
{
    cr_expect_str_eq(
        kinds(lex_all("a**=b//=c>>=d<<=e->f...g:=h")),
        "NAME **= NAME //= NAME >>= NAME <<= NAME -> NAME ... NAME := NAME NEWLINE EOF");
    cr_expect_str_eq(
        kinds(lex_all("a**b//c>>d<<e!=f==g<=h>=i")),
        "NAME ** NAME // NAME >> NAME << NAME != NAME == NAME <= NAME >= NAME NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("@ @= % %= & &= | |= ^ ^= ~ ; , .")),
                     "@ @= % %= & &= | |= ^ ^= ~ ; , . NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("if elif else while for in not is and or def return")),
                     "if elif else while for in not is and or def return NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("None True False lambda pass break continue")),
                     "None True False lambda pass break continue NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("match case _ iffy define")),
                     "NAME NAME NAME NAME NAME NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("$ ?")), "OP OP NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("caf\xc3\xa9 \xce\xbb")), "NAME NAME NEWLINE EOF");
}

Test(lexer, positions)
{
    lexed *l = lex_all("x = foo(1, bar)  # c\n");
    int cols[][2] = {{0, 1}, {2, 3}, {4, 7}, {7, 8}, {8, 9}, {9, 10}, {11, 14}, {14, 15}, {20, 20}};
    for (int i = 0; i < 9; i++) {
        cr_expect_eq(l->tokens[i].col, cols[i][0], "token %d", i);
        cr_expect_eq(l->tokens[i].end_col, cols[i][1], "token %d", i);
    }
    cr_expect_eq(l->tokens[8].kind, TOK_NEWLINE);
    /* Columns are UTF-8 bytes, as in CPython's AST. */
    l = lex_all("'\xc3\xa9' + x");
    cr_expect_eq(l->tokens[0].end_col, 4);
    cr_expect_eq(l->tokens[2].col, 7);
}

Test(lexer, indentation)
{
    cr_expect_str_eq(kinds(lex_all("if x:\n    y\n    z\nw\n")),
                     "if NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT NAME NEWLINE EOF");
    cr_expect_str_eq(
        kinds(lex_all("if x:\n\tif y:\n\t\tz\n")),
        "if NAME : NEWLINE INDENT if NAME : NEWLINE INDENT NAME NEWLINE DEDENT DEDENT EOF");
    /* Blank lines and comments don't count; no NEWLINE inside brackets. */
    cr_expect_str_eq(kinds(lex_all("if x:\n\n  # c\n    y\n")),
                     "if NAME : NEWLINE INDENT NAME NEWLINE DEDENT EOF");
    cr_expect_str_eq(kinds(lex_all("f(1,\n  2)\n")), "NAME ( NUMBER , NUMBER ) NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("x = 1 + \\\n  2\n")), "NAME = NUMBER + NUMBER NEWLINE EOF");
    /* Eight spaces and one tab are the same level when used consistently. */
    cr_expect_str_eq(kinds(lex_all("if x:\n\ty\n\tz\n")),
                     "if NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT EOF");
    cr_expect_str_eq(kinds(lex_all("x = 1")), "NAME = NUMBER NEWLINE EOF");
    cr_expect_str_eq(kinds(lex_all("x = 1\r\ny = 2\r\n")),
                     "NAME = NUMBER NEWLINE NAME = NUMBER NEWLINE EOF");
}

Test(lexer, indentation_errors)
{
    lexed *l = lex_all("if x:\n        y\n\tz\n");
    cr_expect_str_eq(l->d.kind, "TabError");
    cr_expect_str_eq(l->d.message, "inconsistent use of tabs and spaces in indentation");
    cr_expect_eq(l->d.line, 3);
    l = lex_all("if x:\n    y\n  z\n");
    cr_expect_str_eq(l->d.kind, "IndentationError");
    cr_expect_str_eq(l->d.message, "unindent does not match any outer indentation level");
    cr_expect_eq(l->d.line, 3);
    cr_expect_eq(l->d.col, 4);
}

Test(lexer, bracket_errors)
{
    lexed *l = lex_all("x = (1]");
    cr_expect_str_eq(l->d.message,
                     "closing parenthesis ']' does not match opening parenthesis '('");
    l = lex_all("x = (1,\n2]");
    cr_expect_str_eq(l->d.message,
                     "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    l = lex_all("x)");
    cr_expect_str_eq(l->d.message, "unmatched ')'");
    cr_expect_eq(l->d.col, 2);
    char deep[300];
    memset(deep, '(', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    diag d = {0};
    lexer lx;
    lex_init(&lx, deep, strlen(deep), &d);
    int opened = 0;
    while (lex_next(&lx).kind == TOK_LPAR)
        opened++;
    cr_expect_eq(opened, LEX_MAX_PARENS);
    cr_expect_str_eq(d.message, "too many nested parentheses");
}

Test(lexer, character_errors)
{
    lexed *l = lex_all("x = 3 \xe2\x82\xac");
    cr_expect_str_eq(l->d.message, "invalid character '\xe2\x82\xac' (U+20AC)");
    cr_expect_eq(l->d.col, 7);
    l = lex_all("x = \xc2\xa0");
    cr_expect_str_eq(l->d.message, "invalid non-printable character U+00A0");
    l = lex_all("x = \\ 1");
    cr_expect_str_eq(l->d.message, "unexpected character after line continuation character");
    l = lex_all("x = \\");
    cr_expect_str_eq(l->d.message, "unexpected EOF while parsing");
}

Test(lexer, fragments)
{
    /* An f-string field: positions continue those of the enclosing line; newlines are free. */
    const char *line = "s = f'{a +\n b}'";
    diag d = {0};
    lexer lx;
    lex_init_fragment(&lx, line + 7, line + 13, line, 1, &d);
    token a = lex_next(&lx), plus = lex_next(&lx), b = lex_next(&lx), end = lex_next(&lx);
    cr_expect_eq(a.kind, TOK_NAME);
    cr_expect_eq(a.col, 7);
    cr_expect_eq(plus.kind, TOK_PLUS);
    cr_expect_eq(b.line, 2);
    cr_expect_eq(b.col, 1);
    cr_expect_eq(end.kind, TOK_EOF);
}

/* ---- \N{NAME} lookup (lex_names.c over the table generated from unicodedata) ------------- */

static int32_t name_to_code_point(const char *name)
{
    int32_t cp = -1;
    return lex_lookup_name(name, strlen(name), &cp) ? cp : -1;
}

Test(lexer_names, names_aliases_and_case)
{
    cr_expect_eq(name_to_code_point("BULLET"), 0x2022);
    cr_expect_eq(name_to_code_point("bullet"), 0x2022);
    cr_expect_eq(name_to_code_point("Latin Small Letter E With Acute"), 0xE9);
    cr_expect_eq(name_to_code_point("ABACUS"), 0x1F9EE); /* the first name in the table */
    cr_expect_eq(name_to_code_point("zwsp"), 0x200B);    /* the last name (an alias) */
    cr_expect_eq(name_to_code_point("LINE FEED"), 0x0A); /* aliases: control, */
    cr_expect_eq(name_to_code_point("nul"), 0x00);       /* abbreviation, */
    cr_expect_eq(name_to_code_point("LATIN CAPITAL LETTER GHA"), 0x1A2); /* correction */
    cr_expect_eq(name_to_code_point("VS256"), 0xE01EF);
    cr_expect_eq(name_to_code_point("cjk compatibility ideograph-f900"), 0xF900);
    cr_expect_eq(name_to_code_point("BULLE"), -1);
    cr_expect_eq(name_to_code_point("BULLETS"), -1);
    cr_expect_eq(name_to_code_point(" BULLET"), -1);
    cr_expect_eq(name_to_code_point("EM  DASH"), -1);
    cr_expect_eq(name_to_code_point("AAAA"), -1);
    cr_expect_eq(name_to_code_point("ZZZZ"), -1);
    cr_expect_eq(name_to_code_point("caf\xc3\xa9"), -1);
    /* named sequences are for unicodedata.lookup only, not for the codec */
    cr_expect_eq(name_to_code_point("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"), -1);
    /* Tangut ideographs have no names in CPython 3.11 */
    cr_expect_eq(name_to_code_point("TANGUT IDEOGRAPH-17000"), -1);
}

Test(lexer_names, algorithmic_names_are_case_sensitive)
{
    cr_expect_eq(name_to_code_point("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
    cr_expect_eq(name_to_code_point("CJK UNIFIED IDEOGRAPH-3134A"), 0x3134A);
    cr_expect_eq(name_to_code_point("CJK UNIFIED IDEOGRAPH-4e00"), -1);
    cr_expect_eq(name_to_code_point("cjk unified ideograph-4E00"), -1);
    cr_expect_eq(name_to_code_point("CJK UNIFIED IDEOGRAPH-4E0"), -1);
    cr_expect_eq(name_to_code_point("CJK UNIFIED IDEOGRAPH-2A6E0"), -1); /* between extensions */
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE GA"), 0xAC00);
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE GAGG"), 0xAC02);
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE A"), 0xC544);   /* the empty leading jamo */
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE HIH"), 0xD7A3); /* the last syllable */
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE gag"), -1);
    cr_expect_eq(name_to_code_point("hangul syllable GAG"), -1);
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE GAGX"), -1);
    cr_expect_eq(name_to_code_point("HANGUL SYLLABLE "), -1);
}
