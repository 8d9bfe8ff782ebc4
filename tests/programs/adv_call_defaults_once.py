# Defaults are evaluated once, at def time, left to right; mutable defaults are shared.
log = []


def note(tag, value):
    log.append(tag)
    return value


print("before def")


def f(a=note("a", []), b=note("b", {}), *, c=note("c", 0)):
    a.append(len(a))
    b[len(b)] = c
    return a, b


print("after def", log)
print(f())
print(f())
print(f([9]))
print(f())
print(f.__defaults__)
x = 10


def g(v=x):
    return v


x = 20
print(g(), g(x))


def make():
    items = []

    def add(v, acc=items):
        acc.append(v)
        return acc
    return add, items


add, items = make()
add(1)
add(2)
print(items, add(3, []), items)
add2, items2 = make()
print(add2(0), items2 is items)
