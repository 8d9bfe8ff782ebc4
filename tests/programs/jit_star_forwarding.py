# Star-argument forwarding (jit/codegen_forward.c): f(*args, **kwargs) reusing the tuple and
# skipping an empty dict, against lists, ranges, non-iterables, non-mappings, keywords.
def deco(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@deco
def f(a, b=2, *rest, c=3, **kw):
    return (a, b, rest, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=9, z=1))
def g(x):
    return x * 2
def fwd_list(fn, lst):
    return fn(*lst)
print(fwd_list(g, [21]))
print(fwd_list(g, (4,)))
print(fwd_list(g, range(3, 4)))
try:
    fwd_list(g, 5)
except TypeError as e:
    print(e)
try:
    fwd_list(g, (1, 2))
except TypeError as e:
    print(e)
def fwd_kw(fn, kw):
    return fn(**kw)
print(fwd_kw(g, {'x': 3}))
print(fwd_kw(g, {}) if False else "skip")
try:
    fwd_kw(g, {})
except TypeError as e:
    print(e)
try:
    fwd_kw(g, [1])
except TypeError as e:
    print(e)
try:
    fwd_kw(g, {1: 2})
except TypeError as e:
    print(e)
def both(fn, a, k):
    return fn(*a, **k)
print(both(f, (1,), {}))
print(both(f, [1, 2, 3], {'c': 0}))
try:
    both(g, (1,), {'x': 2})
except TypeError as e:
    print(e)
def extra(fn, a):
    return fn(0, *a)
print(extra(f, (1, 2)))
def keeps(*args):
    t = (*args,)
    return t, t is args
print(keeps(1, 2)[0], keeps(1, 2)[1])
@deco
def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return boom(n - 1)
try:
    boom(3)
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("frames", n)
@deco
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
def passthrough(*args):
    return args
def w2(*args):
    return passthrough(*args)
print(w2(), w2(1), w2(1, 2, 3))
print(max(*[3, 9, 2]), print(*[1, 2], sep='-'))
boom(0)
