# A closure may refer to a sibling defined after it; the cell is filled before the call.
def outer():
    def first(n):
        return "first(" + second(n) + ")"

    def second(n):
        return str(n * helper_value)

    helper_value = 7
    print(first.__code__.co_freevars)
    print(outer_names())
    return first


def outer_names():
    return outer.__code__.co_cellvars


f = outer()
print(f(6))
f.__closure__[0].cell_contents = lambda n: "replaced:" + str(n)
print(f(1))
