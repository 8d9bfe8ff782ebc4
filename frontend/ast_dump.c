/* The AST as text, character for character what CPython 3.11's ast.dump(tree, indent=2)
 * prints: the same field order, the same omission of absent optional fields, the same rule
 * for putting a node on one line (at most three simple fields), the same reprs. The text is
 * written in one pass: whether a node fits on one line depends only on the kinds of its field
 * values, which are known before any of them is written. */
#include "ast_dump.h"

#include "arena.h"
#include "lexer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The output, and a scratch arena for the text of leaves (reprs, numbers). */
typedef struct dumper {
    char *out;
    size_t len, cap;
    arena a;
    bool attributes;
} dumper;

static void put_n(dumper *d, const char *s, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        size_t cap = d->cap ? d->cap : 4096;
        while (cap < d->len + n + 1)
            cap *= 2;
        char *out = realloc(d->out, cap);
        if (!out)
            abort(); /* out of memory: there is no way to report it from here */
        d->out = out;
        d->cap = cap;
    }
    memcpy(d->out + d->len, s, n);
    d->len += n;
    d->out[d->len] = '\0';
}

static void put(dumper *d, const char *s) { put_n(d, s, strlen(s)); }

static void put_indent(dumper *d, int level)
{
    put(d, "\n");
    for (int i = 0; i < level; i++)
        put_n(d, "  ", 2);
}

/* A field's value: a leaf's text (simple), or something written by `write` at the node's
 * depth: a node (never simple) or a list (simple only when empty, printed []). */
typedef struct value {
    const char *leaf;
    void (*write)(dumper *d, const void *item, int level);
    const void *item;
    bool empty;
} value;

static value leaf(dumper *d, const char *text)
{
    value v = {.leaf = arena_strdup(&d->a, text)};
    return v;
}

static value int_leaf(dumper *d, long n)
{
    value v = {.leaf = arena_printf(&d->a, "%ld", n)};
    return v;
}

static value written(void (*write)(dumper *, const void *, int), const void *item)
{
    value v = {.write = write, .item = item};
    return v;
}

/* A list of `count` items written by `write`; empty lists are the leaf []. */
static value list_value(void (*write)(dumper *, const void *, int), const void *item, int count)
{
    value v = {.write = write, .item = item, .empty = count == 0};
    if (count == 0)
        v.leaf = "[]";
    return v;
}

/* The fields of one node, gathered before it is written. */
enum { MAX_FIELDS = 12 };

typedef struct node_fmt {
    dumper *d;
    const char *cls;
    int level; /* the depth of the node's fields */
    int count;
    const char *names[MAX_FIELDS];
    value values[MAX_FIELDS];
} node_fmt;

static node_fmt node_begin(dumper *d, const char *cls, int level)
{
    node_fmt f = {.d = d, .cls = cls, .level = level + 1};
    return f;
}

static void field(node_fmt *f, const char *name, value v)
{
    f->names[f->count] = name;
    f->values[f->count++] = v;
}

static void write_value(dumper *d, const value *v, int level)
{
    if (v->leaf)
        put(d, v->leaf);
    else
        v->write(d, v->item, level);
}

/* Cls(a=1, b=2) when there are at most three fields, all simple; else one field per line. */
static void node_end(node_fmt *f)
{
    bool one_line = f->count <= 3;
    for (int i = 0; i < f->count; i++)
        one_line = one_line && f->values[i].leaf != NULL;
    put(f->d, f->cls);
    put(f->d, "(");
    for (int i = 0; i < f->count; i++) {
        if (one_line) {
            if (i)
                put(f->d, ", ");
        } else {
            if (i)
                put(f->d, ",");
            put_indent(f->d, f->level);
        }
        put(f->d, f->names[i]);
        put(f->d, "=");
        write_value(f->d, &f->values[i], f->level);
    }
    put(f->d, ")");
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

/* Lists: '[' then each item on its own line one level deeper, then ']'. */
typedef void (*item_writer)(dumper *d, const void *items, int index, int level);

static void write_list(dumper *d, const void *items, int count, item_writer write_item, int level)
{
    put(d, "[");
    for (int i = 0; i < count; i++) {
        if (i)
            put(d, ",");
        put_indent(d, level + 1);
        write_item(d, items, i, level + 1);
    }
    put(d, "]");
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

/* Python's repr() of a str: single quotes unless the text has ' and no ". */
static value str_repr(dumper *d, const char *s, size_t n)
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
        else if (c <= 0x10ffff && lex_is_printable((int32_t)c)) {
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
    return leaf(d, out);
}

/* Python's repr() of a float: the shortest digits that read back the same, in fixed notation
 * for exponents from -4 to 15 and scientific notation otherwise. */
static value float_repr(dumper *d, double v)
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

static value constant_repr(dumper *d, const ast_constant *c)
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

static value ctx_value(dumper *d, ast_ctx ctx)
{
    return leaf(d, ctx == CTX_LOAD ? "Load()" : ctx == CTX_STORE ? "Store()" : "Del()");
}

/* ---- nodes ---------------------------------------------------------------------------- */

static void write_expr(dumper *d, const void *item, int level);
static void write_stmt(dumper *d, const void *item, int level);

/* An array and its length, as one pointer for a list value. */
typedef struct array {
    const void *items;
    int count;
} array;

static void expr_item(dumper *d, const void *items, int i, int level)
{
    const ast_expr *const *l = items;
    if (l[i])
        write_expr(d, l[i], level);
    else
        put(d, "None"); /* kw_defaults and dict keys may hold None */
}

static void write_exprs(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, expr_item, level);
}

/* A list of expressions; the array must outlive the node it belongs to being written. */
static value exprs(array *a, ast_expr *const *items, int count)
{
    a->items = items;
    a->count = count;
    return list_value(write_exprs, a, count);
}

static value expr_value(const ast_expr *e) { return written(write_expr, e); }

static void stmt_item(dumper *d, const void *items, int i, int level)
{
    write_stmt(d, ((ast_stmt *const *)items)[i], level);
}

static void write_stmts(dumper *d, const void *item, int level)
{
    const ast_stmt_list *l = item;
    write_list(d, l->items, l->count, stmt_item, level);
}

static value stmts(const ast_stmt_list *l) { return list_value(write_stmts, l, l->count); }

static void write_arg(dumper *d, const void *item, int level)
{
    const ast_arg *a = item;
    node_fmt f = node_begin(d, "arg", level);
    field(&f, "arg", str_repr(d, a->name, strlen(a->name)));
    if (a->annotation)
        field(&f, "annotation", expr_value(a->annotation));
    location(&f, a->loc);
    node_end(&f);
}

static void arg_item(dumper *d, const void *items, int i, int level)
{
    write_arg(d, &((const ast_arg *)items)[i], level);
}

static void write_args(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, arg_item, level);
}

static value args_value(array *a, const ast_arg *items, int count)
{
    a->items = items;
    a->count = count;
    return list_value(write_args, a, count);
}

static void write_arguments(dumper *d, const void *item, int level)
{
    const ast_arguments *a = item;
    array posonly, args, kwonly, kw_defaults, defaults;
    node_fmt f = node_begin(d, "arguments", level);
    field(&f, "posonlyargs", args_value(&posonly, a->posonlyargs, a->nposonlyargs));
    field(&f, "args", args_value(&args, a->args, a->nargs));
    if (a->vararg)
        field(&f, "vararg", written(write_arg, a->vararg));
    field(&f, "kwonlyargs", args_value(&kwonly, a->kwonlyargs, a->nkwonlyargs));
    field(&f, "kw_defaults", exprs(&kw_defaults, a->kw_defaults, a->nkwonlyargs));
    if (a->kwarg)
        field(&f, "kwarg", written(write_arg, a->kwarg));
    field(&f, "defaults", exprs(&defaults, a->defaults, a->ndefaults));
    node_end(&f);
}

static void keyword_item(dumper *d, const void *items, int i, int level)
{
    const ast_keyword *k = &((const ast_keyword *)items)[i];
    node_fmt f = node_begin(d, "keyword", level);
    if (k->arg)
        field(&f, "arg", str_repr(d, k->arg, strlen(k->arg)));
    field(&f, "value", expr_value(k->value));
    location(&f, k->loc);
    node_end(&f);
}

static void write_keywords(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, keyword_item, level);
}

static void comprehension_item(dumper *d, const void *items, int i, int level)
{
    const ast_comprehension *g = &((const ast_comprehension *)items)[i];
    node_fmt f = node_begin(d, "comprehension", level);
    field(&f, "target", expr_value(g->target));
    field(&f, "iter", expr_value(g->iter));
    array ifs;
    field(&f, "ifs", exprs(&ifs, g->ifs.items, g->ifs.count));
    field(&f, "is_async", int_leaf(d, 0));
    node_end(&f);
}

static void write_comprehensions(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, comprehension_item, level);
}

static void cmp_op_item(dumper *d, const void *items, int i, int level)
{
    put(d, cmp_op_names[((const ast_cmp_op *)items)[i]]);
}

static void write_cmp_ops(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, cmp_op_item, level);
}

/* The fields of expressions with operands and operators. */
static void operator_fields(dumper *d, node_fmt *f, const ast_expr *e, array *lists)
{
    switch (e->kind) {
    case EXPR_BOOL_OP:
        field(f, "op", leaf(d, e->as.bool_op.op == BOOL_AND ? "And()" : "Or()"));
        field(f, "values",
              exprs(&lists[0], e->as.bool_op.values.items, e->as.bool_op.values.count));
        break;
    case EXPR_BIN_OP:
        field(f, "left", expr_value(e->as.bin_op.left));
        field(f, "op", leaf(d, bin_op_names[e->as.bin_op.op]));
        field(f, "right", expr_value(e->as.bin_op.right));
        break;
    case EXPR_UNARY_OP:
        field(f, "op", leaf(d, unary_op_names[e->as.unary_op.op]));
        field(f, "operand", expr_value(e->as.unary_op.operand));
        break;
    case EXPR_COMPARE: {
        int n = e->as.compare.comparators.count;
        lists[0] = (array){e->as.compare.ops, n};
        field(f, "left", expr_value(e->as.compare.left));
        field(f, "ops", list_value(write_cmp_ops, &lists[0], n));
        field(f, "comparators", exprs(&lists[1], e->as.compare.comparators.items, n));
        break;
    }
    default: break;
    }
}

/* The fields of displays and comprehensions. */
static void container_fields(dumper *d, node_fmt *f, const ast_expr *e, array *lists)
{
    switch (e->kind) {
    case EXPR_DICT:
        field(f, "keys", exprs(&lists[0], e->as.dict.keys, e->as.dict.count));
        field(f, "values", exprs(&lists[1], e->as.dict.values, e->as.dict.count));
        break;
    case EXPR_SET:
        field(f, "elts", exprs(&lists[0], e->as.set.elts.items, e->as.set.elts.count));
        break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_GENERATOR_EXP:
    case EXPR_DICT_COMP:
        if (e->kind == EXPR_DICT_COMP) {
            field(f, "key", expr_value(e->as.comp.key));
            field(f, "value", expr_value(e->as.comp.value));
        } else {
            field(f, "elt", expr_value(e->as.comp.elt));
        }
        lists[0] = (array){e->as.comp.generators, e->as.comp.ngenerators};
        field(f, "generators", list_value(write_comprehensions, &lists[0], lists[0].count));
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        field(f, "elts", exprs(&lists[0], e->as.list.elts.items, e->as.list.elts.count));
        field(f, "ctx", ctx_value(d, e->as.list.ctx));
        break;
    default: break;
    }
}

/* The fields of calls, f-strings and constants. */
static void call_and_string_fields(dumper *d, node_fmt *f, const ast_expr *e, array *lists)
{
    switch (e->kind) {
    case EXPR_CALL:
        field(f, "func", expr_value(e->as.call.func));
        field(f, "args", exprs(&lists[0], e->as.call.args.items, e->as.call.args.count));
        lists[1] = (array){e->as.call.keywords, e->as.call.nkeywords};
        field(f, "keywords", list_value(write_keywords, &lists[1], lists[1].count));
        break;
    case EXPR_FORMATTED_VALUE:
        field(f, "value", expr_value(e->as.formatted_value.value));
        field(f, "conversion", int_leaf(d, e->as.formatted_value.conversion));
        if (e->as.formatted_value.format_spec)
            field(f, "format_spec", expr_value(e->as.formatted_value.format_spec));
        break;
    case EXPR_JOINED_STR:
        field(f, "values",
              exprs(&lists[0], e->as.joined_str.values.items, e->as.joined_str.values.count));
        break;
    case EXPR_CONSTANT:
        field(f, "value", constant_repr(d, &e->as.constant));
        if (e->as.constant.kind_u)
            field(f, "kind", leaf(d, "'u'"));
        break;
    default: break;
    }
}

/* The fields of the remaining expressions. */
static void other_fields(dumper *d, node_fmt *f, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_LAMBDA:
        field(f, "args", written(write_arguments, e->as.lambda.args));
        field(f, "body", expr_value(e->as.lambda.body));
        break;
    case EXPR_IF_EXP:
        field(f, "test", expr_value(e->as.if_exp.test));
        field(f, "body", expr_value(e->as.if_exp.body));
        field(f, "orelse", expr_value(e->as.if_exp.orelse));
        break;
    case EXPR_ATTRIBUTE:
        field(f, "value", expr_value(e->as.attribute.value));
        field(f, "attr", str_repr(d, e->as.attribute.attr, strlen(e->as.attribute.attr)));
        field(f, "ctx", ctx_value(d, e->as.attribute.ctx));
        break;
    case EXPR_SUBSCRIPT:
        field(f, "value", expr_value(e->as.subscript.value));
        field(f, "slice", expr_value(e->as.subscript.slice));
        field(f, "ctx", ctx_value(d, e->as.subscript.ctx));
        break;
    case EXPR_STARRED:
        field(f, "value", expr_value(e->as.starred.value));
        field(f, "ctx", ctx_value(d, e->as.starred.ctx));
        break;
    case EXPR_NAME:
        field(f, "id", str_repr(d, e->as.name.id, strlen(e->as.name.id)));
        field(f, "ctx", ctx_value(d, e->as.name.ctx));
        break;
    case EXPR_SLICE:
        if (e->as.slice.lower)
            field(f, "lower", expr_value(e->as.slice.lower));
        if (e->as.slice.upper)
            field(f, "upper", expr_value(e->as.slice.upper));
        if (e->as.slice.step)
            field(f, "step", expr_value(e->as.slice.step));
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

static void write_expr(dumper *d, const void *item, int level)
{
    const ast_expr *e = item;
    array lists[2];
    node_fmt f = node_begin(d, expr_names[e->kind], level);
    operator_fields(d, &f, e, lists);
    container_fields(d, &f, e, lists);
    call_and_string_fields(d, &f, e, lists);
    other_fields(d, &f, e);
    location(&f, e->loc);
    node_end(&f);
}

static void name_item(dumper *d, const void *items, int i, int level)
{
    const char *name = ((const char *const *)items)[i];
    value v = str_repr(d, name, strlen(name));
    put(d, v.leaf);
}

static void write_names(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, name_item, level);
}

static void alias_item(dumper *d, const void *items, int i, int level)
{
    const ast_alias *al = &((const ast_alias *)items)[i];
    node_fmt f = node_begin(d, "alias", level);
    field(&f, "name", str_repr(d, al->name, strlen(al->name)));
    if (al->asname)
        field(&f, "asname", str_repr(d, al->asname, strlen(al->asname)));
    location(&f, al->loc);
    node_end(&f);
}

static void write_aliases(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, alias_item, level);
}

static void handler_item(dumper *d, const void *items, int i, int level)
{
    const ast_excepthandler *h = &((const ast_excepthandler *)items)[i];
    node_fmt f = node_begin(d, "ExceptHandler", level);
    if (h->type)
        field(&f, "type", expr_value(h->type));
    if (h->name)
        field(&f, "name", str_repr(d, h->name, strlen(h->name)));
    field(&f, "body", stmts(&h->body));
    location(&f, h->loc);
    node_end(&f);
}

static void write_handlers(dumper *d, const void *item, int level)
{
    const array *a = item;
    write_list(d, a->items, a->count, handler_item, level);
}

/* The fields of compound statements. */
static void compound_fields(dumper *d, node_fmt *f, const ast_stmt *s, array *lists)
{
    switch (s->kind) {
    case STMT_FUNCTION_DEF: {
        const ast_expr_list *decorators = &s->as.function_def.decorator_list;
        field(f, "name", str_repr(d, s->as.function_def.name, strlen(s->as.function_def.name)));
        field(f, "args", written(write_arguments, s->as.function_def.args));
        field(f, "body", stmts(&s->as.function_def.body));
        field(f, "decorator_list", exprs(&lists[0], decorators->items, decorators->count));
        if (s->as.function_def.returns)
            field(f, "returns", expr_value(s->as.function_def.returns));
        break;
    }
    case STMT_FOR:
        field(f, "target", expr_value(s->as.for_.target));
        field(f, "iter", expr_value(s->as.for_.iter));
        field(f, "body", stmts(&s->as.for_.body));
        field(f, "orelse", stmts(&s->as.for_.orelse));
        break;
    case STMT_WHILE:
    case STMT_IF:
        field(f, "test", expr_value(s->as.while_.test));
        field(f, "body", stmts(&s->as.while_.body));
        field(f, "orelse", stmts(&s->as.while_.orelse));
        break;
    case STMT_TRY:
        lists[0] = (array){s->as.try_.handlers, s->as.try_.nhandlers};
        field(f, "body", stmts(&s->as.try_.body));
        field(f, "handlers", list_value(write_handlers, &lists[0], lists[0].count));
        field(f, "orelse", stmts(&s->as.try_.orelse));
        field(f, "finalbody", stmts(&s->as.try_.finalbody));
        break;
    default: break;
    }
}

/* The fields of assignments. */
static void assign_fields(dumper *d, node_fmt *f, const ast_stmt *s, array *lists)
{
    switch (s->kind) {
    case STMT_DELETE:
        field(f, "targets",
              exprs(&lists[0], s->as.delete_.targets.items, s->as.delete_.targets.count));
        break;
    case STMT_ASSIGN:
        field(f, "targets",
              exprs(&lists[0], s->as.assign.targets.items, s->as.assign.targets.count));
        field(f, "value", expr_value(s->as.assign.value));
        break;
    case STMT_AUG_ASSIGN:
        field(f, "target", expr_value(s->as.aug_assign.target));
        field(f, "op", leaf(d, bin_op_names[s->as.aug_assign.op]));
        field(f, "value", expr_value(s->as.aug_assign.value));
        break;
    case STMT_ANN_ASSIGN:
        field(f, "target", expr_value(s->as.ann_assign.target));
        field(f, "annotation", expr_value(s->as.ann_assign.annotation));
        if (s->as.ann_assign.value)
            field(f, "value", expr_value(s->as.ann_assign.value));
        field(f, "simple", int_leaf(d, s->as.ann_assign.simple));
        break;
    default: break;
    }
}

/* The fields of the other simple statements. */
static void simple_fields(dumper *d, node_fmt *f, const ast_stmt *s, array *lists)
{
    switch (s->kind) {
    case STMT_RETURN:
        if (s->as.return_.value)
            field(f, "value", expr_value(s->as.return_.value));
        break;
    case STMT_RAISE:
        if (s->as.raise.exc)
            field(f, "exc", expr_value(s->as.raise.exc));
        if (s->as.raise.cause)
            field(f, "cause", expr_value(s->as.raise.cause));
        break;
    case STMT_ASSERT:
        field(f, "test", expr_value(s->as.assert_.test));
        if (s->as.assert_.msg)
            field(f, "msg", expr_value(s->as.assert_.msg));
        break;
    case STMT_IMPORT:
        lists[0] = (array){s->as.import.names, s->as.import.count};
        field(f, "names", list_value(write_aliases, &lists[0], lists[0].count));
        break;
    case STMT_IMPORT_FROM:
        if (s->as.import_from.module)
            field(f, "module",
                  str_repr(d, s->as.import_from.module, strlen(s->as.import_from.module)));
        lists[0] = (array){s->as.import_from.names, s->as.import_from.count};
        field(f, "names", list_value(write_aliases, &lists[0], lists[0].count));
        field(f, "level", int_leaf(d, s->as.import_from.level));
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        lists[0] = (array){s->as.global.names, s->as.global.count};
        field(f, "names", list_value(write_names, &lists[0], lists[0].count));
        break;
    case STMT_EXPR: field(f, "value", expr_value(s->as.expr.value)); break;
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

static void write_stmt(dumper *d, const void *item, int level)
{
    const ast_stmt *s = item;
    array lists[1];
    node_fmt f = node_begin(d, stmt_names[s->kind], level);
    compound_fields(d, &f, s, lists);
    assign_fields(d, &f, s, lists);
    simple_fields(d, &f, s, lists);
    location(&f, s->loc);
    node_end(&f);
}

char *ast_dump(const ast_module *m, bool include_attributes)
{
    dumper d = {.attributes = include_attributes};
    arena_init(&d.a);
    node_fmt f = node_begin(&d, "Module", 0);
    field(&f, "body", stmts(&m->body));
    field(&f, "type_ignores", leaf(&d, "[]"));
    node_end(&f);
    arena_free(&d.a);
    return d.out;
}
