# partial of a partial flattens into one partial; keywords merge, later ones win.
import functools

def f(*args, **kwargs):
    return args, kwargs

p1 = functools.partial(f, 1, a="p1")
p2 = functools.partial(p1, 2, a="p2", b="p2")
p3 = functools.partial(p2, 3)
print(p2.func is f, p2.args, p2.keywords)
print(p3.func is f, p3.args, p3.keywords)
print(p3(4, b="call", c="call"))
print(repr(p3).replace(repr(f), "F"))
lam = lambda *a, **k: (a, sorted(k))
q = functools.partial(functools.partial(lam, "x"), y=1)
print(q.func is lam, q.args, q.keywords, q("z", w=0))
p1.attr = "partials have __dict__"
print(p1.attr, p1.__dict__, p2.__dict__)
try:
    p1.func = len
except AttributeError as e:
    print(type(e).__name__, e)
try:
    functools.partial()
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.partial(5)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(p3), isinstance(p3, functools.partial))
print(functools.partial(functools.partial, f, 0)(9)(8))
