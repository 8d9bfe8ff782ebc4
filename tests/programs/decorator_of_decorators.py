# A decorator that turns a simple two-argument function into a decorator factory.
def decorator_with_args(deco):
    def factory(*dargs):
        def real(func):
            return deco(func, *dargs)
        return real
    return factory


@decorator_with_args
def multiply_result(func, k):
    def wrapper(*a):
        return func(*a) * k
    return wrapper


@decorator_with_args
def add_result(func, k):
    return lambda *a: func(*a) + k


@multiply_result(10)
@add_result(1)
def ident(x):
    return x


print(ident(4))
print(multiply_result.__name__, multiply_result(2).__name__)
print(add_result(5)(len)("abc"))
