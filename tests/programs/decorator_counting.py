# A counting decorator storing the count as a function attribute on the wrapper.
def counted(func):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@counted
def add(a, b):
    return a + b


@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(add.calls)
add(1, 2)
add(3, 4)
print(add.calls)
print(fib(10), fib.calls)
fib.calls = 0
fib(5)
print(fib.calls, add.calls)
print(sorted(vars(add)))


def nonlocal_counter(func):
    n = 0
    def wrapper(*a):
        nonlocal n
        n += 1
        return func(*a), n
    return wrapper


@nonlocal_counter
def ident(x):
    return x


print(ident("a"), ident("b"), ident("c"))
