# Order of evaluation: decorator expressions are evaluated top-down, then applied bottom-up.
def make(label):
    print("evaluate decorator expression", label)
    def deco(func):
        print("apply", label, "to", func.__name__)
        def wrapper():
            print("run wrapper", label)
            return func()
        wrapper.__name__ = label + "(" + func.__name__ + ")"
        return wrapper
    return deco


print("before def")


@make("A")
@make("B")
@make("C")
def f():
    print("run f")
    return "done"


print("after def:", f.__name__)
print(f())


def default_value():
    print("evaluate default")
    return 5


@make("D")
def g(x=default_value()):
    return x


print(g())
