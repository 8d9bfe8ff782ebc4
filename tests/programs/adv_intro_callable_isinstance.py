# callable, isinstance against type(f), id stability and identity of functions and builtins.
import functools

def f():
    return 1

function = type(f)
builtin = type(len)
things = [f, lambda: 0, len, print, functools.partial(f), functools.lru_cache(f),
          [].append, 1, "s", None, (f,), f.__code__, type, int]
for t in things:
    print(callable(t), isinstance(t, function), isinstance(t, builtin), type(t).__name__)
print(id(f) == id(f), id(f) != id(lambda: 0), f is f)
alias = f
print(alias is f, id(alias) == id(f), alias.__name__)
print(isinstance(f, (int, function)), isinstance(len, (int, str)), issubclass(function, object))
try:
    isinstance(f, f)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
print(type(f) == function, type(f()) is int, type(type(f)) is type)
