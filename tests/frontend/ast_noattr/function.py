def f(a, b=2, *c, d, **e):
    return a + b
