# Cells are shared, not copied: identity and equality of cells.
def outer():
    a = 1
    b = 2
    f = lambda: a
    g = lambda: a + b
    h = lambda: b
    return f, g, h


f, g, h = outer()
print(f.__code__.co_freevars, g.__code__.co_freevars, h.__code__.co_freevars)
print(f.__closure__[0] is g.__closure__[0])
print(g.__closure__[1] is h.__closure__[0])
print(f.__closure__[0] is h.__closure__[0])
g.__closure__[0].cell_contents = 10
h.__closure__[0].cell_contents = 20
print(f(), g(), h())
f2, g2, h2 = outer()
print(f2(), g2(), h2())
print(f.__closure__[0] == f2.__closure__[0], f.__closure__[0] == f.__closure__[0])
