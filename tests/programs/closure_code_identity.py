# Two closures made by one def share their code object but are different functions.
def make(n):
    def f():
        return n
    return f


a = make(1)
b = make(2)
print(a is b, a.__code__ is b.__code__)
print(a(), b())
print(a.__closure__[0] is b.__closure__[0])
print(a.__name__ == b.__name__, a.__qualname__)
print(a == b, a == a)
lams = [lambda: k for k in range(3)]
print(all(l.__code__ is lams[0].__code__ for l in lams))
print(len(set(id(l) for l in lams)))


def other():
    def f():
        return 0
    return f


print(other().__code__ is a.__code__)
print(other().__code__ is other().__code__)
