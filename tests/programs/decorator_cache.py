# functools.cache (unbounded) on a recursive function, with counting of real calls.
import functools

real_calls = 0


@functools.cache
def ways(n):
    global real_calls
    real_calls += 1
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


print(ways(30), real_calls)
print(ways.cache_info())
print(ways(30), real_calls)
print(ways.cache_info().hits, ways.cache_info().currsize)


@functools.cache
def keyed(a, b=0):
    return a + b


keyed(1)
keyed(1, 0)
keyed(1, b=0)
keyed(1)
print(keyed.cache_info())
