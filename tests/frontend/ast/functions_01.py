def f():
    pass

def g(a, b=1, *args, c, d=2, **kwargs):
    return a

def h(a, /, b, *, c):
    return
