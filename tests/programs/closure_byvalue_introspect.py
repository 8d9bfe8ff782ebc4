# A program that looks at __closure__ keeps real cells for every captured variable, so cell
# identity, sharing and cell_contents writes behave exactly as in CPython even for parameters
# that are never reassigned.


def make_pair(x):
    def get():
        return x

    def get_too():
        return x + 0

    return get, get_too


a, b = make_pair(41)
print(a.__closure__[0] is b.__closure__[0])
print(a.__closure__ == b.__closure__, len(a.__closure__))
print(a.__closure__[0].cell_contents, type(a.__closure__[0]).__name__)
a.__closure__[0].cell_contents = 42
print(a(), b())
del b.__closure__[0].cell_contents
try:
    a()
except NameError as e:
    print("NameError:", e)
a.__closure__[0].cell_contents = 7
print(a(), b())


def levels(n):
    return lambda f: lambda x: (n, f, x)


mid = levels(1)
leaf = mid(2)
print(mid.__closure__[0] is leaf.__closure__[1], leaf.__code__.co_freevars)
print([c.cell_contents for c in leaf.__closure__])
leaf.__closure__[1].cell_contents = 100
print(leaf(3), mid(4)(5))


def curry(f):
    return lambda a: lambda b: f(a, b)


add = curry(lambda p, q: p + q)
add1 = add(1)
print(add1(2), [c.cell_contents for c in add1.__closure__][1])
add1.__closure__[0].cell_contents = 10
print(add1(2))
print(curry.__code__.co_cellvars, add.__code__.co_cellvars, add1.__code__.co_freevars)
