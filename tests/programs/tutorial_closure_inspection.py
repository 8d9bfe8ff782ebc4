# Closures tutorial: looking inside a closure with __closure__ and __code__.
def outer(coefficient):
    product = 1

    def inner(x):
        nonlocal product
        product = product * coefficient * x
        return product

    return inner


f = outer(3)
print(f(2))
print(f(3))
print(f.__code__.co_freevars)
print(len(f.__closure__))
for name, cell in zip(f.__code__.co_freevars, f.__closure__):
    print(name, "=", cell.cell_contents)

# Functions that are not closures have no cells
def plain(x):
    return x + 1


print(plain.__closure__)
print(outer.__code__.co_cellvars)
print(type(f.__closure__[0]))
print(f.__closure__[0])
