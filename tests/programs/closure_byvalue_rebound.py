# Captured parameters that are bound again stay cells: every closure sees the latest value,
# and deleting one is seen too.


def rebound_after(x):
    get = lambda: x
    x = x * 10
    return get


def rebound_before(x):
    x = x + 1
    return lambda: x


def augmented(x):
    get = lambda: x
    x += 5
    return get


def rebound_in_loop(x):
    fs = []
    for x in range(x):
        fs.append(lambda: x)
    return [f() for f in fs]


def nonlocal_writer(x):
    def read():
        return x

    def write(v):
        nonlocal x
        x = v

    return read, write


def deep_nonlocal(x):
    def middle():
        def inner():
            nonlocal x
            x += 1
            return x

        return inner

    return middle(), lambda: x


def deleted(x):
    get = lambda: x
    print("before del:", get())
    del x
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    return get


def unpacked(x):
    get = lambda: x
    x, y = x
    return get(), y


def shadowed_import(math):
    get = lambda: math
    import math
    return get().__name__


def except_target(e):
    get = lambda: e
    try:
        raise ValueError("boom")
    except ValueError as e:
        print("handling", repr(e))
    try:
        return get()
    except NameError as err:
        return "NameError: " + str(err)


def redefined(x):
    get = lambda: x
    def x():
        return "inner def"
    return get()()


print(rebound_after(2)())
print(rebound_before(2)())
print(augmented(2)())
print(rebound_in_loop(3))
read, write = nonlocal_writer("a")
print(read())
write("b")
print(read())
inc, look = deep_nonlocal(10)
print(inc(), inc(), look())
deleted(7)
print(unpacked((1, 2)))
print(shadowed_import(None))
print(except_target("original"))
print(redefined(1))


# A parameter captured by value next to one that a sibling rebinds.
def mixed(fixed, moving):
    def show():
        return fixed, moving

    def bump():
        nonlocal moving
        moving += 1

    return show, bump


show, bump = mixed("f", 0)
bump()
bump()
print(show())
print(mixed.__code__.co_cellvars, show.__code__.co_freevars, bump.__code__.co_freevars)
