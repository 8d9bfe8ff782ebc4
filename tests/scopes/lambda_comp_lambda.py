def f(k):
    return lambda xs: [lambda: x + k for x in xs]
