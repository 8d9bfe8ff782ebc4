# Recursion through lru_cache and cache: fib, hit/miss counts, __wrapped__ bypasses the cache.
import functools

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(100))
print(fib.cache_info())
print(fib(100), fib.cache_info())
raw_calls = 0

@functools.cache
def fact(n):
    global raw_calls
    raw_calls += 1
    return 1 if n < 2 else n * fact(n - 1)

print(fact(30), raw_calls, fact.cache_info())
print(fact(31), raw_calls, fact.cache_info())
print(fact.__wrapped__(5), raw_calls, fact.cache_info())
print(fact.__name__, fact.__qualname__, fact.__doc__, fact.__module__)
print(type(fact).__name__, fact.cache_parameters())

@functools.lru_cache
def bare(x):
    "bare lru_cache without parentheses"
    return x

print(bare(3), bare.cache_info(), bare.__doc__)
print(repr(fib).startswith("<functools._lru_cache_wrapper object at 0x"))

@functools.lru_cache(maxsize=3)
def small_fib(n):
    return n if n < 2 else small_fib(n - 1) + small_fib(n - 2)

print(small_fib(30), small_fib.cache_info())
try:
    functools.lru_cache("x")
except TypeError as e:
    print(type(e).__name__, e)
