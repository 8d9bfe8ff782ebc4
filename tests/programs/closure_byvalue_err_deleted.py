# Deleting a captured parameter makes it a cell; the closure then fails as in CPython.


def make(x):
    get = lambda: x
    print(get())
    del x
    return get


g = make("v")
print(g.__code__.co_freevars)
g()
