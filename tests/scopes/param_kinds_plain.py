def f(a, /, b, *, c, d=4, **e):
    return a, b, c, d, e
def g(*args):
    return args
def h(**kw):
    return kw
def k(x, *, y):
    return x, y
