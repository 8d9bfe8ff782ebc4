# functools.partial: freezing positional and keyword arguments.
import functools


def power(base, exp, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod


square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
two_to = functools.partial(power, 2)
print(square(9), cube(3), two_to(10))
print(square.func is power, square.args, square.keywords)
print(two_to.args, two_to.keywords)
mod7 = functools.partial(power, mod=7)
print(mod7(3, 4), mod7(3, 4, mod=5))
nested = functools.partial(functools.partial(power, 3), mod=10)
print(nested(3), nested.func is power, nested.args, nested.keywords)
print(repr(square).startswith("functools.partial(<function power at"))
print(square)
convert = functools.partial(int, base=2)
print(convert("1011"), convert("111", base=8))
adders = [functools.partial(lambda a, b: a + b, i) for i in range(3)]
print([f(10) for f in adders])
