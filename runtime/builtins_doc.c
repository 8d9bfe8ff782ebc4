/* Docstrings of the builtin functions (their __doc__), copied from CPython 3.11 for the short
 * ones; the long ones (print, min, max, ...) are not carried and read as None. */
#include <string.h>

#include "builtins.h"

static const struct {
    const char *name;
    const char *doc;
} docs[] = {
    {"abs", "Return the absolute value of the argument."},
    {"all", "Return True if bool(x) is True for all values x in the iterable.\n"
            "\n"
            "If the iterable is empty, return True."},
    {"any", "Return True if bool(x) is True for any x in the iterable.\n"
            "\n"
            "If the iterable is empty, return False."},
    {"bin", "Return the binary representation of an integer.\n"
            "\n"
            "   >>> bin(2796202)\n"
            "   '0b1010101010101010101010'"},
    {"callable", "Return whether the object is callable (i.e., some kind of function).\n"
                 "\n"
                 "Note that classes are callable, as are instances of classes with a\n"
                 "__call__() method."},
    {"chr", "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"delattr", "Deletes the named attribute from the given object.\n"
                "\n"
                "delattr(x, 'y') is equivalent to ``del x.y``"},
    {"divmod", "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"format", "Return value.__format__(format_spec)\n"
               "\n"
               "format_spec defaults to the empty string.\n"
               "See the Format Specification Mini-Language section of help('FORMATTING') for\n"
               "details."},
    {"getattr", "getattr(object, name[, default]) -> value\n"
                "\n"
                "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\n"
                "When a default argument is given, it is returned when the attribute doesn't\n"
                "exist; without it, an exception is raised in that case."},
    {"globals", "Return the dictionary containing the current scope's global variables.\n"
                "\n"
                "NOTE: Updates to this dictionary *will* affect name lookups in the current\n"
                "global scope and vice-versa."},
    {"hasattr", "Return whether the object has an attribute with the given name.\n"
                "\n"
                "This is done by calling getattr(obj, name) and catching AttributeError."},
    {"hash", "Return the hash value for the given object.\n"
             "\n"
             "Two objects that compare equal must also have the same hash value, but the\n"
             "reverse is not necessarily true."},
    {"hex", "Return the hexadecimal representation of an integer.\n"
            "\n"
            "   >>> hex(12648430)\n"
            "   '0xc0ffee'"},
    {"id", "Return the identity of an object.\n"
           "\n"
           "This is guaranteed to be unique among simultaneously existing objects.\n"
           "(CPython uses the object's memory address.)"},
    {"isinstance", "Return whether an object is an instance of a class or of a subclass thereof.\n"
                   "\n"
                   "A tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\n"
                   "check against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\n"
                   "or ...`` etc."},
    {"issubclass", "Return whether 'cls' is derived from another class or is the same class.\n"
                   "\n"
                   "A tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\n"
                   "check against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\n"
                   "or ...``."},
    {"iter", "iter(iterable) -> iterator\n"
             "iter(callable, sentinel) -> iterator\n"
             "\n"
             "Get an iterator from an object.  In the first form, the argument must\n"
             "supply its own iterator, or be a sequence.\n"
             "In the second form, the callable is called until it returns the sentinel."},
    {"len", "Return the number of items in a container."},
    {"next", "next(iterator[, default])\n"
             "\n"
             "Return the next item from the iterator. If default is given and the iterator\n"
             "is exhausted, it is returned instead of raising StopIteration."},
    {"oct", "Return the octal representation of an integer.\n"
            "\n"
            "   >>> oct(342391)\n"
            "   '0o1234567'"},
    {"ord", "Return the Unicode code point for a one-character string."},
    {"pow", "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n"
            "\n"
            "Some types, such as ints, are able to use a more efficient algorithm when\n"
            "invoked using the three argument form."},
    {"repr", "Return the canonical string representation of the object.\n"
             "\n"
             "For many object types, including most builtins, eval(repr(obj)) == obj."},
    {"round", "Round a number to a given precision in decimal digits.\n"
              "\n"
              "The return value is an integer if ndigits is omitted or None.  Otherwise\n"
              "the return value has the same type as the number.  ndigits may be negative."},
    {"setattr", "Sets the named attribute on the given object to the specified value.\n"
                "\n"
                "setattr(x, 'y', v) is equivalent to ``x.y = v``"},
    {"sorted", "Return a new list containing all items from the iterable in ascending order.\n"
               "\n"
               "A custom key function can be supplied to customize the sort order, and the\n"
               "reverse flag can be set to request the result in descending order."},
    {"sum", "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n"
            "\n"
            "When the iterable is empty, return the start value.\n"
            "This function is intended specifically for use with numeric values and may\n"
            "reject non-numeric types."},
    {"vars", "vars([object]) -> dictionary\n"
             "\n"
             "Without arguments, equivalent to locals().\n"
             "With an argument, equivalent to object.__dict__."},
    {NULL, NULL},
};

const char *rt_builtin_doc(const char *name)
{
    for (int i = 0; docs[i].name != NULL; i++)
        if (strcmp(docs[i].name, name) == 0)
            return docs[i].doc;
    return NULL;
}
