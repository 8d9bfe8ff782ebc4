def f():
    fns = []
    for i in range(3):
        def g():
            return i
        fns.append(g)
    return fns
