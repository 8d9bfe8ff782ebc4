# Decorator overhead (bench/runner.py deco): N calls of one small function; ns per call is this
# program's whole-process time minus deco_overhead_baseline.py's, divided by N.
# plain: a direct call of an undecorated function.
N = 20_000_000


def f(x):
    return x + 1


total = 0
for i in range(N):
    total += f(i & 1023)
print(total)
