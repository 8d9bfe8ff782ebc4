# Names and types of builtin functions and types used as values.
for obj in [len, print, sorted, abs, max, isinstance]:
    print(obj.__name__, type(obj).__name__, callable(obj))
for t in [int, str, list, dict, tuple, set, float, bool, type]:
    print(t.__name__, type(t).__name__, t)
funcs = {"len": len, "sum": sum}
print(funcs["len"]([1, 2]), funcs["sum"]([1, 2]))
alias = len
print(alias is len, alias("abc"), repr(alias))
print(int.__name__, str(int), repr(str))
