def f():
    x: (lambda: 1) = 2
    return x
def g():
    pass
