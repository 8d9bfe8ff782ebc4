# Uncaught: reading an empty cell.
def outer():
    def inner():
        return x
    cell = inner.__closure__[0]
    print("about to read", inner.__code__.co_freevars)
    print(cell.cell_contents)
    x = 1


outer()
