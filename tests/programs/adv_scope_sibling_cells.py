# Sibling closures share one cell per variable per call of the factory.
def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    def inc():
        nonlocal value
        value += 1
        return value
    return get, set_, inc

get, set_, inc = make_pair()
get2, set2, inc2 = make_pair()
set_(10)
inc()
print(get(), get2())
inc2()
inc2()
print(get(), get2())
print(get.__closure__[0] is set_.__closure__[0] is inc.__closure__[0])
print(get.__closure__[0] is get2.__closure__[0])
set_.__closure__[0].cell_contents = "via cell"
print(get(), inc2(), get2())

def shared_list():
    items = []
    adders = [lambda v, k=k: items.append((k, v)) for k in range(2)]
    return adders, lambda: items

adders, read = shared_list()
adders[0]("a")
adders[1]("b")
adders[0]("c")
print(read())
print(adders[0].__closure__[0] is adders[1].__closure__[0] is read.__closure__[0])

def rebinding_after_creation():
    x = "first"
    f = lambda: x
    x = "second"
    g = lambda: x
    return f(), g(), f.__closure__[0] is g.__closure__[0]

print(rebinding_after_creation())
