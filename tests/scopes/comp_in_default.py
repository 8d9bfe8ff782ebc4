def f(xs):
    def g(ys=[x * 2 for x in xs]):
        return ys
    return g
