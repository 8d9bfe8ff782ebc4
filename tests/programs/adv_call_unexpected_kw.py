# unexpected keyword arguments, including ones that name *args / **kw / positional-only params.
def f(a, b):
    return a + b


def g(a, /, b):
    return a, b


def h(*args):
    return args


def j(a, **kw):
    return a, kw


def outer():
    def inner(x):
        return x
    return inner


inner = outer()
cases = [
    lambda: f(1, 2, c=3),
    lambda: f(1, 2, args=3),
    lambda: h(args=1),
    lambda: h(1, 2, x=3),
    lambda: inner(y=1),
    lambda: inner(1, y=2),
    lambda: (lambda: 0)(q=1),
    lambda: (lambda a: 0)(b=1),
    lambda: f(**{"a": 1, "b": 2, "zz": 3}),
    lambda: f(1, 2, c=3, d=4),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
# **kw swallows names that are not parameters, even ones equal to positional-only names
print(j(1, b=2, kw=3))
print(j(1, **{"a": 5}) if False else "skip")
try:
    j(1, **{"a": 5})
except TypeError as e:
    print(type(e).__name__, e)


def p(a, /, **kw):
    return a, kw


print(p(1, a=2))
