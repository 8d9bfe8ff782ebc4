/* slice objects (start, stop, step; repr, comparison, indices()) and CPython's
 * PySlice_GetIndicesEx, which every sequence's slicing goes through. */
#include "call.h"
#include "exception.h"
#include "int.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

static rt_slice *as_slice(rt_value v) { return (rt_slice *)rt_as_object(v); }

rt_value rt_slice_new(rt_vm *vm, rt_value start, rt_value stop, rt_value step)
{
    (void)vm;
    rt_slice *s = rt_alloc(sizeof *s, &rt_slice_type);
    s->start = start ? start : RT_NONE;
    s->stop = stop ? stop : RT_NONE;
    s->step = step ? step : RT_NONE;
    return rt_from_object(s);
}

/* _PyEval_SliceIndex: ints (bool included) clamp to the int64 range. */
bool rt_slice_index_value(rt_vm *vm, rt_value v, int64_t *out)
{
    if (rt_is_small_int(v)) {
        *out = rt_small_int_value(v);
        return true;
    }
    if (!rt_is_int(v)) {
        rt_raise_msg(vm, &rt_type_error_type,
                     "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    if (!rt_int_to_int64(v, out))
        *out = rt_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
    return true;
}

/* PySlice_Unpack: None bounds become the ends for the step's direction. */
static bool unpack(rt_vm *vm, rt_slice *s, int64_t *start, int64_t *stop, int64_t *step)
{
    *step = 1;
    if (s->step != RT_NONE) {
        if (!rt_slice_index_value(vm, s->step, step))
            return false;
        if (*step == 0) {
            rt_raise_msg(vm, &rt_value_error_type, "slice step cannot be zero");
            return false;
        }
        if (*step < -INT64_MAX) /* so that -step cannot overflow */
            *step = -INT64_MAX;
    }
    if (s->start == RT_NONE)
        *start = *step < 0 ? INT64_MAX : 0;
    else if (!rt_slice_index_value(vm, s->start, start))
        return false;
    if (s->stop == RT_NONE)
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (!rt_slice_index_value(vm, s->stop, stop))
        return false;
    return true;
}

/* PySlice_AdjustIndices: clamps to the sequence and counts the selected items. */
static int64_t adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0)
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

int rt_slice_indices(rt_vm *vm, rt_value slice, int64_t length, int64_t *start, int64_t *stop,
                     int64_t *step, int64_t *count)
{
    if (!unpack(vm, as_slice(slice), start, stop, step))
        return -1;
    *count = adjust(length, start, stop, *step);
    return 0;
}

/* ---- bounds of any size ---- */

static bool int_less(rt_vm *vm, rt_value a, rt_value b)
{
    return rt_int_compare(vm, a, b, RT_LT) == RT_TRUE;
}

/* PyNumber_Index of a slice field: the int itself (a bool as 0 or 1). */
static rt_value long_index(rt_vm *vm, rt_value v)
{
    if (!rt_is_int(v))
        return rt_raise_msg(vm, &rt_type_error_type,
                            "slice indices must be integers or None or have an __index__ method");
    int64_t x;
    return rt_int_to_int64(v, &x) ? rt_int_from_int64(x) : v;
}

/* One bound of _PySlice_GetLongIndices: `dflt` for None, else counted from the end when
 * negative and clamped to [lower, upper]. */
static rt_value long_bound(rt_vm *vm, rt_value v, rt_value length, rt_value lower,
                           rt_value upper, rt_value dflt)
{
    if (v == RT_NONE)
        return dflt;
    if (!(v = long_index(vm, v)))
        return RT_ERROR;
    if (rt_int_sign(v) < 0) {
        v = rt_int_binary(vm, RT_ADD, v, length);
        return v && int_less(vm, v, lower) ? lower : v;
    }
    return int_less(vm, upper, v) ? upper : v;
}

bool rt_slice_long_indices(rt_vm *vm, rt_value slice, rt_value length, rt_value out[3])
{
    rt_slice *s = as_slice(slice);
    rt_value step = s->step == RT_NONE ? rt_small_int(1) : long_index(vm, s->step);
    if (!step)
        return false;
    if (rt_int_sign(step) == 0) {
        rt_raise_msg(vm, &rt_value_error_type, "slice step cannot be zero");
        return false;
    }
    bool back = rt_int_sign(step) < 0;
    rt_value lower = rt_small_int(back ? -1 : 0);
    rt_value upper = back ? rt_int_binary(vm, RT_ADD, length, lower) : length;
    if (!upper)
        return false;
    out[0] = long_bound(vm, s->start, length, lower, upper, back ? upper : lower);
    out[1] = out[0] ? long_bound(vm, s->stop, length, lower, upper, back ? lower : upper) : 0;
    out[2] = step;
    return out[0] && out[1];
}

/* ---- the type ---- */

static rt_value slice_repr(rt_vm *vm, rt_value self)
{
    rt_slice *s = as_slice(self);
    return rt_str_printf(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static rt_value as_tuple3(rt_slice *s) { return rt_tuple_pack(3, s->start, s->stop, s->step); }

/* Slices compare as the tuples (start, stop, step). */
static rt_value slice_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(self, &rt_slice_type) || !rt_is_type(other, &rt_slice_type))
        return RT_NOT_IMPLEMENTED;
    if (self == other && (op == RT_EQ || op == RT_NE))
        return rt_bool(op == RT_EQ);
    return rt_compare(vm, op, as_tuple3(as_slice(self)), as_tuple3(as_slice(other)));
}

static rt_value slice_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_slice *s = as_slice(self);
    if (rt_str_equal_cstr(name, "start"))
        return s->start;
    if (rt_str_equal_cstr(name, "stop"))
        return s->stop;
    if (rt_str_equal_cstr(name, "step"))
        return s->step;
    return 0;
}

static int slice_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    if (rt_str_equal_cstr(name, "start") || rt_str_equal_cstr(name, "stop") ||
        rt_str_equal_cstr(name, "step"))
        rt_raise_msg(vm, &rt_attribute_error_type, "readonly attribute");
    else
        rt_raise_format(vm, &rt_attribute_error_type, "'slice' object has no attribute '%U'",
                        name);
    return -1;
}

/* slice.indices(length): the clamped (start, stop, step) for a sequence of that length. */
static rt_value m_indices(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "slice.indices", nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_value length = args[0];
    if (!rt_is_int(length))
        return rt_raise_format(vm, &rt_type_error_type,
                               "'%T' object cannot be interpreted as an integer", length);
    if (rt_int_sign(length) < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "length should not be negative");
    rt_value out[3];
    if (!rt_slice_long_indices(vm, self, long_index(vm, length), out))
        return RT_ERROR;
    return rt_tuple_pack(3, out[0], out[1], out[2]);
}

static const rt_method slice_methods[] = {
    {"indices", m_indices, NULL},
    {NULL, NULL, NULL},
};

static rt_value slice_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "slice", nargs, kwnames, 1, 3))
        return RT_ERROR;
    if (nargs == 1)
        return rt_slice_new(vm, RT_NONE, args[0], RT_NONE);
    return rt_slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : RT_NONE);
}

const rt_type rt_slice_type = {
    .base = {&rt_type_type},
    .name = "slice",
    .base_type = &rt_object_type,
    .repr = slice_repr,
    .compare = slice_compare,
    .getattr = slice_getattr,
    .setattr = slice_setattr,
    .methods = slice_methods,
    .construct = slice_construct,
};
