# Decorators that decorate decorators: turning a plain decorator into a factory, and stacking.
def with_args(deco):
    def factory(*dargs, **dkwargs):
        def real(func):
            return deco(func, *dargs, **dkwargs)
        return real
    factory.base = deco.__name__
    return factory

@with_args
def prefix(func, text, sep=": "):
    def wrapper(*args):
        return text + sep + str(func(*args))
    return wrapper

@prefix("sum")
def add(*xs):
    return sum(xs)

@prefix("neg", sep=" = ")
def neg(x):
    return -x

print(add(1, 2, 3), neg(4), prefix.base, prefix.__name__)

def announce(deco):
    def announced(func):
        print("decorating", func.__name__, "with", deco.__name__)
        return deco(func)
    return announced

@announce
def double_result(func):
    return lambda *a: func(*a) * 2

@double_result
@double_result
def three():
    return 3

print(three())
print(double_result.__name__, double_result.__qualname__)
