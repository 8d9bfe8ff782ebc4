# lru_cache details: typed=True, keyword order, maxsize=0, and cache_parameters().
import functools


@functools.lru_cache(maxsize=8, typed=True)
def kind(x):
    return type(x).__name__ + ":" + str(x)


print(kind(1), kind(1.0), kind(1))
print(kind.cache_info())
print(kind.cache_parameters())


@functools.lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())


@functools.lru_cache()
def kw(a=0, b=0):
    return a - b


print(kw(a=1, b=2), kw(b=2, a=1), kw(1, 2))
print(kw.cache_info())
