# Decorators with arguments: a function returning a decorator.
def repeat(times):
    def deco(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("ann"))


def clamp(lo, hi):
    def deco(func):
        def wrapper(x):
            return max(lo, min(hi, func(x)))
        return wrapper
    return deco


@clamp(0, 100)
def triple(x):
    return 3 * x


print([triple(v) for v in (-5, 10, 40, 50)])
r0 = repeat(0)
@r0
def never():
    return 1
print(never())
print(repeat(2)(lambda: "x")())
