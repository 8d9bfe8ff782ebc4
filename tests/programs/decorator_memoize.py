# A memoising decorator with a cache dict visible as an attribute.
def memoize(func):
    cache = {}

    def wrapper(*args):
        if args in cache:
            wrapper.hits += 1
            return cache[args]
        result = func(*args)
        cache[args] = result
        return result

    wrapper.cache = cache
    wrapper.hits = 0
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100))
print(len(fib.cache), fib.hits)


@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print(paths(16, 16))
print(len(paths.cache), paths.hits)
print(sorted(fib.cache)[:5], fib.cache[(10,)])
