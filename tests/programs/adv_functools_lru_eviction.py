# lru_cache(maxsize=N): least-recently-used eviction, hits refresh recency, cache_info counts.
import functools

calls = []

@functools.lru_cache(maxsize=2)
def f(x):
    calls.append(x)
    return x * x

for x in [1, 2, 1, 3, 2, 1, 1]:
    f(x)
print(calls)
print(f.cache_info())
print(f.cache_info().hits, f.cache_info().misses, f.cache_info().maxsize, f.cache_info().currsize)
hits, misses, maxsize, currsize = f.cache_info()
print(hits + misses, type(f.cache_info()).__name__)
f.cache_clear()
print(f.cache_info())
calls.clear()
f(5)
f(5)
print(calls, f.cache_info())

@functools.lru_cache(maxsize=0)
def nocache(x):
    calls.append(("nocache", x))
    return x

nocache(1)
nocache(1)
print(nocache.cache_info(), calls[-2:])

@functools.lru_cache(maxsize=-5)
def negative(x):
    return x

negative(1)
print(negative.cache_info(), negative.cache_parameters())

@functools.lru_cache(maxsize=1)
def one(x):
    calls.append(("one", x))
    return x

calls.clear()
for x in [1, 1, 2, 1, 2, 2]:
    one(x)
print(calls, one.cache_info())
