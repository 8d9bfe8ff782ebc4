# functools.partial: func/args/keywords, call-time extra args and keyword override, repr.
import functools

def power(base, exp=2, *, mod=None):
    return base ** exp if mod is None else pow(base, exp, mod)

square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
two_to = functools.partial(power, 2)
print(square(5), cube(2), two_to(10), two_to(exp=5))
print(square.func is power, square.args, square.keywords)
print(two_to.args, two_to.keywords, type(two_to).__name__)
print(square(3, exp=4))
print(functools.partial(power, 3, mod=5)(4))
print(repr(square).replace(repr(power), "POWER"))
print(repr(functools.partial(power, 1, 2, mod=3)).replace(repr(power), "POWER"))
print(repr(functools.partial(len)))
print(repr(functools.partial(print, "a", sep="-")))
kw = {"exp": 5}
p = functools.partial(power, **kw)
kw["exp"] = 0
print(p(2), p.keywords, p.keywords is kw)
try:
    two_to(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.partial(power, 1, 2, 3)()
except TypeError as e:
    print(type(e).__name__, e)
print(functools.partial(power)(6), functools.partial(power)(6) == power(6))
