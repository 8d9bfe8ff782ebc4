# The simplest decorators: replace a function with a wrapper that adds behaviour.
def shout(func):
    def wrapper():
        return func().upper() + "!"
    return wrapper


@shout
def greet():
    return "hello"


print(greet())
print(greet.__name__, greet.__qualname__)


def announce(func):
    def wrapper(x):
        print("calling", func.__name__, "with", x)
        result = func(x)
        print("returned", result)
        return result
    return wrapper


@announce
def square(x):
    return x * x


square(7)
print(square(3) + 1)


def manual(x):
    return -x


manual = announce(manual)
manual(5)
