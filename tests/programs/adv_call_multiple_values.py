# "got multiple values for argument" in its different shapes.
def f(a, b, c=0):
    return a, b, c


def outer():
    def inner(x, y):
        return x, y
    return inner


inner = outer()
cases = [
    lambda: f(1, 2, a=3),
    lambda: f(1, 2, 3, c=4),
    lambda: f(1, b=2, **{"b": 3}),
    lambda: f(*[1, 2], b=5),
    lambda: inner(1, x=2),
    lambda: (lambda a, b: 0)(1, 2, b=3),
    lambda: f(1, **{"a": 1}),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(1, 2, **{"c": 3}, **{"c": 4}),
    lambda: dict(a=1, **{"a": 2}),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
