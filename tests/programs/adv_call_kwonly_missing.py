# missing keyword-only arguments, with and without defaults, for nested functions and lambdas.
def k1(*, a):
    return a


def k2(*, a, b):
    return a, b


def k3(*, a, b, c):
    return a, b, c


def kd(x, *, a=1, b, c=3, d):
    return x, a, b, c, d


def star(*args, key):
    return args, key


def outer():
    def inner(*, level, depth=0):
        return level, depth
    return inner


inner = outer()
cases = [
    lambda: k1(),
    lambda: k2(),
    lambda: k2(b=1),
    lambda: k3(),
    lambda: k3(a=1),
    lambda: kd(0),
    lambda: kd(0, b=1),
    lambda: kd(b=1),
    lambda: star(1, 2, 3),
    lambda: inner(),
    lambda: inner(depth=5),
    lambda: (lambda *, z: z)(),
    lambda: k1(1),
    lambda: k1(1, a=2),
    lambda: kd(1, 2, b=1, d=3),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
print(kd(0, b=2, d=4), star(key="k"), inner(level=3))
print(kd.__kwdefaults__, inner.__kwdefaults__, k1.__kwdefaults__)
