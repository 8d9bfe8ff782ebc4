/* The methods of str, called with the rt_cfunc convention (self is the str). */
#include "str.h"

const rt_method rt_str_methods[] = {
    {NULL, NULL, NULL},
};
