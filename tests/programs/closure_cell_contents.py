# Reading __closure__ and cell_contents.
def outer():
    a = 1
    b = "two"
    c = [3]

    def inner():
        return a, b, c

    return inner


f = outer()
print(type(f.__closure__).__name__, len(f.__closure__))
print(f.__code__.co_freevars)
print([cell.cell_contents for cell in f.__closure__])
print(type(f.__closure__[0]).__name__)
f.__closure__[2].cell_contents.append(4)
print(f())


def plain():
    return 1


print(plain.__closure__)
print((lambda: 0).__closure__)
g = lambda: f
print(g.__closure__)
