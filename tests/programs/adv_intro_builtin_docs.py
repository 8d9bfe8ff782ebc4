# __doc__ and names of builtins and functools functions, as tutorials print them.
import functools
for fn in (len, print, max, sorted, abs, repr, isinstance, callable, getattr):
    print(fn.__name__, "|", fn.__doc__.splitlines()[0])
for fn in (functools.reduce, functools.partial, functools.wraps, functools.lru_cache,
           functools.update_wrapper, functools.cache):
    print(fn.__name__, "|", fn.__doc__.splitlines()[0])
print(functools.partial(len).__doc__.splitlines()[0])
print(functools.lru_cache(len).__doc__.splitlines()[0])
print(functools.__name__, type(functools).__name__, functools.__doc__.splitlines()[0])
print(int.__doc__.splitlines()[0], "|", str.__doc__.splitlines()[0])
print(functools.reduce.__module__, functools.partial.__module__, len.__module__, functools.wraps.__module__)
