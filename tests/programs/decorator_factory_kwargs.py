# Decorator factories taking keyword arguments with defaults.
def format_result(*, prefix="", suffix="", upper=False, width=None):
    def deco(func):
        def wrapper(*args, **kwargs):
            s = str(func(*args, **kwargs))
            if upper:
                s = s.upper()
            if width is not None:
                s = s.rjust(width, ".")
            return prefix + s + suffix
        return wrapper
    return deco


@format_result()
def plain(x):
    return x


@format_result(prefix="[", suffix="]")
def bracketed(x):
    return x


@format_result(upper=True, width=8, prefix=">")
def loud(x):
    return "v" + str(x)


print(plain(1), bracketed(2), loud(3))
opts = {"suffix": "?", "upper": True}
@format_result(**opts)
def ask(q):
    return q
print(ask("really"))
try:
    format_result("positional")
except TypeError as e:
    print(type(e).__name__, e)
