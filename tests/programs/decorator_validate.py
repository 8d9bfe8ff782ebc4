# A validating decorator that raises before calling the function.
def positive(*names):
    def deco(func):
        argnames = func.__code__.co_varnames[:func.__code__.co_argcount]
        def wrapper(*args):
            for name, value in zip(argnames, args):
                if name in names and value <= 0:
                    raise ValueError(f"{func.__name__}: {name} must be positive, got {value}")
            return func(*args)
        return wrapper
    return deco


@positive("width", "height")
def area(width, height, label):
    return f"{label}: {width * height}"


print(area(3, 4, "ok"))
for args in [(0, 4, "a"), (3, -1, "b"), (2, 2, "c")]:
    try:
        print(area(*args))
    except ValueError as e:
        print("error:", e)
