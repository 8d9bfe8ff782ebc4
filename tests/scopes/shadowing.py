x = 'module'
def f():
    x = 'f'
    def g():
        x = 'g'
        def h():
            return x
        return h
    return g, x
