# repr of functions, lambdas and cells (addresses are normalised by the test runner).
def outer():
    value = 5
    word = "text"
    items = [1, 2]
    nothing = None
    def inner():
        return value, word, items, nothing
    return inner


f = outer()
print(outer)
print(f)
print(repr(lambda: 0))
for cell in f.__closure__:
    print(cell)


def with_empty():
    def g():
        return later
    c = g.__closure__[0]
    print(c)
    later = 1.5
    print(c)


with_empty()
print(str(f) == repr(f))
print([f][0] is f, [outer])
