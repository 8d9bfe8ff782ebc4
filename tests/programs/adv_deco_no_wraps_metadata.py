# Without functools.wraps the wrapper keeps its own metadata.
def plain(func):
    def wrapper(*args, **kwargs):
        "wrapper doc"
        return func(*args, **kwargs)
    return wrapper

def nodoc(func):
    def wrapper(*args):
        return func(*args)
    return wrapper

@plain
def documented(a, b=2, *, c=3):
    "Original docstring."
    return a + b + c

@nodoc
def other():
    "lost"

print(documented.__name__, documented.__qualname__, documented.__doc__)
print(other.__doc__, other.__name__)
print(documented.__defaults__, documented.__kwdefaults__, documented.__code__.co_argcount)
print(documented.__code__.co_flags & 4 != 0, documented.__code__.co_flags & 8 != 0)
print(documented.__module__, hasattr(documented, "__wrapped__"))
print(documented(1), documented(1, 1, c=1))
print(repr(documented).startswith("<function plain.<locals>.wrapper at 0x"))
print(documented.__code__.co_varnames, documented.__code__.co_freevars)
