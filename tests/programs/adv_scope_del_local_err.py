# Uncaught: reading a cell variable in its own scope after del (a local-variable message).
def outer():
    value = [1, 2]
    def show():
        return value
    print(show())
    del value
    print("deleted")
    return value

outer()
