def g():
    def f(x: T) -> R:
        pass
    T = R = 1
    return f
