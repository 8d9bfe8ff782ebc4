# Compile-time error: a name assigned before its nonlocal declaration in the same function.
print("never printed")

def outer():
    x = 1
    def inner():
        x = 2
        nonlocal x
    return inner

outer()
