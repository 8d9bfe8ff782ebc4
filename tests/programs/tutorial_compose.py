# Functional programming tutorial: composing functions.
from functools import reduce


def compose2(f, g):
    return lambda x: f(g(x))


def compose(*functions):
    return reduce(compose2, functions, lambda x: x)


def add_one(x):
    return x + 1


def double(x):
    return x * 2


def square(x):
    return x * x


add_then_double = compose(double, add_one)
double_then_add = compose(add_one, double)
print(add_then_double(5))  # double(add_one(5)) = 12
print(double_then_add(5))  # add_one(double(5)) = 11

pipeline = compose(str, square, double, add_one)
print(repr(pipeline(3)))


def pipe(value, *functions):
    for function in functions:
        value = function(value)
    return value


print(pipe(3, add_one, double, square, str))
print(pipe("  Hello World  ", str.strip, str.lower, lambda s: s.replace(" ", "_")))
print(compose()(42))
