def f():
    zeta = 1
    alpha = 2
    mid = 3
    def g():
        return zeta, alpha, mid
    return g
