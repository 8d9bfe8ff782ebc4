# A free variable passes through a middle function that never names it.
def outer():
    x = "from outer"

    def middle():
        def inner():
            return x
        return inner

    return middle


middle = outer()
inner = middle()
print(inner())
print(middle.__code__.co_freevars)
print(inner.__code__.co_freevars)
print(outer.__code__.co_cellvars)
print(middle.__code__.co_cellvars)
print(middle.__closure__[0] is inner.__closure__[0])


def level1(a):
    def level2(b):
        def level3(c):
            def level4():
                return a + b + c
            return level4
        return level3
    return level2


print(level1(1)(20)(300)())
f = level1("a")("b")("c")
print(f.__code__.co_freevars)
