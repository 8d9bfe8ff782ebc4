/* The format-spec mini-language (format(), str.format, f-strings) for int, float, str and the
 * generic fallback, with CPython's ValueErrors for bad specs. */
#ifndef CELLAR_FORMAT_H
#define CELLAR_FORMAT_H

#include "value.h"

/* format(value, spec); spec is a str (may be empty). */
rt_value rt_format(rt_vm *vm, rt_value value, rt_value spec);
/* One f-string replacement field: conversion is 0, 's', 'r' or 'a'; spec is a str or 0. */
rt_value rt_format_value(rt_vm *vm, rt_value value, int conversion, rt_value spec);
/* Concatenates n str values (the parts of an f-string). */
rt_value rt_build_string(rt_vm *vm, size_t n, const rt_value *parts);
/* str.format(*args, **kwargs) with the cfunc convention. */
rt_value rt_str_format_method(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames);

/* str.format_map(mapping): keyword fields are looked up with mapping[key]. */
rt_value rt_str_format_mapping(rt_vm *vm, rt_value self, rt_value mapping);
/* printf-style formatting: format % args (args a tuple, a mapping, or a single value). */
rt_value rt_str_percent_format(rt_vm *vm, rt_value format, rt_value args);

#endif
