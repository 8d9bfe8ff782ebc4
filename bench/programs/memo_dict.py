# A memoising decorator over a dict, on Collatz chain lengths (many hits, many misses).
def memoize(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r

    wrapper.cache = cache
    return wrapper


@memoize
def collatz(n):
    if n == 1:
        return 1
    if n % 2 == 0:
        return 1 + collatz(n // 2)
    return 1 + collatz(3 * n + 1)


best = 0
best_n = 0
total = 0
for n in range(1, 1_000_000):
    c = collatz(n)
    total += c
    if c > best:
        best = c
        best_n = n
print(best_n, best, total, len(collatz.cache))
