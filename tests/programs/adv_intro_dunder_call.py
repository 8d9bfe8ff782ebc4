# Functions are objects: __call__, __class__, __eq__/__hash__, __getattribute__, __repr__.
def f(a, b=1):
    return a + b

call = f.__call__
print(type(call).__name__, repr(call).split(" at ")[0], call(1), call(1, b=5))
print(f.__class__, f.__class__.__name__, f.__class__ is type(f), isinstance(f, object))
print(f.__eq__(f), f.__eq__(len), f.__ne__(f), f.__hash__() == hash(f))
print(f.__getattribute__("__name__"), f.__repr__() == repr(f), f.__str__() == str(f))
print(f.__sizeof__() > 0, f.__call__.__call__(2), callable(f.__call__))
print(len.__call__([1, 2]), type(len.__call__).__name__)
lam = lambda: "lam"
print(lam.__call__(), lam.__class__.__name__)
print(sorted(n for n in dir(f) if not n.startswith("__")), "__call__" in dir(f), "__closure__" in dir(f))
print(len(dir(f)) > 30, dir(f) == sorted(dir(f)))
