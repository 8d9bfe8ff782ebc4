# positional-only parameters passed as keywords.
def f(a, b, /):
    return a, b


def g(a, /, b, *, c):
    return a, b, c


def h(a, b=2, /, c=3):
    return a, b, c


def outer():
    def inner(x, /):
        return x
    return inner


inner = outer()
cases = [
    lambda: f(1, b=2),
    lambda: f(a=1, b=2),
    lambda: g(a=1, b=2, c=3),
    lambda: h(1, b=5),
    lambda: inner(x=1),
    lambda: (lambda q, /: q)(q=1),
    lambda: f(**{"a": 1, "b": 2}),
    lambda: h(a=1),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
print(f(1, 2), g(1, b=2, c=3), h(1), h(1, 2, c=4), inner(9))
print(f.__code__.co_posonlyargcount, g.__code__.co_posonlyargcount, h.__defaults__)
