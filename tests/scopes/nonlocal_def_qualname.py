def f():
    g = None
    def h():
        nonlocal g
        def g():
            return 1
    h()
    return g
