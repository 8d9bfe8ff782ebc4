# nonlocal and global for the same name in different nested functions.
v = "global v"


def outer():
    v = "outer v"

    def set_nonlocal():
        nonlocal v
        v = "nonlocal write"

    def set_global():
        global v
        v = "global write"

    def read():
        return v

    set_global()
    print(read(), "|", v)
    set_nonlocal()
    print(read(), "|", v)
    return read


r = outer()
print(r(), "|", v)


def counter():
    global calls
    calls = 0
    def inc():
        global calls
        calls += 1
    return inc


inc = counter()
inc(); inc()
print(calls)
