/* Generic operations: the entry points compiled code calls for arithmetic, comparison, truth,
 * hashing, attributes and subscripts. Each dispatches on the operand types' slots and raises
 * CPython's TypeError when no slot applies. */
#ifndef CELLAR_OPS_H
#define CELLAR_OPS_H

#include "value.h"

rt_value rt_binary_op(rt_vm *vm, int op, rt_value a, rt_value b); /* op: rt_binary_op, maybe | RT_INPLACE */
rt_value rt_unary_op(rt_vm *vm, int op, rt_value a);
/* a < b and friends; `is` and `in` are separate (word equality, rt_contains). */
rt_value rt_compare(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b);
int rt_compare_bool(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b); /* 1/0/-1 */
int rt_equal(rt_vm *vm, rt_value a, rt_value b);                          /* 1/0/-1 */
int rt_contains(rt_vm *vm, rt_value container, rt_value item);            /* 1/0/-1 */
int rt_truthy(rt_vm *vm, rt_value v);                                     /* 1/0/-1 */
bool rt_hash(rt_vm *vm, rt_value v, int64_t *out);
int64_t rt_length(rt_vm *vm, rt_value v); /* -1 on error */
rt_value rt_repr(rt_vm *vm, rt_value v);  /* always a str, or 0 */
rt_value rt_str(rt_vm *vm, rt_value v);
rt_value rt_getitem(rt_vm *vm, rt_value obj, rt_value key);
int rt_setitem(rt_vm *vm, rt_value obj, rt_value key, rt_value value);
int rt_delitem(rt_vm *vm, rt_value obj, rt_value key);
rt_value rt_slice_new(rt_vm *vm, rt_value start, rt_value stop, rt_value step);
/* Attribute access: type's getattr slot, then the method table (returning a bound method),
 * then AttributeError "'int' object has no attribute 'x'". `name` is an interned str. */
rt_value rt_getattr(rt_vm *vm, rt_value obj, rt_value name);
int rt_setattr(rt_vm *vm, rt_value obj, rt_value name, rt_value value); /* value 0: delete */
/* getattr that reports a missing attribute as 0 with no exception pending (hasattr, getattr
 * with a default); other errors still propagate as 0 with an exception pending. */
rt_value rt_getattr_optional(rt_vm *vm, rt_value obj, rt_value name);
/* obj.name(args...) without allocating a bound method when name is in the method table. */
rt_value rt_call_method(rt_vm *vm, rt_value obj, rt_value name, size_t nargs,
                        const rt_value *args, rt_value kwnames);
bool rt_isinstance_type(rt_value v, const rt_type *t);

/* Global names (LOAD_GLOBAL / STORE_GLOBAL / DELETE_GLOBAL): globals dict, then builtins;
 * NameError "name 'x' is not defined. Did you mean: 'y'?" as CPython 3.11 words it. */
rt_value rt_load_global(rt_vm *vm, rt_value globals, rt_value name);
int rt_store_global(rt_vm *vm, rt_value globals, rt_value name, rt_value value);
int rt_delete_global(rt_vm *vm, rt_value globals, rt_value name);
/* SETUP_ANNOTATIONS: globals['__annotations__'] = {} unless it is there; 0 / -1. */
int rt_setup_annotations(rt_vm *vm, rt_value globals);

/* Appended by the numbers/strings engineer (str slicing needs it; the slice type's owner
 * implements it): CPython's PySlice_GetIndicesEx. Clamps `slice` to a sequence of `length`
 * items, giving start, stop, step and the number of items selected; 0, or -1 with TypeError
 * "slice indices must be integers or None or have an __index__ method" or ValueError "slice
 * step cannot be zero" pending. */
int rt_slice_indices(rt_vm *vm, rt_value slice, int64_t length, int64_t *start, int64_t *stop,
                     int64_t *step, int64_t *count);

/* CPython's _PySlice_GetLongIndices, for sequences whose length is any int (range(),
 * slice.indices()): out[0..2] = start, stop, step clamped to `length`, as ints; false with
 * the TypeError or ValueError of rt_slice_indices pending. */
bool rt_slice_long_indices(rt_vm *vm, rt_value slice, rt_value length, rt_value out[3]);

/* Added by the containers owner. */
typedef struct rt_slice {
    rt_object base;
    rt_value start, stop, step; /* RT_NONE when omitted */
} rt_slice;
/* An int used as a slice bound or index() bound, clamped to int64 as CPython's
 * _PyEval_SliceIndex: TypeError "slice indices must be integers or have an __index__
 * method" otherwise. */
bool rt_slice_index_value(rt_vm *vm, rt_value v, int64_t *out);
/* Classifies a subscript of a sequence named `type_name`: 1 with *index set for an int,
 * 0 for a slice, -1 with TypeError "list indices must be integers or slices, not str" or
 * IndexError "cannot fit 'int' into an index-sized integer". */
int rt_sequence_key(rt_vm *vm, rt_value key, const char *type_name, int64_t *index);
/* Py_ReprEnter / Py_ReprLeave: 1 when obj's repr is already in progress (print "[...]"),
 * else 0 after marking it. The marks live in vm->repr_active. */
int rt_repr_enter(rt_vm *vm, rt_value obj);
void rt_repr_leave(rt_vm *vm, rt_value obj);
/* Slot helper: the "'<' not supported between instances of 'a' and 'b'" TypeError. */
rt_value rt_raise_compare_error(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b);
/* A builtin object's dunder method backed by a type slot ([].__len__, d.__getitem__,
 * x.__eq__), bound to obj; RT_NONE for an unhashable type's __hash__; 0 (nothing pending)
 * when the type has no such slot (slot_method.c). */
rt_value rt_slot_method(rt_vm *vm, rt_value obj, rt_value name);
/* The same dunder taken from the type t (int.__add__: a wrapper_descriptor, called with self
 * first), or 0 (nothing pending) when t's instances have no such slot. */
rt_value rt_slot_descriptor(rt_vm *vm, const rt_type *t, rt_value name);
/* Adds the names rt_slot_method serves for instances of t to the dict `names` (for dir()). */
void rt_slot_method_names(rt_vm *vm, const rt_type *t, rt_value names);

#endif
