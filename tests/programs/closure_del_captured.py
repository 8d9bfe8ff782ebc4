# del of a captured variable in the enclosing function, then calling the closure (uncaught).
def outer():
    v = "alive"

    def inner():
        return v

    print(inner())
    del v
    return inner


g = outer()
print("got closure")
g()
