# A decorator usable as @deco, @deco() and @deco(prefix=...): the callable-first-argument trick.
def logged(func=None, *, prefix="LOG"):
    if func is None:
        return lambda f: logged(f, prefix=prefix)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(prefix, func.__name__, args, kwargs, "->", result)
        return result
    wrapper.prefix = prefix
    return wrapper

@logged
def a(x):
    return x + 1

@logged()
def b(x):
    return x * 2

@logged(prefix="DBG")
def c(x, y=0):
    return x - y

a(1)
b(2)
c(5, y=3)
print(a.prefix, b.prefix, c.prefix)
print(a.__qualname__, b.__qualname__)
try:
    @logged("positional")
    def d():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    d
except NameError as e:
    print(type(e).__name__, e)
try:
    logged("not callable")(1)
except TypeError as e:
    print(type(e).__name__, e)
