# type(), isinstance() and callable() on functions, lambdas, closures and builtins.
def f():
    pass


def outer():
    x = 1
    return lambda: x


g = lambda: 0
c = outer()
print(type(f), type(g), type(c))
print(type(f) is type(g) is type(c), type(f).__name__)
print(type(len), type(len).__name__, type(print) is type(len))
print(isinstance(f, type(g)), isinstance(len, type(f)), isinstance(3, int), isinstance(True, int))
print(isinstance(3, (str, int)), isinstance("s", (list, tuple)), isinstance([], list))
print(callable(f), callable(c), callable(len), callable(int), callable("s"), callable(None))
print(type(f.__code__).__name__, type(c.__closure__).__name__, type(c.__closure__[0]).__name__)
print(type(type(f)).__name__, type(int).__name__, isinstance(int, type))
print(type(f()) is type(None), type(1) == int, type(1.0) != int)
