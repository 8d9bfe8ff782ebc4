def f(a):
    b = a
    del a, b
    c = 1
    return c
