# A decorator may return the original function after registering it.
registry = []


def register(func):
    registry.append(func)
    return func


@register
def a():
    return "a"


@register
def b():
    return "b"


def c():
    return "c"


print([f.__name__ for f in registry])
print(register(c) is c, len(registry))
print([f() for f in registry])


def mark(func):
    func.marked = True
    return func


@mark
@register
def d():
    return "d"


print(d.marked, registry[-1] is d, d())
