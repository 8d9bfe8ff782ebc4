# Caching tutorial: a hand-written cache keyed on positional and keyword arguments.
def cached(func):
    cache = {}

    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            print(f"computing {func.__name__}{args} {kwargs}")
            cache[key] = func(*args, **kwargs)
        else:
            print(f"cache hit for {args} {kwargs}")
        return cache[key]

    wrapper.cache = cache
    wrapper.clear = cache.clear
    return wrapper


@cached
def slow_power(base, exp=2):
    return base ** exp


print(slow_power(3))
print(slow_power(3))
print(slow_power(3, exp=3))
print(slow_power(exp=3, base=3))
print(slow_power(3, 3))
print(len(slow_power.cache))
slow_power.clear()
print(len(slow_power.cache), slow_power(2, exp=10))
