def f(xs):
    return [lambda a=x, b=(lambda: x): a + b() for x in xs]
