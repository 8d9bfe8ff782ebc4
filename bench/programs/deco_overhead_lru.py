# Decorator overhead (bench/runner.py deco): N calls of one small function; ns per call is this
# program's whole-process time minus deco_overhead_baseline.py's, divided by N.
# lru: functools.lru_cache(maxsize=None); 1024 distinct arguments, so all but 1024 calls hit.
import functools

N = 20_000_000


@functools.lru_cache(maxsize=None)
def f(x):
    return x + 1


total = 0
for i in range(N):
    total += f(i & 1023)
print(total)
