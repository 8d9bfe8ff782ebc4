def f(d, c, b, a, zz, aa):
    def h():
        return a, b, c, d, zz, aa, later, early
    early = later = 1
    return h
