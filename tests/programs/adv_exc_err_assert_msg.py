# Uncaught: an assertion with a formatted message inside a validating decorator.
def positive(func):
    def wrapper(x):
        assert x > 0, f"{func.__name__} needs x > 0, got {x!r}"
        return func(x)
    return wrapper

@positive
def root(x):
    return x ** 0.5

print(root(16.0))
print(root(-4))
