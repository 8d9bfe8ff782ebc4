# nonlocal binds the nearest enclosing function scope that has the name.
x = "global"

def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "set by inner"

        inner()
        print("middle sees", x)

    middle()
    print("outer sees", x)


outer()
print("global sees", x)


def shadow():
    y = 1
    def mid():
        y = 2
        def inn():
            nonlocal y
            y += 100
            return y
        return inn, lambda: y
    inn, peek = mid()
    print(inn(), peek(), y)

shadow()
