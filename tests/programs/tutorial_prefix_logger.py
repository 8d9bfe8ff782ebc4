# Decorators tutorial: decorators with arguments - a logger with a configurable prefix.
from functools import wraps


def log_with(prefix="LOG", show_result=True):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            print(f"[{prefix}] calling {func.__name__} with {args} {kwargs}")
            result = func(*args, **kwargs)
            if show_result:
                print(f"[{prefix}] {func.__name__} returned {result}")
            return result
        return wrapper
    return decorator


@log_with("MATH")
def add(x, y):
    """Add two numbers."""
    return x + y


@log_with(prefix="STR", show_result=False)
def join_words(*words, sep=" "):
    return sep.join(words)


add(2, 3)
join_words("a", "b", sep="-")
print(add.__name__, add.__doc__)
print(join_words("x", "y"))
