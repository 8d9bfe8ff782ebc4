# A summary table of introspection for several function shapes.
def describe(fn):
    c = fn.__code__
    return (fn.__name__, fn.__qualname__, c.co_argcount, c.co_kwonlyargcount,
            c.co_varnames[:c.co_argcount], fn.__defaults__, fn.__kwdefaults__,
            c.co_freevars, None if fn.__closure__ is None else len(fn.__closure__))

def plain(a, b=1):
    return a

def outer(n):
    def middle(m=2, *, k):
        def leaf(*args, **kw):
            return n, m, k
        return leaf
    return middle

mid = outer(1)
leaf = mid(k=3)
for fn in (plain, outer, mid, leaf, lambda q, *, r=0: q, describe):
    print(describe(fn))
print(describe(lambda: describe))
