/* Struct sequences: the tuple slots serve them (they have a tuple's layout), the fields read
 * as attributes, and the repr names them: sys.version_info(major=3, minor=11, ...). */
#include "struct_seq.h"

#include "ops.h"
#include "str.h"
#include "tuple.h"

static const rt_struct_seq_type *kind_of(rt_value v)
{
    return (const rt_struct_seq_type *)rt_type_of(v);
}

rt_value rt_struct_seq_new(const rt_struct_seq_type *kind, const rt_value *items)
{
    int64_t n = 0;
    while (kind->fields[n] != NULL)
        n++;
    rt_value seq = rt_tuple_from_array(NULL, (size_t)n, items);
    rt_as_object(seq)->type = &kind->type; /* a tuple in all but its type */
    return seq;
}

static rt_value seq_repr(rt_vm *vm, rt_value self)
{
    const rt_struct_seq_type *kind = kind_of(self);
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_cstr(&b, kind->type.name);
    for (int64_t i = 0; i < rt_as_tuple(self)->size; i++) {
        rt_value item = rt_repr(vm, rt_as_tuple(self)->items[i]);
        if (item == 0)
            return RT_ERROR;
        rt_strbuf_append_cstr(&b, i == 0 ? "(" : ", ");
        rt_strbuf_append_cstr(&b, kind->fields[i]);
        rt_strbuf_append_char(&b, '=');
        rt_strbuf_append(&b, rt_str_data(item), (size_t)rt_str_size(item));
    }
    rt_strbuf_append_char(&b, ')');
    return rt_strbuf_finish(&b);
}

static rt_value seq_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    const rt_struct_seq_type *kind = kind_of(self);
    for (int64_t i = 0; kind->fields[i] != NULL; i++)
        if (rt_str_equal_cstr(name, kind->fields[i]))
            return rt_as_tuple(self)->items[i];
    return 0;
}

/* Compares as a tuple, with tuples and struct sequences alike. */
static rt_value seq_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_isinstance_type(self, &rt_tuple_type) || !rt_isinstance_type(other, &rt_tuple_type))
        return RT_NOT_IMPLEMENTED;
    return rt_sequence_compare(vm, self, other, op);
}

/* The tuple slots, which read only the tuple layout. */
static bool seq_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    return rt_tuple_type.hash(vm, self, out);
}
static int seq_truth(rt_vm *vm, rt_value self) { return rt_tuple_type.truth(vm, self); }
static int64_t seq_length(rt_vm *vm, rt_value self) { return rt_tuple_type.length(vm, self); }
static int seq_contains(rt_vm *vm, rt_value self, rt_value item)
{
    return rt_tuple_type.contains(vm, self, item);
}
static rt_value seq_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    return rt_tuple_type.getitem(vm, self, key);
}
static rt_value seq_iter(rt_vm *vm, rt_value self) { return rt_tuple_type.iter(vm, self); }

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel",
                                                  "serial", NULL};

const rt_struct_seq_type rt_version_info_type = {
    .type = {.base = {&rt_type_type}, .name = "sys.version_info", .base_type = &rt_tuple_type,
             .repr = seq_repr, .hash = seq_hash, .compare = seq_compare, .truth = seq_truth,
             .length = seq_length, .contains = seq_contains, .getitem = seq_getitem,
             .iter = seq_iter, .getattr = seq_getattr},
    .fields = version_info_fields,
};
