# Uncaught: a closure reads a free variable its enclosing function deleted.
def outer():
    value = "present"
    def show():
        return value
    print(show())
    del value
    return show

show = outer()
print(show.__closure__)
show()
