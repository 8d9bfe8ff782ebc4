def f(p1, p2, /, a, b=1, *args, k1, k2=2, **kwargs):
    def g():
        return p2, b, args, k2, kwargs
    return g
