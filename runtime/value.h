/* Values: every Python value is one 64-bit word. Small ints are unboxed (tag bit 0 set), a
 * handful of constants (None, True, False, NotImplemented, Ellipsis) are small even words, and
 * everything else is a pointer to a GC-allocated object whose first field is its type. The word
 * 0 is never a value: it is the error sentinel every fallible runtime call returns. */
#ifndef CELLAR_VALUE_H
#define CELLAR_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t rt_value;
typedef struct rt_vm rt_vm;
typedef struct rt_type rt_type;

/* Sentinels and immediate constants. None of them is a valid heap address. */
enum {
    RT_ERROR = 0,       /* "an exception is pending in the VM" */
    RT_ITER_DONE = 2,   /* returned by rt_iter_next when an iterator is exhausted (no error) */
    RT_NONE = 4,
    RT_FALSE = 6,
    RT_TRUE = 10,
    RT_NOT_IMPLEMENTED = 14,
    RT_ELLIPSIS = 18,
    RT_OSR_EXIT = 22, /* returned by an OSR entry whose loop is done (jit/tier.h); never a value */
    RT_IMMEDIATE_LIMIT = 32
};

/* Small ints hold 62 bits plus sign; anything outside is a GMP-backed big int. */
#define RT_SMALL_INT_MAX ((int64_t)(((uint64_t)1 << 61) - 1))
#define RT_SMALL_INT_MIN (-RT_SMALL_INT_MAX - 1)

static inline bool rt_is_small_int(rt_value v) { return (v & 1) != 0; }
static inline int64_t rt_small_int_value(rt_value v) { return (int64_t)v >> 1; }
/* Caller guarantees RT_SMALL_INT_MIN <= i <= RT_SMALL_INT_MAX; use rt_int_from_int64 otherwise. */
static inline rt_value rt_small_int(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline bool rt_is_object(rt_value v) { return (v & 1) == 0 && v >= RT_IMMEDIATE_LIMIT; }
static inline rt_value rt_bool(bool b) { return b ? RT_TRUE : RT_FALSE; }

/* Every heap object starts with this header. */
typedef struct rt_object {
    const rt_type *type;
} rt_object;

static inline rt_object *rt_as_object(rt_value v) { return (rt_object *)(uintptr_t)v; }
static inline rt_value rt_from_object(const void *o) { return (rt_value)(uintptr_t)o; }

/* Calling convention shared by builtins, methods, host functions and rt_call: `nargs`
 * positional arguments followed by one value per name in `kwnames` (a tuple of str, or 0 when
 * there are no keyword arguments). `self` is the bound object for methods, the builtin object
 * itself otherwise. Returns a new value, or RT_ERROR with an exception pending. */
typedef rt_value (*rt_cfunc)(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames);

typedef struct rt_method {
    const char *name; /* NULL terminates a method table */
    rt_cfunc fn;
    const char *doc;
} rt_method;

/* Rich comparison operators, in CPython's order. */
typedef enum rt_compare_op { RT_LT, RT_LE, RT_EQ, RT_NE, RT_GT, RT_GE } rt_compare_op;

/* Binary operators; the values match ast_bin_op so the frontend's numbering passes through.
 * In-place variants are RT_INPLACE + op. */
/* The enums are tags only: ops.h's functions rt_binary_op() and rt_unary_op() use the names. */
enum rt_binary_op {
    RT_ADD, RT_SUB, RT_MUL, RT_MATMUL, RT_TRUEDIV, RT_MOD, RT_POW, RT_LSHIFT, RT_RSHIFT, RT_OR,
    RT_XOR, RT_AND, RT_FLOORDIV,
    RT_BINARY_OP_COUNT,
    RT_INPLACE = 16
};

enum rt_unary_op { RT_INVERT, RT_NOT, RT_POS, RT_NEG };

/* A type. Types are objects too (their type is `type`); the builtin ones are static constants.
 * A NULL slot means the operation is unsupported; the generic operations in ops.c then raise
 * CPython's TypeError. */
struct rt_type {
    rt_object base;
    const char *name;         /* "int", "function", "ZeroDivisionError" */
    const rt_type *base_type; /* NULL only for `object` */
    rt_value (*repr)(rt_vm *vm, rt_value self);
    rt_value (*str)(rt_vm *vm, rt_value self); /* NULL: use repr */
    /* false with an exception pending when unhashable */
    bool (*hash)(rt_vm *vm, rt_value self, int64_t *out);
    /* RT_NOT_IMPLEMENTED when this type cannot compare with `other` */
    rt_value (*compare)(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op);
    /* Called with the operands in source order, whichever of them has this type, as CPython's
     * number slots are; RT_NOT_IMPLEMENTED when it does not apply. */
    rt_value (*binary)(rt_vm *vm, int op, rt_value left, rt_value right); /* enum rt_binary_op */
    rt_value (*unary)(rt_vm *vm, int op, rt_value operand);               /* enum rt_unary_op */
    int (*truth)(rt_vm *vm, rt_value self);                    /* 1, 0, or -1 on error */
    int64_t (*length)(rt_vm *vm, rt_value self);               /* -1 on error */
    int (*contains)(rt_vm *vm, rt_value self, rt_value item);  /* 1, 0, -1 */
    rt_value (*getitem)(rt_vm *vm, rt_value self, rt_value key);
    /* value 0 deletes; returns 0 on success, -1 on error */
    int (*setitem)(rt_vm *vm, rt_value self, rt_value key, rt_value value);
    rt_value (*iter)(rt_vm *vm, rt_value self);
    rt_value (*next)(rt_vm *vm, rt_value self); /* value, RT_ITER_DONE, or RT_ERROR */
    rt_value (*call)(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                     rt_value kwnames);
    /* Instance attributes beyond the method table; 0 with NO exception pending = "not found" */
    rt_value (*getattr)(rt_vm *vm, rt_value self, rt_value name);
    /* value 0 deletes; returns 0, or -1 on error (AttributeError included) */
    int (*setattr)(rt_vm *vm, rt_value self, rt_value name, rt_value value);
    const rt_method *methods;
    /* Calling the type itself: int("3"), str(x), list(it), ValueError("m"). */
    rt_value (*construct)(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                          rt_value kwnames);
    /* For exception types: nonzero. */
    bool is_exception;
};

extern const rt_type rt_type_type, rt_object_type, rt_none_type, rt_bool_type, rt_int_type,
    rt_float_type, rt_str_type, rt_tuple_type, rt_list_type, rt_dict_type, rt_set_type,
    rt_frozenset_type, rt_function_type, rt_cell_type, rt_code_type, rt_builtin_type,
    rt_not_implemented_type, rt_ellipsis_type, rt_range_type, rt_slice_type, rt_module_type;

/* The type of any value. */
const rt_type *rt_type_of(rt_value v);
static inline rt_value rt_type_value(const rt_type *t) { return rt_from_object(t); }
/* True when `t` is `base` or derives from it. */
bool rt_type_is_subtype(const rt_type *t, const rt_type *base);
static inline bool rt_is_type(rt_value v, const rt_type *t)
{
    return rt_is_object(v) && rt_as_object(v)->type == t;
}

/* Added by the JIT owner: initialises the collector (once per process, tuned for cellar's
 * allocation pattern; later calls are GC_INIT's no-op). Call it before any allocation. */
void rt_alloc_init(void);
/* GC allocation (Boehm): the memory is zeroed and its header set to `type`. `atomic` memory
 * holds no pointers and is not scanned. Aborts only when the process is out of memory. */
void *rt_alloc(size_t size, const rt_type *type);
void *rt_alloc_atomic(size_t size, const rt_type *type);
/* Untyped GC memory for object internals (arrays, buffers). */
void *rt_alloc_raw(size_t size);
void *rt_alloc_raw_atomic(size_t size);
/* The same, not cleared: for buffers their owner fills before reading (GMP's limbs, tables
 * it initialises itself), where clearing a large block first costs a pass over memory. */
void *rt_alloc_raw_atomic_uncleared(size_t size);
void *rt_realloc_raw(void *p, size_t size);

#endif
