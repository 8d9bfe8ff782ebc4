# Following a __wrapped__ chain by hand; wraps copies metadata at decoration time only.
import functools

def layer(tag):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args):
            return tag + "(" + str(func(*args)) + ")"
        wrapper.layer = tag
        return wrapper
    return deco

@layer("a")
@layer("b")
@layer("c")
def core(x):
    "core doc"
    return x

print(core(1), core.layer, core.__name__, core.__doc__)
chain = []
f = core
while hasattr(f, "__wrapped__"):
    chain.append(getattr(f, "layer", None))
    f = f.__wrapped__
print(chain, f is core.__wrapped__.__wrapped__.__wrapped__, f(1), f.__qualname__)
print(sorted(core.__dict__), core.__wrapped__.layer)
f.__doc__ = "changed later"
print(core.__doc__, f.__doc__)
f.extra = "added later"
print(hasattr(core, "extra"), sorted(f.__dict__))
core.__wrapped__ = len
print(core(2), core.__wrapped__)
