# Assigning __code__: behaviour changes; free-variable count must match.
def one():
    return "one"

def two():
    return "two"

def make():
    x = "closure"
    def c():
        return x
    return c

one.__code__ = two.__code__
print(one(), one.__name__, one.__code__.co_name)
c = make()
try:
    one.__code__ = c.__code__
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.__code__ = two.__code__
except ValueError as e:
    print(type(e).__name__, e)
try:
    one.__code__ = "not code"
except TypeError as e:
    print(type(e).__name__, e)
d = make()
d.__code__ = (lambda: x).__code__ if False else d.__code__
print(d())

def with_args(a, b):
    return a - b

def takes_none():
    return 0

takes_none.__code__ = with_args.__code__
print(takes_none(10, 3))
try:
    takes_none()
except TypeError as e:
    print(type(e).__name__, e)
