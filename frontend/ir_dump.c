/* The IR as text (--emit-ir and the IR unit tests): every function in pre-order, with its
 * environment record (free variables), cells, slots, constants, and each instruction with the
 * slot, cell and constant names resolved, its exception handler and its source line. The
 * format is documented in docs/ir.md; tests match on it, so change it only on purpose. */
#include "ir.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/value.h" /* rt_binary_op / rt_unary_op numbering */

/* Instructions are padded to this column before their "; line N". */
enum { DUMP_LINE_COLUMN = 56 };

typedef struct dumper {
    FILE *out;
    int col; /* characters written on the current line */
    const ir_function *f;
} dumper;

static void put(dumper *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(dumper *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(d->out, fmt, ap);
    va_end(ap);
    if (n > 0)
        d->col += n;
}

static void newline(dumper *d)
{
    fputc('\n', d->out);
    d->col = 0;
}

/* ---- Constants as Python reprs ----------------------------------------------------------- */

static void put_str_repr(dumper *d, const char *s, size_t len)
{
    put(d, "'");
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\'' || ch == '\\')
            put(d, "\\%c", ch);
        else if (ch == '\n')
            put(d, "\\n");
        else if (ch == '\t')
            put(d, "\\t");
        else if (ch == '\r')
            put(d, "\\r");
        else if (ch < 0x20 || ch == 0x7f)
            put(d, "\\x%02x", ch);
        else
            put(d, "%c", ch);
    }
    put(d, "'");
}

/* The shortest digits that read back as the same double, as Python's float repr. */
static void put_float_repr(dumper *d, double v)
{
    if (isnan(v)) {
        put(d, "nan");
        return;
    }
    if (isinf(v)) {
        put(d, v < 0 ? "-inf" : "inf");
        return;
    }
    char buf[64];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    put(d, "%s%s", buf, strpbrk(buf, ".eni") ? "" : ".0");
}

static void put_const(dumper *d, const ir_const *c)
{
    switch (c->kind) {
    case IRC_NONE: put(d, "None"); break;
    case IRC_TRUE: put(d, "True"); break;
    case IRC_FALSE: put(d, "False"); break;
    case IRC_ELLIPSIS: put(d, "Ellipsis"); break;
    case IRC_INT: put(d, "%s", c->int_digits); break;
    case IRC_FLOAT: put_float_repr(d, c->float_value); break;
    case IRC_STR: put_str_repr(d, c->str, c->str_len); break;
    case IRC_CODE: put(d, "<code %s>", c->code->qualname); break;
    case IRC_NAMES:
        put(d, "(");
        for (int i = 0; i < c->nnames; i++) {
            put(d, i ? ", " : "");
            put_str_repr(d, c->names[i], strlen(c->names[i]));
        }
        put(d, c->nnames == 1 ? ",)" : ")");
        break;
    }
}

/* ---- Operands ----------------------------------------------------------------------------- */

static void put_temp(dumper *d, int t)
{
    if (t >= 0)
        put(d, "t%d", t);
    else
        put(d, "-");
}

static void put_temps(dumper *d, const int *temps, int n, int star)
{
    put(d, "(");
    for (int i = 0; i < n; i++) {
        put(d, "%s%s", i ? ", " : "", i == star ? "*" : "");
        put_temp(d, temps[i]);
    }
    put(d, ")");
}

/* A name-like constant (global, attribute, module) printed bare. */
static void put_name(dumper *d, int k)
{
    const ir_const *c = k >= 0 && k < d->f->nconsts ? &d->f->consts[k] : NULL;
    if (c && c->kind == IRC_STR)
        put(d, "%.*s", (int)c->str_len, c->str);
    else
        put(d, "k%d?", k);
}

static void put_slot(dumper *d, int slot)
{
    const scope *s = d->f->scope;
    put(d, " %s (slot#%d)", s && slot >= 0 && slot < s->nvarnames ? s->varnames[slot] : "?", slot);
}

static void put_cell(dumper *d, int cell)
{
    const scope *s = d->f->scope;
    const char *name = "?";
    if (s && cell >= 0 && cell < s->ncellvars)
        name = s->cellvars[cell];
    else if (s && cell >= s->ncellvars && cell < s->ncellvars + s->nfreevars)
        name = s->freevars[cell - s->ncellvars];
    put(d, " %s (cell#%d)", name, cell);
}

static void put_kwnames(dumper *d, int k)
{
    if (k < 0)
        return;
    put(d, " kwnames=");
    put_const(d, &d->f->consts[k]);
}

static const char *binary_name(int op)
{
    static const char *const names[RT_BINARY_OP_COUNT] = {
        [RT_ADD] = "+",      [RT_SUB] = "-", [RT_MUL] = "*",  [RT_MATMUL] = "@",
        [RT_TRUEDIV] = "/",  [RT_MOD] = "%", [RT_POW] = "**", [RT_LSHIFT] = "<<",
        [RT_RSHIFT] = ">>",  [RT_OR] = "|",  [RT_XOR] = "^",  [RT_AND] = "&",
        [RT_FLOORDIV] = "//"};
    int base = op & ~RT_INPLACE;
    return base >= 0 && base < RT_BINARY_OP_COUNT ? names[base] : "?";
}

static const char *compare_name(int op)
{
    static const char *const names[CMP_OP_COUNT] = {
        [CMP_EQ] = "==", [CMP_NOTEQ] = "!=",    [CMP_LT] = "<",  [CMP_LTE] = "<=",
        [CMP_GT] = ">",  [CMP_GTE] = ">=",      [CMP_IS] = "is", [CMP_ISNOT] = "is not",
        [CMP_IN] = "in", [CMP_NOTIN] = "not in"};
    return op >= 0 && op < CMP_OP_COUNT ? names[op] : "?";
}

static const char *unary_name(int op)
{
    static const char *const names[] = {
        [RT_INVERT] = "~", [RT_NOT] = "not", [RT_POS] = "+", [RT_NEG] = "-"};
    return op >= 0 && op <= RT_NEG ? names[op] : "?";
}

/* Names, cells and slots; calls; everything else by shape. */
static bool put_variable_operands(dumper *d, const ir_instr *in)
{
    switch (in->op) {
    case IR_LOAD_LOCAL:
    case IR_DELETE_LOCAL: put_slot(d, in->imm); return true;
    case IR_STORE_LOCAL: put_slot(d, in->imm); break;
    case IR_LOAD_DEREF:
    case IR_DELETE_DEREF:
    case IR_LOAD_CLOSURE:
    case IR_LOAD_CAPTURED: put_cell(d, in->imm); return true;
    case IR_STORE_DEREF:
    case IR_MAKE_CELL: put_cell(d, in->imm); break;
    case IR_LOAD_GLOBAL:
    case IR_DELETE_GLOBAL:
    case IR_IMPORT_NAME:
        put(d, " ");
        put_name(d, in->imm);
        return true;
    case IR_STORE_GLOBAL:
        put(d, " ");
        put_name(d, in->imm);
        break;
    default: return false;
    }
    put(d, " <- ");
    if (in->a >= 0)
        put_temp(d, in->a);
    else
        put(d, "empty");
    return true;
}

static bool put_call_operands(dumper *d, const ir_instr *in)
{
    switch (in->op) {
    case IR_CALL:
        put(d, " t%d", in->a);
        put_temps(d, in->args, in->nargs, -1);
        put_kwnames(d, in->imm);
        return true;
    case IR_CALL_METHOD:
        put(d, " t%d.", in->a);
        put_name(d, in->imm);
        put_temps(d, in->args, in->nargs, -1);
        put_kwnames(d, in->imm2);
        return true;
    case IR_CALL_EX:
        put(d, " t%d(*t%d", in->a, in->b);
        if (in->c >= 0)
            put(d, ", **t%d", in->c);
        put(d, ")");
        return true;
    case IR_MAKE_FUNCTION:
        put(d, " k%d ", in->imm);
        put_const(d, &d->f->consts[in->imm]);
        put(d, " closure=");
        put_temps(d, in->args, in->nargs, -1);
        if (in->a >= 0)
            put(d, " defaults=t%d", in->a);
        if (in->b >= 0)
            put(d, " kwdefaults=t%d", in->b);
        if (in->c >= 0)
            put(d, " annotations=t%d", in->c);
        return true;
    default: return false;
    }
}

/* Attribute, item and container operations: a.name, a[b], a <- b. */
static bool put_access_operands(dumper *d, const ir_instr *in)
{
    switch (in->op) {
    case IR_GET_ATTR:
    case IR_DEL_ATTR:
    case IR_SET_ATTR:
        put(d, " t%d.", in->a);
        put_name(d, in->imm);
        if (in->op == IR_SET_ATTR)
            put(d, " <- t%d", in->b);
        return true;
    case IR_IMPORT_FROM:
        put(d, " t%d.", in->a);
        put_name(d, in->imm);
        return true;
    case IR_GET_ITEM:
    case IR_DEL_ITEM: put(d, " t%d[t%d]", in->a, in->b); return true;
    case IR_SET_ITEM:
    case IR_DICT_SET: put(d, " t%d[t%d] <- t%d", in->a, in->b, in->c); return true;
    case IR_LIST_APPEND:
    case IR_LIST_EXTEND:
    case IR_SET_ADD:
    case IR_SET_UPDATE:
    case IR_DICT_UPDATE:
    case IR_DICT_MERGE:
        put(d, " t%d <- t%d", in->a, in->b);
        if (in->c >= 0)
            put(d, " (callee t%d)", in->c);
        return true;
    default: return false;
    }
}

static bool put_control_operands(dumper *d, const ir_instr *in)
{
    switch (in->op) {
    case IR_JUMP: put(d, " b%d", in->target->id); return true;
    case IR_BRANCH: put(d, " t%d ? b%d : b%d", in->a, in->target->id, in->target2->id); return true;
    case IR_FOR_ITER:
        put(d, " t%d -> b%d, exhausted -> b%d", in->a, in->target2->id, in->target->id);
        return true;
    case IR_UNPACK:
        put(d, " t%d -> ", in->a);
        put_temps(d, in->args, in->nargs, in->imm);
        return true;
    case IR_RAISE:
        if (in->a < 0)
            put(d, " (re-raise the handled exception)");
        else
            put(d, " t%d", in->a);
        if (in->b >= 0)
            put(d, " from t%d", in->b);
        return true;
    default: return false;
    }
}

static void put_operands(dumper *d, const ir_instr *in)
{
    if (put_variable_operands(d, in) || put_call_operands(d, in) || put_access_operands(d, in) ||
        put_control_operands(d, in))
        return;
    switch (in->op) {
    case IR_CONST:
        put(d, " k%d ", in->imm);
        put_const(d, &d->f->consts[in->imm]);
        break;
    case IR_BINARY:
        put(d, " t%d %s%s t%d", in->a, binary_name(in->imm), in->imm & RT_INPLACE ? "=" : "",
            in->b);
        break;
    case IR_UNARY: put(d, " %s t%d", unary_name(in->imm), in->a); break;
    case IR_COMPARE: put(d, " t%d %s t%d", in->a, compare_name(in->imm), in->b); break;
    case IR_BUILD_SLICE:
    case IR_EXC_MATCH: {
        int parts[3] = {in->a, in->b, in->c};
        put(d, " ");
        put_temps(d, parts, in->op == IR_BUILD_SLICE ? 3 : 2, -1);
        break;
    }
    case IR_BUILD_TUPLE:
    case IR_BUILD_LIST:
    case IR_BUILD_SET:
    case IR_BUILD_DICT:
    case IR_BUILD_STRING:
        put(d, " ");
        put_temps(d, in->args, in->nargs, -1);
        if (in->op == IR_BUILD_SET && in->imm == IR_SET_CONSTANTS)
            put(d, " constants");
        else if (in->op == IR_BUILD_SET && in->imm == IR_SET_FROZEN)
            put(d, " frozen");
        break;
    case IR_FORMAT_VALUE:
        put(d, " t%d", in->a);
        if (in->imm > 0)
            put(d, " !%c", in->imm);
        if (in->b >= 0)
            put(d, " spec=t%d", in->b);
        break;
    default: /* one optional operand: MOVE, RETURN, GET_ITER, RERAISE, ASSERT_FAIL, ... */
        if (in->a >= 0)
            put(d, " t%d", in->a);
        break;
    }
}

/* ---- Functions ------------------------------------------------------------------------------ */

static void put_instr(dumper *d, const ir_instr *in)
{
    put(d, "    ");
    if (in->dst >= 0)
        put(d, "t%d = ", in->dst);
    put(d, "%s", ir_op_name(in->op));
    put_operands(d, in);
    if (in->handler)
        put(d, "  ! b%d", in->handler->id);
    put(d, "%*s; line %d", d->col < DUMP_LINE_COLUMN ? DUMP_LINE_COLUMN - d->col : 1, "",
        in->loc.line);
    newline(d);
}

static void put_names(dumper *d, const char *label, const char *const *names, int n)
{
    put(d, "  %s", label);
    for (int i = 0; i < n; i++)
        put(d, " %s", names[i]);
    newline(d);
}

static void put_header(dumper *d, const ir_function *f)
{
    const scope *s = f->scope;
    put(d,
        "function %s  qualname=%s  line=%d  args=%d posonly=%d kwonly=%d varargs=%s "
        "varkw=%s",
        f->name, f->qualname, f->firstlineno, s->argcount, s->posonlyargcount, s->kwonlyargcount,
        s->has_varargs ? "yes" : "no", s->has_varkeywords ? "yes" : "no");
    newline(d);
    put(d, "  env [");
    for (int i = 0; i < s->nfreevars; i++)
        put(d, "%s%s%s", i ? ", " : "", s->freevars[i],
            f->byvalue && f->byvalue[s->ncellvars + i] ? "=value" : "");
    put(d, "]");
    newline(d);
    put(d, "  cells:");
    for (int i = 0; i < s->ncellvars; i++) {
        put(d, " %s", s->cellvars[i]);
        if (f->byvalue && f->byvalue[i])
            put(d, "=slot#%d", scope_lookup(s, s->cellvars[i])->slot);
    }
    newline(d);
    put_names(d, "slots:", s->varnames, s->nvarnames);
    put(d, "  consts:");
    for (int i = 0; i < f->nconsts; i++) {
        put(d, " k%d=", i);
        put_const(d, &f->consts[i]);
    }
    newline(d);
    if (f->docstring >= 0) {
        put(d, "  docstring: k%d", f->docstring);
        newline(d);
    }
}

static bool is_handler(const ir_function *f, const ir_block *b)
{
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++)
            if (f->blocks[i]->instrs[k].handler == b)
                return true;
    return false;
}

static void put_function(dumper *d, const ir_function *f)
{
    d->f = f;
    put_header(d, f);
    for (int i = 0; i < f->nblocks; i++) {
        const ir_block *b = f->blocks[i];
        put(d, "  b%d:%s", b->id, is_handler(f, b) ? "  (handler)" : "");
        newline(d);
        for (int k = 0; k < b->ninstrs; k++)
            put_instr(d, &b->instrs[k]);
    }
    for (int i = 0; i < f->nchildren; i++)
        put_function(d, f->children[i]);
}

char *ir_dump(const ir_module *m)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out)
        return NULL;
    dumper d = {.out = out};
    put_function(&d, m->main);
    fclose(out);
    return text;
}
