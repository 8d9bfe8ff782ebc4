# functools.wraps copies __module__, __name__, __qualname__, __doc__, updates __dict__ and
# sets __wrapped__ (last, so a __wrapped__ in the wrapped function's __dict__ is overridden).
import functools

def deco(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        "wrapper doc is replaced"
        return func(*args, **kwargs)
    wrapper.own = "kept"
    return wrapper

def outer():
    def target(a, b=1):
        "Target doc."
        return a + b
    target.marker = "copied"
    target.__wrapped__ = "overridden"
    target.__module__ = "fake_module"
    return target

t = outer()
w = deco(t)
print(w.__name__, w.__qualname__, w.__doc__, w.__module__)
print(w.__wrapped__ is t, w.marker, w.own, sorted(w.__dict__))
print(w(1), w.__defaults__, t.__defaults__, w.__code__.co_name)
print(repr(w).startswith("<function outer.<locals>.target at 0x"))
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)
w.marker = "changed on wrapper"
print(t.marker, w.__dict__ is t.__dict__)
t.__doc__ = None
w2 = deco(t)
print(w2.__doc__, w2.__name__)
ww = deco(deco(t))
print(ww.__wrapped__.__wrapped__ is t, ww.__wrapped__ is not t, ww.__name__)
