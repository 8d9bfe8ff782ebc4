# Uncaught: unbounded recursion through a decorator wrapper.
def passthrough(func):
    def wrapper(n):
        return func(n)
    return wrapper

@passthrough
def down(n):
    return down(n - 1) if n != 0 else "bottom"

print(down(50))
print(down(-1))
