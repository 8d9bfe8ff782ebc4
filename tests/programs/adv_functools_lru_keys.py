# lru_cache keys: positional vs keyword are different keys, keyword order matters, typed=.
import functools

seen = []

@functools.lru_cache(maxsize=None)
def f(a, b=0):
    seen.append((a, b))
    return a + b

f(1, 2)
f(1, b=2)
f(a=1, b=2)
f(b=2, a=1)
f(1, 2)
f(1)
f(1, 0)
print(seen)
print(f.cache_info())

@functools.lru_cache(maxsize=None)
def untyped(x):
    return repr(x)

print(untyped(1), untyped(1.0), untyped(True), untyped.cache_info())

@functools.lru_cache(maxsize=None, typed=True)
def typed(x):
    return repr(x)

print(typed(1), typed(1.0), typed(True), typed.cache_info())
print(typed.cache_parameters(), untyped.cache_parameters())
try:
    f([1], 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, b={})
except TypeError as e:
    print(type(e).__name__, e)
print(f.cache_info())
print(f((1, 2), (3,)), f(frozenset([1]), frozenset()) if False else "frozenset skipped")
print(untyped("1"), untyped.cache_info().currsize)
