# Positional-only parameters before /.
def div(a, b, /, *, rounding=False):
    q = a / b
    return round(q) if rounding else q


print(div(7, 2), div(7, 2, rounding=True))


def both(x, /, y, *, z):
    return x, y, z


print(both(1, 2, z=3), both(1, y=2, z=3))


def kwargs_same_name(name, /, **kw):
    return name, kw


print(kwargs_same_name("pos", name="kw"))
try:
    both(x=1, y=2, z=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    div(1, b=2)
except TypeError as e:
    print(type(e).__name__, e)
print(both.__code__.co_posonlyargcount, both.__code__.co_argcount, both.__code__.co_kwonlyargcount)
