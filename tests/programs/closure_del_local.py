# del of a plain local, then reading it: UnboundLocalError (uncaught).
def f():
    x = 10
    print("x is", x)
    del x
    print("deleted")
    return x


f()
