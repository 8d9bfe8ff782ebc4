def a():
    x = 1
    def b():
        y = x
        def c():
            nonlocal x
            x = y
        return c
    return b
