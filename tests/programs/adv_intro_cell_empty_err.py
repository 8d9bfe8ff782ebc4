# Uncaught: reading cell_contents of a cell whose variable was never assigned.
def outer():
    def inner():
        return value
    cells = inner.__closure__
    print(len(cells), cells[0])
    print(cells[0].cell_contents)
    value = 1

outer()
