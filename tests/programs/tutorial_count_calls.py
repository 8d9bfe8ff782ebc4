# Decorators tutorial: counting calls by storing state on the wrapper function.
import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper_count_calls(*args, **kwargs):
        wrapper_count_calls.num_calls += 1
        print(f"Call {wrapper_count_calls.num_calls} of {func.__name__!r}")
        return func(*args, **kwargs)
    wrapper_count_calls.num_calls = 0
    return wrapper_count_calls


@count_calls
def say_whee():
    print("Whee!")


say_whee()
say_whee()
print(say_whee.num_calls)


# The same thing with a closure variable and nonlocal
def counted(func):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return func(*args, **kwargs), calls
    return wrapper


@counted
def square(x):
    return x * x


print(square(3))
print(square(4))
print(square(5))
print(square.__closure__[0].cell_contents)
