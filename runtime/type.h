/* Helpers around type objects shared by the runtime: method lookup along the base chain, the
 * identity hash every object without its own hash uses, and a type's unqualified name. */
#ifndef CELLAR_TYPE_H
#define CELLAR_TYPE_H

#include "value.h"

/* The entry named `name` in the method tables of t and its bases, or NULL. */
const rt_method *rt_type_find_method(const rt_type *t, const char *name);
/* A method table entry whose doc starts with "@staticmethod" or "@classmethod" (dict.fromkeys,
 * str.maketrans) is taken from the type as a function bound to the type: T.m(a) calls fn with
 * self = the type object and args (a). Taken from an instance (ops.c's bound method) self is
 * the instance, so such a function uses rt_type_of(self) when self is not a type. */
bool rt_method_is_static(const rt_method *m);
/* CPython's hash of an object by address; usable directly as a type's hash slot. */
bool rt_identity_hash(rt_vm *vm, rt_value self, int64_t *out);
/* "partial" for a type named "functools.partial"; its __name__. */
const char *rt_type_short_name(const rt_type *t);
/* The type's __doc__ (CPython's docstring, from the generated table), or None. */
rt_value rt_type_doc(const rt_type *t);

/* PEP 585 generics (generic_alias.c): whether t[...] is a types.GenericAlias (list, dict,
 * tuple, set, ...), and making one of origin[key]. */
bool rt_type_is_generic(const rt_type *t);
rt_value rt_generic_alias_new(rt_vm *vm, rt_value origin, rt_value key);
/* PEP 604 unions: a | b for types, generic aliases, unions and None (the binary slot of type,
 * types.GenericAlias and types.UnionType); the members of a union, a tuple. */
rt_value rt_union_or(rt_vm *vm, int op, rt_value a, rt_value b);
rt_value rt_union_members(rt_value u);
extern const rt_type rt_generic_alias_type, rt_union_type;

#endif
