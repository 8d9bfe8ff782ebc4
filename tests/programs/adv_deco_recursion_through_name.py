# A recursive decorated function calls itself through its module name, i.e. through the wrapper.
depth = []

def trace(func):
    def wrapper(n):
        depth.append(n)
        return func(n)
    return wrapper

@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(5), depth)
depth.clear()
undecorated = fact.__closure__[0].cell_contents
print(undecorated(4), depth)
depth.clear()

def memo(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

calls = 0

@memo
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), calls, len(fib.cache))
plain_fib = fib.__closure__[1].cell_contents if fib.__code__.co_freevars[1] == "func" else None
print(fib.__code__.co_freevars, plain_fib.__name__)
old = fib
fib = lambda n: -1
print(old(61), calls)
