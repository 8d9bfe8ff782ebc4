/* The layout of the generated docstring table (runtime/gen_docs.py writes it into the build
 * tree). Only builtins_doc.c and the generated file include this. */
#ifndef CELLAR_DOC_DATA_H
#define CELLAR_DOC_DATA_H

#include <stddef.h>

typedef struct rt_doc_entry {
    const char *name;   /* "builtins.len", "functools.reduce", "math" (a module) */
    const char *module; /* a function's or type's __module__; a module's __file__ or NULL */
    const char *doc;
} rt_doc_entry;

/* Sorted by name (strcmp order). */
extern const rt_doc_entry rt_doc_entries[];
extern const size_t rt_doc_entry_count;

#endif
