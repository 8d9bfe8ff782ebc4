# Compile-time error: nonlocal with no enclosing binding (a global of that name does not count).
value = 1

def outer():
    def inner():
        nonlocal value
        value = 2
    return inner

print("never printed")
