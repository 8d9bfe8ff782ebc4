# A closure that reads a global, a nonlocal and a builtin, with globals rebound later.
factor = 2


def outer(offset):
    def inner(x):
        return abs(x) * factor + offset
    return inner


f = outer(1)
print(f(-5))
factor = 10
print(f(-5))


def outer2():
    factor = "local factor"
    def inner():
        return factor
    def inner_global():
        global factor
        factor = 3
        return factor
    return inner, inner_global


a, b = outer2()
print(a(), b(), a(), factor)
print(a.__code__.co_freevars, b.__code__.co_freevars, b.__code__.co_names)
