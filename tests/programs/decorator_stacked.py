# Stacked decorators apply bottom-up and their wrappers run top-down.
def tag(name):
    def deco(func):
        def wrapper(*args):
            return f"<{name}>" + func(*args) + f"</{name}>"
        return wrapper
    return deco


@tag("b")
@tag("i")
@tag("u")
def text(s):
    return s


print(text("hi"))


def trace(label):
    def deco(func):
        print("decorating with", label)
        def wrapper():
            print("enter", label)
            r = func()
            print("exit", label)
            return r
        return wrapper
    return deco


@trace("outer")
@trace("middle")
@trace("inner")
def work():
    print("working")
    return 1


print(work())
