def f(a, b, c):
    def g():
        return a + c
    return g
