def f():
    shared = 1
    def a():
        return shared
    def b():
        shared = 2
        return shared
    def c():
        nonlocal shared
        shared = 3
    return a, b, c
