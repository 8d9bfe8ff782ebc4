# __wrapped__ chains through several functools.wraps layers; inspect the original.
import functools


def layer(name):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*a, **k):
            return name + "(" + func(*a, **k) + ")"
        wrapper.layer = name
        return wrapper
    return deco


@layer("one")
@layer("two")
@layer("three")
def core(x):
    "Core doc."
    return str(x)


print(core(0))
f = core
chain = []
while hasattr(f, "__wrapped__"):
    chain.append(f.layer)
    f = f.__wrapped__
print(chain, f.__name__, f(1))
print(core.__doc__, core.__name__, core.layer)
print(core.__dict__.keys() >= {"layer", "__wrapped__"})
