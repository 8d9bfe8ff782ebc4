# Compile-time error: nonlocal at module level (no earlier use of the name).
print("never printed")

def fine():
    y = 1
    def inner():
        nonlocal y
    return inner

nonlocal x
x = 1
