# Decorator overhead (bench/runner.py deco): N calls of one small function; ns per call is this
# program's whole-process time minus deco_overhead_baseline.py's, divided by N.
# baseline: the same loop with the function body inlined (no call).
N = 20_000_000

total = 0
for i in range(N):
    total += (i & 1023) + 1
print(total)
