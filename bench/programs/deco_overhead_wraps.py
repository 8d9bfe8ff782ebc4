# Decorator overhead (bench/runner.py deco): N calls of one small function; ns per call is this
# program's whole-process time minus deco_overhead_baseline.py's, divided by N.
# wraps: a functools.wraps wrapper that forwards *args, **kwargs.
import functools

N = 20_000_000


def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


@traced
def f(x):
    return x + 1


total = 0
for i in range(N):
    total += f(i & 1023)
print(total)
