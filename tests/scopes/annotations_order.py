def f(T):
    def g(a: (lambda: T), /, b: (lambda: T), *c: (lambda: T), d: (lambda: T), **e: (lambda: T)) -> (lambda: T):
        return a
    return g
