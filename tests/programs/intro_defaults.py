# __defaults__ and __kwdefaults__: reading, replacing and their effect on calls.
def f(a, b=2, c=[3], *, d=4, e="five"):
    return a, b, c, d, e


print(f.__defaults__, f.__kwdefaults__)
print(f(1))
f.__defaults__ = (20, [30])
f.__kwdefaults__ = {"d": 40, "e": "fifty"}
print(f(1))
f.__defaults__[1].append(31)
print(f(1))


def no_defaults(x, *, y):
    return x


print(no_defaults.__defaults__, no_defaults.__kwdefaults__)
no_defaults.__kwdefaults__ = {"y": 0}
print(no_defaults(5))
no_defaults.__defaults__ = (9,)
print(no_defaults())
lam = lambda p=1, *, q=2: p + q
print(lam.__defaults__, lam.__kwdefaults__, lam())
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
