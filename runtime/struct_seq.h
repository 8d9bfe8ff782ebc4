/* Struct sequences (CPython's PyStructSequence): tuples whose items are also named fields,
 * such as sys.version_info. Each kind is a subtype of tuple with its own field names. */
#ifndef CELLAR_STRUCT_SEQ_H
#define CELLAR_STRUCT_SEQ_H

#include "value.h"

typedef struct rt_struct_seq_type {
    rt_type type;               /* name "sys.version_info", base tuple */
    const char *const *fields; /* NULL-terminated, one per item */
} rt_struct_seq_type;

/* The kinds the provided modules use. */
extern const rt_struct_seq_type rt_version_info_type;

/* A struct sequence of `kind` holding one item per field. */
rt_value rt_struct_seq_new(const rt_struct_seq_type *kind, const rt_value *items);

#endif
