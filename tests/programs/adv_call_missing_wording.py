# missing 1/2/3/4 required positional arguments: the 'x', 'x' and 'y', 'x', 'y', and 'z' wording.
def one(x):
    return x


def two(x, y):
    return x


def three(x, y, z):
    return x


def four(a, b, c, d):
    return a


def mixed(a, b, c=1, *args, d, e, f=2, **kw):
    return a


def outer():
    def inner(p, q, r):
        return p
    return inner


inner = outer()
cases = [
    lambda: one(),
    lambda: two(),
    lambda: two(1),
    lambda: two(y=1),
    lambda: three(),
    lambda: three(1),
    lambda: three(z=1),
    lambda: three(y=2),
    lambda: four(),
    lambda: four(1),
    lambda: mixed(),
    lambda: mixed(1),
    lambda: mixed(1, 2),
    lambda: mixed(1, 2, d=0),
    lambda: inner(),
    lambda: inner(q=1),
    lambda: (lambda x, y, z: 0)(),
    lambda: (lambda x, y, z: 0)(0, z=2),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except TypeError as e:
        print(i, type(e).__name__, e)
