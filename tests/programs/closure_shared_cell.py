# Sibling closures created by one call share the same cell.
def make_box(value):
    def get():
        return value

    def put(new):
        nonlocal value
        old = value
        value = new
        return old

    def bump():
        nonlocal value
        value = value + 1

    return get, put, bump


get, put, bump = make_box(1)
print(get())
print(put(41))
bump()
print(get())
get2, put2, bump2 = make_box("x")
put2("y")
print(get(), get2())
print(get.__closure__[0] is put.__closure__[0])
print(get.__closure__[0] is bump.__closure__[0])
print(get.__closure__[0] is get2.__closure__[0])
print(get.__code__.co_freevars, put.__code__.co_freevars)
