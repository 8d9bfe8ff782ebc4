/* The format-spec mini-language, str.format, f-string pieces and printf-style % formatting.
 * (First cut: empty specs only; the full mini-language follows.) */
#include <string.h>

#include "exception.h"
#include "format.h"
#include "ops.h"
#include "str.h"

rt_value rt_format(rt_vm *vm, rt_value value, rt_value spec)
{
    if (spec && rt_str_size(spec) > 0)
        return rt_raise_format(vm, &rt_type_error_type,
                               "unsupported format string passed to %T.__format__", value);
    return rt_str(vm, value);
}

rt_value rt_format_value(rt_vm *vm, rt_value value, int conversion, rt_value spec)
{
    if (conversion == 'r')
        value = rt_repr(vm, value);
    else if (conversion == 'a')
        value = rt_ascii(vm, value);
    else if (conversion == 's')
        value = rt_str(vm, value);
    if (!value)
        return RT_ERROR;
    return rt_format(vm, value, spec);
}

rt_value rt_build_string(rt_vm *vm, size_t n, const rt_value *parts)
{
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (size_t i = 0; i < n; i++)
        rt_strbuf_append(&b, rt_str_data(parts[i]), (size_t)rt_str_size(parts[i]));
    return rt_strbuf_finish(&b);
}

rt_value rt_str_format_method(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    return rt_raise_msg(vm, &rt_not_implemented_error_type, "str.format is not implemented yet");
}

rt_value rt_str_percent_format(rt_vm *vm, rt_value format, rt_value args)
{
    return rt_raise_msg(vm, &rt_not_implemented_error_type, "% formatting is not implemented yet");
}
