# Known callees through decorator wrappers (jit/codegen_known.c, codegen_call.c): a hot call
# of a `(*args, **kwargs)` wrapper and the wrapper's `fn(*args, **kwargs)` are both
# speculated on the code they have always called; then the same sites see other argument
# counts, keywords, other functions and exceptions. Each scenario's loop is long enough for
# the optimised tier.
import functools

N = 30_000


def counting(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = lambda: calls
    return wrapper


def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@counting
def inc(x):
    return x + 1


@counting
@traced
def add(x, y=10):
    return x + y


def plain():
    t = 0
    for i in range(N):
        t += inc(i & 255)
    print("counting", t, inc.calls())


plain()


def stacked():
    t = 0
    for i in range(N):
        t += add(i, 2)
    for i in range(100):
        t += add(i)
        t += add(i, y=i)
    print("stacked", t, add.__name__, add.calls())


stacked()


# The wrapped function raising: the traceback goes through both wrappers' frames.
@counting
@traced
def risky(x):
    if x == N - 1:
        raise ValueError("at %d" % x)
    return x


def raising():
    t = 0
    try:
        for i in range(N):
            t += risky(i)
    except ValueError as e:
        print("raised", e, t, risky.calls())


raising()


# Wrong argument counts at a site that was always right.
def counts():
    t = 0
    for i in range(N):
        t += inc(i)
    for args in [(), (1, 2)]:
        try:
            inc(*args)
        except TypeError as e:
            print("TypeError", e)
    print("counts", t)


counts()


# A site whose wrapper is swapped for another wrapper, then for a plain function.
def swapped():
    global inc
    t = 0
    original = inc
    for i in range(N):
        if i == N // 2:
            inc = counting(lambda x: x * 2)
        t += inc(i)
    inc = lambda x: -x
    t += inc(5)
    inc = original
    print("swapped", t)


swapped()


# functools.lru_cache under a counting wrapper.
@counting
@functools.lru_cache(maxsize=None)
def square(x):
    return x * x


def cached():
    t = 0
    for i in range(N):
        t += square(i & 63)
    print("cached", t, square.calls(), square.__wrapped__.cache_info() if hasattr(square, "__wrapped__") else "")


cached()
