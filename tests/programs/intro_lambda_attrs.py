# Lambdas are ordinary functions: same attributes, settable __name__, defaults, dict.
square = lambda x, p=2: x ** p
print(square.__name__, square.__qualname__, square.__defaults__, square.__doc__)
print(square.__code__.co_varnames, square.__code__.co_argcount, square(3), square(3, 3))
square.__name__ = "square"
square.note = "attached"
print(square.__name__, square.note, square.__dict__)
print(repr(square).startswith("<function <lambda> at"))


def outer(k):
    return lambda: k


lam = outer("kept")
print(lam(), lam.__code__.co_freevars, lam.__qualname__)
print(type(square) is type(outer), callable(lam))
