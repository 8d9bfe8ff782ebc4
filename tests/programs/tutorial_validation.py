# Decorators tutorial: validating arguments before calling the function.
import functools


def validate_types(**expected):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            names = func.__code__.co_varnames[:func.__code__.co_argcount]
            bound = dict(zip(names, args))
            bound.update(kwargs)
            for name, kind in expected.items():
                if name in bound and not isinstance(bound[name], kind):
                    raise TypeError(
                        f"{func.__name__}() argument {name!r} must be {kind.__name__}, "
                        f"not {type(bound[name]).__name__}")
            return func(*args, **kwargs)
        return wrapper
    return decorator


def positive(func):
    @functools.wraps(func)
    def wrapper(*args):
        if any(a <= 0 for a in args):
            raise ValueError(f"{func.__name__} needs positive numbers, got {args}")
        return func(*args)
    return wrapper


@validate_types(name=str, times=int)
def shout(name, times=1):
    return (name.upper() + "! ") * times


@positive
def area(width, height):
    return width * height


print(shout("hey", 2))
print(shout(name="you", times=1))
for bad in [lambda: shout(42), lambda: shout("x", times="3"), lambda: area(3, -1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(area(3, 4))
