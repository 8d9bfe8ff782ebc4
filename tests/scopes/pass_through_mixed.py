def a():
    x = y = z = 0
    def b():
        q = y
        def c():
            return x, y, z, q
        return c
    return b
