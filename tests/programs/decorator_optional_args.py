# A decorator usable both bare (@deco) and with arguments (@deco(...)).
def prefix(arg=None, *, text="LOG"):
    def deco(func):
        def wrapper(*a):
            return f"{text}: {func(*a)}"
        return wrapper
    if callable(arg):
        return deco(arg)
    if arg is not None:
        text = arg
    return deco


@prefix
def a():
    return "bare"


@prefix()
def b():
    return "empty call"


@prefix("POS")
def c():
    return "positional"


@prefix(text="KW")
def d():
    return "keyword"


print(a())
print(b())
print(c())
print(d())
