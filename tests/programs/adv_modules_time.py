# time: perf_counter/time/monotonic differences are non-negative, sleep(0) returns None,
# types of the results, and sleep's argument errors. No timing values are printed.
import time
t0 = time.perf_counter()
w0 = time.time()
m0 = time.monotonic()
total = sum(i * i for i in range(10000))
print(time.sleep(0), total)
t1 = time.perf_counter()
w1 = time.time()
m1 = time.monotonic()
print(t1 - t0 >= 0, w1 - w0 >= 0, m1 - m0 >= 0, w0 > 1.5e9)
print(type(t0).__name__, type(w0).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(time.perf_counter_ns() >= 0, abs(time.time_ns() / 1e9 - time.time()) < 60)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__, e)

def timed(func):
    def wrapper(*args):
        start = time.perf_counter()
        result = func(*args)
        wrapper.elapsed = time.perf_counter() - start
        return result
    return wrapper

@timed
def work(n):
    time.sleep(0.0)
    return n * 2

print(work(21), work.elapsed >= 0, isinstance(work.elapsed, float))
print(time.sleep(0.001) is None)
