# The "from N to M positional arguments" wording for functions with defaults.
def f(a, b=1):
    return a, b


def g(a, b, c=3, d=4):
    return a, b, c, d


def h(a=1, b=2):
    return a, b


def k(a, b=2, *, c):
    return a, b, c


def m(p, q=0, /, r=1):
    return p, q, r


def outer():
    def inner(x, y=0, z=0):
        return x + y + z
    return inner


inner = outer()
cases = [
    lambda: f(1, 2, 3),
    lambda: f(),
    lambda: g(1, 2, 3, 4, 5),
    lambda: g(1, 2, 3, 4, 5, 6),
    lambda: h(1, 2, 3),
    lambda: k(1, 2, 3),
    lambda: k(1, 2, 3, c=4),
    lambda: m(1, 2, 3, 4),
    lambda: inner(1, 2, 3, 4),
    lambda: (lambda a, b=1: a)(1, 2, 3),
    lambda: (lambda a=1: a)(1, 2),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
print(g(1, 2), h(), k(0, c=9), m(1), inner(5))
