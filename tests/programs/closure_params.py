# Closures over parameters of every kind.
def capture(a, b=2, *rest, c, d=4, **kw):
    def show():
        return (a, b, rest, c, d, sorted(kw.items()))
    return show


print(capture(1, c=3)())
print(capture(1, 5, 6, 7, c=8, d=9, z=10, y=11)())
f = capture("A", c="C")
print(f.__code__.co_freevars)
print(capture.__code__.co_cellvars)


def scale(factor):
    factor = factor * 2
    return lambda v: v * factor


print(scale(3)(7))


def keep_default(x=[]):
    def push(v):
        x.append(v)
        return len(x)
    return push


p1 = keep_default()
p2 = keep_default()
print(p1(1), p1(2), p2(3))
p3 = keep_default([9])
print(p3(0), p3.__closure__[0].cell_contents)
