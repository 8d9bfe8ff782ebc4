# functools.wraps copies metadata and sets __wrapped__.
import functools


def plain(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def wrapped(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@plain
def first(x):
    "First docstring."
    return x


@wrapped
def second(x):
    "Second docstring."
    return x


second.extra = "kept"
print(first.__name__, first.__qualname__, first.__doc__)
print(second.__name__, second.__qualname__, second.__doc__)
print(second.__wrapped__.__name__, second(5), second.__wrapped__(6))
print(hasattr(first, "__wrapped__"), second.__module__)


def tagged(func):
    func.tag = "important"
    return func


@wrapped
@tagged
def third():
    pass


print(third.tag, third.__dict__.get("tag"), third.__wrapped__.tag)


@wrapped
@wrapped
def fourth():
    "Doc of fourth."


print(fourth.__doc__, fourth.__wrapped__.__wrapped__.__name__)
print(fourth.__wrapped__ is not fourth.__wrapped__.__wrapped__)
