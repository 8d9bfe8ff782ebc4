# Decorators tutorial: a timing decorator (the durations themselves are not printed, since
# they change from run to run).
import functools
import time


def timer(func):
    """Print the runtime of the decorated function"""
    @functools.wraps(func)
    def wrapper_timer(*args, **kwargs):
        start_time = time.perf_counter()
        value = func(*args, **kwargs)
        end_time = time.perf_counter()
        run_time = end_time - start_time
        wrapper_timer.last_run_time = run_time
        print(f"Finished {func.__name__!r}: duration is non-negative: {run_time >= 0}")
        return value
    return wrapper_timer


@timer
def waste_some_time(num_times):
    for _ in range(num_times):
        sum([i**2 for i in range(1000)])
    return num_times


print(waste_some_time(1))
print(waste_some_time(10))
print(waste_some_time.__name__)
print(waste_some_time.__doc__)
print(type(waste_some_time.last_run_time))


@timer
def slow_down(seconds):
    """Sleep before returning"""
    time.sleep(seconds)
    return "done"


print(slow_down(0))
print(slow_down.__doc__, slow_down.__wrapped__.__doc__)
