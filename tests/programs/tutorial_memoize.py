# Decorators tutorial: memoization with a dictionary, then with functools.lru_cache.
import functools


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args in cache:
            return cache[args]
        result = func(*args)
        cache[args] = result
        return result

    wrapper.cache = cache
    return wrapper


call_count = 0


@memoize
def fibonacci(n):
    global call_count
    call_count += 1
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


print(fibonacci(30))
print("function body ran", call_count, "times")
print(len(fibonacci.cache), fibonacci.cache[(10,)])


@functools.lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(n) for n in range(16)])
print(fib.cache_info())
print(fib(80))
fib.cache_clear()
print(fib.cache_info())
