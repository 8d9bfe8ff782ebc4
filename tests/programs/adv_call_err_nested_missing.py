# Uncaught: a nested function called with too few arguments (qualname in the message).
def make_adder(base):
    def add(x, y):
        return base + x + y
    return add


add = make_adder(10)
print(add(1, 2))
print(add.__qualname__)
print(add(3))
print("not reached")
