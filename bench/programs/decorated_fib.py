# Recursive fib under a counting decorator whose wrapper forwards *args, **kwargs.
counters = {}


def counting(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return fn(*args, **kwargs)

    def count():
        return calls

    counters[fn.__name__] = count
    return wrapper


@counting
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(32), counters["fib"]())
