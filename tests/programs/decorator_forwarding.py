# Wrappers forwarding *args and **kwargs unchanged.
def log_call(func):
    def wrapper(*args, **kwargs):
        parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"{func.__name__}({', '.join(parts)})")
        return func(*args, **kwargs)
    return wrapper


@log_call
def combine(a, b=2, *rest, sep="-", **extra):
    return sep.join(str(x) for x in (a, b) + rest) + str(sorted(extra.items()))


print(combine(1))
print(combine(1, 3, 5, 7, sep="+"))
print(combine("x", sep="", z=1, y=2))
args = (10, 20)
kw = {"sep": "/", "k": "v"}
print(combine(*args, *args, **kw))
try:
    combine()
except TypeError as e:
    print(type(e).__name__, e)
