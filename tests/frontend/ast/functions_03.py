def r(*, a=1, b):
    pass

@decorator
@decorator.attr(1)
def decorated():
    pass

def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
        return x
    return inner
