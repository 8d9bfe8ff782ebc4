# Which functions are closures: __closure__ is None unless free variables exist.
def top():
    return 0


def outer():
    x = 1
    y = 2

    def uses_x():
        return x

    def uses_none():
        return 3

    def uses_global():
        return top()

    def uses_both():
        return x + y

    return uses_x, uses_none, uses_global, uses_both


for f in outer():
    cl = f.__closure__
    print(f.__name__, None if cl is None else len(cl), f.__code__.co_freevars)
print(top.__closure__, outer.__code__.co_cellvars)
ux = outer()[0]
print(ux.__closure__[0] is outer()[0].__closure__[0])
