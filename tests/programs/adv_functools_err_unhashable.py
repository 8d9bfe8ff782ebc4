# Uncaught: an unhashable argument to an lru_cache-decorated nested function.
import functools

def make():
    @functools.lru_cache(maxsize=4)
    def total(items):
        return sum(items)
    return total

total = make()
print(total((1, 2, 3)), total.cache_info())
print(total([1, 2, 3]))
