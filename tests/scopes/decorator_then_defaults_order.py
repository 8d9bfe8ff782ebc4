def f(d):
    @d(lambda: 1)
    def g(x=lambda: 2, *, y=lambda: 3):
        return x
    return g
