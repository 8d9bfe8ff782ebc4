def f():
    global g
    def g():
        def h():
            pass
        return h
    def k():
        global m
        def m():
            pass
    return k
