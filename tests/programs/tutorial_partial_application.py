# Functional programming tutorial: partial application with functools.partial.
from functools import partial


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5))
print(cube(2))
print(square.func.__name__, square.args, square.keywords)

# int() with a fixed base
basetwo = partial(int, base=2)
basetwo.__doc__ = "Convert base 2 string to an int."
print(basetwo("10010"))
print(basetwo.__doc__)

# Partial of print with a custom separator
print_csv = partial(print, sep=",")
print_csv("a", "b", "c")


# Doing it by hand with a closure
def my_partial(func, *fixed_args, **fixed_kwargs):
    def wrapper(*args, **kwargs):
        all_kwargs = {**fixed_kwargs, **kwargs}
        return func(*fixed_args, *args, **all_kwargs)
    return wrapper


double = my_partial(lambda x, y: x * y, 2)
print(double(21))
print(list(map(partial(power, 2), range(6))))
