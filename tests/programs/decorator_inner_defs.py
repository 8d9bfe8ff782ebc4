# Decorating nested functions that are themselves closures.
def bump(n):
    def deco(func):
        return lambda *a: func(*a) + n
    return deco


def make(base):
    @bump(base)
    def add(x):
        return x + base

    @bump(1)
    @bump(base * 10)
    def twice(x):
        return add(x) * 2

    return add, twice


add, twice = make(3)
print(add(1), twice(1))
add2, twice2 = make(100)
print(add2(0), twice2(0), add(0))
print(add.__name__, add.__qualname__)
