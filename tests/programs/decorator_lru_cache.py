# functools.lru_cache with cache_info() and cache_clear().
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def ident(x):
    print("computing", x)
    return x


for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(ident.cache_info())


@functools.lru_cache
def plain(x):
    return x * 2


print(plain(4), plain(4), plain.cache_info())
print(fib.__name__, fib.__wrapped__.__name__)
