counter = 0
def f():
    global counter
    def g():
        return counter
    counter += 1
    return g
