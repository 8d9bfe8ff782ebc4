/* The AST as text, character for character what CPython 3.11's ast.dump(tree, indent=2)
 * prints: the same field order, the same omission of absent optional fields, the same rule
 * for putting a node on one line (at most three simple fields), the same reprs. */
#include "ast_dump.h"

#include "arena.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every formatted piece lives in a scratch arena until the final copy. */
typedef struct dumper {
    arena a;
    bool attributes;
} dumper;

/* A formatted value and whether ast.dump counts it as "simple" (a leaf, an empty list, or a
 * node without fields such as Load()). */
typedef struct piece {
    const char *text;
    bool simple;
} piece;

/* The fields of one node being formatted: "name=value" strings. */
enum { MAX_FIELDS = 12 };

typedef struct node_fmt {
    dumper *d;
    const char *cls;
    int level;
    int count;
    const char *fields[MAX_FIELDS];
    bool all_simple;
} node_fmt;

static node_fmt node_begin(dumper *d, const char *cls, int level)
{
    node_fmt f = {.d = d, .cls = cls, .level = level + 1, .all_simple = true};
    return f;
}

static void field(node_fmt *f, const char *name, piece value)
{
    f->fields[f->count++] = arena_printf(&f->d->a, "%s=%s", name, value.text);
    f->all_simple = f->all_simple && value.simple;
}

static piece leaf(dumper *d, const char *text)
{
    piece p = {arena_strdup(&d->a, text), true};
    return p;
}

static piece int_leaf(dumper *d, long v)
{
    piece p = {arena_printf(&d->a, "%ld", v), true};
    return p;
}

/* Joins the fields: on one line when all are simple and there are at most three, else one
 * per line indented to the node's depth. */
static piece join(dumper *d, const char *open, const char *const *items, int n, bool one_line,
                  int level, const char *close)
{
    size_t size = strlen(open) + strlen(close) + 1;
    for (int i = 0; i < n; i++)
        size += strlen(items[i]) + 3 + 2 * (size_t)level;
    char *out = arena_alloc(&d->a, size), *o = out;
    o += sprintf(o, "%s", open);
    for (int i = 0; i < n; i++) {
        if (one_line) {
            o += sprintf(o, "%s%s", i ? ", " : "", items[i]);
        } else {
            o += sprintf(o, "%s\n%*s%s", i ? "," : "", 2 * level, "", items[i]);
        }
    }
    sprintf(o, "%s", close);
    piece p = {out, false};
    return p;
}

static piece node_end(node_fmt *f)
{
    const char *open = arena_printf(&f->d->a, "%s(", f->cls);
    bool one_line = f->all_simple && f->count <= 3;
    piece p = join(f->d, open, f->fields, f->count, one_line, f->level, ")");
    p.simple = one_line && f->count == 0;
    return p;
}

static void location(node_fmt *f, ast_loc loc)
{
    if (!f->d->attributes)
        return;
    field(f, "lineno", int_leaf(f->d, loc.line));
    field(f, "col_offset", int_leaf(f->d, loc.col));
    field(f, "end_lineno", int_leaf(f->d, loc.end_line));
    field(f, "end_col_offset", int_leaf(f->d, loc.end_col));
}

/* A list of already formatted pieces: '[]' when empty, else one item per line. */
static piece list_of(dumper *d, piece *items, int n, int level)
{
    if (n == 0) {
        piece p = {"[]", true};
        return p;
    }
    const char **texts = arena_alloc(&d->a, sizeof *texts * (size_t)n);
    for (int i = 0; i < n; i++)
        texts[i] = items[i].text;
    return join(d, "[", texts, n, false, level + 1, "]");
}

/* ---- reprs ---------------------------------------------------------------------------- */

/* Decodes UTF-8, accepting the 3-byte form of surrogates that \ud800 escapes produce. */
static long next_codepoint(const unsigned char **s, const unsigned char *end)
{
    const unsigned char *p = *s;
    int n = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
    if (p + n > end || (n > 1 && p[0] < 0xc0)) {
        *s += 1;
        return p[0];
    }
    long c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1f : n == 3 ? p[0] & 0x0f : p[0] & 0x07;
    for (int i = 1; i < n; i++)
        c = (c << 6) | (p[i] & 0x3f);
    *s += n;
    return c;
}

/* Non-ASCII code points str.isprintable() rejects, as far as source text contains them. */
static bool printable(long c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0xad)
        return false;
    if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
        (c >= 0x205f && c <= 0x206f) || c == 0x3000 || c == 0xfeff || c == 0x1680)
        return false;
    if ((c >= 0xd800 && c <= 0xf8ff) || (c >= 0xfff0 && c <= 0xfffb) || c > 0x10ffff)
        return false;
    return true;
}

/* Python's repr() of a str: single quotes unless the text has ' and no ". */
static piece str_repr(dumper *d, const char *s, size_t n)
{
    bool has_single = memchr(s, '\'', n) != NULL, has_double = memchr(s, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char *out = arena_alloc(&d->a, n * 10 + 3), *o = out;
    *o++ = quote;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        const unsigned char *at = p;
        long c = next_codepoint(&p, end);
        if (c == quote || c == '\\')
            o += sprintf(o, "\\%c", (int)c);
        else if (c == '\t')
            o += sprintf(o, "\\t");
        else if (c == '\n')
            o += sprintf(o, "\\n");
        else if (c == '\r')
            o += sprintf(o, "\\r");
        else if (printable(c)) {
            memcpy(o, at, (size_t)(p - at));
            o += p - at;
        } else if (c < 0x100)
            o += sprintf(o, "\\x%02lx", c);
        else if (c < 0x10000)
            o += sprintf(o, "\\u%04lx", c);
        else
            o += sprintf(o, "\\U%08lx", c);
    }
    *o++ = quote;
    *o = '\0';
    piece r = {out, true};
    return r;
}

/* Python's repr() of a float: the shortest digits that read back the same, in fixed notation
 * for exponents from -4 to 15 and scientific notation otherwise. */
static piece float_repr(dumper *d, double v)
{
    if (isinf(v))
        return leaf(d, v > 0 ? "inf" : "-inf");
    if (isnan(v))
        return leaf(d, "nan");
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    char digits[32];
    int n = 0;
    const char *c = buf;
    bool negative = *c == '-';
    if (negative)
        c++;
    for (; *c != 'e'; c++)
        if (*c != '.')
            digits[n++] = *c;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    int decpt = atoi(c + 1) + 1;
    char out[64], *o = out;
    if (negative)
        *o++ = '-';
    if (v == 0) {
        sprintf(o, "0.0");
    } else if (decpt <= -4 || decpt > 16) {
        o += sprintf(o, "%c", digits[0]);
        if (n > 1)
            o += sprintf(o, ".%s", digits + 1);
        sprintf(o, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
    } else if (decpt <= 0) {
        sprintf(o, "0.%0*d%s", -decpt, 0, digits);
        if (decpt == 0)
            sprintf(o, "0.%s", digits);
    } else if (decpt >= n) {
        sprintf(o, "%s%0*d.0", digits, decpt - n, 0);
        if (decpt == n)
            sprintf(o, "%s.0", digits);
    } else {
        sprintf(o, "%.*s.%s", decpt, digits, digits + decpt);
    }
    return leaf(d, out);
}

static piece constant_repr(dumper *d, const ast_constant *c)
{
    switch (c->kind) {
    case CONST_NONE: return leaf(d, "None");
    case CONST_TRUE: return leaf(d, "True");
    case CONST_FALSE: return leaf(d, "False");
    case CONST_ELLIPSIS: return leaf(d, "Ellipsis");
    case CONST_INT: return leaf(d, c->int_digits);
    case CONST_FLOAT: return float_repr(d, c->float_value);
    case CONST_STR: return str_repr(d, c->str, c->str_len);
    }
    return leaf(d, "None");
}

/* ---- operators and contexts ----------------------------------------------------------- */

static const char *const bin_op_names[BIN_OP_COUNT] = {
    [BIN_ADD] = "Add()",           [BIN_SUB] = "Sub()",       [BIN_MULT] = "Mult()",
    [BIN_MATMULT] = "MatMult()",   [BIN_DIV] = "Div()",       [BIN_MOD] = "Mod()",
    [BIN_POW] = "Pow()",           [BIN_LSHIFT] = "LShift()", [BIN_RSHIFT] = "RShift()",
    [BIN_BITOR] = "BitOr()",       [BIN_BITXOR] = "BitXor()", [BIN_BITAND] = "BitAnd()",
    [BIN_FLOORDIV] = "FloorDiv()",
};

static const char *const cmp_op_names[CMP_OP_COUNT] = {
    [CMP_EQ] = "Eq()", [CMP_NOTEQ] = "NotEq()", [CMP_LT] = "Lt()", [CMP_LTE] = "LtE()",
    [CMP_GT] = "Gt()", [CMP_GTE] = "GtE()",     [CMP_IS] = "Is()", [CMP_ISNOT] = "IsNot()",
    [CMP_IN] = "In()", [CMP_NOTIN] = "NotIn()",
};

static const char *const unary_op_names[] = {
    [UNARY_INVERT] = "Invert()",
    [UNARY_NOT] = "Not()",
    [UNARY_UADD] = "UAdd()",
    [UNARY_USUB] = "USub()",
};

static piece ctx_piece(dumper *d, ast_ctx ctx)
{
    return leaf(d, ctx == CTX_LOAD ? "Load()" : ctx == CTX_STORE ? "Store()" : "Del()");
}

/* ---- nodes ---------------------------------------------------------------------------- */

static piece expr(dumper *d, const ast_expr *e, int level);
static piece stmt_list(dumper *d, ast_stmt_list body, int level);

static piece expr_list(dumper *d, ast_expr_list l, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(l.count + 1));
    for (int i = 0; i < l.count; i++)
        items[i] = expr(d, l.items[i], level + 1);
    return list_of(d, items, l.count, level);
}

/* A list of expressions in which NULL prints as None (kw_defaults, dict keys). */
static piece expr_array(dumper *d, ast_expr *const *l, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        items[i] = l[i] ? expr(d, l[i], level + 1) : leaf(d, "None");
    return list_of(d, items, n, level);
}

static piece arg(dumper *d, const ast_arg *a, int level)
{
    node_fmt f = node_begin(d, "arg", level);
    field(&f, "arg", str_repr(d, a->name, strlen(a->name)));
    if (a->annotation)
        field(&f, "annotation", expr(d, a->annotation, f.level));
    location(&f, a->loc);
    return node_end(&f);
}

static piece arg_list(dumper *d, const ast_arg *args, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        items[i] = arg(d, &args[i], level + 1);
    return list_of(d, items, n, level);
}

static piece arguments(dumper *d, const ast_arguments *a, int level)
{
    node_fmt f = node_begin(d, "arguments", level);
    field(&f, "posonlyargs", arg_list(d, a->posonlyargs, a->nposonlyargs, f.level));
    field(&f, "args", arg_list(d, a->args, a->nargs, f.level));
    if (a->vararg)
        field(&f, "vararg", arg(d, a->vararg, f.level));
    field(&f, "kwonlyargs", arg_list(d, a->kwonlyargs, a->nkwonlyargs, f.level));
    field(&f, "kw_defaults", expr_array(d, a->kw_defaults, a->nkwonlyargs, f.level));
    if (a->kwarg)
        field(&f, "kwarg", arg(d, a->kwarg, f.level));
    field(&f, "defaults", expr_array(d, a->defaults, a->ndefaults, f.level));
    return node_end(&f);
}

static piece keywords(dumper *d, const ast_keyword *k, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        node_fmt f = node_begin(d, "keyword", level + 1);
        if (k[i].arg)
            field(&f, "arg", str_repr(d, k[i].arg, strlen(k[i].arg)));
        field(&f, "value", expr(d, k[i].value, f.level));
        location(&f, k[i].loc);
        items[i] = node_end(&f);
    }
    return list_of(d, items, n, level);
}

static piece comprehensions(dumper *d, const ast_comprehension *g, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        node_fmt f = node_begin(d, "comprehension", level + 1);
        field(&f, "target", expr(d, g[i].target, f.level));
        field(&f, "iter", expr(d, g[i].iter, f.level));
        field(&f, "ifs", expr_list(d, g[i].ifs, f.level));
        field(&f, "is_async", int_leaf(d, 0));
        items[i] = node_end(&f);
    }
    return list_of(d, items, n, level);
}

/* The fields of expressions with operands and operators. */
static void operator_fields(dumper *d, node_fmt *f, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_BOOL_OP:
        field(f, "op", leaf(d, e->as.bool_op.op == BOOL_AND ? "And()" : "Or()"));
        field(f, "values", expr_list(d, e->as.bool_op.values, f->level));
        break;
    case EXPR_BIN_OP:
        field(f, "left", expr(d, e->as.bin_op.left, f->level));
        field(f, "op", leaf(d, bin_op_names[e->as.bin_op.op]));
        field(f, "right", expr(d, e->as.bin_op.right, f->level));
        break;
    case EXPR_UNARY_OP:
        field(f, "op", leaf(d, unary_op_names[e->as.unary_op.op]));
        field(f, "operand", expr(d, e->as.unary_op.operand, f->level));
        break;
    case EXPR_COMPARE: {
        int n = e->as.compare.comparators.count;
        piece *ops = arena_alloc(&d->a, sizeof *ops * (size_t)(n + 1));
        for (int i = 0; i < n; i++)
            ops[i] = leaf(d, cmp_op_names[e->as.compare.ops[i]]);
        field(f, "left", expr(d, e->as.compare.left, f->level));
        field(f, "ops", list_of(d, ops, n, f->level));
        field(f, "comparators", expr_list(d, e->as.compare.comparators, f->level));
        break;
    }
    default: break;
    }
}

/* The fields of displays and comprehensions. */
static void container_fields(dumper *d, node_fmt *f, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_DICT:
        field(f, "keys", expr_array(d, e->as.dict.keys, e->as.dict.count, f->level));
        field(f, "values", expr_array(d, e->as.dict.values, e->as.dict.count, f->level));
        break;
    case EXPR_SET: field(f, "elts", expr_list(d, e->as.set.elts, f->level)); break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_GENERATOR_EXP:
        field(f, "elt", expr(d, e->as.comp.elt, f->level));
        field(f, "generators",
              comprehensions(d, e->as.comp.generators, e->as.comp.ngenerators, f->level));
        break;
    case EXPR_DICT_COMP:
        field(f, "key", expr(d, e->as.comp.key, f->level));
        field(f, "value", expr(d, e->as.comp.value, f->level));
        field(f, "generators",
              comprehensions(d, e->as.comp.generators, e->as.comp.ngenerators, f->level));
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        field(f, "elts", expr_list(d, e->as.list.elts, f->level));
        field(f, "ctx", ctx_piece(d, e->as.list.ctx));
        break;
    default: break;
    }
}

/* The fields of the remaining expressions. */
static void other_fields(dumper *d, node_fmt *f, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_LAMBDA:
        field(f, "args", arguments(d, e->as.lambda.args, f->level));
        field(f, "body", expr(d, e->as.lambda.body, f->level));
        break;
    case EXPR_IF_EXP:
        field(f, "test", expr(d, e->as.if_exp.test, f->level));
        field(f, "body", expr(d, e->as.if_exp.body, f->level));
        field(f, "orelse", expr(d, e->as.if_exp.orelse, f->level));
        break;
    case EXPR_CALL:
        field(f, "func", expr(d, e->as.call.func, f->level));
        field(f, "args", expr_list(d, e->as.call.args, f->level));
        field(f, "keywords", keywords(d, e->as.call.keywords, e->as.call.nkeywords, f->level));
        break;
    case EXPR_FORMATTED_VALUE:
        field(f, "value", expr(d, e->as.formatted_value.value, f->level));
        field(f, "conversion", int_leaf(d, e->as.formatted_value.conversion));
        if (e->as.formatted_value.format_spec)
            field(f, "format_spec", expr(d, e->as.formatted_value.format_spec, f->level));
        break;
    case EXPR_JOINED_STR:
        field(f, "values", expr_list(d, e->as.joined_str.values, f->level));
        break;
    case EXPR_CONSTANT:
        field(f, "value", constant_repr(d, &e->as.constant));
        if (e->as.constant.kind_u)
            field(f, "kind", leaf(d, "'u'"));
        break;
    case EXPR_ATTRIBUTE:
        field(f, "value", expr(d, e->as.attribute.value, f->level));
        field(f, "attr", str_repr(d, e->as.attribute.attr, strlen(e->as.attribute.attr)));
        field(f, "ctx", ctx_piece(d, e->as.attribute.ctx));
        break;
    case EXPR_SUBSCRIPT:
        field(f, "value", expr(d, e->as.subscript.value, f->level));
        field(f, "slice", expr(d, e->as.subscript.slice, f->level));
        field(f, "ctx", ctx_piece(d, e->as.subscript.ctx));
        break;
    case EXPR_STARRED:
        field(f, "value", expr(d, e->as.starred.value, f->level));
        field(f, "ctx", ctx_piece(d, e->as.starred.ctx));
        break;
    case EXPR_NAME:
        field(f, "id", str_repr(d, e->as.name.id, strlen(e->as.name.id)));
        field(f, "ctx", ctx_piece(d, e->as.name.ctx));
        break;
    case EXPR_SLICE:
        if (e->as.slice.lower)
            field(f, "lower", expr(d, e->as.slice.lower, f->level));
        if (e->as.slice.upper)
            field(f, "upper", expr(d, e->as.slice.upper, f->level));
        if (e->as.slice.step)
            field(f, "step", expr(d, e->as.slice.step, f->level));
        break;
    default: break;
    }
}

static const char *const expr_names[] = {
    [EXPR_BOOL_OP] = "BoolOp",
    [EXPR_BIN_OP] = "BinOp",
    [EXPR_UNARY_OP] = "UnaryOp",
    [EXPR_LAMBDA] = "Lambda",
    [EXPR_IF_EXP] = "IfExp",
    [EXPR_DICT] = "Dict",
    [EXPR_SET] = "Set",
    [EXPR_LIST_COMP] = "ListComp",
    [EXPR_SET_COMP] = "SetComp",
    [EXPR_DICT_COMP] = "DictComp",
    [EXPR_GENERATOR_EXP] = "GeneratorExp",
    [EXPR_COMPARE] = "Compare",
    [EXPR_CALL] = "Call",
    [EXPR_FORMATTED_VALUE] = "FormattedValue",
    [EXPR_JOINED_STR] = "JoinedStr",
    [EXPR_CONSTANT] = "Constant",
    [EXPR_ATTRIBUTE] = "Attribute",
    [EXPR_SUBSCRIPT] = "Subscript",
    [EXPR_STARRED] = "Starred",
    [EXPR_NAME] = "Name",
    [EXPR_LIST] = "List",
    [EXPR_TUPLE] = "Tuple",
    [EXPR_SLICE] = "Slice",
};

static piece expr(dumper *d, const ast_expr *e, int level)
{
    node_fmt f = node_begin(d, expr_names[e->kind], level);
    operator_fields(d, &f, e);
    container_fields(d, &f, e);
    other_fields(d, &f, e);
    location(&f, e->loc);
    return node_end(&f);
}

static piece names_list(dumper *d, const char *const *names, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        items[i] = str_repr(d, names[i], strlen(names[i]));
    return list_of(d, items, n, level);
}

static piece aliases(dumper *d, const ast_alias *al, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        node_fmt f = node_begin(d, "alias", level + 1);
        field(&f, "name", str_repr(d, al[i].name, strlen(al[i].name)));
        if (al[i].asname)
            field(&f, "asname", str_repr(d, al[i].asname, strlen(al[i].asname)));
        location(&f, al[i].loc);
        items[i] = node_end(&f);
    }
    return list_of(d, items, n, level);
}

static piece handlers(dumper *d, const ast_excepthandler *h, int n, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        node_fmt f = node_begin(d, "ExceptHandler", level + 1);
        if (h[i].type)
            field(&f, "type", expr(d, h[i].type, f.level));
        if (h[i].name)
            field(&f, "name", str_repr(d, h[i].name, strlen(h[i].name)));
        field(&f, "body", stmt_list(d, h[i].body, f.level));
        location(&f, h[i].loc);
        items[i] = node_end(&f);
    }
    return list_of(d, items, n, level);
}

/* The fields of compound statements. */
static void compound_fields(dumper *d, node_fmt *f, const ast_stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTION_DEF:
        field(f, "name", str_repr(d, s->as.function_def.name, strlen(s->as.function_def.name)));
        field(f, "args", arguments(d, s->as.function_def.args, f->level));
        field(f, "body", stmt_list(d, s->as.function_def.body, f->level));
        field(f, "decorator_list", expr_list(d, s->as.function_def.decorator_list, f->level));
        if (s->as.function_def.returns)
            field(f, "returns", expr(d, s->as.function_def.returns, f->level));
        break;
    case STMT_FOR:
        field(f, "target", expr(d, s->as.for_.target, f->level));
        field(f, "iter", expr(d, s->as.for_.iter, f->level));
        field(f, "body", stmt_list(d, s->as.for_.body, f->level));
        field(f, "orelse", stmt_list(d, s->as.for_.orelse, f->level));
        break;
    case STMT_WHILE:
    case STMT_IF:
        field(f, "test", expr(d, s->as.while_.test, f->level));
        field(f, "body", stmt_list(d, s->as.while_.body, f->level));
        field(f, "orelse", stmt_list(d, s->as.while_.orelse, f->level));
        break;
    case STMT_TRY:
        field(f, "body", stmt_list(d, s->as.try_.body, f->level));
        field(f, "handlers", handlers(d, s->as.try_.handlers, s->as.try_.nhandlers, f->level));
        field(f, "orelse", stmt_list(d, s->as.try_.orelse, f->level));
        field(f, "finalbody", stmt_list(d, s->as.try_.finalbody, f->level));
        break;
    default: break;
    }
}

/* The fields of assignments. */
static void assign_fields(dumper *d, node_fmt *f, const ast_stmt *s)
{
    switch (s->kind) {
    case STMT_DELETE: field(f, "targets", expr_list(d, s->as.delete_.targets, f->level)); break;
    case STMT_ASSIGN:
        field(f, "targets", expr_list(d, s->as.assign.targets, f->level));
        field(f, "value", expr(d, s->as.assign.value, f->level));
        break;
    case STMT_AUG_ASSIGN:
        field(f, "target", expr(d, s->as.aug_assign.target, f->level));
        field(f, "op", leaf(d, bin_op_names[s->as.aug_assign.op]));
        field(f, "value", expr(d, s->as.aug_assign.value, f->level));
        break;
    case STMT_ANN_ASSIGN:
        field(f, "target", expr(d, s->as.ann_assign.target, f->level));
        field(f, "annotation", expr(d, s->as.ann_assign.annotation, f->level));
        if (s->as.ann_assign.value)
            field(f, "value", expr(d, s->as.ann_assign.value, f->level));
        field(f, "simple", int_leaf(d, s->as.ann_assign.simple));
        break;
    default: break;
    }
}

/* The fields of the other simple statements. */
static void simple_fields(dumper *d, node_fmt *f, const ast_stmt *s)
{
    switch (s->kind) {
    case STMT_RETURN:
        if (s->as.return_.value)
            field(f, "value", expr(d, s->as.return_.value, f->level));
        break;
    case STMT_RAISE:
        if (s->as.raise.exc)
            field(f, "exc", expr(d, s->as.raise.exc, f->level));
        if (s->as.raise.cause)
            field(f, "cause", expr(d, s->as.raise.cause, f->level));
        break;
    case STMT_ASSERT:
        field(f, "test", expr(d, s->as.assert_.test, f->level));
        if (s->as.assert_.msg)
            field(f, "msg", expr(d, s->as.assert_.msg, f->level));
        break;
    case STMT_IMPORT:
        field(f, "names", aliases(d, s->as.import.names, s->as.import.count, f->level));
        break;
    case STMT_IMPORT_FROM:
        if (s->as.import_from.module)
            field(f, "module",
                  str_repr(d, s->as.import_from.module, strlen(s->as.import_from.module)));
        field(f, "names", aliases(d, s->as.import_from.names, s->as.import_from.count, f->level));
        field(f, "level", int_leaf(d, s->as.import_from.level));
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        field(f, "names", names_list(d, s->as.global.names, s->as.global.count, f->level));
        break;
    case STMT_EXPR: field(f, "value", expr(d, s->as.expr.value, f->level)); break;
    default: break;
    }
}

static const char *const stmt_names[] = {
    [STMT_FUNCTION_DEF] = "FunctionDef",
    [STMT_RETURN] = "Return",
    [STMT_DELETE] = "Delete",
    [STMT_ASSIGN] = "Assign",
    [STMT_AUG_ASSIGN] = "AugAssign",
    [STMT_ANN_ASSIGN] = "AnnAssign",
    [STMT_FOR] = "For",
    [STMT_WHILE] = "While",
    [STMT_IF] = "If",
    [STMT_RAISE] = "Raise",
    [STMT_TRY] = "Try",
    [STMT_ASSERT] = "Assert",
    [STMT_IMPORT] = "Import",
    [STMT_IMPORT_FROM] = "ImportFrom",
    [STMT_GLOBAL] = "Global",
    [STMT_NONLOCAL] = "Nonlocal",
    [STMT_EXPR] = "Expr",
    [STMT_PASS] = "Pass",
    [STMT_BREAK] = "Break",
    [STMT_CONTINUE] = "Continue",
};

static piece stmt(dumper *d, const ast_stmt *s, int level)
{
    node_fmt f = node_begin(d, stmt_names[s->kind], level);
    compound_fields(d, &f, s);
    assign_fields(d, &f, s);
    simple_fields(d, &f, s);
    location(&f, s->loc);
    return node_end(&f);
}

static piece stmt_list(dumper *d, ast_stmt_list body, int level)
{
    piece *items = arena_alloc(&d->a, sizeof *items * (size_t)(body.count + 1));
    for (int i = 0; i < body.count; i++)
        items[i] = stmt(d, body.items[i], level + 1);
    return list_of(d, items, body.count, level);
}

char *ast_dump(const ast_module *m, bool include_attributes)
{
    dumper d = {.attributes = include_attributes};
    arena_init(&d.a);
    node_fmt f = node_begin(&d, "Module", 0);
    field(&f, "body", stmt_list(&d, m->body, f.level));
    field(&f, "type_ignores", leaf(&d, "[]"));
    piece p = node_end(&f);
    char *out = strdup(p.text);
    arena_free(&d.a);
    return out;
}
