# co_argcount / co_posonlyargcount / co_kwonlyargcount / co_nlocals / co_varnames / co_flags.
def f0():
    pass

def f1(a, b, /, c, d=1, *args, e, f=2, **kw):
    g = 1
    return g

def f2(*args):
    pass

def f3(**kw):
    pass

def f4(a, *, b):
    pass

def f5(a, /):
    x, y = 1, 2

def outer():
    def nested(p):
        return p
    return nested

lam = lambda x, y=1, *z, k, **w: 0
for fn in (f0, f1, f2, f3, f4, f5, outer(), lam):
    c = fn.__code__
    print(c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals)
    print("   ", c.co_varnames, bool(c.co_flags & 4), bool(c.co_flags & 8), bool(c.co_flags & 16))
print(f0.__code__.co_flags & 3, outer().__code__.co_flags & 19, f2.__code__.co_flags & 32)
