# Decorator factories with positional, keyword, default and keyword-only arguments.
def repeat(times=2, *, sep=" ", upper=False):
    def deco(func):
        def wrapper(*args, **kwargs):
            parts = [func(*args, **kwargs) for _ in range(times)]
            text = sep.join(parts)
            return text.upper() if upper else text
        wrapper.config = {"times": times, "sep": sep, "upper": upper}
        return wrapper
    return deco

@repeat()
def a(x):
    return x

@repeat(3, sep="-")
def b(x):
    return x

@repeat(sep="|", upper=True, times=1)
def c(x):
    return x

@repeat(**{"times": 2, "sep": "+"})
def d(x):
    return x

for fn in (a, b, c, d):
    print(fn("hi"), fn.config)
try:
    @repeat(2, "-")
    def bad():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    @repeat
    def misused():
        return "x"
    print(type(misused).__name__, misused.__qualname__)
    misused("arg")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bad
except NameError as e:
    print(type(e).__name__, e)
