# functools.partial used to build decorators and bound callbacks.
import functools


def tagged(func, *, tag):
    @functools.wraps(func)
    def wrapper(*a):
        return f"[{tag}] {func(*a)}"
    return wrapper


info = functools.partial(tagged, tag="INFO")
warn = functools.partial(tagged, tag="WARN")


@info
def started(name):
    return name + " started"


@warn
def low(name, pct):
    return f"{name} at {pct}%"


print(started("job"))
print(low("disk", 93))
print(started.__name__, low.__wrapped__.__name__)
callbacks = [functools.partial(print, "callback", i, sep=":") for i in range(3)]
for cb in callbacks:
    cb()
print(functools.partial(max, default=0)([]))
