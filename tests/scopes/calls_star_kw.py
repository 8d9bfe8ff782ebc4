def f(fn, args, kw):
    a = fn(*args, key=b, *rest, **kw)
    b = rest = 0
    return a
