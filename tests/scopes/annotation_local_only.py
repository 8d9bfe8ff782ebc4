def f():
    x: int
    y: str = 'y'
    def g():
        return x, y
    return g
