# A decorator can replace the function with any object.
def call_now(func):
    return func()


@call_now
def value():
    return 6 * 7


print(value, type(value).__name__)


def to_list(func):
    return [func(i) for i in range(4)]


@to_list
def squares(i):
    return i * i


print(squares)


def name_of(func):
    return func.__name__


@name_of
def some_function():
    pass


print(some_function)


def as_dict(func):
    return {"fn": func, "doc": func.__doc__}


@as_dict
def documented():
    "I have a docstring."
    return 1


print(documented["doc"], documented["fn"]())


@len
@str
@call_now
def big():
    return 2 ** 100


print(big)
