def f():
    zé = 1
    é = 2
    a = 3
    Ω = 4
    def g():
        return zé, é, a, Ω
    return g
