def f():
    def g():
        return 1
    def g():
        return 2
    return g
