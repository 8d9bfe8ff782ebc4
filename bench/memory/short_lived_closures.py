# Issue 5: "creating 10^7 short-lived closures runs in bounded memory". N (sys.argv[1]) rounds of
# two kinds of closure that die at once: a factory's `lambda x: x + k`, called once and dropped,
# and a counter object (two closures sharing a `nonlocal` cell) made, used and dropped. Nothing
# outlives its round, so peak memory should not grow with N. bench/runner.py memory runs it.
import sys


def make(k):
    return lambda x: x + k


def make_counter(start):
    count = start

    def step(k):
        nonlocal count
        count += k
        return count

    def get():
        return count

    return step, get


N = int(sys.argv[1])

total = 0
for i in range(N):
    f = make(i & 1023)
    total += f(i)
    f = None

counted = 0
for i in range(N):
    step, get = make_counter(i & 255)
    step(i & 3)
    step(1)
    counted += get()
    step = get = None

print(N, total, counted)
