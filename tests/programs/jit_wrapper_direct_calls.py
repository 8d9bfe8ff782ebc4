# Calls of decorator wrappers that only forward *args, **kwargs: compiled callers call them
# directly (the *args tuple in the caller's frame) once the callee is warm. Every result,
# error and traceback must be CPython's, whether the call goes direct or not.
import functools


def counting(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = lambda: calls
    return wrapper


def positional_only(fn):
    def wrapper(*args):
        return fn(*args)

    return wrapper


@counting
def add(a, b=10, *rest):
    return a + b + len(rest)


@positional_only
def triple(a, b, c):
    return (a, b, c)


@counting
def nothing():
    return "nothing"


def caller(n):
    total = 0
    for i in range(n):
        total += add(i) + add(i, 1) + add(i, 2, 3, 4)
        if triple(i, i, i)[2] != i or nothing() != "nothing":
            raise AssertionError
    return total


print(caller(30000), add.calls())


# Wrong arity reaches the wrapped function: its TypeError, raised through the wrapper.
def bad_calls():
    for _ in range(20000):
        triple(1, 2, 3)
    try:
        triple(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        add()
    except TypeError as e:
        print("TypeError:", e)


bad_calls()


# Two stacked forwarding wrappers: the outer passes its tuple on to the inner one.
@counting
@functools.wraps(add)
@counting
def mul(a, b):
    return a * b


def stacked(n):
    return sum(mul(i, 3) for i in range(n))


print(stacked(30000), mul.calls(), mul.__wrapped__.calls() if hasattr(mul, "__wrapped__") else None)


# Deep recursion through a wrapper: RecursionError, not a crash.
@counting
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(300))
try:
    down(100000)
except RecursionError as e:
    print("RecursionError:", e)


# A wrapper with a positional parameter before *args (called directly through the runtime's
# slot builder), and one taking only *args.
def tagging(fn):
    def wrapper(first, *args, **kwargs):
        return (first, fn(first, *args, **kwargs))

    return wrapper


@tagging
def join(*parts):
    return "-".join(str(p) for p in parts)


def tag_loop(n):
    last = None
    for i in range(n):
        last = join(i, i + 1, i + 2)
    return last


print(tag_loop(30000))
try:
    join()
except TypeError as e:
    print("TypeError:", e)


# An exception from the wrapped function propagates through the wrapper with its traceback.
@counting
def fails(n):
    if n > 25000:
        raise ValueError(f"too big: {n}")
    return n


def drive():
    for i in range(30000):
        fails(i)


drive()
