def a():
    x = 0
    def b():
        nonlocal x
        x += 1
        def c():
            nonlocal x
            x += 10
            def d():
                nonlocal x
                x *= 2
                return x
            return d
        return c
    return b
